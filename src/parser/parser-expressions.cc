// Expression parsing: precedence climbing over the reference notes' table (§6.1),
// postfix chains, literals, closures in both syntaxes, macros, f-strings and the
// control-flow expressions (if, match, loops, try, return/break/continue/throw).
#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {

namespace {

bool IsUppercaseName(const AstString* name) {
  return name->length() > 0 && name->chars()[0] >= 'A' && name->chars()[0] <= 'Z';
}

// Tokens that continue an operand with higher precedence than a unary operator.
bool IsPostfixOrCast(TokenKind k) {
  return k == TokenKind::kDot || k == TokenKind::kLeftParen || k == TokenKind::kLeftBracket ||
         k == TokenKind::kQuestion || k == TokenKind::kColonColon || k == TokenKind::kAs;
}

}  // namespace

bool Parser::CanStartExpression(const Token& t) const {
  switch (t.kind) {
    case TokenKind::kIdentifier:
    case TokenKind::kLifetime:
    case TokenKind::kInteger:
    case TokenKind::kFloat:
    case TokenKind::kString:
    case TokenKind::kChar:
    case TokenKind::kTemplateHead:
    case TokenKind::kLeftParen:
    case TokenKind::kLeftBracket:
    case TokenKind::kLeftBrace:
    case TokenKind::kBitOr:
    case TokenKind::kOr:
    case TokenKind::kSub:
    case TokenKind::kAdd:
    case TokenKind::kBang:
    case TokenKind::kTilde:
    case TokenKind::kBitAnd:
    case TokenKind::kAnd:
    case TokenKind::kMul:
    case TokenKind::kDotDot:
    case TokenKind::kDotDotEq:
    case TokenKind::kColonColon:
    case TokenKind::kIf:
    case TokenKind::kMatch:
    case TokenKind::kWhile:
    case TokenKind::kLoop:
    case TokenKind::kFor:
    case TokenKind::kReturn:
    case TokenKind::kBreak:
    case TokenKind::kContinue:
    case TokenKind::kThrow:
    case TokenKind::kTry:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNil:
    case TokenKind::kNull:
    case TokenKind::kSelf:
    case TokenKind::kFun:
    case TokenKind::kFn:
    case TokenKind::kUnsafe:
      return true;
    default:
      return false;
  }
}

Node* Parser::ParseExpression() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  Node* target = ParseTernary();
  if (target == nullptr) return nullptr;
  if (!IsAssignmentOp(kind())) return target;
  const Token& op = peek();
  if (!IsValidAssignmentTarget(target, op.kind != TokenKind::kAssign)) {
    ReportError(op, std::string("invalid left-hand side of '") + TokenText(op.kind) + "'");
    return nullptr;
  }
  Advance();
  Node* value = ParseExpression();  // right-associative
  if (value == nullptr) return nullptr;
  Assign* assign = New<Assign>(PositionOf(op));
  assign->op = op.kind;
  assign->target = target;
  assign->value = value;
  return assign;
}

Node* Parser::ParseExpressionNoStruct() {
  bool saved = no_struct_literal_;
  no_struct_literal_ = true;
  Node* result = ParseExpression();
  no_struct_literal_ = saved;
  return result;
}

bool Parser::IsValidAssignmentTarget(Node* target, bool compound) const {
  switch (target->kind()) {
    case NodeKind::kIdentifier:
    case NodeKind::kMember:
    case NodeKind::kIndex:
      return true;
    case NodeKind::kUnary:
      return target->AsUnary()->op == TokenKind::kMul;
    case NodeKind::kTupleLiteral:
      if (compound) return false;
      for (Node* element : target->AsTupleLiteral()->elements) {
        if (!IsValidAssignmentTarget(element, false)) return false;
      }
      return true;
    case NodeKind::kArrayLiteral:
      if (compound) return false;
      for (Node* element : target->AsArrayLiteral()->elements) {
        if (!IsValidAssignmentTarget(element, false)) return false;
      }
      return true;
    default:
      return false;
  }
}

Node* Parser::ParseTernary() {
  Node* condition = ParseBinary(1);
  if (condition == nullptr || !Check(TokenKind::kQuestion)) return condition;
  // ParsePostfix leaves a `?` only when it starts a conditional expression.
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  const Token& question = peek();
  Advance();
  Node* then_value = ParseTernary();
  if (then_value == nullptr) return nullptr;
  if (!Expect(TokenKind::kColon)) return nullptr;
  Node* else_value = ParseTernary();
  if (else_value == nullptr) return nullptr;
  Conditional* node = New<Conditional>(PositionOf(question));
  node->condition = condition;
  node->then_value = then_value;
  node->else_value = else_value;
  return node;
}

bool Parser::CanStartRangeEnd() const {
  const Token& t = peek();
  if (t.newline_before || !CanStartExpression(t)) return false;
  return !(t.kind == TokenKind::kLeftBrace && no_struct_literal_);
}

