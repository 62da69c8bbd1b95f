// Expression parsing: precedence climbing over the reference notes' table (§6.1),
// unary operators and casts, postfix chains (calls, indexing, members, `?`), primary
// expressions, names and paths.
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
  if (target->IsIdentifier() || target->IsMember() || target->IsIndex()) return true;
  if (target->IsUnary()) return target->AsUnary()->op == TokenKind::kMul;
  if (!compound && (target->IsTupleLiteral() || target->IsArrayLiteral())) {
    // Destructuring assignment: (a, b) = (b, a).
    const NodeList<Node*>& elements = target->IsTupleLiteral() ? target->AsTupleLiteral()->elements
                                                               : target->AsArrayLiteral()->elements;
    for (Node* element : elements) {
      if (!IsValidAssignmentTarget(element, false)) return false;
    }
    return true;
  }
  return false;
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
    // As in Rust, a block-like expression followed by an operator on a new line is complete:
    // the operator starts the next statement (`if c { .. }` newline `*count += 1`).
    if (bracket_depth_ == 0 && peek().newline_before &&
        (left->IsIf() || left->IsMatch() || left->IsWhile() || left->IsLoop() || left->IsFor() ||
         left->IsBlock() || left->IsTryCatch())) {
      break;
    }
    if ((k == TokenKind::kDotDot || k == TokenKind::kDotDotEq) &&
        min_precedence <= kPrecedenceRange) {
      if (!chain.AddLink()) return nullptr;
      left = parse_range(left);
      continue;
    }
    int precedence = BinaryPrecedence(k);
    if (precedence == 0 || precedence < min_precedence) break;
    if ((k == TokenKind::kOr || k == TokenKind::kBitOr || k == TokenKind::kMul ||
         k == TokenKind::kExp) &&
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
    case TokenKind::kExp:  // `**x` in operand position: a double dereference
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
      unary->op = k == TokenKind::kAnd   ? TokenKind::kBitAnd
                  : k == TokenKind::kExp ? TokenKind::kMul
                                         : k;
      unary->is_mut_ref = is_mut;
      unary->operand = operand;
      if (k == TokenKind::kAnd || k == TokenKind::kExp) {  // `&&x`, `**x`: two levels
        Unary* outer = New<Unary>(position);
        outer->op = unary->op;
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
        const AstString* type_hint = nullptr;
        if (Check(TokenKind::kColonColon) && kind_at(1) == TokenKind::kLt) {
          Advance();
          // Keep the first type argument's last path segment: `parse::<f64>` -> f64,
          // `collect::<Vec<String>>` -> Vec (built-ins read it; types are otherwise dropped).
          for (size_t ahead = 1; IsNameToken(peek_at(ahead)); ahead += 2) {
            type_hint = NameOf(peek_at(ahead));
            if (kind_at(ahead + 1) != TokenKind::kColonColon) break;
          }
          if (!ParseGenericArgs()) return nullptr;
          turbofish = true;
        }
        if (Check(TokenKind::kLeftParen) && !peek().newline_before) {
          MethodCall* call = New<MethodCall>(PositionOf(name));
          call->receiver = expression;
          call->name = field;
          call->type_hint = type_hint;
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
    case TokenKind::kLet: {
      // Only the expression form `let x = e in body` (ref §7.1) is an expression.
      Node* let = ParseLet(LetKind::kLet, /*is_pub=*/false);
      if (let != nullptr && let->IsLet()) {
        ReportUnexpected("'in' and the body of a `let ... in` expression");
        return nullptr;
      }
      return let;
    }
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
    case TokenKind::kMod:
      if (kind_at(1) == TokenKind::kIdentifier && peek_at(1).offset == t.end &&
          kind_at(2) == TokenKind::kLeftParen) {
        if (allow_natives_syntax_) return ParseNativeCall();
        ReportError(t, "intrinsic calls (%Name(...)) need --allow-natives-syntax");
        return nullptr;
      }
      ReportUnexpected("an expression");
      return nullptr;
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

}  // namespace ruchy::internal::parser
