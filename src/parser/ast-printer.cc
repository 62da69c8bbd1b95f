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
  explicit AstPrinter(const AstPrintOptions& options)
      : with_scopes_(options.scopes), with_positions_(options.positions) {}

  std::string Take() { return std::move(out_); }

  void Print(const Node* node, int indent, const char* label);

 private:
  [[gnu::noinline]] void PrintIntLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintFloatLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintStringLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintBoolLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintNilLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintFString(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintIdentifier(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintPath(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintArrayLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintArrayRepeat(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTupleLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintMapLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintStructLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintUnary(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintBinary(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintAssign(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintConditional(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintCast(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintRange(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintCall(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintMethodCall(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintMacroCall(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintMember(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintIndex(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTryOp(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintFunctionLiteral(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintBlock(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintIf(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintMatch(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintWhile(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintLoop(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintFor(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTryCatch(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintReturn(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintJump(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintThrow(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintLet(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintFunctionDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintStructDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintEnumDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintImplDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTraitDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintClassDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintUseDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintModuleDeclaration(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTypeAlias(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintWildcardPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintIdentifierPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintLiteralPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintRangePattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintOrPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTuplePattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintSlicePattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintRestPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintTupleStructPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintStructPattern(const Node* node, int indent, const char* label);
  [[gnu::noinline]] void PrintPathPattern(const Node* node, int indent, const char* label);
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
    out_ += At(node->position());
    if (!details.empty()) out_ += " " + details;
    out_ += '\n';
  }
  // " @LINE:COL", or nothing when positions are off.
  std::string At(const SourcePosition& position) const {
    if (!with_positions_) return "";
    return " @" + std::to_string(position.line) + ":" + std::to_string(position.column);
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
  bool with_positions_;
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
    Text(indent, "field " + Name(field.name) + (field.is_pub ? " pub" : "") + At(field.position));
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
  // One small function per kind keeps each recursion level's frame small (the tree may
  // be as deep as the parser's nesting limit).
  switch (node->kind()) {
    case NodeKind::kIntLiteral:
      return PrintIntLiteral(node, indent, label);
    case NodeKind::kFloatLiteral:
      return PrintFloatLiteral(node, indent, label);
    case NodeKind::kStringLiteral:
      return PrintStringLiteral(node, indent, label);
    case NodeKind::kBoolLiteral:
      return PrintBoolLiteral(node, indent, label);
    case NodeKind::kNilLiteral:
      return PrintNilLiteral(node, indent, label);
    case NodeKind::kFString:
      return PrintFString(node, indent, label);
    case NodeKind::kIdentifier:
      return PrintIdentifier(node, indent, label);
    case NodeKind::kPath:
      return PrintPath(node, indent, label);
    case NodeKind::kArrayLiteral:
      return PrintArrayLiteral(node, indent, label);
    case NodeKind::kArrayRepeat:
      return PrintArrayRepeat(node, indent, label);
    case NodeKind::kTupleLiteral:
      return PrintTupleLiteral(node, indent, label);
    case NodeKind::kMapLiteral:
      return PrintMapLiteral(node, indent, label);
    case NodeKind::kStructLiteral:
      return PrintStructLiteral(node, indent, label);
    case NodeKind::kUnary:
      return PrintUnary(node, indent, label);
    case NodeKind::kBinary:
      return PrintBinary(node, indent, label);
    case NodeKind::kAssign:
      return PrintAssign(node, indent, label);
    case NodeKind::kConditional:
      return PrintConditional(node, indent, label);
    case NodeKind::kCast:
      return PrintCast(node, indent, label);
    case NodeKind::kRange:
      return PrintRange(node, indent, label);
    case NodeKind::kCall:
      return PrintCall(node, indent, label);
    case NodeKind::kMethodCall:
      return PrintMethodCall(node, indent, label);
    case NodeKind::kMacroCall:
      return PrintMacroCall(node, indent, label);
    case NodeKind::kMember:
      return PrintMember(node, indent, label);
    case NodeKind::kIndex:
      return PrintIndex(node, indent, label);
    case NodeKind::kTryOp:
      return PrintTryOp(node, indent, label);
    case NodeKind::kFunctionLiteral:
      return PrintFunctionLiteral(node, indent, label);
    case NodeKind::kBlock:
      return PrintBlock(node, indent, label);
    case NodeKind::kIf:
      return PrintIf(node, indent, label);
    case NodeKind::kMatch:
      return PrintMatch(node, indent, label);
    case NodeKind::kWhile:
      return PrintWhile(node, indent, label);
    case NodeKind::kLoop:
      return PrintLoop(node, indent, label);
    case NodeKind::kFor:
      return PrintFor(node, indent, label);
    case NodeKind::kTryCatch:
      return PrintTryCatch(node, indent, label);
    case NodeKind::kReturn:
      return PrintReturn(node, indent, label);
    case NodeKind::kBreak:
      return PrintJump(node, indent, label);
    case NodeKind::kContinue:
      return PrintJump(node, indent, label);
    case NodeKind::kThrow:
      return PrintThrow(node, indent, label);
    case NodeKind::kLet:
      return PrintLet(node, indent, label);
    case NodeKind::kFunctionDeclaration:
      return PrintFunctionDeclaration(node, indent, label);
    case NodeKind::kStructDeclaration:
      return PrintStructDeclaration(node, indent, label);
    case NodeKind::kEnumDeclaration:
      return PrintEnumDeclaration(node, indent, label);
    case NodeKind::kImplDeclaration:
      return PrintImplDeclaration(node, indent, label);
    case NodeKind::kTraitDeclaration:
      return PrintTraitDeclaration(node, indent, label);
    case NodeKind::kClassDeclaration:
      return PrintClassDeclaration(node, indent, label);
    case NodeKind::kUseDeclaration:
      return PrintUseDeclaration(node, indent, label);
    case NodeKind::kModuleDeclaration:
      return PrintModuleDeclaration(node, indent, label);
    case NodeKind::kTypeAlias:
      return PrintTypeAlias(node, indent, label);
    case NodeKind::kWildcardPattern:
      return PrintWildcardPattern(node, indent, label);
    case NodeKind::kIdentifierPattern:
      return PrintIdentifierPattern(node, indent, label);
    case NodeKind::kLiteralPattern:
      return PrintLiteralPattern(node, indent, label);
    case NodeKind::kRangePattern:
      return PrintRangePattern(node, indent, label);
    case NodeKind::kOrPattern:
      return PrintOrPattern(node, indent, label);
    case NodeKind::kTuplePattern:
      return PrintTuplePattern(node, indent, label);
    case NodeKind::kSlicePattern:
      return PrintSlicePattern(node, indent, label);
    case NodeKind::kRestPattern:
      return PrintRestPattern(node, indent, label);
    case NodeKind::kTupleStructPattern:
      return PrintTupleStructPattern(node, indent, label);
    case NodeKind::kStructPattern:
      return PrintStructPattern(node, indent, label);
    case NodeKind::kPathPattern:
      return PrintPathPattern(node, indent, label);
  }
}

void AstPrinter::PrintIntLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, std::to_string(node->AsIntLiteral()->value));
}

void AstPrinter::PrintFloatLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, FormatDouble(node->AsFloatLiteral()->value));
}

void AstPrinter::PrintStringLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node,
       Quote(node->AsStringLiteral()->value) + (node->AsStringLiteral()->is_char ? " char" : ""));
}

void AstPrinter::PrintBoolLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, node->AsBoolLiteral()->value ? "true" : "false");
}

void AstPrinter::PrintNilLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
}

void AstPrinter::PrintFString(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintIdentifier(const Node* node, int indent, const char* label) {
  const Identifier* id = node->AsIdentifier();
  std::string details = id->is_self_alias ? "Self=" + Name(id->name) : Name(id->name);
  Line(indent, label, node, details + Resolution(id));
}

void AstPrinter::PrintPath(const Node* node, int indent, const char* label) {
  const Path* path = node->AsPath();
  std::string details;
  for (const AstString* segment : path->segments) details += "::" + Name(segment);
  Line(indent, label, node, details);
  Print(path->root, indent + 1, "root");
}

void AstPrinter::PrintArrayLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const Node* element : node->AsArrayLiteral()->elements) Print(element, indent + 1, nullptr);
}

void AstPrinter::PrintArrayRepeat(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsArrayRepeat()->value, indent + 1, "value");
  Print(node->AsArrayRepeat()->count, indent + 1, "count");
}

void AstPrinter::PrintTupleLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const Node* element : node->AsTupleLiteral()->elements) Print(element, indent + 1, nullptr);
}

void AstPrinter::PrintMapLiteral(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const MapEntry& entry : node->AsMapLiteral()->entries) {
    Print(entry.key, indent + 1, "key");
    Print(entry.value, indent + 2, "value");
  }
}

void AstPrinter::PrintStructLiteral(const Node* node, int indent, const char* label) {
  const StructLiteral* literal = node->AsStructLiteral();
  Line(indent, label, node, "");
  Print(literal->type, indent + 1, "type");
  for (const StructLiteralField& field : literal->fields) {
    std::string field_label = "field " + Name(field.name) + (field.shorthand ? " (shorthand)" : "");
    Print(field.value, indent + 1, field_label.c_str());
  }
  Child(literal->base, indent + 1, "base");
}

void AstPrinter::PrintUnary(const Node* node, int indent, const char* label) {
  const Unary* unary = node->AsUnary();
  std::string op = unary->op == TokenKind::kMul      ? "deref"
                   : unary->op == TokenKind::kBitAnd ? (unary->is_mut_ref ? "&mut" : "&")
                                                     : TokenText(unary->op);
  Line(indent, label, node, op);
  Print(unary->operand, indent + 1, nullptr);
}

void AstPrinter::PrintBinary(const Node* node, int indent, const char* label) {
  Line(indent, label, node, TokenText(node->AsBinary()->op));
  Print(node->AsBinary()->left, indent + 1, nullptr);
  Print(node->AsBinary()->right, indent + 1, nullptr);
}

void AstPrinter::PrintAssign(const Node* node, int indent, const char* label) {
  Line(indent, label, node, TokenText(node->AsAssign()->op));
  Print(node->AsAssign()->target, indent + 1, "target");
  Print(node->AsAssign()->value, indent + 1, "value");
}

void AstPrinter::PrintConditional(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsConditional()->condition, indent + 1, "condition");
  Print(node->AsConditional()->then_value, indent + 1, "then");
  Print(node->AsConditional()->else_value, indent + 1, "else");
}

void AstPrinter::PrintCast(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "as " + Name(node->AsCast()->type_name));
  Print(node->AsCast()->operand, indent + 1, nullptr);
}

void AstPrinter::PrintRange(const Node* node, int indent, const char* label) {
  Line(indent, label, node, node->AsRange()->inclusive ? "..=" : "..");
  Child(node->AsRange()->from, indent + 1, "from");
  Child(node->AsRange()->to, indent + 1, "to");
}

void AstPrinter::PrintCall(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsCall()->callee, indent + 1, "callee");
  PrintArguments(node->AsCall()->arguments, indent + 1);
  for (const Identifier* read : node->AsCall()->format_reads)
    Print(read, indent + 1, "format-read");
}

void AstPrinter::PrintMethodCall(const Node* node, int indent, const char* label) {
  const MethodCall* call = node->AsMethodCall();
  Line(indent, label, node, Name(call->name));
  Print(call->receiver, indent + 1, "receiver");
  PrintArguments(call->arguments, indent + 1);
}

void AstPrinter::PrintMacroCall(const Node* node, int indent, const char* label) {
  const MacroCall* call = node->AsMacroCall();
  std::string text = call->is_native ? "%" + Name(call->name) : Name(call->name) + "!";
  Line(indent, label, node, text + (call->is_repeat ? " repeat" : ""));
  PrintArguments(call->arguments, indent + 1);
  for (const Identifier* read : call->format_reads) Print(read, indent + 1, "format-read");
  Child(call->pattern, indent + 1, "pattern");
  Child(call->guard, indent + 1, "guard");
}

void AstPrinter::PrintMember(const Node* node, int indent, const char* label) {
  const Member* member = node->AsMember();
  std::string details =
      member->tuple_index >= 0 ? std::to_string(member->tuple_index) : Name(member->name);
  Line(indent, label, node, details);
  Print(member->object, indent + 1, nullptr);
}

void AstPrinter::PrintIndex(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsIndex()->object, indent + 1, "object");
  Print(node->AsIndex()->index, indent + 1, "index");
}

void AstPrinter::PrintTryOp(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsTryOp()->operand, indent + 1, nullptr);
}

void AstPrinter::PrintFunctionLiteral(const Node* node, int indent, const char* label) {
  PrintFunction(node->AsFunctionLiteral(), indent, label);
}

void AstPrinter::PrintBlock(const Node* node, int indent, const char* label) {
  const Block* block = node->AsBlock();
  std::string details;
  if (block->label != nullptr) details = "'" + Name(block->label);
  std::string scope = ScopeSummary(block->scope);
  if (!scope.empty()) details += (details.empty() ? "" : " ") + scope;
  Line(indent, label, node, details);
  for (const Node* statement : block->statements) Print(statement, indent + 1, nullptr);
}

void AstPrinter::PrintIf(const Node* node, int indent, const char* label) {
  const If* node_if = node->AsIf();
  Line(indent, label, node, node_if->let_pattern != nullptr ? "let" : "");
  Child(node_if->condition, indent + 1, "condition");
  Child(node_if->let_pattern, indent + 1, "pattern");
  Child(node_if->let_value, indent + 1, "value");
  Print(node_if->then_block, indent + 1, "then");
  Child(node_if->else_branch, indent + 1, "else");
}

void AstPrinter::PrintMatch(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsMatch()->subject, indent + 1, "subject");
  for (const MatchArm& arm : node->AsMatch()->arms) {
    std::string arm_line = "arm" + At(arm.position);
    std::string scope = ScopeSummary(arm.scope);
    if (!scope.empty()) arm_line += " " + scope;
    Text(indent + 1, arm_line);
    Print(arm.pattern, indent + 2, "pattern");
    Child(arm.guard, indent + 2, "guard");
    Print(arm.body, indent + 2, "body");
  }
}

void AstPrinter::PrintWhile(const Node* node, int indent, const char* label) {
  const While* loop = node->AsWhile();
  std::string details = loop->label != nullptr ? "'" + Name(loop->label) : "";
  if (loop->let_pattern != nullptr) details += details.empty() ? "let" : " let";
  Line(indent, label, node, details);
  Child(loop->condition, indent + 1, "condition");
  Child(loop->let_pattern, indent + 1, "pattern");
  Child(loop->let_value, indent + 1, "value");
  Print(loop->body, indent + 1, "body");
}

void AstPrinter::PrintLoop(const Node* node, int indent, const char* label) {
  Line(indent, label, node,
       node->AsLoop()->label != nullptr ? "'" + Name(node->AsLoop()->label) : "");
  Print(node->AsLoop()->body, indent + 1, "body");
}

void AstPrinter::PrintFor(const Node* node, int indent, const char* label) {
  const For* loop = node->AsFor();
  Line(indent, label, node, loop->label != nullptr ? "'" + Name(loop->label) : "");
  Print(loop->pattern, indent + 1, "pattern");
  Print(loop->iterable, indent + 1, "iterable");
  Print(loop->body, indent + 1, "body");
}

void AstPrinter::PrintTryCatch(const Node* node, int indent, const char* label) {
  const TryCatch* node_try = node->AsTryCatch();
  Line(indent, label, node, "");
  Print(node_try->try_block, indent + 1, "try");
  Child(node_try->catch_pattern, indent + 1, "catch pattern");
  Child(node_try->catch_block, indent + 1, "catch");
  Child(node_try->finally_block, indent + 1, "finally");
}

void AstPrinter::PrintReturn(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Child(node->AsReturn()->value, indent + 1, nullptr);
}

void AstPrinter::PrintJump(const Node* node, int indent, const char* label) {
  const AstString* jump_label =
      node->IsBreak() ? node->AsBreak()->label : node->AsContinue()->label;
  const Node* target = node->IsBreak() ? node->AsBreak()->target : node->AsContinue()->target;
  std::string details = jump_label != nullptr ? "'" + Name(jump_label) : "";
  if (with_scopes_) {
    std::string target_text =
        target == nullptr ? "none"
                          : std::string(NodeKindName(target->kind())) + At(target->position());
    details += (details.empty() ? "" : " ") + ("[target " + target_text + "]");
  }
  Line(indent, label, node, details);
  if (node->IsBreak()) Child(node->AsBreak()->value, indent + 1, nullptr);
}

void AstPrinter::PrintThrow(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsThrow()->value, indent + 1, nullptr);
}

void AstPrinter::PrintLet(const Node* node, int indent, const char* label) {
  const Let* let = node->AsLet();
  Line(indent, label, node, std::string(LetKindName(let->let_kind)) + (let->is_pub ? " pub" : ""));
  Print(let->pattern, indent + 1, "pattern");
  Child(let->value, indent + 1, "value");
  Child(let->else_block, indent + 1, "else");
}

void AstPrinter::PrintFunctionDeclaration(const Node* node, int indent, const char* label) {
  const FunctionDeclaration* declaration = node->AsFunctionDeclaration();
  Line(indent, label, node, Name(declaration->function->name) + Location(declaration->variable));
  PrintFunction(declaration->function, indent + 1, nullptr);
}

void AstPrinter::PrintStructDeclaration(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintEnumDeclaration(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintImplDeclaration(const Node* node, int indent, const char* label) {
  const ImplDeclaration* declaration = node->AsImplDeclaration();
  Line(indent, label, node, "");
  Print(declaration->type, indent + 1, "type");
  Child(declaration->trait, indent + 1, "trait");
  for (const AssociatedConstant& constant : declaration->constants) {
    std::string const_label = "const " + Name(constant.name);
    if (constant.value != nullptr) PrintFunction(constant.value, indent + 1, const_label.c_str());
  }
  for (const FunctionLiteral* method : declaration->methods)
    PrintFunction(method, indent + 1, "method");
}

void AstPrinter::PrintTraitDeclaration(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintClassDeclaration(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintUseDeclaration(const Node* node, int indent, const char* label) {
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
}

void AstPrinter::PrintModuleDeclaration(const Node* node, int indent, const char* label) {
  const ModuleDeclaration* declaration = node->AsModuleDeclaration();
  Line(indent, label, node,
       Name(declaration->name) + (declaration->body == nullptr ? " (file)" : "") +
           Location(declaration->variable));
  Child(declaration->body, indent + 1, "body");
}

void AstPrinter::PrintTypeAlias(const Node* node, int indent, const char* label) {
  Line(indent, label, node, Name(node->AsTypeAlias()->name));
}

void AstPrinter::PrintWildcardPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
}

void AstPrinter::PrintIdentifierPattern(const Node* node, int indent, const char* label) {
  const IdentifierPattern* pattern = node->AsIdentifierPattern();
  Line(indent, label, node,
       Name(pattern->name) + (pattern->is_mut ? " mut" : "") + Location(pattern->variable));
  Child(pattern->subpattern, indent + 1, "@");
}

void AstPrinter::PrintLiteralPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsLiteralPattern()->literal, indent + 1, nullptr);
}

void AstPrinter::PrintRangePattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, node->AsRangePattern()->inclusive ? "..=" : "..");
  Child(node->AsRangePattern()->from, indent + 1, "from");
  Child(node->AsRangePattern()->to, indent + 1, "to");
}

void AstPrinter::PrintOrPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const Node* alternative : node->AsOrPattern()->alternatives)
    Print(alternative, indent + 1, nullptr);
}

void AstPrinter::PrintTuplePattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const Node* element : node->AsTuplePattern()->elements) Print(element, indent + 1, nullptr);
}

void AstPrinter::PrintSlicePattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  for (const Node* element : node->AsSlicePattern()->elements) Print(element, indent + 1, nullptr);
}

void AstPrinter::PrintRestPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Child(node->AsRestPattern()->binding, indent + 1, "binding");
}

void AstPrinter::PrintTupleStructPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsTupleStructPattern()->path, indent + 1, "path");
  for (const Node* element : node->AsTupleStructPattern()->elements)
    Print(element, indent + 1, nullptr);
}

void AstPrinter::PrintStructPattern(const Node* node, int indent, const char* label) {
  const StructPattern* pattern = node->AsStructPattern();
  Line(indent, label, node, pattern->has_rest ? ".." : "");
  Print(pattern->path, indent + 1, "path");
  for (const StructPatternField& field : pattern->fields) {
    std::string field_label = "field " + Name(field.name);
    Print(field.pattern, indent + 1, field_label.c_str());
  }
}

void AstPrinter::PrintPathPattern(const Node* node, int indent, const char* label) {
  Line(indent, label, node, "");
  Print(node->AsPathPattern()->path, indent + 1, nullptr);
}

}  // namespace

std::string PrintAst(const Node* node, const AstPrintOptions& options) {
  AstPrinter printer(options);
  printer.Print(node, 0, nullptr);
  return printer.Take();
}

}  // namespace ruchy::internal::parser