Node* Parser::ParseBinary(int min_precedence) {
  Node* left = nullptr;
  ChainDepth chain(this);
  auto parse_range = [&](Node* from) -> Node* {
    const Token& op = peek();
    Advance();
    Range* range = New<Range>(PositionOf(op));
    range->from = from;
    range->inclusive = op.kind == TokenKind::kDotDotEq;
    if (CanStartRangeEnd()) {
      range->to = ParseBinary(kPrecedenceRange + 1);
      if (range->to == nullptr) return nullptr;
    } else if (range->inclusive) {
      ReportUnexpected("the end of the inclusive range");
      return nullptr;
    }
    return range;
  };
  bool is_range_op = Check(TokenKind::kDotDot) || Check(TokenKind::kDotDotEq);
  if (is_range_op && min_precedence <= kPrecedenceRange) {
    left = parse_range(nullptr);
  } else {
    left = ParseUnary();
  }
  while (left != nullptr) {
    TokenKind k = kind();
    if (in_arm_body_ && bracket_depth_ == 0 && peek().newline_before) break;
    if ((k == TokenKind::kDotDot || k == TokenKind::kDotDotEq) &&
        min_precedence <= kPrecedenceRange) {
      if (!chain.AddLink()) return nullptr;
      left = parse_range(left);
      continue;
    }
    int precedence = BinaryPrecedence(k);
    if (precedence == 0 || precedence < min_precedence) break;
    if ((k == TokenKind::kOr || k == TokenKind::kBitOr || k == TokenKind::kMul) &&
        peek().newline_before && bracket_depth_ == 0 && !no_struct_literal_ && !semicolon_style_) {
      break;  // `|| { count += 1 }` or `*count += 1` on the next line
    }
    if (!chain.AddLink()) return nullptr;
    const Token& op = peek();
    Advance();
    Node* right = ParseBinary(precedence + 1);  // every level is left-associative, ** too
    if (right == nullptr) return nullptr;
    Binary* binary = New<Binary>(PositionOf(op));
    binary->op = k;
    binary->left = left;
    binary->right = right;
    left = binary;
  }
  return left;
}

Node* Parser::ParseIntegerLiteral(bool negated) {
  const Token& t = peek();
  uint64_t magnitude = t.int_value;
  if (magnitude > (negated ? uint64_t{1} << 63 : uint64_t{INT64_MAX})) {
    ReportError(t, "integer literal is too large");
    return nullptr;
  }
  Advance();
  IntLiteral* literal = New<IntLiteral>(PositionOf(t));
  literal->value = negated ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return literal;
}

Node* Parser::ParseUnary() {
  TokenKind k = kind();
  switch (k) {
    case TokenKind::kSub:
    case TokenKind::kAdd:
    case TokenKind::kBang:
    case TokenKind::kTilde:
    case TokenKind::kMul:
    case TokenKind::kBitAnd:
    case TokenKind::kAnd: {
      DepthGuard guard(this);
      if (guard.Exceeded()) return nullptr;
      const Token& op = peek();
      SourcePosition position = PositionOf(op);
      Advance();
      if (k == TokenKind::kSub && Check(TokenKind::kInteger)) {
        // -literal is a literal; it is also the only way to write i64::MIN.
        bool is_min = peek().int_value == uint64_t{1} << 63;
        if (is_min || !IsPostfixOrCast(kind_at(1))) {
          Node* literal = ParseIntegerLiteral(/*negated=*/true);
          if (literal == nullptr) return nullptr;
          literal->set_position(position);
          if (!is_min) return literal;
          Node* postfix = ParsePostfix(literal);
          return postfix;
        }
      }
      if (k == TokenKind::kSub && Check(TokenKind::kFloat) && !IsPostfixOrCast(kind_at(1))) {
        FloatLiteral* literal = New<FloatLiteral>(position);
        literal->value = -peek().float_value;
        Advance();
        return literal;
      }
      bool is_mut = false;
      if (k == TokenKind::kBitAnd || k == TokenKind::kAnd) is_mut = Accept(TokenKind::kMut);
      Node* operand = ParseUnary();
      if (operand == nullptr) return nullptr;
      Unary* unary = New<Unary>(position);
      unary->op = k == TokenKind::kAnd ? TokenKind::kBitAnd : k;
      unary->is_mut_ref = is_mut;
      unary->operand = operand;
      if (k == TokenKind::kAnd) {  // `&&x` is a reference to a reference
        Unary* outer = New<Unary>(position);
        outer->op = TokenKind::kBitAnd;
        outer->operand = unary;
        return outer;
      }
      return unary;
    }
    default:
      return ParseCast();
  }
}

Node* Parser::ParseCast() {
  Node* primary = ParsePrimary();
  if (primary == nullptr) return nullptr;
  Node* expression = ParsePostfix(primary);
  if (expression == nullptr) return nullptr;
  ChainDepth chain(this);
  while (Check(TokenKind::kAs)) {
    if (!chain.AddLink()) return nullptr;
    SourcePosition position = this->position();
    Advance();
    TypeInfo type = ParseType(/*in_cast=*/true);
    if (failed()) return nullptr;
    if (type.head == nullptr) {
      ReportError(tokens_[pos_ - 1], "expected a type name after 'as'");
      return nullptr;
    }
    Cast* cast = New<Cast>(position);
    cast->operand = expression;
    cast->type_name = type.head;
    expression = cast;
  }
  return expression;
}

bool Parser::IsTernaryQuestion() const {
  const Token& next = peek_at(1);
  // `x?` at the end of a line is the try operator.
  if (next.newline_before || !CanStartExpression(next)) return false;
  if (next.kind == TokenKind::kLeftBrace && no_struct_literal_) return false;
  // A conditional needs its ':' before the line, the statement or the enclosing
  // bracket ends (a ':' may start the next line); the scan is bounded so long inputs
  // stay linear.
  size_t i = pos_ + 1;
  for (int budget = 256; budget > 0 && i < tokens_.size(); --budget) {
    const Token& t = tokens_[i];
    if (t.newline_before && t.kind != TokenKind::kColon) return false;
    switch (t.kind) {
      case TokenKind::kColon:
        return true;
      case TokenKind::kLeftParen:
      case TokenKind::kLeftBracket:
      case TokenKind::kLeftBrace:
        if (t.partner == kNoPartner || t.partner < i) return false;
        i = t.partner + 1;
        continue;
      case TokenKind::kSemicolon:
      case TokenKind::kRightParen:
      case TokenKind::kRightBracket:
      case TokenKind::kRightBrace:
      case TokenKind::kComma:
      case TokenKind::kFatArrow:
      case TokenKind::kEos:
      case TokenKind::kTemplateSpec:
      case TokenKind::kTemplateMiddle:
      case TokenKind::kTemplateTail:
        return false;
      default:
        break;
    }
    ++i;
  }
  return false;
}

