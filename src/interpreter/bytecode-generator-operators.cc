// The bytecode generator: operators and assignment — arithmetic and comparisons with their
// feedback slots, short-circuit logic, pipelines, and assignment to every kind of place.
#include <optional>
#include <vector>

#include "src/interpreter/bytecode-generator-impl.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

// ---------------------------------------------------------------------------------------
// Operators

namespace {

// The bytecode of binary operator `op` (`reg OP acc`); compound assignments map to their
// operator.
std::optional<Bytecode> BinaryBytecodeFor(TokenKind op) {
  switch (op) {
    case TokenKind::kAdd:
    case TokenKind::kAssignAdd:
      return Bytecode::kAdd;
    case TokenKind::kSub:
    case TokenKind::kAssignSub:
      return Bytecode::kSub;
    case TokenKind::kMul:
    case TokenKind::kAssignMul:
      return Bytecode::kMul;
    case TokenKind::kDiv:
    case TokenKind::kAssignDiv:
      return Bytecode::kDiv;
    case TokenKind::kMod:
    case TokenKind::kAssignMod:
      return Bytecode::kMod;
    case TokenKind::kExp:
    case TokenKind::kAssignExp:
      return Bytecode::kExp;
    case TokenKind::kBitAnd:
    case TokenKind::kAssignBitAnd:
      return Bytecode::kBitwiseAnd;
    case TokenKind::kBitOr:
    case TokenKind::kAssignBitOr:
      return Bytecode::kBitwiseOr;
    case TokenKind::kBitXor:
    case TokenKind::kAssignBitXor:
      return Bytecode::kBitwiseXor;
    case TokenKind::kShl:
    case TokenKind::kAssignShl:
      return Bytecode::kShiftLeft;
    case TokenKind::kShr:
    case TokenKind::kAssignShr:
      return Bytecode::kShiftRight;
    case TokenKind::kEq:
      return Bytecode::kTestEqual;
    case TokenKind::kNe:
      return Bytecode::kTestNotEqual;
    case TokenKind::kLt:
      return Bytecode::kTestLessThan;
    case TokenKind::kGt:
      return Bytecode::kTestGreaterThan;
    case TokenKind::kLe:
      return Bytecode::kTestLessThanOrEqual;
    case TokenKind::kGe:
      return Bytecode::kTestGreaterThanOrEqual;
    default:
      return std::nullopt;
  }
}

// The form of `bc` computing `acc OP reg`, if it has one. Equality is symmetric.
std::optional<Bytecode> RhsFormOf(Bytecode bc) {
  switch (bc) {
    case Bytecode::kAdd:
      return Bytecode::kAddRhs;
    case Bytecode::kSub:
      return Bytecode::kSubRhs;
    case Bytecode::kMul:
      return Bytecode::kMulRhs;
    case Bytecode::kDiv:
      return Bytecode::kDivRhs;
    case Bytecode::kMod:
      return Bytecode::kModRhs;
    case Bytecode::kTestEqual:
    case Bytecode::kTestNotEqual:
      return bc;
    case Bytecode::kTestLessThan:
      return Bytecode::kTestLessThanRhs;
    case Bytecode::kTestGreaterThan:
      return Bytecode::kTestGreaterThanRhs;
    case Bytecode::kTestLessThanOrEqual:
      return Bytecode::kTestLessThanOrEqualRhs;
    case Bytecode::kTestGreaterThanOrEqual:
      return Bytecode::kTestGreaterThanOrEqualRhs;
    default:
      return std::nullopt;
  }
}

// The form of `bc` computing `acc OP imm`, if it has one.
std::optional<Bytecode> SmiFormOf(Bytecode bc) {
  switch (bc) {
    case Bytecode::kAdd:
      return Bytecode::kAddSmi;
    case Bytecode::kSub:
      return Bytecode::kSubSmi;
    case Bytecode::kMul:
      return Bytecode::kMulSmi;
    case Bytecode::kDiv:
      return Bytecode::kDivSmi;
    case Bytecode::kMod:
      return Bytecode::kModSmi;
    case Bytecode::kBitwiseAnd:
      return Bytecode::kBitwiseAndSmi;
    case Bytecode::kShiftLeft:
      return Bytecode::kShiftLeftSmi;
    case Bytecode::kShiftRight:
      return Bytecode::kShiftRightSmi;
    case Bytecode::kTestEqual:
      return Bytecode::kTestEqualSmi;
    case Bytecode::kTestNotEqual:
      return Bytecode::kTestNotEqualSmi;
    case Bytecode::kTestLessThan:
      return Bytecode::kTestLessThanSmi;
    case Bytecode::kTestGreaterThan:
      return Bytecode::kTestGreaterThanSmi;
    case Bytecode::kTestLessThanOrEqual:
      return Bytecode::kTestLessThanOrEqualSmi;
    case Bytecode::kTestGreaterThanOrEqual:
      return Bytecode::kTestGreaterThanOrEqualSmi;
    default:
      return std::nullopt;
  }
}

// The value of `node` when it is an integer literal that fits an immediate operand.
std::optional<int32_t> SmallIntLiteral(Node* node) {
  if (!node->IsIntLiteral()) return std::nullopt;
  int64_t value = node->AsIntLiteral()->value;
  if (value < -(1 << 30) || value > (1 << 30)) return std::nullopt;
  return static_cast<int32_t>(value);
}

}  // namespace

