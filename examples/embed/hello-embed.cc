// hello_embed: the smallest complete embedding of Ruchy. It creates an isolate, exposes a
// C++ function to Ruchy as `host_greet`, runs a script that calls it, and reads the
// struct the script returns. docs/embedding.md walks through it.
#include <cstdio>
#include <string>

#include "include/ruchy/ruchy.h"

namespace {

// host_greet(name, times): returns "Hello, NAME!" repeated `times` times.
void HostGreet(const ruchy::FunctionCallbackInfo<ruchy::Value>& info) {
  ruchy::Isolate* isolate = info.GetIsolate();
  if (info.Length() != 2 || !info[0]->IsString() || !info[1]->IsInteger()) {
    isolate->ThrowError("Runtime error: host_greet(name, times) expects a string and an integer");
    return;
  }
  std::string name = info[0].As<ruchy::String>()->Utf8Value();
  int64_t times = info[1].As<ruchy::Integer>()->Value();
  std::string text;
  for (int64_t k = 0; k < times; ++k) text += (k > 0 ? " " : "") + ("Hello, " + name + "!");
  ruchy::Local<ruchy::String> result;
  if (ruchy::String::NewFromUtf8(isolate, text).ToLocal(&result)) {
    info.GetReturnValue().Set(result);
  }
}

constexpr char kScript[] = R"(
struct Report {
    greeting: String,
    length: i64,
    tags: Vec<String>,
}

let greeting = host_greet("embedder", 2)
println!("script says: {}", greeting)
Report { greeting: greeting, length: greeting.len(), tags: ["ruchy", "embed"] }
)";

}  // namespace

int main() {
  ruchy::Isolate* isolate = ruchy::Isolate::New();
  int status = 0;
  {
    ruchy::Isolate::Scope isolate_scope(isolate);
    ruchy::HandleScope handle_scope(isolate);
    ruchy::Local<ruchy::Context> context = ruchy::Context::New(isolate);
    ruchy::Context::Scope context_scope(context);

    ruchy::Local<ruchy::Function> greet =
        ruchy::Function::New(context, HostGreet, {}, "host_greet").ToLocalChecked();
    context->Global()->Set(context, "host_greet", greet).FromJust();

    ruchy::TryCatch try_catch(isolate);
    ruchy::Local<ruchy::String> source =
        ruchy::String::NewFromUtf8(isolate, kScript).ToLocalChecked();
    ruchy::ScriptOrigin origin("hello.ruchy");
    ruchy::Local<ruchy::Script> script;
    ruchy::Local<ruchy::Value> result;
    if (!ruchy::Script::Compile(context, source, &origin).ToLocal(&script) ||
        !script->Run(context).ToLocal(&result)) {
      ruchy::Engine::FlushStandardStreams();
      const ruchy::Message& message = try_catch.GetMessage();
      std::fprintf(stderr, "%s:%d:%d: %s\n%s", message.GetScriptResourceName().c_str(),
                   message.GetLineNumber(), message.GetStartColumn(), message.Get().c_str(),
                   try_catch.StackTrace().c_str());
      status = 1;
    } else if (!result->IsStruct()) {
      std::fprintf(stderr, "expected a struct, got %s\n", result->TypeName());
      status = 1;
    } else {
      ruchy::Engine::FlushStandardStreams();
      ruchy::Local<ruchy::Struct> report = result.As<ruchy::Struct>();
      std::printf("C++ got a %s with fields:", report->GetTypeName().c_str());
      for (const std::string& field : report->FieldNames()) std::printf(" %s", field.c_str());
      std::printf("\n");
      ruchy::Local<ruchy::Value> greeting = report->Get(context, "greeting").ToLocalChecked();
      int64_t length =
          report->Get(context, "length").ToLocalChecked()->IntegerValue(context).FromJust();
      ruchy::Local<ruchy::Array> tags =
          report->Get(context, "tags").ToLocalChecked().As<ruchy::Array>();
      std::printf("greeting = %s\nlength = %lld\ntags = %s (%u of them)\n",
                  greeting->ToText(ruchy::TextForm::kRepl).c_str(), static_cast<long long>(length),
                  tags->ToText().c_str(), tags->Length());
    }
  }
  isolate->Dispose();
  return status;
}
