// The bytecode generator: patterns. A pattern compiles to two passes over the value: a
// test (jumps to a failure label, no side effects, run before the arm's scope is entered)
// and a bind (stores the bindings, run inside the scope). Variant, sequence and literal
// tests and element loads are bytecodes; ranges, struct patterns and rests are runtime
// functions. Literals compare with the language's equality.
#include "src/interpreter/bytecode-generator-impl.h"

namespace ruchy::internal::interpreter {

namespace {

// The elements of a sequence pattern other than the rest, and where the rest is.
struct SequenceShape {
  int before = 0;  // elements before the rest (all of them when there is none)
  int after = 0;   // elements after the rest
  bool has_rest = false;
  RestPattern* rest = nullptr;
};

SequenceShape ShapeOf(const NodeList<Node*>& elements) {
  SequenceShape shape;
  for (Node* e : elements) {
    if (e->IsRestPattern()) {
      shape.has_rest = true;
      shape.rest = e->AsRestPattern();
      continue;
    }
    (shape.has_rest ? shape.after : shape.before)++;
  }
  return shape;
}

// The element patterns of a tuple, slice or tuple-struct pattern.
const NodeList<Node*>& SequenceElements(Node* pattern) {
  if (pattern->IsTuplePattern()) return pattern->AsTuplePattern()->elements;
  if (pattern->IsSlicePattern()) return pattern->AsSlicePattern()->elements;
  return pattern->AsTupleStructPattern()->elements;
}

}  // namespace

bool BytecodeGenerator::PatternAlwaysMatches(Node* pattern) const {
  if (pattern->IsWildcardPattern()) return true;
  if (pattern->IsIdentifierPattern()) {
    Node* sub = pattern->AsIdentifierPattern()->subpattern;
    return sub == nullptr || PatternAlwaysMatches(sub);
  }
  return false;
}

bool BytecodeGenerator::PatternBinds(Node* pattern) const {
  switch (pattern->kind()) {
    case NodeKind::kIdentifierPattern:
      return true;
    case NodeKind::kRestPattern:
      return pattern->AsRestPattern()->binding != nullptr;
    case NodeKind::kOrPattern:
      for (Node* alt : pattern->AsOrPattern()->alternatives) {
        if (PatternBinds(alt)) return true;
      }
      return false;
    case NodeKind::kTuplePattern:
      for (Node* e : pattern->AsTuplePattern()->elements) {
        if (PatternBinds(e)) return true;
      }
      return false;
    case NodeKind::kSlicePattern:
      for (Node* e : pattern->AsSlicePattern()->elements) {
        if (PatternBinds(e)) return true;
      }
      return false;
    case NodeKind::kTupleStructPattern:
      for (Node* e : pattern->AsTupleStructPattern()->elements) {
        if (PatternBinds(e)) return true;
      }
      return false;
    case NodeKind::kStructPattern:
      for (const StructPatternField& f : pattern->AsStructPattern()->fields) {
        if (PatternBinds(f.pattern)) return true;
      }
      return false;
    default:
      return false;
  }
}

void BytecodeGenerator::LoadPatternType(Node* path, std::string* variant_name) {
  variant_name->clear();
  if (path->IsIdentifier()) {
    Identifier* id = path->AsIdentifier();
    if (id->variable == nullptr) {
      // Some / None / Ok / Err, or a variant brought into scope by name.
      *variant_name = std::string(id->name->view());
      LoadNil();
      return;
    }
    VisitIdentifier(id, false);
    return;
  }
  if (!path->IsPath()) {
    Fail(path, "expected a type or variant name");
    return;
  }
  Path* p = path->AsPath();
  *variant_name = std::string(p->segments.back()->view());
  if (p->root->variable == nullptr) {
    // Option::Some, Result::Ok, std::...: the built-in enums by variant name.
    LoadNil();
    return;
  }
  VisitIdentifier(p->root, false);
  if (p->root->variable->mode() == VariableMode::kModule && p->segments.size() == 1) {
    // module::Type names a type inside an inline or file module.
    variant_name->clear();
    Emit(Bytecode::kGetPathMember, {Cst(NameConstant(p->segments[0])), PathMemberSlot()});
    return;
  }
  for (uint32_t i = 0; i + 1 < p->segments.size(); ++i) {
    Emit(Bytecode::kGetPathMember, {Cst(NameConstant(p->segments[i])), PathMemberSlot()});
  }
}

void BytecodeGenerator::VisitPatternTest(Node* pattern, Register value, BytecodeLabel fail) {
  if (failed()) return;
  RegisterScope rs(this);
  switch (pattern->kind()) {
    case NodeKind::kWildcardPattern:
    case NodeKind::kRestPattern:
      return;
    case NodeKind::kIdentifierPattern:
      if (pattern->AsIdentifierPattern()->subpattern != nullptr) {
        VisitPatternTest(pattern->AsIdentifierPattern()->subpattern, value, fail);
      }
      return;
    case NodeKind::kLiteralPattern:
    case NodeKind::kPathPattern:
      // The pattern's value is only compared, never stored: nothing to mark shared.
      VisitForRead(pattern->IsLiteralPattern() ? pattern->AsLiteralPattern()->literal
                                               : pattern->AsPathPattern()->path);
      Emit(Bytecode::kTestPatternEqual, {Op(value)});
      EmitJump(Bytecode::kJumpIfFalse, fail);
      return;
    case NodeKind::kRangePattern: {
      RangePattern* r = pattern->AsRangePattern();
      Register args = NewTemps(4);
      Mov(value, args);
      if (r->from != nullptr) {
        Visit(r->from);
      } else {
        LoadNil();
      }
      Star(Register(args.index() + 1));
      if (r->to != nullptr) {
        Visit(r->to);
      } else {
        LoadNil();
      }
      Star(Register(args.index() + 2));
      Emit(r->inclusive ? Bytecode::kLdaTrue : Bytecode::kLdaFalse);
      Star(Register(args.index() + 3));
      CallRuntime(RuntimeFunctionId::kPatternInRange, args, 4);
      EmitJump(Bytecode::kJumpIfFalse, fail);
      return;
    }
    case NodeKind::kOrPattern: {
      BytecodeLabel matched = NewLabel();
      const NodeList<Node*>& alts = pattern->AsOrPattern()->alternatives;
      for (uint32_t i = 0; i < alts.size(); ++i) {
        if (i + 1 == alts.size()) {
          VisitPatternTest(alts[i], value, fail);
        } else {
          BytecodeLabel next = NewLabel();
          VisitPatternTest(alts[i], value, next);
          EmitJump(Bytecode::kJump, matched);
          Bind(next);
        }
      }
      Bind(matched);
      return;
    }
    case NodeKind::kTuplePattern:
    case NodeKind::kSlicePattern:
    case NodeKind::kTupleStructPattern: {
      const NodeList<Node*>& elements = SequenceElements(pattern);
      SequenceShape shape = ShapeOf(elements);
      uint32_t count = static_cast<uint32_t>(shape.before + shape.after);
      uint32_t has_rest = shape.has_rest ? 1 : 0;
      if (pattern->IsTupleStructPattern()) {
        // The type (acc) and variant, then the payload's length, in one test.
        std::string variant;
        LoadPatternType(pattern->AsTupleStructPattern()->path, &variant);
        Emit(Bytecode::kTestVariant, {Op(value), Cst(StringConstant(variant)),
                                      2 * count + has_rest + 1, VariantTestSlot()});
      } else {
        uint32_t kind = pattern->IsTuplePattern() ? 0 : 1;
        Emit(Bytecode::kTestSequence, {Op(value), count, kind | (has_rest << 2)});
      }
      EmitJump(Bytecode::kJumpIfFalse, fail);
      int position = 0;
      for (Node* e : elements) {
        if (e->IsRestPattern()) {
          position = -shape.after;
          continue;
        }
        int index = position++;
        if (PatternAlwaysMatches(e)) continue;
        RegisterScope inner(this);
        Register element = NewTemp();
        Emit(Bytecode::kGetPatternElement, {Op(value), static_cast<uint32_t>(index)});
        Star(element);
        VisitPatternTest(e, element, fail);
      }
      return;
    }
    case NodeKind::kStructPattern: {
      StructPattern* sp = pattern->AsStructPattern();
      Register args = NewTemps(4);
      Mov(value, args);
      std::string variant;
      LoadPatternType(sp->path, &variant);
      Star(Register(args.index() + 1));
      if (variant.empty()) {
        LoadNil();
      } else {
        LoadString(variant);
      }
      Star(Register(args.index() + 2));
      // The field names: a map with all of them matches a struct's pattern (ref §8).
      std::vector<std::string_view> names;
      for (const StructPatternField& f : sp->fields) names.push_back(f.name->view());
      Emit(Bytecode::kLdaConstant, {Cst(StringListConstant(names))});
      Star(Register(args.index() + 3));
      CallRuntime(RuntimeFunctionId::kPatternIsVariant, args, 4);
      EmitJump(Bytecode::kJumpIfFalse, fail);
      for (const StructPatternField& f : sp->fields) {
        if (PatternAlwaysMatches(f.pattern)) continue;
        RegisterScope inner(this);
        Register fargs = NewTemps(2);
        Register element = NewTemp();
        Mov(value, fargs);
        LoadString(f.name->view());
        Star(Register(fargs.index() + 1));
        CallRuntime(RuntimeFunctionId::kPatternField, fargs, 2);
        Star(element);
        VisitPatternTest(f.pattern, element, fail);
      }
      return;
    }
    default:
      Fail(pattern, "internal error: not a pattern");
      return;
  }
}

void BytecodeGenerator::VisitPatternBind(Node* pattern, Register value) {
  if (failed() || !PatternBinds(pattern)) return;
  RegisterScope rs(this);
  switch (pattern->kind()) {
    case NodeKind::kIdentifierPattern: {
      IdentifierPattern* p = pattern->AsIdentifierPattern();
      Ldar(value);
      Emit(Bytecode::kShare);
      if (p->variable != nullptr) StoreVariable(p->variable, nullptr);
      if (p->subpattern != nullptr) VisitPatternBind(p->subpattern, value);
      return;
    }
    case NodeKind::kOrPattern: {
      BytecodeLabel done = NewLabel();
      const NodeList<Node*>& alts = pattern->AsOrPattern()->alternatives;
      for (uint32_t i = 0; i < alts.size(); ++i) {
        BytecodeLabel next = NewLabel();
        if (i + 1 < alts.size()) VisitPatternTest(alts[i], value, next);
        VisitPatternBind(alts[i], value);
        EmitJump(Bytecode::kJump, done);
        Bind(next);
      }
      Bind(done);
      return;
    }
    case NodeKind::kTuplePattern:
    case NodeKind::kSlicePattern:
    case NodeKind::kTupleStructPattern: {
      const NodeList<Node*>& elements = SequenceElements(pattern);
      SequenceShape shape = ShapeOf(elements);
      int position = 0;
      for (Node* e : elements) {
        if (e->IsRestPattern()) {
          RestPattern* rest = e->AsRestPattern();
          if (rest->binding != nullptr) {
            RegisterScope inner(this);
            Register args = NewTemps(3);
            Mov(value, args);
            LoadSmi(shape.before);
            Star(Register(args.index() + 1));
            LoadSmi(shape.after);
            Star(Register(args.index() + 2));
            CallRuntime(RuntimeFunctionId::kPatternRest, args, 3);
            if (rest->binding->variable != nullptr) {
              StoreVariable(rest->binding->variable, nullptr);
            }
          }
          position = -shape.after;
          continue;
        }
        int index = position++;
        if (!PatternBinds(e)) continue;
        Emit(Bytecode::kGetPatternElement, {Op(value), static_cast<uint32_t>(index)});
        if (e->IsIdentifierPattern() && e->AsIdentifierPattern()->subpattern == nullptr) {
          // A plain binding stores the element straight from the accumulator.
          Emit(Bytecode::kShare);
          Variable* variable = e->AsIdentifierPattern()->variable;
          if (variable != nullptr) StoreVariable(variable, nullptr);
          continue;
        }
        RegisterScope inner(this);
        Register element = NewTemp();
        Star(element);
        VisitPatternBind(e, element);
      }
      return;
    }
    case NodeKind::kStructPattern: {
      for (const StructPatternField& f : pattern->AsStructPattern()->fields) {
        if (!PatternBinds(f.pattern)) continue;
        RegisterScope inner(this);
        Register args = NewTemps(2);
        Register element = NewTemp();
        Mov(value, args);
        LoadString(f.name->view());
        Star(Register(args.index() + 1));
        CallRuntime(RuntimeFunctionId::kPatternField, args, 2);
        Star(element);
        VisitPatternBind(f.pattern, element);
      }
      return;
    }
    default:
      return;
  }
}

void BytecodeGenerator::BindIrrefutable(Node* pattern, Register value, Node* at) {
  if (!PatternAlwaysMatches(pattern)) {
    BytecodeLabel fail = NewLabel(), ok = NewLabel();
    VisitPatternTest(pattern, value, fail);
    EmitJump(Bytecode::kJump, ok);
    Bind(fail);
    RegisterScope rs(this);
    Register message = NewTemp();
    LoadString("Runtime error: Pattern did not match the value");
    Star(message);
    ExpressionPosition(at);
    CallRuntime(RuntimeFunctionId::kThrowError, message, 1);
    Bind(ok);
  }
  VisitPatternBind(pattern, value);
}

}  // namespace ruchy::internal::interpreter
