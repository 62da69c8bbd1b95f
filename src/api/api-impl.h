// The inside of the embedding API: the per-isolate state behind ruchy::Isolate (the engine
// isolate, its interpreter, host functions, the TryCatch chain) and the conversions between
// public Locals and engine handles. A Local<T> is an engine handle's slot pointer.
#ifndef RUCHY_API_API_IMPL_H_
#define RUCHY_API_API_IMPL_H_

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "include/ruchy/ruchy.h"
#include "src/base/flags.h"
#include "src/execution/isolate.h"
#include "src/interpreter/interpreter.h"

namespace ruchy::internal {

// What ruchy::Isolate* points at (the public class has no data of its own).
class ApiIsolate {
 public:
  ApiIsolate() = default;
  ~ApiIsolate();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ApiIsolate);

  static ApiIsolate* From(ruchy::Isolate* isolate) {
    if (isolate == nullptr) api_internal::FatalApiError("Isolate", "null isolate");
    return reinterpret_cast<ApiIsolate*>(isolate);
  }
  static ApiIsolate* From(Isolate* isolate) {
    return static_cast<ApiIsolate*>(isolate->embedder_data());
  }
  ruchy::Isolate* ToPublic() { return reinterpret_cast<ruchy::Isolate*>(this); }

  Isolate* isolate() const { return isolate_.get(); }
  interpreter::Interpreter* interpreter() const { return interpreter_.get(); }

  // Call after an engine operation failed: moves the pending exception (if any) to where
  // it belongs — the innermost TryCatch of the current callback level, else (inside a host
  // function) the exception scheduled for the Ruchy caller, else nowhere.
  void OnPendingException();
  // Delivers an exception raised by the API itself (a syntax error) the same way.
  void Deliver(Handle<Value> exception, bool is_error, const ruchy::Message& message,
               ruchy::TryCatch* from);
  // Rethrows the exception a host function scheduled (true), after its callback returned.
  bool PromoteScheduledException();

  struct HostFunction {
    FunctionCallback callback;
    Persistent<Value> data;
  };

  std::unique_ptr<Isolate> isolate_;
  std::unique_ptr<interpreter::Interpreter> interpreter_;
  std::vector<std::unique_ptr<HostFunction>> host_functions_;
  ruchy::TryCatch* try_catch_top_ = nullptr;
  int callback_depth_ = 0;
  Persistent<Value> scheduled_exception_;
  bool scheduled_is_error_ = false;
  int context_depth_ = 0;
  bool has_context_ = false;
  int scope_depth_ = 0;
  std::thread::id thread_;
};

// The process-wide flags (a copy is taken when an isolate is created).
base::FlagValues CurrentFlags();

// Message text of an exception as the shell prints it.
std::string ExceptionText(Value exception, bool is_error);

}  // namespace ruchy::internal

namespace ruchy::api_internal {

// The friend of the public handle classes: builds them from engine handles.
class Access {
 public:
  template <class T>
  static Local<T> ToLocal(internal::Handle<internal::Value> handle) {
    return Local<T>(reinterpret_cast<T*>(handle.location()));
  }
  template <class T>
  static MaybeLocal<T> ToMaybeLocal(internal::MaybeHandle<internal::Value> handle) {
    internal::Handle<internal::Value> h;
    if (!handle.ToHandle(&h)) return MaybeLocal<T>();
    return ToLocal<T>(h);
  }
  template <class T>
  static internal::Handle<internal::Value> Open(const T* that) {
    return internal::Handle<internal::Value>(
        reinterpret_cast<internal::Address*>(const_cast<T*>(that)));
  }
  template <class T>
  static internal::Handle<internal::Value> Open(Local<T> local) {
    return Open(*local);
  }
  static internal::Value Get(const void* that) {
    return internal::Value(*reinterpret_cast<const internal::Address*>(that));
  }
  static FunctionCallbackInfo<Value> MakeInfo(Isolate* isolate, Slot* const* args, int length,
                                              Slot* data_slot, Slot* nil_slot, Slot* return_slot) {
    return FunctionCallbackInfo<Value>(isolate, args, length, data_slot, nil_slot, return_slot);
  }
  static Message MakeMessage(std::string text, bool is_syntax_error, std::string script_name,
                             int line, int column, std::vector<StackFrame> frames) {
    Message message;
    message.text_ = std::move(text);
    message.is_syntax_error_ = is_syntax_error;
    message.script_name_ = std::move(script_name);
    message.line_ = line;
    message.column_ = column;
    message.frames_ = std::move(frames);
    return message;
  }
  static void Catch(TryCatch* try_catch, internal::Handle<internal::Value> exception, bool is_error,
                    const Message& message);
  static int CallbackDepth(const TryCatch* try_catch) { return try_catch->callback_depth_; }
  static TryCatch* Next(const TryCatch* try_catch) { return try_catch->next_; }
  template <class T>
  static Slot* ReturnSlot(const ReturnValue<T>& value) {
    return value.slot_;
  }
};

// The engine isolate behind a context (its Local holds the isolate's address as a Smi).
internal::ApiIsolate* ContextIsolate(Local<Context> context);

}  // namespace ruchy::api_internal

#endif  // RUCHY_API_API_IMPL_H_
