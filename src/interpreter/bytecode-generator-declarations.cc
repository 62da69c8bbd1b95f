// The bytecode generator: hoisted declarations — functions, structs, enums, traits,
// classes, impl blocks, use/mod — compiled to runtime calls that build TypeDescriptors and
// method tables.
#include <algorithm>

#include "src/interpreter/bytecode-generator-impl.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

// ---------------------------------------------------------------------------------------
// Declarations

void BytecodeGenerator::LoadFieldDefaults(const NodeList<FieldDeclaration>& fields) {
  // A tuple of the field default thunks (nil where a field has none).
  RegisterScope rs(this);
  int n = static_cast<int>(fields.size());
  Register thunks = NewTemps(std::max(n, 1));
  for (int i = 0; i < n; ++i) {
    FunctionLiteral* thunk = fields[i].default_value;
    if (thunk == nullptr) {
      LoadNil();
    } else {
      Emit(Bytecode::kCreateClosure, {Cst(FunctionConstant(thunk))});
    }
    Star(Register(thunks.index() + i));
  }
  Emit(Bytecode::kCreateTuple, {Op(thunks), static_cast<uint32_t>(n)});
}

void BytecodeGenerator::DefineMethods(Register type, const NodeList<FunctionLiteral*>& methods) {
  for (FunctionLiteral* method : methods) {
    if (method->body == nullptr) continue;  // a trait method without a default
    RegisterScope rs(this);
    Register args = NewTemps(3);
    Mov(type, args);
    LoadString(method->name->view());
    Star(Register(args.index() + 1));
    Emit(Bytecode::kCreateClosure, {Cst(FunctionConstant(method))});
    Star(Register(args.index() + 2));
    CallRuntime(RuntimeFunctionId::kDefineMethod, args, 3);
  }
}

