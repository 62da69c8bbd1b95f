// The Ruchy embedding API, in V8's shape: isolates (one heap each), handles and scopes,
// a context (the global environment), scripts, values, host functions and TryCatch.
// Nothing here exposes engine internals; tools/ruchyd is built on this header alone.
#ifndef RUCHY_INCLUDE_RUCHY_RUCHY_H_
#define RUCHY_INCLUDE_RUCHY_RUCHY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ruchy {

class Array;
class Boolean;
class Context;
class Function;
class GlobalScope;
class Integer;
class Isolate;
class Map;
class Number;
class Script;
class String;
class Struct;
class TryCatch;
class Value;
template <class T>
class Global;
template <class T>
class FunctionCallbackInfo;

// Helpers the inline parts of this header call; not for embedders.
namespace api_internal {
class Access;
using Slot = uintptr_t;
[[noreturn]] void FatalApiError(const char* location, const char* message);
Slot* GlobalizeSlot(Isolate* isolate, Slot* slot);
void DisposeGlobalSlot(Isolate* isolate, Slot* slot);
Slot* LocalFromGlobalSlot(Isolate* isolate, Slot* slot);
void CheckCast(const Value* value, bool (Value::*predicate)() const, const char* type_name);
void SetReturnBoolean(Isolate* isolate, Slot* slot, bool value);
void SetReturnInteger(Isolate* isolate, Slot* slot, int64_t value);
void SetReturnFloat(Isolate* isolate, Slot* slot, double value);
void SetReturnNil(Isolate* isolate, Slot* slot);
}  // namespace api_internal

// --- Handles ---------------------------------------------------------------------------

// A reference to a value that the garbage collector knows about: a pointer to a slot in
// the innermost HandleScope. The GC updates the slot when the value moves, so a Local stays
// valid across allocations until its scope ends. An empty Local refers to nothing.
template <class T>
class Local {
 public:
  Local() : val_(nullptr) {}
  // Upcasts (Local<String> -> Local<Value>) are implicit.
  template <class S, std::enable_if_t<std::is_base_of_v<T, S>, int> = 0>
  Local(Local<S> that) : val_(reinterpret_cast<T*>(*that)) {}  // NOLINT

  bool IsEmpty() const { return val_ == nullptr; }
  void Clear() { val_ = nullptr; }
  T* operator->() const { return val_; }
  T* operator*() const { return val_; }

  // Downcast; aborts with a message when the value is not a T.
  template <class S>
  static Local<T> Cast(Local<S> that) {
    if (that.IsEmpty()) return Local<T>();
    T::CheckCast(reinterpret_cast<Value*>(*that));
    return Local<T>(reinterpret_cast<T*>(*that));
  }
  template <class S>
  Local<S> As() const {
    return Local<S>::Cast(*this);
  }

  // Whether both refer to the same heap value (or are both empty). Not `==` of Ruchy.
  template <class S>
  bool operator==(const Local<S>& that) const {
    if (val_ == nullptr || *that == nullptr) return val_ == nullptr && *that == nullptr;
    return *reinterpret_cast<const api_internal::Slot*>(val_) ==
           *reinterpret_cast<const api_internal::Slot*>(*that);
  }
  template <class S>
  bool operator!=(const Local<S>& that) const {
    return !(*this == that);
  }

 private:
  friend class api_internal::Access;
  template <class S>
  friend class Local;
  template <class S>
  friend class Global;
  template <class S>
  friend class FunctionCallbackInfo;
  explicit Local(T* that) : val_(that) {}
  T* val_;
};

// The result of an operation that can fail. Empty means it failed with an exception, which
// the innermost TryCatch holds.
template <class T>
class MaybeLocal {
 public:
  MaybeLocal() = default;
  template <class S, std::enable_if_t<std::is_base_of_v<T, S>, int> = 0>
  MaybeLocal(Local<S> that) : local_(that) {}  // NOLINT

