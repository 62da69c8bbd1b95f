// Values through the API: each value class's constructors, tests and accessors, display
// forms, value semantics of containers read and written through the API.
#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

using ValuesTest = ApiTest;

TEST_F(ValuesTest, Primitives) {
  HandleScope scope(isolate());
  Local<Value> nil = Nil(isolate());
  EXPECT_TRUE(nil->IsNil());
  EXPECT_FALSE(nil->BooleanValue());
  EXPECT_STREQ(nil->TypeName(), "nil");

  Local<Boolean> yes = Boolean::New(isolate(), true);
  EXPECT_TRUE(yes->IsBoolean());
  EXPECT_TRUE(yes->IsTrue());
  EXPECT_TRUE(yes->Value());
  EXPECT_FALSE(Boolean::New(isolate(), false)->BooleanValue());

  Local<Integer> small = Integer::New(isolate(), -42).ToLocalChecked();
  EXPECT_TRUE(small->IsInteger());
  EXPECT_TRUE(small->IsNumber());
  EXPECT_FALSE(small->IsFloat());
  EXPECT_EQ(small->Value(), -42);
  // Beyond the small-integer range the value is boxed on the heap; the API hides that.
  Local<Integer> big = Integer::New(isolate(), INT64_MAX).ToLocalChecked();
  EXPECT_EQ(big->Value(), INT64_MAX);
  EXPECT_EQ(big->ToText(), "9223372036854775807");

  Local<Number> half = Number::New(isolate(), 0.5).ToLocalChecked();
  EXPECT_TRUE(half->IsFloat());
  EXPECT_DOUBLE_EQ(half->Value(), 0.5);
  EXPECT_EQ(half->ToText(), "0.5");
  EXPECT_DOUBLE_EQ(small.As<Number>()->Value(), -42.0);
  EXPECT_STREQ(half->TypeName(), "float");
}

TEST_F(ValuesTest, Conversions) {
  HandleScope scope(isolate());
  TryCatch try_catch(isolate());
  Local<Value> pi = Number::New(isolate(), 3.75).ToLocalChecked();
  EXPECT_EQ(pi->IntegerValue(context()).FromJust(), 3);
  EXPECT_DOUBLE_EQ(pi->NumberValue(context()).FromJust(), 3.75);
  Local<Value> text = Str("x");
  EXPECT_TRUE(text->NumberValue(context()).IsNothing());
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Type error: Cannot convert string to a number");
  try_catch.Reset();
  EXPECT_TRUE(Nil(isolate())->IntegerValue(context()).IsNothing());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Type error: Cannot convert nil to an integer");
  // Floats convert as `x as i64` does.
  Local<Value> huge = Number::New(isolate(), 1e300).ToLocalChecked();
  Maybe<int64_t> converted = huge->IntegerValue(context());
  try_catch.Reset();
  Local<Value> expected = Run("1e300 as i64").ToLocalChecked();
  EXPECT_EQ(converted.IsJust(), !try_catch.HasCaught());
  if (converted.IsJust()) {
    EXPECT_EQ(converted.FromJust(), expected.As<Integer>()->Value());
  }
}

TEST_F(ValuesTest, StringsAreUtf8) {
  HandleScope scope(isolate());
  Local<String> text = Str("héllo, 世界");
  EXPECT_TRUE(text->IsString());
  EXPECT_EQ(text->Length(), 9);
  EXPECT_EQ(text->Utf8Length(), 14);
  EXPECT_EQ(text->Utf8Value(), "héllo, 世界");
  EXPECT_EQ(text->ToText(TextForm::kDisplay), "héllo, 世界");
  EXPECT_EQ(text->ToText(TextForm::kRepl), "\"héllo, 世界\"");
  // Explicit lengths may include NUL bytes.
  Local<String> with_nul = String::NewFromUtf8(isolate(), "a\0b", 3).ToLocalChecked();
  EXPECT_EQ(with_nul->Utf8Length(), 3);
  // Strings made by Ruchy (concatenations) read back the same way.
  Local<Value> joined = Run("let a = \"ab\"; a + \"cd\" + \"é\"").ToLocalChecked();
  EXPECT_EQ(joined.As<String>()->Utf8Value(), "abcdé");
  EXPECT_EQ(joined->ToString(context()).ToLocalChecked()->Utf8Value(), "abcdé");
}

TEST_F(ValuesTest, ArraysAndCopySemantics) {
  HandleScope scope(isolate());
  Local<Array> array = Array::New(isolate(), 2).ToLocalChecked();
  EXPECT_EQ(array->Length(), 2u);
  EXPECT_TRUE(array->Get(context(), 0).ToLocalChecked()->IsNil());
  EXPECT_TRUE(array->Set(context(), 1, Str("b")).FromJust());
  EXPECT_TRUE(array->Push(context(), Integer::New(isolate(), 7).ToLocalChecked()).FromJust());
  EXPECT_EQ(array->ToText(), "[nil, \"b\", 7]");

  TryCatch try_catch(isolate());
  EXPECT_TRUE(array->Get(context(), 5).IsEmpty());
  EXPECT_EQ(try_catch.GetMessage().Get(),
            "Runtime error: Index 5 out of bounds for array of length 3");
  try_catch.Reset();
  EXPECT_TRUE(array->Set(context(), 3, Nil(isolate())).IsNothing());
  EXPECT_TRUE(try_catch.HasCaught());

  // A global array read through the API is a copy: changing it does not change the global,
  // and the script's later changes do not show in the copy.
  Run("let mut xs = [1, 2, 3]");
  Local<Array> copy = context()->Global()->Get(context(), "xs").ToLocalChecked().As<Array>();
  EXPECT_TRUE(copy->Set(context(), 0, Integer::New(isolate(), 100).ToLocalChecked()).FromJust());
  EXPECT_EQ(copy->ToText(), "[100, 2, 3]");
  EXPECT_EQ(Eval("xs"), "[1, 2, 3]");
  Run("xs.push(4)");
  EXPECT_EQ(copy->ToText(), "[100, 2, 3]");
  // And a value given to Ruchy is a copy too.
  EXPECT_TRUE(context()->Global()->Set(context(), "ys", copy).FromJust());
  Run("ys[1] = 200");
  EXPECT_EQ(copy->ToText(), "[100, 2, 3]");
  EXPECT_EQ(Eval("ys"), "[100, 200, 3]");
}

