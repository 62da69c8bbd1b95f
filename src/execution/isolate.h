// Isolate: one independent instance of the VM — its heap, roots table, handle scopes,
// persistent handles, intern table and factory. The interpreter extends it with the VM
// stack and execution state. One thread uses an isolate at a time.
#ifndef RUCHY_EXECUTION_ISOLATE_H_
#define RUCHY_EXECUTION_ISOLATE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/flags.h"
#include "src/heap/factory.h"
#include "src/heap/global-handles.h"
#include "src/heap/handles.h"
#include "src/heap/heap.h"
#include "src/heap/roots.h"
#include "src/objects/objects-inl.h"
#include "src/objects/string-table.h"

namespace ruchy::internal {

struct IsolateOptions {
  HeapOptions heap;
};

IsolateOptions IsolateOptionsFromFlags(const base::FlagValues& flags);

class Isolate {
 public:
  // Sets up the heap and the read-only roots. CHECK-fails if the system cannot provide the
  // initial memory.
  static std::unique_ptr<Isolate> New(const IsolateOptions& options = {});
  // Like New, but null instead of a CHECK failure (the embedding API reports it).
  static std::unique_ptr<Isolate> TryNew(const IsolateOptions& options = {});
  ~Isolate();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Isolate);

  Heap* heap() { return heap_.get(); }
  Factory* factory() { return &factory_; }
  RootsTable& roots_table() { return roots_; }
  HandleScopeData* handle_scope_data() { return &handle_scope_data_; }
  GlobalHandles* global_handles() { return &global_handles_; }
  StringTable* string_table() { return &string_table_; }

  Value root(RootIndex index) const { return Value(roots_[index]); }
#define RUCHY_ROOT_ACCESSOR(Type, name, CamelName) inline Type name() const;
  RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_ACCESSOR)
  RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_ACCESSOR)