void BytecodeGenerator::VisitCompoundOperation(TokenKind op, Register left, Node* at) {
  ExpressionPosition(at);
  std::optional<Bytecode> bc = BinaryBytecodeFor(op);
  if (!bc.has_value()) {
    Fail(at, std::string("internal error: unexpected operator ") + TokenText(op));
    return;
  }
  Emit(*bc, {Op(left), Slot()});
}

// The register a read of `node` can use in place: a local or parameter, not captured.
std::optional<Register> BytecodeGenerator::LocalRegisterOf(Node* node) {
  if (!node->IsIdentifier()) return std::nullopt;
  Identifier* id = node->AsIdentifier();
  VariableLocation loc = id->location();
  if (loc != VariableLocation::kRegister && loc != VariableLocation::kParameter) {
    return std::nullopt;
  }
  return RegisterFor(id->variable);
}

void BytecodeGenerator::VisitBinary(Binary* node) {
  switch (node->op) {
    case TokenKind::kAnd:
    case TokenKind::kOr:
    case TokenKind::kQuestionQuestion:
      return VisitLogical(node);
    case TokenKind::kPipeline: {
      // x |> f(a)  ==  f(x, a)
      if (node->right->IsCall()) {
        Call* call = node->right->AsCall();
        std::vector<Argument> arguments;
        Argument first;
        first.value = node->left;
        arguments.push_back(first);
        for (const Argument& a : call->arguments) arguments.push_back(a);
        Call piped(call->position());
        piped.callee = call->callee;
        piped.arguments =
            NodeList<Argument>(arguments.data(), static_cast<uint32_t>(arguments.size()));
        piped.format_reads = call->format_reads;
        VisitCall(&piped);
        return;
      }
      // x |> f  ==  f(x)
      RegisterScope rs(this);
      Register callee = NewTemp();
      Register arg = NewTemp();
      VisitForRegister(node->left, arg);
      VisitForRegister(node->right, callee);
      ExpressionPosition(node);
      Emit(Bytecode::kCallFunction, {Op(callee), Op(arg), 1, CallSlot()});
      return;
    }
    default:
      break;
  }
  RegisterScope rs(this);
  std::optional<Bytecode> bc = BinaryBytecodeFor(node->op);
  std::optional<int32_t> imm = SmallIntLiteral(node->right);
  if (bc.has_value() && imm.has_value() && SmiFormOf(*bc).has_value()) {
    // x OP 3: the left operand in the accumulator, the literal an immediate.
    VisitForRead(node->left);
    ExpressionPosition(node);
    Emit(*SmiFormOf(*bc), {static_cast<uint32_t>(*imm), Slot()});
    return;
  }
  std::optional<Register> right_register = LocalRegisterOf(node->right);
  if (bc.has_value() && right_register.has_value() && !LocalRegisterOf(node->left).has_value() &&
      RhsFormOf(*bc).has_value()) {
    // (expr) OP x for a local x: no temporary for the left operand. The register is read
    // after the left operand is evaluated, as in source order.
    VisitForRead(node->left);
    ExpressionPosition(node);
    Emit(*RhsFormOf(*bc), {Op(*right_register), Slot()});
    return;
  }
  Register left;
  if (node->left->IsIdentifier() && !node->right->IsIntLiteral() && !node->right->IsIdentifier() &&
      !node->right->IsFloatLiteral()) {
    // The right operand might assign the variable: read it first into a temporary.
    left = NewTemp();
    VisitIdentifier(node->left->AsIdentifier(), false);
    Star(left);
  } else if (node->left->IsIdentifier()) {
    Identifier* id = node->left->AsIdentifier();
    VariableLocation loc = id->location();
    if (loc == VariableLocation::kRegister || loc == VariableLocation::kParameter) {
      left = RegisterFor(id->variable);
    } else {
      left = NewTemp();
      VisitIdentifier(id, false);
      Star(left);
    }
  } else {
    left = NewTemp();
    VisitForRead(node->left);
    Star(left);
  }
  VisitForRead(node->right);
  VisitCompoundOperation(node->op, left, node);
}

