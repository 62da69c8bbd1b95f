// The text forms of every value kind (LANGUAGE.md §4, value-ops.h TextForm): display, REPL,
// f-string, debug and concatenation, including sorted keys, nesting limits and cycles.
#include <cmath>
#include <limits>

#include "test/unittests/runtime/value-test-utils.h"

namespace ruchy::internal {
namespace {

using TextTest = ValueOpsTest;

constexpr TextForm kAllForms[] = {TextForm::kDisplay, TextForm::kRepl, TextForm::kFString,
                                  TextForm::kDebug, TextForm::kConcat};

TEST_F(TextTest, Scalars) {
  HandleScope scope(isolate());
  for (TextForm form : kAllForms) {
    EXPECT_EQ(Text(Int(-5), form), "-5");
    EXPECT_EQ(Text(Int(std::numeric_limits<int64_t>::min()), form), "-9223372036854775808");
    EXPECT_EQ(Text(Bool(true), form), "true");
    EXPECT_EQ(Text(Bool(false), form), "false");
    EXPECT_EQ(Text(Nil(), form), "nil");
    EXPECT_EQ(Text(Float(2.5), form), "2.5");
    EXPECT_EQ(Text(Float(INFINITY), form), "inf");
    EXPECT_EQ(Text(Float(-INFINITY), form), "-inf");
    EXPECT_EQ(Text(Float(NAN), form), "NaN");
    EXPECT_EQ(Text(Closure(), form), "<function>");
  }
}

TEST_F(TextTest, Floats) {
  HandleScope scope(isolate());
  EXPECT_EQ(Text(Float(5)), "5.0");
  EXPECT_EQ(Text(Float(-0.0)), "-0.0");
  EXPECT_EQ(Text(Float(0.1)), "0.1");
  EXPECT_EQ(Text(Float(1e-7)), "0.0000001");
  EXPECT_EQ(Text(Float(1e20)), "100000000000000000000.0");
  EXPECT_EQ(Text(Float(5), TextForm::kDebug), "5.0");
  EXPECT_EQ(Text(Float(5), TextForm::kFString), "5.0");
  // Concatenation form: the shortest text without ".0", at the top level only.
  EXPECT_EQ(Text(Float(3), TextForm::kConcat), "3");
  EXPECT_EQ(Text(Float(-4), TextForm::kConcat), "-4");
  EXPECT_EQ(Text(Float(0.1), TextForm::kConcat), "0.1");
  EXPECT_EQ(Text(Arr({Float(3)}), TextForm::kConcat), "[3.0]");
  // Double-kind arrays print their unboxed elements the same way.
  Handle<Value> doubles = Arr({Float(1), Float(2.5), Float(NAN)});
  ASSERT_EQ(Handle<Array>::cast(doubles)->kind(), ElementsKind::kDouble);
  EXPECT_EQ(Text(doubles), "[1.0, 2.5, NaN]");
}

TEST_F(TextTest, Strings) {
  HandleScope scope(isolate());
  Handle<Value> s = S("say \"hi\"\n\tback\\slash");
  EXPECT_EQ(Text(s), "say \"hi\"\n\tback\\slash");
  EXPECT_EQ(Text(s, TextForm::kFString), "say \"hi\"\n\tback\\slash");
  EXPECT_EQ(Text(s, TextForm::kConcat), "say \"hi\"\n\tback\\slash");
  EXPECT_EQ(Text(s, TextForm::kRepl), "\"say \"hi\"\n\tback\\slash\"");
  EXPECT_EQ(Text(s, TextForm::kDebug), "\"say \\\"hi\\\"\\n\\tback\\\\slash\"");
  EXPECT_EQ(Text(S("a\rb\x01\x7f"
                   "c\0d"),
                 TextForm::kDebug),
            "\"a\\rb\\u{1}\\u{7f}c\"");
  EXPECT_EQ(Text(S(std::string_view("nul\0!", 5)), TextForm::kDebug), "\"nul\\0!\"");
  EXPECT_EQ(Text(S("héllo 😀"), TextForm::kDebug), "\"héllo 😀\"");
  EXPECT_EQ(Text(S("'"), TextForm::kDebug), "\"'\"");
  // Ropes print chunk by chunk.
  Handle<Value> rope = Check(factory()->NewConsString(Str("a rope made of two long halves, "),
                                                      Str("the second \"quoted\"")));
  ASSERT_TRUE((*rope).IsConsString());
  EXPECT_EQ(Text(rope), "a rope made of two long halves, the second \"quoted\"");
  EXPECT_EQ(Text(rope, TextForm::kDebug),
            "\"a rope made of two long halves, the second \\\"quoted\\\"\"");
  EXPECT_EQ(Text(Arr({rope})), "[\"a rope made of two long halves, the second \"quoted\"\"]");
}

TEST_F(TextTest, ArraysAndTuples) {
  HandleScope scope(isolate());
  Handle<Value> v = Arr({Int(1), S("a"), Float(2)});
  EXPECT_EQ(Text(v), "[1, \"a\", 2.0]");
  EXPECT_EQ(Text(v, TextForm::kRepl), "[1, \"a\", 2.0]");
  EXPECT_EQ(Text(v, TextForm::kFString), "[1, a, 2.0]");
  EXPECT_EQ(Text(v, TextForm::kDebug), "[1, \"a\", 2.0]");
  Handle<Value> t = Tup({S("x"), Int(2)});
  EXPECT_EQ(Text(t), "(\"x\", 2)");
  EXPECT_EQ(Text(t, TextForm::kFString), "(x, 2)");
  EXPECT_EQ(Text(Tup({Int(1)})), "(1)");
  EXPECT_EQ(Text(Tup({})), "()");
  EXPECT_EQ(Text(Arr({})), "[]");
  Handle<Value> nested = Arr({Arr({S("x")}), Tup({S("y"), Arr({Nil()})})});
  EXPECT_EQ(Text(nested), "[[\"x\"], (\"y\", [nil])]");
  EXPECT_EQ(Text(nested, TextForm::kFString), "[[x], (y, [nil])]");
  EXPECT_EQ(Text(Tup({Tup({Int(1), Int(2)}), Arr({Int(3), Tup({Int(4), S("x")})})})),
            "((1, 2), [3, (4, \"x\")])");
  // f-strings unquote only through arrays and tuples: inside a map or Some, quoted again.
  Handle<Value> mixed = Arr({Map({{S("k"), S("v")}}), Some(S("s")), S("raw")});
  EXPECT_EQ(Text(mixed, TextForm::kFString), "[{k: \"v\"}, Some(\"s\"), raw]");
  EXPECT_EQ(Text(Some(S("s")), TextForm::kFString), "Some(\"s\")");
  EXPECT_EQ(Text(Arr({S("q\"uote\n")}), TextForm::kDebug), "[\"q\\\"uote\\n\"]");
  EXPECT_EQ(Text(Arr({S("q\"uote")})), "[\"q\"uote\"]");  // display never escapes
}

TEST_F(TextTest, Ranges) {
  HandleScope scope(isolate());
  EXPECT_EQ(Text(RangeOf(Int(0), Int(5), false)), "0..5");
  EXPECT_EQ(Text(RangeOf(Int(1), Int(3), true)), "1..=3");
  EXPECT_EQ(Text(RangeOf(Nil(), Int(3), false)), "..3");
  EXPECT_EQ(Text(RangeOf(Int(2), Nil(), false)), "2..");
  EXPECT_EQ(Text(RangeOf(Nil(), Int(3), true)), "..=3");
  EXPECT_EQ(Text(RangeOf(Float(0.5), Float(1), false)), "0.5..1.0");
  EXPECT_EQ(Text(Arr({RangeOf(Int(0), Int(2), false)})), "[0..2]");
}

TEST_F(TextTest, MapsSortKeys) {
  HandleScope scope(isolate());
  Handle<Value> m = Map({{S("name"), S("Bob")}, {S("age"), Int(25)}});
  EXPECT_EQ(Text(m), "{age: 25, name: \"Bob\"}");
  EXPECT_EQ(Text(m, TextForm::kFString), "{age: 25, name: \"Bob\"}");
  EXPECT_EQ(Text(m, TextForm::kDebug), "{\"age\": 25, \"name\": \"Bob\"}");
  EXPECT_EQ(Text(Map({})), "{}");
  EXPECT_EQ(Text(Map({{S("z"), Arr({Int(1), Int(2)})}, {S("y"), Map({{S("q"), Nil()}})}})),
            "{y: {q: nil}, z: [1, 2]}");
  // Numbers numerically, before strings; then booleans, then tuples.
  Handle<Value> keys = Map({{S("b"), Int(1)},
                            {Int(10), Int(2)},
                            {Tup({Int(1), Int(2)}), Int(3)},
                            {Bool(true), Int(4)},
                            {Int(9), Int(5)},
                            {S("a"), Int(6)},
                            {Int(-3), Int(7)},
                            {Tup({Int(0), Int(5)}), Int(8)},
                            {Bool(false), Int(9)}});
  EXPECT_EQ(Text(keys),
            "{-3: 7, 9: 5, 10: 2, a: 6, b: 1, false: 9, true: 4, (0, 5): 8, (1, 2): 3}");
  EXPECT_EQ(Text(Map({{Int(1), S("a")}, {Int(2), S("b")}})), "{1: \"a\", 2: \"b\"}");
  EXPECT_EQ(Text(Map({{Tup({S("x"), Int(1)}), Int(0)}})), "{(\"x\", 1): 0}");
}

TEST_F(TextTest, HashSetsPrintKeysOnly) {
  HandleScope scope(isolate());
  Handle<Value> set = Map({{Int(3), Bool(true)}, {Int(1), Bool(true)}, {S("a"), Bool(true)}});
  HashMap::cast(*set).set_flags(HashMap::cast(*set).flags() | (int64_t{1} << 1));
  EXPECT_EQ(Text(set), "{1, 3, \"a\"}");
  EXPECT_EQ(Text(set, TextForm::kDebug), "{1, 3, \"a\"}");
  Handle<Value> empty = Map({});
  HashMap::cast(*empty).set_flags(int64_t{1} << 1);
  EXPECT_EQ(Text(empty), "{}");
}

TEST_F(TextTest, StructsAndInstances) {
  HandleScope scope(isolate());
  Handle<Shape> point = StructShape("P", {"y", "x"});
  Handle<Value> p = Struct(point, {Int(1), Int(2)});
  EXPECT_EQ(Text(p), "P {x: 2, y: 1}");
  for (TextForm form : kAllForms) EXPECT_EQ(Text(p, form), "P {x: 2, y: 1}");
  Handle<Shape> s = StructShape("S", {"name", "tags"});
  Handle<Value> sv = Struct(s, {S("n"), Arr({S("t1")})});
  EXPECT_EQ(Text(sv), "S {name: \"n\", tags: [\"t1\"]}");
  EXPECT_EQ(Text(Arr({sv}), TextForm::kFString), "[S {name: \"n\", tags: [\"t1\"]}]");
  EXPECT_EQ(Text(sv, TextForm::kDebug), "S {name: \"n\", tags: [\"t1\"]}");
  Handle<Shape> pair = StructShape("Pair", {"0", "1"});
  EXPECT_EQ(Text(Struct(pair, {Int(1), S("b")})), "Pair(1, \"b\")");
  Handle<Shape> unit = StructShape("Unit", {});
  EXPECT_EQ(Text(Struct(unit, {})), "Unit");
  Handle<Value> calc = Instance("Calc", {{"value", Int(15)}, {"label", S("c")}});
  EXPECT_EQ(Text(calc), "Calc {label: \"c\", value: 15}");
  EXPECT_EQ(Text(Instance("Empty", {})), "Empty");
  Handle<PlainObject> literal = Check(factory()->NewPlainObject(factory()->plain_object_shape()));
  ASSERT_TRUE(PlainObject::SetField(isolate(), literal, Name("b"), Int(1)));
  ASSERT_TRUE(PlainObject::SetField(isolate(), literal, Name("a"), S("z")));
  EXPECT_EQ(Text(literal), "{a: \"z\", b: 1}");
  Handle<Value> type = Check(factory()->NewTypeDescriptor(TypeDescriptor::kStruct, Name("Point")));
  EXPECT_EQ(Text(type), "Point");
}

TEST_F(TextTest, Enums) {
  HandleScope scope(isolate());
  Handle<EnumDescriptor> shape = ShapeEnum();
  EXPECT_EQ(Text(Variant(shape, 2, {})), "Empty");
  EXPECT_EQ(Text(Variant(shape, 0, {Float(5)})), "Circle(5.0)");
  EXPECT_EQ(Text(Variant(shape, 1, {Int(1), Int(2)})), "Rect {h: 2, w: 1}");
  EXPECT_EQ(Text(Some(Int(3))), "Some(3)");
  EXPECT_EQ(Text(Some(S("hi"))), "Some(\"hi\")");
  EXPECT_EQ(Text(Some(S("hi")), TextForm::kDebug), "Some(\"hi\")");
  EXPECT_EQ(Text(None()), "None");
  EXPECT_EQ(Text(Check(NewOk(isolate(), S("x")))), "Ok(\"x\")");
  EXPECT_EQ(Text(Check(NewErr(isolate(), Arr({Int(1)})))), "Err([1])");
  EXPECT_EQ(Text(Check(NewOrdering(isolate(), -1))), "Less");
  EXPECT_EQ(Text(Arr({Some(Int(1)), None()}), TextForm::kDebug), "[Some(1), None]");
}

TEST_F(TextTest, DepthLimitAndCycles) {
  HandleScope scope(isolate());
  Handle<Value> deep = Arr({Int(1)});
  for (int i = 0; i < kMaxTextDepth + 50; ++i) {
    HandleScope inner(isolate());
    Handle<Value> outer = Arr({deep});
    *deep.location() = (*outer).ptr();
  }
  std::string text = Text(deep);
  EXPECT_NE(text.find("..."), std::string::npos);
  EXPECT_EQ(text.substr(0, 3), "[[[");
  EXPECT_EQ(std::count(text.begin(), text.end(), '['), kMaxTextDepth + 1);

  Handle<Value> node = Instance("Node", {{"value", Int(1)}});
  ASSERT_TRUE(
      PlainObject::SetField(isolate(), Handle<PlainObject>::cast(node), Name("next"), node));
  EXPECT_EQ(Text(node), "Node {next: ..., value: 1}");
  Handle<Value> holder = Arr({node, node});
  EXPECT_EQ(Text(holder), "[Node {next: ..., value: 1}, Node {next: ..., value: 1}]");
}

TEST_F(TextTest, ToTextString) {
  HandleScope scope(isolate());
  Handle<Value> s = S("same");
  Handle<String> raw = Check(ToTextString(isolate(), s, TextForm::kDisplay));
  EXPECT_EQ(*raw, *s);  // no copy for a raw string
  EXPECT_EQ(Check(ToTextString(isolate(), s, TextForm::kRepl))->ToStdString(), "\"same\"");
  EXPECT_EQ(Check(ToTextString(isolate(), s, TextForm::kDebug))->ToStdString(), "\"same\"");
  EXPECT_EQ(Check(ToTextString(isolate(), Float(3), TextForm::kConcat))->ToStdString(), "3");
  EXPECT_EQ(Check(ToTextString(isolate(), Arr({Float(3)}), TextForm::kDisplay))->ToStdString(),
            "[3.0]");
  std::string out = "x=";
  AppendText(*Int(4), TextForm::kDisplay, &out);
  EXPECT_EQ(out, "x=4");
}

}  // namespace
}  // namespace ruchy::internal