  bool IsEmpty() const { return local_.IsEmpty(); }
  template <class S>
  [[nodiscard]] bool ToLocal(Local<S>* out) const {
    *out = local_;
    return !IsEmpty();
  }
  // Aborts when empty: for results that cannot fail in the caller's situation.
  Local<T> ToLocalChecked() const {
    if (IsEmpty()) api_internal::FatalApiError("MaybeLocal::ToLocalChecked", "empty MaybeLocal");
    return local_;
  }
  template <class S>
  Local<S> FromMaybe(Local<S> default_value) const {
    return IsEmpty() ? default_value : Local<S>(local_);
  }

 private:
  Local<T> local_;
};

// A plain value or nothing (the operation failed with an exception).
template <class T>
class Maybe {
 public:
  bool IsNothing() const { return !has_value_; }
  bool IsJust() const { return has_value_; }
  T FromJust() const {
    if (!has_value_) api_internal::FatalApiError("Maybe::FromJust", "Maybe is Nothing");
    return value_;
  }
  T FromMaybe(const T& default_value) const { return has_value_ ? value_ : default_value; }
  [[nodiscard]] bool To(T* out) const {
    if (has_value_) *out = value_;
    return has_value_;
  }

 private:
  template <class U>
  friend Maybe<U> Nothing();
  template <class U>
  friend Maybe<U> Just(const U& value);
  Maybe() = default;
  explicit Maybe(const T& value) : has_value_(true), value_(value) {}
  bool has_value_ = false;
  T value_{};
};

template <class T>
Maybe<T> Nothing() {
  return Maybe<T>();
}
template <class T>
Maybe<T> Just(const T& value) {
  return Maybe<T>(value);
}

// A handle that outlives handle scopes: it keeps its value alive (and up to date across
// GCs) until Reset or destruction. It must be reset before its isolate is disposed.
// Move-only, like v8::Global.
template <class T>
class Global {
 public:
  Global() = default;
  template <class S, std::enable_if_t<std::is_base_of_v<T, S>, int> = 0>
  Global(Isolate* isolate, Local<S> value) {
    Reset(isolate, value);
  }
  Global(Global&& other) noexcept : isolate_(other.isolate_), slot_(other.slot_) {
    other.isolate_ = nullptr;
    other.slot_ = nullptr;
  }
  Global& operator=(Global&& other) noexcept {
    if (this != &other) {
      Reset();
      isolate_ = std::exchange(other.isolate_, nullptr);
      slot_ = std::exchange(other.slot_, nullptr);
    }
    return *this;
  }
  Global(const Global&) = delete;
  Global& operator=(const Global&) = delete;
  ~Global() { Reset(); }

  bool IsEmpty() const { return slot_ == nullptr; }
  void Reset() {
    if (slot_ == nullptr) return;
    api_internal::DisposeGlobalSlot(isolate_, slot_);
    slot_ = nullptr;
    isolate_ = nullptr;
  }
  template <class S, std::enable_if_t<std::is_base_of_v<T, S>, int> = 0>
  void Reset(Isolate* isolate, Local<S> value) {
    Reset();
    if (value.IsEmpty()) return;
    isolate_ = isolate;
    slot_ = api_internal::GlobalizeSlot(isolate, reinterpret_cast<api_internal::Slot*>(*value));
  }
  // A Local (in the current HandleScope) for the value.
  Local<T> Get(Isolate* isolate) const {
    if (slot_ == nullptr) return Local<T>();
    return Local<T>(reinterpret_cast<T*>(api_internal::LocalFromGlobalSlot(isolate, slot_)));
  }

 private:
  Isolate* isolate_ = nullptr;
  api_internal::Slot* slot_ = nullptr;
};

// V8 distinguishes copyable Persistent from move-only Global; Ruchy has only the latter.
template <class T>
using Persistent = Global<T>;

