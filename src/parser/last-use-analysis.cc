// Last-use marking: a backward liveness walk over one function's AST, in exact reverse
// of the evaluation order documented in README.md. A read is marked when the variable
// is not live right after it. Everything uncertain keeps the variable live:
//  - only this function's register and parameter variables are tracked (never globals,
//    context variables or `&mut` parameters, which are read again at return);
//  - a loop's back edge keeps live every variable declared outside the loop that the
//    loop reads anywhere (a superset of what is live at its head), so a read inside a
//    loop is marked only when a write follows it on every path to the next iteration
//    (`acc = f(acc, x)`) or the loop is left;
//  - inside try (and catch, when there is a finally), everything the handlers read is
//    live at every point, since almost anything can throw;
//  - a place that is assigned or mutated (`a[i] = v`, `v.push(x)`, `&mut v`) counts as
//    read again at the moment of the write.
#include "src/parser/last-use-analysis.h"

namespace ruchy::internal::parser {

namespace {

bool IsTracked(const Variable* variable) {
  switch (variable->mode()) {
    case VariableMode::kLet:
    case VariableMode::kMutable:
    case VariableMode::kParameter:
    case VariableMode::kCatch:
      break;
    case VariableMode::kConst:
    case VariableMode::kFunction:
    case VariableMode::kType:
    case VariableMode::kModule:
      return false;
  }
  return (variable->location() == VariableLocation::kRegister ||
          variable->location() == VariableLocation::kParameter) &&
         !variable->is_captured() && !variable->is_inout();
}

// The variable at the root of a place (a.b[i].c → a), or null.
Identifier* PlaceRoot(Node* node) {
  while (true) {
    if (node->IsIdentifier()) return node->AsIdentifier();
    if (node->IsMember()) {
      node = node->AsMember()->object;
    } else if (node->IsIndex()) {
      node = node->AsIndex()->object;
    } else if (node->IsUnary() && node->AsUnary()->op == TokenKind::kMul) {
      node = node->AsUnary()->operand;
    } else {
      return nullptr;  // not a place (a call result, a literal...)
    }
  }
}

}  // namespace

void LastUseAnalysis::LiveSet::Resize(int bits) { words_.assign((bits + 63) / 64, 0); }

void LastUseAnalysis::LiveSet::UnionWith(const LiveSet& other) {
  for (size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
}

void LastUseAnalysis::LiveSet::Subtract(const LiveSet& other) {
  for (size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
}

LastUseAnalysis::LastUseAnalysis(DeclarationScope* function) : function_(function) {}

void LastUseAnalysis::NumberVariables(Scope* scope) {
  for (Variable* variable : scope->variables()) {
    if (variable->scope()->closure_scope() == function_ && IsTracked(variable)) {
      variable->liveness_index_ = count_++;
    }
  }
  for (Scope* inner : scope->inner_scopes()) {
    if (!inner->is_declaration_scope()) NumberVariables(inner);
  }
}

void LastUseAnalysis::Run() {
  NumberVariables(function_);
  if (count_ == 0) return;  // nothing to mark
  live_.Resize(count_);
  exceptional_.Resize(count_);
  FunctionLiteral* function = function_->function();
  // At the exit every tracked variable is dead.
  if (function->body != nullptr) {
    if (function->body->IsBlock()) {
      VisitStatements(function->body->AsBlock()->statements);
    } else {
      Visit(function->body);
    }
  }
  // Parameters are bound on entry; a default runs only when its argument is missing.
  for (uint32_t i = function->parameters.size(); i-- > 0;) {
    const Parameter& parameter = function->parameters[i];
    DefinePattern(parameter.pattern);
    if (parameter.default_value != nullptr) {
      LiveSet after = live_;
      Visit(parameter.default_value);
      live_.UnionWith(after);
    }
  }
}

int LastUseAnalysis::IndexOf(const Identifier* id) const {
  const Variable* variable = id->variable;
  if (variable == nullptr || variable->liveness_index_ < 0) return -1;
  if (variable->scope()->closure_scope() != function_) return -1;
  return variable->liveness_index_;
}

void LastUseAnalysis::Gen(int index) {
  live_.Set(index);
  if (!loop_reads_.empty()) loop_reads_.back().Set(index);
}

void LastUseAnalysis::Kill(int index) {
  if (!exceptional_.Test(index)) live_.Reset(index);
}

void LastUseAnalysis::VisitIdentifier(Identifier* id) {
  int index = IndexOf(id);
  if (index < 0) return;
  switch (id->access) {
    case VariableAccess::kRead:
      if (marking_ && !live_.Test(index)) id->is_last_use = true;
      Gen(index);
      return;
    case VariableAccess::kReadWrite:
      Gen(index);
      return;
    case VariableAccess::kWrite:
      Kill(index);
      return;
  }
}

void LastUseAnalysis::GenPlaceRoot(Node* place) {
  if (Identifier* root = PlaceRoot(place)) {
    int index = IndexOf(root);
    if (index >= 0) Gen(index);
  }
}

void LastUseAnalysis::DefinePattern(Node* pattern) {
  switch (pattern->kind()) {
    case NodeKind::kIdentifierPattern: {
      IdentifierPattern* p = pattern->AsIdentifierPattern();
      if (p->subpattern != nullptr) DefinePattern(p->subpattern);
      if (p->variable != nullptr && p->variable->liveness_index_ >= 0 &&
          p->variable->scope()->closure_scope() == function_) {
        Kill(p->variable->liveness_index_);
        if (!loop_defs_.empty()) loop_defs_.back().Set(p->variable->liveness_index_);
      }
      return;
    }
    case NodeKind::kRestPattern:
      if (IdentifierPattern* binding = pattern->AsRestPattern()->binding) DefinePattern(binding);
      return;
    case NodeKind::kOrPattern:
      for (Node* alternative : pattern->AsOrPattern()->alternatives) DefinePattern(alternative);
      return;
    case NodeKind::kTuplePattern:
      for (Node* element : pattern->AsTuplePattern()->elements) DefinePattern(element);
      return;
    case NodeKind::kSlicePattern:
      for (Node* element : pattern->AsSlicePattern()->elements) DefinePattern(element);
      return;
    case NodeKind::kTupleStructPattern:
      for (Node* element : pattern->AsTupleStructPattern()->elements) DefinePattern(element);
      return;
    case NodeKind::kStructPattern:
      for (const StructPatternField& field : pattern->AsStructPattern()->fields) {
        DefinePattern(field.pattern);
      }
      return;
    case NodeKind::kWildcardPattern:
    case NodeKind::kLiteralPattern:
    case NodeKind::kRangePattern:
    case NodeKind::kPathPattern:
      return;  // no bindings; paths name types and constants, which are not tracked
      RUCHY_AST_EXPRESSION_LIST(RUCHY_AST_CASE)
      RUCHY_AST_STATEMENT_LIST(RUCHY_AST_CASE)
      UNREACHABLE();  // not a pattern
  }
}

void LastUseAnalysis::StoreBackward(Node* target) {
  if (target->IsIdentifier() && target->AsIdentifier()->access == VariableAccess::kWrite) {
    VisitIdentifier(target->AsIdentifier());
  } else if (target->IsTupleLiteral()) {
    const auto& elements = target->AsTupleLiteral()->elements;
    for (uint32_t i = elements.size(); i-- > 0;) StoreBackward(elements[i]);
  } else if (target->IsArrayLiteral()) {
    const auto& elements = target->AsArrayLiteral()->elements;
    for (uint32_t i = elements.size(); i-- > 0;) StoreBackward(elements[i]);
  } else {
    GenPlaceRoot(target);  // the write updates the root's value in place
  }
}

void LastUseAnalysis::OperandsBackward(Node* target) {
  if (target->IsIdentifier()) {
    if (target->AsIdentifier()->access != VariableAccess::kWrite) {
      VisitIdentifier(target->AsIdentifier());
    }
  } else if (target->IsTupleLiteral()) {
    const auto& elements = target->AsTupleLiteral()->elements;
    for (uint32_t i = elements.size(); i-- > 0;) OperandsBackward(elements[i]);
  } else if (target->IsArrayLiteral()) {
    const auto& elements = target->AsArrayLiteral()->elements;
    for (uint32_t i = elements.size(); i-- > 0;) OperandsBackward(elements[i]);
  } else {
    Visit(target);  // Member / Index / deref: index operands, then the root
  }
}

void LastUseAnalysis::VisitFormatReads(const FormatReads& reads) {
  // Read when the call formats, after its arguments (so walked first, backwards).
  for (uint32_t i = reads.size(); i-- > 0;) VisitIdentifier(reads[i]);
}

void LastUseAnalysis::VisitStatements(const NodeList<Node*>& statements) {
  for (uint32_t i = statements.size(); i-- > 0;) Visit(statements[i]);
}

void LastUseAnalysis::VisitBlock(Block* block) {
  if (block->label != nullptr) targets_.push_back({block, live_, live_});
  VisitStatements(block->statements);
  if (block->label != nullptr) targets_.pop_back();
}

const LastUseAnalysis::Target* LastUseAnalysis::FindTarget(const Node* target) const {
  for (auto it = targets_.rbegin(); it != targets_.rend(); ++it) {
    if (it->node == target) return &*it;
  }
  return nullptr;
}

void LastUseAnalysis::JumpTo(const Node* target, bool to_head) {
  live_ = exceptional_;
  if (target == nullptr) return;
  if (const Target* t = FindTarget(target)) live_.UnionWith(to_head ? t->live_head : t->live_after);
}

// A loop is walked twice. The first walk, with marking off, finds what the loop reads
// and what it declares; every variable it reads but does not declare is taken to be live
// at its head. That over-approximates the head's liveness (the fixpoint), soundly: a
// variable live at the head is read in the loop before being written, or live after it.
// Variables declared in the loop are dead at the head, since each iteration binds them
// afresh. The second walk marks, from that head set. Nested loops take their first walk
// only when marking, so each node is walked at most once per enclosing loop.
void LastUseAnalysis::VisitLoop(Node* loop, Node* condition, Node* let_pattern, Node* let_value,
                                Node* for_pattern, Block* body) {
  LiveSet after = live_;
  loop_reads_.emplace_back();
  loop_reads_.back().Resize(count_);
  loop_defs_.emplace_back();
  loop_defs_.back().Resize(count_);
  if (marking_) {
    marking_ = false;
    VisitLoopBody(loop, condition, let_pattern, let_value, for_pattern, body, after, after);
    marking_ = true;
    LiveSet head = loop_reads_.back();
    head.Subtract(loop_defs_.back());
    head.UnionWith(after);
    VisitLoopBody(loop, condition, let_pattern, let_value, for_pattern, body, after, head);
  } else {
    VisitLoopBody(loop, condition, let_pattern, let_value, for_pattern, body, after, after);
  }
  LiveSet reads = std::move(loop_reads_.back());
  LiveSet defs = std::move(loop_defs_.back());
  loop_reads_.pop_back();
  loop_defs_.pop_back();
  // Live into the loop: anything read anywhere in it (over-approximates the fixpoint).
  live_.UnionWith(reads);
  live_.UnionWith(after);
  if (!loop_reads_.empty()) loop_reads_.back().UnionWith(reads);
  if (!loop_defs_.empty()) loop_defs_.back().UnionWith(defs);
}

// One backward walk of a loop, from its back edge (where `head` is live) to its entry.
void LastUseAnalysis::VisitLoopBody(Node* loop, Node* condition, Node* let_pattern, Node* let_value,
                                    Node* for_pattern, Block* body, const LiveSet& after,
                                    const LiveSet& head) {
  live_ = head;
  live_.UnionWith(exceptional_);
  targets_.push_back({loop, after, head});
  VisitStatements(body->statements);
  if (for_pattern != nullptr) {
    DefinePattern(for_pattern);
    live_.UnionWith(after);  // the iterator ran out
  } else if (let_pattern != nullptr) {
    DefinePattern(let_pattern);
    live_.UnionWith(after);  // the pattern did not match
    Visit(let_value);
  } else if (condition != nullptr) {
    live_.UnionWith(after);
    Visit(condition);
  }
  targets_.pop_back();
}

void LastUseAnalysis::VisitBinary(Node* node) {
  Binary* binary = node->AsBinary();
  if (binary->op == TokenKind::kAnd || binary->op == TokenKind::kOr ||
      binary->op == TokenKind::kQuestionQuestion) {
    LiveSet after = live_;  // the right side may not run
    Visit(binary->right);
    live_.UnionWith(after);
  } else {
    Visit(binary->right);
  }
  Visit(binary->left);
}

void LastUseAnalysis::VisitConditional(Node* node) {
  Conditional* conditional = node->AsConditional();
  LiveSet after = live_;
  Visit(conditional->else_value);
  LiveSet else_live = std::move(live_);
  live_ = std::move(after);
  Visit(conditional->then_value);
  live_.UnionWith(else_live);
  Visit(conditional->condition);
}

void LastUseAnalysis::VisitIf(Node* node) {
  If* node_if = node->AsIf();
  LiveSet after = live_;
  if (node_if->else_branch != nullptr) Visit(node_if->else_branch);
  LiveSet else_live = std::move(live_);
  live_ = std::move(after);
  VisitBlock(node_if->then_block);
  if (node_if->let_pattern != nullptr) {
    DefinePattern(node_if->let_pattern);
    live_.UnionWith(else_live);
    Visit(node_if->let_value);
  } else {
    live_.UnionWith(else_live);
    Visit(node_if->condition);
  }
}

void LastUseAnalysis::VisitMatch(Node* node) {
  Match* match = node->AsMatch();
  LiveSet after = live_;
  LiveSet next = after;  // no arm matched: a run-time error
  next.UnionWith(exceptional_);
  for (uint32_t i = match->arms.size(); i-- > 0;) {
    MatchArm& arm = match->arms[i];
    live_ = after;
    Visit(arm.body);
    if (arm.guard != nullptr) {
      live_.UnionWith(next);  // the guard failed: on to the next arm
      Visit(arm.guard);
    }
    DefinePattern(arm.pattern);
    live_.UnionWith(next);  // the pattern did not match
    next = live_;
  }
  live_ = std::move(next);
  Visit(match->subject);
}

void LastUseAnalysis::VisitTryCatch(Node* node) {
  TryCatch* node_try = node->AsTryCatch();
  LiveSet after = live_;
  LiveSet outer_exceptional = exceptional_;
  LiveSet finally_in;
  bool has_finally = node_try->finally_block != nullptr;
  if (has_finally) {
    // finally also runs on the way out of a return, break or throw.
    live_ = after;
    live_.UnionWith(outer_exceptional);
    VisitBlock(node_try->finally_block);
    finally_in = live_;
  }
  const LiveSet& normal_exit = has_finally ? finally_in : after;
  LiveSet try_exceptional = outer_exceptional;
  if (has_finally) try_exceptional.UnionWith(finally_in);
  if (node_try->catch_block != nullptr) {
    exceptional_ = outer_exceptional;
    if (has_finally) exceptional_.UnionWith(finally_in);
    live_ = normal_exit;
    live_.UnionWith(exceptional_);
    VisitBlock(node_try->catch_block);
    if (node_try->catch_pattern != nullptr) DefinePattern(node_try->catch_pattern);
    try_exceptional.UnionWith(live_);
  }
  exceptional_ = try_exceptional;
  live_ = normal_exit;
  live_.UnionWith(exceptional_);
  VisitBlock(node_try->try_block);
  exceptional_ = std::move(outer_exceptional);
}

void LastUseAnalysis::VisitLet(Node* node) {
  Let* let = node->AsLet();
  LiveSet after = live_;
  DefinePattern(let->pattern);
  if (let->else_block != nullptr) {
    LiveSet matched = std::move(live_);
    live_ = after;
    live_.UnionWith(exceptional_);
    VisitBlock(let->else_block);
    live_.UnionWith(matched);
  }
  if (let->value != nullptr) Visit(let->value);
}

void LastUseAnalysis::VisitMacroCall(Node* node) {
  MacroCall* call = node->AsMacroCall();
  VisitFormatReads(call->format_reads);
  if (call->pattern != nullptr) {
    if (call->guard != nullptr) {
      LiveSet after = live_;
      Visit(call->guard);
      live_.UnionWith(after);
    }
    DefinePattern(call->pattern);
  }
  const auto& arguments = call->arguments;
  for (uint32_t i = arguments.size(); i-- > 0;) Visit(arguments[i].value);
}

void LastUseAnalysis::VisitCall(Node* node) {
  Call* call = node->AsCall();
  VisitFormatReads(call->format_reads);
  const auto& arguments = call->arguments;
  // `&mut place` arguments are in-out: the callee reads the place during the call.
  for (const Argument& argument : arguments) {
    if (argument.value->IsUnary() && argument.value->AsUnary()->is_mut_ref) {
      GenPlaceRoot(argument.value->AsUnary()->operand);
    }
  }
  for (uint32_t i = arguments.size(); i-- > 0;) Visit(arguments[i].value);
  Visit(call->callee);
}

void LastUseAnalysis::VisitMethodCall(Node* node) {
  MethodCall* call = node->AsMethodCall();
  GenPlaceRoot(call->receiver);  // a mutating method writes the receiver back
  const auto& arguments = call->arguments;
  for (const Argument& argument : arguments) {
    if (argument.value->IsUnary() && argument.value->AsUnary()->is_mut_ref) {
      GenPlaceRoot(argument.value->AsUnary()->operand);
    }
  }
  for (uint32_t i = arguments.size(); i-- > 0;) Visit(arguments[i].value);
  Visit(call->receiver);
}

void LastUseAnalysis::Visit(Node* node) {
  switch (node->kind()) {
    case NodeKind::kIntLiteral:
    case NodeKind::kFloatLiteral:
    case NodeKind::kStringLiteral:
    case NodeKind::kBoolLiteral:
    case NodeKind::kNilLiteral:
    case NodeKind::kFunctionLiteral:  // analyzed on its own; captures live in contexts
    case NodeKind::kFunctionDeclaration:
    case NodeKind::kStructDeclaration:
    case NodeKind::kEnumDeclaration:
    case NodeKind::kImplDeclaration:
    case NodeKind::kTraitDeclaration:
    case NodeKind::kClassDeclaration:
    case NodeKind::kUseDeclaration:
    case NodeKind::kTypeAlias:
      return;
    case NodeKind::kFString: {
      const auto& parts = node->AsFString()->parts;
      for (uint32_t i = parts.size(); i-- > 0;) {
        if (parts[i].expression != nullptr) Visit(parts[i].expression);
      }
      return;
    }
    case NodeKind::kIdentifier:
      VisitIdentifier(node->AsIdentifier());
      return;
    case NodeKind::kPath:
      VisitIdentifier(node->AsPath()->root);
      return;
    case NodeKind::kArrayLiteral: {
      const auto& elements = node->AsArrayLiteral()->elements;
      for (uint32_t i = elements.size(); i-- > 0;) Visit(elements[i]);
      return;
    }
    case NodeKind::kArrayRepeat:
      Visit(node->AsArrayRepeat()->count);
      Visit(node->AsArrayRepeat()->value);
      return;
    case NodeKind::kTupleLiteral: {
      const auto& elements = node->AsTupleLiteral()->elements;
      for (uint32_t i = elements.size(); i-- > 0;) Visit(elements[i]);
      return;
    }
    case NodeKind::kMapLiteral: {
      const auto& entries = node->AsMapLiteral()->entries;
      for (uint32_t i = entries.size(); i-- > 0;) {
        Visit(entries[i].value);
        Visit(entries[i].key);
      }
      return;
    }
    case NodeKind::kStructLiteral: {
      StructLiteral* literal = node->AsStructLiteral();
      if (literal->base != nullptr) Visit(literal->base);
      for (uint32_t i = literal->fields.size(); i-- > 0;) Visit(literal->fields[i].value);
      Visit(literal->type);
      return;
    }
    case NodeKind::kUnary:
      Visit(node->AsUnary()->operand);
      return;
    case NodeKind::kBinary:
      return VisitBinary(node);
    case NodeKind::kAssign: {
      Assign* assign = node->AsAssign();
      StoreBackward(assign->target);
      Visit(assign->value);
      OperandsBackward(assign->target);
      return;
    }
    case NodeKind::kConditional:
      return VisitConditional(node);
    case NodeKind::kCast:
      Visit(node->AsCast()->operand);
      return;
    case NodeKind::kRange:
      if (Node* to = node->AsRange()->to) Visit(to);
      if (Node* from = node->AsRange()->from) Visit(from);
      return;
    case NodeKind::kCall:
      return VisitCall(node);
    case NodeKind::kMethodCall:
      return VisitMethodCall(node);
    case NodeKind::kMacroCall:
      return VisitMacroCall(node);
    case NodeKind::kMember:
      Visit(node->AsMember()->object);
      return;
    case NodeKind::kIndex:
      Visit(node->AsIndex()->index);
      Visit(node->AsIndex()->object);
      return;
    case NodeKind::kTryOp:
      live_.UnionWith(exceptional_);  // the early return
      Visit(node->AsTryOp()->operand);
      return;
    case NodeKind::kBlock:
      VisitBlock(node->AsBlock());
      return;
    case NodeKind::kIf:
      return VisitIf(node);
    case NodeKind::kMatch:
      return VisitMatch(node);
    case NodeKind::kWhile: {
      While* loop = node->AsWhile();
      VisitLoop(loop, loop->condition, loop->let_pattern, loop->let_value, nullptr, loop->body);
      return;
    }
    case NodeKind::kLoop:
      VisitLoop(node, nullptr, nullptr, nullptr, nullptr, node->AsLoop()->body);
      return;
    case NodeKind::kFor: {
      For* loop = node->AsFor();
      VisitLoop(loop, nullptr, nullptr, nullptr, loop->pattern, loop->body);
      Visit(loop->iterable);
      return;
    }
    case NodeKind::kTryCatch:
      return VisitTryCatch(node);
    case NodeKind::kReturn:
      live_ = exceptional_;
      if (Node* value = node->AsReturn()->value) Visit(value);
      return;
    case NodeKind::kThrow:
      live_ = exceptional_;
      Visit(node->AsThrow()->value);
      return;
    case NodeKind::kBreak:
      JumpTo(node->AsBreak()->target, /*to_head=*/false);
      if (Node* value = node->AsBreak()->value) Visit(value);
      return;
    case NodeKind::kContinue:
      JumpTo(node->AsContinue()->target, /*to_head=*/true);
      return;
    case NodeKind::kLet:
      return VisitLet(node);
    case NodeKind::kModuleDeclaration:
      if (Block* body = node->AsModuleDeclaration()->body) VisitBlock(body);
      return;
    case NodeKind::kWildcardPattern:
    case NodeKind::kIdentifierPattern:
    case NodeKind::kLiteralPattern:
    case NodeKind::kRangePattern:
    case NodeKind::kOrPattern:
    case NodeKind::kTuplePattern:
    case NodeKind::kSlicePattern:
    case NodeKind::kRestPattern:
    case NodeKind::kTupleStructPattern:
    case NodeKind::kStructPattern:
    case NodeKind::kPathPattern:
      UNREACHABLE();  // patterns are walked by DefinePattern
  }
}

}  // namespace ruchy::internal::parser