namespace ruchy::internal {
namespace {

// Every kind built and turned into a heap string under --stress-gc.
class TextStressTest : public ValueOpsTest {
 protected:
  void SetUp() override { SetUpIsolate(StressHeapOptions()); }
};

TEST_F(TextStressTest, ToTextStringOfEveryKind) {
  HandleScope scope(isolate());
  Handle<Value> value =
      Arr({Int(1), Float(2.5), S("s"), Nil(), Bool(true), Tup({S("t"), Float(0.5)}),
           Map({{S("k"), Arr({Float(1)})}, {Int(2), S("v")}}),
           Struct(StructShape("P", {"y", "x"}), {Int(1), S("two")}),
           Variant(ShapeEnum(), 1, {Float(3), Float(4)}), Some(S("o")),
           RangeOf(Int(0), Int(3), true), Instance("C", {{"f", Float(9.5)}}), Closure()});
  const char* kExpected =
      "[1, 2.5, \"s\", nil, true, (\"t\", 0.5), {2: \"v\", k: [1.0]}, P {x: \"two\", y: 1}, "
      "Rect {h: 4.0, w: 3.0}, Some(\"o\"), 0..=3, C {f: 9.5}, <function>]";
  EXPECT_EQ(Check(ToTextString(isolate(), value, TextForm::kDisplay))->ToStdString(), kExpected);
  EXPECT_EQ(Check(ToTextString(isolate(), value, TextForm::kFString))->ToStdString(),
            "[1, 2.5, s, nil, true, (t, 0.5), {2: \"v\", k: [1.0]}, P {x: \"two\", y: 1}, "
            "Rect {h: 4.0, w: 3.0}, Some(\"o\"), 0..=3, C {f: 9.5}, <function>]");
  EXPECT_EQ(Check(ToTextString(isolate(), value, TextForm::kDebug))->ToStdString(),
            "[1, 2.5, \"s\", nil, true, (\"t\", 0.5), {2: \"v\", \"k\": [1.0]}, "
            "P {x: \"two\", y: 1}, Rect {h: 4.0, w: 3.0}, Some(\"o\"), 0..=3, C {f: 9.5}, "
            "<function>]");
  EXPECT_GT(heap()->stats().scavenges, 10);
}

}  // namespace
}  // namespace ruchy::internal