// Frees every Local created while it is the innermost scope. Scopes nest and must be
// destroyed in reverse order of creation, on the stack.
class HandleScope {
 public:
  explicit HandleScope(Isolate* isolate);
  ~HandleScope();
  HandleScope(const HandleScope&) = delete;
  HandleScope& operator=(const HandleScope&) = delete;

  // How many Locals the isolate's scopes hold (for tests of scope discipline).
  static int NumberOfHandles(Isolate* isolate);

 protected:
  HandleScope() = default;
  void Initialize(Isolate* isolate);

 private:
  // The engine's own scope object lives here (no allocation per scope).
  alignas(void*) unsigned char storage_[3 * sizeof(void*)];
};

// A HandleScope one of whose Locals survives it: Escape copies the value into a slot
// reserved in the enclosing scope. Escape may be called once.
class EscapableHandleScope : public HandleScope {
 public:
  explicit EscapableHandleScope(Isolate* isolate);
  template <class T>
  Local<T> Escape(Local<T> value) {
    return Local<T>::Cast(Local<Value>(EscapeValue(reinterpret_cast<Value*>(*value))));
  }
  template <class T>
  MaybeLocal<T> EscapeMaybe(MaybeLocal<T> value) {
    Local<T> local;
    if (!value.ToLocal(&local)) return MaybeLocal<T>();
    return Escape(local);
  }

 private:
  Local<Value> EscapeValue(Value* value);
  api_internal::Slot* escape_slot_;
  bool escaped_ = false;
};

// --- The engine and isolates -----------------------------------------------------------

// Process-wide settings: flags (d8-style --name, --no-name, --name=value; the list is
// `Engine::FlagHelpText()`), the version, the standard streams. Flags are read when an
// isolate is created; set them before creating isolates.
class Engine {
 public:
  // Parses flags from `args` (no program name). Flags stop at the first non-flag argument
  // or "--"; the rest goes to *positional. False with a one-line *error on a bad flag.
  static bool SetFlagsFromCommandLine(const std::vector<std::string>& args,
                                      std::vector<std::string>* positional, std::string* error);
  // Same, for a space-separated string of flags (no positional arguments allowed).
  static bool SetFlagsFromString(const std::string& flags, std::string* error);
  // Back to every flag's default.
  static void ResetFlags();
  // The current value of a boolean / integer flag ("allow_natives_syntax" or
  // "allow-natives-syntax"). False / 0 for an unknown name.
  static bool GetBoolFlag(const std::string& name);
  static int64_t GetIntFlag(const std::string& name);
  // Every flag with its type, default and help, as `ruchyd --help` prints them.
  static std::string FlagHelpText();
  static const char* GetVersion();
  // print!/println! write through buffered stdout: flush before writing to stderr or
  // exiting. (std::process::exit flushes and ends the process.)
  static void FlushStandardStreams();
};

struct HeapStatistics {
  size_t total_heap_size = 0;      // committed bytes of the heap's spaces
  size_t used_heap_size = 0;       // bytes of objects
  size_t heap_size_limit = 0;      // max heap size in bytes (0: unlimited)
  size_t number_of_scavenges = 0;  // young-generation collections so far
  size_t number_of_mark_compacts = 0;
  size_t global_handles = 0;  // live Global handles
  size_t out_of_memory_errors = 0;
};

enum class GarbageCollectionType { kMinor, kFull };

// Called when a Ruchy function made by Function::New is called.
using FunctionCallback = void (*)(const FunctionCallbackInfo<Value>& info);

// One instance of the VM: its own heap, globals, VM stack and handles. Used by one thread
// at a time (several isolates may run on several threads at once); every handle and value
// belongs to one isolate.
class Isolate {
 public:
  struct CreateParams {
    // Heap limit in bytes; allocation beyond it raises "Out of memory" (a catchable
    // error). 0: the --max-heap-size flag (MB).
    size_t max_heap_size_in_bytes = 0;
    // VM stack in bytes (deep recursion raises "Stack overflow"). 0: the --stack-size flag.
    size_t stack_size_in_bytes = 0;
  };

