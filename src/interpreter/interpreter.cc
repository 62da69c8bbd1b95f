// Interpreter state: the VM stack, global cells, built-in closures, stack traces, and the
// C++ entry points (RunScript, Call). The dispatch loop is in interpreter-dispatch-loop.inc.
#include "src/interpreter/interpreter.h"

#include <sys/mman.h>

#include <algorithm>

#include "src/builtins/builtins.h"
#include "src/execution/execution.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

// --- Script and BytecodeData ------------------------------------------------------------

Script::Script(std::string file, std::string text)
    : file_name(std::move(file)), source(std::move(text)) {
  line_starts.push_back(0);
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\n') line_starts.push_back(static_cast<uint32_t>(i + 1));
  }
}

void Script::LineColumn(int offset, int* line, int* column) const {
  if (offset < 0) offset = 0;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<uint32_t>(offset));
  size_t index = static_cast<size_t>(it - line_starts.begin()) - 1;
  *line = static_cast<int>(index) + 1;
  int col = 1;
  for (size_t i = line_starts[index]; i < static_cast<size_t>(offset) && i < source.size(); ++i) {
    // Count characters: skip UTF-8 continuation bytes.
    if ((static_cast<uint8_t>(source[i]) & 0xC0) != 0x80) ++col;
  }
  *column = col;
}

int BytecodeData::SourceOffsetFor(int offset) const {
  int result = -1;
  for (const SourcePositionEntry& e : source_positions) {
    if (e.bytecode_offset > offset) break;
    result = e.source_offset;
  }
  return result;
}

const HandlerTableEntry* BytecodeData::FindHandler(int offset) const {
  const HandlerTableEntry* found = nullptr;
  for (const HandlerTableEntry& h : handlers) {
    if (offset >= h.start && offset < h.end) found = &h;  // the last (innermost) wins
  }
  return found;
}

// --- Interpreter ------------------------------------------------------------------------

namespace {

MaybeHandle<Value> CallHandler(Isolate* isolate, Handle<Value> callable, int argc,
                               const Handle<Value>* argv) {
  return Interpreter::From(isolate)->Call(callable, argc, argv);
}

}  // namespace

