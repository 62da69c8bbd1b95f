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
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/execution/isolate.h"
#include "src/heap/visitors.h"
#include "src/interpreter/bytecode-data.h"
#include "src/interpreter/bytecodes.h"
#include "src/objects/cow.h"
#include "src/parser/parser.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::interpreter {

struct InterpreterOptions {
  // VM stack size in slots (8 bytes each). 1M slots (8 MB) allows recursion well beyond
  // the 10,000 levels the language promises.
  size_t stack_slots = 1 << 20;
  bool print_bytecode = false;
  bool trace_ic = false;
  // Parse %Name(args) intrinsic calls (--allow-natives-syntax).
  bool allow_natives_syntax = false;
  // Record the feedback that only a JIT tier reads: binary-operation kinds and the targets
  // and counts of plain calls (CallFunction, CallGlobal). Off under --jitless, where
  // nothing ever reads it (V8's lite mode likewise runs without feedback). The feedback the
  // interpreter itself uses stays on: field ICs, method-call sites, enum-variant caches.
  bool type_feedback = true;
};

// One frame of a stack trace.
struct StackFrameInfo {
  std::string function_name;
  std::string file_name;
  int line = 0;
  int column = 0;
};

// The HashMap flag marking a module namespace (it once shared its bit with kSortedMapBit,
// which made every BTreeMap look like a namespace).
constexpr int64_t kModuleFlag = CowContainer::kModuleNamespaceBit;

// A field IC entry's handler: where the field is and in which object kind, so the dispatch
// loop reads a monomorphic hit without looking at the object's instance type.
constexpr int kFieldIcIndexShift = 1;
constexpr int64_t kFieldIcPlainObjectBit = 1;
constexpr int64_t FieldIcHandler(int index, bool plain_object) {
  return (int64_t{index} << kFieldIcIndexShift) | (plain_object ? kFieldIcPlainObjectBit : 0);
}

class Interpreter : public RootProvider {
 public:
  static constexpr int kFrameHeaderSlots = kFixedFrameHeaderSlots;
  // The caller's fp (its r0) as a raw pointer: 8-aligned, so the GC sees a Smi and skips
  // it. An entry frame (Execute called from C++) holds Smi(-(outer fp index) - 1) instead,
  // a negative word (user-space pointers are positive): IsEntryFrameMarker.
  static constexpr int kCallerFpOffset = -6;
  // The caller's BytecodeData as a raw pointer (aligned: a Smi to the GC), 0 in an entry
  // frame. Return reloads the caller's bytecode from here: one load off the frame it is
  // leaving, where caller fp -> closure -> data would be three dependent loads ahead of
  // the dispatch.
  static constexpr int kCallerDataOffset = -5;
  // Where the caller resumes: Smi((resume << 4) | (scale index << 2) | shift), resume being
  // the address of the byte after the call instruction, the scale index that of the call's operands
  // (0, 1, 2 for 1, 2, 4 bytes) and shift where in-out parameters go back to. An address rather
  // than an offset, so that Return jumps to it without the caller's bytecode start. Lookups by
  // offset (handlers, source positions) use resume - 1, a byte of the call instruction
  // (CallOffsetOf). An entry frame holds Smi(outer frame's current offset) instead (the outer
  // frame's bytecode may not be at hand when C++ calls in, and only stack traces read it).
  static constexpr int kCallerPcOffset = -4;
  static constexpr int kClosureOffset = -3;
  // The closure's feedback vector, or nil: one load for every feedback update instead of
  // closure -> cell -> vector.
  static constexpr int kFeedbackVectorOffset = -2;
  static constexpr int kContextOffset = -1;
  static_assert(kCallerFpOffset == -kFrameHeaderSlots);
  // Calls with at most this many arguments copy exactly this many words into the new
  // frame (a fixed-size copy, no loop): the words past the arguments land in header slots
  // written right after. So every argument array ENTER_FRAME reads from has this many
  // readable words (VM-stack registers below the new frame; scratch_arguments_ padded).
  static constexpr int kEnterFrameCopyWords = 4;
  static_assert(kEnterFrameCopyWords <= kFrameHeaderSlots);
  // (User-space addresses are below 2^47, so the word stays far inside the Smi range.)
  static Address CallerPcWord(const uint8_t* resume, int scale_index, int shift) {
    return Smi::FromInt((static_cast<int64_t>(reinterpret_cast<uintptr_t>(resume)) << 4) |
                        (scale_index << 2) | shift)
        .ptr();
  }
  static const uint8_t* ResumePcOf(Address caller_pc_word) {
    return reinterpret_cast<const uint8_t*>(Smi::ToInt(Value(caller_pc_word)) >> 4);
  }
  // The offset of a byte of the call instruction, in the caller's bytecode `code`.
  static int CallOffsetOf(Address caller_pc_word, const uint8_t* code) {
    return static_cast<int>(ResumePcOf(caller_pc_word) - code - 1);
  }
  static bool IsEntryFrameMarker(Address caller_fp_word) {
    return static_cast<intptr_t>(caller_fp_word) < 0;
  }

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
  // The index of an existing global cell, or -1 (never creates one).
  int FindGlobalIndex(std::string_view name) const;
  const std::string& GlobalName(int index) const { return global_names_[index]; }
  Value GetGlobal(int index) const;
  void SetGlobal(int index, Value value);

