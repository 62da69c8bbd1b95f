// The bytecode generator: calls, method calls, macros, and places (the l-values that
// mutation writes back through, LANGUAGE.md §2).
#include "src/builtins/builtins.h"
#include "src/interpreter/bytecode-generator-impl.h"

namespace ruchy::internal::interpreter {

namespace {

bool IsInoutParameter(Identifier* id) {
  Variable* v = id->variable;
  return v != nullptr && v->mode() == VariableMode::kParameter && v->is_inout();
}

Node* StripReferences(Node* node) {
  while (node->IsUnary() &&
         (node->AsUnary()->op == TokenKind::kBitAnd || node->AsUnary()->op == TokenKind::kMul)) {
    node = node->AsUnary()->operand;
  }
  return node;
}

// The built-in types whose methods `Type::method(receiver, args...)` reaches (UFCS).
bool IsBuiltinTypeName(std::string_view name) {
  static constexpr std::string_view kTypes[] = {
      "i8",  "i16",    "i32",    "i64",     "i128",    "isize",    "u8",      "u16",  "u32",
      "u64", "u128",   "usize",  "f32",     "f64",     "str",      "String",  "char", "bool",
      "Vec", "Option", "Result", "HashMap", "HashSet", "BTreeMap", "BTreeSet"};
  for (std::string_view type : kTypes) {
    if (type == name) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Places

bool BytecodeGenerator::IsMapEntryChain(Node* node) const {
  if (!node->IsMethodCall()) return false;
  MethodCall* outer = node->AsMethodCall();
  std::string_view name = outer->name->view();
  if (name != "or_insert" && name != "or_insert_with" && name != "or_default") return false;
  return outer->receiver->IsMethodCall() &&
         outer->receiver->AsMethodCall()->name->view() == "entry" &&
         outer->receiver->AsMethodCall()->arguments.size() == 1;
}

bool BytecodeGenerator::IsPlaceExpression(Node* node) const {
  node = StripReferences(node);
  switch (node->kind()) {
    case NodeKind::kIdentifier:
      return node->AsIdentifier()->variable != nullptr ||
             IsGlobalCellName(node->AsIdentifier()->name->view());
    case NodeKind::kMember:
      return IsPlaceExpression(node->AsMember()->object);
    case NodeKind::kIndex:
      return IsPlaceExpression(node->AsIndex()->object);
    case NodeKind::kMethodCall:
      return IsMapEntryChain(node);
    default:
      return false;
  }
}

Place* BytecodeGenerator::EvaluatePlace(Node* node) {
  node = StripReferences(node);
  places_.push_back(std::make_unique<Place>());
  Place* place = places_.back().get();
  switch (node->kind()) {
    case NodeKind::kIdentifier: {
      Identifier* id = node->AsIdentifier();
      place->kind = Place::kVariable;
      place->variable = id;
      VariableLocation loc = id->location();
      if (loc == VariableLocation::kRegister || loc == VariableLocation::kParameter) {
        place->value = RegisterFor(id->variable);
      } else {
        place->value = NewTemp();
        VisitIdentifier(id, false);
        Star(place->value);
      }
      return place;
    }
    case NodeKind::kMember: {
      Member* m = node->AsMember();
      Place* parent = EvaluatePlace(m->object);
      place->parent = parent;
      place->value = NewTemp();
      if (m->tuple_index >= 0) {
        place->kind = Place::kElement;
        place->key = NewTemp();
        LoadSmi(m->tuple_index);
        Star(place->key);
        ExpressionPosition(m);
        Emit(Bytecode::kGetKeyedPropertyForUpdate, {Op(parent->value), Slot()});
      } else {
        place->kind = Place::kField;
        place->name_constant = NameConstant(m->name);
        ExpressionPosition(m);
        Emit(Bytecode::kGetNamedPropertyForUpdate,
             {Op(parent->value), Cst(place->name_constant), Slot()});
      }
      Star(place->value);
      return place;
    }
    case NodeKind::kIndex: {
      Index* ix = node->AsIndex();
      Place* parent = EvaluatePlace(ix->object);
      place->kind = Place::kElement;
      place->parent = parent;
      place->value = NewTemp();
      // A key is only looked up (SetKeyedProperty shares a map key it stores). A local
      // nothing assigns after its declaration keeps its value while the right-hand side
      // runs, so its register serves as the key (bodies[i].x += …); anything else is
      // copied to a temporary first.
      Identifier* key_variable = ix->index->IsIdentifier() ? ix->index->AsIdentifier() : nullptr;
      VisitForRead(ix->index);
      if (key_variable != nullptr && key_variable->variable != nullptr &&
          !key_variable->variable->is_assigned() &&
          (key_variable->location() == VariableLocation::kRegister ||
           key_variable->location() == VariableLocation::kParameter)) {
        place->key = RegisterFor(key_variable->variable);
      } else {
        place->key = NewTemp();
        Star(place->key);
      }
      ExpressionPosition(ix);
      Emit(Bytecode::kGetKeyedPropertyForUpdate, {Op(parent->value), Slot()});
      Star(place->value);
      return place;
    }
    case NodeKind::kMethodCall:
      if (IsMapEntryChain(node)) {
        places_.pop_back();
        Place* entry = nullptr;
        VisitMapEntryChain(node->AsMethodCall(), true, &entry);
        return entry;
      }
      break;
    default:
      break;
  }
  place->kind = Place::kNone;
  place->value = NewTemp();
  Visit(node);
  Star(place->value);
  return place;
}

void BytecodeGenerator::WriteBack(Place* place, bool value_in_accumulator) {
  switch (place->kind) {
    case Place::kNone:
      return;
    case Place::kVariable: {
      VariableLocation loc = place->variable->location();
      if (loc == VariableLocation::kRegister || loc == VariableLocation::kParameter) return;
      if (!value_in_accumulator) Ldar(place->value);
      StoreToIdentifier(place->variable);
      return;
    }
    case Place::kField:
      if (!value_in_accumulator) Ldar(place->value);
      Emit(Bytecode::kSetNamedProperty,
           {Op(place->parent->value), Cst(place->name_constant), Slot()});
      return WriteBack(place->parent);
    case Place::kElement:
      if (!value_in_accumulator) Ldar(place->value);
      Emit(Bytecode::kSetKeyedProperty, {Op(place->parent->value), Op(place->key), Slot()});
      return WriteBack(place->parent);
  }
}

void BytecodeGenerator::VisitMapEntryChain(MethodCall* node, bool as_place, Place** place_out) {
  MethodCall* entry = node->receiver->AsMethodCall();
  Place* map = EvaluatePlace(entry->receiver);
  Register args = NewTemps(4);
  Mov(map->value, args);
  VisitForRegister(entry->arguments[0].value, Register(args.index() + 1));
  std::string_view name = node->name->view();
  if (name == "or_default") {
    LoadSmi(0);
  } else if (node->arguments.size() != 1) {
    Fail(node, std::string(name) + " expects 1 argument");
    return;
  } else {
    // or_insert_with(f): the runtime calls f only when the key is absent.
    Visit(node->arguments[0].value);
  }
  Star(Register(args.index() + 2));
  Emit(name == "or_insert_with" ? Bytecode::kLdaTrue : Bytecode::kLdaFalse);
  Star(Register(args.index() + 3));
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kMapEntryOrInsert, args, 4);
  Register value = NewTemp();
  Star(value);
  Mov(args, map->value);
  if (as_place) {
    places_.push_back(std::make_unique<Place>());
    Place* place = places_.back().get();
    place->kind = Place::kElement;
    place->parent = map;
    place->key = Register(args.index() + 1);
    place->value = value;
    *place_out = place;
    return;
  }
  WriteBack(map);
  Ldar(value);
  Emit(Bytecode::kShare);
}

// ---------------------------------------------------------------------------------------
// Arguments

void BytecodeGenerator::EvaluateArguments(const NodeList<Argument>& args, Register first,
                                          std::vector<Place*>* writebacks) {
  for (uint32_t i = 0; i < args.size(); ++i) {
    Node* value = args[i].value;
    Register target(first.index() + static_cast<int>(i));
    bool mut_ref = value->IsUnary() && value->AsUnary()->is_mut_ref;
    bool passes_inout = value->IsIdentifier() && IsInoutParameter(value->AsIdentifier());
    if ((mut_ref || passes_inout) && IsPlaceExpression(value)) {
      Place* place = EvaluatePlace(value);
      Mov(place->value, target);
      writebacks->push_back(place);
      continue;
    }
    writebacks->push_back(nullptr);
    VisitForRegister(value, target);
  }
}

void BytecodeGenerator::WriteBackArguments(const NodeList<Argument>& args, Register first,
                                           const std::vector<Place*>& writebacks) {
  for (uint32_t i = 0; i < args.size() && i < writebacks.size(); ++i) {
    Place* place = writebacks[i];
    if (place == nullptr) continue;
    Mov(Register(first.index() + static_cast<int>(i)), place->value);
    WriteBack(place);
  }
}

// The register a call's single argument can be passed in without a copy: a local
// variable read for the last time. The copy would be a plain Mov (a last use is not
// marked shared), and the callee's frame gets its own copy of the argument anyway; an
// in-out parameter's write-back into the register lands in a variable nothing reads
// again.
std::optional<Register> BytecodeGenerator::InPlaceArgument(const NodeList<Argument>& args) {
  if (args.size() != 1 || args[0].name != nullptr || !args[0].value->IsIdentifier()) {
    return std::nullopt;
  }
  Identifier* id = args[0].value->AsIdentifier();
  if (!id->is_last_use) return std::nullopt;
  return LocalRegisterOf(id);
}

// ---------------------------------------------------------------------------------------
// Calls

// Positional arguments first, then named ones in the order written; records the names and
// the positional count in the call site. Returns the number of registers filled.
int BytecodeGenerator::EvaluateNamedArguments(const NodeList<Argument>& args, Register first,
                                              CallSite* site) {
  int slot = 0;
  for (const Argument& a : args) {
    if (a.name != nullptr) continue;
    VisitForRegister(a.value, Register(first.index() + slot++));
  }
  site->positional_count = slot;
  for (const Argument& a : args) {
    if (a.name == nullptr) continue;
    VisitForRegister(a.value, Register(first.index() + slot++));
    site->names.emplace_back(a.name->view());
  }
  return slot;
}

void BytecodeGenerator::VisitBuiltinCall(Node* at, const std::string& name,
                                         const NodeList<Argument>& args, const FormatReads& reads) {
  std::optional<BuiltinId> id = LookupBuiltinFunction(name);
  DCHECK(id.has_value());
  RegisterScope rs(this);
  int n = static_cast<int>(args.size() + reads.size());
  Register first = NewTemps(std::max(n, 1));
  CallSite site;
  site.name = name;
  site.is_builtin = true;
  site.builtin_id = *id;
  // Positional arguments first, then named ones (`x = 1` arguments and format reads).
  int slot = EvaluateNamedArguments(args, first, &site);
  for (Identifier* read : reads) {
    VisitIdentifier(read, false);
    Star(Register(first.index() + slot++));
    site.names.emplace_back(read->name->view());
  }
  ExpressionPosition(at);
  int index = AddCallSite(std::move(site));
  Emit(Bytecode::kCallMethod, {Cst(index), Op(first), static_cast<uint32_t>(n), CallSlot()});
}

void BytecodeGenerator::VisitCall(Call* node) {
  Node* callee = node->callee;
  // Built-ins named directly resolve at compile time.
  std::string builtin_name;
  if (callee->IsIdentifier() && callee->AsIdentifier()->variable == nullptr) {
    builtin_name = std::string(callee->AsIdentifier()->name->view());
  } else if (callee->IsPath() && callee->AsPath()->root->variable == nullptr) {
    Path* path = callee->AsPath();
    builtin_name = std::string(path->root->name->view());
    for (const AstString* s : path->segments) {
      builtin_name += "::";
      builtin_name += s->view();
    }
    builtin_name = ResolveBuiltinPath(builtin_name);
  }
  if (!builtin_name.empty() && LookupBuiltinFunction(builtin_name).has_value()) {
    return VisitBuiltinCall(node, builtin_name, node->arguments, node->format_reads);
  }
  if (!builtin_name.empty() && VisitQualifiedCall(node, builtin_name)) return;

  RegisterScope rs(this);
  bool has_names = false;
  for (const Argument& a : node->arguments) has_names |= a.name != nullptr;
  int n = static_cast<int>(node->arguments.size());

  // Type::f(args) on a user type or module: a static call through the type's table.
  if (callee->IsPath() && callee->AsPath()->root->variable != nullptr) {
    Path* path = callee->AsPath();
    Register first = NewTemps(n + 1);
    VisitIdentifier(path->root, false);
    for (uint32_t i = 0; i + 1 < path->segments.size(); ++i) {
      Emit(Bytecode::kGetPathMember, {Cst(NameConstant(path->segments[i])), PathMemberSlot()});
    }
    Star(first);
    Register args(first.index() + 1);
    CallSite site;
    site.name = std::string(path->segments.back()->view());
    site.name_constant = NameConstant(path->segments.back());
    site.is_static = true;
    // Named arguments go last, in the order written.
    EvaluateNamedArguments(node->arguments, args, &site);
    ExpressionPosition(node);
    int index = AddCallSite(std::move(site));
    Emit(Bytecode::kCallMethod,
         {Cst(index), Op(first), static_cast<uint32_t>(n + 1), StaticCallSlot()});
    return;
  }

  // A hoisted function declared at the top level and never assigned: the global cell holds
  // it before any code runs and afterwards, so CallGlobal reads it at the call itself.
  if (!has_names && callee->IsIdentifier()) {
    Variable* v = callee->AsIdentifier()->variable;
    if (v != nullptr && v->location() == VariableLocation::kGlobal &&
        v->mode() == VariableMode::kFunction && !v->is_assigned()) {
      std::optional<Register> in_place = InPlaceArgument(node->arguments);
      Register args = in_place.has_value() ? *in_place : NewTemps(std::max(n, 1));
      std::vector<Place*> writebacks;
      if (!in_place.has_value()) EvaluateArguments(node->arguments, args, &writebacks);
      ExpressionPosition(node);
      Emit(Bytecode::kCallGlobal,
           {static_cast<uint32_t>(state_->interpreter->GlobalIndex(v->name()->view())), Op(args),
            static_cast<uint32_t>(n), CallSlot()});
      FinishCall(node->arguments, args, writebacks);
      return;
    }
  }
  Register callee_reg;
  std::optional<Register> local_callee = LocalRegisterOf(callee);
  if (local_callee.has_value() && !has_names && !callee->AsIdentifier()->variable->is_assigned()) {
    // A local nothing assigns: its register holds the callee while the arguments run.
    callee_reg = *local_callee;
  } else if (callee->IsIdentifier()) {
    // Only called: a function is not a container, so nothing needs marking shared.
    callee_reg = NewTemp();
    LoadVariable(callee->AsIdentifier(), /*share=*/false);
    Star(callee_reg);
  } else {
    callee_reg = NewTemp();
    VisitForRegister(callee, callee_reg);
  }
  if (has_names) {
    // A call with named arguments: the callee's parameter names order them at run time.
    Register first = NewTemps(n + 1);
    Mov(callee_reg, first);
    Register args(first.index() + 1);
    CallSite site;
    site.name = "<call>";
    site.is_value_call = true;
    EvaluateNamedArguments(node->arguments, args, &site);
    ExpressionPosition(node);
    int index = AddCallSite(std::move(site));
    Emit(Bytecode::kCallMethod, {Cst(index), Op(first), static_cast<uint32_t>(n + 1), CallSlot()});
    return;
  }
  std::optional<Register> in_place = InPlaceArgument(node->arguments);
  Register args = in_place.has_value() ? *in_place : NewTemps(std::max(n, 1));
  std::vector<Place*> writebacks;
  if (!in_place.has_value()) EvaluateArguments(node->arguments, args, &writebacks);
  for (Identifier* read : node->format_reads) {
    (void)read;  // format reads only matter to built-ins (resolved above)
  }
  ExpressionPosition(node);
  Emit(Bytecode::kCallFunction, {Op(callee_reg), Op(args), static_cast<uint32_t>(n), CallSlot()});
  FinishCall(node->arguments, args, writebacks);
}

void BytecodeGenerator::FinishCall(const NodeList<Argument>& arguments, Register args,
                                   const std::vector<Place*>& writebacks) {
  bool any_writeback = false;
  for (Place* p : writebacks) any_writeback |= p != nullptr;
  if (any_writeback) {
    Register result = NewTemp();
    Star(result);
    WriteBackArguments(arguments, args, writebacks);
    Ldar(result);
  }
}

void BytecodeGenerator::VisitMethodCall(MethodCall* node) {
  if (IsMapEntryChain(node)) {
    RegisterScope rs(this);
    VisitMapEntryChain(node, false, nullptr);
    return;
  }
  bool enumerate = false;
  MethodCall* source = nullptr;
  if (node->name->view() == "for_each" && node->arguments.size() == 1 &&
      node->arguments[0].name == nullptr &&
      (source = MatchMutIteration(node->receiver, &enumerate)) != nullptr && !enumerate) {
    return VisitMutForEach(node, source);
  }
  EmitMethodCall(node, node->receiver, node->name, node->type_hint, node->arguments);
}

void BytecodeGenerator::EmitMethodCall(Node* at, Node* receiver, const AstString* name,
                                       const AstString* type_hint,
                                       const NodeList<Argument>& arguments) {
  RegisterScope rs(this);
  // Read before the receiver and arguments are visited (they may hold statements).
  bool result_unused = IsEffectOnly(at);
  int n = static_cast<int>(arguments.size());
  std::optional<Register> local_receiver = LocalRegisterOf(receiver);
  if (n == 0 && local_receiver.has_value()) {
    // x.m() on a local: the call reads x's register and updates it in place (what the
    // copy into a temporary and the move back would do, minus the moves).
    CallSite site;
    site.result_unused = result_unused;
    site.name = std::string(name->view());
    site.name_constant = NameConstant(name);
    if (type_hint != nullptr) site.type_hint = std::string(type_hint->view());
    ExpressionPosition(at);
    int index = AddCallSite(std::move(site));
    Emit(Bytecode::kCallMethod, {Cst(index), Op(*local_receiver), 1, MethodCallSlot()});
    return;
  }
  Register first = NewTemps(n + 1);
  Place* receiver_place = nullptr;
  if (IsPlaceExpression(receiver)) {
    receiver_place = EvaluatePlace(receiver);
    Mov(receiver_place->value, first);
  } else {
    VisitForRegister(receiver, first);
  }
  Register args(first.index() + 1);
  CallSite site;
  site.result_unused = result_unused;
  site.name = std::string(name->view());
  site.name_constant = NameConstant(name);
  if (type_hint != nullptr) site.type_hint = std::string(type_hint->view());
  std::vector<Place*> writebacks;
  bool has_names = false;
  for (const Argument& a : arguments) has_names |= a.name != nullptr;
  if (!has_names) {
    EvaluateArguments(arguments, args, &writebacks);
    site.positional_count = n;
  } else {
    EvaluateNamedArguments(arguments, args, &site);
  }
  ExpressionPosition(at);
  int index = AddCallSite(std::move(site));
  Emit(Bytecode::kCallMethod,
       {Cst(index), Op(first), static_cast<uint32_t>(n + 1), MethodCallSlot()});
  bool any_writeback = receiver_place != nullptr;
  bool arguments_writeback = false;
  for (Place* p : writebacks) arguments_writeback |= p != nullptr;
  any_writeback |= arguments_writeback;
  if (!any_writeback) return;
  if (!arguments_writeback && receiver_place->kind == Place::kVariable &&
      LocalRegisterOf(receiver_place->variable).has_value()) {
    // v.m(args) on a local: the receiver's final value moves back into v's register,
    // which leaves the result in the accumulator.
    Mov(first, receiver_place->value);
    return;
  }
  Register result = NewTemp();
  Star(result);
  if (receiver_place != nullptr) {
    // A receiver inside a container (a[i].m(), p.f.m()) is stored back only when the
    // call replaced it: a read-only method (len, to_uppercase...) leaves the container
    // alone, which also makes s[i].m() on a string (no assignable place) work.
    BytecodeLabel unchanged = NewLabel();
    if (receiver_place->kind != Place::kVariable) {
      Ldar(first);
      EmitJump(Bytecode::kJumpIfSame, unchanged, {Op(receiver_place->value)});
    }
    Mov(first, receiver_place->value);
    WriteBack(receiver_place);
    Bind(unchanged);
  }
  WriteBackArguments(arguments, args, writebacks);
  Ldar(result);
}

bool BytecodeGenerator::VisitQualifiedCall(Call* node, const std::string& name) {
  const NodeList<Argument>& args = node->arguments;
  for (const Argument& a : args) {
    if (a.name != nullptr) return false;
  }
  bool swap = name == "std::mem::swap" || name == "mem::swap";
  bool replace = name == "std::mem::replace" || name == "mem::replace";
  if (name == "std::mem::take" || name == "mem::take") {
    if (args.size() != 1 || !IsPlaceExpression(StripReferences(args[0].value))) {
      Fail(node, "std::mem::take expects a place: std::mem::take(&mut a)");
      return true;
    }
    RegisterScope rs(this);
    Place* a = EvaluatePlace(StripReferences(args[0].value));
    Register old = NewTemp();
    Mov(a->value, old);
    ExpressionPosition(node);
    CallRuntime(RuntimeFunctionId::kTakenValueLike, old, 1);
    Star(a->value);
    WriteBack(a);
    Ldar(old);
    return true;
  }
  if (swap || replace) {
    // In-out like a `&mut` parameter: the places get their new values when the call ends.
    if (args.size() != 2 || !IsPlaceExpression(StripReferences(args[0].value)) ||
        (swap && !IsPlaceExpression(StripReferences(args[1].value)))) {
      Fail(node, swap ? "std::mem::swap expects two places: std::mem::swap(&mut a, &mut b)"
                      : "std::mem::replace expects a place and a value: "
                        "std::mem::replace(&mut a, v)");
      return true;
    }
    RegisterScope rs(this);
    Place* a = EvaluatePlace(StripReferences(args[0].value));
    Register old = NewTemp();
    Mov(a->value, old);
    if (swap) {
      Place* b = EvaluatePlace(StripReferences(args[1].value));
      Mov(b->value, a->value);
      WriteBack(a);
      Mov(old, b->value);
      WriteBack(b);
      Emit(Bytecode::kLdaNil);
    } else {
      VisitForRegister(args[1].value, a->value);
      WriteBack(a);
      Ldar(old);
    }
    return true;
  }
  // f64::max(a, b), i64::pow(b, e), str::len(s), Vec::push(&mut v, x): the method of the
  // first argument, which is its receiver (and its place, for a mutating method).
  if (!node->callee->IsPath()) return false;
  Path* path = node->callee->AsPath();
  if (path->segments.size() != 1 || !IsBuiltinTypeName(path->root->name->view())) return false;
  if (args.empty()) {
    Fail(node, name +
                   "() is not a built-in function; as a method it needs its receiver as "
                   "the first argument");
    return true;
  }
  NodeList<Argument> rest(args.begin() + 1, args.size() - 1);
  EmitMethodCall(node, StripReferences(args[0].value), path->segments[0], nullptr, rest);
  return true;
}

void BytecodeGenerator::VisitNativeCall(MacroCall* node) {
  std::string name(node->name->view());
  RuntimeFunctionId id;
  if (!LookupNativeFunction(name, &id)) {
    Fail(node, "unknown intrinsic %" + name);
    return;
  }
  int n = static_cast<int>(node->arguments.size());
  int expected = RuntimeFunctionArgumentCount(id);
  if (n != expected) {
    Fail(node, "%" + name + " takes " + std::to_string(expected) + " argument" +
                   (expected == 1 ? "" : "s") + ", got " + std::to_string(n));
    return;
  }
  RegisterScope rs(this);
  Register first = NewTemps(std::max(n, 1));
  for (int i = 0; i < n; ++i) {
    if (node->arguments[i].name != nullptr) {
      Fail(node, "%" + name + " takes no named arguments");
      return;
    }
    VisitForRegister(node->arguments[i].value, Register(first.index() + i));
  }
  ExpressionPosition(node);
  CallRuntime(id, first, n);
}

void BytecodeGenerator::VisitMacroCall(MacroCall* node) {
  if (node->is_native) return VisitNativeCall(node);
  std::string name(node->name->view());
  if (name == "vec") {
    if (node->is_repeat) {
      RegisterScope rs(this);
      Register args = NewTemps(2);
      VisitForRegister(node->arguments[0].value, args);
      VisitForRegister(node->arguments[1].value, Register(args.index() + 1));
      ExpressionPosition(node);
      CallRuntime(RuntimeFunctionId::kArrayRepeat, args, 2);
      return;
    }
    RegisterScope rs(this);
    int n = static_cast<int>(node->arguments.size());
    Register first = NewTemps(std::max(n, 1));
    for (int i = 0; i < n; ++i) {
      VisitForRegister(node->arguments[i].value, Register(first.index() + i));
    }
    Emit(Bytecode::kCreateArray, {Op(first), static_cast<uint32_t>(n)});
    return;
  }
  if (name == "matches") {
    RegisterScope rs(this);
    Register value = NewTemp();
    VisitForRegister(node->arguments[0].value, value);
    BytecodeLabel fail = NewLabel(), done = NewLabel();
    VisitPatternTest(node->pattern, value, fail);
    if (node->guard != nullptr) {
      EnterScope(node->scope);
      VisitPatternBind(node->pattern, value);
      Visit(node->guard);
      LeaveScope(node->scope);
      EmitJump(Bytecode::kJumpIfToBooleanFalse, fail);
    }
    Emit(Bytecode::kLdaTrue);
    EmitJump(Bytecode::kJump, done);
    Bind(fail);
    Emit(Bytecode::kLdaFalse);
    Bind(done);
    return;
  }
  std::string macro = name + "!";
  if (LookupBuiltinFunction(macro).has_value()) {
    return VisitBuiltinCall(node, macro, node->arguments, node->format_reads);
  }
  if (LookupBuiltinFunction(name).has_value()) {
    return VisitBuiltinCall(node, name, node->arguments, node->format_reads);
  }
  RegisterScope rs(this);
  Register message = NewTemp();
  LoadString("Runtime error: Macro '" + macro + "' not yet implemented");
  Star(message);
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kThrowError, message, 1);
}

}  // namespace ruchy::internal::interpreter
