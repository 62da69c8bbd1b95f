// The parser's driver, error recovery, statements, `let` and functions. Items are in
// parser-items.cc, expressions in parser-expressions.cc, parser-literals.cc and
// parser-control-flow.cc, patterns and types in parser-patterns.cc.
#include "src/parser/parser.h"

#include "src/parser/lexer.h"
#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {
// ---------------------------------------------------------------------------
// ParseResult and entry points

ParseResult::ParseResult(std::string file_name, std::string source)
    : file_name_(std::move(file_name)), source_(std::move(source)), strings_(&zone_) {}

std::string ParseResult::FormattedErrors() const {
  std::string out;
  for (const SyntaxError& error : errors_) out += FormatSyntaxError(file_name_, source_, error);
  return out;
}

std::unique_ptr<ParseResult> Parse(std::string file_name, std::string source,
                                   const ParseOptions& options) {
  auto result = std::make_unique<ParseResult>(std::move(file_name), std::move(source));
  ErrorReporter errors(options.max_errors);
  std::vector<Token> tokens;
  Lexer lexer(result->source(), result->strings(), &errors);
  lexer.Tokenize(&tokens);
  Parser parser(result.get(), options, &errors, std::move(tokens));
  result->script_ = parser.ParseScript();
  result->errors_ = errors.TakeSorted();
  return result;
}

std::unique_ptr<ParseResult> ParseAndAnalyze(std::string file_name, std::string source,
                                             const ParseOptions& options) {
  std::unique_ptr<ParseResult> result = Parse(std::move(file_name), std::move(source), options);
  if (result->ok()) AnalyzeScopes(result.get());
  return result;
}

// ---------------------------------------------------------------------------
// Depth accounting

bool DepthGuard::Exceeded() {
  if (parser_->depth_ <= parser_->max_depth_) return false;
  parser_->ReportError(parser_->peek(), "nesting is too deep (more than " +
                                            std::to_string(parser_->max_depth_) + " levels)");
  return true;
}

bool ChainDepth::AddLink() {
  ++links_;
  ++parser_->depth_;
  if (parser_->depth_ <= parser_->max_depth_) return true;
  parser_->ReportError(parser_->peek(), "nesting is too deep (more than " +
                                            std::to_string(parser_->max_depth_) + " levels)");
  return false;
}

// ---------------------------------------------------------------------------
// Tokens and errors

Parser::Parser(ParseResult* result, const ParseOptions& options, ErrorReporter* errors,
               std::vector<Token> tokens)
    : result_(result),
      zone_(result->zone()),
      strings_(result->strings()),
      errors_(errors),
      tokens_(std::move(tokens)),
      max_depth_(options.max_nesting_depth),
      allow_natives_syntax_(options.allow_natives_syntax) {
  CHECK(!tokens_.empty() && tokens_.back().kind == TokenKind::kEos);
}

bool Parser::Expect(TokenKind k) {
  if (Accept(k)) return true;
  std::string expected = std::string("'") + TokenText(k) + "'";
  ReportUnexpected(expected.c_str());
  return false;
}

const AstString* Parser::NameOf(const Token& t) const {
  if (t.kind == TokenKind::kIdentifier) return t.string;
  return strings_->Intern(TokenText(t.kind));
}

std::string Parser::Describe(const Token& t) const {
  switch (t.kind) {
    case TokenKind::kEos:
      return "end of file";
    case TokenKind::kIdentifier:
      return "identifier '" + std::string(t.string->view()) + "'";
    case TokenKind::kLifetime:
      return "label '" + std::string(t.string->view());
    case TokenKind::kInteger:
    case TokenKind::kFloat:
    case TokenKind::kString:
    case TokenKind::kChar:
    case TokenKind::kTemplateHead:
    case TokenKind::kTemplateSpec:
    case TokenKind::kTemplateMiddle:
    case TokenKind::kTemplateTail:
    case TokenKind::kIllegal:
      return TokenText(t.kind);
    default:
      return std::string("'") + TokenText(t.kind) + "'";
  }
}

void Parser::ReportError(const Token& at, std::string message) {
  if (panic_) return;
  panic_ = true;
  if (at.kind == TokenKind::kIllegal) return;  // the lexer has reported it
  errors_->Report(PositionOf(at), std::move(message));
}

void Parser::ReportUnexpected(const char* expected) {
  ReportError(peek(), std::string("expected ") + expected + ", found " + Describe(peek()));
}

