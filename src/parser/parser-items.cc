// Items: struct, enum, impl, trait and class bodies (fields with defaults, methods,
// variants, associated constants), use trees, modules and type aliases.

#include "src/parser/parser-impl.h"

namespace ruchy::internal::parser {

FunctionLiteral* Parser::MakeThunk(const AstString* name, Node* value, SourcePosition position) {
  FunctionLiteral* thunk = New<FunctionLiteral>(position);
  thunk->kind = FunctionKind::kFieldInitializer;
  thunk->name = name;
  thunk->body = value;
  return thunk;
}

bool Parser::ParseFieldDeclaration(std::vector<FieldDeclaration>* fields, bool is_pub) {
  FieldDeclaration field;
  field.position = position();
  field.is_pub = is_pub;
  if (!IsNameToken(peek())) {
    ReportUnexpected("a field name");
    return false;
  }
  field.name = NameOf(peek());
  Advance();
  if (!Expect(TokenKind::kColon)) return false;
  ParseType();
  if (failed()) return false;
  if (Accept(TokenKind::kAssign)) {
    SourcePosition value_position = position();
    Node* value = ParseExpression();
    if (value == nullptr) return false;
    field.default_value = MakeThunk(field.name, value, value_position);
  }
  fields->push_back(field);
  return true;
}

bool Parser::ParseAssociatedConstant(std::vector<AssociatedConstant>* constants) {
  Advance();  // const
  AssociatedConstant constant;
  constant.position = position();
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a constant name");
    return false;
  }
  constant.name = peek().string;
  Advance();
  if (Accept(TokenKind::kColon)) {
    ParseType();
    if (failed()) return false;
  }
  if (Accept(TokenKind::kAssign)) {
    SourcePosition value_position = position();
    Node* value = ParseExpression();
    if (value == nullptr) return false;
    constant.value = MakeThunk(constant.name, value, value_position);
  }
  Accept(TokenKind::kSemicolon);
  constants->push_back(constant);
  return true;
}

namespace {
bool IsFunctionStart(const Parser*, TokenKind k0, TokenKind k1, TokenKind k2) {
  auto is_fn = [](TokenKind k) { return k == TokenKind::kFun || k == TokenKind::kFn; };
  return is_fn(k0) || ((k0 == TokenKind::kConst || k0 == TokenKind::kUnsafe) && is_fn(k1)) ||
         (k0 == TokenKind::kConst && k1 == TokenKind::kUnsafe && is_fn(k2));
}
}  // namespace

Node* Parser::ParseStruct(std::vector<const AstString*>* attributes, bool is_pub) {
  SourcePosition start = position();
  Advance();  // struct
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a struct name");
    return nullptr;
  }
  StructDeclaration* declaration = New<StructDeclaration>(start);
  declaration->name = peek().string;
  declaration->is_pub = is_pub;
  declaration->attributes = CopyToZone(zone_, *attributes);
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
  if (Accept(TokenKind::kSemicolon)) {
    declaration->tuple_arity = 0;
    return declaration;
  }
  if (Accept(TokenKind::kLeftParen)) {
    int32_t arity = 0;
    std::vector<const AstString*> ignored;
    while (!Check(TokenKind::kRightParen)) {
      ParseAttributes(&ignored);
      ParseVisibility();
      ParseType();
      if (failed()) return nullptr;
      ++arity;
      if (!Accept(TokenKind::kComma)) break;
    }
    if (!Expect(TokenKind::kRightParen)) return nullptr;
    if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
    declaration->tuple_arity = arity;
    return declaration;
  }
  if (!Check(TokenKind::kLeftBrace)) {
    // A unit struct written without ';' at the end of a line.
    if (peek().newline_before || Check(TokenKind::kEos) || Check(TokenKind::kRightBrace)) {
      declaration->tuple_arity = 0;
      return declaration;
    }
    ReportUnexpected("'{' to start the struct body");
    return nullptr;
  }
  Advance();
  std::vector<FieldDeclaration> fields;
  std::vector<FunctionLiteral*> methods;
  while (!Check(TokenKind::kRightBrace) && !Check(TokenKind::kEos)) {
    if (Accept(TokenKind::kComma) || Accept(TokenKind::kSemicolon)) continue;
    std::vector<const AstString*> member_attributes;
    ParseAttributes(&member_attributes);
    if (failed()) return nullptr;
    bool member_pub = ParseVisibility();
    bool is_async = CheckContextual(strings_->async_string());
    if (is_async) Advance();
    if (IsFunctionStart(this, kind(), kind_at(1), kind_at(2))) {
      while (Check(TokenKind::kConst) || Check(TokenKind::kUnsafe)) Advance();
      FunctionLiteral* method =
          ParseFunction(FunctionKind::kMethod, &member_attributes, member_pub);
      if (method == nullptr) return nullptr;
      if (method->body == nullptr) {
        ReportError(tokens_[pos_ - 1], "a method needs a body");
        return nullptr;
      }
      method->is_async = is_async;
      methods.push_back(method);
    } else if (!ParseFieldDeclaration(&fields, member_pub)) {
      return nullptr;
    } else if (!Check(TokenKind::kComma) && !Check(TokenKind::kSemicolon) &&
               !Check(TokenKind::kRightBrace) && !peek().newline_before) {
      ReportUnexpected("',' or a new line after the field");
      return nullptr;
    }
  }
  if (!Expect(TokenKind::kRightBrace)) return nullptr;
  declaration->fields = CopyToZone(zone_, fields);
  declaration->methods = CopyToZone(zone_, methods);
  return declaration;
}

