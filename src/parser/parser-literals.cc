// Compound literals: tuples and parentheses, arrays (`[v; n]`), maps, struct literals,
// f-strings and macro calls (with the `{name}` reads of their format strings).

#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {

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
    auto add_read = [&](std::string_view text_name) {
      const AstString* name = strings_->Intern(text_name);
      bool named_argument = false;
      for (const Argument& argument : arguments) named_argument |= argument.name == name;
      bool seen = false;
      for (Identifier* read : reads) seen |= read->name == name;
      if (named_argument || seen || name == strings_->underscore_string()) return;
      reads.push_back(NewIdentifier(name, format->position()));
    };
    // `{:>w$}` and `{:.p$}` read the variables named before a `$` in the spec.
    size_t close = text.find('}', start);
    size_t colon = text.find(':', start);
    if (close != std::string_view::npos && colon != std::string_view::npos && colon < close) {
      for (size_t k = colon + 1; k < close; ++k) {
        if (!is_start(text[k]) || is_part(text[k - 1])) continue;
        size_t word_end = k;
        while (word_end < close && is_part(text[word_end])) ++word_end;
        if (word_end < close && text[word_end] == '$') add_read(text.substr(k, word_end - k));
        k = word_end;
      }
    }
    if (end >= text.size() || !is_start(text[end])) continue;
    while (end < text.size() && is_part(text[end])) ++end;
    if (end >= text.size() || (text[end] != '}' && text[end] != ':')) continue;
    add_read(text.substr(start, end - start));
    i = end;
  }
  return CopyToZone(zone_, reads);
}

Node* Parser::ParseNativeCall() {
  SourcePosition position = PositionOf(peek());
  Advance();  // %
  MacroCall* call = New<MacroCall>(position);
  call->name = peek().string;
  call->is_native = true;
  Advance();  // name
  if (!ParseArguments(&call->arguments)) return nullptr;
  return call;
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
    if (Check(TokenKind::kFor)) {
      result = ParseComprehension(position, first);
    } else if (Accept(TokenKind::kSemicolon)) {
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

// A list comprehension is sugar for a block that builds the list:
//   { let mut $list = []; for PATTERN in ITERABLE { if CONDITION { $list.push(element) } }; $list }
// Further `for ... in ... [if ...]` clauses nest inside the previous one. `$list` cannot be
// written in source, so it never clashes with a program's names (a nested comprehension's
// shadows it in its own block).
Node* Parser::ParseComprehension(SourcePosition position, Node* element) {
  struct Clause {
    SourcePosition position;
    Node* pattern;
    Node* iterable;
    Node* condition;
  };
  std::vector<Clause> clauses;
  while (Check(TokenKind::kFor)) {
    Clause clause{this->position(), nullptr, nullptr, nullptr};
    Advance();  // for
    clause.pattern = ParsePattern();
    if (clause.pattern == nullptr || !Expect(TokenKind::kIn)) return nullptr;
    clause.iterable = ParseExpressionNoStruct();
    if (clause.iterable == nullptr) return nullptr;
    if (Accept(TokenKind::kIf)) {
      clause.condition = ParseExpressionNoStruct();
      if (clause.condition == nullptr) return nullptr;
    }
    clauses.push_back(clause);
  }
  const AstString* list = strings_->Intern("$list");
  MethodCall* push = New<MethodCall>(element->position());
  push->receiver = NewIdentifier(list, element->position());
  push->name = strings_->Intern("push");
  push->arguments = CopyToZone(zone_, std::vector<Argument>{Argument{nullptr, element}});
  Node* inner = push;
  for (auto it = clauses.rbegin(); it != clauses.rend(); ++it) {
    if (it->condition != nullptr) {
      If* filter = New<If>(it->condition->position());
      filter->condition = it->condition;
      filter->then_block = New<Block>(inner->position());
      filter->then_block->statements = CopyToZone(zone_, std::vector<Node*>{inner});
      inner = filter;
    }
    For* loop = New<For>(it->position);
    loop->pattern = it->pattern;
    loop->iterable = it->iterable;
    loop->body = New<Block>(inner->position());
    loop->body->statements = CopyToZone(zone_, std::vector<Node*>{inner});
    inner = loop;
  }
  IdentifierPattern* binding = New<IdentifierPattern>(position);
  binding->name = list;
  binding->is_mut = true;
  Let* let = New<Let>(position);
  let->pattern = binding;
  let->value = New<ArrayLiteral>(position);
  Block* block = New<Block>(position);
  block->statements =
      CopyToZone(zone_, std::vector<Node*>{let, inner, NewIdentifier(list, position)});
  return block;
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

}  // namespace ruchy::internal::parser
