// Scope and variable construction, and the names used by dumps.
#include "src/parser/scopes.h"

namespace ruchy::internal::parser {

const char* VariableModeName(VariableMode mode) {
  switch (mode) {
    case VariableMode::kLet:
      return "let";
    case VariableMode::kMutable:
      return "mut";
    case VariableMode::kConst:
      return "const";
    case VariableMode::kParameter:
      return "param";
    case VariableMode::kCatch:
      return "catch";
    case VariableMode::kFunction:
      return "fun";
    case VariableMode::kType:
      return "type";
    case VariableMode::kModule:
      return "module";
  }
  return "?";
}

const char* VariableLocationName(VariableLocation location) {
  switch (location) {
    case VariableLocation::kUnallocated:
      return "unallocated";
    case VariableLocation::kParameter:
      return "param";
    case VariableLocation::kRegister:
      return "register";
    case VariableLocation::kContext:
      return "context";
    case VariableLocation::kGlobal:
      return "global";
  }
  return "?";
}

const char* ScopeKindName(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kScript:
      return "script";
    case ScopeKind::kFunction:
      return "function";
    case ScopeKind::kBlock:
      return "block";
    case ScopeKind::kMatchArm:
      return "arm";
    case ScopeKind::kModule:
      return "module";
  }
  return "?";
}

Scope::Scope(base::Zone* zone, ScopeKind kind, Scope* outer, SourcePosition position)
    : kind_(kind),
      outer_(outer),
      closure_scope_(outer != nullptr ? outer->closure_scope_ : nullptr),
      position_(position),
      variables_(zone),
      hoisted_(zone),
      inner_scopes_(zone) {
  if (outer != nullptr) outer->inner_scopes_.push_back(this);
}

DeclarationScope* Scope::AsDeclarationScope() {
  DCHECK(is_declaration_scope());
  return static_cast<DeclarationScope*>(this);
}

DeclarationScope::DeclarationScope(base::Zone* zone, ScopeKind kind, Scope* outer,
                                   SourcePosition position, FunctionLiteral* function)
    : Scope(zone, kind, outer, position), function_(function), parameters_(zone), captures_(zone) {
  closure_scope_ = this;
}

}  // namespace ruchy::internal::parser