bool Parser::StartsStatement(const Token& t) const {
  switch (t.kind) {
    case TokenKind::kLet:
    case TokenKind::kVar:
    case TokenKind::kConst:
    case TokenKind::kStatic:
    case TokenKind::kFun:
    case TokenKind::kFn:
    case TokenKind::kStruct:
    case TokenKind::kEnum:
    case TokenKind::kImpl:
    case TokenKind::kTrait:
    case TokenKind::kClass:
    case TokenKind::kUse:
    case TokenKind::kModule:
    case TokenKind::kPub:
    case TokenKind::kReturn:
    case TokenKind::kIf:
    case TokenKind::kWhile:
    case TokenKind::kFor:
    case TokenKind::kLoop:
    case TokenKind::kMatch:
    case TokenKind::kTry:
    case TokenKind::kThrow:
    case TokenKind::kHashBracket:
    case TokenKind::kHashBangBracket:
      return true;
    default:
      return false;
  }
}

void Parser::Synchronize(uint32_t block_end, size_t statement_start) {
  panic_ = false;
  if (aborted()) return;
  if (pos_ <= statement_start && pos_ != block_end) Advance();
  while (true) {
    if (pos_ == block_end || kind() == TokenKind::kEos) return;
    const Token& t = peek();
    if (t.kind == TokenKind::kSemicolon) {
      Advance();
      return;
    }
    if (t.newline_before && pos_ > statement_start && StartsStatement(t)) return;
    if ((t.kind == TokenKind::kLeftParen || t.kind == TokenKind::kLeftBracket ||
         t.kind == TokenKind::kLeftBrace) &&
        t.partner != kNoPartner && (block_end == kNoPartner || t.partner < block_end)) {
      pos_ = t.partner + 1;
      continue;
    }
    Advance();
  }
}

// ---------------------------------------------------------------------------
// Script, blocks, statements

FunctionLiteral* Parser::ParseScript() {
  SourcePosition start{0, 1, 1};
  FunctionLiteral* script = New<FunctionLiteral>(start);
  script->kind = FunctionKind::kScript;
  Block* body = New<Block>(start);
  ScopedList<Node*> statements(&node_buffer_);
  ParseStatementList(&statements, kNoPartner, /*top_level=*/true);
  body->statements = statements.ToList(zone_);
  script->body = body;
  return script;
}

void Parser::ParseStatementList(ScopedList<Node*>* out, uint32_t block_end, bool top_level) {
  while (!aborted()) {
    while (Accept(TokenKind::kSemicolon)) {
    }
    if (kind() == TokenKind::kEos) break;
    if (kind() == TokenKind::kRightBrace) {
      if (!top_level) break;
      ReportError(peek(), "unexpected '}' with no block to close");
      Advance();
      panic_ = false;
      continue;
    }
    size_t start = pos_;
    ParseStatement(out);
    if (failed()) {
      Synchronize(block_end, start);
      continue;
    }
    // Statements are separated by ';' or a line break (or follow a closing brace).
    TokenKind next = kind();
    semicolon_style_ = next == TokenKind::kSemicolon;
    if (next == TokenKind::kSemicolon || next == TokenKind::kRightBrace ||
        next == TokenKind::kEos || peek().newline_before ||
        tokens_[pos_ - 1].kind == TokenKind::kRightBrace) {
      continue;
    }
    ReportUnexpected("';' or a new line after the statement");
    Synchronize(block_end, start);
  }
}

Block* Parser::ParseBlock() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  SourcePosition start = position();
  uint32_t close = peek().partner;
  if (!Expect(TokenKind::kLeftBrace)) return nullptr;
  bool saved_no_struct = no_struct_literal_;
  int saved_bracket_depth = bracket_depth_;
  bool saved_arm_body = in_arm_body_;
  no_struct_literal_ = false;
  bracket_depth_ = 0;
  in_arm_body_ = false;
  ScopedList<Node*> statements(&node_buffer_);
  ParseStatementList(&statements, close, /*top_level=*/false);
  no_struct_literal_ = saved_no_struct;
  bracket_depth_ = saved_bracket_depth;
  in_arm_body_ = saved_arm_body;
  if (aborted()) {
    panic_ = true;
    return nullptr;
  }
  if (Check(TokenKind::kEos)) {
    ReportError(peek(), "expected '}' to close the block opened at " + std::to_string(start.line) +
                            ":" + std::to_string(start.column) + ", found end of file");
    return nullptr;
  }
  if (!Expect(TokenKind::kRightBrace)) return nullptr;
  Block* block = New<Block>(start);
  block->statements = statements.ToList(zone_);
  return block;
}

