// Tables derived from the AST node list, and the small AST accessors that need
// the scope classes.
#include "src/parser/ast.h"

#include "src/parser/scopes.h"

namespace ruchy::internal::parser {

namespace {

constexpr const char* kNodeKindNames[] = {
#define RUCHY_NODE_NAME(Name) #Name,
    RUCHY_AST_NODE_LIST(RUCHY_NODE_NAME)
#undef RUCHY_NODE_NAME
};

#define RUCHY_NODE_COUNT(Name) +1
constexpr int kExpressionKinds = 0 RUCHY_AST_EXPRESSION_LIST(RUCHY_NODE_COUNT);
constexpr int kStatementKinds = 0 RUCHY_AST_STATEMENT_LIST(RUCHY_NODE_COUNT);
#undef RUCHY_NODE_COUNT

}  // namespace

const char* NodeKindName(NodeKind kind) { return kNodeKindNames[static_cast<int>(kind)]; }

bool IsExpressionKind(NodeKind kind) { return static_cast<int>(kind) < kExpressionKinds; }

bool IsStatementKind(NodeKind kind) {
  int k = static_cast<int>(kind);
  return k >= kExpressionKinds && k < kExpressionKinds + kStatementKinds;
}

bool IsPatternKind(NodeKind kind) {
  return static_cast<int>(kind) >= kExpressionKinds + kStatementKinds;
}

VariableLocation Identifier::location() const {
  return variable == nullptr ? VariableLocation::kGlobal : variable->location();
}

}  // namespace ruchy::internal::parser
