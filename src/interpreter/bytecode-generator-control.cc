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
  if (effect_only && node->else_branch == nullptr) {
    // A statement `if` without `else` has no value to make: the then-block falls through
    // to the end, with no jump over a LdaNil for the missing else.
    Bind(else_label);
    return;
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
  bool enumerate = false;
  if (MethodCall* source = MatchMutIteration(node->iterable, &enumerate)) {
    return VisitMutFor(node, source, enumerate);
  }
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  Visit(node->iterable);
  Register iterator = NewTemps(2);  // iterable, next index
  if (!node->iterable->IsRange() && !node->iterable->IsArrayLiteral()) {
    // A BTreeMap walks its keys in order: sort it now if keys arrived out of order.
    Star(iterator);
    CallRuntime(RuntimeFunctionId::kEnsureSorted, iterator, 1);
  }
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
  // `for x in ...` binds x straight from the accumulator when entering the body's scope
  // emits no code: JumpIfForInDone has already marked a container element shared.
  Block* body = node->body;
  IdentifierPattern* direct = nullptr;
  if (node->pattern->IsIdentifierPattern() &&
      node->pattern->AsIdentifierPattern()->subpattern == nullptr &&
      node->pattern->AsIdentifierPattern()->variable != nullptr &&
      (body->scope == nullptr ||
       (!body->scope->needs_context() && body->scope->hoisted_declarations().empty()))) {
    direct = node->pattern->AsIdentifierPattern();
  } else {
    Star(element);
  }
  control_scopes_.push_back(scope);
  {
    RegisterScope inner(this);
    EnterScope(body->scope);
    if (direct != nullptr) {
      StoreVariable(direct->variable, nullptr);
    } else {
      BindIrrefutable(node->pattern, element, node->pattern);
    }
    VisitStatements(body->statements, effect_only);
    if (!effect_only) Star(scope.result);
    Bind(control_scopes_.back().continue_label);
    LeaveScope(body->scope);
  }
  control_scopes_.pop_back();
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(scope.break_label);
  Ldar(scope.result);
}

MethodCall* BytecodeGenerator::MatchMutIteration(Node* iterable, bool* enumerate) const {
  *enumerate = false;
  if (!iterable->IsMethodCall()) return nullptr;
  MethodCall* call = iterable->AsMethodCall();
  if (call->name->view() == "enumerate" && call->arguments.empty() &&
      call->receiver->IsMethodCall()) {
    *enumerate = true;
    call = call->receiver->AsMethodCall();
  }
  std::string_view name = call->name->view();
  if ((name != "iter_mut" && name != "values_mut") || !call->arguments.empty() ||
      !IsPlaceExpression(call->receiver)) {
    return nullptr;
  }
  return call;
}

namespace {

Variable* PatternVariable(Node* pattern) {
  return pattern != nullptr && pattern->IsIdentifierPattern()
             ? pattern->AsIdentifierPattern()->variable
             : nullptr;
}

}  // namespace

