// The recursive-descent parser's class, shared by parser.cc (statements, items,
// recovery), parser-expressions.cc and parser-patterns.cc (patterns and types).
// Internal to src/parser.
#ifndef RUCHY_PARSER_PARSER_IMPL_H_
#define RUCHY_PARSER_PARSER_IMPL_H_

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "src/parser/ast.h"
#include "src/parser/parser.h"
#include "src/parser/token.h"

namespace ruchy::internal::parser {

// Lists under construction share one buffer per element type; a ScopedList owns the
// tail of the buffer from its creation to its destruction (lists nest LIFO).
template <typename T>
class ScopedList {
 public:
  explicit ScopedList(std::vector<T>* buffer) : buffer_(buffer), start_(buffer->size()) {}
  ~ScopedList() { buffer_->resize(start_); }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ScopedList);

  void Add(const T& item) { buffer_->push_back(item); }
  size_t size() const { return buffer_->size() - start_; }
  T& operator[](size_t i) { return (*buffer_)[start_ + i]; }

  NodeList<T> ToList(base::Zone* zone) const {
    static_assert(std::is_trivially_copyable_v<T>);
    size_t n = size();
    if (n == 0) return NodeList<T>();
    T* data = static_cast<T*>(zone->Allocate(n * sizeof(T), alignof(T) < 8 ? 8 : alignof(T)));
    std::memcpy(static_cast<void*>(data), buffer_->data() + start_, n * sizeof(T));
    return NodeList<T>(data, static_cast<uint32_t>(n));
  }

 private:
  std::vector<T>* buffer_;
  size_t start_;
};

template <typename T>
NodeList<T> CopyToZone(base::Zone* zone, const std::vector<T>& items) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (items.empty()) return NodeList<T>();
  T* data =
      static_cast<T*>(zone->Allocate(items.size() * sizeof(T), alignof(T) < 8 ? 8 : alignof(T)));
  std::memcpy(static_cast<void*>(data), items.data(), items.size() * sizeof(T));
  return NodeList<T>(data, static_cast<uint32_t>(items.size()));
}

// What the parser keeps of a type: types are dropped, except the last path segment
// (for `as` casts and impl headers) and whether it was written `&mut T`.
struct TypeInfo {
  const AstString* head = nullptr;
  SourcePosition head_position;
  bool is_mut_ref = false;
};