Node* Parser::ParsePostfix(Node* expression) {
  ChainDepth chain(this);
  while (true) {
    const Token& t = peek();
    switch (t.kind) {
      case TokenKind::kLeftParen: {
        // `(` on a new line starts a new statement rather than a call.
        if (t.newline_before) return expression;
        if (!chain.AddLink()) return nullptr;
        Call* call = New<Call>(PositionOf(t));
        call->callee = expression;
        if (!ParseArguments(&call->arguments)) return nullptr;
        if (expression->IsIdentifier()) {
          std::string_view name = expression->AsIdentifier()->name->view();
          if (name == "println" || name == "print" || name == "eprintln" || name == "eprint" ||
              name == "format") {
            call->format_reads = CollectFormatReads(call->arguments, 0);
          }
        }
        expression = call;
        continue;
      }
      case TokenKind::kLeftBracket: {
        if (t.newline_before) return expression;
        if (!chain.AddLink()) return nullptr;
        Advance();
        bool saved = no_struct_literal_;
        no_struct_literal_ = false;
        ++bracket_depth_;
        Node* index = ParseExpression();
        --bracket_depth_;
        no_struct_literal_ = saved;
        if (index == nullptr || !Expect(TokenKind::kRightBracket)) return nullptr;
        Index* node = New<Index>(PositionOf(t));
        node->object = expression;
        node->index = index;
        expression = node;
        continue;
      }
      case TokenKind::kDot: {
        if (!chain.AddLink()) return nullptr;
        Advance();
        const Token& name = peek();
        if (name.kind == TokenKind::kInteger) {
          if (name.int_value > uint64_t{INT32_MAX}) {
            ReportError(name, "tuple index is too large");
            return nullptr;
          }
          Advance();
          Member* member = New<Member>(PositionOf(name));
          member->object = expression;
          member->tuple_index = static_cast<int64_t>(name.int_value);
          expression = member;
          continue;
        }
        if (!IsNameToken(name)) {
          ReportUnexpected("a field or method name after '.'");
          return nullptr;
        }
        const AstString* field = NameOf(name);
        Advance();
        if (field == strings_->await_string()) continue;  // runs synchronously
        bool turbofish = false;
        if (Check(TokenKind::kColonColon) && kind_at(1) == TokenKind::kLt) {
          Advance();
          if (!ParseGenericArgs()) return nullptr;
          turbofish = true;
        }
        if (Check(TokenKind::kLeftParen) && !peek().newline_before) {
          MethodCall* call = New<MethodCall>(PositionOf(name));
          call->receiver = expression;
          call->name = field;
          if (!ParseArguments(&call->arguments)) return nullptr;
          expression = call;
          continue;
        }
        if (turbofish) {
          ReportUnexpected("'(' after the generic arguments");
          return nullptr;
        }
        Member* member = New<Member>(PositionOf(name));
        member->object = expression;
        member->name = field;
        expression = member;
        continue;
      }
      case TokenKind::kQuestion: {
        if (IsTernaryQuestion()) return expression;
        if (!chain.AddLink()) return nullptr;
        Advance();
        TryOp* op = New<TryOp>(PositionOf(t));
        op->operand = expression;
        expression = op;
        continue;
      }
      default:
        return expression;
    }
  }
}

bool Parser::ParseArguments(NodeList<Argument>* arguments) {
  Advance();  // (
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  ++bracket_depth_;
  ScopedList<Argument> list(&argument_buffer_);
  bool ok = true;
  while (!Check(TokenKind::kRightParen)) {
    Argument argument;
    if (Check(TokenKind::kIdentifier) && kind_at(1) == TokenKind::kAssign) {
      argument.name = peek().string;
      Advance();
      Advance();
    }
    argument.value = ParseExpression();
    if (argument.value == nullptr) {
      ok = false;
      break;
    }
    list.Add(argument);
    if (!Accept(TokenKind::kComma)) break;
  }
  --bracket_depth_;
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (!ok || !Expect(TokenKind::kRightParen)) return false;
  *arguments = list.ToList(zone_);
  return true;
}

FormatReads Parser::CollectFormatReads(const NodeList<Argument>& arguments, uint32_t format_index) {
  if (format_index >= arguments.size() || !arguments[format_index].value->IsStringLiteral()) {
    return FormatReads();
  }
  const StringLiteral* format = arguments[format_index].value->AsStringLiteral();
  std::string_view text = format->value->view();
  std::vector<Identifier*> reads;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;  // {{ is a literal brace
      continue;
    }
    size_t start = i + 1;
    size_t end = start;
    auto is_start = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    auto is_part = [&](char c) { return is_start(c) || (c >= '0' && c <= '9'); };
    if (end >= text.size() || !is_start(text[end])) continue;
    while (end < text.size() && is_part(text[end])) ++end;
    if (end >= text.size() || (text[end] != '}' && text[end] != ':')) continue;
    const AstString* name = strings_->Intern(text.substr(start, end - start));
    bool named_argument = false;
    for (const Argument& argument : arguments) named_argument |= argument.name == name;
    bool seen = false;
    for (Identifier* read : reads) seen |= read->name == name;
    if (named_argument || seen || name == strings_->underscore_string()) continue;
    reads.push_back(NewIdentifier(name, format->position()));
    i = end;
  }
  return CopyToZone(zone_, reads);
}