  // Parses, analyzes and compiles a program. Syntax and compile errors: empty result, the
  // formatted text in *error, nothing pending. `call_main`: run main() after top-level code.
  MaybeHandle<SharedFunctionInfo> Compile(const std::string& file_name, std::string source,
                                          bool call_main, std::string* error);
  // Loads a module file (`use name;`): runs its top level once and returns its namespace.
  MaybeHandle<Value> LoadModule(const std::string& path, std::string source);
  // The folder (with a trailing '/', or empty) of the innermost running script.
  std::string CurrentScriptFolder();

  // A callable for a built-in free function ("println", "HashMap::new") or an intrinsic
  // (Some, Ok, Err), created once and cached; empty when `name` is neither.
  MaybeHandle<Value> BuiltinClosure(const std::string& name);

  // --- Compiled code's off-heap data (owned here, never freed before the isolate).
  BytecodeData* NewBytecodeData();

  // The stack trace captured when the pending exception was raised (innermost first).
  const std::vector<StackFrameInfo>& pending_stack_trace() const { return stack_trace_; }
  // Whether pending_stack_trace() was captured for `exception` (an exception raised
  // outside Ruchy code, e.g. by the embedding API, has none).
  bool HasStackTraceFor(Value exception) const {
    return trace_valid_ && Value(traced_exception_) == exception;
  }
  void CaptureStackTrace();

  // The lowest C++ stack address native re-entry may reach (the embedding API resets it
  // when an isolate moves to another thread).
  void set_native_stack_limit(uintptr_t limit) { native_stack_limit_ = limit; }

  // main() bookkeeping (LANGUAGE §1: main runs after top-level code unless already called).
  bool main_called() const { return main_called_; }
  void set_main_called() { main_called_ = true; }

  // Loaded modules by file path (`use name;`), so each loads once.
  std::unordered_map<std::string, int>& module_cells() { return module_cells_; }

  void IterateRoots(RootVisitor* visitor) override;

  // Intrinsic "built-ins" the interpreter implements itself (SharedFunctionInfo
  // function_data holds the id as a Smi; built-in library ids are >= 0).
  static constexpr int kIntrinsicSome = -1;
  static constexpr int kIntrinsicOk = -2;
  static constexpr int kIntrinsicErr = -3;

  // Calls a closure whose code is a built-in (function_data is a Smi).
  MaybeHandle<Value> CallNative(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                                Handle<Value>* receiver_out);
  // CallNative in its own handle scope, the result in *out (Execute's path for a built-in
  // called from C++). False with an exception pending.
  bool CallNativeFromCpp(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                         Handle<Value>* receiver_out, Value* out);
  // Execute's answer to a closure without bytecode (which Call and RunScript never pass):
  // an internal error.
  MaybeHandle<Value> NotInterpreted(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                                    Handle<Value>* receiver_out);
  // Looks up a user type's method (classes walk their parents); empty Value (ptr 0) if none.
  Value FindMethod(Value type_descriptor, String name);
  // The TypeDescriptor of a user-type value (struct, class instance, enum value), or nil.
  Value TypeOf(Value value);
  // Adds `type` to the registry (for method lookup from instances).
  bool RegisterType(Handle<TypeDescriptor> type);

