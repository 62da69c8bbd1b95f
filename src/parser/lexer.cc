// The Ruchy lexer. Notable rules (reference notes §3): `#` starts a comment unless it
// begins `#[` or `#![`; block comments nest; `'x'` is a one-character string, `'abc'`
// a single-quoted string and `'name` a loop label; after a `.` token a number is lexed
// as digits only (so `t.0.1` is two tuple indexes); f-strings are split into parts with
// the interpolated expressions lexed as ordinary tokens in between.
#include "src/parser/lexer.h"

#include "src/parser/lexer-inl.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace ruchy::internal::parser {

Lexer::Lexer(std::string_view source, AstStringTable* strings, ErrorReporter* errors)
    : source_(source), strings_(strings), errors_(errors) {}

SourcePosition Lexer::PositionAt(size_t offset) {
  if (column_line_start_ != line_start_ || offset < column_offset_) {
    column_line_start_ = line_start_;
    column_offset_ = line_start_;
    column_ = 1;
  }
  column_ += CountColumns(source_.data() + column_offset_, source_.data() + offset);
  column_offset_ = offset;
  return SourcePosition{static_cast<uint32_t>(offset), line_, column_};
}

void Lexer::Error(SourcePosition position, std::string message) {
  errors_->Report(position, std::move(message));
}

Token& Lexer::Emit(TokenKind kind, SourcePosition start) {
  Token token;
  token.kind = kind;
  token.newline_before = newline_before_;
  token.offset = start.offset;
  token.end = static_cast<uint32_t>(pos_);
  token.line = start.line;
  token.column = start.column;
  token.partner = kNoPartner;
  token.int_value = 0;
  newline_before_ = false;
  tokens_->push_back(token);
  return tokens_->back();
}

Token& Lexer::EmitString(TokenKind kind, SourcePosition start) {
  Token& token = Emit(kind, start);
  token.string = strings_->Intern(buffer_);
  return token;
}

void Lexer::Tokenize(std::vector<Token>* tokens) {
  CHECK_LT(source_.size(), static_cast<size_t>(UINT32_MAX));
  tokens_ = tokens;
  // About one token per three bytes of typical source; growing the vector later costs
  // copies of everything lexed so far.
  tokens->reserve(tokens->size() + source_.size() / 3 + 16);
  if (source_.substr(0, 3) == "\xEF\xBB\xBF") {  // byte-order mark
    pos_ = 3;
    line_start_ = 3;
  }
  while (true) {
    if (SkipTrivia()) newline_before_ = true;
    if (AtEnd()) break;
    token_start_ = PositionAt(pos_);
    LexToken();
  }
  if (!templates_.empty()) {
    Error(templates_.front().start, "unterminated f-string");
    templates_.clear();
    token_start_ = PositionAt(pos_);
    Emit(TokenKind::kIllegal, token_start_);
  }
  token_start_ = PositionAt(pos_);
  Emit(TokenKind::kEos, token_start_);
  MatchBrackets();
}

bool Lexer::SkipTrivia() {
  bool newline = false;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++pos_;
    } else if (c == '\n') {
      NewLine(pos_);
      ++pos_;
      newline = true;
    } else if (c == '/' && Peek(1) == '/') {
      const void* nl = std::memchr(source_.data() + pos_, '\n', source_.size() - pos_);
      pos_ = nl ? static_cast<const char*>(nl) - source_.data() : source_.size();
    } else if (c == '/' && Peek(1) == '*') {
      uint32_t line = line_;
      SkipBlockComment();
      if (line_ != line) newline = true;
    } else if (c == '#' && Peek(1) != '[' && !(Peek(1) == '!' && Peek(2) == '[')) {
      const void* nl = std::memchr(source_.data() + pos_, '\n', source_.size() - pos_);
      pos_ = nl ? static_cast<const char*>(nl) - source_.data() : source_.size();
    } else {
      break;
    }
  }
  return newline;
}

void Lexer::SkipBlockComment() {
  SourcePosition start = PositionAt(pos_);
  pos_ += 2;
  uint64_t depth = 1;
  while (!AtEnd()) {
    char c = source_[pos_];
    if (c == '*' && Peek(1) == '/') {
      pos_ += 2;
      if (--depth == 0) return;
    } else if (c == '/' && Peek(1) == '*') {
      pos_ += 2;
      ++depth;
    } else {
      if (c == '\n') NewLine(pos_);
      ++pos_;
    }
  }
  Error(start, "unterminated block comment");
}