Node* Parser::ParsePrimary() {
  const Token& t = peek();
  SourcePosition position = PositionOf(t);
  switch (t.kind) {
    case TokenKind::kInteger:
      return ParseIntegerLiteral(/*negated=*/false);
    case TokenKind::kFloat: {
      FloatLiteral* literal = New<FloatLiteral>(position);
      literal->value = t.float_value;
      Advance();
      return literal;
    }
    case TokenKind::kString:
    case TokenKind::kChar: {
      StringLiteral* literal = New<StringLiteral>(position);
      literal->value = t.string;
      literal->is_char = t.kind == TokenKind::kChar;
      Advance();
      return literal;
    }
    case TokenKind::kTrue:
    case TokenKind::kFalse: {
      BoolLiteral* literal = New<BoolLiteral>(position);
      literal->value = t.kind == TokenKind::kTrue;
      Advance();
      return literal;
    }
    case TokenKind::kNil:
    case TokenKind::kNull:
      Advance();
      return New<NilLiteral>(position);
    case TokenKind::kTemplateHead:
      return ParseFString();
    case TokenKind::kIdentifier:
      return ParseIdentifierExpression();
    case TokenKind::kSelf: {
      Advance();
      Identifier* self = NewIdentifier(strings_->self_string(), position);
      if (Check(TokenKind::kColonColon)) return ParsePathRest(self);
      return self;
    }
    case TokenKind::kColonColon:
      // A path from the crate root, ::std::mem::swap.
      Advance();
      if (!Check(TokenKind::kIdentifier)) {
        ReportUnexpected("a path after '::'");
        return nullptr;
      }
      return ParseIdentifierExpression();
    case TokenKind::kLeftParen:
      return ParseParenthesized();
    case TokenKind::kLeftBracket:
      return ParseArrayLiteral();
    case TokenKind::kLeftBrace:
      return ParseBraceExpression();
    case TokenKind::kBitOr:
    case TokenKind::kOr:
      return ParseClosure();
    case TokenKind::kIf:
      return ParseIf();
    case TokenKind::kMatch:
      return ParseMatch();
    case TokenKind::kWhile:
      return ParseWhile(nullptr);
    case TokenKind::kLoop:
      return ParseLoop(nullptr);
    case TokenKind::kFor:
      return ParseFor(nullptr);
    case TokenKind::kLifetime:
      return ParseLabelled();
    case TokenKind::kTry:
      return ParseTryCatch();
    case TokenKind::kUnsafe:
      Advance();
      return ParseBlock();
    case TokenKind::kReturn:
      return ParseReturn();
    case TokenKind::kBreak:
      return ParseBreak();
    case TokenKind::kContinue:
      return ParseContinue();
    case TokenKind::kThrow: {
      Advance();
      Node* value = ParseExpression();
      if (value == nullptr) return nullptr;
      Throw* node = New<Throw>(position);
      node->value = value;
      return node;
    }
    case TokenKind::kFun:
    case TokenKind::kFn:
      return ParseAnonymousFunction();
    default:
      ReportUnexpected("an expression");
      return nullptr;
  }
}

Node* Parser::ParseIdentifierExpression() {
  const Token& t = peek();
  const AstString* name = t.string;
  TokenKind next = kind_at(1);
  if (name == strings_->move_string() && (next == TokenKind::kBitOr || next == TokenKind::kOr)) {
    Advance();
    return ParseClosure();
  }
  if (name == strings_->async_string() &&
      (next == TokenKind::kLeftBrace || next == TokenKind::kBitOr || next == TokenKind::kOr ||
       (next == TokenKind::kIdentifier && peek_at(1).string == strings_->move_string()))) {
    Advance();  // async blocks and closures run synchronously
    if (CheckContextual(strings_->move_string()) && kind_at(1) == TokenKind::kLeftBrace) Advance();
    return ParsePrimary();
  }
  if (next == TokenKind::kFatArrow && !in_match_guard_) return ParseArrowClosure();
  if (next == TokenKind::kBang && name->view() == "macro_rules") {
    ReportError(t, "macro definitions (macro_rules!) are not supported");
    return nullptr;
  }
  if (next == TokenKind::kBang && peek_at(1).offset == t.end &&
      (kind_at(2) == TokenKind::kLeftParen || kind_at(2) == TokenKind::kLeftBracket ||
       kind_at(2) == TokenKind::kLeftBrace)) {
    return ParseMacroCall();
  }
  Advance();
  Identifier* identifier = NewIdentifier(name, PositionOf(t));
  Node* node = identifier;
  const AstString* last = name;
  if (Check(TokenKind::kColonColon)) {
    node = ParsePathRest(identifier);
    if (node == nullptr) return nullptr;
    if (node->IsPath()) last = node->AsPath()->segments.back();
  }
  if (Check(TokenKind::kLeftBrace) && !no_struct_literal_ && IsStructLiteralStart(last)) {
    return ParseStructLiteral(node);
  }
  return node;
}

Node* Parser::ParsePathRest(Identifier* root) {
  std::vector<const AstString*> segments;
  while (Check(TokenKind::kColonColon)) {
    Advance();
    if (Check(TokenKind::kLt)) {  // turbofish: Vec::<i32>::new
      if (!ParseGenericArgs()) return nullptr;
      continue;
    }
    if (!IsNameToken(peek())) {
      ReportUnexpected("a name after '::'");
      return nullptr;
    }
    segments.push_back(NameOf(peek()));
    Advance();
  }
  if (segments.empty()) return root;
  Path* path = New<Path>(root->position());
  path->root = root;
  path->segments = CopyToZone(zone_, segments);
  return path;
}

bool Parser::IsStructLiteralStart(const AstString* last_segment) const {
  if (!IsUppercaseName(last_segment) && last_segment != strings_->Self_string()) return false;
  // Name {}  Name { ..base }  Name { field: ...  Name { field,  Name { field }
  TokenKind k1 = kind_at(1);
  if (k1 == TokenKind::kRightBrace || k1 == TokenKind::kDotDot) return true;
  if (!IsNameToken(peek_at(1)) && k1 != TokenKind::kInteger) return false;
  TokenKind k2 = kind_at(2);
  return k2 == TokenKind::kColon || k2 == TokenKind::kComma || k2 == TokenKind::kRightBrace;
}