  // Forgets cached method resolutions (types or methods were defined).
  void FlushMethodCache();

 private:
  // Self-hosted built-ins: higher-order array methods written in Ruchy, so that their
  // callbacks are interpreted calls inside one activation of the dispatch loop rather than
  // one C++ re-entry each (interpreter-self-hosted.cc).
  enum SelfHostedId { kSelfHostedMap, kSelfHostedFilter, kSelfHostedFold, kSelfHostedCount };
  // The self-hosted built-in a call site's intrinsic stands for, if any.
  static std::optional<SelfHostedId> SelfHostedFor(CallSite::Intrinsic intrinsic);
  // A method call at a site resolved to self-hosted built-in `id`: the self-hosted frame
  // to push (kCallPushFrame, as ResolveMethodCall) or the C++ built-in's result.
  int CallSelfHosted(const CallSite& site, SelfHostedId id, Address* first, int count,
                     Value* target, int* shift, int* argc, Address** args_out, Value* out);
  // The closure for `id`, compiled on first use; 0 when it could not be compiled (the
  // caller then takes the C++ built-in, so a failure here is never an error).
  Address SelfHostedClosure(SelfHostedId id);
  // Whether `callback` can be handed to a self-hosted built-in in place of the C++ one
  // with the same result: an interpreted closure taking exactly `arity` arguments, none
  // of them in-out.
  static bool IsSelfHostableCallback(Value callback, int arity);

  static constexpr int kMaxEntryDepth = 1500;
  static constexpr size_t kStackReserve = 256;
  static constexpr int64_t kInterruptBudget = 1 << 14;
  enum CallStatus { kCallFailed, kCallDone, kCallPushFrame };