void BytecodeGenerator::VisitLogical(Binary* node) {
  BytecodeLabel done = NewLabel();
  Visit(node->left);
  switch (node->op) {
    case TokenKind::kAnd:
      EmitJump(Bytecode::kJumpIfToBooleanFalse, done);
      break;
    case TokenKind::kOr:
      EmitJump(Bytecode::kJumpIfToBooleanTrue, done);
      break;
    default:  // ??
      EmitJump(Bytecode::kJumpIfNotNil, done);
      break;
  }
  Visit(node->right);
  Bind(done);
}

void BytecodeGenerator::VisitUnary(Unary* node) {
  switch (node->op) {
    case TokenKind::kSub:
      VisitForRead(node->operand);
      ExpressionPosition(node);
      Emit(Bytecode::kNegate, {Slot()});
      return;
    case TokenKind::kAdd:
    case TokenKind::kMul:     // *x: dereference is the value itself
    case TokenKind::kBitAnd:  // &x / &mut x outside an argument list
      Visit(node->operand);
      return;
    case TokenKind::kBang:
      VisitForRead(node->operand);
      Emit(Bytecode::kLogicalNot);
      return;
    case TokenKind::kTilde:
      Visit(node->operand);
      ExpressionPosition(node);
      Emit(Bytecode::kBitwiseNot, {Slot()});
      return;
    default:
      Fail(node, "internal error: unexpected unary operator");
      return;
  }
}

