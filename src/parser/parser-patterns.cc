// Patterns (reference notes §8 plus `..rest`, `name @ p`, references and paths) and
// types. Types are parsed completely — generics, references, tuples, arrays, fn types,
// trait objects, bounds and where clauses — and then dropped; only what `as` casts,
// impl headers and `&mut` parameters need survives (TypeInfo).
#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {

namespace {

bool IsUppercaseName(const AstString* name) {
  return name->length() > 0 && name->chars()[0] >= 'A' && name->chars()[0] <= 'Z';
}

bool IsClosingAngle(TokenKind k) {
  return k == TokenKind::kGt || k == TokenKind::kShr || k == TokenKind::kGe ||
         k == TokenKind::kAssignShr;
}

// Cast targets whose `<` can only be a comparison (`i as usize < n`).
bool IsPrimitiveTypeName(std::string_view name) {
  static constexpr const char* kPrimitives[] = {"i8",  "i16", "i32",  "i64",  "i128", "isize",
                                                "u8",  "u16", "u32",  "u64",  "u128", "usize",
                                                "f32", "f64", "bool", "char", "str",  "String"};
  for (const char* primitive : kPrimitives) {
    if (name == primitive) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// Patterns

Node* Parser::ParsePattern() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  SourcePosition position = this->position();
  Accept(TokenKind::kBitOr);  // a leading `|` is allowed
  Node* first = ParsePatternNoTopOr();
  if (first == nullptr || !Check(TokenKind::kBitOr)) return first;
  std::vector<Node*> alternatives{first};
  while (Accept(TokenKind::kBitOr)) {
    Node* alternative = ParsePatternNoTopOr();
    if (alternative == nullptr) return nullptr;
    alternatives.push_back(alternative);
  }
  OrPattern* pattern = New<OrPattern>(position);
  pattern->alternatives = CopyToZone(zone_, alternatives);
  return pattern;
}

Node* Parser::ParseLiteralPatternBound(bool allow_path) {
  const Token& t = peek();
  SourcePosition position = PositionOf(t);
  switch (t.kind) {
    case TokenKind::kSub: {
      Advance();
      if (Check(TokenKind::kInteger)) {
        Node* literal = ParseIntegerLiteral(/*negated=*/true);
        if (literal != nullptr) literal->set_position(position);
        return literal;
      }
      if (Check(TokenKind::kFloat)) {
        FloatLiteral* literal = New<FloatLiteral>(position);
        literal->value = -peek().float_value;
        Advance();
        return literal;
      }
      ReportUnexpected("a number after '-' in a pattern");
      return nullptr;
    }
    case TokenKind::kInteger:
      return ParseIntegerLiteral(/*negated=*/false);
    case TokenKind::kFloat:
    case TokenKind::kString:
    case TokenKind::kChar:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNil:
    case TokenKind::kNull:
      return ParsePrimary();
    case TokenKind::kIdentifier:
      if (allow_path && kind_at(1) == TokenKind::kColonColon) {
        Identifier* root = NewIdentifier(t.string, position);
        Advance();
        return ParsePathRest(root);
      }
      [[fallthrough]];
    default:
      ReportUnexpected("a literal in the pattern");
      return nullptr;
  }
}

Node* Parser::ParsePatternNoTopOr() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return nullptr;
  const Token& t = peek();
  SourcePosition position = PositionOf(t);
  switch (t.kind) {
    case TokenKind::kIdentifier: {
      const AstString* name = t.string;
      if (name == strings_->underscore_string()) {
        Advance();
        return New<WildcardPattern>(position);
      }
      if (name->view() == "ref" &&
          (kind_at(1) == TokenKind::kIdentifier || kind_at(1) == TokenKind::kMut)) {
        Advance();  // `ref x` binds like `x`
        return ParsePatternNoTopOr();
      }
      if (kind_at(1) == TokenKind::kColonColon) {
        Identifier* root = NewIdentifier(name, position);
        Advance();
        Node* path = ParsePathRest(root);
        if (path == nullptr) return nullptr;
        if (Check(TokenKind::kLeftParen)) return ParseTupleStructPattern(path);
        if (Check(TokenKind::kLeftBrace)) return ParseStructPattern(path);
        if (Check(TokenKind::kDotDot) || Check(TokenKind::kDotDotEq)) {
          // A range whose lower bound is a constant path: i64::MIN..=0.
          RangePattern* range = New<RangePattern>(position);
          range->from = path;
          range->inclusive = Check(TokenKind::kDotDotEq);
          Advance();
          range->to = ParseLiteralPatternBound(/*allow_path=*/true);
          if (range->to == nullptr) return nullptr;
          return range;
        }
        PathPattern* pattern = New<PathPattern>(position);
        pattern->path = path;
        return pattern;
      }
      if (kind_at(1) == TokenKind::kLeftParen) {
        Advance();
        return ParseTupleStructPattern(NewIdentifier(name, position));
      }
      if (kind_at(1) == TokenKind::kLeftBrace &&
          (IsUppercaseName(name) || name == strings_->Self_string())) {
        Advance();
        return ParseStructPattern(NewIdentifier(name, position));
      }
      if (name == strings_->None_string()) {
        Advance();
        PathPattern* pattern = New<PathPattern>(position);
        pattern->path = NewIdentifier(name, position);
        return pattern;
      }
      Advance();
      IdentifierPattern* pattern = New<IdentifierPattern>(position);
      pattern->name = name;
      if (Accept(TokenKind::kAt)) {
        if (Check(TokenKind::kDotDot) &&
            (kind_at(1) == TokenKind::kComma || kind_at(1) == TokenKind::kRightBracket ||
             kind_at(1) == TokenKind::kRightParen)) {
          Advance();  // rest @ ..
          RestPattern* rest = New<RestPattern>(position);
          rest->binding = pattern;
          return rest;
        }
        pattern->subpattern = ParsePatternNoTopOr();
        if (pattern->subpattern == nullptr) return nullptr;
      }
      return pattern;
    }
    case TokenKind::kMut: {
      Advance();
      if (!Check(TokenKind::kIdentifier) && !Check(TokenKind::kSelf)) {
        ReportUnexpected("a name after 'mut'");
        return nullptr;
      }
      IdentifierPattern* pattern = New<IdentifierPattern>(position);
      pattern->name = NameOf(peek());
      pattern->is_mut = true;
      Advance();
      if (Accept(TokenKind::kAt)) {
        pattern->subpattern = ParsePatternNoTopOr();
        if (pattern->subpattern == nullptr) return nullptr;
      }
      return pattern;
    }
    case TokenKind::kBitAnd:
    case TokenKind::kAnd:
      // &p and &mut p match like p (references are values at run time).
      Advance();
      Accept(TokenKind::kMut);
      return ParsePatternNoTopOr();
    case TokenKind::kDotDot: {
      Advance();
      if (Check(TokenKind::kIdentifier) && peek().string != strings_->underscore_string()) {
        // ..rest binds the remaining elements.
        IdentifierPattern* binding = New<IdentifierPattern>(this->position());
        binding->name = peek().string;
        Advance();
        RestPattern* rest = New<RestPattern>(position);
        rest->binding = binding;
        return rest;
      }
      if (Check(TokenKind::kInteger) || Check(TokenKind::kSub) || Check(TokenKind::kChar) ||
          Check(TokenKind::kFloat)) {
        RangePattern* range = New<RangePattern>(position);
        range->to = ParseLiteralPatternBound(/*allow_path=*/true);
        if (range->to == nullptr) return nullptr;
        return range;
      }
      return New<RestPattern>(position);
    }
    case TokenKind::kDotDotEq: {
      Advance();
      RangePattern* range = New<RangePattern>(position);
      range->inclusive = true;
      range->to = ParseLiteralPatternBound(/*allow_path=*/true);
      if (range->to == nullptr) return nullptr;
      return range;
    }
    case TokenKind::kInteger:
    case TokenKind::kFloat:
    case TokenKind::kString:
    case TokenKind::kChar:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNil:
    case TokenKind::kNull:
    case TokenKind::kSub: {
      Node* literal = ParseLiteralPatternBound(/*allow_path=*/false);
      if (literal == nullptr) return nullptr;
      if (Check(TokenKind::kDotDot) || Check(TokenKind::kDotDotEq)) {
        RangePattern* range = New<RangePattern>(position);
        range->from = literal;
        range->inclusive = Check(TokenKind::kDotDotEq);
        Advance();
        TokenKind k = kind();
        bool has_end = k == TokenKind::kInteger || k == TokenKind::kFloat || k == TokenKind::kSub ||
                       k == TokenKind::kChar || k == TokenKind::kString ||
                       (k == TokenKind::kIdentifier && kind_at(1) == TokenKind::kColonColon);
        if (has_end) {
          range->to = ParseLiteralPatternBound(/*allow_path=*/true);
          if (range->to == nullptr) return nullptr;
        } else if (range->inclusive) {
          ReportUnexpected("the end of the inclusive range pattern");
          return nullptr;
        }
        return range;
      }
      LiteralPattern* pattern = New<LiteralPattern>(position);
      pattern->literal = literal;
      return pattern;
    }
    case TokenKind::kLeftParen: {
      Advance();
      if (Accept(TokenKind::kRightParen)) {  // () matches nil
        LiteralPattern* pattern = New<LiteralPattern>(position);
        pattern->literal = New<NilLiteral>(position);
        return pattern;
      }
      Node* first = ParsePattern();
      if (first == nullptr) return nullptr;
      if (Accept(TokenKind::kRightParen)) return first;  // parenthesized
      std::vector<Node*> elements{first};
      while (Accept(TokenKind::kComma)) {
        if (Check(TokenKind::kRightParen)) break;
        Node* element = ParsePattern();
        if (element == nullptr) return nullptr;
        elements.push_back(element);
      }
      if (!Expect(TokenKind::kRightParen)) return nullptr;
      TuplePattern* tuple = New<TuplePattern>(position);
      tuple->elements = CopyToZone(zone_, elements);
      return tuple;
    }
    case TokenKind::kLeftBracket: {
      Advance();
      SlicePattern* slice = New<SlicePattern>(position);
      if (!ParsePatternList(TokenKind::kRightBracket, &slice->elements)) return nullptr;
      return slice;
    }
    default:
      ReportUnexpected("a pattern");
      return nullptr;
  }
}

bool Parser::ParsePatternList(TokenKind close, NodeList<Node*>* elements) {
  std::vector<Node*> list;
  while (!Check(close)) {
    Node* element = ParsePattern();
    if (element == nullptr) return false;
    list.push_back(element);
    if (!Accept(TokenKind::kComma)) break;
  }
  if (!Expect(close)) return false;
  *elements = CopyToZone(zone_, list);
  return true;
}

Node* Parser::ParseTupleStructPattern(Node* path) {
  Advance();  // (
  TupleStructPattern* pattern = New<TupleStructPattern>(path->position());
  pattern->path = path;
  if (!ParsePatternList(TokenKind::kRightParen, &pattern->elements)) return nullptr;
  return pattern;
}

Node* Parser::ParseStructPattern(Node* path) {
  Advance();  // {
  StructPattern* pattern = New<StructPattern>(path->position());
  pattern->path = path;
  std::vector<StructPatternField> fields;
  while (!Check(TokenKind::kRightBrace)) {
    if (Accept(TokenKind::kDotDot)) {
      pattern->has_rest = true;
      break;
    }
    StructPatternField field;
    field.position = position();
    if (CheckContextual(strings_->Intern("ref"))) Advance();
    bool is_mut = Accept(TokenKind::kMut);
    if (!IsNameToken(peek()) && !Check(TokenKind::kInteger)) {
      ReportUnexpected("a field name");
      return nullptr;
    }
    field.name = Check(TokenKind::kInteger) ? strings_->Intern(std::to_string(peek().int_value))
                                            : NameOf(peek());
    bool is_identifier = Check(TokenKind::kIdentifier);
    SourcePosition name_position = position();
    Advance();
    if (!is_mut && Accept(TokenKind::kColon)) {
      field.pattern = ParsePattern();
      if (field.pattern == nullptr) return nullptr;
    } else if (is_identifier) {
      IdentifierPattern* binding = New<IdentifierPattern>(name_position);
      binding->name = field.name;
      binding->is_mut = is_mut;
      field.pattern = binding;
    } else {
      ReportUnexpected("':' after the field name");
      return nullptr;
    }
    fields.push_back(field);
    if (!Accept(TokenKind::kComma)) break;
  }
  if (!Expect(TokenKind::kRightBrace)) return nullptr;
  pattern->fields = CopyToZone(zone_, fields);
  return pattern;
}

// ---------------------------------------------------------------------------
// Types

bool Parser::ConsumeClosingAngle() {
  // `>>`, `>=` and `>>=` are split in place: the token loses its first '>'.
  Token& t = tokens_[pos_];
  switch (t.kind) {
    case TokenKind::kGt:
      Advance();
      return true;
    case TokenKind::kShr:
      t.kind = TokenKind::kGt;
      break;
    case TokenKind::kGe:
      t.kind = TokenKind::kAssign;
      break;
    case TokenKind::kAssignShr:
      t.kind = TokenKind::kGe;
      break;
    default:
      ReportUnexpected("'>'");
      return false;
  }
  ++t.offset;
  ++t.column;
  t.newline_before = false;
  return true;
}

bool Parser::ParseGenericArgs() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return false;
  Advance();  // <
  while (!IsClosingAngle(kind())) {
    if (Check(TokenKind::kLifetime)) {
      Advance();
    } else if (Check(TokenKind::kIdentifier) && kind_at(1) == TokenKind::kAssign) {
      Advance();  // Item = T
      Advance();
      ParseType();
    } else if (Check(TokenKind::kIdentifier) && kind_at(1) == TokenKind::kColon) {
      Advance();  // Item: Bound
      Advance();
      ParseTypeBounds();
    } else if (Check(TokenKind::kInteger) || Check(TokenKind::kSub) || Check(TokenKind::kTrue) ||
               Check(TokenKind::kFalse) || Check(TokenKind::kChar)) {
      Accept(TokenKind::kSub);  // a const generic argument
      Advance();
    } else if (Check(TokenKind::kLeftBrace) && peek().partner != kNoPartner) {
      pos_ = peek().partner;
      Advance();
    } else {
      ParseType();
    }
    if (failed()) return false;
    if (!Accept(TokenKind::kComma)) break;
  }
  return ConsumeClosingAngle();
}

