// The bytecode generator: functions, scopes, declarations, variables and expressions.
// Calls and places, control flow and patterns are in the other bytecode-generator-*.cc.
#include "src/interpreter/bytecode-generator.h"

#include <algorithm>

#include "src/builtins/builtins.h"
#include "src/interpreter/bytecode-generator-impl.h"
#include "src/interpreter/bytecode-iterator.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

namespace {

// Hoisting groups (parser README): use/mod, then types, then functions, then impls, then
// top-level constants; source order within a group.
int HoistGroup(Node* declaration) {
  switch (declaration->kind()) {
    case NodeKind::kUseDeclaration:
    case NodeKind::kModuleDeclaration:
      return 0;
    case NodeKind::kStructDeclaration:
    case NodeKind::kEnumDeclaration:
    case NodeKind::kTraitDeclaration:
    case NodeKind::kClassDeclaration:
      return 1;
    case NodeKind::kFunctionDeclaration:
      return 2;
    case NodeKind::kImplDeclaration:
      return 3;
    default:
      return 4;
  }
}

std::string FunctionDisplayName(FunctionLiteral* function) {
  switch (function->kind) {
    case FunctionKind::kScript:
      return "<script>";
    case FunctionKind::kClosure:
      return "<closure>";
    case FunctionKind::kFieldInitializer:
      return "<initializer>";
    case FunctionKind::kFunction:
    case FunctionKind::kMethod:
    case FunctionKind::kConstructor:
      break;
  }
  return function->name != nullptr ? std::string(function->name->view()) : "<anonymous>";
}

// The counter slots (BytecodeData::counter_slots) of finished bytecode: the call counts
// the generator reserved and the slot of every binary operator, read from the final
// bytecode so that the peephole's fused forms are covered.
std::vector<uint32_t> CounterSlots(const std::vector<uint8_t>& bytes,
                                   std::vector<uint32_t> call_count_slots) {
  std::vector<uint32_t> slots = std::move(call_count_slots);
  for (BytecodeIterator it(bytes.data(), bytes.size()); !it.done(); it.Advance()) {
    Bytecode bc = it.current_bytecode();
    if (Bytecodes::IsBinaryOperation(bc)) {
      slots.push_back(it.GetOperand(Bytecodes::NumberOfOperands(bc) - 1));
    }
  }
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return slots;
}

}  // namespace

BytecodeGenerator::BytecodeGenerator(CompilationState* state, FunctionLiteral* function)
    : state_(state),
      function_(function),
      scope_(function->scope),
      builder_(function->scope->num_parameters(), function->scope->num_registers()),
      parameter_count_(function->scope->num_parameters()),
      next_register_(function->scope->num_registers()),
      max_register_(function->scope->num_registers()) {}

Register BytecodeGenerator::NewTemp() {
  Register r(next_register_++);
  max_register_ = std::max(max_register_, next_register_);
  return r;
}

Register BytecodeGenerator::NewTemps(int count) {
  Register first(next_register_);
  next_register_ += count;
  max_register_ = std::max(max_register_, next_register_);
  return first;
}

void BytecodeGenerator::LoadSmi(int64_t value) {
  if (value == 0) {
    Emit(Bytecode::kLdaZero);
  } else if (value >= INT32_MIN && value <= INT32_MAX) {
    Emit(Bytecode::kLdaSmi, {static_cast<uint32_t>(static_cast<int32_t>(value))});
  } else {
    LoadInteger(value);
  }
}

void BytecodeGenerator::LoadInteger(int64_t value) {
  if (value >= INT32_MIN && value <= INT32_MAX) return LoadSmi(value);
  Handle<Value> number;
  if (!state_->isolate->factory()->NewInteger(value).ToHandle(&number)) {
    state_->failed = true;
    return;
  }
  Emit(Bytecode::kLdaConstant, {Cst(AddConstant(number))});
}

void BytecodeGenerator::CallRuntime(RuntimeFunctionId id, Register first, int count) {
  Emit(Bytecode::kCallRuntime,
       {static_cast<uint32_t>(id), Op(first), static_cast<uint32_t>(count)});
}

int BytecodeGenerator::AddConstant(Handle<Value> value) {
  constants_.push_back(value);
  return static_cast<int>(constants_.size() - 1);
}

int BytecodeGenerator::StringConstant(std::string_view text) {
  auto it = string_constants_.find(text);
  if (it != string_constants_.end()) return it->second;
  Handle<String> s;
  if (!state_->isolate->factory()->InternalizeUtf8String(text).ToHandle(&s)) {
    state_->failed = true;
    return 0;
  }
  int index = AddConstant(s);
  string_constants_.emplace(std::string(text), index);
  return index;
}

