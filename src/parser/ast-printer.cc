// The --print-ast dump: one node per line, `Kind @LINE:COL details`, children
// indented by two spaces and labelled by the field they sit in. After scope analysis
// names carry their resolution ([register r0], [context depth=1 slot=0], [global]).
#include "src/parser/ast-printer.h"

#include <charconv>

#include "src/parser/scopes.h"

namespace ruchy::internal::parser {

namespace {

std::string Quote(const AstString* s) {
  std::string out = "\"";
  for (unsigned char c : s->view()) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buffer[12];
          std::snprintf(buffer, sizeof(buffer), "\\u{%x}", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string FormatDouble(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (ec != std::errc()) return "?";
  std::string text(buffer, end);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";  // 5 -> 5.0 (not inf/nan)
  return text;
}

std::string Name(const AstString* s) { return s == nullptr ? "<none>" : std::string(s->view()); }

const char* FunctionKindName(FunctionKind kind) {
  switch (kind) {
    case FunctionKind::kScript:
      return "script";
    case FunctionKind::kFunction:
      return "function";
    case FunctionKind::kMethod:
      return "method";
    case FunctionKind::kConstructor:
      return "constructor";
    case FunctionKind::kClosure:
      return "closure";
    case FunctionKind::kFieldInitializer:
      return "initializer";
  }
  return "?";
}

const char* SelfKindName(SelfKind kind) {
  switch (kind) {
    case SelfKind::kNone:
      return "";
    case SelfKind::kValue:
      return " self";
    case SelfKind::kRef:
      return " &self";
    case SelfKind::kMutRef:
      return " &mut self";
  }
  return "";
}

const char* LetKindName(LetKind kind) {
  switch (kind) {
    case LetKind::kLet:
      return "let";
    case LetKind::kVar:
      return "var";
    case LetKind::kConst:
      return "const";
    case LetKind::kStatic:
      return "static";
  }
  return "?";
}

class AstPrinter {
 public:
  explicit AstPrinter(bool with_scopes) : with_scopes_(with_scopes) {}

  std::string Take() { return std::move(out_); }

  void Print(const Node* node, int indent, const char* label);

 private:
  void Line(int indent, const char* label, const Node* node, const std::string& details) {
    out_.append(static_cast<size_t>(indent) * 2, ' ');
    if (label != nullptr) {
      out_ += label;
      out_ += ": ";
    }
    if (node == nullptr) {
      out_ += "<none>\n";
      return;
    }
    out_ += NodeKindName(node->kind());
    out_ += " @" + std::to_string(node->position().line) + ":" +
            std::to_string(node->position().column);
    if (!details.empty()) out_ += " " + details;
    out_ += '\n';
  }
  void Text(int indent, const std::string& text) {
    out_.append(static_cast<size_t>(indent) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }
  void Child(const Node* node, int indent, const char* label) {
    if (node != nullptr) Print(node, indent, label);
  }
  std::string Location(const Variable* variable) const;
  std::string Resolution(const Identifier* id) const;
  std::string ScopeSummary(const Scope* scope) const;
  std::string Attributes(const NodeList<const AstString*>& attributes) const {
    if (attributes.empty()) return "";
    std::string out = " #[";
    for (uint32_t i = 0; i < attributes.size(); ++i) {
      if (i > 0) out += ", ";
      out += Name(attributes[i]);
    }
    return out + "]";
  }
  void PrintFunction(const FunctionLiteral* function, int indent, const char* label);
  void PrintArguments(const NodeList<Argument>& arguments, int indent);
  void PrintFields(const NodeList<FieldDeclaration>& fields, int indent);

  bool with_scopes_;
  std::string out_;
};

std::string AstPrinter::Location(const Variable* variable) const {
  if (!with_scopes_ || variable == nullptr) return "";
  std::string out = " [";
  switch (variable->location()) {
    case VariableLocation::kUnallocated:
      out += "unallocated";
      break;
    case VariableLocation::kParameter:
      out += "param " + std::to_string(variable->index());
      break;
    case VariableLocation::kRegister:
      out += "register r" + std::to_string(variable->index());
      break;
    case VariableLocation::kContext:
      out += "context slot=" + std::to_string(variable->index());
      break;
    case VariableLocation::kGlobal:
      out += "global";
      break;
  }
  if (variable->is_captured()) out += " captured";
  if (variable->is_inout()) out += " inout";
  return out + "]";
}

std::string AstPrinter::Resolution(const Identifier* id) const {
  if (!with_scopes_) return "";
  std::string out = " [";
  switch (id->location()) {
    case VariableLocation::kUnallocated:
      out += "unallocated";
      break;
    case VariableLocation::kParameter:
      out += "param " + std::to_string(id->variable->index());
      break;
    case VariableLocation::kRegister:
      out += "register r" + std::to_string(id->variable->index());
      break;
    case VariableLocation::kContext:
      out += "context depth=" + std::to_string(id->context_depth) +
             " slot=" + std::to_string(id->variable->index());
      break;
    case VariableLocation::kGlobal:
      out += id->variable == nullptr ? "global (unbound)" : "global";
      break;
  }
  if (id->access == VariableAccess::kWrite) out += " write";
  if (id->access == VariableAccess::kReadWrite) out += " read-write";
  if (id->is_last_use) out += " last-use";
  return out + "]";
}

std::string AstPrinter::ScopeSummary(const Scope* scope) const {
  if (!with_scopes_ || scope == nullptr || !scope->needs_context()) return "";
  return "[context-slots=" + std::to_string(scope->num_context_slots()) + "]";
}

void AstPrinter::PrintArguments(const NodeList<Argument>& arguments, int indent) {
  for (const Argument& argument : arguments) {
    if (argument.name != nullptr) {
      std::string label = "arg " + Name(argument.name);
      Print(argument.value, indent, label.c_str());
    } else {
      Print(argument.value, indent, "arg");
    }
  }
}

void AstPrinter::PrintFields(const NodeList<FieldDeclaration>& fields, int indent) {
  for (const FieldDeclaration& field : fields) {
    Text(indent, "field " + Name(field.name) + (field.is_pub ? " pub" : "") + " @" +
                     std::to_string(field.position.line) + ":" +
                     std::to_string(field.position.column));
    if (field.default_value != nullptr) PrintFunction(field.default_value, indent + 1, "default");
  }
}

void AstPrinter::PrintFunction(const FunctionLiteral* function, int indent, const char* label) {
  std::string details = FunctionKindName(function->kind);
  if (function->name != nullptr) details += " " + Name(function->name);
  details += SelfKindName(function->self_kind);
  if (function->is_pub) details += " pub";
  if (function->is_async) details += " async";
  details += Attributes(function->attributes);
  if (with_scopes_ && function->scope != nullptr) {
    const DeclarationScope* scope = function->scope;
    details += " [params=" + std::to_string(scope->num_parameters()) +
               " registers=" + std::to_string(scope->num_registers()) +
               " context-slots=" + std::to_string(scope->num_context_slots());
    if (!scope->captures().empty()) {
      details += " captures=";
      for (size_t i = 0; i < scope->captures().size(); ++i) {
        details += (i > 0 ? "," : "") + Name(scope->captures()[i]->name());
      }
    }
    details += "]";
  }
  Line(indent, label, function, details);
  for (const Parameter& parameter : function->parameters) {
    std::string param_label = "param";
    if (parameter.is_inout) param_label += " inout";
    Print(parameter.pattern, indent + 1, param_label.c_str());
    Child(parameter.default_value, indent + 2, "default");
  }
  if (function->body != nullptr) Print(function->body, indent + 1, "body");
}

void AstPrinter::Print(const Node* node, int indent, const char* label) {
  if (node == nullptr) {
    Line(indent, label, nullptr, "");
    return;
  }
  switch (node->kind()) {
    case NodeKind::kIntLiteral:
      Line(indent, label, node, std::to_string(node->AsIntLiteral()->value));
      return;
    case NodeKind::kFloatLiteral:
      Line(indent, label, node, FormatDouble(node->AsFloatLiteral()->value));
      return;
    case NodeKind::kStringLiteral:
      Line(indent, label, node,
           Quote(node->AsStringLiteral()->value) +
               (node->AsStringLiteral()->is_char ? " char" : ""));
      return;
    case NodeKind::kBoolLiteral:
      Line(indent, label, node, node->AsBoolLiteral()->value ? "true" : "false");
      return;
    case NodeKind::kNilLiteral:
      Line(indent, label, node, "");
      return;
    case NodeKind::kFString:
      Line(indent, label, node, "");
      for (const FStringPart& part : node->AsFString()->parts) {
        if (part.expression == nullptr) {
          Text(indent + 1, "text: " + Quote(part.text));
        } else {
          std::string part_label = part.spec != nullptr ? "interpolation spec=" + Quote(part.spec)
                                                        : std::string("interpolation");
          Print(part.expression, indent + 1, part_label.c_str());
        }
      }
      return;
    case NodeKind::kIdentifier: {
      const Identifier* id = node->AsIdentifier();
      std::string details = Name(id->name);
      if (id->is_self_alias && id->variable != nullptr)
        details += " (" + Name(id->variable->name()) + ")";
      Line(indent, label, node, details + Resolution(id));
      return;
    }
    case NodeKind::kPath: {
      const Path* path = node->AsPath();
      std::string details;
      for (const AstString* segment : path->segments) details += "::" + Name(segment);
      Line(indent, label, node, details);
      Print(path->root, indent + 1, "root");
      return;
    }
    case NodeKind::kArrayLiteral:
      Line(indent, label, node, "");
      for (const Node* element : node->AsArrayLiteral()->elements)
        Print(element, indent + 1, nullptr);
      return;
    case NodeKind::kArrayRepeat:
      Line(indent, label, node, "");
      Print(node->AsArrayRepeat()->value, indent + 1, "value");
      Print(node->AsArrayRepeat()->count, indent + 1, "count");
      return;
    case NodeKind::kTupleLiteral:
      Line(indent, label, node, "");
      for (const Node* element : node->AsTupleLiteral()->elements)
        Print(element, indent + 1, nullptr);
      return;
    case NodeKind::kMapLiteral:
      Line(indent, label, node, "");
      for (const MapEntry& entry : node->AsMapLiteral()->entries) {
        Print(entry.key, indent + 1, "key");
        Print(entry.value, indent + 2, "value");
      }
      return;
    case NodeKind::kStructLiteral: {
      const StructLiteral* literal = node->AsStructLiteral();
      Line(indent, label, node, "");
      Print(literal->type, indent + 1, "type");
      for (const StructLiteralField& field : literal->fields) {
        std::string field_label =
            "field " + Name(field.name) + (field.shorthand ? " (shorthand)" : "");
        Print(field.value, indent + 1, field_label.c_str());
      }
      Child(literal->base, indent + 1, "base");
      return;
    }
    case NodeKind::kUnary: {
      const Unary* unary = node->AsUnary();
      std::string op = unary->op == TokenKind::kMul      ? "deref"
                       : unary->op == TokenKind::kBitAnd ? (unary->is_mut_ref ? "&mut" : "&")
                                                         : TokenText(unary->op);
      Line(indent, label, node, op);
      Print(unary->operand, indent + 1, nullptr);
      return;
    }
    case NodeKind::kBinary:
      Line(indent, label, node, TokenText(node->AsBinary()->op));
      Print(node->AsBinary()->left, indent + 1, nullptr);
      Print(node->AsBinary()->right, indent + 1, nullptr);
      return;
    case NodeKind::kAssign:
      Line(indent, label, node, TokenText(node->AsAssign()->op));
      Print(node->AsAssign()->target, indent + 1, "target");
      Print(node->AsAssign()->value, indent + 1, "value");
      return;
    case NodeKind::kConditional:
      Line(indent, label, node, "");
      Print(node->AsConditional()->condition, indent + 1, "condition");
      Print(node->AsConditional()->then_value, indent + 1, "then");
      Print(node->AsConditional()->else_value, indent + 1, "else");
      return;
    case NodeKind::kCast:
      Line(indent, label, node, "as " + Name(node->AsCast()->type_name));
      Print(node->AsCast()->operand, indent + 1, nullptr);
      return;
    case NodeKind::kRange:
      Line(indent, label, node, node->AsRange()->inclusive ? "..=" : "..");
      Child(node->AsRange()->from, indent + 1, "from");
      Child(node->AsRange()->to, indent + 1, "to");
      return;
    case NodeKind::kCall:
      Line(indent, label, node, "");
      Print(node->AsCall()->callee, indent + 1, "callee");
      PrintArguments(node->AsCall()->arguments, indent + 1);
      return;
    case NodeKind::kMethodCall: {
      const MethodCall* call = node->AsMethodCall();
      Line(indent, label, node, Name(call->name));
      Print(call->receiver, indent + 1, "receiver");
      PrintArguments(call->arguments, indent + 1);
      return;
    }
    case NodeKind::kMacroCall: {
      const MacroCall* call = node->AsMacroCall();
      Line(indent, label, node, Name(call->name) + "!" + (call->is_repeat ? " repeat" : ""));
      PrintArguments(call->arguments, indent + 1);
      Child(call->pattern, indent + 1, "pattern");
      Child(call->guard, indent + 1, "guard");
      return;
    }
    case NodeKind::kMember: {
      const Member* member = node->AsMember();
      std::string details =
          member->tuple_index >= 0 ? std::to_string(member->tuple_index) : Name(member->name);
      Line(indent, label, node, details);
      Print(member->object, indent + 1, nullptr);
      return;
    }
    case NodeKind::kIndex:
      Line(indent, label, node, "");
      Print(node->AsIndex()->object, indent + 1, "object");
      Print(node->AsIndex()->index, indent + 1, "index");
      return;
    case NodeKind::kTryOp:
      Line(indent, label, node, "");
      Print(node->AsTryOp()->operand, indent + 1, nullptr);
      return;
    case NodeKind::kFunctionLiteral:
      PrintFunction(node->AsFunctionLiteral(), indent, label);
      return;
    case NodeKind::kBlock: {
      const Block* block = node->AsBlock();
      std::string details;
      if (block->label != nullptr) details = "'" + Name(block->label);
      std::string scope = ScopeSummary(block->scope);
      if (!scope.empty()) details += (details.empty() ? "" : " ") + scope;
      Line(indent, label, node, details);
      for (const Node* statement : block->statements) Print(statement, indent + 1, nullptr);
      return;
    }
    case NodeKind::kIf: {
      const If* node_if = node->AsIf();
      Line(indent, label, node, node_if->let_pattern != nullptr ? "let" : "");
      Child(node_if->condition, indent + 1, "condition");
      Child(node_if->let_pattern, indent + 1, "pattern");
      Child(node_if->let_value, indent + 1, "value");
      Print(node_if->then_block, indent + 1, "then");
      Child(node_if->else_branch, indent + 1, "else");
      return;
    }
    case NodeKind::kMatch:
      Line(indent, label, node, "");
      Print(node->AsMatch()->subject, indent + 1, "subject");
      for (const MatchArm& arm : node->AsMatch()->arms) {
        std::string arm_line =
            "arm @" + std::to_string(arm.position.line) + ":" + std::to_string(arm.position.column);
        std::string scope = ScopeSummary(arm.scope);
        if (!scope.empty()) arm_line += " " + scope;
        Text(indent + 1, arm_line);
        Print(arm.pattern, indent + 2, "pattern");
        Child(arm.guard, indent + 2, "guard");
        Print(arm.body, indent + 2, "body");
      }
      return;
    case NodeKind::kWhile: {
      const While* loop = node->AsWhile();
      std::string details = loop->label != nullptr ? "'" + Name(loop->label) : "";
      if (loop->let_pattern != nullptr) details += details.empty() ? "let" : " let";
      Line(indent, label, node, details);
      Child(loop->condition, indent + 1, "condition");
      Child(loop->let_pattern, indent + 1, "pattern");
      Child(loop->let_value, indent + 1, "value");
      Print(loop->body, indent + 1, "body");
      return;
    }
    case NodeKind::kLoop:
      Line(indent, label, node,
           node->AsLoop()->label != nullptr ? "'" + Name(node->AsLoop()->label) : "");
      Print(node->AsLoop()->body, indent + 1, "body");
      return;
    case NodeKind::kFor: {
      const For* loop = node->AsFor();
      Line(indent, label, node, loop->label != nullptr ? "'" + Name(loop->label) : "");
      Print(loop->pattern, indent + 1, "pattern");
      Print(loop->iterable, indent + 1, "iterable");
      Print(loop->body, indent + 1, "body");
      return;
    }
    case NodeKind::kTryCatch: {
      const TryCatch* node_try = node->AsTryCatch();
      Line(indent, label, node, "");
      Print(node_try->try_block, indent + 1, "try");
      Child(node_try->catch_pattern, indent + 1, "catch pattern");
      Child(node_try->catch_block, indent + 1, "catch");
      Child(node_try->finally_block, indent + 1, "finally");
      return;
    }
    case NodeKind::kReturn:
      Line(indent, label, node, "");
      Child(node->AsReturn()->value, indent + 1, nullptr);
      return;
    case NodeKind::kBreak:
    case NodeKind::kContinue: {
      const AstString* jump_label =
          node->IsBreak() ? node->AsBreak()->label : node->AsContinue()->label;
      const Node* target = node->IsBreak() ? node->AsBreak()->target : node->AsContinue()->target;
      std::string details = jump_label != nullptr ? "'" + Name(jump_label) : "";
      if (with_scopes_) {
        std::string target_text = target == nullptr
                                      ? "none"
                                      : std::string(NodeKindName(target->kind())) + " @" +
                                            std::to_string(target->position().line) + ":" +
                                            std::to_string(target->position().column);
        details += (details.empty() ? "" : " ") + ("[target " + target_text + "]");
      }
      Line(indent, label, node, details);
      if (node->IsBreak()) Child(node->AsBreak()->value, indent + 1, nullptr);
      return;
    }
    case NodeKind::kThrow:
      Line(indent, label, node, "");
      Print(node->AsThrow()->value, indent + 1, nullptr);
      return;
    case NodeKind::kLet: {
      const Let* let = node->AsLet();
      Line(indent, label, node,
           std::string(LetKindName(let->let_kind)) + (let->is_pub ? " pub" : ""));
      Print(let->pattern, indent + 1, "pattern");
      Child(let->value, indent + 1, "value");
      Child(let->else_block, indent + 1, "else");
      return;
    }
    case NodeKind::kFunctionDeclaration: {
      const FunctionDeclaration* declaration = node->AsFunctionDeclaration();
      Line(indent, label, node,
           Name(declaration->function->name) + Location(declaration->variable));
      PrintFunction(declaration->function, indent + 1, nullptr);
      return;
    }
    case NodeKind::kStructDeclaration: {
      const StructDeclaration* declaration = node->AsStructDeclaration();
      std::string details = Name(declaration->name);
      if (declaration->tuple_arity >= 0)
        details += " tuple(" + std::to_string(declaration->tuple_arity) + ")";
      if (declaration->is_pub) details += " pub";
      details += Attributes(declaration->attributes) + Location(declaration->variable);
      Line(indent, label, node, details);
      PrintFields(declaration->fields, indent + 1);
      for (const FunctionLiteral* method : declaration->methods)
        PrintFunction(method, indent + 1, "method");
      return;
    }
    case NodeKind::kEnumDeclaration: {
      const EnumDeclaration* declaration = node->AsEnumDeclaration();
      Line(indent, label, node,
           Name(declaration->name) + (declaration->is_pub ? " pub" : "") +
               Attributes(declaration->attributes) + Location(declaration->variable));
      for (const EnumVariant& variant : declaration->variants) {
        std::string text = "variant " + Name(variant.name);
        if (variant.kind == VariantKind::kTuple) text += "(" + std::to_string(variant.arity) + ")";
        if (variant.kind == VariantKind::kStruct) {
          text += " {";
          for (uint32_t i = 0; i < variant.field_names.size(); ++i) {
            text += (i > 0 ? ", " : " ") + Name(variant.field_names[i]);
          }
          text += " }";
        }
        if (variant.has_discriminant) text += " = " + std::to_string(variant.discriminant);
        Text(indent + 1, text);
      }
      for (const FunctionLiteral* method : declaration->methods)
        PrintFunction(method, indent + 1, "method");
      return;
    }
    case NodeKind::kImplDeclaration: {
      const ImplDeclaration* declaration = node->AsImplDeclaration();
      Line(indent, label, node, "");
      Print(declaration->type, indent + 1, "type");
      Child(declaration->trait, indent + 1, "trait");
      for (const AssociatedConstant& constant : declaration->constants) {
        std::string const_label = "const " + Name(constant.name);
        if (constant.value != nullptr)
          PrintFunction(constant.value, indent + 1, const_label.c_str());
      }
      for (const FunctionLiteral* method : declaration->methods)
        PrintFunction(method, indent + 1, "method");
      return;
    }
    case NodeKind::kTraitDeclaration: {
      const TraitDeclaration* declaration = node->AsTraitDeclaration();
      Line(indent, label, node,
           Name(declaration->name) + (declaration->is_pub ? " pub" : "") +
               Location(declaration->variable));
      for (const AssociatedConstant& constant : declaration->constants) {
        std::string const_label = "const " + Name(constant.name);
        if (constant.value != nullptr) {
          PrintFunction(constant.value, indent + 1, const_label.c_str());
        } else {
          Text(indent + 1, const_label);
        }
      }
      for (const FunctionLiteral* method : declaration->methods)
        PrintFunction(method, indent + 1, "method");
      return;
    }
    case NodeKind::kClassDeclaration: {
      const ClassDeclaration* declaration = node->AsClassDeclaration();
      Line(indent, label, node,
           Name(declaration->name) + (declaration->is_pub ? " pub" : "") +
               Location(declaration->variable));
      Child(declaration->parent, indent + 1, "parent");
      PrintFields(declaration->fields, indent + 1);
      for (const FunctionLiteral* constructor : declaration->constructors) {
        PrintFunction(constructor, indent + 1, "constructor");
      }
      for (const FunctionLiteral* method : declaration->methods)
        PrintFunction(method, indent + 1, "method");
      return;
    }
    case NodeKind::kUseDeclaration: {
      const UseDeclaration* declaration = node->AsUseDeclaration();
      std::string details;
      for (uint32_t i = 0; i < declaration->path.size(); ++i) {
        details += (i > 0 ? "::" : "") + Name(declaration->path[i]);
      }
      if (declaration->is_glob) details += "::*";
      if (declaration->bound_name != nullptr) {
        details += " as " + Name(declaration->bound_name) + Location(declaration->variable);
      } else if (!declaration->is_glob) {
        details += " (ignored)";
      }
      Line(indent, label, node, details);
      return;
    }
    case NodeKind::kModuleDeclaration: {
      const ModuleDeclaration* declaration = node->AsModuleDeclaration();
      Line(indent, label, node,
           Name(declaration->name) + (declaration->body == nullptr ? " (file)" : "") +
               Location(declaration->variable));
      Child(declaration->body, indent + 1, "body");
      return;
    }
    case NodeKind::kTypeAlias:
      Line(indent, label, node, Name(node->AsTypeAlias()->name));
      return;
    case NodeKind::kWildcardPattern:
      Line(indent, label, node, "");
      return;
    case NodeKind::kIdentifierPattern: {
      const IdentifierPattern* pattern = node->AsIdentifierPattern();
      Line(indent, label, node,
           Name(pattern->name) + (pattern->is_mut ? " mut" : "") + Location(pattern->variable));
      Child(pattern->subpattern, indent + 1, "@");
      return;
    }
    case NodeKind::kLiteralPattern:
      Line(indent, label, node, "");
      Print(node->AsLiteralPattern()->literal, indent + 1, nullptr);
      return;
    case NodeKind::kRangePattern:
      Line(indent, label, node, node->AsRangePattern()->inclusive ? "..=" : "..");
      Child(node->AsRangePattern()->from, indent + 1, "from");
      Child(node->AsRangePattern()->to, indent + 1, "to");
      return;
    case NodeKind::kOrPattern:
      Line(indent, label, node, "");
      for (const Node* alternative : node->AsOrPattern()->alternatives)
        Print(alternative, indent + 1, nullptr);
      return;
    case NodeKind::kTuplePattern:
      Line(indent, label, node, "");
      for (const Node* element : node->AsTuplePattern()->elements)
        Print(element, indent + 1, nullptr);
      return;
    case NodeKind::kSlicePattern:
      Line(indent, label, node, "");
      for (const Node* element : node->AsSlicePattern()->elements)
        Print(element, indent + 1, nullptr);
      return;
    case NodeKind::kRestPattern:
      Line(indent, label, node, "");
      Child(node->AsRestPattern()->binding, indent + 1, "binding");
      return;
    case NodeKind::kTupleStructPattern:
      Line(indent, label, node, "");
      Print(node->AsTupleStructPattern()->path, indent + 1, "path");
      for (const Node* element : node->AsTupleStructPattern()->elements)
        Print(element, indent + 1, nullptr);
      return;
    case NodeKind::kStructPattern: {
      const StructPattern* pattern = node->AsStructPattern();
      Line(indent, label, node, pattern->has_rest ? ".." : "");
      Print(pattern->path, indent + 1, "path");
      for (const StructPatternField& field : pattern->fields) {
        std::string field_label = "field " + Name(field.name);
        Print(field.pattern, indent + 1, field_label.c_str());
      }
      return;
    }
    case NodeKind::kPathPattern:
      Line(indent, label, node, "");
      Print(node->AsPathPattern()->path, indent + 1, nullptr);
      return;
  }
}

}  // namespace

std::string PrintAst(const Node* node, bool with_scopes) {
  AstPrinter printer(with_scopes);
  printer.Print(node, 0, nullptr);
  return printer.Take();
}

}  // namespace ruchy::internal::parser