  // Null if the system cannot provide the initial heap.
  static Isolate* New(const CreateParams& params);
  static Isolate* New();
  // Frees the heap and everything in it. No scope of the isolate may be active, and its
  // Globals must have been reset.
  void Dispose();

  // Makes the isolate current on this thread (Isolate::GetCurrent) while it lives.
  class Scope {
   public:
    explicit Scope(Isolate* isolate);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Isolate* isolate_;
    Isolate* previous_;
  };
  // The isolate entered on this thread, or null.
  static Isolate* GetCurrent();

  // The context entered with Context::Scope (empty if none).
  Local<Context> GetCurrentContext();

  // Throws from a host function: the function's caller sees the exception once the
  // callback returns. `ThrowError("Runtime error: bad input")` raises an error whose
  // message is the text, like the engine's own errors; ThrowException raises
  // `throw value`. Outside a callback the innermost TryCatch catches it. Returns nil.
  Local<Value> ThrowException(Local<Value> exception);
  Local<Value> ThrowError(const std::string& message);

  // What std::env::args() returns in this isolate (by convention the script path first).
  // Without this call, the process-wide default (empty).
  void SetProgramArguments(const std::vector<std::string>& arguments);

  void GetHeapStatistics(HeapStatistics* statistics);
  void RequestGarbageCollectionForTesting(GarbageCollectionType type);

  Isolate() = delete;
  ~Isolate() = delete;
  Isolate(const Isolate&) = delete;
  Isolate& operator=(const Isolate&) = delete;
};

// --- Contexts and scripts --------------------------------------------------------------

// The global environment scripts run in: top-level definitions of one script are visible
// to the next. An isolate has one global environment: Context::New returns it (creating
// it on first use).
class Context {
 public:
  static Local<Context> New(Isolate* isolate);
  Isolate* GetIsolate();
  // The global variables (read and write from C++).
  Local<GlobalScope> Global();

  void Enter();
  void Exit();
  class Scope {
   public:
    explicit Scope(Local<Context> context) : context_(context) { context_->Enter(); }
    ~Scope() { context_->Exit(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Local<Context> context_;
  };

  static void CheckCast(const Value*) {}
};

// A context's global variables by name.
class GlobalScope {
 public:
  // The global's value; empty with "Runtime error: Undefined variable: NAME" when it is
  // not defined.
  MaybeLocal<Value> Get(Local<Context> context, const std::string& name);
  // Defines or replaces the global (host functions are installed this way).
  Maybe<bool> Set(Local<Context> context, const std::string& name, Local<Value> value);
  bool Has(Local<Context> context, const std::string& name);
};

// Where source text comes from: the name in error messages and stack traces, and whether
// running the script also calls its main() (LANGUAGE §1: how `ruchyd FILE` runs programs).
class ScriptOrigin {
 public:
  explicit ScriptOrigin(std::string resource_name, bool run_main = false)
      : resource_name_(std::move(resource_name)), run_main_(run_main) {}
  const std::string& ResourceName() const { return resource_name_; }
  bool RunMain() const { return run_main_; }

 private:
  std::string resource_name_;
  bool run_main_;
};

// A compiled program, bound to its isolate's context.
class Script {
 public:
  // Parses and compiles. Empty on a syntax or compile error: the TryCatch's exception is
  // the formatted error text ("FILE:LINE:COL: Syntax error: ..." with the source line and
  // a caret, every error) and its message has the first error's location.
  static MaybeLocal<Script> Compile(Local<Context> context, Local<String> source,
                                    const ScriptOrigin* origin = nullptr);
  // Runs the top-level code (then main(), if the origin asks). The value of the last
  // top-level expression, or empty with the exception in the innermost TryCatch.
  MaybeLocal<Value> Run(Local<Context> context);
  // The bytecode of the script and every function in it (--print-bytecode's listing).
  std::string GetBytecodeListing(Local<Context> context);

