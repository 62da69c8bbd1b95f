// Closures in both syntaxes and the control-flow expressions: if / if let, match,
// loops and labels, try/catch/finally, return, break and continue.

#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {

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

// Closure parameters up to and including `close` (`|` or `)`): patterns with optional
// types; a `&mut T` type makes the parameter in-out.
bool Parser::ParseClosureParameters(TokenKind close, std::vector<Parameter>* parameters) {
  while (!Check(close)) {
    Parameter parameter;
    parameter.position = position();
    parameter.pattern = ParsePatternNoTopOr();
    if (parameter.pattern == nullptr) return false;
    if (Accept(TokenKind::kColon)) {
      TypeInfo type = ParseType();
      if (failed()) return false;
      parameter.is_inout = type.is_mut_ref;
    }
    parameters->push_back(parameter);
    if (!Accept(TokenKind::kComma)) break;
  }
  return Expect(close);
}

Node* Parser::ParseClosure() {
  FunctionLiteral* closure = New<FunctionLiteral>(position());
  closure->kind = FunctionKind::kClosure;
  std::vector<Parameter> parameters;
  if (!Accept(TokenKind::kOr)) {
    Advance();  // |
    if (!ParseClosureParameters(TokenKind::kBitOr, &parameters)) return nullptr;
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
    if (!ParseClosureParameters(TokenKind::kRightParen, &parameters)) return nullptr;
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