// The body binds `x` (or `(i, x)`, or a map's `(k, v)`) from this pass's element; the
// binding holding the element is stored back after each pass, on `continue`, `break`
// and `return` (EmitMutLoopStore).
void BytecodeGenerator::VisitMutFor(For* node, MethodCall* source, bool enumerate) {
  bool values = source->name->view() == "values_mut";
  // Which part of the pattern binds the element (or the map value), and what binds the
  // index of .enumerate() or a map's key.
  Node* pattern = node->pattern;
  Node* element_pattern = pattern;
  Node* index_pattern = nullptr;
  bool pair_value = values;
  if (enumerate || (!values && pattern->IsTuplePattern())) {
    if (!pattern->IsTuplePattern() || pattern->AsTuplePattern()->elements.size() != 2) {
      Fail(node, "for over iter_mut().enumerate() needs a pattern (i, x)");
      return;
    }
    element_pattern = pattern->AsTuplePattern()->elements[1];
    if (enumerate) {
      index_pattern = pattern->AsTuplePattern()->elements[0];
    } else {
      pair_value = true;  // for (k, v) in m.iter_mut()
    }
  }
  if (PatternVariable(element_pattern) == nullptr) {
    Fail(node, std::string("for over ") + std::string(source->name->view()) +
                   "() writes back one name: for x in v.iter_mut(), for (i, x) in "
                   "v.iter_mut().enumerate(), for v in m.values_mut() or for (k, v) in "
                   "m.iter_mut()");
    return;
  }
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  ControlScope scope = NewBreakableScope(node);
  MutLoop loop;
  loop.place = EvaluatePlace(source->receiver);
  loop.pair_value = pair_value;
  loop.variable = PatternVariable(element_pattern);
  loop.iterator = NewTemps(2);  // what is walked (a map: a snapshot of pairs), next index
  CallRuntime(RuntimeFunctionId::kEnsureSorted, loop.place->value, 1);
  ExpressionPosition(source);
  Emit(Bytecode::kGetIterator, {Slot()});
  Star(loop.iterator);
  Emit(Bytecode::kLdaZero);
  Star(Register(loop.iterator.index() + 1));
  LoadNil();
  Star(scope.result);
  loop.element = NewTemp();
  BytecodeLabel header = NewLabel();
  Bind(header);
  EmitJump(Bytecode::kJumpIfForInDone, scope.break_label, {Op(loop.iterator)});
  Star(loop.element);
  scope.mut_loop = &loop;
  control_scopes_.push_back(scope);
  {
    RegisterScope inner(this);
    Block* body = node->body;
    EnterScope(body->scope);
    loop.context_depth = static_cast<int>(saved_contexts_.size());
    Register part = NewTemp();
    if (index_pattern != nullptr) {
      Ldar(Register(loop.iterator.index() + 1));
      Emit(Bytecode::kSubSmi, {1, Slot()});
      Star(part);
      BindIrrefutable(index_pattern, part, node->pattern);
    }
    if (values && !enumerate) {
      LoadSmi(1);  // the value of the (key, value) pair
      Emit(Bytecode::kGetKeyedProperty, {Op(loop.element), Slot()});
      Star(part);
      BindIrrefutable(element_pattern, part, node->pattern);
    } else if (values) {
      LoadSmi(1);
      Emit(Bytecode::kGetKeyedProperty, {Op(loop.element), Slot()});
      Star(part);
      BindIrrefutable(element_pattern, part, node->pattern);
    } else if (index_pattern != nullptr || !pair_value) {
      BindIrrefutable(element_pattern, loop.element, node->pattern);
    } else {
      BindIrrefutable(pattern, loop.element, node->pattern);
    }
    VisitStatements(body->statements, effect_only);
    if (!effect_only) Star(scope.result);
    Bind(control_scopes_.back().continue_label);
    EmitMutLoopStore(loop);
    LeaveScope(body->scope);
  }
  control_scopes_.pop_back();
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(scope.break_label);
  Ldar(scope.result);
}

// P.iter_mut().for_each(f): f's in-out parameter (|x| *x += 1, a `&mut` parameter) comes
// back in its argument register, which is stored into P like a for loop's variable.
void BytecodeGenerator::VisitMutForEach(MethodCall* node, MethodCall* source) {
  RegisterScope rs(this);
  MutLoop loop;
  loop.place = EvaluatePlace(source->receiver);
  loop.pair_value = source->name->view() == "values_mut";
  Register callee = NewTemp();
  Node* callback = node->arguments[0].value;
  if (callback->IsFunctionLiteral() && callback->AsFunctionLiteral()->parameters.size() == 1) {
    // |x| x.push(1) changes the element too (a method call does not make a parameter
    // in-out by itself, see ScopeResolver::MarkMutatedParameter).
    Parameter& parameter = callback->AsFunctionLiteral()->parameters[0];
    if (parameter.pattern->IsIdentifierPattern() &&
        !parameter.pattern->AsIdentifierPattern()->is_mut) {
      parameter.is_inout = true;
    }
  }
  VisitForRegister(callback, callee);
  loop.iterator = NewTemps(2);
  CallRuntime(RuntimeFunctionId::kEnsureSorted, loop.place->value, 1);
  ExpressionPosition(source);
  Emit(Bytecode::kGetIterator, {Slot()});
  Star(loop.iterator);
  Emit(Bytecode::kLdaZero);
  Star(Register(loop.iterator.index() + 1));
  loop.element = NewTemp();
  loop.value = NewTemp();
  BytecodeLabel header = NewLabel(), done = NewLabel();
  Bind(header);
  EmitJump(Bytecode::kJumpIfForInDone, done, {Op(loop.iterator)});
  Star(loop.element);
  if (loop.pair_value) {
    LoadSmi(1);
    Emit(Bytecode::kGetKeyedProperty, {Op(loop.element), Slot()});
  }
  Star(loop.value);
  ExpressionPosition(node);
  Emit(Bytecode::kCallFunction, {Op(callee), Op(loop.value), 1, CallSlot()});
  EmitMutLoopStore(loop);
  EmitJump(Bytecode::kJumpLoop, header, {0, Slot()});
  Bind(done);
  LoadNil();
}