Interpreter::Interpreter(Isolate* isolate, const InterpreterOptions& options)
    : isolate_(isolate),
      array_shapes_{isolate->smi_array_shape().ptr(), isolate->double_array_shape().ptr(),
                    isolate->generic_array_shape().ptr()},
      range_shape_(isolate->range_shape().ptr()),
      options_(options) {
  stack_slots_ = std::max<size_t>(options.stack_slots, 4096);
  void* memory = mmap(nullptr, stack_slots_ * sizeof(Address), PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  CHECK(memory != MAP_FAILED);
  stack_ = static_cast<Address*>(memory);
  stack_limit_ = stack_ + stack_slots_ - kStackReserve;
  top_ = stack_;
  isolate->heap()->AddRootProvider(this);
  // Native re-entry (built-ins calling back into Ruchy) recurses on the C++ stack: keep
  // 1 MB of an 8 MB main-thread stack in reserve.
  char here;
  native_stack_limit_ = reinterpret_cast<uintptr_t>(&here) - (6u << 20);
}

Interpreter::~Interpreter() {
  isolate_->heap()->RemoveRootProvider(this);
  munmap(stack_, stack_slots_ * sizeof(Address));
  if (isolate_->interpreter_data() == this) {
    isolate_->set_interpreter_data(nullptr);
    isolate_->set_call_handler(nullptr);
  }
}

std::unique_ptr<Interpreter> AttachInterpreter(Isolate* isolate,
                                               const InterpreterOptions& options) {
  auto interpreter = std::make_unique<Interpreter>(isolate, options);
  isolate->set_interpreter_data(interpreter.get());
  isolate->set_call_handler(&CallHandler);
  return interpreter;
}

void Interpreter::IterateRoots(RootVisitor* visitor) {
  if (top_ > stack_) {
    visitor->VisitRootPointers("VM stack", ObjectSlot(stack_), ObjectSlot(top_));
  }
  if (!globals_.empty()) {
    visitor->VisitRootPointers("globals", ObjectSlot(globals_.data()),
                               ObjectSlot(globals_.data() + globals_.size()));
  }
  visitor->VisitRootPointer("caught exception", ObjectSlot(&last_caught_));
  // The stub cache holds raw shape and name addresses, which a moving GC invalidates:
  // drop it (it refills from the feedback as code runs).
  for (StubCacheEntry& e : stub_cache_) e = StubCacheEntry();
  FlushMethodCache();
  visitor->VisitRootPointer("traced exception", ObjectSlot(&traced_exception_));
}

int Interpreter::GlobalIndex(std::string_view name) {
  auto it = global_index_.find(std::string(name));
  if (it != global_index_.end()) return it->second;
  int index = static_cast<int>(globals_.size());
  globals_.push_back(isolate_->the_hole_value().ptr());
  global_names_.emplace_back(name);
  global_index_.emplace(std::string(name), index);
  return index;
}

int Interpreter::FindGlobalIndex(std::string_view name) const {
  auto it = global_index_.find(std::string(name));
  return it == global_index_.end() ? -1 : it->second;
}

Value Interpreter::GetGlobal(int index) const { return Value(globals_[index]); }
void Interpreter::SetGlobal(int index, Value value) { globals_[index] = value.ptr(); }

BytecodeData* Interpreter::NewBytecodeData() {
  bytecode_data_.push_back(std::make_unique<BytecodeData>());
  return bytecode_data_.back().get();
}

MaybeHandle<Value> Interpreter::BuiltinClosure(const std::string& name) {
  auto it = builtin_closure_cells_.find(name);
  if (it != builtin_closure_cells_.end()) return handle(Value(globals_[it->second]), isolate_);
  int id;
  if (name == "Some") {
    id = kIntrinsicSome;
  } else if (name == "Ok") {
    id = kIntrinsicOk;
  } else if (name == "Err") {
    id = kIntrinsicErr;
  } else if (std::optional<BuiltinId> builtin = LookupBuiltinFunction(name)) {
    id = *builtin;
  } else {
    return {};
  }
  Factory* f = isolate_->factory();
  Handle<String> string;
  Handle<SharedFunctionInfo> shared;
  Handle<FeedbackCell> cell;
  Handle<Closure> closure;
  if (!f->InternalizeUtf8String(name).ToHandle(&string) ||
      !f->NewSharedFunctionInfo(string, 0).ToHandle(&shared)) {
    return {};
  }
  shared->set_function_data(Smi::FromInt(id));
  if (!f->NewFeedbackCell(f->nil_value()).ToHandle(&cell) ||
      !f->NewClosure(shared, f->nil_value(), cell).ToHandle(&closure)) {
    return {};
  }
  // Kept in a hidden global cell so it stays alive and is created once.
  int index = GlobalIndex("<builtin " + name + ">");
  globals_[index] = closure->ptr();
  builtin_closure_cells_.emplace(name, index);
  return Handle<Value>(closure);
}

void Interpreter::CaptureStackTrace() {
  if (trace_valid_ && Value(traced_exception_) == isolate_->pending_exception()) return;
  traced_exception_ = isolate_->pending_exception().ptr();
  trace_valid_ = true;
  stack_trace_.clear();
  int64_t fp_index = static_cast<int64_t>(current_fp_);
  int offset = current_offset_;
  Address caller_pc_word = 0;  // the frame's resume word in its callee, after the first
  while (fp_index > 0 && stack_trace_.size() < 64) {
    Address* fp = stack_ + fp_index;
    Closure closure = Closure::cast(Value(fp[kClosureOffset]));
    if (caller_pc_word != 0) {
      offset = CallOffsetOf(caller_pc_word, closure.bytecode_data()->bytes.data());
    }
    Value data_value = closure.shared().function_data();
    if (data_value.IsBytecodeArray() && !BytecodeArray::cast(data_value).data()->self_hosted) {
      BytecodeData* data = BytecodeArray::cast(data_value).data();
      StackFrameInfo info;
      info.function_name = data->name;
      info.file_name = data->script->file_name;
      int source = data->SourceOffsetFor(offset);
      if (source >= 0) data->script->LineColumn(source, &info.line, &info.column);
      stack_trace_.push_back(std::move(info));
    }
    Address caller = fp[kCallerFpOffset];
    // An entry frame holds -(outer fp + 1) and the outer frame's offset: continue in the
    // C++ caller's interpreter frame.
    if (IsEntryFrameMarker(caller)) {
      fp_index = -Smi::ToInt(Value(caller)) - 1;
      offset = static_cast<int>(Smi::ToInt(Value(fp[kCallerPcOffset])));
      caller_pc_word = 0;
    } else {
      fp_index = reinterpret_cast<Address*>(caller) - stack_;
      caller_pc_word = fp[kCallerPcOffset];
    }
  }
}

MaybeHandle<Value> Interpreter::RunScript(Handle<SharedFunctionInfo> script) {
  Factory* f = isolate_->factory();
  // Every interpreted frame has a feedback vector (the dispatch loop relies on it).
  Handle<FeedbackVector> vector;
  Handle<FeedbackCell> cell;
  Handle<Closure> closure;
  if (!NewFeedbackVector(script, BytecodeArray::cast(script->function_data()).data())
           .ToHandle(&vector) ||
      !f->NewFeedbackCell(vector).ToHandle(&cell) ||
      !f->NewClosure(script, f->nil_value(), cell).ToHandle(&closure)) {
    return {};
  }
  return Execute(closure, 0, nullptr, nullptr);
}

MaybeHandle<Value> Interpreter::Call(Handle<Value> callable, int argc, const Handle<Value>* argv) {
  if (!callable->IsClosure()) {
    std::string message = "Type error: Cannot call non-function value: ";
    message += TypeName(*callable);
    isolate_->ThrowError(message);
    return {};
  }
  Handle<Closure> closure = Handle<Closure>::cast(callable);
  if (!closure->shared().function_data().IsBytecodeArray()) {
    // A built-in function (a callback such as map(sqrt)); Execute runs interpreted code.
    Value result;
    if (!CallNativeFromCpp(closure, argc, argv, nullptr, &result)) return {};
    return handle(result, isolate_);
  }
  return Execute(closure, argc, argv, nullptr);
}

}  // namespace ruchy::internal::interpreter