void Lexer::LexToken() {
  char c = source_[pos_];
  if (IsIdentifierStart(c)) return LexIdentifierOrKeyword();
  if (IsDigit(c)) return LexNumber();
  TemplateFrame* frame = templates_.empty() ? nullptr : &templates_.back();
  switch (c) {
    case '"':
      return LexString(/*raw=*/false, 0);
    case '\'':
      return LexQuote();
    case '(':
    case '[':
    case '{':
      ++pos_;
      if (frame) ++frame->depth;
      Emit(c == '('   ? TokenKind::kLeftParen
           : c == '[' ? TokenKind::kLeftBracket
                      : TokenKind::kLeftBrace,
           token_start_);
      return;
    case ')':
    case ']':
    case '}':
      ++pos_;
      if (frame && frame->depth == 0 && c == '}') return LexTemplateText(/*is_head=*/false);
      if (frame && frame->depth > 0) --frame->depth;
      Emit(c == ')'   ? TokenKind::kRightParen
           : c == ']' ? TokenKind::kRightBracket
                      : TokenKind::kRightBrace,
           token_start_);
      return;
    case ':':
      if (frame && frame->depth == 0 && Peek(1) != ':') return LexTemplateSpec();
      break;
    default:
      break;
  }
  LexOperator();
}

void Lexer::LexIdentifierOrKeyword() {
  char c = source_[pos_];
  char next = Peek(1);
  if (c == 'f' && next == '"') {
    templates_.push_back(TemplateFrame{0, token_start_});
    pos_ += 2;
    return LexTemplateText(/*is_head=*/true);
  }
  if (c == 'r' && next == '"') {
    ++pos_;
    return LexString(/*raw=*/true, 0);
  }
  if (c == 'r' && next == '#') {
    size_t p = pos_ + 1;
    uint32_t hashes = 0;
    while (p < source_.size() && source_[p] == '#') ++p, ++hashes;
    if (p < source_.size() && source_[p] == '"') {
      pos_ = p;
      return LexString(/*raw=*/true, hashes);
    }
    if (hashes == 1 && p < source_.size() && IsIdentifierStart(source_[p])) {
      // Raw identifier r#name: never a keyword.
      size_t start = p;
      while (p < source_.size() && IsIdentifierPart(source_[p])) ++p;
      pos_ = p;
      Emit(TokenKind::kIdentifier, token_start_).string =
          strings_->Intern(source_.substr(start, p - start));
      return;
    }
  }
  if (c == 'b' && next == '\'') return LexByteLiteral();
  if (c == 'b' && next == '"') {
    ++pos_;
    return LexString(/*raw=*/false, 0);
  }
  if (c == 'b' && next == 'r' && Peek(2) == '"') {
    pos_ += 2;
    return LexString(/*raw=*/true, 0);
  }
  size_t start = pos_;
  while (pos_ < source_.size() && IsIdentifierPart(source_[pos_])) ++pos_;
  const AstString* name = strings_->Intern(source_.substr(start, pos_ - start));
  Emit(name->token(), token_start_).string = name;
}

void Lexer::LexOperator() {
  char c = source_[pos_];
  char c1 = Peek(1);
  char c2 = Peek(2);
  TokenKind kind;
  int length = 1;
  switch (c) {
    case ',':
      kind = TokenKind::kComma;
      break;
    case ';':
      kind = TokenKind::kSemicolon;
      break;
    case ':':
      if (c1 == ':')
        kind = TokenKind::kColonColon, length = 2;
      else
        kind = TokenKind::kColon;
      break;
    case '.':
      if (c1 == '.' && c2 == '=')
        kind = TokenKind::kDotDotEq, length = 3;
      else if (c1 == '.' && c2 == '.')
        kind = TokenKind::kEllipsis, length = 3;
      else if (c1 == '.')
        kind = TokenKind::kDotDot, length = 2;
      else
        kind = TokenKind::kDot;
      break;
    case '-':
      if (c1 == '>')
        kind = TokenKind::kArrow, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignSub, length = 2;
      else
        kind = TokenKind::kSub;
      break;
    case '=':
      if (c1 == '=')
        kind = TokenKind::kEq, length = 2;
      else if (c1 == '>')
        kind = TokenKind::kFatArrow, length = 2;
      else
        kind = TokenKind::kAssign;
      break;
    case '?':
      // `x?.f()` is the try operator followed by a member access, as in Rust.
      if (c1 == '?')
        kind = TokenKind::kQuestionQuestion, length = 2;
      else
        kind = TokenKind::kQuestion;
      break;
    case '#':
      if (c1 == '[')
        kind = TokenKind::kHashBracket, length = 2;
      else
        kind = TokenKind::kHashBangBracket, length = 3;  // SkipTrivia left only these
      break;
    case '@': {
      // `@outer: loop` and `break @outer` spell a label like 'outer (ref §7.4): an
      // identifier right after the @, then a single ':' or a preceding break/continue.
      // Otherwise @ is a binding (`n @ 1..=9`) or a decorator (`@memoize`).
      if (IsIdentifierStart(c1)) {
        size_t end = pos_ + 1;
        while (end < source_.size() && IsIdentifierPart(source_[end])) ++end;
        bool before_colon = end < source_.size() && source_[end] == ':' &&
                            (end + 1 >= source_.size() || source_[end + 1] != ':');
        bool after_jump = !tokens_->empty() && (tokens_->back().kind == TokenKind::kBreak ||
                                                tokens_->back().kind == TokenKind::kContinue);
        if (before_colon || after_jump) {
          const AstString* label = strings_->Intern(source_.substr(pos_ + 1, end - pos_ - 1));
          pos_ = end;
          Emit(TokenKind::kLifetime, token_start_).string = label;
          return;
        }
      }
      kind = TokenKind::kAt;
      break;
    }
    case '~':
      kind = TokenKind::kTilde;
      break;
    case '!':
      if (c1 == '=')
        kind = TokenKind::kNe, length = 2;
      else
        kind = TokenKind::kBang;
      break;
    case '+':
      if (c1 == '=')
        kind = TokenKind::kAssignAdd, length = 2;
      else
        kind = TokenKind::kAdd;
      break;
    case '*':
      if (c1 == '*' && c2 == '=')
        kind = TokenKind::kAssignExp, length = 3;
      else if (c1 == '*')
        kind = TokenKind::kExp, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignMul, length = 2;
      else
        kind = TokenKind::kMul;
      break;
    case '/':
      if (c1 == '=')
        kind = TokenKind::kAssignDiv, length = 2;
      else
        kind = TokenKind::kDiv;
      break;
    case '%':
      if (c1 == '=')
        kind = TokenKind::kAssignMod, length = 2;
      else
        kind = TokenKind::kMod;
      break;
    case '&':
      if (c1 == '&')
        kind = TokenKind::kAnd, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignBitAnd, length = 2;
      else
        kind = TokenKind::kBitAnd;
      break;
    case '|':
      if (c1 == '|')
        kind = TokenKind::kOr, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kAssignBitOr, length = 2;
      else if (c1 == '>')
        kind = TokenKind::kPipeline, length = 2;
      else
        kind = TokenKind::kBitOr;
      break;
    case '^':
      if (c1 == '=')
        kind = TokenKind::kAssignBitXor, length = 2;
      else
        kind = TokenKind::kBitXor;
      break;
    case '<':
      if (c1 == '<' && c2 == '=')
        kind = TokenKind::kAssignShl, length = 3;
      else if (c1 == '<')
        kind = TokenKind::kShl, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kLe, length = 2;
      else
        kind = TokenKind::kLt;
      break;
    case '>':
      if (c1 == '>' && c2 == '=')
        kind = TokenKind::kAssignShr, length = 3;
      else if (c1 == '>')
        kind = TokenKind::kShr, length = 2;
      else if (c1 == '=')
        kind = TokenKind::kGe, length = 2;
      else
        kind = TokenKind::kGt;
      break;
    default:
      return LexUnexpected();
  }
  pos_ += length;
  Emit(kind, token_start_);
}