  static void CheckCast(const Value* value);
};

// Source-level tools for shells: syntax checks without an isolate. They follow the
// --allow-natives-syntax flag.
class Syntax {
 public:
  // True when the source parses; else false with every error formatted in *errors.
  static bool Check(const std::string& resource_name, const std::string& source,
                    std::string* errors);
  // True when `input` fails to parse only because it ends too early (an open bracket, a
  // dangling operator, an unterminated string or comment): a REPL then reads more lines.
  static bool IsIncomplete(const std::string& input);
  // The resolved syntax tree (with scopes) as text; false with the errors on a bad parse.
  static bool PrintAst(const std::string& resource_name, const std::string& source,
                       std::string* out);
  // The names of the top-level functions marked #[test], in source order; false with
  // the errors on a bad parse.
  static bool ListTestFunctions(const std::string& resource_name, const std::string& source,
                                std::vector<std::string>* names, std::string* errors);
};

// --- Values ----------------------------------------------------------------------------

// How a value prints: kDisplay as println!("{}") does (top-level strings raw), kRepl as
// the REPL echoes results (strings quoted), kDebug as "{:?}".
enum class TextForm { kDisplay, kRepl, kDebug };

// Any Ruchy value. Ruchy has value semantics for arrays, maps, tuples and structs: a value
// read through the API is a copy (changing it through the API never changes the place it
// came from, and vice versa), made lazily by copy-on-write.
class Value {
 public:
  bool IsNil() const;
  bool IsBoolean() const;
  bool IsTrue() const;
  bool IsFalse() const;
  bool IsInteger() const;  // 64-bit integer
  bool IsFloat() const;    // 64-bit float
  bool IsNumber() const;   // integer or float
  bool IsString() const;
  bool IsArray() const;
  bool IsTuple() const;
  bool IsMap() const;  // HashMap (and HashSet)
  bool IsStruct() const;
  bool IsEnum() const;  // enum values, Option and Result included
  bool IsFunction() const;
  bool IsRange() const;

  // The `type_of` name: "integer", "float", "string", "array", "struct"...
  const char* TypeName() const;
  // The value as text (never fails).
  std::string ToText(TextForm form = TextForm::kDisplay) const;
  // The display text as a Ruchy string.
  MaybeLocal<String> ToString(Local<Context> context) const;
  // Truthiness: only false and nil are false.
  bool BooleanValue() const;
  // Integers and floats as double / int64 (a float converts as `x as i64` does); Nothing
  // with a type error in the TryCatch for anything else.
  Maybe<double> NumberValue(Local<Context> context) const;
  Maybe<int64_t> IntegerValue(Local<Context> context) const;
  // Ruchy's `==` (structural).
  bool Equals(Local<Value> other) const;
  // Identity (the same heap value, or equal immediates).
  bool StrictEquals(Local<Value> other) const;

