// The generator's class, shared by the bytecode-generator*.cc files (expressions, calls and
// places, control flow, patterns, declarations).
#ifndef RUCHY_INTERPRETER_BYTECODE_GENERATOR_IMPL_H_
#define RUCHY_INTERPRETER_BYTECODE_GENERATOR_IMPL_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "src/interpreter/bytecode-array-builder.h"
#include "src/interpreter/bytecode-data.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/parser/ast.h"
#include "src/parser/scopes.h"

namespace ruchy::internal::interpreter {

using namespace parser;  // NOLINT: the generator is an AST visitor through and through

// Shared by all functions of one compilation.
struct CompilationState {
  Isolate* isolate;
  Interpreter* interpreter;
  std::shared_ptr<const Script> script;
  std::string error;  // first compile error, "FILE:LINE:COL: message"
  bool failed = false;
  bool call_main = false;  // the program's script: run main() after top-level code
};

// A place being updated (LANGUAGE §2): where its current value was loaded and how to store
// a new value back, recursively up to the variable at its root.
struct Place {
  enum Kind { kNone, kVariable, kField, kElement } kind = kNone;
  Register value;                  // the place's current value
  Identifier* variable = nullptr;  // kVariable
  Place* parent = nullptr;         // kField / kElement: the container's place
  int name_constant = -1;          // kField
  Register key;                    // kElement
};

class BytecodeGenerator {
 public:
  BytecodeGenerator(CompilationState* state, FunctionLiteral* function);
  MaybeHandle<SharedFunctionInfo> Generate();

 private:
  // `for x in P.iter_mut()` (also `.enumerate()`, `P.values_mut()`, `(k, v)` on a map) and
  // `P.iter_mut().for_each(f)`: the element variable is stored back into P after each pass
  // and on break/return (Runtime IterMutStore), so `*x += 1` changes P (decision 4).
  struct MutLoop {
    Place* place = nullptr;        // P; its value register holds the container
    Register iterator;             // what GetIterator produced, then the next index
    Register element;              // this pass's element (a map: its (key, value) pair)
    Variable* variable = nullptr;  // the for loop's written-back binding
    Register value;                // for_each: the callback's argument register
    bool pair_value = false;       // the variable is a map value, not the whole element
    int context_depth = 0;         // saved_contexts_.size() inside the loop body
  };
  // Control-flow scopes: loops and labelled blocks (break/continue targets) and try/finally
  // (whose finally code runs when a jump leaves it).
  struct ControlScope {
    enum Kind { kBreakable, kFinally } kind = kBreakable;
    Node* target = nullptr;  // kBreakable: the Loop/While/For/Block
    BytecodeLabel break_label;
    BytecodeLabel continue_label;
    Register result;        // where break values go
    int context_depth = 0;  // contexts pushed when the scope was entered
    Block* finally_block = nullptr;
    const MutLoop* mut_loop = nullptr;  // a for loop over iter_mut()/values_mut()
  };
  // Matches `P.iter_mut()`, `P.values_mut()` (optionally `.enumerate()`d) with P a place.
  MethodCall* MatchMutIteration(Node* iterable, bool* enumerate) const;
  void VisitMutFor(For* node, MethodCall* source, bool enumerate);
  void VisitMutForEach(MethodCall* node, MethodCall* source);
  void EmitMutLoopStore(const MutLoop& loop);
  // Whether `*name = v` may write `variable`: an in-out parameter or a mut loop binding.
  bool IsDereferenceAssignable(Variable* variable) const;
  class RegisterScope {
   public:
    explicit RegisterScope(BytecodeGenerator* g) : g_(g), saved_(g->next_register_) {}
    ~RegisterScope() { g_->next_register_ = saved_; }

   private:
    BytecodeGenerator* g_;
    int saved_;
  };