Node* Parser::ParseEnum(std::vector<const AstString*>* attributes, bool is_pub) {
  SourcePosition start = position();
  Advance();  // enum
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("an enum name");
    return nullptr;
  }
  EnumDeclaration* declaration = New<EnumDeclaration>(start);
  declaration->name = peek().string;
  declaration->is_pub = is_pub;
  declaration->attributes = CopyToZone(zone_, *attributes);
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
  if (!Expect(TokenKind::kLeftBrace)) return nullptr;
  std::vector<EnumVariant> variants;
  std::vector<FunctionLiteral*> methods;
  while (!Check(TokenKind::kRightBrace) && !Check(TokenKind::kEos)) {
    if (Accept(TokenKind::kComma) || Accept(TokenKind::kSemicolon)) continue;
    std::vector<const AstString*> member_attributes;
    ParseAttributes(&member_attributes);
    if (failed()) return nullptr;
    bool member_pub = ParseVisibility();
    if (IsFunctionStart(this, kind(), kind_at(1), kind_at(2))) {
      while (Check(TokenKind::kConst) || Check(TokenKind::kUnsafe)) Advance();
      FunctionLiteral* method =
          ParseFunction(FunctionKind::kMethod, &member_attributes, member_pub);
      if (method == nullptr) return nullptr;
      if (method->body == nullptr) {
        ReportError(tokens_[pos_ - 1], "a method needs a body");
        return nullptr;
      }
      methods.push_back(method);
      continue;
    }
    if (!Check(TokenKind::kIdentifier)) {
      ReportUnexpected("a variant name");
      return nullptr;
    }
    EnumVariant variant;
    variant.position = position();
    variant.name = peek().string;
    Advance();
    if (Accept(TokenKind::kLeftParen)) {
      variant.kind = VariantKind::kTuple;
      while (!Check(TokenKind::kRightParen)) {
        ParseType();
        if (failed()) return nullptr;
        ++variant.arity;
        if (!Accept(TokenKind::kComma)) break;
      }
      if (!Expect(TokenKind::kRightParen)) return nullptr;
    } else if (Accept(TokenKind::kLeftBrace)) {
      variant.kind = VariantKind::kStruct;
      std::vector<const AstString*> names;
      while (!Check(TokenKind::kRightBrace)) {
        std::vector<const AstString*> ignored;
        ParseAttributes(&ignored);
        ParseVisibility();
        if (!IsNameToken(peek())) {
          ReportUnexpected("a field name");
          return nullptr;
        }
        names.push_back(NameOf(peek()));
        Advance();
        if (!Expect(TokenKind::kColon)) return nullptr;
        ParseType();
        if (failed()) return nullptr;
        if (!Accept(TokenKind::kComma) && !peek().newline_before) break;
      }
      if (!Expect(TokenKind::kRightBrace)) return nullptr;
      variant.field_names = CopyToZone(zone_, names);
    }
    if (Accept(TokenKind::kAssign)) {
      bool negative = Accept(TokenKind::kSub);
      if (!Check(TokenKind::kInteger) ||
          peek().int_value > (negative ? uint64_t{1} << 63 : uint64_t{INT64_MAX})) {
        ReportError(peek(), "an enum discriminant must be an integer literal");
        return nullptr;
      }
      uint64_t magnitude = peek().int_value;
      variant.discriminant =
          negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
      variant.has_discriminant = true;
      Advance();
    }
    variants.push_back(variant);
    if (!Accept(TokenKind::kComma) && !peek().newline_before && !Check(TokenKind::kRightBrace)) {
      ReportUnexpected("',' or '}' after the variant");
      return nullptr;
    }
  }
  if (!Expect(TokenKind::kRightBrace)) return nullptr;
  declaration->variants = CopyToZone(zone_, variants);
  declaration->methods = CopyToZone(zone_, methods);
  return declaration;
}