void BytecodeGenerator::VisitDeclaration(Node* declaration) {
  StatementPosition(declaration);
  switch (declaration->kind()) {
    case NodeKind::kFunctionDeclaration: {
      FunctionDeclaration* d = declaration->AsFunctionDeclaration();
      Emit(Bytecode::kCreateClosure, {Cst(FunctionConstant(d->function))});
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      return;
    }
    case NodeKind::kStructDeclaration: {
      StructDeclaration* d = declaration->AsStructDeclaration();
      Register args = NewTemps(4);
      Register type = NewTemp();
      LoadString(d->name->view());
      Star(args);
      std::vector<std::string_view> names;
      std::vector<std::string> tuple_names;
      if (d->tuple_arity > 0) {
        for (int i = 0; i < d->tuple_arity; ++i) tuple_names.push_back(std::to_string(i));
        for (const std::string& n : tuple_names) names.push_back(n);
      } else {
        for (const FieldDeclaration& field : d->fields) names.push_back(field.name->view());
      }
      Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
      Star(Register(args.index() + 1));
      LoadSmi(d->tuple_arity);
      Star(Register(args.index() + 2));
      LoadFieldDefaults(d->fields);
      Star(Register(args.index() + 3));
      CallRuntime(RuntimeFunctionId::kDefineStruct, args, 4);
      Star(type);
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      DefineMethods(type, d->methods);
      return;
    }
    case NodeKind::kEnumDeclaration: {
      EnumDeclaration* d = declaration->AsEnumDeclaration();
      Register args = NewTemps(4);
      Register type = NewTemp();
      LoadString(d->name->view());
      Star(args);
      std::vector<std::string_view> names;
      for (const EnumVariant& v : d->variants) names.push_back(v.name->view());
      Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
      Star(Register(args.index() + 1));
      // Per variant: nil (unit), a Smi arity (tuple) or a FixedArray of field names.
      Factory* f = state_->isolate->factory();
      int n = static_cast<int>(d->variants.size());
      Handle<FixedArray> shapes, discriminants;
      if (!f->NewFixedArray(n, AllocationType::kOld).ToHandle(&shapes) ||
          !f->NewFixedArray(n, AllocationType::kOld).ToHandle(&discriminants)) {
        state_->failed = true;
        return;
      }
      int64_t next = 0;
      for (int i = 0; i < n; ++i) {
        const EnumVariant& v = d->variants[i];
        if (v.has_discriminant) next = v.discriminant;
        discriminants->set(i, Smi::FromInt(next));
        ++next;
        switch (v.kind) {
          case VariantKind::kUnit:
            shapes->set(i, state_->isolate->nil_value());
            break;
          case VariantKind::kTuple:
            shapes->set(i, Smi::FromInt(v.arity));
            break;
          case VariantKind::kStruct: {
            std::vector<std::string_view> fields;
            for (const AstString* s : v.field_names) fields.push_back(s->view());
            int index = StringListConstant(fields);
            shapes->set(i, *constants_[index]);
            break;
          }
        }
      }
      Emit(Bytecode::kLdaConstant, {Cst(AddConstant(shapes))});
      Star(Register(args.index() + 2));
      Emit(Bytecode::kLdaConstant, {Cst(AddConstant(discriminants))});
      Star(Register(args.index() + 3));
      CallRuntime(RuntimeFunctionId::kDefineEnum, args, 4);
      Star(type);
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      DefineMethods(type, d->methods);
      return;
    }
    case NodeKind::kTraitDeclaration: {
      TraitDeclaration* d = declaration->AsTraitDeclaration();
      Register args = NewTemp();
      LoadString(d->name->view());
      Star(args);
      CallRuntime(RuntimeFunctionId::kDefineTrait, args, 1);
      Star(args);
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      DefineMethods(args, d->methods);
      return;
    }
    case NodeKind::kClassDeclaration: {
      ClassDeclaration* d = declaration->AsClassDeclaration();
      Register args = NewTemps(4);
      Register type = NewTemp();
      LoadString(d->name->view());
      Star(args);
      if (d->parent != nullptr) {
        VisitIdentifier(d->parent, false);
      } else {
        LoadNil();
      }
      Star(Register(args.index() + 1));
      std::vector<std::string_view> names;
      for (const FieldDeclaration& field : d->fields) names.push_back(field.name->view());
      Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
      Star(Register(args.index() + 2));
      LoadFieldDefaults(d->fields);
      Star(Register(args.index() + 3));
      CallRuntime(RuntimeFunctionId::kDefineClass, args, 4);
      Star(type);
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      DefineMethods(type, d->constructors);
      DefineMethods(type, d->methods);
      return;
    }
    case NodeKind::kImplDeclaration: {
      ImplDeclaration* d = declaration->AsImplDeclaration();
      Register type = NewTemp();
      BytecodeLabel skip = NewLabel();
      if (d->type->variable == nullptr) {
        // A type this compilation does not declare: one an earlier REPL input defined, or
        // a built-in type (impl Display for i32), which has nothing to attach methods to.
        LoadString(d->type->name->view());
        Star(type);
        CallRuntime(RuntimeFunctionId::kLookupGlobalType, type, 1);
        EmitJump(Bytecode::kJumpIfNil, skip);
      } else {
        VisitIdentifier(d->type, false);
      }
      Star(type);
      for (const AssociatedConstant& c : d->constants) {
        RegisterScope rs(this);
        Register args = NewTemps(3);
        Mov(type, args);
        LoadString(c.name->view());
        Star(Register(args.index() + 1));
        Register callee = NewTemp();
        Emit(Bytecode::kCreateClosure, {Cst(FunctionConstant(c.value))});
        Star(callee);
        Emit(Bytecode::kCallFunction, {Op(callee), Op(callee), 0, CallSlot()});
        Star(Register(args.index() + 2));
        CallRuntime(RuntimeFunctionId::kDefineMethod, args, 3);
      }
      DefineMethods(type, d->methods);
      if (d->trait != nullptr) {
        Register args = NewTemps(2);
        Mov(type, args);
        if (d->trait->variable != nullptr) {
          VisitIdentifier(d->trait, false);
        } else {
          // A trait from an earlier REPL input, or a built-in one (Display): nil.
          LoadString(d->trait->name->view());
          Star(Register(args.index() + 1));
          CallRuntime(RuntimeFunctionId::kLookupGlobalType, Register(args.index() + 1), 1);
        }
        EmitJump(Bytecode::kJumpIfNil, skip);
        Star(Register(args.index() + 1));
        CallRuntime(RuntimeFunctionId::kImplementTrait, args, 2);
      }
      Bind(skip);
      return;
    }
    case NodeKind::kUseDeclaration: {
      UseDeclaration* d = declaration->AsUseDeclaration();
      if (d->variable == nullptr || d->path.empty()) return;
      // `use name;` loads name.ruchy as a module; `use a::b` binds b from module a.
      Register args = NewTemps(2);
      LoadString(d->path[0]->view());
      Star(args);
      LoadString(d->path[0]->view());
      Star(Register(args.index() + 1));
      CallRuntime(RuntimeFunctionId::kLoadModule, args, 2);
      for (uint32_t i = 1; i < d->path.size(); ++i) {
        Star(args);
        Emit(Bytecode::kGetNamedProperty, {Op(args), Cst(NameConstant(d->path[i])), Slot()});
      }
      Emit(Bytecode::kShare);
      StoreVariable(d->variable, nullptr);
      return;
    }
    case NodeKind::kModuleDeclaration: {
      ModuleDeclaration* d = declaration->AsModuleDeclaration();
      if (d->body != nullptr) {
        VisitInlineModule(d);
        return;
      }
      Register args = NewTemps(2);
      LoadString(d->name->view());
      Star(args);
      LoadString(d->name->view());
      Star(Register(args.index() + 1));
      CallRuntime(RuntimeFunctionId::kLoadModule, args, 2);
      if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
      return;
    }
    case NodeKind::kLet:
      // A hoisted top-level const/static.
      VisitLet(declaration->AsLet());
      return;
    default:
      return;
  }
}