bool Parser::ParseGenericParams() {
  DepthGuard guard(this);
  if (guard.Exceeded()) return false;
  Advance();  // <
  while (!IsClosingAngle(kind())) {
    if (Check(TokenKind::kLifetime)) {
      Advance();
      if (Accept(TokenKind::kColon)) {
        while (Check(TokenKind::kLifetime)) {
          Advance();
          if (!Accept(TokenKind::kAdd)) break;
        }
      }
    } else {
      bool is_const = Accept(TokenKind::kConst);
      if (!Check(TokenKind::kIdentifier)) {
        ReportUnexpected("a generic parameter");
        return false;
      }
      Advance();
      if (Accept(TokenKind::kColon)) {
        if (is_const) {
          ParseType();
        } else {
          ParseTypeBounds();
        }
      }
      if (!failed() && Accept(TokenKind::kAssign)) ParseType();
    }
    if (failed()) return false;
    if (!Accept(TokenKind::kComma)) break;
  }
  return ConsumeClosingAngle();
}

bool Parser::ParseTypeBounds() {
  while (true) {
    Accept(TokenKind::kQuestion);  // ?Sized
    if (Check(TokenKind::kLifetime)) {
      Advance();
    } else if (Check(TokenKind::kFor) && kind_at(1) == TokenKind::kLt) {
      Advance();  // for<'a> Fn(&'a T)
      if (!ParseGenericParams()) return false;
      ParseType();
    } else {
      ParseType();
    }
    if (failed()) return false;
    if (!Accept(TokenKind::kAdd)) return true;
  }
}