Node* Parser::ParseImpl() {
  SourcePosition start = position();
  Advance();  // impl
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  Accept(TokenKind::kBang);  // impl !Send for T
  TypeInfo first = ParseType();
  if (failed()) return nullptr;
  TypeInfo type = first;
  TypeInfo trait;
  if (Accept(TokenKind::kFor)) {
    trait = first;
    type = ParseType();
    if (failed()) return nullptr;
  }
  if (type.head == nullptr || (trait.head == nullptr && first.head != type.head)) {
    ReportError(tokens_[pos_ - 1], "expected a type name in the impl header");
    return nullptr;
  }
  if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
  if (!Expect(TokenKind::kLeftBrace)) return nullptr;
  ImplDeclaration* declaration = New<ImplDeclaration>(start);
  declaration->type = NewIdentifier(type.head, type.head_position);
  if (trait.head != nullptr) declaration->trait = NewIdentifier(trait.head, trait.head_position);
  if (!ParseMemberBlock(MemberBlockKind::kImpl, &declaration->methods, &declaration->constants)) {
    return nullptr;
  }
  return declaration;
}

Node* Parser::ParseTrait(bool is_pub) {
  SourcePosition start = position();
  Advance();  // trait
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a trait name");
    return nullptr;
  }
  TraitDeclaration* declaration = New<TraitDeclaration>(start);
  declaration->name = peek().string;
  declaration->is_pub = is_pub;
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  if (Accept(TokenKind::kColon) && !ParseTypeBounds()) return nullptr;
  if (CheckContextual(strings_->where_string()) && !ParseWhereClause()) return nullptr;
  if (!Expect(TokenKind::kLeftBrace)) return nullptr;
  if (!ParseMemberBlock(MemberBlockKind::kTrait, &declaration->methods, &declaration->constants)) {
    return nullptr;
  }
  return declaration;
}