  // --- Emission helpers.
  BytecodeArrayBuilder& b() { return builder_; }
  void Emit(Bytecode bc, std::initializer_list<uint32_t> ops = {}) { builder_.Emit(bc, ops); }
  void EmitJump(Bytecode bc, BytecodeLabel l, std::initializer_list<uint32_t> extra = {}) {
    builder_.EmitJump(bc, l, extra);
  }
  BytecodeLabel NewLabel() { return builder_.NewLabel(); }
  void Bind(BytecodeLabel l) { builder_.Bind(l); }
  void ExpressionPosition(Node* n) { builder_.SetExpressionPosition(n->position().offset); }
  void StatementPosition(Node* n) { builder_.SetStatementPosition(n->position().offset); }
  Register NewTemp();
  Register NewTemps(int count);  // consecutive; returns the first
  uint32_t Slot() { return static_cast<uint32_t>(feedback_slots_++); }
  // Call sites take two slots: the target (or megamorphic) and the call count (a counter
  // slot, BytecodeData::counter_slots).
  uint32_t CallSlot() { return CallSlots(2); }
  // recv.m(...) sites add a third slot: the receiver shape the cached target was found for.
  uint32_t MethodCallSlot() { return CallSlots(3); }
  // Type::f(...) sites add two more: the enum type the site built a variant of, and the
  // variant's index (CallMethod builds it inline).
  uint32_t StaticCallSlot() { return CallSlots(4); }
  uint32_t CallSlots(int count) {
    uint32_t first = static_cast<uint32_t>(feedback_slots_);
    feedback_slots_ += count;
    call_count_slots_.push_back(first + 1);
    return first;
  }
  // Path members (GetPathMember): [enum type, unit value] and the field IC of other objects.
  uint32_t PathMemberSlot() {
    feedback_slots_ += 3;
    return static_cast<uint32_t>(feedback_slots_ - 3);
  }
  // TestVariant: [type or enum descriptor, 2 * variant index + typed].
  uint32_t VariantTestSlot() {
    feedback_slots_ += 2;
    return static_cast<uint32_t>(feedback_slots_ - 2);
  }
  static uint32_t Op(Register r) { return r.ToOperand(); }
  void Ldar(Register r) { Emit(Bytecode::kLdar, {Op(r)}); }
  void Star(Register r) { Emit(Bytecode::kStar, {Op(r)}); }
  void Mov(Register from, Register to) {
    if (from != to) Emit(Bytecode::kMov, {Op(from), Op(to)});
  }
  void LoadSmi(int64_t value);
  void LoadInteger(int64_t value);
  void LoadNil() { Emit(Bytecode::kLdaNil); }
  void CallRuntime(RuntimeFunctionId id, Register first, int count);

  // --- Constants.
  int AddConstant(Handle<Value> value);
  int StringConstant(std::string_view text);  // internalized
  int NameConstant(const AstString* name) { return StringConstant(name->view()); }
  int FunctionConstant(FunctionLiteral* function);  // compiles it
  int StringListConstant(const std::vector<std::string_view>& items);
  void LoadString(std::string_view text) {
    Emit(Bytecode::kLdaConstant, {Cst(StringConstant(text))});
  }
  static uint32_t Cst(int index) { return static_cast<uint32_t>(index); }
  int AddCallSite(CallSite site);

  // --- Errors.
  void Fail(Node* at, const std::string& message);
  void FailAt(SourcePosition position, const std::string& message);
  bool failed() const { return state_->failed; }

  // --- Functions and scopes (bytecode-generator.cc).
  void GeneratePrologue();
  void EnterScope(Scope* scope);  // pushes a context if needed, binds hoisted declarations
  void LeaveScope(Scope* scope);
  void BindHoisted(Scope* scope);
  void VisitDeclaration(Node* declaration);
  void VisitInlineModule(ModuleDeclaration* declaration);
  void DefineMethods(Register type, const NodeList<FunctionLiteral*>& methods);
  void LoadFieldDefaults(const NodeList<FieldDeclaration>& fields);  // acc = tuple of thunks
  void PushContextFor(int slots);
  void PopContextTo(int depth);

  // --- Variables.
  Register RegisterFor(Variable* variable);
  void LoadVariable(Identifier* identifier, bool share);
  void StoreVariable(Variable* variable, Identifier* use);  // value in acc
  void StoreToIdentifier(Identifier* identifier);
  // Loads a name no scope declares: a built-in constant or function, else its global cell
  // (returns true then).
  bool LoadUnboundGlobal(Identifier* identifier, const std::string& name);
  // Whether an undeclared name stands for a global cell (not a built-in).
  bool IsGlobalCellName(std::string_view name) const;
  bool IsBuiltinName(const std::string& name) const;
  std::string ResolveBuiltinPath(const std::string& path);

  // --- Expressions (bytecode-generator.cc). Result in the accumulator.
  void Visit(Node* node);  // the value is wanted and may be retained
  void VisitForRegister(Node* node, Register target);
  Register VisitForAnyRegister(Node* node);  // a variable's own register when possible
  // For a value the next bytecode consumes without storing it anywhere (an operand, a
  // condition, an index, the object of a field read): nothing is marked shared.
  void VisitForRead(Node* node);
  // Field and element loads; loads never mark their result shared, VisitMember and
  // VisitIndex add the Share a stored value needs.
  void EmitMemberLoad(Member* node);
  void EmitIndexLoad(Index* node);
  void VisitIdentifier(Identifier* node, bool share);
  void VisitBinary(Binary* node);
  void VisitLogical(Binary* node);
  void VisitUnary(Unary* node);
  void VisitAssign(Assign* node);
  void VisitCompoundOperation(TokenKind op, Register left, Node* at);  // acc = left OP acc
  std::optional<Register> LocalRegisterOf(Node* node);
  std::optional<Register> InPlaceArgument(const NodeList<Argument>& args);
  void VisitFString(FString* node);
  void VisitArrayLiteral(const NodeList<Node*>& elements, Bytecode create);
  void VisitMapLiteral(MapLiteral* node);
  void VisitStructLiteral(StructLiteral* node);
  void VisitPath(Path* node, bool share = true);  // share: mark a stored value shared
  void VisitMember(Member* node);
  void VisitIndex(Index* node);
  void VisitRange(parser::Range* node);
  void VisitCast(Cast* node);
  void VisitTryOp(TryOp* node);
  void VisitFunctionLiteral(FunctionLiteral* node);
  // `discard`: the value is dropped (statement position), so the last statement is visited
  // for its effect only as well.
  void VisitBlock(Block* block, bool discard = false);
  void VisitStatements(const NodeList<Node*>& statements, bool discard_last = false);
  // Whether `node` is the statement being visited for its effect only: assignments, lets
  // and loops then skip producing their value (read once, on entry to their visitor).
  bool IsEffectOnly(Node* node) const { return node == effect_only_; }
  void VisitLet(Let* node);