#undef RUCHY_ROOT_ACCESSOR

  // --- Pending exception. A failed allocation leaves the read-only string "Out of memory"
  // here; the interpreter turns it into the language-level error (see src/heap/README.md).
  bool has_pending_exception() const { return pending_exception_ != kNoException; }
  Value pending_exception() const { return Value(pending_exception_); }
  void set_pending_exception(Value value) {
    pending_exception_ = value.ptr();
    pending_is_error_ = false;
  }
  void clear_pending_exception() {
    pending_exception_ = kNoException;
    pending_is_error_ = false;
  }
  // Language-level exceptions. A runtime error pends its message string (the full text,
  // e.g. "Runtime error: Index 3 out of bounds for array of length 3") and is flagged as
  // an error, so an uncaught one prints bare while an uncaught `throw v` prints
  // "Uncaught exception: <debug form of v>". catch (e) binds the pending value either way.
  // Both return false so callers can `return isolate->ThrowError(...)` from bool paths.
  bool ThrowError(std::string_view message);
  bool Throw(Value value) {
    set_pending_exception(value);
    return false;
  }
  bool pending_exception_is_error() const { return pending_is_error_; }
  void MarkPendingAsError() { pending_is_error_ = true; }
  void ReportOutOfMemory();
  bool IsOutOfMemoryPending() const;
  int64_t out_of_memory_count() const { return out_of_memory_count_; }

  // Copy-on-write copies made so far (tests check that unaliased mutation never copies).
  int64_t cow_copy_count() const { return cow_copy_count_; }
  void CountCowCopy() { ++cow_copy_count_; }

  // How C++ (built-ins, the embedding API) calls a Ruchy callable: installed by the
  // interpreter when it attaches to the isolate. See src/execution/execution.h.
  using CallHandler = MaybeHandle<Value> (*)(Isolate* isolate, Handle<Value> callable, int argc,
                                             const Handle<Value>* argv);
  CallHandler call_handler() const { return call_handler_; }
  void set_call_handler(CallHandler handler) { call_handler_ = handler; }
  // Interpreter-owned state (the VM stack, globals...), opaque to the heap.
  void* interpreter_data() const { return interpreter_data_; }
  void set_interpreter_data(void* data) { interpreter_data_ = data; }

  // Host functions (the embedding API's Function::New): a closure whose function_data is
  // a Smi id <= kFirstHostFunctionId calls the handler with kFirstHostFunctionId - id as
  // the embedder's index. The handler returns the result, or empty with an exception
  // pending. Installed by src/api; the embedder's per-isolate state is embedder_data().
  static constexpr int kFirstHostFunctionId = -1000;
  using HostCallHandler = MaybeHandle<Value> (*)(Isolate* isolate, int index, int argc,
                                                 const Handle<Value>* argv);
  HostCallHandler host_call_handler() const { return host_call_handler_; }
  void set_host_call_handler(HostCallHandler handler) { host_call_handler_ = handler; }
  void* embedder_data() const { return embedder_data_; }
  void set_embedder_data(void* data) { embedder_data_ = data; }

  // What std::env::args() returns in this isolate; when never set, the process-wide list
  // (SetProgramArguments in src/builtins/builtins.h).
  bool has_program_arguments() const { return has_program_arguments_; }
  const std::vector<std::string>& program_arguments() const { return program_arguments_; }
  void set_program_arguments(std::vector<std::string> arguments) {
    program_arguments_ = std::move(arguments);
    has_program_arguments_ = true;
  }

  // Isolate-owned roots: mutable roots table entries, handle scopes, global handles, the
  // pending exception.
  void IterateRoots(RootVisitor* visitor);

 private:
  explicit Isolate(const IsolateOptions& options);
  bool Init();

  static constexpr Address kNoException = 0;

  IsolateOptions options_;
  RootsTable roots_;
  HandleScopeData handle_scope_data_;
  GlobalHandles global_handles_;
  StringTable string_table_;
  std::unique_ptr<Heap> heap_;
  Factory factory_;
  Address pending_exception_ = kNoException;
  bool pending_is_error_ = false;
  CallHandler call_handler_ = nullptr;
  void* interpreter_data_ = nullptr;
  HostCallHandler host_call_handler_ = nullptr;
  void* embedder_data_ = nullptr;
  std::vector<std::string> program_arguments_;
  bool has_program_arguments_ = false;
  int64_t out_of_memory_count_ = 0;
  int64_t cow_copy_count_ = 0;
};

inline HandleScopeData* HandleScopeDataOf(Isolate* isolate) { return isolate->handle_scope_data(); }

#define RUCHY_ROOT_ACCESSOR(Type, name, CamelName) \
  inline Type Isolate::name() const { return Type::unchecked_cast(root(RootIndex::k##CamelName)); }
RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_ACCESSOR)
RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_ACCESSOR)
#undef RUCHY_ROOT_ACCESSOR

#define RUCHY_ROOT_HANDLE(Type, name, CamelName)                                    \
  inline Handle<Type> Factory::name() {                                             \
    return Handle<Type>(isolate_->roots_table().location(RootIndex::k##CamelName)); \
  }
RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_HANDLE)
RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_HANDLE)
#undef RUCHY_ROOT_HANDLE

inline Handle<Oddball> Factory::ToBoolean(bool value) {
  return value ? true_value() : false_value();
}

inline Handle<Shape> Factory::ArrayShapeFor(ElementsKind kind) {
  switch (kind) {
    case ElementsKind::kSmi:
      return smi_array_shape();
    case ElementsKind::kDouble:
      return double_array_shape();
    case ElementsKind::kGeneric:
      return generic_array_shape();
  }
  UNREACHABLE();
}

template <typename T>
inline void Persistent<T>::Reset(Isolate* isolate, Handle<T> value) {
  Reset();
  if (value.is_null()) return;
  owner_ = isolate->global_handles();
  location_ = owner_->Create(*value.location());
}

template <typename T>
inline void Persistent<T>::Reset() {
  if (location_ == nullptr) return;
  owner_->Destroy(location_);
  location_ = nullptr;
  owner_ = nullptr;
}

}  // namespace ruchy::internal

#endif  // RUCHY_EXECUTION_ISOLATE_H_
