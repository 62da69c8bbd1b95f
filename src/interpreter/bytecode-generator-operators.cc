// The bytecode generator: operators and assignment — arithmetic and comparisons with their
// feedback slots, short-circuit logic, pipelines, and assignment to every kind of place.
#include <vector>

#include "src/interpreter/bytecode-generator-impl.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

// ---------------------------------------------------------------------------------------
// Operators

void BytecodeGenerator::VisitCompoundOperation(TokenKind op, Register left, Node* at) {
  ExpressionPosition(at);
  Bytecode bc;
  switch (op) {
    case TokenKind::kAdd:
    case TokenKind::kAssignAdd:
      bc = Bytecode::kAdd;
      break;
    case TokenKind::kSub:
    case TokenKind::kAssignSub:
      bc = Bytecode::kSub;
      break;
    case TokenKind::kMul:
    case TokenKind::kAssignMul:
      bc = Bytecode::kMul;
      break;
    case TokenKind::kDiv:
    case TokenKind::kAssignDiv:
      bc = Bytecode::kDiv;
      break;
    case TokenKind::kMod:
    case TokenKind::kAssignMod:
      bc = Bytecode::kMod;
      break;
    case TokenKind::kExp:
    case TokenKind::kAssignExp:
      bc = Bytecode::kExp;
      break;
    case TokenKind::kBitAnd:
    case TokenKind::kAssignBitAnd:
      bc = Bytecode::kBitwiseAnd;
      break;
    case TokenKind::kBitOr:
    case TokenKind::kAssignBitOr:
      bc = Bytecode::kBitwiseOr;
      break;
    case TokenKind::kBitXor:
    case TokenKind::kAssignBitXor:
      bc = Bytecode::kBitwiseXor;
      break;
    case TokenKind::kShl:
    case TokenKind::kAssignShl:
      bc = Bytecode::kShiftLeft;
      break;
    case TokenKind::kShr:
    case TokenKind::kAssignShr:
      bc = Bytecode::kShiftRight;
      break;
    case TokenKind::kEq:
      bc = Bytecode::kTestEqual;
      break;
    case TokenKind::kNe:
      bc = Bytecode::kTestNotEqual;
      break;
    case TokenKind::kLt:
      bc = Bytecode::kTestLessThan;
      break;
    case TokenKind::kGt:
      bc = Bytecode::kTestGreaterThan;
      break;
    case TokenKind::kLe:
      bc = Bytecode::kTestLessThanOrEqual;
      break;
    case TokenKind::kGe:
      bc = Bytecode::kTestGreaterThanOrEqual;
      break;
    default:
      Fail(at, std::string("internal error: unexpected operator ") + TokenText(op));
      return;
  }
  Emit(bc, {Op(left), Slot()});
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
  // Small-integer right operands use the immediate forms.
  if ((node->op == TokenKind::kAdd || node->op == TokenKind::kSub) && node->right->IsIntLiteral() &&
      node->right->AsIntLiteral()->value >= -(1 << 30) &&
      node->right->AsIntLiteral()->value <= (1 << 30)) {
    Register left = VisitForAnyRegister(node->left);
    Ldar(left);
    ExpressionPosition(node);
    Emit(node->op == TokenKind::kAdd ? Bytecode::kAddSmi : Bytecode::kSubSmi,
         {static_cast<uint32_t>(static_cast<int32_t>(node->right->AsIntLiteral()->value)), Slot()});
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
      (node->op == TokenKind::kAssignAdd || node->op == TokenKind::kAssignSub) &&
      node->value->IsIntLiteral() && node->value->AsIntLiteral()->value >= -(1 << 30) &&
      node->value->AsIntLiteral()->value <= (1 << 30)) {
    // x += 1 on a register: one AddSmi.
    Ldar(place->value);
    ExpressionPosition(node);
    Emit(node->op == TokenKind::kAssignAdd ? Bytecode::kAddSmi : Bytecode::kSubSmi,
         {static_cast<uint32_t>(static_cast<int32_t>(node->value->AsIntLiteral()->value)), Slot()});
    Star(place->value);
    if (effect_only) LoadNil();  // else the number in acc is the value
    return;
  }
  VisitForRead(node->value);  // an operand: the operator's result is what gets stored
  VisitCompoundOperation(node->op, place->value, node);
  Star(place->value);
  WriteBack(place);
  value_from(place->value);
}

}  // namespace ruchy::internal::interpreter