void BytecodeGenerator::EmitMutLoopStore(const MutLoop& loop) {
  RegisterScope rs(this);
  Register args = NewTemps(5);
  Mov(loop.place->value, args);
  Mov(Register(loop.iterator.index() + 1), Register(args.index() + 1));
  Mov(loop.element, Register(args.index() + 2));
  Variable* v = loop.variable;
  if (v == nullptr) {
    Ldar(loop.value);
  } else if (v->location() == VariableLocation::kContext) {
    uint32_t depth =
        static_cast<uint32_t>(saved_contexts_.size()) - static_cast<uint32_t>(loop.context_depth);
    if (depth == 0) {
      Emit(Bytecode::kLdaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
    } else {
      Emit(Bytecode::kLdaContextSlot, {static_cast<uint32_t>(v->index()), depth});
    }
  } else {
    Ldar(RegisterFor(v));
  }
  Star(Register(args.index() + 3));
  Emit(loop.pair_value ? Bytecode::kLdaTrue : Bytecode::kLdaFalse);
  Star(Register(args.index() + 4));
  CallRuntime(RuntimeFunctionId::kIterMutStore, args, 5);
  Mov(args, loop.place->value);
  WriteBack(loop.place);
}

bool BytecodeGenerator::IsDereferenceAssignable(Variable* variable) const {
  if (variable == nullptr) return false;
  if (variable->mode() == VariableMode::kParameter && variable->is_inout()) return true;
  for (const ControlScope& s : control_scopes_) {
    if (s.mut_loop != nullptr && s.mut_loop->variable == variable) return true;
  }
  return false;
}

void BytecodeGenerator::VisitMatch(Match* node) {
  RegisterScope rs(this);
  bool has_guard = false;
  for (const MatchArm& arm : node->arms) has_guard |= arm.guard != nullptr;
  // Tests and bindings only read the subject, and no code of ours runs between them
  // except guards (which may assign the variable): without guards a variable's own
  // register serves as the subject.
  Register subject = has_guard ? NewTemp() : VisitForAnyRegister(node->subject);
  Register result = NewTemp();
  if (has_guard) VisitForRegister(node->subject, subject);
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
  bool in_mut_loop = false;
  for (const ControlScope& s : control_scopes_) in_mut_loop |= s.mut_loop != nullptr;
  if (in_mut_loop) {
    // Returning from inside iter_mut() loops: their current elements go back first.
    RegisterScope rs(this);
    Register value = NewTemp();
    Star(value);
    for (size_t i = control_scopes_.size(); i > 0; --i) {
      if (control_scopes_[i - 1].mut_loop != nullptr)
        EmitMutLoopStore(*control_scopes_[i - 1].mut_loop);
    }
    Ldar(value);
  }
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
  // Leaving iter_mut() loops: their current elements go back first.
  for (size_t i = control_scopes_.size(); i >= index; --i) {
    if (control_scopes_[i - 1].mut_loop != nullptr)
      EmitMutLoopStore(*control_scopes_[i - 1].mut_loop);
  }
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