bool Parser::IsMapLiteralStart() const {
  // `{ key: ...` or `{ "key" => ...`, where key is a name, string or number.
  const Token& key = peek_at(1);
  TokenKind k2 = kind_at(2);
  if (k2 == TokenKind::kColon) {
    return IsNameToken(key) || key.kind == TokenKind::kString || key.kind == TokenKind::kInteger ||
           key.kind == TokenKind::kFloat || key.kind == TokenKind::kChar;
  }
  return key.kind == TokenKind::kString && k2 == TokenKind::kFatArrow;
}

Node* Parser::ParseMacroCall() {
  const Token& name_token = peek();
  const AstString* name = name_token.string;
  Advance();  // name
  Advance();  // !
  MacroCall* call = New<MacroCall>(PositionOf(name_token));
  call->name = name;
  TokenKind close = Check(TokenKind::kLeftParen)     ? TokenKind::kRightParen
                    : Check(TokenKind::kLeftBracket) ? TokenKind::kRightBracket
                                                     : TokenKind::kRightBrace;
  Advance();
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  ++bracket_depth_;
  ScopedList<Argument> arguments(&argument_buffer_);
  bool ok = true;
  if (name == strings_->matches_string()) {
    Argument subject;
    subject.value = ParseExpression();
    ok = subject.value != nullptr && Expect(TokenKind::kComma);
    if (ok) {
      arguments.Add(subject);
      call->pattern = ParsePattern();
      ok = call->pattern != nullptr;
    }
    if (ok && Accept(TokenKind::kIf)) {
      call->guard = ParseExpression();
      ok = call->guard != nullptr;
    }
    if (ok) Accept(TokenKind::kComma);
  } else {
    while (ok && !Check(close)) {
      Argument argument;
      if (Check(TokenKind::kIdentifier) && kind_at(1) == TokenKind::kAssign) {
        argument.name = peek().string;
        Advance();
        Advance();
      }
      argument.value = ParseExpression();
      if (argument.value == nullptr) {
        ok = false;
        break;
      }
      arguments.Add(argument);
      if (arguments.size() == 1 && argument.name == nullptr && Accept(TokenKind::kSemicolon)) {
        Argument count;
        count.value = ParseExpression();  // vec![value; count]
        if (count.value == nullptr) {
          ok = false;
          break;
        }
        arguments.Add(count);
        call->is_repeat = true;
        break;
      }
      if (!Accept(TokenKind::kComma)) break;
    }
  }
  --bracket_depth_;
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (!ok || !Expect(close)) return nullptr;
  call->arguments = arguments.ToList(zone_);
  for (uint32_t i = 0; i < call->arguments.size(); ++i) {
    if (call->arguments[i].value->IsStringLiteral()) {
      call->format_reads = CollectFormatReads(call->arguments, i);
      break;
    }
  }
  return call;
}

Node* Parser::ParseParenthesized() {
  const Token& open = peek();
  if (!in_match_guard_ && open.partner != kNoPartner &&
      tokens_[open.partner + 1].kind == TokenKind::kFatArrow) {
    return ParseArrowClosure();
  }
  SourcePosition position = PositionOf(open);
  Advance();
  if (Accept(TokenKind::kRightParen)) return New<NilLiteral>(position);  // () is nil
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  ++bracket_depth_;
  Node* first = ParseExpression();
  Node* result = first;
  if (first != nullptr && Check(TokenKind::kComma)) {
    ScopedList<Node*> elements(&node_buffer_);
    elements.Add(first);
    while (Accept(TokenKind::kComma)) {
      if (Check(TokenKind::kRightParen)) break;
      Node* element = ParseExpression();
      if (element == nullptr) {
        result = nullptr;
        break;
      }
      elements.Add(element);
    }
    if (result != nullptr) {
      TupleLiteral* tuple = New<TupleLiteral>(position);
      tuple->elements = elements.ToList(zone_);
      result = tuple;
    }
  }
  --bracket_depth_;
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (result == nullptr || !Expect(TokenKind::kRightParen)) return nullptr;
  return result;
}

Node* Parser::ParseArrayLiteral() {
  SourcePosition position = this->position();
  Advance();  // [
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  ++bracket_depth_;
  Node* result = nullptr;
  if (Check(TokenKind::kRightBracket)) {
    result = New<ArrayLiteral>(position);
  } else if (Node* first = ParseExpression()) {
    if (Accept(TokenKind::kSemicolon)) {
      Node* count = ParseExpression();
      if (count != nullptr) {
        ArrayRepeat* repeat = New<ArrayRepeat>(position);
        repeat->value = first;
        repeat->count = count;
        result = repeat;
      }
    } else {
      ScopedList<Node*> elements(&node_buffer_);
      elements.Add(first);
      bool ok = true;
      while (Accept(TokenKind::kComma)) {
        if (Check(TokenKind::kRightBracket)) break;
        Node* element = ParseExpression();
        if (element == nullptr) {
          ok = false;
          break;
        }
        elements.Add(element);
      }
      if (ok) {
        ArrayLiteral* array = New<ArrayLiteral>(position);
        array->elements = elements.ToList(zone_);
        result = array;
      }
    }
  }
  --bracket_depth_;
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (result == nullptr || !Expect(TokenKind::kRightBracket)) return nullptr;
  return result;
}

Node* Parser::ParseBraceExpression() {
  if (kind_at(1) == TokenKind::kRightBrace) {  // {} in expression position: an empty map
    SourcePosition position = this->position();
    Advance();
    Advance();
    return New<MapLiteral>(position);
  }
  if (IsMapLiteralStart()) return ParseMapLiteral();
  return ParseBlock();
}