  static void CheckCast(const Value*) {}
};

Local<Value> Nil(Isolate* isolate);

class Boolean : public Value {
 public:
  static Local<Boolean> New(Isolate* isolate, bool value);
  bool Value() const;
  static void CheckCast(const ruchy::Value* value);
};

// Integers and floats.
class Number : public Value {
 public:
  // A float.
  static MaybeLocal<Number> New(Isolate* isolate, double value);
  double Value() const;
  static void CheckCast(const ruchy::Value* value);
};

class Integer : public Number {
 public:
  static MaybeLocal<Integer> New(Isolate* isolate, int64_t value);
  int64_t Value() const;
  static void CheckCast(const ruchy::Value* value);
};

class String : public Value {
 public:
  // From UTF-8 (invalid sequences are kept as bytes, as the lexer does). length -1: up to
  // the terminating NUL.
  static MaybeLocal<String> NewFromUtf8(Isolate* isolate, const char* data, int length = -1);
  static MaybeLocal<String> NewFromUtf8(Isolate* isolate, const std::string& text);
  int Length() const;      // characters
  int Utf8Length() const;  // bytes
  std::string Utf8Value() const;
  static void CheckCast(const ruchy::Value* value);
};

class Array : public Value {
 public:
  // `length` nils.
  static MaybeLocal<Array> New(Isolate* isolate, int length = 0);
  uint32_t Length() const;
  MaybeLocal<Value> Get(Local<Context> context, uint32_t index);
  // In bounds only (Ruchy arrays do not grow by assignment); Push appends.
  Maybe<bool> Set(Local<Context> context, uint32_t index, Local<Value> value);
  Maybe<bool> Push(Local<Context> context, Local<Value> value);
  static void CheckCast(const ruchy::Value* value);
};

class Map : public Value {
 public:
  static MaybeLocal<Map> New(Isolate* isolate);
  size_t Size() const;
  // Empty with "Runtime error: Key 'KEY' not found in object" when absent.
  MaybeLocal<Value> Get(Local<Context> context, Local<Value> key);
  Maybe<bool> Has(Local<Context> context, Local<Value> key);
  // Keys must be hashable (integers, strings, booleans, nil, floats, tuples of those).
  Maybe<bool> Set(Local<Context> context, Local<Value> key, Local<Value> value);
  // Whether the key was present.
  Maybe<bool> Delete(Local<Context> context, Local<Value> key);
  // The keys in insertion order.
  MaybeLocal<Array> Keys(Local<Context> context);
  static void CheckCast(const ruchy::Value* value);
};

// An instance of a `struct` declared in Ruchy.
class Struct : public Value {
 public:
  std::string GetTypeName() const;
  std::vector<std::string> FieldNames() const;
  // Empty with "Runtime error: Field 'z' not found in struct Point" when absent.
  MaybeLocal<Value> Get(Local<Context> context, const std::string& field);
  Maybe<bool> Set(Local<Context> context, const std::string& field, Local<Value> value);
  static void CheckCast(const ruchy::Value* value);
};

class Function : public Value {
 public:
  // A Ruchy function that calls `callback` (with `data` available as info.Data()). The
  // name shows in errors and %DebugPrint. Lives as long as the isolate.
  static MaybeLocal<Function> New(Local<Context> context, FunctionCallback callback,
                                  Local<Value> data = Local<Value>(), const std::string& name = "");
  // Calls the function (Ruchy functions have no receiver).
  MaybeLocal<Value> Call(Local<Context> context, int argc, Local<Value> argv[]);
  std::string GetName() const;
  static void CheckCast(const ruchy::Value* value);
};

// What a host function sets as its result (nil unless set).
template <class T>
class ReturnValue {
 public:
  template <class S, std::enable_if_t<std::is_base_of_v<T, S>, int> = 0>
  void Set(Local<S> value) {
    if (value.IsEmpty()) return SetNil();
    *slot_ = *reinterpret_cast<api_internal::Slot*>(*value);
  }
  void Set(bool value) { api_internal::SetReturnBoolean(isolate_, slot_, value); }
  void Set(int64_t value) { api_internal::SetReturnInteger(isolate_, slot_, value); }
  void Set(int value) { Set(static_cast<int64_t>(value)); }
  // A float (out of memory goes to the host function's caller).
  void Set(double value) { api_internal::SetReturnFloat(isolate_, slot_, value); }
  void SetNil() { api_internal::SetReturnNil(isolate_, slot_); }
  Isolate* GetIsolate() const { return isolate_; }