void Parser::ParseAttributes(std::vector<const AstString*>* out) {
  while (true) {
    if (Check(TokenKind::kHashBracket) || Check(TokenKind::kHashBangBracket)) {
      bool inner = Check(TokenKind::kHashBangBracket);
      Advance();
      uint32_t content_start = peek().offset;
      while (kind() != TokenKind::kRightBracket && kind() != TokenKind::kEos) {
        const Token& t = peek();
        bool open = t.kind == TokenKind::kLeftParen || t.kind == TokenKind::kLeftBracket ||
                    t.kind == TokenKind::kLeftBrace;
        if (open && t.partner != kNoPartner && t.partner > pos_) {
          pos_ = t.partner + 1;
        } else {
          Advance();
        }
      }
      uint32_t content_end = peek().offset;
      if (!Expect(TokenKind::kRightBracket)) return;
      if (inner) continue;
      std::string_view text(result_->source().data() + content_start, content_end - content_start);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t')) {
        text.remove_suffix(1);
      }
      out->push_back(strings_->Intern(text));
    } else if (Check(TokenKind::kAt) && kind_at(1) == TokenKind::kIdentifier) {
      // Decorators: @name or @name(args).
      uint32_t start = peek().offset;
      Advance();
      Advance();
      uint32_t end = tokens_[pos_ - 1].end;
      if (Check(TokenKind::kLeftParen) && !peek().newline_before && peek().partner != kNoPartner) {
        pos_ = peek().partner;
        end = peek().end;
        Advance();
      }
      out->push_back(
          strings_->Intern(std::string_view(result_->source().data() + start, end - start)));
    } else {
      return;
    }
  }
}

bool Parser::ParseVisibility() {
  if (!Accept(TokenKind::kPub)) return false;
  // pub(crate), pub(super), pub(in path)
  if (Check(TokenKind::kLeftParen) && peek().partner != kNoPartner &&
      (kind_at(1) == TokenKind::kIdentifier || kind_at(1) == TokenKind::kSelf ||
       kind_at(1) == TokenKind::kIn)) {
    pos_ = peek().partner;
    Advance();
  }
  return true;
}