void Lexer::LexUnexpected() {
  unsigned char c = static_cast<unsigned char>(source_[pos_]);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(source_.data()) + pos_;
  const unsigned char* end =
      reinterpret_cast<const unsigned char*>(source_.data()) + source_.size();
  std::string message;
  if (c == 0) {
    message = "unexpected NUL byte";
    ++pos_;
  } else if (c < 0x80) {
    char text[48];
    if (c < 0x20 || c == 0x7F) {
      std::snprintf(text, sizeof(text), "unexpected control character 0x%02X", c);
    } else {
      std::snprintf(text, sizeof(text), "unexpected character '%c'", c);
    }
    message = text;
    ++pos_;
  } else {
    uint32_t code_point;
    size_t length = DecodeUtf8(p, end, &code_point);
    char text[64];
    if (length == 0) {
      std::snprintf(text, sizeof(text), "invalid UTF-8 byte 0x%02X", c);
      message = text;
      ++pos_;
    } else {
      std::snprintf(text, sizeof(text), " (U+%04X)", code_point);
      message = "unexpected character '" + std::string(source_.substr(pos_, length)) + "'" + text;
      pos_ += length;
    }
  }
  // One report for a run of unusable bytes.
  while (!AtEnd()) {
    unsigned char d = static_cast<unsigned char>(source_[pos_]);
    if (d >= 0x80 || d == 0 || d == '$' || d == '`' || d == '\\' ||
        (d < 0x20 && d != '\n' && d != '\t' && d != '\r')) {
      ++pos_;
    } else {
      break;
    }
  }
  Error(token_start_, message);
  Emit(TokenKind::kIllegal, token_start_);
}

void Lexer::MatchBrackets() {
  // A closing bracket pairs with the nearest open one of its kind among the top few
  // entries of the stack; anything above that is left unbalanced. The search is
  // bounded so hostile input stays linear.
  constexpr size_t kSearchLimit = 16;
  std::vector<uint32_t> stack;
  std::vector<Token>& tokens = *tokens_;
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    TokenKind kind = tokens[i].kind;
    if (IsOpenBracket(kind)) {
      stack.push_back(i);
    } else if (kind == TokenKind::kRightParen || kind == TokenKind::kRightBracket ||
               kind == TokenKind::kRightBrace) {
      for (size_t depth = 0; depth < kSearchLimit && depth < stack.size(); ++depth) {
        uint32_t open = stack[stack.size() - 1 - depth];
        if (ClosingOf(tokens[open].kind) == kind) {
          tokens[open].partner = i;
          tokens[i].partner = open;
          stack.resize(stack.size() - 1 - depth);
          break;
        }
      }
    }
  }
}

}  // namespace ruchy::internal::parser