Node* Parser::ParseClass(bool is_pub) {
  SourcePosition start = position();
  Advance();  // class
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a class name");
    return nullptr;
  }
  ClassDeclaration* declaration = New<ClassDeclaration>(start);
  declaration->name = peek().string;
  declaration->is_pub = is_pub;
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  if (Accept(TokenKind::kColon) ||
      (CheckContextual(strings_->Intern("extends")) && (Advance(), true))) {
    TypeInfo parent = ParseType();
    if (failed()) return nullptr;
    if (parent.head == nullptr) {
      ReportError(tokens_[pos_ - 1], "expected the parent class name");
      return nullptr;
    }
    declaration->parent = NewIdentifier(parent.head, parent.head_position);
  }
  if (!Expect(TokenKind::kLeftBrace)) return nullptr;
  std::vector<FieldDeclaration> fields;
  std::vector<FunctionLiteral*> constructors;
  std::vector<FunctionLiteral*> methods;
  while (!Check(TokenKind::kRightBrace) && !Check(TokenKind::kEos)) {
    if (Accept(TokenKind::kComma) || Accept(TokenKind::kSemicolon)) continue;
    std::vector<const AstString*> member_attributes;
    ParseAttributes(&member_attributes);
    if (failed()) return nullptr;
    bool member_pub = ParseVisibility();
    Accept(TokenKind::kStatic);
    bool is_async = CheckContextual(strings_->async_string());
    if (is_async) Advance();
    if (IsFunctionStart(this, kind(), kind_at(1), kind_at(2))) {
      while (Check(TokenKind::kConst) || Check(TokenKind::kUnsafe)) Advance();
      FunctionLiteral* method =
          ParseFunction(FunctionKind::kMethod, &member_attributes, member_pub);
      if (method == nullptr) return nullptr;
      if (method->body == nullptr) {
        ReportError(tokens_[pos_ - 1], "a method needs a body");
        return nullptr;
      }
      method->is_async = is_async;
      methods.push_back(method);
    } else if (Check(TokenKind::kIdentifier) && kind_at(1) == TokenKind::kLeftParen) {
      // Constructor: new(params) { ... } with an implicit `self` (the new instance).
      FunctionLiteral* constructor = New<FunctionLiteral>(position());
      constructor->kind = FunctionKind::kConstructor;
      constructor->name = peek().string;
      constructor->is_pub = member_pub;
      constructor->self_kind = SelfKind::kMutRef;
      Advance();
      ParseParameters(constructor, /*allow_self=*/false);
      if (failed()) return nullptr;
      std::vector<Parameter> parameters;
      Parameter self;
      self.position = constructor->position();
      IdentifierPattern* self_pattern = New<IdentifierPattern>(constructor->position());
      self_pattern->name = strings_->self_string();
      self.pattern = self_pattern;
      self.is_self = true;
      self.is_inout = true;  // the new instance is the constructor's result: live at exit
      parameters.push_back(self);
      for (const Parameter& p : constructor->parameters) parameters.push_back(p);
      constructor->parameters = CopyToZone(zone_, parameters);
      if (Accept(TokenKind::kArrow)) ParseType();
      if (failed()) return nullptr;
      auto saved_labels = std::move(labels_);
      labels_.clear();
      int saved_loop_depth = loop_depth_;
      loop_depth_ = 0;
      constructor->body = ParseBlock();
      labels_ = std::move(saved_labels);
      loop_depth_ = saved_loop_depth;
      if (constructor->body == nullptr) return nullptr;
      constructors.push_back(constructor);
    } else {
      if (Check(TokenKind::kLet) || Check(TokenKind::kVar)) {
        Advance();
        Accept(TokenKind::kMut);
      }
      if (!ParseFieldDeclaration(&fields, member_pub)) return nullptr;
      if (!Check(TokenKind::kComma) && !Check(TokenKind::kSemicolon) &&
          !Check(TokenKind::kRightBrace) && !peek().newline_before) {
        ReportUnexpected("',' or a new line after the field");
        return nullptr;
      }
    }
  }
  if (!Expect(TokenKind::kRightBrace)) return nullptr;
  declaration->fields = CopyToZone(zone_, fields);
  declaration->constructors = CopyToZone(zone_, constructors);
  declaration->methods = CopyToZone(zone_, methods);
  return declaration;
}

void Parser::ParseUse(ScopedList<Node*>* out) {
  SourcePosition start = position();
  Advance();  // use
  Accept(TokenKind::kColonColon);
  std::vector<const AstString*> prefix;
  ParseUseTree(&prefix, out, start);
}

void Parser::ParseUseTree(std::vector<const AstString*>* prefix, ScopedList<Node*>* out,
                          SourcePosition position) {
  DepthGuard guard(this);
  if (guard.Exceeded()) return;
  while (true) {
    if (Check(TokenKind::kLeftBrace)) {
      Advance();
      while (!Check(TokenKind::kRightBrace)) {
        std::vector<const AstString*> branch = *prefix;
        ParseUseTree(&branch, out, position);
        if (failed()) return;
        if (!Accept(TokenKind::kComma)) break;
      }
      Expect(TokenKind::kRightBrace);
      return;
    }
    UseDeclaration* declaration = nullptr;
    if (Check(TokenKind::kMul)) {
      Advance();
      declaration = New<UseDeclaration>(position);
      declaration->is_glob = true;
      declaration->path = CopyToZone(zone_, *prefix);
      out->Add(declaration);
      return;
    }
    if (!IsNameToken(peek())) {
      ReportUnexpected("a module path");
      return;
    }
    prefix->push_back(NameOf(peek()));
    Advance();
    if (Accept(TokenKind::kColonColon)) continue;
    declaration = New<UseDeclaration>(position);
    declaration->path = CopyToZone(zone_, *prefix);
    const AstString* bound = prefix->back();
    if (bound == strings_->self_string() && prefix->size() >= 2)
      bound = (*prefix)[prefix->size() - 2];
    if (Accept(TokenKind::kAs)) {
      if (!Check(TokenKind::kIdentifier)) {
        ReportUnexpected("a name after 'as'");
        return;
      }
      bound = peek().string;
      Advance();
    }
    std::string_view root = (*prefix)[0]->view();
    if (root == "std" || root == "core" || root == "alloc" ||
        bound == strings_->underscore_string()) {
      bound = nullptr;  // accepted and ignored
    }
    declaration->bound_name = bound;
    out->Add(declaration);
    return;
  }
}