void Parser::ParseStatement(ScopedList<Node*>* out) {
  DepthGuard guard(this);
  if (guard.Exceeded()) return;
  std::vector<const AstString*> attributes;
  if (Check(TokenKind::kHashBracket) || Check(TokenKind::kHashBangBracket) ||
      Check(TokenKind::kAt)) {
    ParseAttributes(&attributes);
    if (failed()) return;
    if (Check(TokenKind::kEos) || Check(TokenKind::kRightBrace)) return;  // inner attributes only
  }
  size_t pub_index = pos_;
  bool is_pub = ParseVisibility();
  Node* node = nullptr;
  auto function_declaration = [&](bool is_async) -> Node* {
    FunctionLiteral* function = ParseFunction(FunctionKind::kFunction, &attributes, is_pub);
    if (function == nullptr) return nullptr;
    function->is_async = is_async;
    if (function->body == nullptr) {
      ReportError(tokens_[pos_ - 1], "a function needs a body");
      return nullptr;
    }
    FunctionDeclaration* declaration = New<FunctionDeclaration>(function->position());
    declaration->function = function;
    return declaration;
  };
  auto is_fn = [](TokenKind k) { return k == TokenKind::kFun || k == TokenKind::kFn; };
  switch (kind()) {
    case TokenKind::kFun:
    case TokenKind::kFn:
      node = kind_at(1) == TokenKind::kIdentifier ? function_declaration(false) : ParseExpression();
      break;
    case TokenKind::kConst:
      if (is_fn(kind_at(1)) || (kind_at(1) == TokenKind::kUnsafe && is_fn(kind_at(2)))) {
        Advance();
        Accept(TokenKind::kUnsafe);
        node = function_declaration(false);
      } else {
        node = ParseLet(LetKind::kConst, is_pub);
      }
      break;
    case TokenKind::kStatic:
      node = ParseLet(LetKind::kStatic, is_pub);
      break;
    case TokenKind::kLet:
      node = ParseLet(LetKind::kLet, is_pub);
      break;
    case TokenKind::kVar:
      node = ParseLet(LetKind::kVar, is_pub);
      break;
    case TokenKind::kStruct:
      node = ParseStruct(&attributes, is_pub);
      break;
    case TokenKind::kEnum:
      node = ParseEnum(&attributes, is_pub);
      break;
    case TokenKind::kImpl:
      node = ParseImpl();
      break;
    case TokenKind::kTrait:
      node = ParseTrait(is_pub);
      break;
    case TokenKind::kClass:
      node = ParseClass(is_pub);
      break;
    case TokenKind::kUse:
      ParseUse(out);
      return;
    case TokenKind::kModule:
      node = ParseModule(is_pub);
      break;
    case TokenKind::kUnsafe:
      if (is_fn(kind_at(1))) {
        Advance();
        node = function_declaration(false);
      } else {
        node = ParseExpression();
      }
      break;
    case TokenKind::kIdentifier: {
      const AstString* word = peek().string;
      if (word == strings_->async_string() && is_fn(kind_at(1))) {
        Advance();
        node = function_declaration(true);
      } else if (word == strings_->type_string() && kind_at(1) == TokenKind::kIdentifier) {
        node = ParseTypeAlias();
      } else if (word == strings_->extern_string() && kind_at(1) == TokenKind::kIdentifier &&
                 peek_at(1).string == strings_->crate_string()) {
        // extern crate name [as alias];  — nothing to do.
        Advance();
        Advance();
        if (IsNameToken(peek())) Advance();
        if (Accept(TokenKind::kAs) && IsNameToken(peek())) Advance();
        return;
      } else {
        node = ParseExpression();
      }
      break;
    }
    default:
      node = ParseExpression();
      break;
  }
  if (node == nullptr || failed()) return;
  if (is_pub && IsExpressionKind(node->kind())) {
    ReportError(tokens_[pub_index], "'pub' is only allowed on items and bindings");
    return;
  }
  out->Add(node);
}

Node* Parser::ParseLet(LetKind let_kind, bool is_pub) {
  SourcePosition start = position();
  Advance();  // let / var / const / static
  if (let_kind == LetKind::kStatic) Accept(TokenKind::kMut);
  Node* pattern = ParsePattern();
  if (pattern == nullptr) return nullptr;
  if (let_kind == LetKind::kVar && pattern->IsIdentifierPattern()) {
    pattern->AsIdentifierPattern()->is_mut = true;
  }
  const AstString* type_hint = nullptr;
  if (Accept(TokenKind::kColon)) {
    type_hint = ParseType().head;
    if (failed()) return nullptr;
  }
  Let* let = New<Let>(start);
  let->type_hint = type_hint;
  let->let_kind = let_kind;
  let->pattern = pattern;
  let->is_pub = is_pub;
  if (Accept(TokenKind::kAssign)) {
    let->value = ParseExpression();
    if (let->value == nullptr) return nullptr;
  } else if (let_kind == LetKind::kConst || let_kind == LetKind::kStatic) {
    ReportUnexpected("'=' and a value for the constant");
    return nullptr;
  }
  if (Check(TokenKind::kElse)) {
    if (let->value == nullptr) {
      ReportError(peek(), "'let ... else' needs a value to match");
      return nullptr;
    }
    Advance();
    let->else_block = ParseBlock();
    if (let->else_block == nullptr) return nullptr;
  }
  if ((let_kind == LetKind::kConst || let_kind == LetKind::kStatic) &&
      !pattern->IsIdentifierPattern()) {
    ReportError(tokens_[pos_ - 1], "a constant must be bound to a name");
    return nullptr;
  }
  if (let->value != nullptr && let->else_block == nullptr &&
      (let_kind == LetKind::kLet || let_kind == LetKind::kVar) && Check(TokenKind::kIn)) {
    // `let x = e in body` (ref §7.1): the binding is visible in `body` only, and the
    // whole is `body`'s value — a block { let x = e; body }.
    Advance();
    Node* body = ParseExpression();
    if (body == nullptr) return nullptr;
    Block* block = New<Block>(start);
    block->statements = CopyToZone(zone_, std::vector<Node*>{let, body});
    return block;
  }
  return let;
}

