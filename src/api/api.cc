// The embedding API's core: the engine's process-wide settings, isolates and their scopes,
// handle scopes and Global handles, the context and exceptions (TryCatch, and exceptions
// scheduled across host functions).
#include <pthread.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <new>

#include "absl/container/inlined_vector.h"
#include "src/api/api-impl.h"
#include "src/builtins/builtins.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy {

namespace i = ruchy::internal;
using api_internal::Access;

namespace {

constexpr char kVersion[] = "0.1.0";

std::mutex& FlagsMutex() {
  static std::mutex mutex;
  return mutex;
}

// Flags are process-wide (like V8's); isolates copy them when created.
base::FlagValues& ProcessFlags() {
  static base::FlagValues flags;
  return flags;
}

thread_local Isolate* current_isolate = nullptr;

i::interpreter::InterpreterOptions InterpreterOptionsFrom(const base::FlagValues& flags,
                                                          const Isolate::CreateParams& params) {
  i::interpreter::InterpreterOptions options;
  size_t stack_bytes = params.stack_size_in_bytes != 0
                           ? params.stack_size_in_bytes
                           : static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024;
  options.stack_slots = std::max<size_t>(stack_bytes, 64 * 1024) / 8;
  options.print_bytecode = flags.print_bytecode;
  options.trace_ic = flags.trace_ic;
  options.allow_natives_syntax = flags.allow_natives_syntax;
  options.type_feedback = !flags.jitless;
  return options;
}

// The lowest stack address native re-entry may use on the calling thread: a quarter of
// the thread's stack stays in reserve for the C++ frames below the check.
uintptr_t NativeStackLimitOfThisThread() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* low = nullptr;
  size_t size = 0;
  int status = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  if (status != 0) return 0;
  return reinterpret_cast<uintptr_t>(low) + size / 4;
}

i::MaybeHandle<i::Value> HostCall(i::Isolate* isolate, int index, int argc,
                                  const i::Handle<i::Value>* argv);

}  // namespace

// --- Internal helpers ------------------------------------------------------------------

namespace internal {

base::FlagValues CurrentFlags() {
  std::lock_guard<std::mutex> lock(FlagsMutex());
  return ProcessFlags();
}

std::string ExceptionText(Value exception, bool is_error) {
  if (is_error && exception.IsString()) return String::cast(exception).ToStdString();
  return "Uncaught exception: " + ToText(exception, TextForm::kDebug);
}

ApiIsolate::~ApiIsolate() {
  // Persistent handles and the interpreter go before the heap they point into.
  host_functions_.clear();
  scheduled_exception_.Reset();
  FlushStandardStreams();
  interpreter_.reset();
  isolate_.reset();
}

void ApiIsolate::OnPendingException() {
  Isolate* i = isolate_.get();
  if (!i->has_pending_exception()) return;
  HandleScope scope(i);
  Handle<Value> exception(i->pending_exception(), i);
  bool is_error = i->pending_exception_is_error();
  std::vector<ruchy::StackFrame> frames;
  if (interpreter_->HasStackTraceFor(*exception)) {
    for (const interpreter::StackFrameInfo& info : interpreter_->pending_stack_trace()) {
      frames.push_back({info.function_name, info.file_name, info.line, info.column});
    }
  }
  i->clear_pending_exception();
  std::string script;
  int line = 0;
  int column = 0;
  if (!frames.empty()) {
    script = frames[0].script_name;
    line = frames[0].line;
    column = frames[0].column;
  }
  ruchy::Message message = api_internal::Access::MakeMessage(
      ExceptionText(*exception, is_error), false, script, line, column, std::move(frames));
  Deliver(exception, is_error, message, try_catch_top_);
}

void ApiIsolate::Deliver(Handle<Value> exception, bool is_error, const ruchy::Message& message,
                         ruchy::TryCatch* from) {
  // Only a TryCatch of the current callback level catches: one outside the running host
  // function sees the exception after it has gone through the Ruchy code in between.
  if (from != nullptr && api_internal::Access::CallbackDepth(from) == callback_depth_) {
    api_internal::Access::Catch(from, exception, is_error, message);
    return;
  }
  if (callback_depth_ > 0) {
    scheduled_exception_.Reset(isolate_.get(), exception);
    scheduled_is_error_ = is_error;
  }
  // Else no TryCatch: the failed call's empty result is all the embedder sees.
}

bool ApiIsolate::PromoteScheduledException() {
  if (scheduled_exception_.IsEmpty()) return false;
  isolate_->set_pending_exception(*scheduled_exception_.Get());
  if (scheduled_is_error_) isolate_->MarkPendingAsError();
  scheduled_exception_.Reset();
  return true;
}

}  // namespace internal

