// Scope analysis. Pass 1 walks the AST in source order, building scopes and binding
// every name through a shadow stack kept on the interned strings (so a lookup is one
// load); a name used by a function other than the one declaring it marks the variable
// captured. Pass 2 allocates: captured variables get context slots in their scope,
// the rest registers (block scopes reuse registers once closed) or parameter slots;
// top-level declarations are globals. Pass 3 computes each context reference's depth.
// Last uses are marked afterwards by last-use-analysis.cc.
#include "src/parser/scope-resolver.h"

#include "src/parser/last-use-analysis.h"
#include "src/parser/parser.h"

namespace ruchy::internal::parser {

void AnalyzeScopes(ParseResult* result) {
  CHECK(result->ok());
  CHECK(!result->scopes_analyzed());
  ScopeResolver resolver(result);
  resolver.Run();
  for (DeclarationScope* function : resolver.functions()) LastUseAnalysis(function).Run();
  result->scopes_analyzed_ = true;
}

ScopeResolver::ScopeResolver(ParseResult* result)
    : zone_(result->zone()), strings_(result->strings()), script_(result->script()) {}

void ScopeResolver::Run() {
  ResolveFunction(script_, nullptr);
  for (DeclarationScope* function : functions_) Allocate(function);
  ComputeContextDepths();
}

// ---------------------------------------------------------------------------
// Declarations and lookups

Variable* ScopeResolver::Declare(const AstString* name, VariableMode mode,
                                 SourcePosition position) {
  Scope* scope = current_scope_;
  if (scope->kind() == ScopeKind::kScript) {
    // Top level: one global per name, however often it is (re)declared.
    Variable* existing = name->binding_;
    if (existing != nullptr && existing->scope() == scope) return existing;
  }
  Variable* variable = zone_->New<Variable>(name, mode, scope, position);
  if (scope->kind() == ScopeKind::kScript) variable->location_ = VariableLocation::kGlobal;
  scope->variables_.push_back(variable);
  variable->shadowed_ = name->binding_;
  name->binding_ = variable;
  return variable;
}

Variable* ScopeResolver::DeclareInPattern(const AstString* name, VariableMode mode,
                                          SourcePosition position) {
  // Or-pattern alternatives bind the same names: the later ones reuse the variables.
  for (Variable* v : pattern_variables_) {
    if (v->name() == name) return v;
  }
  Variable* variable = Declare(name, mode, position);
  pattern_variables_.push_back(variable);
  return variable;
}

void ScopeResolver::EnterScope(Scope* scope) { current_scope_ = scope; }

void ScopeResolver::ExitScope() {
  Scope* scope = current_scope_;
  const auto& variables = scope->variables();
  for (auto it = variables.rbegin(); it != variables.rend(); ++it) {
    Variable* variable = *it;
    DCHECK_EQ(variable->name()->binding_, variable);
    variable->name()->binding_ = variable->shadowed_;
  }
  current_scope_ = scope->outer();
}

void ScopeResolver::AddCapture(DeclarationScope* function, Variable* variable) {
  for (Variable* v : function->captures_) {
    if (v == variable) return;
  }
  function->captures_.push_back(variable);
}

void ScopeResolver::ResolveIdentifier(Identifier* id, VariableAccess access) {
  id->access = access;
  const AstString* name = id->name;
  if (name == strings_->Self_string()) {
    if (!self_types_.empty() && self_types_.back() != nullptr) {
      id->is_self_alias = true;
      name = self_types_.back();
      id->name = name;
    }
  }
  Variable* variable = name->binding_;
  id->variable = variable;
  if (variable == nullptr) return;  // a global no declaration binds (built-ins...)
  references_.push_back({id, current_scope_});
  if (access != VariableAccess::kRead) variable->is_assigned_ = true;
  if (variable->location_ == VariableLocation::kGlobal) return;
  DeclarationScope* home = variable->scope()->closure_scope();
  if (home != current_function_) {
    variable->is_captured_ = true;
    for (DeclarationScope* f = current_function_; f != home; f = f->outer()->closure_scope()) {
      AddCapture(f, variable);
    }
  }
}

// ---------------------------------------------------------------------------
// Functions, blocks and hoisting

void ScopeResolver::ResolveFunction(FunctionLiteral* function, Scope* outer) {
  bool is_script = function->kind == FunctionKind::kScript;
  DeclarationScope* scope =
      zone_->New<DeclarationScope>(zone_, is_script ? ScopeKind::kScript : ScopeKind::kFunction,
                                   outer, function->position(), function);
  function->scope = scope;
  functions_.push_back(scope);

  Scope* saved_scope = current_scope_;
  DeclarationScope* saved_function = current_function_;
  std::vector<JumpTarget> saved_targets;
  saved_targets.swap(jump_targets_);
  current_scope_ = scope;
  current_function_ = scope;

  for (const Parameter& parameter : function->parameters) {
    if (parameter.default_value != nullptr) Visit(parameter.default_value);
    if (parameter.pattern->IsIdentifierPattern()) {
      IdentifierPattern* pattern = parameter.pattern->AsIdentifierPattern();
      Variable* variable = Declare(pattern->name, VariableMode::kParameter, pattern->position());
      variable->is_inout_ = parameter.is_inout;
      pattern->variable = variable;
      scope->parameters_.push_back(variable);
      if (pattern->subpattern != nullptr) DeclarePattern(pattern->subpattern, VariableMode::kLet);
    } else {
      // A destructured parameter arrives unnamed; its bindings are locals.
      scope->parameters_.push_back(nullptr);
      ResolvePatternReferences(parameter.pattern);
      DeclarePattern(parameter.pattern, VariableMode::kLet);
    }
  }

  if (function->body != nullptr) {
    if (function->body->IsBlock()) {
      Block* body = function->body->AsBlock();
      body->scope = scope;
      ResolveStatements(body->statements, /*top_level=*/is_script);
    } else {
      Visit(function->body);
    }
  }

  ExitScope();
  current_scope_ = saved_scope;
  current_function_ = saved_function;
  jump_targets_.swap(saved_targets);
}

void ScopeResolver::ResolveBlock(Block* block, ScopeKind kind) {
  Scope* scope = zone_->New<Scope>(zone_, kind, current_scope_, block->position());
  block->scope = scope;
  EnterScope(scope);
  if (block->label != nullptr) jump_targets_.push_back({block, block->label, false});
  ResolveStatements(block->statements, /*top_level=*/false);
  if (block->label != nullptr) jump_targets_.pop_back();
  ExitScope();
}

void ScopeResolver::ResolveStatements(const NodeList<Node*>& statements, bool top_level) {
  Scope* scope = current_scope_;
  // Hoisting: items are bound on entry to their scope. At top level every binding
  // (lets included) is a global, declared up front so that all uses resolve to it.
  for (Node* statement : statements) {
    switch (statement->kind()) {
      case NodeKind::kFunctionDeclaration: {
        FunctionDeclaration* declaration = statement->AsFunctionDeclaration();
        declaration->variable =
            Declare(declaration->function->name, VariableMode::kFunction, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kStructDeclaration: {
        StructDeclaration* declaration = statement->AsStructDeclaration();
        declaration->variable =
            Declare(declaration->name, VariableMode::kType, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kEnumDeclaration: {
        EnumDeclaration* declaration = statement->AsEnumDeclaration();
        declaration->variable =
            Declare(declaration->name, VariableMode::kType, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kTraitDeclaration: {
        TraitDeclaration* declaration = statement->AsTraitDeclaration();
        declaration->variable =
            Declare(declaration->name, VariableMode::kType, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kClassDeclaration: {
        ClassDeclaration* declaration = statement->AsClassDeclaration();
        declaration->variable =
            Declare(declaration->name, VariableMode::kType, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kModuleDeclaration: {
        ModuleDeclaration* declaration = statement->AsModuleDeclaration();
        declaration->variable =
            Declare(declaration->name, VariableMode::kModule, declaration->position());
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kUseDeclaration: {
        UseDeclaration* declaration = statement->AsUseDeclaration();
        if (declaration->bound_name != nullptr) {
          declaration->variable =
              Declare(declaration->bound_name, VariableMode::kModule, declaration->position());
        }
        scope->hoisted_.push_back(statement);
        break;
      }
      case NodeKind::kImplDeclaration:
        scope->hoisted_.push_back(statement);
        break;
      case NodeKind::kLet:
        if (top_level) {
          Let* let = statement->AsLet();
          bool is_constant = let->let_kind == LetKind::kConst || let->let_kind == LetKind::kStatic;
          pattern_variables_.clear();
          DeclarePattern(let->pattern, LetMode(let));
          if (is_constant) scope->hoisted_.push_back(statement);
        }
        break;
        RUCHY_AST_EXPRESSION_LIST(RUCHY_AST_CASE)
        RUCHY_AST_PATTERN_LIST(RUCHY_AST_CASE)
      case NodeKind::kTypeAlias:
        break;  // bound where they are written, or not at all
    }
  }
  for (Node* statement : statements) Visit(statement);
}

VariableMode ScopeResolver::LetMode(const Let* let) {
  switch (let->let_kind) {
    case LetKind::kLet:
      return VariableMode::kLet;
    case LetKind::kVar:
      return VariableMode::kMutable;
    case LetKind::kConst:
    case LetKind::kStatic:
      return VariableMode::kConst;
  }
  return VariableMode::kLet;
}

// ---------------------------------------------------------------------------
// Patterns

void ScopeResolver::DeclarePattern(Node* pattern, VariableMode mode) {
  switch (pattern->kind()) {
    case NodeKind::kIdentifierPattern: {
      IdentifierPattern* p = pattern->AsIdentifierPattern();
      VariableMode binding_mode =
          p->is_mut && mode == VariableMode::kLet ? VariableMode::kMutable : mode;
      p->variable = DeclareInPattern(p->name, binding_mode, p->position());
      if (p->subpattern != nullptr) DeclarePattern(p->subpattern, mode);
      return;
    }
    case NodeKind::kRestPattern:
      if (IdentifierPattern* binding = pattern->AsRestPattern()->binding) {
        binding->variable = DeclareInPattern(binding->name, mode, binding->position());
      }
      return;
    case NodeKind::kOrPattern:
      for (Node* alternative : pattern->AsOrPattern()->alternatives)
        DeclarePattern(alternative, mode);
      return;
    case NodeKind::kTuplePattern:
      for (Node* element : pattern->AsTuplePattern()->elements) DeclarePattern(element, mode);
      return;
    case NodeKind::kSlicePattern:
      for (Node* element : pattern->AsSlicePattern()->elements) DeclarePattern(element, mode);
      return;
    case NodeKind::kTupleStructPattern:
      for (Node* element : pattern->AsTupleStructPattern()->elements) DeclarePattern(element, mode);
      return;
    case NodeKind::kStructPattern:
      for (const StructPatternField& field : pattern->AsStructPattern()->fields) {
        DeclarePattern(field.pattern, mode);
      }
      return;
    case NodeKind::kWildcardPattern:
    case NodeKind::kLiteralPattern:
    case NodeKind::kRangePattern:
    case NodeKind::kPathPattern:
      return;
      RUCHY_AST_EXPRESSION_LIST(RUCHY_AST_CASE)
      RUCHY_AST_STATEMENT_LIST(RUCHY_AST_CASE)
      UNREACHABLE();  // not a pattern
  }
}

void ScopeResolver::ResolvePatternReferences(Node* pattern) {
  switch (pattern->kind()) {
    case NodeKind::kIdentifierPattern:
      if (Node* sub = pattern->AsIdentifierPattern()->subpattern) ResolvePatternReferences(sub);
      return;
    case NodeKind::kOrPattern:
      for (Node* alternative : pattern->AsOrPattern()->alternatives) {
        ResolvePatternReferences(alternative);
      }
      return;
    case NodeKind::kTuplePattern:
      for (Node* element : pattern->AsTuplePattern()->elements) ResolvePatternReferences(element);
      return;
    case NodeKind::kSlicePattern:
      for (Node* element : pattern->AsSlicePattern()->elements) ResolvePatternReferences(element);
      return;
    case NodeKind::kTupleStructPattern:
      Visit(pattern->AsTupleStructPattern()->path);
      for (Node* element : pattern->AsTupleStructPattern()->elements) {
        ResolvePatternReferences(element);
      }
      return;
    case NodeKind::kStructPattern:
      Visit(pattern->AsStructPattern()->path);
      for (const StructPatternField& field : pattern->AsStructPattern()->fields) {
        ResolvePatternReferences(field.pattern);
      }
      return;
    case NodeKind::kPathPattern:
      Visit(pattern->AsPathPattern()->path);
      return;
    case NodeKind::kRangePattern:
      if (Node* from = pattern->AsRangePattern()->from) Visit(from);
      if (Node* to = pattern->AsRangePattern()->to) Visit(to);
      return;
    case NodeKind::kWildcardPattern:
    case NodeKind::kLiteralPattern:
    case NodeKind::kRestPattern:
      return;
      RUCHY_AST_EXPRESSION_LIST(RUCHY_AST_CASE)
      RUCHY_AST_STATEMENT_LIST(RUCHY_AST_CASE)
      UNREACHABLE();  // not a pattern
  }
}

// Patterns of a construct whose bindings live in `scope` (already entered).
void ScopeResolver::BindPattern(Node* pattern, VariableMode mode) {
  pattern_variables_.clear();
  DeclarePattern(pattern, mode);
  pattern_variables_.clear();
}

// ---------------------------------------------------------------------------
// Places: the root variable of an assigned or mutated place is read and written.

void ScopeResolver::VisitPlace(Node* node) {
  if (node->IsIdentifier()) {
    ResolveIdentifier(node->AsIdentifier(), VariableAccess::kReadWrite);
  } else if (node->IsMember()) {
    VisitPlace(node->AsMember()->object);
  } else if (node->IsIndex()) {
    VisitPlace(node->AsIndex()->object);
    Visit(node->AsIndex()->index);
  } else if (node->IsUnary() && node->AsUnary()->op == TokenKind::kMul) {
    VisitPlace(node->AsUnary()->operand);
  } else {
    Visit(node);  // not a place: an ordinary read (`f().x = 1` writes a temporary)
  }
}

void ScopeResolver::VisitAssignmentTarget(Node* target, bool compound) {
  if (target->IsIdentifier()) {
    ResolveIdentifier(target->AsIdentifier(),
                      compound ? VariableAccess::kReadWrite : VariableAccess::kWrite);
  } else if (target->IsTupleLiteral()) {
    for (Node* element : target->AsTupleLiteral()->elements) VisitAssignmentTarget(element, false);
  } else if (target->IsArrayLiteral()) {
    for (Node* element : target->AsArrayLiteral()->elements) VisitAssignmentTarget(element, false);
  } else {
    VisitPlace(target);
    MarkMutatedParameter(target);
  }
}

// A closure parameter changed through the place it names is in-out: its final value goes
// back to the caller's argument, so `v.iter_mut().for_each(|x| *x += 1)` changes v
// (LANGUAGE §2). That is `*x = v` always, and `x.f = v` or `x[i] = v` unless the parameter
// is declared `mut x` (Rust's owned, changed copy). Method calls on x do not count (most
// only read, and the generator cannot tell): the for_each lowering makes its own closure
// literal's parameter in-out, so `|row| row.push(0)` there writes back too.
void ScopeResolver::MarkMutatedParameter(Node* place) {
  bool dereferenced = false;
  for (;;) {
    if (place->IsUnary() && place->AsUnary()->op == TokenKind::kMul) {
      dereferenced = true;
      place = place->AsUnary()->operand;
    } else if (place->IsMember()) {
      place = place->AsMember()->object;
    } else if (place->IsIndex()) {
      place = place->AsIndex()->object;
    } else {
      break;
    }
  }
  if (!place->IsIdentifier()) return;
  Variable* variable = place->AsIdentifier()->variable;
  if (variable == nullptr || variable->mode() != VariableMode::kParameter) return;
  FunctionLiteral* function = variable->scope()->closure_scope()->function();
  if (function == nullptr || function->kind != FunctionKind::kClosure) return;
  for (Parameter& parameter : function->parameters) {
    if (!parameter.pattern->IsIdentifierPattern()) continue;
    IdentifierPattern* pattern = parameter.pattern->AsIdentifierPattern();
    if (pattern->variable != variable) continue;
    if (dereferenced || !pattern->is_mut) {
      parameter.is_inout = true;
      variable->is_inout_ = true;
    }
  }
}

// ---------------------------------------------------------------------------
// Allocation

void ScopeResolver::Allocate(DeclarationScope* function) {
  const auto& parameters = function->parameters();
  for (size_t i = 0; i < parameters.size(); ++i) {
    Variable* parameter = parameters[i];
    if (parameter == nullptr) continue;
    parameter->parameter_index_ = static_cast<int>(i);
    if (parameter->is_captured_) {
      parameter->location_ = VariableLocation::kContext;
      parameter->index_ = function->num_context_slots_++;
    } else {
      parameter->location_ = VariableLocation::kParameter;
      parameter->index_ = static_cast<int>(i);
    }
  }
  int next_register = 0;
  int max_registers = 0;
  AllocateScope(function, &next_register, &max_registers);
  function->num_registers_ = max_registers;
}

void ScopeResolver::AllocateScope(Scope* scope, int* next_register, int* max_registers) {
  for (Variable* variable : scope->variables_) {
    if (variable->location_ != VariableLocation::kUnallocated) continue;
    if (variable->is_captured_) {
      variable->location_ = VariableLocation::kContext;
      variable->index_ = scope->num_context_slots_++;
    } else {
      variable->location_ = VariableLocation::kRegister;
      variable->index_ = (*next_register)++;
      if (*next_register > *max_registers) *max_registers = *next_register;
    }
  }
  for (Scope* inner : scope->inner_scopes_) {
    if (inner->is_declaration_scope()) continue;  // allocated with its own function
    int saved = *next_register;
    AllocateScope(inner, next_register, max_registers);
    *next_register = saved;
  }
}

void ScopeResolver::ComputeContextDepths() {
  for (const Reference& reference : references_) {
    Variable* variable = reference.identifier->variable;
    if (variable->location_ != VariableLocation::kContext) continue;
    uint32_t depth = 0;
    for (Scope* s = reference.scope; s != variable->scope(); s = s->outer()) {
      DCHECK(s != nullptr);
      if (s->needs_context()) ++depth;
    }
    CHECK_LE(depth, uint32_t{UINT16_MAX});
    reference.identifier->context_depth = static_cast<uint16_t>(depth);
  }
}

// ---------------------------------------------------------------------------
// The tree walk

void ScopeResolver::VisitFunctionWithSelf(FunctionLiteral* function, const AstString* self_type) {
  self_types_.push_back(self_type);
  ResolveFunction(function, current_scope_);
  self_types_.pop_back();
}

void ScopeResolver::Visit(Node* node) {
  switch (node->kind()) {
    case NodeKind::kIntLiteral:
    case NodeKind::kFloatLiteral:
    case NodeKind::kStringLiteral:
    case NodeKind::kBoolLiteral:
    case NodeKind::kNilLiteral:
    case NodeKind::kTypeAlias:
    case NodeKind::kUseDeclaration:
      return;
    case NodeKind::kFString:
      for (const FStringPart& part : node->AsFString()->parts) {
        if (part.expression != nullptr) Visit(part.expression);
      }
      return;
    case NodeKind::kIdentifier:
      ResolveIdentifier(node->AsIdentifier(), VariableAccess::kRead);
      return;
    case NodeKind::kPath:
      ResolveIdentifier(node->AsPath()->root, VariableAccess::kRead);
      return;
    case NodeKind::kArrayLiteral:
      for (Node* element : node->AsArrayLiteral()->elements) Visit(element);
      return;
    case NodeKind::kArrayRepeat:
      Visit(node->AsArrayRepeat()->value);
      Visit(node->AsArrayRepeat()->count);
      return;
    case NodeKind::kTupleLiteral:
      for (Node* element : node->AsTupleLiteral()->elements) Visit(element);
      return;
    case NodeKind::kMapLiteral:
      for (const MapEntry& entry : node->AsMapLiteral()->entries) {
        Visit(entry.key);
        Visit(entry.value);
      }
      return;
    case NodeKind::kStructLiteral: {
      StructLiteral* literal = node->AsStructLiteral();
      Visit(literal->type);
      for (const StructLiteralField& field : literal->fields) Visit(field.value);
      if (literal->base != nullptr) Visit(literal->base);
      return;
    }
    case NodeKind::kUnary:
      if (node->AsUnary()->op == TokenKind::kBitAnd && node->AsUnary()->is_mut_ref) {
        VisitPlace(node->AsUnary()->operand);  // &mut x: written back after the call
      } else {
        Visit(node->AsUnary()->operand);
      }
      return;
    case NodeKind::kBinary:
      Visit(node->AsBinary()->left);
      Visit(node->AsBinary()->right);
      return;
    case NodeKind::kAssign: {
      Assign* assign = node->AsAssign();
      VisitAssignmentTarget(assign->target, assign->op != TokenKind::kAssign);
      Visit(assign->value);
      return;
    }
    case NodeKind::kConditional:
      Visit(node->AsConditional()->condition);
      Visit(node->AsConditional()->then_value);
      Visit(node->AsConditional()->else_value);
      return;
    case NodeKind::kCast:
      Visit(node->AsCast()->operand);
      return;
    case NodeKind::kRange:
      if (Node* from = node->AsRange()->from) Visit(from);
      if (Node* to = node->AsRange()->to) Visit(to);
      return;
    case NodeKind::kCall:
      Visit(node->AsCall()->callee);
      for (const Argument& argument : node->AsCall()->arguments) Visit(argument.value);
      for (Identifier* read : node->AsCall()->format_reads) {
        ResolveIdentifier(read, VariableAccess::kRead);
      }
      return;
    case NodeKind::kMethodCall:
      // The receiver is a place: a mutating method writes the new value back to it.
      VisitPlace(node->AsMethodCall()->receiver);
      for (const Argument& argument : node->AsMethodCall()->arguments) Visit(argument.value);
      return;
    case NodeKind::kMacroCall: {
      MacroCall* call = node->AsMacroCall();
      for (const Argument& argument : call->arguments) Visit(argument.value);
      for (Identifier* read : call->format_reads) ResolveIdentifier(read, VariableAccess::kRead);
      if (call->pattern != nullptr) {
        ResolvePatternReferences(call->pattern);
        call->scope = zone_->New<Scope>(zone_, ScopeKind::kBlock, current_scope_, call->position());
        EnterScope(call->scope);
        BindPattern(call->pattern, VariableMode::kLet);
        if (call->guard != nullptr) Visit(call->guard);
        ExitScope();
      }
      return;
    }
    case NodeKind::kMember:
      Visit(node->AsMember()->object);
      return;
    case NodeKind::kIndex:
      Visit(node->AsIndex()->object);
      Visit(node->AsIndex()->index);
      return;
    case NodeKind::kTryOp:
      Visit(node->AsTryOp()->operand);
      return;
    case NodeKind::kFunctionLiteral:
      ResolveFunction(node->AsFunctionLiteral(), current_scope_);
      return;
    case NodeKind::kBlock:
      ResolveBlock(node->AsBlock(), ScopeKind::kBlock);
      return;
    case NodeKind::kIf: {
      If* node_if = node->AsIf();
      if (node_if->let_pattern != nullptr) {
        ResolvePatternReferences(node_if->let_pattern);
        Visit(node_if->let_value);
        ResolveBlockWithPattern(node_if->then_block, node_if->let_pattern, VariableMode::kLet);
      } else {
        Visit(node_if->condition);
        ResolveBlock(node_if->then_block, ScopeKind::kBlock);
      }
      if (node_if->else_branch != nullptr) Visit(node_if->else_branch);
      return;
    }
    case NodeKind::kMatch: {
      Match* match = node->AsMatch();
      Visit(match->subject);
      for (MatchArm& arm : match->arms) {
        ResolvePatternReferences(arm.pattern);
        arm.scope = zone_->New<Scope>(zone_, ScopeKind::kMatchArm, current_scope_, arm.position);
        EnterScope(arm.scope);
        BindPattern(arm.pattern, VariableMode::kLet);
        if (arm.guard != nullptr) Visit(arm.guard);
        Visit(arm.body);
        ExitScope();
      }
      return;
    }
    case NodeKind::kWhile: {
      While* loop = node->AsWhile();
      jump_targets_.push_back({loop, loop->label, true});
      if (loop->let_pattern != nullptr) {
        ResolvePatternReferences(loop->let_pattern);
        Visit(loop->let_value);
        ResolveBlockWithPattern(loop->body, loop->let_pattern, VariableMode::kLet);
      } else {
        Visit(loop->condition);
        ResolveBlock(loop->body, ScopeKind::kBlock);
      }
      jump_targets_.pop_back();
      return;
    }
    case NodeKind::kLoop: {
      Loop* loop = node->AsLoop();
      jump_targets_.push_back({loop, loop->label, true});
      ResolveBlock(loop->body, ScopeKind::kBlock);
      jump_targets_.pop_back();
      return;
    }
    case NodeKind::kFor: {
      For* loop = node->AsFor();
      Visit(loop->iterable);  // evaluated once, before the loop
      ResolvePatternReferences(loop->pattern);
      jump_targets_.push_back({loop, loop->label, true});
      ResolveBlockWithPattern(loop->body, loop->pattern, VariableMode::kLet);
      jump_targets_.pop_back();
      return;
    }
    case NodeKind::kTryCatch: {
      TryCatch* node_try = node->AsTryCatch();
      ResolveBlock(node_try->try_block, ScopeKind::kBlock);
      if (node_try->catch_block != nullptr) {
        if (node_try->catch_pattern != nullptr) {
          ResolvePatternReferences(node_try->catch_pattern);
          ResolveBlockWithPattern(node_try->catch_block, node_try->catch_pattern,
                                  VariableMode::kCatch);
        } else {
          ResolveBlock(node_try->catch_block, ScopeKind::kBlock);
        }
      }
      if (node_try->finally_block != nullptr)
        ResolveBlock(node_try->finally_block, ScopeKind::kBlock);
      return;
    }
    case NodeKind::kReturn:
      if (Node* value = node->AsReturn()->value) Visit(value);
      return;
    case NodeKind::kBreak: {
      Break* node_break = node->AsBreak();
      node_break->target = FindJumpTarget(node_break->label, /*is_continue=*/false);
      if (node_break->value != nullptr) Visit(node_break->value);
      return;
    }
    case NodeKind::kContinue:
      node->AsContinue()->target = FindJumpTarget(node->AsContinue()->label, /*is_continue=*/true);
      return;
    case NodeKind::kThrow:
      Visit(node->AsThrow()->value);
      return;
    case NodeKind::kLet: {
      Let* let = node->AsLet();
      ResolvePatternReferences(let->pattern);
      if (let->value != nullptr) Visit(let->value);
      if (let->else_block != nullptr) ResolveBlock(let->else_block, ScopeKind::kBlock);
      if (current_scope_->kind() != ScopeKind::kScript) {
        pattern_variables_.clear();
        DeclarePattern(let->pattern, LetMode(let));
        pattern_variables_.clear();
      }
      return;
    }
    case NodeKind::kFunctionDeclaration:
      ResolveFunction(node->AsFunctionDeclaration()->function, current_scope_);
      return;
    case NodeKind::kStructDeclaration: {
      StructDeclaration* declaration = node->AsStructDeclaration();
      for (const FieldDeclaration& field : declaration->fields) {
        if (field.default_value != nullptr) {
          VisitFunctionWithSelf(field.default_value, declaration->name);
        }
      }
      for (FunctionLiteral* method : declaration->methods) {
        VisitFunctionWithSelf(method, declaration->name);
      }
      return;
    }
    case NodeKind::kEnumDeclaration: {
      EnumDeclaration* declaration = node->AsEnumDeclaration();
      for (FunctionLiteral* method : declaration->methods) {
        VisitFunctionWithSelf(method, declaration->name);
      }
      return;
    }
    case NodeKind::kImplDeclaration: {
      ImplDeclaration* declaration = node->AsImplDeclaration();
      ResolveIdentifier(declaration->type, VariableAccess::kRead);
      if (declaration->trait != nullptr)
        ResolveIdentifier(declaration->trait, VariableAccess::kRead);
      const AstString* self_type = declaration->type->name;
      for (const AssociatedConstant& constant : declaration->constants) {
        if (constant.value != nullptr) VisitFunctionWithSelf(constant.value, self_type);
      }
      for (FunctionLiteral* method : declaration->methods) VisitFunctionWithSelf(method, self_type);
      return;
    }
    case NodeKind::kTraitDeclaration: {
      TraitDeclaration* declaration = node->AsTraitDeclaration();
      // In a trait, Self is whatever type implements it: left for run time.
      for (const AssociatedConstant& constant : declaration->constants) {
        if (constant.value != nullptr) VisitFunctionWithSelf(constant.value, nullptr);
      }
      for (FunctionLiteral* method : declaration->methods) VisitFunctionWithSelf(method, nullptr);
      return;
    }
    case NodeKind::kClassDeclaration: {
      ClassDeclaration* declaration = node->AsClassDeclaration();
      if (declaration->parent != nullptr) {
        ResolveIdentifier(declaration->parent, VariableAccess::kRead);
      }
      for (const FieldDeclaration& field : declaration->fields) {
        if (field.default_value != nullptr) {
          VisitFunctionWithSelf(field.default_value, declaration->name);
        }
      }
      for (FunctionLiteral* constructor : declaration->constructors) {
        VisitFunctionWithSelf(constructor, declaration->name);
      }
      for (FunctionLiteral* method : declaration->methods) {
        VisitFunctionWithSelf(method, declaration->name);
      }
      return;
    }
    case NodeKind::kModuleDeclaration:
      if (Block* body = node->AsModuleDeclaration()->body) ResolveBlock(body, ScopeKind::kModule);
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
      UNREACHABLE();  // patterns are handled by DeclarePattern / ResolvePatternReferences
  }
}

void ScopeResolver::ResolveBlockWithPattern(Block* block, Node* pattern, VariableMode mode) {
  Scope* scope = zone_->New<Scope>(zone_, ScopeKind::kBlock, current_scope_, block->position());
  block->scope = scope;
  EnterScope(scope);
  BindPattern(pattern, mode);
  if (block->label != nullptr) jump_targets_.push_back({block, block->label, false});
  ResolveStatements(block->statements, /*top_level=*/false);
  if (block->label != nullptr) jump_targets_.pop_back();
  ExitScope();
}

Node* ScopeResolver::FindJumpTarget(const AstString* label, bool is_continue) {
  for (auto it = jump_targets_.rbegin(); it != jump_targets_.rend(); ++it) {
    if (label != nullptr) {
      if (it->label == label) return it->node;
    } else if (it->is_loop) {
      return it->node;
    }
  }
  (void)is_continue;
  return nullptr;
}

}  // namespace ruchy::internal::parser