int BytecodeGenerator::StringListConstant(const std::vector<std::string_view>& items) {
  Factory* f = state_->isolate->factory();
  Handle<FixedArray> list;
  if (!f->NewFixedArray(static_cast<int>(items.size()), AllocationType::kOld).ToHandle(&list)) {
    state_->failed = true;
    return 0;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    Handle<String> s;
    if (!f->InternalizeUtf8String(items[i]).ToHandle(&s)) {
      state_->failed = true;
      return 0;
    }
    list->set(static_cast<int>(i), *s);
  }
  return AddConstant(list);
}

int BytecodeGenerator::FunctionConstant(FunctionLiteral* function) {
  BytecodeGenerator inner(state_, function);
  Handle<SharedFunctionInfo> shared;
  if (!inner.Generate().ToHandle(&shared)) {
    state_->failed = true;
    return 0;
  }
  return AddConstant(shared);
}

int BytecodeGenerator::AddCallSite(CallSite site) {
  call_sites_.push_back(std::move(site));
  return static_cast<int>(call_sites_.size() - 1);
}

void BytecodeGenerator::Fail(Node* at, const std::string& message) {
  FailAt(at->position(), message);
}

void BytecodeGenerator::FailAt(SourcePosition position, const std::string& message) {
  if (state_->failed) return;
  state_->failed = true;
  state_->error = state_->script->file_name + ":" + std::to_string(position.line) + ":" +
                  std::to_string(position.column) + ": " + message;
}

// ---------------------------------------------------------------------------------------
// Functions

MaybeHandle<SharedFunctionInfo> BytecodeGenerator::Generate() {
  Isolate* isolate = state_->isolate;
  GeneratePrologue();
  Node* body = function_->body;
  if (body == nullptr) {
    LoadNil();
  } else if (body->IsBlock() && body->AsBlock()->scope == scope_) {
    // The body block shares the function scope (entered by the prologue).
    VisitStatements(body->AsBlock()->statements);
  } else {
    Visit(body);
  }
  if (function_->kind == FunctionKind::kConstructor) Ldar(self_register_);
  EmitReturn();
  if (state_->failed) return {};

  BytecodeData* data = state_->interpreter->NewBytecodeData();
  builder_.set_register_count(max_register_);
  builder_.Peephole();
  BytecodeArrayData finished = builder_.Finalize();
  data->bytes = std::move(finished.bytes);
  data->parameter_count = parameter_count_;
  data->register_count = finished.register_count;
  data->source_positions = std::move(finished.source_positions);
  data->handlers = std::move(finished.handlers);
  data->feedback_slot_count = feedback_slots_;
  data->counter_slots = CounterSlots(data->bytes, std::move(call_count_slots_));
  data->name = FunctionDisplayName(function_);
  data->is_constructor = function_->kind == FunctionKind::kConstructor;
  data->script = state_->script;
  data->call_sites = std::move(call_sites_);
  for (CallSite& site : data->call_sites) {
    site.name_views.assign(site.names.begin(), site.names.end());
  }
  int required = 0;
  bool seen_default = false;
  for (uint32_t i = 0; i < function_->parameters.size(); ++i) {
    const Parameter& p = function_->parameters[i];
    if (p.is_self) {
      data->has_self = true;
    } else {
      if (p.default_value == nullptr && !seen_default) ++required;
      if (p.default_value != nullptr) seen_default = true;
      std::string name;
      if (p.pattern != nullptr && p.pattern->IsIdentifierPattern()) {
        name = std::string(p.pattern->AsIdentifierPattern()->name->view());
      }
      data->parameter_names.push_back(std::move(name));
    }
    if (p.is_inout && i < 64) data->inout_mask |= uint64_t{1} << i;
  }
  data->required_count = required;

  Factory* f = isolate->factory();
  Handle<FixedArray> pool;
  if (!f->NewFixedArray(static_cast<int>(constants_.size()), AllocationType::kOld)
           .ToHandle(&pool)) {
    return {};
  }
  for (size_t i = 0; i < constants_.size(); ++i) pool->set(static_cast<int>(i), *constants_[i]);
  Handle<BytecodeArray> bytecode;
  Handle<String> name;
  Handle<SharedFunctionInfo> shared;
  if (!f->NewBytecodeArray(data, pool).ToHandle(&bytecode) ||
      !f->InternalizeUtf8String(data->name).ToHandle(&name) ||
      !f->NewSharedFunctionInfo(name, parameter_count_).ToHandle(&shared)) {
    return {};
  }
  shared->set_function_data(*bytecode);
  if (data->inout_mask == 0) shared->set_flags(SharedFunctionInfo::kArgumentsReadOnlyBit);
  return shared;
}