namespace api_internal {

void FatalApiError(const char* location, const char* message) {
  std::fflush(stdout);
  std::fprintf(stderr, "ruchy API misuse in %s: %s\n", location, message);
  std::abort();
}

Slot* GlobalizeSlot(Isolate* isolate, Slot* slot) {
  return i::ApiIsolate::From(isolate)->isolate()->global_handles()->Create(*slot);
}

void DisposeGlobalSlot(Isolate* isolate, Slot* slot) {
  i::ApiIsolate::From(isolate)->isolate()->global_handles()->Destroy(slot);
}

Slot* LocalFromGlobalSlot(Isolate* isolate, Slot* slot) {
  return i::HandleScope::CreateHandle(i::ApiIsolate::From(isolate)->isolate(), *slot);
}

void CheckCast(const Value* value, bool (Value::*predicate)() const, const char* type_name) {
  if (!(value->*predicate)()) {
    std::string message = std::string("value is a ") + value->TypeName() + ", not " + type_name;
    FatalApiError("Local::Cast", message.c_str());
  }
}

void Access::Catch(TryCatch* try_catch, i::Handle<i::Value> exception, bool is_error,
                   const Message& message) {
  try_catch->has_caught_ = true;
  try_catch->exception_is_error_ = is_error;
  try_catch->exception_.Reset(try_catch->isolate_, ToLocal<Value>(exception));
  try_catch->message_ = message;
}

i::ApiIsolate* ContextIsolate(Local<Context> context) {
  if (context.IsEmpty()) FatalApiError("Context", "empty Local<Context>");
  i::Value value = Access::Get(*context);
  return reinterpret_cast<i::ApiIsolate*>(static_cast<uintptr_t>(i::Smi::ToInt(value)));
}

}  // namespace api_internal

// --- Engine ----------------------------------------------------------------------------

bool Engine::SetFlagsFromCommandLine(const std::vector<std::string>& args,
                                     std::vector<std::string>* positional, std::string* error) {
  std::lock_guard<std::mutex> lock(FlagsMutex());
  base::FlagValues values = ProcessFlags();
  base::FlagParseResult parsed = base::ParseEngineFlags(args, &values);
  if (!parsed.ok) {
    if (error != nullptr) *error = parsed.error;
    return false;
  }
  ProcessFlags() = values;
  if (positional != nullptr) *positional = std::move(parsed.positional);
  return true;
}

