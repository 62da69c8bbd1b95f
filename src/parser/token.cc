// Tables derived from the token list: spellings, names, keyword and operator classes.
#include "src/parser/token.h"

namespace ruchy::internal::parser {

namespace {

constexpr const char* kTokenTexts[] = {
#define RUCHY_TOKEN_TEXT(name, text) text,
    RUCHY_TOKEN_LIST(RUCHY_TOKEN_TEXT, RUCHY_TOKEN_TEXT)
#undef RUCHY_TOKEN_TEXT
};

constexpr const char* kTokenNames[] = {
#define RUCHY_TOKEN_NAME(name, text) &#name[1],  // without the leading k
    RUCHY_TOKEN_LIST(RUCHY_TOKEN_NAME, RUCHY_TOKEN_NAME)
#undef RUCHY_TOKEN_NAME
};

constexpr bool kTokenIsKeyword[] = {
#define RUCHY_TOKEN_NOT_KEYWORD(name, text) false,
#define RUCHY_TOKEN_KEYWORD(name, text) true,
    RUCHY_TOKEN_LIST(RUCHY_TOKEN_NOT_KEYWORD, RUCHY_TOKEN_KEYWORD)
#undef RUCHY_TOKEN_NOT_KEYWORD
#undef RUCHY_TOKEN_KEYWORD
};

static_assert(sizeof(kTokenTexts) / sizeof(kTokenTexts[0]) == kTokenKindCount);

}  // namespace

const char* TokenText(TokenKind kind) { return kTokenTexts[static_cast<int>(kind)]; }
const char* TokenName(TokenKind kind) { return kTokenNames[static_cast<int>(kind)]; }
bool IsKeyword(TokenKind kind) { return kTokenIsKeyword[static_cast<int>(kind)]; }

bool IsAssignmentOp(TokenKind kind) {
  return kind >= TokenKind::kAssign && kind <= TokenKind::kAssignShr;
}

namespace {

// Tables over the whole token list (no switch with a default over TokenKind).
struct OperatorTables {
  TokenKind assignment_op[kTokenKindCount];
  int8_t precedence[kTokenKindCount];
};

constexpr OperatorTables MakeOperatorTables() {
  OperatorTables t{};
  for (int i = 0; i < kTokenKindCount; ++i) {
    t.assignment_op[i] = TokenKind::kIllegal;
    t.precedence[i] = 0;
  }
  auto set_op = [&t](TokenKind assign, TokenKind op) { t.assignment_op[int(assign)] = op; };
  set_op(TokenKind::kAssignAdd, TokenKind::kAdd);
  set_op(TokenKind::kAssignSub, TokenKind::kSub);
  set_op(TokenKind::kAssignMul, TokenKind::kMul);
  set_op(TokenKind::kAssignDiv, TokenKind::kDiv);
  set_op(TokenKind::kAssignMod, TokenKind::kMod);
  set_op(TokenKind::kAssignExp, TokenKind::kExp);
  set_op(TokenKind::kAssignBitAnd, TokenKind::kBitAnd);
  set_op(TokenKind::kAssignBitOr, TokenKind::kBitOr);
  set_op(TokenKind::kAssignBitXor, TokenKind::kBitXor);
  set_op(TokenKind::kAssignShl, TokenKind::kShl);
  set_op(TokenKind::kAssignShr, TokenKind::kShr);
  auto set_prec = [&t](TokenKind op, int precedence) { t.precedence[int(op)] = precedence; };
  set_prec(TokenKind::kOr, 1);
  set_prec(TokenKind::kQuestionQuestion, kPrecedenceCoalesce);
  set_prec(TokenKind::kAnd, 3);
  set_prec(TokenKind::kPipeline, 3);
  // 4: ranges (.. ..=), parsed by the parser itself because their operands are optional.
  set_prec(TokenKind::kBitOr, 5);
  set_prec(TokenKind::kBitXor, 6);
  set_prec(TokenKind::kBitAnd, 7);
  set_prec(TokenKind::kEq, 8);
  set_prec(TokenKind::kNe, 8);
  set_prec(TokenKind::kLt, 9);
  set_prec(TokenKind::kGt, 9);
  set_prec(TokenKind::kLe, 9);
  set_prec(TokenKind::kGe, 9);
  set_prec(TokenKind::kShl, 10);
  set_prec(TokenKind::kShr, 10);
  set_prec(TokenKind::kAdd, 11);
  set_prec(TokenKind::kSub, 11);
  set_prec(TokenKind::kMul, 12);
  set_prec(TokenKind::kDiv, 12);
  set_prec(TokenKind::kMod, 12);
  set_prec(TokenKind::kExp, 13);
  return t;
}

constexpr OperatorTables kOperatorTables = MakeOperatorTables();

}  // namespace

TokenKind BinaryOpOfAssignment(TokenKind kind) {
  return kOperatorTables.assignment_op[static_cast<int>(kind)];
}

int BinaryPrecedence(TokenKind kind) { return kOperatorTables.precedence[static_cast<int>(kind)]; }

}  // namespace ruchy::internal::parser