Node* Parser::ParseModule(bool is_pub) {
  SourcePosition start = position();
  Advance();  // mod
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a module name");
    return nullptr;
  }
  ModuleDeclaration* declaration = New<ModuleDeclaration>(start);
  declaration->name = peek().string;
  declaration->is_pub = is_pub;
  Advance();
  if (Accept(TokenKind::kSemicolon)) return declaration;
  if (!Check(TokenKind::kLeftBrace)) {
    if (peek().newline_before || Check(TokenKind::kEos)) return declaration;
    ReportUnexpected("';' or '{' after the module name");
    return nullptr;
  }
  declaration->body = ParseBlock();
  if (declaration->body == nullptr) return nullptr;
  return declaration;
}

// The members of an impl or trait body, after its '{' and through its '}': methods,
// associated constants and associated types. Impl methods need bodies; a trait's may be
// signatures, and its associated types may be bare (`type Item;`) or bounded.
bool Parser::ParseMemberBlock(MemberBlockKind block, NodeList<FunctionLiteral*>* methods_out,
                              NodeList<AssociatedConstant>* constants_out) {
  const bool is_trait = block == MemberBlockKind::kTrait;
  std::vector<FunctionLiteral*> methods;
  std::vector<AssociatedConstant> constants;
  while (!Check(TokenKind::kRightBrace) && !Check(TokenKind::kEos)) {
    if (Accept(TokenKind::kComma) || Accept(TokenKind::kSemicolon)) continue;
    std::vector<const AstString*> member_attributes;
    ParseAttributes(&member_attributes);
    if (failed()) return false;
    bool member_pub = ParseVisibility();
    bool is_async = CheckContextual(strings_->async_string());
    if (is_async) Advance();
    if (IsFunctionStart(this, kind(), kind_at(1), kind_at(2))) {
      while (Check(TokenKind::kConst) || Check(TokenKind::kUnsafe)) Advance();
      FunctionLiteral* method =
          ParseFunction(FunctionKind::kMethod, &member_attributes, member_pub);
      if (method == nullptr) return false;
      if (!is_trait && method->body == nullptr) {
        ReportError(tokens_[pos_ - 1], "a method in an impl needs a body");
        return false;
      }
      method->is_async = is_async;
      methods.push_back(method);
    } else if (Check(TokenKind::kConst)) {
      if (!ParseAssociatedConstant(&constants)) return false;
    } else if (CheckContextual(strings_->type_string())) {
      if (!is_trait) {
        ParseTypeAlias();  // type Item = T;
        if (failed()) return false;
        continue;
      }
      // type Item;  type Item: Bound;  type Item = T;
      Advance();
      if (!Check(TokenKind::kIdentifier)) {
        ReportUnexpected("an associated type name");
        return false;
      }
      Advance();
      if (Accept(TokenKind::kColon) && !ParseTypeBounds()) return false;
      if (Accept(TokenKind::kAssign)) ParseType();
      if (failed()) return false;
      Accept(TokenKind::kSemicolon);
    } else {
      ReportUnexpected(is_trait ? "a method, constant or associated type" : "a method or constant");
      return false;
    }
  }
  if (!Expect(TokenKind::kRightBrace)) return false;
  *methods_out = CopyToZone(zone_, methods);
  *constants_out = CopyToZone(zone_, constants);
  return true;
}

Node* Parser::ParseTypeAlias() {
  SourcePosition start = position();
  Advance();  // type
  if (!Check(TokenKind::kIdentifier)) {
    ReportUnexpected("a type name");
    return nullptr;
  }
  TypeAlias* alias = New<TypeAlias>(start);
  alias->name = peek().string;
  Advance();
  if (Check(TokenKind::kLt) && !ParseGenericParams()) return nullptr;
  if (!Expect(TokenKind::kAssign)) return nullptr;
  ParseType();
  if (failed()) return nullptr;
  return alias;
}

}  // namespace ruchy::internal::parser