bool Engine::SetFlagsFromString(const std::string& flags, std::string* error) {
  std::vector<std::string> args;
  size_t start = 0;
  while (start < flags.size()) {
    size_t end = flags.find(' ', start);
    if (end == std::string::npos) end = flags.size();
    if (end > start) args.push_back(flags.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::string> positional;
  std::string parse_error;
  {
    std::lock_guard<std::mutex> lock(FlagsMutex());
    base::FlagValues values = ProcessFlags();
    base::FlagParseResult parsed = base::ParseEngineFlags(args, &values);
    if (!parsed.ok || !parsed.positional.empty()) {
      if (error != nullptr) {
        *error = parsed.ok ? "unexpected argument '" + parsed.positional[0] + "'" : parsed.error;
      }
      return false;
    }
    ProcessFlags() = values;
  }
  return true;
}

void Engine::ResetFlags() {
  std::lock_guard<std::mutex> lock(FlagsMutex());
  ProcessFlags() = base::FlagValues();
}

namespace {

const base::FlagDescriptor* FindFlag(std::string name) {
  std::replace(name.begin(), name.end(), '-', '_');
  for (const base::FlagDescriptor& flag : base::EngineFlags()) {
    if (name == flag.name) return &flag;
  }
  return nullptr;
}

}  // namespace

bool Engine::GetBoolFlag(const std::string& name) {
  const base::FlagDescriptor* flag = FindFlag(name);
  if (flag == nullptr || flag->type != base::FlagType::kBool) return false;
  std::lock_guard<std::mutex> lock(FlagsMutex());
  return *flag->bool_slot(&ProcessFlags());
}

int64_t Engine::GetIntFlag(const std::string& name) {
  const base::FlagDescriptor* flag = FindFlag(name);
  if (flag == nullptr || flag->type != base::FlagType::kInt) return 0;
  std::lock_guard<std::mutex> lock(FlagsMutex());
  return *flag->int_slot(&ProcessFlags());
}

std::string Engine::FlagHelpText() { return base::FlagHelpText(base::EngineFlags()); }

const char* Engine::GetVersion() { return kVersion; }

void Engine::FlushStandardStreams() { i::FlushStandardStreams(); }

// --- Isolate ---------------------------------------------------------------------------

Isolate* Isolate::New() { return New(CreateParams()); }

Isolate* Isolate::New(const CreateParams& params) {
  base::FlagValues flags = i::CurrentFlags();
  i::IsolateOptions options = i::IsolateOptionsFromFlags(flags);
  if (params.max_heap_size_in_bytes != 0) {
    options.heap.max_heap_size = params.max_heap_size_in_bytes;
    // The young generation must leave room for the old one under a small limit.
    options.heap.max_semi_space_size =
        std::min(options.heap.max_semi_space_size,
                 std::max<size_t>(params.max_heap_size_in_bytes / 8, 256 * base::KB));
  }
  auto api = std::make_unique<i::ApiIsolate>();
  api->isolate_ = i::Isolate::TryNew(options);
  if (api->isolate_ == nullptr) return nullptr;
  api->isolate_->set_embedder_data(api.get());
  api->isolate_->set_host_call_handler(&HostCall);
  api->interpreter_ =
      i::interpreter::AttachInterpreter(api->isolate_.get(), InterpreterOptionsFrom(flags, params));
  api->thread_ = std::this_thread::get_id();
  return api.release()->ToPublic();
}

void Isolate::Dispose() {
  i::ApiIsolate* api = i::ApiIsolate::From(this);
  if (api->scope_depth_ != 0 || api->context_depth_ != 0) {
    api_internal::FatalApiError("Isolate::Dispose", "the isolate or its context is still entered");
  }
  delete api;
}

Isolate::Scope::Scope(Isolate* isolate) : isolate_(isolate), previous_(current_isolate) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  if (api->scope_depth_ == 0 && api->thread_ != std::this_thread::get_id()) {
    // The isolate moved to another thread: recursion checks must use this thread's stack.
    api->thread_ = std::this_thread::get_id();
    uintptr_t limit = NativeStackLimitOfThisThread();
    if (limit != 0) api->interpreter()->set_native_stack_limit(limit);
  }
  api->scope_depth_++;
  current_isolate = isolate;
}

Isolate::Scope::~Scope() {
  i::ApiIsolate::From(isolate_)->scope_depth_--;
  current_isolate = previous_;
}

Isolate* Isolate::GetCurrent() { return current_isolate; }

Local<Context> Isolate::GetCurrentContext() {
  i::ApiIsolate* api = i::ApiIsolate::From(this);
  if (api->context_depth_ == 0) return Local<Context>();
  return Context::New(this);
}

Local<Value> Isolate::ThrowException(Local<Value> exception) {
  i::ApiIsolate* api = i::ApiIsolate::From(this);
  i::Isolate* isolate = api->isolate();
  if (exception.IsEmpty()) return Nil(this);
  i::Handle<i::Value> value = Access::Open(exception);
  i::MarkShared(*value);
  isolate->set_pending_exception(*value);
  api->OnPendingException();
  return Nil(this);
}

Local<Value> Isolate::ThrowError(const std::string& message) {
  i::ApiIsolate* api = i::ApiIsolate::From(this);
  api->isolate()->ThrowError(message);  // out of memory leaves that pending instead
  api->OnPendingException();
  return Nil(this);
}

void Isolate::SetProgramArguments(const std::vector<std::string>& arguments) {
  i::ApiIsolate::From(this)->isolate()->set_program_arguments(arguments);
}

void Isolate::GetHeapStatistics(HeapStatistics* statistics) {
  i::Isolate* isolate = i::ApiIsolate::From(this)->isolate();
  i::Heap* heap = isolate->heap();
  statistics->total_heap_size = heap->CommittedMemory();
  statistics->used_heap_size = heap->SizeOfObjects();
  statistics->heap_size_limit = heap->options().max_heap_size;
  statistics->number_of_scavenges = static_cast<size_t>(heap->stats().scavenges);
  statistics->number_of_mark_compacts = static_cast<size_t>(heap->stats().mark_compacts);
  statistics->global_handles = isolate->global_handles()->count();
  statistics->out_of_memory_errors = static_cast<size_t>(isolate->out_of_memory_count());
}

void Isolate::RequestGarbageCollectionForTesting(GarbageCollectionType type) {
  i::Heap* heap = i::ApiIsolate::From(this)->isolate()->heap();
  switch (type) {
    case GarbageCollectionType::kMinor:
      heap->CollectGarbage(i::GarbageCollector::kScavenger, "embedder request");
      return;
    case GarbageCollectionType::kFull:
      heap->CollectAllGarbage("embedder request");
      return;
  }
}

// --- Handle scopes ---------------------------------------------------------------------

static_assert(sizeof(i::HandleScope) <= 3 * sizeof(void*), "HandleScope storage too small");

HandleScope::HandleScope(Isolate* isolate) { Initialize(isolate); }

void HandleScope::Initialize(Isolate* isolate) {
  new (storage_) i::HandleScope(i::ApiIsolate::From(isolate)->isolate());
}

HandleScope::~HandleScope() {
  std::launder(reinterpret_cast<i::HandleScope*>(storage_))->~HandleScope();
}

int HandleScope::NumberOfHandles(Isolate* isolate) {
  return i::HandleScope::NumberOfHandles(i::ApiIsolate::From(isolate)->isolate());
}

EscapableHandleScope::EscapableHandleScope(Isolate* isolate) {
  i::Isolate* engine = i::ApiIsolate::From(isolate)->isolate();
  // The slot lives in the enclosing scope, so it is reserved before this scope opens.
  escape_slot_ = i::HandleScope::CreateHandle(engine, engine->nil_value().ptr());
  Initialize(isolate);
}

Local<Value> EscapableHandleScope::EscapeValue(Value* value) {
  if (escaped_) api_internal::FatalApiError("EscapableHandleScope::Escape", "escaped twice");
  escaped_ = true;
  if (value == nullptr) return Local<Value>();
  *escape_slot_ = *reinterpret_cast<api_internal::Slot*>(value);
  return Access::ToLocal<Value>(i::Handle<i::Value>(escape_slot_));
}

// --- Context ---------------------------------------------------------------------------

Local<Context> Context::New(Isolate* isolate) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  api->has_context_ = true;
  // The Local's slot holds the isolate's address as a Smi: the GC ignores it, and every
  // call taking a context finds its isolate there.
  i::Value tag = i::Smi::FromInt(static_cast<int64_t>(reinterpret_cast<uintptr_t>(api)));
  return Access::ToLocal<Context>(i::Handle<i::Value>(tag, api->isolate()));
}

