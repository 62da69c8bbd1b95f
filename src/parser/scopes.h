// Scopes and variables: the result of scope analysis, laid out for the bytecode
// generator (see README.md, "Resolved scopes"). A DeclarationScope is a function's
// outermost scope; block, arm and module scopes nest inside it.
#ifndef RUCHY_PARSER_SCOPES_H_
#define RUCHY_PARSER_SCOPES_H_

#include <cstdint>

#include "src/base/zone.h"
#include "src/parser/ast.h"

namespace ruchy::internal::parser {

enum class VariableMode : uint8_t {
  kLet,        // let x (immutable by intent; not enforced)
  kMutable,    // let mut x, var x, mut pattern bindings
  kConst,      // const / static
  kParameter,  // function parameter (including self)
  kCatch,      // catch (e)
  kFunction,   // hoisted fun declaration
  kType,       // struct / enum / trait / class
  kModule,     // mod name / use name
};

const char* VariableModeName(VariableMode mode);
const char* VariableLocationName(VariableLocation location);

class Variable {
 public:
  Variable(const AstString* name, VariableMode mode, Scope* scope, SourcePosition position)
      : name_(name), mode_(mode), scope_(scope), position_(position) {}

  const AstString* name() const { return name_; }
  VariableMode mode() const { return mode_; }
  Scope* scope() const { return scope_; }
  SourcePosition position() const { return position_; }
  VariableLocation location() const { return location_; }
  // Parameter index, register index or context slot, by location().
  int index() const { return index_; }
  // For a parameter that lives in a context: its parameter index (to copy on entry).
  int parameter_index() const { return parameter_index_; }

  // Referenced from a function other than the one declaring it (lives in a context).
  bool is_captured() const { return is_captured_; }
  // Assigned somewhere after its declaration.
  bool is_assigned() const { return is_assigned_; }
  // A `&mut` parameter: written back to the caller's place when the function returns.
  bool is_inout() const { return is_inout_; }
  // Bound when its scope is entered (items), rather than where it is written.
  bool is_hoisted() const {
    return mode_ == VariableMode::kFunction || mode_ == VariableMode::kType ||
           mode_ == VariableMode::kModule;
  }

 private:
  friend class ScopeResolver;
  friend class LastUseAnalysis;

  const AstString* name_;
  VariableMode mode_;
  Scope* scope_;
  SourcePosition position_;
  VariableLocation location_ = VariableLocation::kUnallocated;
  int index_ = -1;
  int parameter_index_ = -1;
  bool is_captured_ = false;
  bool is_assigned_ = false;
  bool is_inout_ = false;
  // Resolver bookkeeping.
  Variable* shadowed_ = nullptr;  // the binding this one hides while in scope
  int liveness_index_ = -1;       // bit in LastUseAnalysis's sets; -1: not tracked
};

enum class ScopeKind : uint8_t {
  kScript,    // the file's top level (declarations are globals)
  kFunction,  // a function's parameters and body
  kBlock,     // a block (including loop bodies, if-let and catch blocks)
  kMatchArm,  // a match arm's bindings, guard and body
  kModule,    // an inline `mod name { }` body
};

const char* ScopeKindName(ScopeKind kind);

class Scope {
 public:
  Scope(base::Zone* zone, ScopeKind kind, Scope* outer, SourcePosition position);

  ScopeKind kind() const { return kind_; }
  Scope* outer() const { return outer_; }
  // The innermost function (or script) scope containing this one.
  DeclarationScope* closure_scope() const { return closure_scope_; }
  SourcePosition position() const { return position_; }
  bool is_declaration_scope() const {
    return kind_ == ScopeKind::kScript || kind_ == ScopeKind::kFunction;
  }
  DeclarationScope* AsDeclarationScope();

  // Every variable declared here, in declaration order (hoisted items first).
  const base::ZoneVector<Variable*>& variables() const { return variables_; }
  // Items to bind on entry, in source order (FunctionDeclaration, StructDeclaration,
  // EnumDeclaration, TraitDeclaration, ClassDeclaration, ImplDeclaration,
  // ModuleDeclaration, UseDeclaration and — in the script scope — const/static Lets).
  const base::ZoneVector<Node*>& hoisted_declarations() const { return hoisted_; }
  const base::ZoneVector<Scope*>& inner_scopes() const { return inner_scopes_; }

  // A context is created when the scope is entered iff it has context slots.
  bool needs_context() const { return num_context_slots_ > 0; }
  int num_context_slots() const { return num_context_slots_; }

 protected:
  friend class ScopeResolver;

  ScopeKind kind_;
  Scope* outer_;
  DeclarationScope* closure_scope_;
  SourcePosition position_;
  base::ZoneVector<Variable*> variables_;
  base::ZoneVector<Node*> hoisted_;
  base::ZoneVector<Scope*> inner_scopes_;
  int num_context_slots_ = 0;
};

class DeclarationScope : public Scope {
 public:
  DeclarationScope(base::Zone* zone, ScopeKind kind, Scope* outer, SourcePosition position,
                   FunctionLiteral* function);

  FunctionLiteral* function() const { return function_; }
  // Parameter variables in order (self first for methods). Patterned parameters
  // `(a, b): T` have no variable of their own: null entries.
  const base::ZoneVector<Variable*>& parameters() const { return parameters_; }
  int num_parameters() const { return static_cast<int>(parameters_.size()); }
  // Registers needed by this function's own locals (block scopes reuse registers once
  // they close). The bytecode generator allocates its temporaries above these.
  int num_registers() const { return num_registers_; }
  // Variables of enclosing functions that this function or a function nested in it
  // reads or writes (all context-allocated), in first-use order.
  const base::ZoneVector<Variable*>& captures() const { return captures_; }

 private:
  friend class ScopeResolver;

  FunctionLiteral* function_;
  base::ZoneVector<Variable*> parameters_;
  base::ZoneVector<Variable*> captures_;
  int num_registers_ = 0;
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_SCOPES_H_