Node* Parser::ParseMapLiteral() {
  SourcePosition position = this->position();
  Advance();  // {
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  std::vector<MapEntry> entries;
  bool ok = true;
  while (!Check(TokenKind::kRightBrace)) {
    MapEntry entry;
    if (IsNameToken(peek()) && kind_at(1) == TokenKind::kColon) {
      StringLiteral* key = New<StringLiteral>(this->position());
      key->value = NameOf(peek());
      entry.key = key;
      Advance();
    } else {
      entry.key = ParseBinary(1);
      if (entry.key == nullptr) {
        ok = false;
        break;
      }
    }
    if (!Accept(TokenKind::kColon) && !Accept(TokenKind::kFatArrow)) {
      ReportUnexpected("':' after the map key");
      ok = false;
      break;
    }
    entry.value = ParseExpression();
    if (entry.value == nullptr) {
      ok = false;
      break;
    }
    entries.push_back(entry);
    if (!Accept(TokenKind::kComma) && !peek().newline_before) break;
  }
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (!ok || !Expect(TokenKind::kRightBrace)) return nullptr;
  MapLiteral* map = New<MapLiteral>(position);
  map->entries = CopyToZone(zone_, entries);
  return map;
}

Node* Parser::ParseStructLiteral(Node* type) {
  Advance();  // {
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  StructLiteral* literal = New<StructLiteral>(type->position());
  literal->type = type;
  std::vector<StructLiteralField> fields;
  bool ok = true;
  while (!Check(TokenKind::kRightBrace)) {
    if (Accept(TokenKind::kDotDot)) {
      literal->base = ParseExpression();
      ok = literal->base != nullptr;
      if (ok) Accept(TokenKind::kComma);
      break;
    }
    StructLiteralField field;
    field.position = position();
    const Token& name = peek();
    if (name.kind == TokenKind::kInteger) {
      field.name = strings_->Intern(std::to_string(name.int_value));
    } else if (IsNameToken(name)) {
      field.name = NameOf(name);
    } else {
      ReportUnexpected("a field name");
      ok = false;
      break;
    }
    Advance();
    if (Accept(TokenKind::kColon)) {
      field.value = ParseExpression();
      if (field.value == nullptr) {
        ok = false;
        break;
      }
    } else if (name.kind == TokenKind::kIdentifier) {
      field.value = NewIdentifier(field.name, field.position);
      field.shorthand = true;
    } else {
      ReportUnexpected("':' after the field name");
      ok = false;
      break;
    }
    fields.push_back(field);
    if (!Accept(TokenKind::kComma) && !peek().newline_before) break;
  }
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (!ok || !Expect(TokenKind::kRightBrace)) return nullptr;
  literal->fields = CopyToZone(zone_, fields);
  return literal;
}

Node* Parser::ParseFString() {
  SourcePosition position = this->position();
  std::vector<FStringPart> parts;
  auto add_text = [&](const AstString* text) {
    if (text->length() > 0) parts.push_back(FStringPart{text, nullptr, nullptr});
  };
  add_text(peek().string);
  Advance();  // head
  bool saved_no_struct = no_struct_literal_;
  bool saved_guard = in_match_guard_;
  no_struct_literal_ = false;
  in_match_guard_ = false;
  bool ok = true;
  while (true) {
    if (Check(TokenKind::kTemplateTail)) {
      add_text(peek().string);
      Advance();
      break;
    }
    Node* expression = ParseExpression();
    if (expression == nullptr) {
      ok = false;
      break;
    }
    FStringPart part{nullptr, expression, nullptr};
    if (Check(TokenKind::kTemplateSpec)) {
      part.spec = peek().string;
      Advance();
    }
    parts.push_back(part);
    if (Check(TokenKind::kTemplateMiddle)) {
      add_text(peek().string);
      Advance();
      continue;
    }
    if (Check(TokenKind::kTemplateTail)) continue;
    ReportUnexpected("'}' to end the f-string interpolation");
    ok = false;
    break;
  }
  no_struct_literal_ = saved_no_struct;
  in_match_guard_ = saved_guard;
  if (!ok) return nullptr;
  FString* node = New<FString>(position);
  node->parts = CopyToZone(zone_, parts);
  return node;
}

Node* Parser::ParseFunctionBody(bool block_only) {
  auto saved_labels = std::move(labels_);
  labels_.clear();
  int saved_loop_depth = loop_depth_;
  bool saved_guard = in_match_guard_;
  bool saved_arm_body = in_arm_body_;
  loop_depth_ = 0;
  in_match_guard_ = false;
  in_arm_body_ = false;
  Node* body;
  if (block_only || (Check(TokenKind::kLeftBrace) && kind_at(1) != TokenKind::kRightBrace &&
                     !IsMapLiteralStart())) {
    body = ParseBlock();
  } else if (Check(TokenKind::kLeftBrace) && kind_at(1) == TokenKind::kRightBrace) {
    body = ParseBlock();  // `|x| {}` does nothing (an empty block, not an empty map)
  } else {
    body = ParseExpression();
  }
  labels_ = std::move(saved_labels);
  loop_depth_ = saved_loop_depth;
  in_match_guard_ = saved_guard;
  in_arm_body_ = saved_arm_body;
  return body;
}

Node* Parser::ParseClosureBody() { return ParseFunctionBody(/*block_only=*/false); }

Node* Parser::ParseClosure() {
  FunctionLiteral* closure = New<FunctionLiteral>(position());
  closure->kind = FunctionKind::kClosure;
  std::vector<Parameter> parameters;
  if (!Accept(TokenKind::kOr)) {
    Advance();  // |
    while (!Check(TokenKind::kBitOr)) {
      Parameter parameter;
      parameter.position = position();
      parameter.pattern = ParsePatternNoTopOr();
      if (parameter.pattern == nullptr) return nullptr;
      if (Accept(TokenKind::kColon)) {
        TypeInfo type = ParseType();
        if (failed()) return nullptr;
        parameter.is_inout = type.is_mut_ref;
      }
      parameters.push_back(parameter);
      if (!Accept(TokenKind::kComma)) break;
    }
    if (!Expect(TokenKind::kBitOr)) return nullptr;
  }
  closure->parameters = CopyToZone(zone_, parameters);
  if (Accept(TokenKind::kArrow)) {
    ParseType();
    if (failed()) return nullptr;
    closure->body = ParseFunctionBody(/*block_only=*/true);
  } else {
    closure->body = ParseClosureBody();
  }
  if (closure->body == nullptr) return nullptr;
  return closure;
}