// `mod name { items }` (ref §15): the body runs as a block when the enclosing scope binds
// its declarations; its names, as they are at the end, form the namespace value bound to
// `name` (`name::f()`, `name.f()`). Functions inside keep seeing each other through the
// body's scope.
void BytecodeGenerator::VisitInlineModule(ModuleDeclaration* d) {
  Block* body = d->body;
  EnterScope(body->scope);
  VisitStatements(body->statements, /*discard_last=*/true);
  const base::ZoneVector<Variable*>& variables = body->scope->variables();
  std::vector<std::string_view> names;
  for (Variable* v : variables) names.push_back(v->name()->view());
  Register args = NewTemps(1 + static_cast<int>(names.size()));
  Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
  Star(args);
  for (size_t i = 0; i < variables.size(); ++i) {
    Variable* v = variables[i];
    switch (v->location()) {
      case VariableLocation::kParameter:
      case VariableLocation::kRegister:
        Ldar(RegisterFor(v));
        break;
      case VariableLocation::kContext:
        Emit(Bytecode::kLdaCurrentContextSlot, {static_cast<uint32_t>(v->index())});
        break;
      case VariableLocation::kGlobal:
        Emit(Bytecode::kLdaGlobal,
             {static_cast<uint32_t>(state_->interpreter->GlobalIndex(v->name()->view()))});
        break;
      case VariableLocation::kUnallocated:
        Emit(Bytecode::kLdaTheHole);
        break;
    }
    Emit(Bytecode::kShare);
    Star(Register(args.index() + 1 + static_cast<int>(i)));
  }
  CallRuntime(RuntimeFunctionId::kCreateNamespace, args, 1 + static_cast<int>(names.size()));
  LeaveScope(body->scope);
  if (d->variable != nullptr) StoreVariable(d->variable, nullptr);
}

}  // namespace ruchy::internal::interpreter