class Parser {
 public:
  Parser(ParseResult* result, const ParseOptions& options, ErrorReporter* errors,
         std::vector<Token> tokens);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Parser);

  FunctionLiteral* ParseScript();

 private:
  friend class DepthGuard;
  friend class ChainDepth;

  // --- Tokens -------------------------------------------------------------
  const Token& peek() const { return tokens_[pos_]; }
  const Token& peek_at(size_t ahead) const {
    size_t i = pos_ + ahead;
    return tokens_[i < tokens_.size() ? i : tokens_.size() - 1];
  }
  TokenKind kind() const { return tokens_[pos_].kind; }
  TokenKind kind_at(size_t ahead) const { return peek_at(ahead).kind; }
  void Advance() {
    if (pos_ + 1 < tokens_.size()) ++pos_;
  }
  bool Check(TokenKind k) const { return kind() == k; }
  bool Accept(TokenKind k) {
    if (kind() != k) return false;
    Advance();
    return true;
  }
  bool Expect(TokenKind k);
  SourcePosition position() const { return PositionOf(peek()); }
  static SourcePosition PositionOf(const Token& t) {
    return SourcePosition{t.offset, t.line, t.column};
  }
  // Identifier or reserved word usable as a name after `.` / `::` / as a field name.
  bool IsNameToken(const Token& t) const {
    return t.kind == TokenKind::kIdentifier || IsKeyword(t.kind);
  }
  const AstString* NameOf(const Token& t) const;
  bool CheckContextual(const AstString* word) const {
    return kind() == TokenKind::kIdentifier && peek().string == word;
  }
  bool CanStartExpression(const Token& t) const;
  bool StartsStatement(const Token& t) const;

  // --- Errors and recovery ---------------------------------------------------
  // Records an error unless one is already pending for this statement, and marks the
  // statement as failed; the parse functions then return nullptr up to the nearest
  // statement list, which resynchronizes.
  void ReportError(const Token& at, std::string message);
  void ReportUnexpected(const char* expected);
  std::string Describe(const Token& t) const;
  bool failed() const { return panic_; }
  bool aborted() const { return errors_->full(); }
  // Skips to a statement boundary: past a ';', before the `}` at index `block_end`,
  // or before a statement keyword that starts a new line.
  void Synchronize(uint32_t block_end, size_t statement_start);

  // --- Allocation -----------------------------------------------------------
  template <typename T>
  T* New(SourcePosition position) {
    return zone_->New<T>(position);
  }
  Identifier* NewIdentifier(const AstString* name, SourcePosition position) {
    Identifier* id = New<Identifier>(position);
    id->name = name;
    return id;
  }

  // --- Statements and items (parser.cc) -------------------------------------------
  Block* ParseBlock();
  // Parses statements up to `}` (or the end of file at top level) into `out`.
  void ParseStatementList(ScopedList<Node*>* out, uint32_t block_end, bool top_level);
  // Appends zero or more nodes (a `use` group gives several).
  void ParseStatement(ScopedList<Node*>* out);
  void ParseAttributes(std::vector<const AstString*>* out);
  bool ParseVisibility();
  Node* ParseLet(LetKind let_kind, bool is_pub);
  FunctionLiteral* ParseFunction(FunctionKind kind, std::vector<const AstString*>* attributes,
                                 bool is_pub);
  void ParseParameters(FunctionLiteral* function, bool allow_self);
  void SkipContractClauses();
  Node* ParseStruct(std::vector<const AstString*>* attributes, bool is_pub);
  Node* ParseEnum(std::vector<const AstString*>* attributes, bool is_pub);
  Node* ParseImpl();
  Node* ParseTrait(bool is_pub);
  Node* ParseClass(bool is_pub);
  bool ParseFieldDeclaration(std::vector<FieldDeclaration>* fields, bool is_pub);
  bool ParseAssociatedConstant(std::vector<AssociatedConstant>* constants);
  enum class MemberBlockKind { kImpl, kTrait };
  bool ParseMemberBlock(MemberBlockKind block, NodeList<FunctionLiteral*>* methods,
                        NodeList<AssociatedConstant>* constants);
  FunctionLiteral* MakeThunk(const AstString* name, Node* value, SourcePosition position);
  void ParseUse(ScopedList<Node*>* out);
  void ParseUseTree(std::vector<const AstString*>* prefix, ScopedList<Node*>* out,
                    SourcePosition position);
  Node* ParseModule(bool is_pub);
  Node* ParseTypeAlias();

  // --- Expressions (parser-expressions.cc) ---------------------------------------
  Node* ParseExpression();
  Node* ParseExpressionNoStruct();
  Node* ParseTernary();
  Node* ParseBinary(int min_precedence);
  Node* ParseUnary();
  Node* ParseCast();
  Node* ParsePostfix(Node* expression);
  Node* ParsePrimary();
  Node* ParseIntegerLiteral(bool negated);
  Node* ParseIdentifierExpression();
  Node* ParsePathRest(Identifier* root);
  Node* ParseMacroCall();
  // %Name(args) with --allow-natives-syntax: a MacroCall with is_native set.
  Node* ParseNativeCall();
  Node* ParseParenthesized();
  Node* ParseArrayLiteral();
  // [element for PATTERN in ITERABLE if CONDITION], after the element (ref §6.4).
  Node* ParseComprehension(SourcePosition position, Node* element);
  Node* ParseBraceExpression();
  Node* ParseMapLiteral();
  Node* ParseStructLiteral(Node* type);
  Node* ParseFString();
  Node* ParseClosure();
  Node* ParseArrowClosure();
  bool ParseClosureParameters(TokenKind close, std::vector<Parameter>* parameters);
  Node* ParseClosureBody();
  Node* ParseArmBody();
  // Parses a function or closure body with its own label and loop context.
  Node* ParseFunctionBody(bool block_only);
  Node* ParseAnonymousFunction();
  Node* ParseIf();
  Node* ParseMatch();
  Node* ParseWhile(const AstString* label);
  Node* ParseLoop(const AstString* label);
  Node* ParseFor(const AstString* label);
  Node* ParseLabelled();
  Node* ParseTryCatch();
  Node* ParseReturn();
  Node* ParseBreak();
  Node* ParseContinue();
  bool ParseArguments(NodeList<Argument>* arguments);
  // The `{name}` placeholders of a format string literal, as reads (see FormatReads).
  FormatReads CollectFormatReads(const NodeList<Argument>& arguments, uint32_t format_index);
  bool IsTernaryQuestion() const;
  bool IsMapLiteralStart() const;
  bool IsStructLiteralStart(const AstString* last_segment) const;
  bool IsValidAssignmentTarget(Node* target, bool compound) const;
  // Ranges: `a..b`; the end is optional when nothing that can start one follows.
  bool CanStartRangeEnd() const;
  const AstString* ParseOptionalLabelUse();

  // --- Patterns and types (parser-patterns.cc) ------------------------------------
  Node* ParsePattern();         // with top-level or-patterns
  Node* ParsePatternNoTopOr();  // closure parameters, tuple elements
  Node* ParseLiteralPatternBound(bool allow_path);
  Node* ParseTupleStructPattern(Node* path);
  Node* ParseStructPattern(Node* path);
  bool ParsePatternList(TokenKind close, NodeList<Node*>* elements);
  TypeInfo ParseType(bool in_cast = false);
  bool ParseTypeBounds();
  bool ParseGenericArgs();    // at '<' (after an optional '::')
  bool ParseGenericParams();  // declarations: <T: Bound, 'a, const N: usize>
  bool ParseWhereClause();
  bool ConsumeClosingAngle();

  // --- State ------------------------------------------------------------------
  ParseResult* result_;
  base::Zone* zone_;
  AstStringTable* strings_;
  ErrorReporter* errors_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  int max_depth_;
  bool allow_natives_syntax_;
  bool panic_ = false;
  // Inside if/while/for/match heads: `Name {` does not start a struct literal.
  bool no_struct_literal_ = false;
  // Inside a match guard: `x =>` and `(..) =>` end the guard instead of starting an
  // arrow closure.
  bool in_match_guard_ = false;
  // Open parentheses and brackets around the current point (reset by blocks). Outside
  // them, in code that does not end its statements with `;`, a line starting with `|`,
  // `||` or `*` begins a new statement (a closure, a deref) rather than continuing an
  // operator chain.
  int bracket_depth_ = 0;
  // Whether the most recently finished statement ended with `;`.
  bool semicolon_style_ = false;
  // Parsing a match arm's expression body: outside brackets, an operator at the start
  // of the next line begins the next arm (`1 => a` newline `-5..0 => b`).
  bool in_arm_body_ = false;
  // Labels of enclosing loops and labelled blocks of the current function
  // (true for loops, false for blocks).
  std::vector<std::pair<const AstString*, bool>> labels_;
  int loop_depth_ = 0;  // enclosing loops of the current function (for `continue`)

  std::vector<Node*> node_buffer_;
  std::vector<Argument> argument_buffer_;
};

// Counts one nesting level for its lifetime; exceeded() reports the limit.
class DepthGuard {
 public:
  explicit DepthGuard(Parser* parser) : parser_(parser) { ++parser_->depth_; }
  ~DepthGuard() { --parser_->depth_; }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(DepthGuard);
  // Reports "nested too deeply" once and returns true when past the limit.
  bool Exceeded();

 private:
  Parser* parser_;
};

// Counts the links of an operator or postfix chain as nesting levels, because each
// link makes the tree one level deeper.
class ChainDepth {
 public:
  explicit ChainDepth(Parser* parser) : parser_(parser) {}
  ~ChainDepth() { parser_->depth_ -= links_; }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ChainDepth);
  bool AddLink();  // false (after reporting) when past the limit

 private:
  Parser* parser_;
  int links_ = 0;
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_PARSER_IMPL_H_
