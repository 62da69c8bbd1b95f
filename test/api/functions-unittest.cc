// Host functions and calls: Function::New callbacks (arguments, data, return values,
// throwing), Function::Call into Ruchy, exceptions crossing the boundary both ways.
#include "test/api/api-test-utils.h"

namespace ruchy {
namespace {

using FunctionsTest = ApiTest;

void Sum(const FunctionCallbackInfo<Value>& info) {
  int64_t total = 0;
  for (int k = 0; k < info.Length(); ++k) {
    if (!info[k]->IsInteger()) {
      info.GetIsolate()->ThrowError("Runtime error: sum() takes integers, got " +
                                    std::string(info[k]->TypeName()));
      return;
    }
    total += info[k].As<Integer>()->Value();
  }
  info.GetReturnValue().Set(total);
}

TEST_F(FunctionsTest, HostFunctionGetsArgumentsAndReturns) {
  HandleScope scope(isolate());
  Local<Function> sum = Function::New(context(), Sum, {}, "sum").ToLocalChecked();
  EXPECT_TRUE(sum->IsFunction());
  EXPECT_EQ(sum->GetName(), "sum");
  ASSERT_TRUE(context()->Global()->Set(context(), "sum", sum).FromJust());
  EXPECT_EQ(Eval("sum(1, 2, 3) * 2"), "12");
  EXPECT_EQ(Eval("sum()"), "0");
  EXPECT_EQ(Eval("let f = sum\n[1, 2].map(|x| f(x, 10))"), "[11, 12]");
  EXPECT_EQ(Eval("sum(4611686018427387903, 1)"), "4611686018427387904");
}

TEST_F(FunctionsTest, HostFunctionErrorsReachRuchyAndTryCatch) {
  HandleScope scope(isolate());
  context()
      ->Global()
      ->Set(context(), "sum", Function::New(context(), Sum).ToLocalChecked())
      .FromJust();
  // Ruchy code catches the host function's error...
  EXPECT_EQ(Eval("let r = try { sum(1, \"x\") } catch (e) { \"caught: \" + e }\nr"),
            "\"caught: Runtime error: sum() takes integers, got string\"");
  // ...and an uncaught one reaches the embedder's TryCatch with the Ruchy frames.
  TryCatch try_catch(isolate());
  EXPECT_TRUE(Run("fn call_it() { sum(true) }\ncall_it()", "host.ruchy").IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_EQ(try_catch.GetMessage().Get(), "Runtime error: sum() takes integers, got boolean");
  ASSERT_FALSE(try_catch.GetMessage().GetStackTrace().empty());
  EXPECT_EQ(try_catch.GetMessage().GetStackTrace()[0].function_name, "call_it");
  EXPECT_EQ(try_catch.GetMessage().GetLineNumber(), 1);
}

void ReturnData(const FunctionCallbackInfo<Value>& info) { info.GetReturnValue().Set(info.Data()); }

void ReturnKinds(const FunctionCallbackInfo<Value>& info) {
  int64_t kind = info[0].As<Integer>()->Value();
  if (kind == 0) info.GetReturnValue().Set(true);
  if (kind == 1) info.GetReturnValue().Set(2.5);
  if (kind == 2) info.GetReturnValue().SetNil();
  if (kind == 3) info.GetReturnValue().Set(info[5]);  // past the end: nil
  if (kind == 4) info.GetReturnValue().Set(int64_t{1} << 62);
}

TEST_F(FunctionsTest, DataAndReturnValues) {
  HandleScope scope(isolate());
  Local<Array> data = Array::New(isolate()).ToLocalChecked();
  data->Push(context(), Str("payload")).FromJust();
  context()
      ->Global()
      ->Set(context(), "data_of", Function::New(context(), ReturnData, data).ToLocalChecked())
      .FromJust();
  context()
      ->Global()
      ->Set(context(), "kinds", Function::New(context(), ReturnKinds).ToLocalChecked())
      .FromJust();
  EXPECT_EQ(Eval("data_of()"), "[\"payload\"]");
  // Ruchy changing its copy of the data does not change the function's data.
  EXPECT_EQ(Eval("let mut d = data_of()\nd.push(1)\nd.len()"), "2");
  EXPECT_EQ(Eval("data_of().len()"), "1");
  EXPECT_EQ(Eval("kinds(0)"), "true");
  EXPECT_EQ(Eval("kinds(1)"), "2.5");
  EXPECT_EQ(Eval("kinds(2)"), "nil");
  EXPECT_EQ(Eval("kinds(3)"), "nil");
  EXPECT_EQ(Eval("kinds(4)"), "4611686018427387904");
  EXPECT_EQ(Eval("kinds(9)"), "nil");  // nothing set
}

void MutateArgument(const FunctionCallbackInfo<Value>& info) {
  Local<Array> array = info[0].As<Array>();
  Local<Context> context = info.GetIsolate()->GetCurrentContext();
  array->Push(context, Boolean::New(info.GetIsolate(), true)).FromJust();
  info.GetReturnValue().Set(array);
}

TEST_F(FunctionsTest, ArgumentsAreCopies) {
  HandleScope scope(isolate());
  context()
      ->Global()
      ->Set(context(), "grow", Function::New(context(), MutateArgument).ToLocalChecked())
      .FromJust();
  EXPECT_EQ(Eval("let xs = [1]\nlet ys = grow(xs)\n[xs, ys]"), "[[1], [1, true]]");
}

TEST_F(FunctionsTest, CallRuchyFunctions) {
  HandleScope scope(isolate());
  Run("fn add(a, b) { a + b }\nfn fail() { throw \"boom\" }");
  Local<Function> add = context()->Global()->Get(context(), "add").ToLocalChecked().As<Function>();
  Local<Value> args[] = {Integer::New(isolate(), 40).ToLocalChecked(), Str("!")};
  Local<Value> result = add->Call(context(), 2, args).ToLocalChecked();
  EXPECT_EQ(result->ToText(), "40!");
  Local<Value> numbers[] = {Integer::New(isolate(), 40).ToLocalChecked(),
                            Integer::New(isolate(), 2).ToLocalChecked()};
  EXPECT_EQ(add->Call(context(), 2, numbers).ToLocalChecked().As<Integer>()->Value(), 42);

  TryCatch try_catch(isolate());
  EXPECT_TRUE(add->Call(context(), 1, args).IsEmpty());  // arity
  EXPECT_TRUE(try_catch.HasCaught());
  try_catch.Reset();
  Local<Function> fail =
      context()->Global()->Get(context(), "fail").ToLocalChecked().As<Function>();
  EXPECT_TRUE(fail->Call(context(), 0, nullptr).IsEmpty());
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_EQ(try_catch.Exception().As<String>()->Utf8Value(), "boom");
  EXPECT_EQ(try_catch.GetMessage().Get(), "Uncaught exception: \"boom\"");
}

// A host function calling back into Ruchy: a failure there goes back to the Ruchy caller
// (not to the embedder's outer TryCatch) unless the callback catches it itself.
void CallTwice(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Function> callback = info[0].As<Function>();
  Local<Value> first;
  {
    TryCatch try_catch(isolate);
    if (!callback->Call(context, 0, nullptr).ToLocal(&first)) {
      first =
          String::NewFromUtf8(isolate, "handled: " + try_catch.GetMessage().Get()).ToLocalChecked();
    }
  }
  Local<Value> second;
  if (!callback->Call(context, 0, nullptr).ToLocal(&second)) return;  // propagates
  Local<Array> both = Array::New(isolate).ToLocalChecked();
  both->Push(context, first).FromJust();
  both->Push(context, second).FromJust();
  info.GetReturnValue().Set(both);
}

TEST_F(FunctionsTest, ReentrantCallsAndNestedTryCatch) {
  HandleScope scope(isolate());
  context()
      ->Global()
      ->Set(context(), "twice", Function::New(context(), CallTwice).ToLocalChecked())
      .FromJust();
  EXPECT_EQ(Eval("let mut n = 0\ntwice(|| { n += 1; n })"), "[1, 2]");
  EXPECT_EQ(Eval("let mut calls = 0\n"
                 "let r = try { twice(|| { calls += 1; if calls == 1 { 1 / 0 } else { 7 } }) }"
                 " catch (e) { e }\nr"),
            "[\"handled: Division by zero\", 7]");
  TryCatch outer(isolate());
  Local<Value> result =
      Run("let r = try { twice(|| { throw \"always\" }) } catch (e) { \"ruchy caught \" + e }\nr")
          .ToLocalChecked();
  EXPECT_FALSE(outer.HasCaught());
  EXPECT_EQ(result->ToText(), "ruchy caught always");
  EXPECT_TRUE(Run("twice(|| { throw \"escapes\" })").IsEmpty());
  ASSERT_TRUE(outer.HasCaught());
  EXPECT_EQ(outer.Exception()->ToText(), "escapes");
}

void ThrowValue(const FunctionCallbackInfo<Value>& info) {
  info.GetIsolate()->ThrowException(info[0]);
}

TEST_F(FunctionsTest, ThrowException) {
  HandleScope scope(isolate());
  context()
      ->Global()
      ->Set(context(), "raise", Function::New(context(), ThrowValue).ToLocalChecked())
      .FromJust();
  EXPECT_EQ(Eval("try { raise([1, 2]) } catch (e) { e.len() }"), "2");
  // Outside a callback, ThrowException goes straight to the TryCatch.
  TryCatch try_catch(isolate());
  isolate()->ThrowException(Str("direct"));
  ASSERT_TRUE(try_catch.HasCaught());
  EXPECT_EQ(try_catch.Exception()->ToText(), "direct");
  EXPECT_EQ(try_catch.GetMessage().Get(), "Uncaught exception: \"direct\"");
}

}  // namespace
}  // namespace ruchy