  MaybeHandle<Value> Execute(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                             Handle<Value>* receiver_out) {
    return options_.type_feedback ? ExecuteLoop<true>(closure, argc, argv, receiver_out)
                                  : ExecuteLoop<false>(closure, argc, argv, receiver_out);
  }
  // The dispatch loop, in two instantiations: with kTypeFeedback its fast paths record the
  // feedback only a JIT tier reads (InterpreterOptions::type_feedback).
  template <bool kTypeFeedback>
  MaybeHandle<Value> ExecuteLoop(Handle<Closure> closure, int argc, const Handle<Value>* argv,
                                 Handle<Value>* receiver_out);
  // Helpers of the dispatch loop (interpreter-calls.cc). `fp` is the current frame's r0.
  void ThrowArityError(const BytecodeData* data, int argc);
  void OnInterruptBudget(Address* fp);
  void RecordBinaryFeedback(Address* fp, uint32_t slot, int64_t bits);
  // A feedback vector for `shared`, whose bytecode is `data`: nil slots except the counter
  // slots (BytecodeData::counter_slots), which start as Smi 0.
  MaybeHandle<FeedbackVector> NewFeedbackVector(Handle<SharedFunctionInfo> shared,
                                                const BytecodeData* data);
  static int64_t FeedbackFor(Value lhs, Value rhs);
  bool SlowBinary(Address* fp, BinaryOp op, Value lhs, Value rhs, uint32_t slot, Value* out);
  bool CreateContainer(interpreter::Bytecode bc, Address* first, int count, Value* out);
  // `value as T` through the general conversion; T is the string constant at type_index.
  bool CastSlow(Address* fp, Value value, uint32_t type_index, Value* out);
  bool LoadNamed(Address* fp, Address* object_slot, uint32_t name_index, uint32_t slot, Value* out);
  bool StoreNamed(Address* fp, Address* object_slot, uint32_t name_index, uint32_t slot,
                  Value value);
  // Pattern and path bytecodes' slow paths (interpreter-patterns.cc); they fill the
  // feedback the handlers' fast paths read.
  bool LoadPathMember(Address* fp, Value object, uint32_t name_index, uint32_t slot, Value* out);
  bool TestVariantSlow(Address* fp, Value value, Value type, uint32_t name_index, uint32_t arity,
                       uint32_t slot);
  static bool TestSequenceSlow(Value value, uint32_t count, uint32_t flags);
  static bool TestPatternEqualSlow(Value value, Value pattern);
  bool GetPatternElementSlow(Address* value_slot, int64_t index, Value* out);
  bool PushFrame(Address* fp, Closure callee, Address* args, int count, Address caller_pc_word,
                 Address** new_fp);
  bool CallSlow(Address* fp, Address* callee_slot, Address* args, int count, Value* out);
  // kCallPushFrame: the frame takes (*argc) arguments at *args (first + *shift, or the
  // scratch buffer for reordered named arguments).
  int ResolveMethodCall(Address* fp, const CallSite& site, uint32_t slot, Address* first, int count,
                        Value* target, int* shift, int* argc, Address** args, Value* out);
  // The key of a built-in method cache entry for this receiver (CallSite), or -1 when its
  // methods cannot be cached by kind alone.
  static constexpr int kSmiReceiverKey = 1 << 10;
  // Option, Result and Ordering values: their methods are the built-in enum methods.
  static constexpr int kBuiltinEnumReceiverKey = (1 << 10) + 1;
  // What a receiver's user methods depend on: its shape, except for enum values, which
  // share one shape across all enums (their descriptor decides).
  static HeapObject MethodCacheKey(HeapObject receiver);
  // first[0] is an enum's TypeDescriptor: builds variant `name` with payload first[1..count),
  // or returns kCallNotVariant when the enum has no such variant. Needs an open HandleScope.
  static constexpr int kCallNotVariant = -1;
  int ConstructVariant(Value name, Address* first, int count, Value* out, int* variant = nullptr);
  int BuiltinReceiverKey(Value receiver) const;
  // The intrinsic the dispatch loop runs for built-in method `id` cached for receivers of
  // `receiver_key` (CallSite::Intrinsic::kNone for most). `id` is a BuiltinMethodId.
  static CallSite::Intrinsic IntrinsicFor(int receiver_key, uint16_t id,
                                          std::string_view type_hint);
  // The slow halves of the string intrinsics (they allocate, so may collect garbage).
  // Both return false with an exception pending (out of memory).
  bool SmiToString(Value smi, Value* out);
  bool AppendString(Address* receiver, Value suffix);
  // Calls built-in method `id` on first[0] with first[1..count) (the site supplies named
  // arguments and type hints); writes the (possibly replaced) receiver back to first[0].
  bool InvokeBuiltinMethod(const CallSite& site, uint16_t id, Address* first, int count,
                           Value* out);
  // Orders positional + named arguments by the callee's parameter names into
  // scratch_arguments_ (holes for interior missing ones).
  bool ReorderNamedArguments(const BytecodeData* callee, const CallSite& site, Address* args,
                             int* count);
  std::vector<Address> scratch_arguments_;  // valid only until the next frame push
  bool CreateClosure(Address* fp, uint32_t constant_index, Value* out);
  // Inline caches (interpreter-ic.cc).
  static constexpr int kMegamorphic = -1;
  // Call counts saturate here.
  static constexpr int64_t kMaxCallCount = int64_t{1} << 40;
  static constexpr int kStubCacheSize = 1024;
  struct StubCacheEntry {
    Address shape = 0;
    Address name = 0;
    int index = -1;
  };
  static uint32_t StubCacheHash(Address shape, Address name);
  int LookupFieldIc(Address* fp, uint32_t slot, uint32_t name_index, HeapObject object);
  void UpdateFieldIc(Address* fp, uint32_t slot, HeapObject object, String name, int index,
                     const char* kind);
  void TraceIc(Address* fp, const char* kind, String name, Value from, Value to);
  bool TryLoadFieldFast(Address* fp, uint32_t slot, uint32_t name_index, Value object, Value* out);
  bool TryStoreFieldFast(Address* fp, uint32_t slot, uint32_t name_index, Value object,
                         Value value);
  void RecordFieldFeedback(Address* fp, uint32_t slot, Value object, String name, const char* kind);
  void RecordCallFeedback(Address* fp, uint32_t slot, Value target);
  StubCacheEntry stub_cache_[kStubCacheSize];
  // User methods by (MethodCacheKey of the receiver, call site): polymorphic and
  // megamorphic method call sites hit here instead of searching the type's method table.
  // Keyed by the site, whose name is fixed, rather than by the name: the dispatch loop has
  // the site at hand, while the name is four dependent loads away in the constant pool.
  // Sites live as long as the interpreter (bytecode_data_ only grows). Raw addresses:
  // cleared by every GC and whenever a type or method is defined.
  struct MethodCacheEntry {
    Address key = 0;
    const CallSite* site = nullptr;
    Address method = 0;
  };
  static constexpr int kMethodCacheSize = 256;
  MethodCacheEntry method_cache_[kMethodCacheSize];
  static uint32_t MethodCacheHash(Address key, const CallSite* site) {
    Address s = reinterpret_cast<Address>(site);
    return static_cast<uint32_t>(((key >> 3) * 31 ^ (s >> 4)) & (kMethodCacheSize - 1));
  }