  // --- Calls and places (bytecode-generator-calls.cc).
  void VisitCall(Call* node);
  void VisitMethodCall(MethodCall* node);
  // recv.name(args) with the receiver and arguments given apart, so `f64::max(a, b)` (a
  // built-in type's method called through its type, UFCS) compiles as `a.max(b)`.
  void EmitMethodCall(Node* at, Node* receiver, const AstString* name, const AstString* type_hint,
                      const NodeList<Argument>& arguments);
  // Type-qualified and std::mem calls the built-in list cannot express (they write to the
  // caller's places). Returns false when `name` is not one of them.
  bool VisitQualifiedCall(Call* node, const std::string& name);
  void VisitMacroCall(MacroCall* node);
  // %Name(args) (--allow-natives-syntax): a runtime call; unknown names fail compilation.
  void VisitNativeCall(MacroCall* node);
  void VisitBuiltinCall(Node* at, const std::string& name, const NodeList<Argument>& args,
                        const FormatReads& reads);
  bool IsPlaceExpression(Node* node) const;
  Place* EvaluatePlace(Node* node);  // loads the place's value without marking it shared
  // Stores place->value (or, with value_in_accumulator, the accumulator) back along the place.
  void WriteBack(Place* place, bool value_in_accumulator = false);
  void EvaluateArguments(const NodeList<Argument>& args, Register first,
                         std::vector<Place*>* writebacks);
  int EvaluateNamedArguments(const NodeList<Argument>& args, Register first, CallSite* site);
  void WriteBackArguments(const NodeList<Argument>& args, Register first,
                          const std::vector<Place*>& writebacks);
  // After a call: writes in-out arguments back to their places, keeping the result in acc.
  void FinishCall(const NodeList<Argument>& args, Register first,
                  const std::vector<Place*>& writebacks);
  bool IsMapEntryChain(Node* node) const;
  void VisitMapEntryChain(MethodCall* node, bool as_place, Place** place_out);

  // --- Control flow (bytecode-generator-control.cc).
  void VisitIf(If* node);
  void VisitConditional(Conditional* node);
  // A loop or labelled block's scope: labels, a result register (nil), the context depth.
  ControlScope NewBreakableScope(Node* target);
  void VisitWhile(While* node);
  void VisitLoop(Loop* node);
  void VisitFor(For* node);
  void VisitLabelledBlock(Block* node);
  void VisitMatch(Match* node);
  void VisitTryCatch(TryCatch* node);
  void VisitReturn(Return* node);
  // The index + 1 of the control scope a break/continue targets; 0 after emitting the
  // "outside of loop" error.
  size_t FindJumpTarget(Node* target, const char* outside_message);
  void VisitBreak(Break* node);
  void VisitContinue(Continue* node);
  void VisitThrow(Throw* node);
  void EmitReturn();  // acc holds the value; runs finally blocks on the way out
  // Runs the finally blocks of control scopes above index `down_to` (exclusive), innermost
  // first, preserving the accumulator.
  void RunFinallyBlocks(size_t down_to);

  // --- Patterns (bytecode-generator-patterns.cc).
  // Jumps to `fail` when `value` does not match. Evaluates nothing with side effects.
  void VisitPatternTest(Node* pattern, Register value, BytecodeLabel fail);
  // Stores the pattern's bindings from `value` (which matched).
  void VisitPatternBind(Node* pattern, Register value);
  bool PatternAlwaysMatches(Node* pattern) const;
  bool PatternBinds(Node* pattern) const;
  void LoadPatternType(Node* path, std::string* variant_name);  // acc = type or nil
  // Binds an irrefutable pattern (let, parameters, for) from `value`; a mismatch throws.
  void BindIrrefutable(Node* pattern, Register value, Node* at);

  CompilationState* state_;
  FunctionLiteral* function_;
  DeclarationScope* scope_;
  BytecodeArrayBuilder builder_;
  int parameter_count_;
  int next_register_;
  int max_register_;
  int feedback_slots_ = 0;
  std::vector<uint32_t> call_count_slots_;
  std::vector<Handle<Value>> constants_;
  std::map<std::string, int, std::less<>> string_constants_;
  std::vector<CallSite> call_sites_;
  std::vector<ControlScope> control_scopes_;
  // Registers holding the context that was current at each pushed depth (index d holds
  // the context active *before* push d+1, i.e. what PopContextTo(d) restores).
  std::vector<Register> saved_contexts_;
  std::vector<std::unique_ptr<Place>> places_;
  Register self_register_;       // constructors: the instance under construction
  Node* effect_only_ = nullptr;  // see IsEffectOnly
};

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_GENERATOR_IMPL_H_