Node* Parser::ParseArrowClosure() {
  // x => body   or   (a, b) => body
  FunctionLiteral* closure = New<FunctionLiteral>(position());
  closure->kind = FunctionKind::kClosure;
  std::vector<Parameter> parameters;
  if (Accept(TokenKind::kLeftParen)) {
    while (!Check(TokenKind::kRightParen)) {
      Parameter parameter;
      parameter.position = position();
      parameter.pattern = ParsePatternNoTopOr();
      if (parameter.pattern == nullptr) return nullptr;
      if (Accept(TokenKind::kColon)) {
        TypeInfo type = ParseType();
        if (failed()) return nullptr;
        parameter.is_inout = type.is_mut_ref;
      }
      parameters.push_back(parameter);
      if (!Accept(TokenKind::kComma)) break;
    }
    if (!Expect(TokenKind::kRightParen)) return nullptr;
  } else {
    Parameter parameter;
    parameter.position = position();
    IdentifierPattern* pattern = New<IdentifierPattern>(position());
    pattern->name = peek().string;
    parameter.pattern = pattern;
    parameters.push_back(parameter);
    Advance();
  }
  if (!Expect(TokenKind::kFatArrow)) return nullptr;
  closure->parameters = CopyToZone(zone_, parameters);
  closure->body = ParseClosureBody();
  if (closure->body == nullptr) return nullptr;
  return closure;
}

Node* Parser::ParseAnonymousFunction() {
  FunctionLiteral* function = New<FunctionLiteral>(position());
  function->kind = FunctionKind::kClosure;
  Advance();  // fun / fn
  if (Check(TokenKind::kIdentifier)) {
    function->name = peek().string;
    Advance();
  }
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  ParseParameters(function, /*allow_self=*/false);
  if (failed()) return nullptr;
  if (Accept(TokenKind::kArrow)) {
    ParseType();
    if (failed()) return nullptr;
  }
  function->body = ParseFunctionBody(/*block_only=*/true);
  if (function->body == nullptr) return nullptr;
  return function;
}

Node* Parser::ParseArmBody() {
  if (Check(TokenKind::kLeftBrace) && !IsMapLiteralStart()) {
    // `_ => {}` is an empty block (nil), as in Rust, not an empty map.
    return ParseBlock();
  }
  bool saved_arm_body = in_arm_body_;
  int saved_bracket_depth = bracket_depth_;
  in_arm_body_ = true;
  bracket_depth_ = 0;
  Node* body = ParseExpression();
  in_arm_body_ = saved_arm_body;
  bracket_depth_ = saved_bracket_depth;
  return body;
}

Node* Parser::ParseIf() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  If* node = New<If>(position());
  Advance();  // if
  if (Accept(TokenKind::kLet)) {
    node->let_pattern = ParsePattern();
    if (node->let_pattern == nullptr || !Expect(TokenKind::kAssign)) return nullptr;
    node->let_value = ParseExpressionNoStruct();
    if (node->let_value == nullptr) return nullptr;
  } else {
    node->condition = ParseExpressionNoStruct();
    if (node->condition == nullptr) return nullptr;
  }
  node->then_block = ParseBlock();
  if (node->then_block == nullptr) return nullptr;
  if (Accept(TokenKind::kElse)) {
    node->else_branch = Check(TokenKind::kIf) ? ParseIf() : ParseBlock();
    if (node->else_branch == nullptr) return nullptr;
  }
  return node;
}

Node* Parser::ParseMatch() {
  Match* node = New<Match>(position());
  Advance();  // match
  node->subject = ParseExpressionNoStruct();
  if (node->subject == nullptr || !Expect(TokenKind::kLeftBrace)) return nullptr;
  bool saved_no_struct = no_struct_literal_;
  no_struct_literal_ = false;
  std::vector<MatchArm> arms;
  std::vector<const AstString*> ignored_attributes;
  bool ok = true;
  while (ok && !Check(TokenKind::kRightBrace) && !Check(TokenKind::kEos)) {
    if (Accept(TokenKind::kComma)) continue;
    ParseAttributes(&ignored_attributes);
    MatchArm arm;
    arm.position = position();
    arm.pattern = ParsePattern();
    if (arm.pattern == nullptr) {
      ok = false;
      break;
    }
    if (Accept(TokenKind::kIf)) {
      bool saved_guard = in_match_guard_;
      in_match_guard_ = true;
      arm.guard = ParseExpression();
      in_match_guard_ = saved_guard;
      if (arm.guard == nullptr) {
        ok = false;
        break;
      }
    }
    if (!Expect(TokenKind::kFatArrow)) {
      ok = false;
      break;
    }
    arm.body = ParseArmBody();
    if (arm.body == nullptr) {
      ok = false;
      break;
    }
    arms.push_back(arm);
    if (!Accept(TokenKind::kComma) && !Check(TokenKind::kRightBrace) && !peek().newline_before &&
        tokens_[pos_ - 1].kind != TokenKind::kRightBrace) {
      ReportUnexpected("',' or '}' after the match arm");
      ok = false;
    }
  }
  no_struct_literal_ = saved_no_struct;
  if (!ok || !Expect(TokenKind::kRightBrace)) return nullptr;
  node->arms = CopyToZone(zone_, arms);
  return node;
}