 private:
  friend class api_internal::Access;
  template <class S>
  friend class FunctionCallbackInfo;
  ReturnValue(Isolate* isolate, api_internal::Slot* slot) : isolate_(isolate), slot_(slot) {}
  Isolate* isolate_;
  api_internal::Slot* slot_;
};

// The arguments of a host-function call.
template <class T>
class FunctionCallbackInfo {
 public:
  int Length() const { return length_; }
  // Argument i, or nil past the end.
  Local<Value> operator[](int i) const {
    if (i < 0 || i >= length_) return Local<Value>(reinterpret_cast<Value*>(nil_slot_));
    return Local<Value>(reinterpret_cast<Value*>(args_[i]));
  }
  Isolate* GetIsolate() const { return isolate_; }
  // The data given to Function::New (nil if none).
  Local<Value> Data() const { return Local<Value>(reinterpret_cast<Value*>(data_slot_)); }
  ReturnValue<T> GetReturnValue() const { return ReturnValue<T>(isolate_, return_slot_); }

 private:
  friend class api_internal::Access;
  FunctionCallbackInfo(Isolate* isolate, api_internal::Slot* const* args, int length,
                       api_internal::Slot* data_slot, api_internal::Slot* nil_slot,
                       api_internal::Slot* return_slot)
      : isolate_(isolate),
        args_(args),
        length_(length),
        data_slot_(data_slot),
        nil_slot_(nil_slot),
        return_slot_(return_slot) {}
  Isolate* isolate_;
  api_internal::Slot* const* args_;
  int length_;
  api_internal::Slot* data_slot_;
  api_internal::Slot* nil_slot_;
  api_internal::Slot* return_slot_;
};

// --- Exceptions ------------------------------------------------------------------------

struct StackFrame {
  std::string function_name;
  std::string script_name;
  int line = 0;
  int column = 0;
};

// What went wrong and where.
class Message {
 public:
  // One line: "Runtime error: Index 3 out of bounds for array of length 3",
  // "Uncaught exception: Point { x: 1 }" for `throw value`, "Syntax error: ...",
  // "Out of memory", "Stack overflow".
  const std::string& Get() const { return text_; }
  bool IsSyntaxError() const { return is_syntax_error_; }
  // Where: the script, 1-based line and column (0 when unknown, e.g. errors raised by
  // API calls outside running code).
  const std::string& GetScriptResourceName() const { return script_name_; }
  int GetLineNumber() const { return line_; }
  int GetStartColumn() const { return column_; }
  // The Ruchy frames active when the error was raised, innermost first.
  const std::vector<StackFrame>& GetStackTrace() const { return frames_; }

 private:
  friend class api_internal::Access;
  std::string text_;
  bool is_syntax_error_ = false;
  std::string script_name_;
  int line_ = 0;
  int column_ = 0;
  std::vector<StackFrame> frames_;
};

// Catches exceptions raised by API calls made while it is the innermost TryCatch (on the
// stack). Inside a host function, an exception that no TryCatch of the callback catches
// goes back to the Ruchy code that called it when the callback returns.
class TryCatch {
 public:
  explicit TryCatch(Isolate* isolate);
  ~TryCatch();
  TryCatch(const TryCatch&) = delete;
  TryCatch& operator=(const TryCatch&) = delete;

  bool HasCaught() const { return has_caught_; }
  // The thrown value: the message string for errors, the value for `throw value`, the
  // formatted error text for syntax errors. Empty when nothing was caught.
  Local<Value> Exception() const;
  const Message& GetMessage() const { return message_; }
  // "    at FUNCTION (FILE:LINE:COL)\n" per frame, innermost first.
  std::string StackTrace() const;
  // Forgets the exception.
  void Reset();
  // Rethrows to the next TryCatch out (or, in a host function, to its Ruchy caller).
  void ReThrow();

 private:
  friend class api_internal::Access;
  Isolate* isolate_;
  TryCatch* next_;
  int callback_depth_;
  bool has_caught_ = false;
  bool exception_is_error_ = false;
  Global<Value> exception_;
  Message message_;
};

}  // namespace ruchy

#endif  // RUCHY_INCLUDE_RUCHY_RUCHY_H_