void BytecodeGenerator::GeneratePrologue() {
  if (function_->kind == FunctionKind::kFunction && function_->name != nullptr &&
      function_->name->view() == "main" && scope_->outer() != nullptr &&
      scope_->outer()->kind() == ScopeKind::kScript) {
    RegisterScope rs(this);
    CallRuntime(RuntimeFunctionId::kMarkMainCalled, Register(0), 0);
  }
  if (scope_->needs_context()) {
    PushContextFor(scope_->num_context_slots());
    // Captured parameters move into the context.
    for (Variable* v : scope_->variables()) {
      if (v->mode() == VariableMode::kParameter && v->location() == VariableLocation::kContext) {
        Ldar(Register::FromParameterIndex(v->parameter_index(), parameter_count_));
        Emit(Bytecode::kStaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
      }
    }
  }
  // Default values of missing arguments, then destructured parameters.
  for (uint32_t i = 0; i < function_->parameters.size(); ++i) {
    const Parameter& p = function_->parameters[i];
    Register param = Register::FromParameterIndex(static_cast<int>(i), parameter_count_);
    if (p.default_value != nullptr) {
      BytecodeLabel present = NewLabel();
      Ldar(param);
      EmitJump(Bytecode::kJumpIfNotHole, present);
      Visit(p.default_value);
      Star(param);
      Bind(present);
      // A captured parameter lives in the context: store the final value there too.
      if (p.pattern != nullptr && p.pattern->IsIdentifierPattern()) {
        Variable* v = p.pattern->AsIdentifierPattern()->variable;
        if (v != nullptr && v->location() == VariableLocation::kContext) {
          Ldar(param);
          StoreVariable(v, nullptr);
        }
      }
    }
    if (p.pattern != nullptr && !p.pattern->IsIdentifierPattern()) {
      BindIrrefutable(p.pattern, param, p.pattern);
    }
  }
  if (function_->kind == FunctionKind::kConstructor) {
    // self is parameter 0 (the instance the runtime allocated).
    self_register_ = Register::FromParameterIndex(0, parameter_count_);
  }
  BindHoisted(scope_);
}

void BytecodeGenerator::PushContextFor(int slots) {
  Register saved = NewTemp();
  Emit(Bytecode::kCreateContext, {static_cast<uint32_t>(slots)});
  Emit(Bytecode::kPushContext, {Op(saved)});
  saved_contexts_.push_back(saved);
}

void BytecodeGenerator::PopContextTo(int depth) {
  if (static_cast<int>(saved_contexts_.size()) > depth) {
    Emit(Bytecode::kPopContext, {Op(saved_contexts_[depth])});
  }
}

void BytecodeGenerator::EnterScope(Scope* scope) {
  if (scope == nullptr) return;
  if (scope->needs_context()) PushContextFor(scope->num_context_slots());
  BindHoisted(scope);
}

void BytecodeGenerator::LeaveScope(Scope* scope) {
  if (scope == nullptr || !scope->needs_context()) return;
  Emit(Bytecode::kPopContext, {Op(saved_contexts_.back())});
  saved_contexts_.pop_back();
}

void BytecodeGenerator::BindHoisted(Scope* scope) {
  std::vector<Node*> declarations(scope->hoisted_declarations().begin(),
                                  scope->hoisted_declarations().end());
  std::stable_sort(declarations.begin(), declarations.end(),
                   [](Node* a, Node* b) { return HoistGroup(a) < HoistGroup(b); });
  for (Node* declaration : declarations) {
    if (failed()) return;
    RegisterScope rs(this);
    VisitDeclaration(declaration);
  }
}

// ---------------------------------------------------------------------------------------
// Variables

Register BytecodeGenerator::RegisterFor(Variable* variable) {
  if (variable->location() == VariableLocation::kParameter) {
    return Register::FromParameterIndex(variable->index(), parameter_count_);
  }
  DCHECK(variable->location() == VariableLocation::kRegister);
  return Register(variable->index());
}

bool BytecodeGenerator::IsBuiltinName(const std::string& name) const {
  return LookupBuiltinFunction(name).has_value();
}

void BytecodeGenerator::LoadVariable(Identifier* identifier, bool share) {
  VisitIdentifier(identifier, share);
}

void BytecodeGenerator::VisitIdentifier(Identifier* node, bool share) {
  Variable* v = node->variable;
  switch (node->location()) {
    case VariableLocation::kParameter:
    case VariableLocation::kRegister:
      Ldar(RegisterFor(v));
      break;
    case VariableLocation::kContext:
      if (node->context_depth == 0) {
        Emit(Bytecode::kLdaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
      } else {
        Emit(Bytecode::kLdaContextSlot, {static_cast<uint32_t>(v->index()), node->context_depth});
      }
      break;
    case VariableLocation::kGlobal:
      if (v == nullptr) {
        // Built-in values are never containers that need marking; a global cell nothing in
        // this compilation declares (assigned undeclared, or defined by an earlier REPL
        // input) is a variable like any other.
        if (LoadUnboundGlobal(node, std::string(node->name->view())) && share) {
          Emit(Bytecode::kShare);
        }
        return;
      }
      ExpressionPosition(node);
      Emit(Bytecode::kLdaGlobal,
           {static_cast<uint32_t>(state_->interpreter->GlobalIndex(node->name->view()))});
      break;
    case VariableLocation::kUnallocated:
      Fail(node, "internal error: unallocated variable '" + std::string(node->name->view()) + "'");
      return;
  }
  if (share && !node->is_last_use) Emit(Bytecode::kShare);
}

bool BytecodeGenerator::LoadUnboundGlobal(Identifier* identifier, const std::string& name) {
  Isolate* isolate = state_->isolate;
  // Built-in constants and functions resolve at compile time; anything else is a global
  // cell, which raises "Undefined variable" when read while unset.
  Handle<Value> constant;
  if (LookupBuiltinConstant(isolate, name).ToHandle(&constant)) {
    Emit(Bytecode::kLdaConstant, {Cst(AddConstant(constant))});
    return false;
  }
  if (name == "None") {
    Handle<EnumValue> none;
    if (!NewNone(isolate).ToHandle(&none)) {
      state_->failed = true;
      return false;
    }
    Emit(Bytecode::kLdaConstant, {Cst(AddConstant(none))});
    return false;
  }
  Handle<Value> function;
  if (state_->interpreter->BuiltinClosure(name).ToHandle(&function)) {
    Emit(Bytecode::kLdaConstant, {Cst(AddConstant(function))});
    return false;
  }
  if (identifier != nullptr) ExpressionPosition(identifier);
  Emit(Bytecode::kLdaGlobal, {static_cast<uint32_t>(state_->interpreter->GlobalIndex(name))});
  return true;
}

bool BytecodeGenerator::IsGlobalCellName(std::string_view name) const {
  Handle<Value> constant;
  return name != "None" && name != "Some" && name != "Ok" && name != "Err" &&
         !LookupBuiltinFunction(name).has_value() &&
         !LookupBuiltinConstant(state_->isolate, name).ToHandle(&constant);
}

void BytecodeGenerator::StoreVariable(Variable* v, Identifier* use) {
  switch (v->location()) {
    case VariableLocation::kParameter:
    case VariableLocation::kRegister:
      Star(RegisterFor(v));
      return;
    case VariableLocation::kContext: {
      uint32_t depth = use != nullptr ? use->context_depth : 0;
      if (use == nullptr) {
        // A declaration: its scope's context is the current one.
        depth = 0;
      }
      if (depth == 0) {
        Emit(Bytecode::kStaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
      } else {
        Emit(Bytecode::kStaContextSlot, {static_cast<uint32_t>(v->index()), depth});
      }
      return;
    }
    case VariableLocation::kGlobal:
      Emit(Bytecode::kStaGlobal,
           {static_cast<uint32_t>(state_->interpreter->GlobalIndex(v->name()->view()))});
      return;
    case VariableLocation::kUnallocated:
      FailAt(v->position(), "internal error: unallocated variable");
      return;
  }
}

void BytecodeGenerator::StoreToIdentifier(Identifier* identifier) {
  if (identifier->variable == nullptr) {
    // Assigning a name nothing declares: a global cell (the reference allows it).
    Emit(Bytecode::kStaGlobal,
         {static_cast<uint32_t>(state_->interpreter->GlobalIndex(identifier->name->view()))});
    return;
  }
  StoreVariable(identifier->variable, identifier);
}

// ---------------------------------------------------------------------------------------
// Statements and blocks

void BytecodeGenerator::VisitBlock(Block* block, bool discard) {
  if (block->label != nullptr) return VisitLabelledBlock(block);
  discard = discard || IsEffectOnly(block);
  RegisterScope rs(this);
  EnterScope(block->scope);
  VisitStatements(block->statements, discard);
  LeaveScope(block->scope);
}

void BytecodeGenerator::VisitStatements(const NodeList<Node*>& statements, bool discard_last) {
  if (statements.empty()) {
    LoadNil();
    return;
  }
  for (uint32_t i = 0; i < statements.size(); ++i) {
    if (failed()) return;
    Node* statement = statements[i];
    bool last = i + 1 == statements.size();
    RegisterScope rs(this);
    if (IsStatementKind(statement->kind())) {
      if (statement->IsLet()) {
        Let* let = statement->AsLet();
        bool hoisted = (let->let_kind == LetKind::kConst || let->let_kind == LetKind::kStatic) &&
                       scope_->kind() == ScopeKind::kScript && saved_contexts_.empty();
        if (!hoisted) {
          // A block ending in a let has the bound value (ref §7.1).
          effect_only_ = last && !discard_last ? nullptr : let;
          VisitLet(let);
          continue;
        }
      }
      LoadNil();  // declarations (already hoisted) have no value
      continue;
    }
    effect_only_ = last && !discard_last ? nullptr : statement;
    StatementPosition(statement);
    Visit(statement);
  }
}

void BytecodeGenerator::VisitLet(Let* node) {
  bool effect_only = IsEffectOnly(node);
  StatementPosition(node);
  if (node->type_hint != nullptr && node->value != nullptr && node->value->IsMethodCall() &&
      node->value->AsMethodCall()->type_hint == nullptr) {
    // let s: HashSet<_> = v.into_iter().collect()  ==  collect::<HashSet<_>>()
    node->value->AsMethodCall()->type_hint = node->type_hint;
  }
  if (node->value == nullptr) {
    LoadNil();
  } else {
    Visit(node->value);
  }
  if (node->pattern->IsIdentifierPattern() &&
      node->pattern->AsIdentifierPattern()->subpattern == nullptr) {
    Variable* v = node->pattern->AsIdentifierPattern()->variable;
    if (v != nullptr) StoreVariable(v, nullptr);
    // The value is also the variable's: a second reference.
    if (effect_only) {
      LoadNil();
    } else {
      Emit(Bytecode::kShare);
    }
    return;
  }
  Register value = NewTemp();
  Star(value);
  if (node->else_block != nullptr) {
    BytecodeLabel fail = NewLabel(), done = NewLabel();
    VisitPatternTest(node->pattern, value, fail);
    VisitPatternBind(node->pattern, value);
    EmitJump(Bytecode::kJump, done);
    Bind(fail);
    VisitBlock(node->else_block);
    // The else block must diverge; if it falls through, that is an error.
    Register message = NewTemp();
    LoadString("Runtime error: let-else block must diverge (return, break or panic)");
    Star(message);
    CallRuntime(RuntimeFunctionId::kThrowError, message, 1);
    Bind(done);
  } else {
    BindIrrefutable(node->pattern, value, node);
  }
  if (effect_only) {
    LoadNil();
  } else {
    Ldar(value);
    Emit(Bytecode::kShare);
  }
}

// ---------------------------------------------------------------------------------------
// Expressions

void BytecodeGenerator::VisitForRegister(Node* node, Register target) {
  Visit(node);
  Star(target);
}

Register BytecodeGenerator::VisitForAnyRegister(Node* node) {
  // The value is only read (an operand, the object of a field or element read): a
  // variable's own register serves, and nothing is marked shared.
  if (node->IsIdentifier()) {
    Identifier* id = node->AsIdentifier();
    VariableLocation loc = id->location();
    if (loc == VariableLocation::kRegister || loc == VariableLocation::kParameter) {
      return RegisterFor(id->variable);
    }
    Register r = NewTemp();
    VisitIdentifier(id, false);
    Star(r);
    return r;
  }
  Register r = NewTemp();
  VisitForRead(node);
  Star(r);
  return r;
}

void BytecodeGenerator::VisitForRead(Node* node) {
  if (failed()) return;
  if (node->IsIdentifier()) return VisitIdentifier(node->AsIdentifier(), false);
  if (node->IsMember()) return EmitMemberLoad(node->AsMember());
  if (node->IsIndex()) return EmitIndexLoad(node->AsIndex());
  if (node->IsPath()) return VisitPath(node->AsPath(), /*share=*/false);
  Visit(node);
}

void BytecodeGenerator::Visit(Node* node) {
  if (failed()) return;
  switch (node->kind()) {
    case NodeKind::kIntLiteral:
      LoadInteger(node->AsIntLiteral()->value);
      return;
    case NodeKind::kFloatLiteral: {
      Handle<HeapNumber> number;
      if (!state_->isolate->factory()
               ->NewHeapNumber(node->AsFloatLiteral()->value, AllocationType::kOld)
               .ToHandle(&number)) {
        state_->failed = true;
        return;
      }
      Emit(Bytecode::kLdaConstant, {Cst(AddConstant(number))});
      return;
    }
    case NodeKind::kStringLiteral:
      LoadString(node->AsStringLiteral()->value->view());
      return;
    case NodeKind::kBoolLiteral:
      Emit(node->AsBoolLiteral()->value ? Bytecode::kLdaTrue : Bytecode::kLdaFalse);
      return;
    case NodeKind::kNilLiteral:
      LoadNil();
      return;
    case NodeKind::kFString:
      return VisitFString(node->AsFString());
    case NodeKind::kIdentifier:
      return VisitIdentifier(node->AsIdentifier(), true);
    case NodeKind::kPath:
      return VisitPath(node->AsPath());
    case NodeKind::kArrayLiteral:
      return VisitArrayLiteral(node->AsArrayLiteral()->elements, Bytecode::kCreateArray);
    case NodeKind::kArrayRepeat: {
      RegisterScope rs(this);
      Register args = NewTemps(2);
      VisitForRegister(node->AsArrayRepeat()->value, args);
      VisitForRegister(node->AsArrayRepeat()->count, Register(args.index() + 1));
      ExpressionPosition(node);
      CallRuntime(RuntimeFunctionId::kArrayRepeat, args, 2);
      return;
    }
    case NodeKind::kTupleLiteral:
      return VisitArrayLiteral(node->AsTupleLiteral()->elements, Bytecode::kCreateTuple);
    case NodeKind::kMapLiteral:
      return VisitMapLiteral(node->AsMapLiteral());
    case NodeKind::kStructLiteral:
      return VisitStructLiteral(node->AsStructLiteral());
    case NodeKind::kUnary:
      return VisitUnary(node->AsUnary());
    case NodeKind::kBinary:
      return VisitBinary(node->AsBinary());
    case NodeKind::kAssign:
      return VisitAssign(node->AsAssign());
    case NodeKind::kConditional:
      return VisitConditional(node->AsConditional());
    case NodeKind::kCast:
      return VisitCast(node->AsCast());
    case NodeKind::kRange:
      return VisitRange(node->AsRange());
    case NodeKind::kCall:
      return VisitCall(node->AsCall());
    case NodeKind::kMethodCall:
      return VisitMethodCall(node->AsMethodCall());
    case NodeKind::kMacroCall:
      return VisitMacroCall(node->AsMacroCall());
    case NodeKind::kMember:
      return VisitMember(node->AsMember());
    case NodeKind::kIndex:
      return VisitIndex(node->AsIndex());
    case NodeKind::kTryOp:
      return VisitTryOp(node->AsTryOp());
    case NodeKind::kFunctionLiteral:
      return VisitFunctionLiteral(node->AsFunctionLiteral());
    case NodeKind::kBlock:
      return VisitBlock(node->AsBlock());
    case NodeKind::kIf:
      return VisitIf(node->AsIf());
    case NodeKind::kMatch:
      return VisitMatch(node->AsMatch());
    case NodeKind::kWhile:
      return VisitWhile(node->AsWhile());
    case NodeKind::kLoop:
      return VisitLoop(node->AsLoop());
    case NodeKind::kFor:
      return VisitFor(node->AsFor());
    case NodeKind::kTryCatch:
      return VisitTryCatch(node->AsTryCatch());
    case NodeKind::kReturn:
      return VisitReturn(node->AsReturn());
    case NodeKind::kBreak:
      return VisitBreak(node->AsBreak());
    case NodeKind::kContinue:
      return VisitContinue(node->AsContinue());
    case NodeKind::kThrow:
      return VisitThrow(node->AsThrow());
      RUCHY_AST_STATEMENT_LIST(RUCHY_AST_CASE)
      if (node->IsLet()) VisitLet(node->AsLet());
      LoadNil();
      return;
      RUCHY_AST_PATTERN_LIST(RUCHY_AST_CASE)
      Fail(node, "internal error: pattern in expression position");
      return;
  }
}

void BytecodeGenerator::VisitArrayLiteral(const NodeList<Node*>& elements, Bytecode create) {
  RegisterScope rs(this);
  int n = static_cast<int>(elements.size());
  if (create == Bytecode::kCreateTuple && n == 0) {
    LoadNil();  // () is nil
    return;
  }
  Register first = NewTemps(std::max(n, 1));
  for (int i = 0; i < n; ++i) VisitForRegister(elements[i], Register(first.index() + i));
  Emit(create, {Op(first), static_cast<uint32_t>(n)});
}

void BytecodeGenerator::VisitMapLiteral(MapLiteral* node) {
  RegisterScope rs(this);
  int n = static_cast<int>(node->entries.size());
  Register first = NewTemps(std::max(2 * n, 1));
  for (int i = 0; i < n; ++i) {
    VisitForRegister(node->entries[i].key, Register(first.index() + 2 * i));
    VisitForRegister(node->entries[i].value, Register(first.index() + 2 * i + 1));
  }
  ExpressionPosition(node);
  Emit(Bytecode::kCreateMap, {Op(first), static_cast<uint32_t>(2 * n)});
}

void BytecodeGenerator::VisitStructLiteral(StructLiteral* node) {
  RegisterScope rs(this);
  int n = static_cast<int>(node->fields.size());
  Register args = NewTemps(4 + n);
  std::string variant;
  LoadPatternType(node->type, &variant);
  Star(args);
  if (variant.empty()) {
    LoadNil();
  } else {
    LoadString(variant);
  }
  Star(Register(args.index() + 1));
  std::vector<std::string_view> names;
  for (const StructLiteralField& field : node->fields) names.push_back(field.name->view());
  Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
  Star(Register(args.index() + 2));
  if (node->base != nullptr) {
    Visit(node->base);
  } else {
    Emit(Bytecode::kLdaTheHole);
  }
  Star(Register(args.index() + 3));
  for (int i = 0; i < n; ++i) {
    VisitForRegister(node->fields[i].value, Register(args.index() + 4 + i));
  }
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kCreateStruct, args, 4 + n);
}

std::string BytecodeGenerator::ResolveBuiltinPath(const std::string& path) {
  // std::collections::HashMap::new, std::cmp::max, std::i64::MAX, Option::Some: the full
  // path if it names a built-in, else the longest suffix after a std::/core:: (or
  // Option::/Result::) prefix that does.
  if (path.rfind("std::", 0) != 0 && path.rfind("core::", 0) != 0 &&
      path.rfind("Option::", 0) != 0 && path.rfind("Result::", 0) != 0) {
    return path;
  }
  for (size_t start = 0; start != std::string::npos;) {
    std::string candidate = path.substr(start);
    Handle<Value> constant;
    if (LookupBuiltinFunction(candidate).has_value() ||
        LookupBuiltinConstant(state_->isolate, candidate).ToHandle(&constant)) {
      return candidate;
    }
    size_t separator = path.find("::", start);
    start = separator == std::string::npos ? separator : separator + 2;
  }
  return path;
}

void BytecodeGenerator::VisitPath(Path* node, bool share) {
  Identifier* root = node->root;
  if (root->variable == nullptr) {
    // std::f64::consts::PI, i64::MAX, HashMap::new: a built-in by its full path.
    std::string name(root->name->view());
    for (const AstString* segment : node->segments) {
      name += "::";
      name += segment->view();
    }
    // Option::Some / Option::None and the like name the built-in enums.
    if ((name.rfind("Option::", 0) == 0 || name.rfind("Result::", 0) == 0) &&
        node->segments.size() == 1) {
      name = std::string(node->segments[0]->view());
    }
    LoadUnboundGlobal(root, ResolveBuiltinPath(name));
    return;
  }
  VisitIdentifier(root, false);
  for (const AstString* segment : node->segments) {
    ExpressionPosition(node);
    Emit(Bytecode::kGetPathMember, {Cst(NameConstant(segment)), PathMemberSlot()});
  }
  if (share) Emit(Bytecode::kShare);  // a module's constant may be a container
}

void BytecodeGenerator::VisitMember(Member* node) {
  EmitMemberLoad(node);
  Emit(Bytecode::kShare);
}

void BytecodeGenerator::EmitMemberLoad(Member* node) {
  RegisterScope rs(this);
  if (node->tuple_index < 0 && !LocalRegisterOf(node->object).has_value()) {
    // A member of a computed value: no temporary for the object.
    VisitForRead(node->object);
    ExpressionPosition(node);
    Emit(Bytecode::kGetNamedPropertyAcc, {Cst(NameConstant(node->name)), Slot()});
    return;
  }
  Register object = VisitForAnyRegister(node->object);
  ExpressionPosition(node);
  if (node->tuple_index >= 0) {
    LoadSmi(node->tuple_index);
    Emit(Bytecode::kGetKeyedProperty, {Op(object), Slot()});
  } else {
    Emit(Bytecode::kGetNamedProperty, {Op(object), Cst(NameConstant(node->name)), Slot()});
  }
}

void BytecodeGenerator::VisitIndex(Index* node) {
  EmitIndexLoad(node);
  Emit(Bytecode::kShare);
}

void BytecodeGenerator::EmitIndexLoad(Index* node) {
  RegisterScope rs(this);
  Register object = VisitForAnyRegister(node->object);
  VisitForRead(node->index);
  ExpressionPosition(node);
  Emit(Bytecode::kGetKeyedProperty, {Op(object), Slot()});
}

void BytecodeGenerator::VisitRange(parser::Range* node) {
  RegisterScope rs(this);
  Register from = NewTemp();
  if (node->from != nullptr) {
    Visit(node->from);
  } else {
    LoadNil();
  }
  Star(from);
  if (node->to != nullptr) {
    Visit(node->to);
  } else {
    LoadNil();
  }
  Emit(Bytecode::kCreateRange, {Op(from), node->inclusive ? 1u : 0u});
}

void BytecodeGenerator::VisitCast(Cast* node) {
  std::string_view type = node->type_name->view();
  bool to_float = type == "f64" || type == "f32";
  bool to_int64 = type == "i64" || type == "isize" || type == "i128" || type == "u64" ||
                  type == "usize" || type == "u128";
  if (to_float || to_int64) {
    // The numeric casts loops use have their own bytecodes (no runtime call for the
    // common cases: an integer to float, an integer kept as it is).
    VisitForRead(node->operand);
    ExpressionPosition(node);
    Emit(to_float ? Bytecode::kCastToFloat : Bytecode::kCastToInt64, {Cst(StringConstant(type))});
    return;
  }
  RegisterScope rs(this);
  Register args = NewTemps(2);
  VisitForRegister(node->operand, args);
  LoadString(node->type_name->view());
  Star(Register(args.index() + 1));
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kCast, args, 2);
}

void BytecodeGenerator::VisitFString(FString* node) {
  RegisterScope rs(this);
  int n = static_cast<int>(node->parts.size());
  if (n == 0) {
    LoadString("");
    return;
  }
  Register parts = NewTemps(n);
  for (int i = 0; i < n; ++i) {
    const FStringPart& part = node->parts[i];
    Register target(parts.index() + i);
    if (part.expression == nullptr) {
      LoadString(part.text->view());
      Star(target);
      continue;
    }
    RegisterScope inner(this);
    Register args = NewTemps(2);
    VisitForRegister(part.expression, args);
    if (part.spec != nullptr) {
      LoadString(part.spec->view());
    } else {
      LoadNil();
    }
    Star(Register(args.index() + 1));
    ExpressionPosition(part.expression);
    CallRuntime(RuntimeFunctionId::kFStringPart, args, 2);
    Star(target);
  }
  if (n == 1 && node->parts[0].expression != nullptr) {
    Ldar(parts);
    return;
  }
  CallRuntime(RuntimeFunctionId::kStringConcat, parts, n);
}

void BytecodeGenerator::VisitFunctionLiteral(FunctionLiteral* node) {
  Emit(Bytecode::kCreateClosure, {Cst(FunctionConstant(node))});
}

void BytecodeGenerator::VisitTryOp(TryOp* node) {
  RegisterScope rs(this);
  Register value = NewTemp();
  VisitForRegister(node->operand, value);
  BytecodeLabel ok = NewLabel();
  ExpressionPosition(node);
  CallRuntime(RuntimeFunctionId::kTryOpIsFailure, value, 1);
  EmitJump(Bytecode::kJumpIfFalse, ok);
  Ldar(value);
  EmitReturn();
  Bind(ok);
  CallRuntime(RuntimeFunctionId::kTryOpUnwrap, value, 1);
}

// ---------------------------------------------------------------------------------------

MaybeHandle<SharedFunctionInfo> CompileScript(Isolate* isolate, Interpreter* interpreter,
                                              ParseResult* program,
                                              std::shared_ptr<const Script> script, bool call_main,
                                              std::string* error) {
  CompilationState state{isolate, interpreter, std::move(script), "", false, call_main};
  BytecodeGenerator generator(&state, program->script());
  MaybeHandle<SharedFunctionInfo> result = generator.Generate();
  if (state.failed && !state.error.empty()) {
    *error = state.error;
    return {};
  }
  return result;
}

}  // namespace ruchy::internal::interpreter
