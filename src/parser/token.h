// Tokens of Ruchy: one X-macro list of every token kind with its spelling; names,
// keyword lookup and the binary-operator precedence table are derived from it.
#ifndef RUCHY_PARSER_TOKEN_H_
#define RUCHY_PARSER_TOKEN_H_

#include <cstdint>

namespace ruchy::internal::parser {

class AstString;

// T(name, spelling) for punctuation, operators and literal classes;
// K(name, spelling) for reserved words. Contextual words (type, where, move, async,
// dyn, requires, ensures, crate, super) are identifiers checked by the parser.
#define RUCHY_TOKEN_LIST(T, K)                                              \
  /* Literal classes and markers. */                                        \
  T(kEos, "end of file")                                                    \
  T(kIllegal, "illegal token")                                              \
  T(kIdentifier, "identifier")                                              \
  T(kLifetime, "label")                                                     \
  T(kInteger, "integer literal")                                            \
  T(kFloat, "float literal")                                                \
  T(kString, "string literal")                                              \
  T(kChar, "character literal")                                             \
  /* f"head{expr:spec}middle{expr}tail": head, spec, middle, tail parts. */ \
  T(kTemplateHead, "f-string")                                              \
  T(kTemplateSpec, "f-string format spec")                                  \
  T(kTemplateMiddle, "f-string text")                                       \
  T(kTemplateTail, "end of f-string")                                       \
  /* Brackets. */                                                           \
  T(kLeftParen, "(")                                                        \
  T(kRightParen, ")")                                                       \
  T(kLeftBracket, "[")                                                      \
  T(kRightBracket, "]")                                                     \
  T(kLeftBrace, "{")                                                        \
  T(kRightBrace, "}")                                                       \
  /* Punctuation. */                                                        \
  T(kComma, ",")                                                            \
  T(kSemicolon, ";")                                                        \
  T(kColon, ":")                                                            \
  T(kColonColon, "::")                                                      \
  T(kDot, ".")                                                              \
  T(kDotDot, "..")                                                          \
  T(kDotDotEq, "..=")                                                       \
  T(kEllipsis, "...")                                                       \
  T(kArrow, "->")                                                           \
  T(kFatArrow, "=>")                                                        \
  T(kQuestion, "?")                                                         \
  T(kQuestionQuestion, "??")                                                \
  T(kHashBracket, "#[")                                                     \
  T(kHashBangBracket, "#![")                                                \
  T(kAt, "@")                                                               \
  T(kBang, "!")                                                             \
  T(kTilde, "~")                                                            \
  /* Assignment operators. */                                               \
  T(kAssign, "=")                                                           \
  T(kAssignAdd, "+=")                                                       \
  T(kAssignSub, "-=")                                                       \
  T(kAssignMul, "*=")                                                       \
  T(kAssignDiv, "/=")                                                       \
  T(kAssignMod, "%=")                                                       \
  T(kAssignExp, "**=")                                                      \
  T(kAssignBitAnd, "&=")                                                    \
  T(kAssignBitOr, "|=")                                                     \
  T(kAssignBitXor, "^=")                                                    \
  T(kAssignShl, "<<=")                                                      \
  T(kAssignShr, ">>=")                                                      \
  /* Binary operators. */                                                   \
  T(kPipeline, "|>")                                                        \
  T(kOr, "||")                                                              \
  T(kAnd, "&&")                                                             \
  T(kBitOr, "|")                                                            \
  T(kBitXor, "^")                                                           \
  T(kBitAnd, "&")                                                           \
  T(kShl, "<<")                                                             \
  T(kShr, ">>")                                                             \
  T(kAdd, "+")                                                              \
  T(kSub, "-")                                                              \
  T(kMul, "*")                                                              \
  T(kDiv, "/")                                                              \
  T(kMod, "%")                                                              \
  T(kExp, "**")                                                             \
  /* Comparisons. */                                                        \
  T(kEq, "==")                                                              \
  T(kNe, "!=")                                                              \
  T(kLt, "<")                                                               \
  T(kGt, ">")                                                               \
  T(kLe, "<=")                                                              \
  T(kGe, ">=")                                                              \
  /* Reserved words. */                                                     \
  K(kAs, "as")                                                              \
  K(kBreak, "break")                                                        \
  K(kCatch, "catch")                                                        \
  K(kClass, "class")                                                        \
  K(kConst, "const")                                                        \
  K(kContinue, "continue")                                                  \
  K(kElse, "else")                                                          \
  K(kEnum, "enum")                                                          \
  K(kFalse, "false")                                                        \
  K(kFinally, "finally")                                                    \
  K(kFn, "fn")                                                              \
  K(kFor, "for")                                                            \
  K(kFun, "fun")                                                            \
  K(kIf, "if")                                                              \
  K(kImpl, "impl")                                                          \
  K(kIn, "in")                                                              \
  K(kLet, "let")                                                            \
  K(kLoop, "loop")                                                          \
  K(kMatch, "match")                                                        \
  K(kModule, "mod")                                                         \
  K(kMut, "mut")                                                            \
  K(kNil, "nil")                                                            \
  K(kNull, "null")                                                          \
  K(kPub, "pub")                                                            \
  K(kReturn, "return")                                                      \
  K(kSelf, "self")                                                          \
  K(kStatic, "static")                                                      \
  K(kStruct, "struct")                                                      \
  K(kThrow, "throw")                                                        \
  K(kTrait, "trait")                                                        \
  K(kTrue, "true")                                                          \
  K(kTry, "try")                                                            \
  K(kUnsafe, "unsafe")                                                      \
  K(kUse, "use")                                                            \
  K(kVar, "var")                                                            \
  K(kWhile, "while")

enum class TokenKind : uint8_t {
#define RUCHY_TOKEN_ENUM(name, text) name,
  RUCHY_TOKEN_LIST(RUCHY_TOKEN_ENUM, RUCHY_TOKEN_ENUM)
#undef RUCHY_TOKEN_ENUM
};

#define RUCHY_TOKEN_COUNT_ONE(name, text) +1
constexpr int kTokenKindCount = 0 RUCHY_TOKEN_LIST(RUCHY_TOKEN_COUNT_ONE, RUCHY_TOKEN_COUNT_ONE);
#undef RUCHY_TOKEN_COUNT_ONE

// The spelling of an operator or keyword ("+=", "while"), or a description of a
// literal class ("integer literal").
const char* TokenText(TokenKind kind);
// The enum name without the k ("AssignAdd"), for dumps.
const char* TokenName(TokenKind kind);
bool IsKeyword(TokenKind kind);
bool IsAssignmentOp(TokenKind kind);
// For a compound assignment (+=), the binary operator it applies (+).
TokenKind BinaryOpOfAssignment(TokenKind kind);

// Binary operator precedence, higher binds tighter (the reference notes §6.1);
// 0 for tokens that are not binary operators. Assignment and the ternary are
// handled above this table, ranges and `as` around it.
constexpr int kPrecedenceCoalesce = 2;  // ??
constexpr int kPrecedenceRange = 4;     // .. ..= (operands optional; parsed specially)
constexpr int kPrecedenceBitOr = 5;     // the level just above ranges
int BinaryPrecedence(TokenKind kind);

constexpr uint32_t kNoPartner = UINT32_MAX;

// One token. Positions are byte offsets into the source plus 1-based line and
// column (column counts characters, not bytes).
struct Token {
  TokenKind kind;
  bool newline_before;  // a line break separates this token from the previous one
  uint32_t offset;
  uint32_t end;
  uint32_t line;
  uint32_t column;
  // For an opening bracket, the index of its closing bracket (and vice versa);
  // kNoPartner when unbalanced.
  uint32_t partner;
  union {
    uint64_t int_value;       // kInteger (magnitude; range checked by the parser)
    double float_value;       // kFloat
    const AstString* string;  // identifiers, labels, strings, chars, f-string parts
  };
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_TOKEN_H_