Isolate* Context::GetIsolate() {
  return api_internal::ContextIsolate(Access::ToLocal<Context>(Access::Open(this)))->ToPublic();
}

Local<GlobalScope> Context::Global() { return Access::ToLocal<GlobalScope>(Access::Open(this)); }

void Context::Enter() {
  api_internal::ContextIsolate(Access::ToLocal<Context>(Access::Open(this)))->context_depth_++;
}

void Context::Exit() {
  i::ApiIsolate* api = api_internal::ContextIsolate(Access::ToLocal<Context>(Access::Open(this)));
  if (api->context_depth_ == 0) api_internal::FatalApiError("Context::Exit", "not entered");
  api->context_depth_--;
}

// --- TryCatch --------------------------------------------------------------------------

TryCatch::TryCatch(Isolate* isolate) : isolate_(isolate) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  next_ = api->try_catch_top_;
  callback_depth_ = api->callback_depth_;
  api->try_catch_top_ = this;
}

TryCatch::~TryCatch() {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate_);
  if (api->try_catch_top_ != this) {
    api_internal::FatalApiError("TryCatch", "TryCatch scopes must nest");
  }
  api->try_catch_top_ = next_;
}

Local<Value> TryCatch::Exception() const { return exception_.Get(isolate_); }

std::string TryCatch::StackTrace() const {
  std::string text;
  for (const StackFrame& frame : message_.GetStackTrace()) {
    text += "    at " + frame.function_name + " (" + frame.script_name + ":" +
            std::to_string(frame.line) + ":" + std::to_string(frame.column) + ")\n";
  }
  return text;
}

