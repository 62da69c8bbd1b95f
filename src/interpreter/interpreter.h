// The Interpreter: per-isolate execution state (the VM stack, the global cells, compiled
// functions' off-heap data) and the bytecode dispatch loop. Ruchy-to-Ruchy calls push and
// pop frames on the VM stack inside one loop activation; C++ re-enters the loop only
// through Execute/Call (built-ins taking callbacks, the embedding API).
//
// Frame layout on the VM stack (slots are tagged; fp indexes r0):
//   fp - 4 - P + i   parameter i (P parameters; missing ones hold the hole)
//   fp - 4           caller fp (Smi; -1 for an entry frame)
//   fp - 3           caller's call bytecode offset (Smi)
//   fp - 2           closure
//   fp - 1           current context (nil or Context)
//   fp + i           register ri, i < register_count
#ifndef RUCHY_INTERPRETER_INTERPRETER_H_
#define RUCHY_INTERPRETER_INTERPRETER_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/execution/isolate.h"
#include "src/heap/visitors.h"
#include "src/interpreter/bytecode-data.h"

namespace ruchy::internal::interpreter {

struct InterpreterOptions {
  // VM stack size in slots (8 bytes each). 1M slots (8 MB) allows recursion well beyond
  // the 10,000 levels the language promises.
  size_t stack_slots = 1 << 20;
  bool print_bytecode = false;
  bool trace_ic = false;
};

// One frame of a stack trace.
struct StackFrameInfo {
  std::string function_name;
  std::string file_name;
  int line = 0;
  int column = 0;
};

class Interpreter : public RootProvider {
 public:
  static constexpr int kFrameHeaderSlots = 4;
  static constexpr int kCallerFpOffset = -4;
  static constexpr int kCallerPcOffset = -3;
  static constexpr int kClosureOffset = -2;
  static constexpr int kContextOffset = -1;

  Interpreter(Isolate* isolate, const InterpreterOptions& options);
  ~Interpreter() override;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Interpreter);

  static Interpreter* From(Isolate* isolate) {
    return static_cast<Interpreter*>(isolate->interpreter_data());
  }

  Isolate* isolate() const { return isolate_; }
  const InterpreterOptions& options() const { return options_; }

  // Parses, compiles and runs a whole program (top-level code, then main). Returns the
  // value of the last top-level expression, or empty with an exception pending (syntax
  // errors are reported by the caller before this runs: see CompileScript).
  MaybeHandle<Value> RunScript(Handle<SharedFunctionInfo> script);

  // Calls any callable value with arguments (re-enters the dispatch loop).
  MaybeHandle<Value> Call(Handle<Value> callable, int argc, const Handle<Value>* argv);

  // --- Globals: one cell per top-level name, addressed by index from bytecode.
  int GlobalIndex(std::string_view name);
  const std::string& GlobalName(int index) const { return global_names_[index]; }
  Value GetGlobal(int index) const;
  void SetGlobal(int index, Value value);

  // A callable for a built-in free function ("println", "HashMap::new") or an intrinsic
  // (Some, Ok, Err), created once and cached; empty when `name` is neither.
  MaybeHandle<Value> BuiltinClosure(const std::string& name);

  // --- Compiled code's off-heap data (owned here, never freed before the isolate).
  BytecodeData* NewBytecodeData();

  // The stack trace captured when the pending exception was raised (innermost first).
  const std::vector<StackFrameInfo>& pending_stack_trace() const { return stack_trace_; }
  void CaptureStackTrace();

  // main() bookkeeping (LANGUAGE §1: main runs after top-level code unless already called).
  bool main_called() const { return main_called_; }
  void set_main_called() { main_called_ = true; }

  // Loaded modules by file path (`use name;`), so each loads once.
  std::unordered_map<std::string, int>& module_cells() { return module_cells_; }

  void IterateRoots(RootVisitor* visitor) override;

 private:
  friend class Dispatcher;
  MaybeHandle<Value> Execute(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                             Handle<Value>* receiver_out);

  Isolate* isolate_;
  InterpreterOptions options_;
  // The VM stack: [stack_, stack_ + stack_slots). Slots below top_ are live.
  Address* stack_ = nullptr;
  size_t stack_slots_ = 0;
  size_t top_ = 0;
  Address current_fp_ = 0;  // index of the innermost frame's r0, 0 when idle
  int entry_depth_ = 0;     // nested Execute activations (C++ re-entry)
  uintptr_t native_stack_limit_ = 0;

  std::vector<std::string> global_names_;
  std::unordered_map<std::string, int> global_index_;
  std::vector<Address> globals_;  // GC-visited; the hole when unset

  std::vector<std::unique_ptr<BytecodeData>> bytecode_data_;
  std::vector<StackFrameInfo> stack_trace_;
  std::unordered_map<std::string, int> builtin_closure_cells_;  // name -> globals_ index
  std::unordered_map<std::string, int> module_cells_;
  bool main_called_ = false;
};

// Attaches an interpreter to the isolate (sets the call handler). The isolate keeps a
// pointer; the caller owns the interpreter and must destroy it before the isolate.
std::unique_ptr<Interpreter> AttachInterpreter(Isolate* isolate,
                                               const InterpreterOptions& options);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_INTERPRETER_H_