bool Parser::ParseWhereClause() {
  Advance();  // where
  while (!Check(TokenKind::kLeftBrace) && !Check(TokenKind::kSemicolon) &&
         !Check(TokenKind::kEos)) {
    if (Check(TokenKind::kLifetime)) {
      Advance();
      if (!Expect(TokenKind::kColon)) return false;
      while (Check(TokenKind::kLifetime)) {
        Advance();
        if (!Accept(TokenKind::kAdd)) break;
      }
    } else {
      ParseType();
      if (failed() || !Expect(TokenKind::kColon) || !ParseTypeBounds()) return false;
    }
    if (!Accept(TokenKind::kComma)) break;
  }
  return !failed();
}

TypeInfo Parser::ParseType(bool in_cast) {
  TypeInfo info;
  DepthGuard guard(this);
  if (guard.Exceeded()) return info;
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::kBitAnd:
    case TokenKind::kAnd: {
      Advance();
      if (Check(TokenKind::kLifetime)) Advance();
      bool is_mut = Accept(TokenKind::kMut);
      info = ParseType(in_cast);
      info.is_mut_ref = is_mut && t.kind == TokenKind::kBitAnd;
      return info;
    }
    case TokenKind::kMul:
      Advance();  // *const T, *mut T
      if (!Accept(TokenKind::kConst)) Accept(TokenKind::kMut);
      return ParseType(in_cast);
    case TokenKind::kLeftParen:
      Advance();
      while (!Check(TokenKind::kRightParen)) {
        ParseType();
        if (failed()) return info;
        if (!Accept(TokenKind::kComma)) break;
      }
      Expect(TokenKind::kRightParen);
      return info;
    case TokenKind::kLeftBracket:
      Advance();
      info = ParseType();
      if (failed()) return info;
      if (Accept(TokenKind::kSemicolon) && ParseExpression() == nullptr) return info;
      Expect(TokenKind::kRightBracket);
      info.head = nullptr;
      return info;
    case TokenKind::kBang:
      Advance();
      return info;
    case TokenKind::kFn:
    case TokenKind::kFun:
      // fn(A, B) -> C
      Advance();
      if (!Expect(TokenKind::kLeftParen)) return info;
      while (!Check(TokenKind::kRightParen)) {
        ParseType();
        if (failed()) return info;
        if (!Accept(TokenKind::kComma)) break;
      }
      if (Expect(TokenKind::kRightParen) && Accept(TokenKind::kArrow)) ParseType();
      return info;
    case TokenKind::kImpl:
      Advance();
      ParseTypeBounds();
      return info;
    case TokenKind::kLifetime:
      Advance();
      return info;
    case TokenKind::kIdentifier:
    case TokenKind::kSelf:
    case TokenKind::kColonColon: {
      if (t.kind == TokenKind::kIdentifier && t.string == strings_->dyn_string() &&
          kind_at(1) != TokenKind::kColonColon && kind_at(1) != TokenKind::kLt) {
        Advance();
        ParseTypeBounds();
        return info;
      }
      Accept(TokenKind::kColonColon);
      while (true) {
        if (!IsNameToken(peek())) {
          ReportUnexpected("a type name");
          return info;
        }
        info.head = NameOf(peek());
        info.head_position = position();
        Advance();
        if (Check(TokenKind::kLt) && !(in_cast && IsPrimitiveTypeName(info.head->view()))) {
          if (!ParseGenericArgs()) return info;
        } else if (Check(TokenKind::kLeftParen) && !in_cast &&
                   (info.head->view() == "Fn" || info.head->view() == "FnMut" ||
                    info.head->view() == "FnOnce")) {
          Advance();
          while (!Check(TokenKind::kRightParen)) {
            ParseType();
            if (failed()) return info;
            if (!Accept(TokenKind::kComma)) break;
          }
          if (Expect(TokenKind::kRightParen) && Accept(TokenKind::kArrow)) ParseType();
          return info;
        }
        if (!Check(TokenKind::kColonColon)) return info;
        Advance();
        if (Check(TokenKind::kLt)) {
          if (!ParseGenericArgs()) return info;
          if (!Check(TokenKind::kColonColon)) return info;
          Advance();
        }
      }
    }
    default:
      ReportUnexpected("a type");
      return info;
  }
}

}  // namespace ruchy::internal::parser