  bool GetIterator(Value* acc);

  Isolate* isolate_;
  // The array shapes of the dispatch loop's element fast paths. Arrays have exactly one
  // shape per elements kind (setup-heap.cc), so comparing an object's shape word against
  // these answers "an array, of which kind" with one load instead of the two (shape, then
  // its instance type and kind) of IsArray() and kind(). Members rather than locals of
  // Execute: `this` is in a register, and Execute's entry, paid by every callback from a
  // built-in, stays as short as it was. Read-only space never moves.
  struct ArrayShapes {
    Address smi;
    Address double_;
    Address generic;
  };
  const ArrayShapes array_shapes_;
  const Address range_shape_;  // likewise the one Range shape, for JumpIfForInDone
  InterpreterOptions options_;
  // The VM stack: [stack_, stack_ + stack_slots). Slots below top_ are live. In the dispatch
  // loop top_ may be stale (too high) after a Return; SYNC recomputes it before C++ runs. A frame
  // may end at stack_limit_ (kStackReserve slots from the end, for native re-entry).
  Address* stack_ = nullptr;
  size_t stack_slots_ = 0;
  Address* stack_limit_ = nullptr;
  Address* top_ = nullptr;
  Address current_fp_ = 0;  // index of the innermost frame's r0, 0 when idle
  int entry_depth_ = 0;     // nested Execute activations (C++ re-entry)
  uintptr_t native_stack_limit_ = 0;
  int current_offset_ = 0;   // bytecode offset in the innermost frame (at SYNC points)
  Address last_caught_ = 0;  // Smi 0 when none; GC-visited
  // The exception the stack trace was captured for (GC-visited), valid until a handler
  // catches it: an exception rethrown into an outer dispatch loop activation (from main()
  // run by the script, or a callback of a built-in) keeps the trace of where it started.
  Address traced_exception_ = 0;
  bool trace_valid_ = false;
  bool last_caught_was_error_ = false;
  int64_t interrupt_count_ = 0;

  std::vector<std::string> global_names_;
  std::unordered_map<std::string, int> global_index_;
  std::vector<Address> globals_;  // GC-visited; the hole when unset

  std::vector<std::unique_ptr<BytecodeData>> bytecode_data_;
  std::vector<StackFrameInfo> stack_trace_;
  std::unordered_map<std::string, int> builtin_closure_cells_;  // name -> globals_ index
  // The globals_ cells of the self-hosted closures: -1 before the first use, -2 after a
  // failed compilation.
  int self_hosted_cells_[kSelfHostedCount] = {-1, -1, -1};
  std::unordered_map<std::string, int> module_cells_;
  // Parsed programs stay alive: compiled code refers to nothing in them, but modules'
  // namespace building reads their scopes.
  std::vector<std::unique_ptr<parser::ParseResult>> programs_;
  bool main_called_ = false;
};

// Attaches an interpreter to the isolate (sets the call handler). The isolate keeps a
// pointer; the caller owns the interpreter and must destroy it before the isolate.
std::unique_ptr<Interpreter> AttachInterpreter(Isolate* isolate, const InterpreterOptions& options);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_INTERPRETER_H_