void TryCatch::Reset() {
  has_caught_ = false;
  exception_is_error_ = false;
  exception_.Reset();
  message_ = Message();
}

void TryCatch::ReThrow() {
  if (!has_caught_) return;
  i::ApiIsolate* api = i::ApiIsolate::From(isolate_);
  i::HandleScope scope(api->isolate());
  i::Handle<i::Value> exception = Access::Open(exception_.Get(isolate_));
  Message message = message_;
  bool is_error = exception_is_error_;
  Reset();
  api->Deliver(exception, is_error, message, next_);
}

// --- Host functions --------------------------------------------------------------------

namespace {

i::MaybeHandle<i::Value> HostCall(i::Isolate* isolate, int index, int argc,
                                  const i::Handle<i::Value>* argv) {
  i::ApiIsolate* api = i::ApiIsolate::From(isolate);
  i::ApiIsolate::HostFunction* function = api->host_functions_[static_cast<size_t>(index)].get();
  // The result slot belongs to the caller's scope; the callback's Locals to the inner one.
  i::Handle<i::Value> result(isolate->nil_value(), isolate);
  {
    i::HandleScope scope(isolate);
    // Fresh slots: argv may point into the VM stack, and a Local that an API call updates
    // in place (copy-on-write) must not write into the caller's registers. The callback's
    // copies alias the caller's containers, so they are marked shared.
    absl::InlinedVector<i::Address*, 8> slots(static_cast<size_t>(argc));
    for (int k = 0; k < argc; ++k) {
      i::MarkShared(*argv[k]);
      slots[static_cast<size_t>(k)] = i::HandleScope::CreateHandle(isolate, argv[k]->ptr());
    }
    i::Value data = *function->data.Get();
    i::MarkShared(data);
    i::Address* data_slot = i::HandleScope::CreateHandle(isolate, data.ptr());
    i::Address* nil_slot = i::HandleScope::CreateHandle(isolate, isolate->nil_value().ptr());
    FunctionCallbackInfo<Value> info = Access::MakeInfo(api->ToPublic(), slots.data(), argc,
                                                        data_slot, nil_slot, result.location());
    api->callback_depth_++;
    function->callback(info);
    api->callback_depth_--;
  }
  if (api->PromoteScheduledException()) return {};
  if (isolate->has_pending_exception()) return {};
  i::MarkShared(*result);
  return result;
}

}  // namespace

}  // namespace ruchy