Node* Parser::ParseWhile(const AstString* label) {
  While* node = New<While>(position());
  node->label = label;
  Advance();  // while
  if (Accept(TokenKind::kLet)) {
    node->let_pattern = ParsePattern();
    if (node->let_pattern == nullptr || !Expect(TokenKind::kAssign)) return nullptr;
    node->let_value = ParseExpressionNoStruct();
    if (node->let_value == nullptr) return nullptr;
  } else {
    node->condition = ParseExpressionNoStruct();
    if (node->condition == nullptr) return nullptr;
  }
  labels_.emplace_back(label, true);
  ++loop_depth_;
  node->body = ParseBlock();
  --loop_depth_;
  labels_.pop_back();
  if (node->body == nullptr) return nullptr;
  return node;
}

Node* Parser::ParseLoop(const AstString* label) {
  Loop* node = New<Loop>(position());
  node->label = label;
  Advance();  // loop
  labels_.emplace_back(label, true);
  ++loop_depth_;
  node->body = ParseBlock();
  --loop_depth_;
  labels_.pop_back();
  if (node->body == nullptr) return nullptr;
  return node;
}

Node* Parser::ParseFor(const AstString* label) {
  For* node = New<For>(position());
  node->label = label;
  Advance();  // for
  Node* pattern = ParsePattern();
  if (pattern == nullptr) return nullptr;
  if (Check(TokenKind::kComma)) {  // for a, b in pairs
    std::vector<Node*> elements{pattern};
    SourcePosition tuple_position = pattern->position();
    while (Accept(TokenKind::kComma)) {
      Node* element = ParsePatternNoTopOr();
      if (element == nullptr) return nullptr;
      elements.push_back(element);
    }
    TuplePattern* tuple = New<TuplePattern>(tuple_position);
    tuple->elements = CopyToZone(zone_, elements);
    pattern = tuple;
  }
  node->pattern = pattern;
  if (!Expect(TokenKind::kIn)) return nullptr;
  node->iterable = ParseExpressionNoStruct();
  if (node->iterable == nullptr) return nullptr;
  labels_.emplace_back(label, true);
  ++loop_depth_;
  node->body = ParseBlock();
  --loop_depth_;
  labels_.pop_back();
  if (node->body == nullptr) return nullptr;
  return node;
}

Node* Parser::ParseLabelled() {
  const Token& label_token = peek();
  if (kind_at(1) != TokenKind::kColon) {
    ReportError(label_token, "a label must be followed by ':' and a loop or block");
    return nullptr;
  }
  const AstString* label = label_token.string;
  SourcePosition position = PositionOf(label_token);
  Advance();
  Advance();
  Node* result;
  switch (kind()) {
    case TokenKind::kLoop:
      result = ParseLoop(label);
      break;
    case TokenKind::kWhile:
      result = ParseWhile(label);
      break;
    case TokenKind::kFor:
      result = ParseFor(label);
      break;
    case TokenKind::kLeftBrace: {
      labels_.emplace_back(label, false);
      Block* block = ParseBlock();
      labels_.pop_back();
      if (block == nullptr) return nullptr;
      block->label = label;
      result = block;
      break;
    }
    default:
      ReportUnexpected("a loop or block after the label");
      return nullptr;
  }
  if (result != nullptr) result->set_position(position);
  return result;
}

const AstString* Parser::ParseOptionalLabelUse() {
  if (!Check(TokenKind::kLifetime) || peek().newline_before) return nullptr;
  const AstString* label = peek().string;
  for (auto it = labels_.rbegin(); it != labels_.rend(); ++it) {
    if (it->first == label) {
      Advance();
      return label;
    }
  }
  ReportError(peek(), "use of undeclared label '" + std::string(label->view()));
  return nullptr;
}

Node* Parser::ParseTryCatch() {
  TryCatch* node = New<TryCatch>(position());
  Advance();  // try
  node->try_block = ParseBlock();
  if (node->try_block == nullptr) return nullptr;
  if (Accept(TokenKind::kCatch)) {
    if (Accept(TokenKind::kLeftParen)) {
      node->catch_pattern = ParsePatternNoTopOr();
      if (node->catch_pattern == nullptr) return nullptr;
      if (Accept(TokenKind::kColon)) ParseType();
      if (failed() || !Expect(TokenKind::kRightParen)) return nullptr;
    } else if (!Check(TokenKind::kLeftBrace)) {
      node->catch_pattern = ParsePatternNoTopOr();
      if (node->catch_pattern == nullptr) return nullptr;
      if (Accept(TokenKind::kColon)) ParseType();
      if (failed()) return nullptr;
    }
    node->catch_block = ParseBlock();
    if (node->catch_block == nullptr) return nullptr;
  }
  if (Accept(TokenKind::kFinally)) {
    node->finally_block = ParseBlock();
    if (node->finally_block == nullptr) return nullptr;
  }
  if (node->catch_block == nullptr && node->finally_block == nullptr) {
    ReportUnexpected("'catch' or 'finally' after the try block");
    return nullptr;
  }
  return node;
}

Node* Parser::ParseReturn() {
  Return* node = New<Return>(position());
  Advance();                 // return
  if (CanStartRangeEnd()) {  // a value on the same line
    node->value = ParseExpression();
    if (node->value == nullptr) return nullptr;
  }
  return node;
}

Node* Parser::ParseBreak() {
  Break* node = New<Break>(position());
  Advance();  // break
  node->label = ParseOptionalLabelUse();
  if (failed()) return nullptr;
  if (CanStartRangeEnd()) {
    node->value = ParseExpression();
    if (node->value == nullptr) return nullptr;
  }
  return node;
}

Node* Parser::ParseContinue() {
  Continue* node = New<Continue>(position());
  const Token& label_token = peek_at(1);
  Advance();  // continue
  node->label = ParseOptionalLabelUse();
  if (failed()) return nullptr;
  if (node->label != nullptr) {
    for (auto it = labels_.rbegin(); it != labels_.rend(); ++it) {
      if (it->first != node->label) continue;
      if (!it->second) {
        ReportError(label_token, "'continue' cannot target a labelled block");
        return nullptr;
      }
      break;
    }
  }
  return node;
}

}  // namespace ruchy::internal::parser
