// The bytecode generator: control flow — if, loops with labels and values, match,
// try/catch/finally, return/break/continue (which run enclosing finally blocks and restore
// the context on the way out) and throw.
#include "src/interpreter/bytecode-generator-impl.h"

namespace ruchy::internal::interpreter {

void BytecodeGenerator::VisitIf(If* node) {
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  BytecodeLabel else_label = NewLabel(), done = NewLabel();
  if (node->let_pattern != nullptr) {
    Register value = NewTemp();
    VisitForRegister(node->let_value, value);
    VisitPatternTest(node->let_pattern, value, else_label);
    RegisterScope inner(this);
    Block* then_block = node->then_block;
    EnterScope(then_block->scope);
    VisitPatternBind(node->let_pattern, value);
    VisitStatements(then_block->statements, effect_only);
    LeaveScope(then_block->scope);
  } else {
    VisitForRead(node->condition);
    EmitJump(Bytecode::kJumpIfToBooleanFalse, else_label);
    VisitBlock(node->then_block, effect_only);
  }
  EmitJump(Bytecode::kJump, done);
  Bind(else_label);
  if (node->else_branch != nullptr) {
    effect_only_ = effect_only ? node->else_branch : nullptr;
    Visit(node->else_branch);
  } else {
    LoadNil();
  }
  Bind(done);
}

void BytecodeGenerator::VisitConditional(Conditional* node) {
  BytecodeLabel else_label = NewLabel(), done = NewLabel();
  VisitForRead(node->condition);
  EmitJump(Bytecode::kJumpIfToBooleanFalse, else_label);
  Visit(node->then_value);
  EmitJump(Bytecode::kJump, done);
  Bind(else_label);
  Visit(node->else_value);
  Bind(done);
}

// A while or for loop's value is its last body value, or the break value (ref §7.4).
BytecodeGenerator::ControlScope BytecodeGenerator::NewBreakableScope(Node* target) {
  ControlScope scope;
  scope.kind = ControlScope::kBreakable;
  scope.target = target;
  scope.break_label = NewLabel();
  scope.continue_label = NewLabel();
  scope.result = NewTemp();
  scope.context_depth = static_cast<int>(saved_contexts_.size());
  return scope;
}

void BytecodeGenerator::VisitWhile(While* node) {
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  LoadNil();
  Star(scope.result);
  BytecodeLabel header = NewLabel();
  Bind(header);
  Bind(scope.continue_label);
  control_scopes_.push_back(scope);
  if (node->let_pattern != nullptr) {
    RegisterScope inner(this);
    Register value = NewTemp();
    VisitForRegister(node->let_value, value);
    VisitPatternTest(node->let_pattern, value, scope.break_label);
    EnterScope(node->body->scope);
    VisitPatternBind(node->let_pattern, value);
    VisitStatements(node->body->statements, effect_only);
    if (!effect_only) Star(scope.result);
    LeaveScope(node->body->scope);
  } else {
    VisitForRead(node->condition);
    EmitJump(Bytecode::kJumpIfToBooleanFalse, scope.break_label);
    VisitBlock(node->body, effect_only);
    if (!effect_only) Star(scope.result);
  }
  control_scopes_.pop_back();
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(scope.break_label);
  Ldar(scope.result);
}

void BytecodeGenerator::VisitLoop(Loop* node) {
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  LoadNil();
  Star(scope.result);
  BytecodeLabel header = NewLabel();
  Bind(header);
  Bind(scope.continue_label);
  control_scopes_.push_back(scope);
  VisitBlock(node->body, /*discard=*/true);  // only break gives a loop its value
  control_scopes_.pop_back();
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(scope.break_label);
  Ldar(scope.result);
}

void BytecodeGenerator::VisitLabelledBlock(Block* node) {
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  control_scopes_.push_back(scope);
  EnterScope(node->scope);
  VisitStatements(node->statements);
  LeaveScope(node->scope);
  control_scopes_.pop_back();
  Star(scope.result);
  Bind(scope.break_label);
  Bind(scope.continue_label);
  Ldar(scope.result);
}

void BytecodeGenerator::VisitFor(For* node) {
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  // `for x in v.iter_mut()` writes each x back into v (decision 4).
  Place* mut_place = nullptr;
  Node* iterable = node->iterable;
  if (iterable->IsMethodCall() && iterable->AsMethodCall()->name->view() == "iter_mut" &&
      iterable->AsMethodCall()->arguments.empty() &&
      IsPlaceExpression(iterable->AsMethodCall()->receiver) &&
      node->pattern->IsIdentifierPattern()) {
    mut_place = EvaluatePlace(iterable->AsMethodCall()->receiver);
    Ldar(mut_place->value);
  } else {
    Visit(iterable);
  }
  Register iterator = NewTemps(2);  // iterable, next index
  ExpressionPosition(node->iterable);
  Emit(Bytecode::kGetIterator, {Slot()});
  Star(iterator);
  Emit(Bytecode::kLdaZero);
  Star(Register(iterator.index() + 1));
  LoadNil();
  Star(scope.result);
  Register element = NewTemp();
  BytecodeLabel header = NewLabel();
  Bind(header);
  EmitJump(Bytecode::kJumpIfForInDone, scope.break_label, {Op(iterator)});
  Star(element);
  control_scopes_.push_back(scope);
  {
    RegisterScope inner(this);
    Block* body = node->body;
    EnterScope(body->scope);
    BindIrrefutable(node->pattern, element, node->pattern);
    VisitStatements(body->statements, effect_only);
    if (!effect_only) Star(scope.result);
    Bind(control_scopes_.back().continue_label);
    if (mut_place != nullptr) {
      // element = x; iterable[index - 1] = element
      IdentifierPattern* p = node->pattern->AsIdentifierPattern();
      Identifier fake(p->position());
      (void)fake;
      Variable* v = p->variable;
      switch (v->location()) {
        case VariableLocation::kRegister:
        case VariableLocation::kParameter:
          Ldar(RegisterFor(v));
          break;
        case VariableLocation::kContext:
          Emit(Bytecode::kLdaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
          break;
        default:
          LoadNil();
          break;
      }
      Register key = NewTemp();
      Register value = NewTemp();
      Star(value);
      Ldar(Register(iterator.index() + 1));
      Emit(Bytecode::kSubSmi, {1, Slot()});
      Star(key);
      Ldar(value);
      Emit(Bytecode::kSetKeyedProperty, {Op(iterator), Op(key), Slot()});
    }
    LeaveScope(body->scope);
  }
  control_scopes_.pop_back();
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(scope.break_label);
  if (mut_place != nullptr) {
    Mov(iterator, mut_place->value);
    WriteBack(mut_place);
  }
  Ldar(scope.result);
}

void BytecodeGenerator::VisitMatch(Match* node) {
  RegisterScope rs(this);
  Register subject = NewTemp();
  Register result = NewTemp();
  VisitForRegister(node->subject, subject);
  BytecodeLabel done = NewLabel();
  for (const MatchArm& arm : node->arms) {
    if (failed()) return;
    RegisterScope arm_registers(this);
    BytecodeLabel next = NewLabel();
    VisitPatternTest(arm.pattern, subject, next);
    EnterScope(arm.scope);
    VisitPatternBind(arm.pattern, subject);
    if (arm.guard != nullptr) {
      BytecodeLabel pass = NewLabel();
      Visit(arm.guard);
      EmitJump(Bytecode::kJumpIfToBooleanTrue, pass);
      if (arm.scope != nullptr && arm.scope->needs_context()) {
        Emit(Bytecode::kPopContext, {Op(saved_contexts_.back())});
      }
      EmitJump(Bytecode::kJump, next);
      Bind(pass);
    }
    Visit(arm.body);
    Star(result);
    LeaveScope(arm.scope);
    EmitJump(Bytecode::kJump, done);
    Bind(next);
  }
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kThrowNoMatch, subject, 0);
  Bind(done);
  Ldar(result);
}

void BytecodeGenerator::VisitTryCatch(TryCatch* node) {
  RegisterScope rs(this);
  Register context = NewTemp();
  Register result = NewTemp();
  Emit(Bytecode::kLdaCurrentContext);
  Star(context);
  BytecodeLabel try_start = NewLabel(), try_end = NewLabel(), handler = NewLabel();
  BytecodeLabel catch_end = NewLabel(), finally_handler = NewLabel();
  BytecodeLabel done = NewLabel();
  bool has_finally = node->finally_block != nullptr;
  if (has_finally) {
    ControlScope scope;
    scope.kind = ControlScope::kFinally;
    scope.finally_block = node->finally_block;
    scope.context_depth = static_cast<int>(saved_contexts_.size());
    control_scopes_.push_back(scope);
  }
  // Handler entries go in before their bodies are generated: nested trys add theirs
  // later, and lookup picks the last entry that covers the throwing offset.
  b().AddHandler(try_start, try_end, handler, context);
  if (has_finally) b().AddHandler(handler, catch_end, finally_handler, context);
  Bind(try_start);
  VisitBlock(node->try_block);
  Star(result);
  Bind(try_end);
  EmitJump(Bytecode::kJump, done);

  // The catch handler (or, without catch, straight to the finally handler).
  Bind(handler);
  if (node->catch_block != nullptr) {
    RegisterScope inner(this);
    Register exception = NewTemp();
    Star(exception);
    Block* block = node->catch_block;
    EnterScope(block->scope);
    if (node->catch_pattern != nullptr) BindIrrefutable(node->catch_pattern, exception, block);
    VisitStatements(block->statements);
    LeaveScope(block->scope);
    Star(result);
    Bind(catch_end);
    EmitJump(Bytecode::kJump, done);
  } else {
    Bind(catch_end);
    Emit(Bytecode::kReThrow);
  }
  if (has_finally) {
    control_scopes_.pop_back();
    // Exceptions in the catch block (or the try block without a catch) run finally and
    // rethrow.
    Bind(finally_handler);
    RegisterScope inner(this);
    Register exception = NewTemp();
    Star(exception);
    VisitBlock(node->finally_block, /*discard=*/true);
    Ldar(exception);
    Emit(Bytecode::kReThrow);
  }
  Bind(done);
  if (has_finally) VisitBlock(node->finally_block, /*discard=*/true);
  Ldar(result);
}

void BytecodeGenerator::RunFinallyBlocks(size_t down_to) {
  bool any = false;
  for (size_t i = control_scopes_.size(); i > down_to; --i) {
    any |= control_scopes_[i - 1].kind == ControlScope::kFinally;
  }
  if (!any) return;
  RegisterScope rs(this);
  Register saved = NewTemp();
  Star(saved);
  for (size_t i = control_scopes_.size(); i > down_to; --i) {
    ControlScope scope = control_scopes_[i - 1];
    if (scope.kind != ControlScope::kFinally) continue;
    // The finally block runs outside its own try: hide the scopes from here inward while
    // generating it (a break inside it must not run it again).
    std::vector<ControlScope> hidden(control_scopes_.begin() + static_cast<long>(i - 1),
                                     control_scopes_.end());
    control_scopes_.resize(i - 1);
    std::vector<Register> saved_contexts = saved_contexts_;
    PopContextTo(scope.context_depth);
    saved_contexts_.resize(
        std::min(saved_contexts_.size(), static_cast<size_t>(scope.context_depth)));
    VisitBlock(scope.finally_block, /*discard=*/true);
    saved_contexts_ = saved_contexts;
    control_scopes_.insert(control_scopes_.end(), hidden.begin(), hidden.end());
  }
  Ldar(saved);
}

void BytecodeGenerator::EmitReturn() {
  RunFinallyBlocks(0);
  if (function_->kind == FunctionKind::kScript && state_->call_main) {
    // The end of top-level code, also by a top-level `return`: main() runs next unless
    // top-level code called it (LANGUAGE §1).
    RegisterScope rs(this);
    Register value = NewTemp();
    Star(value);
    CallRuntime(RuntimeFunctionId::kCallMainIfNotCalled, value, 0);
    Ldar(value);
  }
  Emit(Bytecode::kReturn);
}

void BytecodeGenerator::VisitReturn(Return* node) {
  StatementPosition(node);
  if (node->value != nullptr) {
    Visit(node->value);
  } else if (function_->kind == FunctionKind::kConstructor) {
    Ldar(self_register_);
  } else {
    LoadNil();
  }
  EmitReturn();
}

size_t BytecodeGenerator::FindJumpTarget(Node* target, const char* outside_message) {
  size_t index = control_scopes_.size();
  while (index > 0) {
    const ControlScope& s = control_scopes_[index - 1];
    if (s.kind == ControlScope::kBreakable && s.target == target) break;
    --index;
  }
  if (target == nullptr || index == 0) {
    // A break or continue outside any loop is a run-time error (ref §14).
    RegisterScope rs(this);
    Register message = NewTemp();
    LoadString(outside_message);
    Star(message);
    CallRuntime(RuntimeFunctionId::kThrowError, message, 1);
    return 0;
  }
  return index;
}

void BytecodeGenerator::VisitBreak(Break* node) {
  StatementPosition(node);
  size_t index = FindJumpTarget(node->target, "Break outside of loop");
  if (index == 0) return;
  ControlScope target = control_scopes_[index - 1];
  if (node->value != nullptr) {
    Visit(node->value);
  } else {
    LoadNil();
  }
  RunFinallyBlocks(index);
  Star(target.result);
  PopContextTo(target.context_depth);
  EmitJump(Bytecode::kJump, target.break_label);
}

void BytecodeGenerator::VisitContinue(Continue* node) {
  StatementPosition(node);
  size_t index = FindJumpTarget(node->target, "Continue outside of loop");
  if (index == 0) return;
  ControlScope target = control_scopes_[index - 1];
  RunFinallyBlocks(index);
  // For loops continue inside the body scope (the write-back and scope exit come after the
  // continue label); while/loop continue at the header outside it.
  int depth = target.context_depth;
  if (target.target->IsFor()) {
    Block* body = target.target->AsFor()->body;
    if (body->scope != nullptr && body->scope->needs_context()) ++depth;
  }
  PopContextTo(depth);
  LoadNil();
  if (b().IsBound(target.continue_label)) {
    EmitJump(Bytecode::kJumpLoop, target.continue_label, {0, Slot()});
  } else {
    EmitJump(Bytecode::kJump, target.continue_label);
  }
}

void BytecodeGenerator::VisitThrow(Throw* node) {
  Visit(node->value);
  ExpressionPosition(node);
  Emit(Bytecode::kThrow);
}

}  // namespace ruchy::internal::interpreter
