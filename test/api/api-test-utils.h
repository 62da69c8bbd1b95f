// Shared fixture for the embedding API tests: an isolate with its context entered, and
// helpers to run source text. Includes nothing but the public API (and gtest).
#ifndef RUCHY_TEST_API_API_TEST_UTILS_H_
#define RUCHY_TEST_API_API_TEST_UTILS_H_

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "include/ruchy/ruchy.h"

namespace ruchy {

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override { Create(Isolate::CreateParams()); }
  void TearDown() override { Destroy(); }

  void Create(const Isolate::CreateParams& params) {
    isolate_ = Isolate::New(params);
    ASSERT_NE(isolate_, nullptr);
    scopes_ = std::make_unique<Scopes>(isolate_);
  }
  void Destroy() {
    scopes_.reset();
    if (isolate_ != nullptr) isolate_->Dispose();
    isolate_ = nullptr;
  }

  Isolate* isolate() const { return isolate_; }
  Local<Context> context() const { return scopes_->context; }

  Local<String> Str(const std::string& text) {
    return String::NewFromUtf8(isolate_, text).ToLocalChecked();
  }
  // Compiles and runs; empty on an error (which the caller's TryCatch holds).
  MaybeLocal<Value> Run(const std::string& source, const std::string& name = "test.ruchy") {
    ScriptOrigin origin(name);
    Local<Script> script;
    if (!Script::Compile(context(), Str(source), &origin).ToLocal(&script)) return {};
    return script->Run(context());
  }
  // Runs code that must succeed and returns its value's display text.
  std::string Eval(const std::string& source) {
    TryCatch try_catch(isolate_);
    Local<Value> result;
    if (!Run(source).ToLocal(&result)) {
      ADD_FAILURE() << "error: " << try_catch.GetMessage().Get();
      return "";
    }
    return result->ToText(TextForm::kRepl);
  }

 private:
  struct Scopes {
    explicit Scopes(Isolate* isolate)
        : isolate_scope(isolate),
          handle_scope(isolate),
          context(Context::New(isolate)),
          context_scope(context) {}
    Isolate::Scope isolate_scope;
    HandleScope handle_scope;
    Local<Context> context;
    Context::Scope context_scope;
  };
  Isolate* isolate_ = nullptr;
  std::unique_ptr<Scopes> scopes_;
};

}  // namespace ruchy

#endif  // RUCHY_TEST_API_API_TEST_UTILS_H_