// An assignment's value is the assigned value (compound: the new value, ref §6.1); as the
// place holds it too, the value is marked shared. In statement position it is nil.
void BytecodeGenerator::VisitAssign(Assign* node) {
  bool effect_only = IsEffectOnly(node);
  RegisterScope rs(this);
  // Loads the assigned value from `r` as the expression's value.
  auto value_from = [&](Register r) {
    if (effect_only) {
      LoadNil();
    } else {
      Ldar(r);
      Emit(Bytecode::kShare);
    }
  };
  Node* target = node->target;
  bool dereferenced = false;
  while (target->IsUnary() && (target->AsUnary()->op == TokenKind::kMul ||
                               target->AsUnary()->op == TokenKind::kBitAnd)) {
    dereferenced |= target->AsUnary()->op == TokenKind::kMul;
    target = target->AsUnary()->operand;
  }
  if (dereferenced && target->IsIdentifier() &&
      !IsDereferenceAssignable(target->AsIdentifier()->variable)) {
    // Values are copies: writing through any other binding would be lost silently.
    std::string name(target->AsIdentifier()->name->view());
    Fail(node, "cannot assign through *" + name + ": " + name +
                   " is a copy, not a reference (only &mut parameters, closure parameters "
                   "and iter_mut()/values_mut() loop variables write back)");
    return;
  }
  if (node->op == TokenKind::kAssign) {
    if (target->IsIdentifier()) {
      Visit(node->value);
      StoreToIdentifier(target->AsIdentifier());
      if (effect_only) {
        LoadNil();
      } else {
        Emit(Bytecode::kShare);
      }
      return;
    }
    if (target->IsTupleLiteral() || target->IsArrayLiteral()) {
      // (a, b) = (b, a): evaluate, then assign element by element.
      const NodeList<Node*>& targets = target->IsTupleLiteral()
                                           ? target->AsTupleLiteral()->elements
                                           : target->AsArrayLiteral()->elements;
      Register value = NewTemp();
      VisitForRegister(node->value, value);
      for (uint32_t i = 0; i < targets.size(); ++i) {
        RegisterScope inner(this);
        Emit(Bytecode::kGetPatternElement, {Op(value), i});
        Node* t = targets[i];
        if (t->IsIdentifier()) {
          StoreToIdentifier(t->AsIdentifier());
        } else if (t->IsMember() || t->IsIndex()) {
          Register element = NewTemp();
          Star(element);
          Place* place = EvaluatePlace(t);
          Ldar(element);
          Star(place->value);
          WriteBack(place);
        } else {
          Fail(t, "this destructuring assignment target is not supported");
          return;
        }
      }
      value_from(value);
      return;
    }
    if (target->IsMember() || target->IsIndex()) {
      // Evaluate the container's place and key, then the value, then store along.
      Place* container;
      Register key;
      int name = -1;
      if (target->IsMember()) {
        Member* m = target->AsMember();
        container = EvaluatePlace(m->object);
        if (m->tuple_index >= 0) {
          key = NewTemp();
          LoadSmi(m->tuple_index);
          Star(key);
        } else {
          name = NameConstant(m->name);
        }
      } else {
        Index* ix = target->AsIndex();
        container = EvaluatePlace(ix->object);
        Node* value = node->value;
        if (value->IsIntLiteral() || value->IsFloatLiteral() || value->IsBoolLiteral() ||
            value->IsStringLiteral() || value->IsIdentifier()) {
          // The value cannot assign the key's variable: its own register serves.
          key = VisitForAnyRegister(ix->index);
        } else {
          key = NewTemp();
          VisitForRead(ix->index);  // a key is only looked up, never stored as itself
          Star(key);
        }
      }
      Visit(node->value);
      Register assigned;
      if (!effect_only) {
        assigned = NewTemp();
        Star(assigned);
      }
      ExpressionPosition(node);
      if (name >= 0) {
        Emit(Bytecode::kSetNamedProperty, {Op(container->value), Cst(name), Slot()});
      } else {
        Emit(Bytecode::kSetKeyedProperty, {Op(container->value), Op(key), Slot()});
      }
      WriteBack(container);
      value_from(assigned);
      return;
    }
    if (target->IsMethodCall() && IsMapEntryChain(target)) {
      Place* place = nullptr;
      VisitMapEntryChain(target->AsMethodCall(), true, &place);
      Visit(node->value);
      Star(place->value);
      WriteBack(place);
      value_from(place->value);
      return;
    }
    Fail(node, "invalid assignment target");
    return;
  }
  // Compound assignment: place OP= value.
  if (target->IsIdentifier() && target->AsIdentifier()->location() == VariableLocation::kContext &&
      BinaryBytecodeFor(node->op).has_value() && SmiFormOf(*BinaryBytecodeFor(node->op)) &&
      SmallIntLiteral(node->value).has_value()) {
    // x += 1 on a captured variable: load, one AddSmi, store.
    LoadVariable(target->AsIdentifier(), /*share=*/false);
    ExpressionPosition(node);
    Emit(*SmiFormOf(*BinaryBytecodeFor(node->op)),
         {static_cast<uint32_t>(*SmallIntLiteral(node->value)), Slot()});
    StoreToIdentifier(target->AsIdentifier());
    if (effect_only) LoadNil();  // else the number in acc is the value
    return;
  }
  Place* place;
  if (target->IsMethodCall() && IsMapEntryChain(target)) {
    place = nullptr;
    VisitMapEntryChain(target->AsMethodCall(), true, &place);
  } else if (IsPlaceExpression(target)) {
    place = EvaluatePlace(target);
  } else {
    Fail(node, "invalid assignment target");
    return;
  }
  if (place->kind == Place::kVariable && place->variable != nullptr &&
      place->variable->location() != VariableLocation::kGlobal &&
      (place->variable->location() == VariableLocation::kRegister ||
       place->variable->location() == VariableLocation::kParameter) &&
      BinaryBytecodeFor(node->op).has_value() && SmiFormOf(*BinaryBytecodeFor(node->op)) &&
      SmallIntLiteral(node->value).has_value()) {
    // x += 1 on a register: one AddSmi.
    Ldar(place->value);
    ExpressionPosition(node);
    Emit(*SmiFormOf(*BinaryBytecodeFor(node->op)),
         {static_cast<uint32_t>(*SmallIntLiteral(node->value)), Slot()});
    Star(place->value);
    if (effect_only) LoadNil();  // else the number in acc is the value
    return;
  }
  VisitForRead(node->value);  // an operand: the operator's result is what gets stored
  VisitCompoundOperation(node->op, place->value, node);
  if (effect_only && place->kind != Place::kVariable) {
    // a[i].f += v as a statement: the result goes from the accumulator into the container.
    WriteBack(place, /*value_in_accumulator=*/true);
    LoadNil();
    return;
  }
  Star(place->value);
  WriteBack(place);
  value_from(place->value);
}

}  // namespace ruchy::internal::interpreter
