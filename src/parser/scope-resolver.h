// Scope analysis, passes 1–3: name resolution, allocation of registers, parameters,
// context slots and globals, and context depths of references. Internal to
// src/parser; the public entry point is AnalyzeScopes (parser.h).
#ifndef RUCHY_PARSER_SCOPE_RESOLVER_H_
#define RUCHY_PARSER_SCOPE_RESOLVER_H_

#include <vector>

#include "src/parser/ast.h"
#include "src/parser/scopes.h"

namespace ruchy::internal::parser {

class ParseResult;

class ScopeResolver {
 public:
  explicit ScopeResolver(ParseResult* result);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ScopeResolver);

  void Run();
  // Every function scope, the script's first, in source order.
  const std::vector<DeclarationScope*>& functions() const { return functions_; }

 private:
  struct JumpTarget {
    Node* node;
    const AstString* label;
    bool is_loop;
  };
  struct Reference {
    Identifier* identifier;
    Scope* scope;  // where the reference occurs
  };

  Variable* Declare(const AstString* name, VariableMode mode, SourcePosition position);
  Variable* DeclareInPattern(const AstString* name, VariableMode mode, SourcePosition position);
  void EnterScope(Scope* scope);
  void ExitScope();
  void AddCapture(DeclarationScope* function, Variable* variable);
  void ResolveIdentifier(Identifier* id, VariableAccess access);

  void ResolveFunction(FunctionLiteral* function, Scope* outer);
  void VisitFunctionWithSelf(FunctionLiteral* function, const AstString* self_type);
  void ResolveBlock(Block* block, ScopeKind kind);
  void ResolveBlockWithPattern(Block* block, Node* pattern, VariableMode mode);
  void ResolveStatements(const NodeList<Node*>& statements, bool top_level);
  static VariableMode LetMode(const Let* let);

  void DeclarePattern(Node* pattern, VariableMode mode);
  void BindPattern(Node* pattern, VariableMode mode);
  void ResolvePatternReferences(Node* pattern);
  void VisitPlace(Node* node);
  void VisitAssignmentTarget(Node* target, bool compound);
  void MarkMutatedParameter(Node* place);
  void Visit(Node* node);
  Node* FindJumpTarget(const AstString* label, bool is_continue);

  void Allocate(DeclarationScope* function);
  void AllocateScope(Scope* scope, int* next_register, int* max_registers);
  void ComputeContextDepths();

  base::Zone* zone_;
  AstStringTable* strings_;
  FunctionLiteral* script_;
  Scope* current_scope_ = nullptr;
  DeclarationScope* current_function_ = nullptr;
  std::vector<JumpTarget> jump_targets_;      // of the current function
  std::vector<const AstString*> self_types_;  // what `Self` means (null in traits)
  std::vector<Variable*> pattern_variables_;  // bindings of the pattern being declared
  std::vector<Reference> references_;
  std::vector<DeclarationScope*> functions_;
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_SCOPE_RESOLVER_H_