FunctionLiteral* Parser::ParseFunction(FunctionKind kind, std::vector<const AstString*>* attributes,
                                       bool is_pub) {
  SourcePosition start = position();
  if (!Accept(TokenKind::kFun) && !Accept(TokenKind::kFn)) {
    ReportUnexpected("'fun'");
    return nullptr;
  }
  FunctionLiteral* function = New<FunctionLiteral>(start);
  function->kind = kind;
  function->is_pub = is_pub;
  if (attributes != nullptr) function->attributes = CopyToZone(zone_, *attributes);
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a function name");
    return nullptr;
  }
  function->name = peek().string;
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  ParseParameters(function, /*allow_self=*/true);
  if (failed()) return nullptr;
  if (Accept(TokenKind::kArrow)) {
    ParseType();
    if (failed()) return nullptr;
  }
  if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
  SkipContractClauses();
  if (failed()) return nullptr;
  if (Check(TokenKind::kLeftBrace)) {
    auto saved_labels = std::move(labels_);
    labels_.clear();
    int saved_loop_depth = loop_depth_;
    loop_depth_ = 0;
    function->body = ParseBlock();
    labels_ = std::move(saved_labels);
    loop_depth_ = saved_loop_depth;
    if (function->body == nullptr) return nullptr;
  } else if (!Accept(TokenKind::kSemicolon)) {
    ReportUnexpected("'{' to start the function body");
    return nullptr;
  }
  return function;
}

void Parser::ParseParameters(FunctionLiteral* function, bool allow_self) {
  if (!Expect(TokenKind::kLeftParen)) return;
  std::vector<Parameter> parameters;
  std::vector<const AstString*> ignored_attributes;
  while (!Check(TokenKind::kRightParen)) {
    ParseAttributes(&ignored_attributes);
    if (failed()) return;
    Parameter parameter;
    parameter.position = position();
    // self, mut self, &self, &mut self, &'a self, &'a mut self, self: Type
    size_t ahead = 0;
    SelfKind self_kind = SelfKind::kNone;
    if (allow_self && parameters.empty()) {
      if (kind_at(0) == TokenKind::kBitAnd) {
        ahead = 1;
        if (kind_at(ahead) == TokenKind::kLifetime) ++ahead;
        bool is_mut = kind_at(ahead) == TokenKind::kMut;
        if (is_mut) ++ahead;
        if (kind_at(ahead) == TokenKind::kSelf)
          self_kind = is_mut ? SelfKind::kMutRef : SelfKind::kRef;
      } else if (kind_at(0) == TokenKind::kMut && kind_at(1) == TokenKind::kSelf) {
        ahead = 1;
        self_kind = SelfKind::kValue;
      } else if (kind_at(0) == TokenKind::kSelf) {
        self_kind = SelfKind::kValue;
      }
    }
    if (self_kind != SelfKind::kNone) {
      pos_ += ahead;
      SourcePosition self_position = position();
      Advance();  // self
      if (Accept(TokenKind::kColon)) {
        TypeInfo type = ParseType();
        if (failed()) return;
        if (type.is_mut_ref) self_kind = SelfKind::kMutRef;
      }
      IdentifierPattern* pattern = New<IdentifierPattern>(self_position);
      pattern->name = strings_->self_string();
      parameter.pattern = pattern;
      parameter.is_self = true;
      parameter.is_inout = self_kind == SelfKind::kMutRef;
      function->self_kind = self_kind;
    } else {
      parameter.pattern = ParsePatternNoTopOr();
      if (parameter.pattern == nullptr) return;
      if (Accept(TokenKind::kColon)) {
        TypeInfo type = ParseType();
        if (failed()) return;
        parameter.is_inout = type.is_mut_ref;
      }
      if (Accept(TokenKind::kAssign)) {
        parameter.default_value = ParseTernary();
        if (parameter.default_value == nullptr) return;
      }
    }
    parameters.push_back(parameter);
    if (!Accept(TokenKind::kComma)) break;
  }
  if (!Expect(TokenKind::kRightParen)) return;
  function->parameters = CopyToZone(zone_, parameters);
}

void Parser::SkipContractClauses() {
  while (CheckContextual(strings_->requires_string()) ||
         CheckContextual(strings_->ensures_string()) ||
         CheckContextual(strings_->invariant_string()) ||
         CheckContextual(strings_->decreases_string())) {
    Advance();
    if (ParseExpressionNoStruct() == nullptr) return;
    Accept(TokenKind::kComma);
  }
}

}  // namespace ruchy::internal::parser