TEST_F(ValuesTest, Maps) {
  HandleScope scope(isolate());
  Local<Map> map = Map::New(isolate()).ToLocalChecked();
  EXPECT_TRUE(map->IsMap());
  EXPECT_TRUE(
      map->Set(context(), Str("one"), Integer::New(isolate(), 1).ToLocalChecked()).FromJust());
  EXPECT_TRUE(
      map->Set(context(), Integer::New(isolate(), 2).ToLocalChecked(), Str("two")).FromJust());
  EXPECT_EQ(map->Size(), 2u);
  EXPECT_TRUE(map->Has(context(), Str("one")).FromJust());
  EXPECT_EQ(map->Get(context(), Str("one")).ToLocalChecked().As<Integer>()->Value(), 1);
  EXPECT_EQ(map->Keys(context()).ToLocalChecked()->ToText(), "[\"one\", 2]");

  TryCatch try_catch(isolate());
  EXPECT_TRUE(map->Get(context(), Str("three")).IsEmpty());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Runtime error: Key 'three' not found in object");
  try_catch.Reset();
  // Arrays are not valid keys.
  EXPECT_TRUE(
      map->Set(context(), Array::New(isolate()).ToLocalChecked(), Nil(isolate())).IsNothing());
  EXPECT_TRUE(try_catch.HasCaught());

  EXPECT_TRUE(map->Delete(context(), Str("one")).FromJust());
  EXPECT_FALSE(map->Delete(context(), Str("one")).FromJust());
  EXPECT_EQ(map->Size(), 1u);

  Local<Value> from_script =
      Run("let mut m = HashMap::new(); m.insert(\"k\", [1]); m").ToLocalChecked();
  ASSERT_TRUE(from_script->IsMap());
  EXPECT_EQ(from_script.As<Map>()->Get(context(), Str("k")).ToLocalChecked()->ToText(), "[1]");
}

TEST_F(ValuesTest, StructsFromScripts) {
  HandleScope scope(isolate());
  Local<Value> value = Run(R"(
    struct Point { x: i64, y: i64, label: String }
    Point { x: 3, y: -4, label: "p" }
  )")
                           .ToLocalChecked();
  ASSERT_TRUE(value->IsStruct());
  EXPECT_STREQ(value->TypeName(), "struct");
  Local<Struct> point = value.As<Struct>();
  EXPECT_EQ(point->GetTypeName(), "Point");
  EXPECT_EQ(point->FieldNames(), (std::vector<std::string>{"x", "y", "label"}));
  EXPECT_EQ(point->Get(context(), "y").ToLocalChecked().As<Integer>()->Value(), -4);
  EXPECT_EQ(point->Get(context(), "label").ToLocalChecked().As<String>()->Utf8Value(), "p");
  TryCatch try_catch(isolate());
  EXPECT_TRUE(point->Get(context(), "z").IsEmpty());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Runtime error: Field 'z' not found in struct Point");
  EXPECT_TRUE(point->Set(context(), "x", Integer::New(isolate(), 10).ToLocalChecked()).FromJust());
  EXPECT_EQ(point->Get(context(), "x").ToLocalChecked().As<Integer>()->Value(), 10);
  // Ruchy sees the changed struct when given it back.
  context()->Global()->Set(context(), "q", point).FromJust();
  EXPECT_EQ(Eval("q.x + q.y"), "6");
}

TEST_F(ValuesTest, OtherKindsAndEquality) {
  HandleScope scope(isolate());
  EXPECT_TRUE(Run("(1, \"a\")").ToLocalChecked()->IsTuple());
  EXPECT_TRUE(Run("Some(1)").ToLocalChecked()->IsEnum());
  EXPECT_TRUE(Run("1..3").ToLocalChecked()->IsRange());
  EXPECT_TRUE(Run("fn f() { 1 }\nf").ToLocalChecked()->IsFunction());
  Local<Value> a = Run("[1, [2, 3]]").ToLocalChecked();
  Local<Value> b = Run("[1, [2, 3]]").ToLocalChecked();
  EXPECT_TRUE(a->Equals(b));
  EXPECT_FALSE(a->StrictEquals(b));
  EXPECT_TRUE(a->StrictEquals(a));
  EXPECT_TRUE(a == a);
  EXPECT_FALSE(a == b);
  EXPECT_TRUE(Integer::New(isolate(), 2)
                  .ToLocalChecked()
                  ->Equals(Number::New(isolate(), 2.0).ToLocalChecked()));
  EXPECT_EQ(Run("\"q\"").ToLocalChecked()->ToText(TextForm::kDebug), "\"q\"");
  EXPECT_EQ(Run("[\"q\"]").ToLocalChecked()->ToText(TextForm::kDisplay), "[\"q\"]");
}

}  // namespace
}  // namespace ruchy
