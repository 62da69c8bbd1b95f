// Node collection, layout with jump relaxation, and resolution of positions and handlers.
#include "src/interpreter/bytecode-array-builder.h"

#include <algorithm>
#include <cstring>

namespace ruchy::internal::interpreter {

std::string Register::ToString(int parameter_count) const {
  if (is_parameter()) return "a" + std::to_string(ToParameterIndex(parameter_count));
  return "r" + std::to_string(index_);
}

BytecodeArrayBuilder::BytecodeArrayBuilder(int parameter_count, int register_count)
    : parameter_count_(parameter_count), register_count_(register_count) {
  CHECK_GE(parameter_count, 0);
  CHECK_GE(register_count, 0);
}

void BytecodeArrayBuilder::SetPosition(int source_offset, bool is_statement) {
  // A statement position is never downgraded by a later expression position.
  if (pending_source_offset_ >= 0 && pending_is_statement_ && !is_statement) return;
  pending_source_offset_ = source_offset;
  pending_is_statement_ = is_statement;
}

void BytecodeArrayBuilder::AddNode(Node node) {
  DCHECK(!finalized_);
  node.source_offset = pending_source_offset_;
  node.is_statement = pending_is_statement_;
  pending_source_offset_ = -1;
  pending_is_statement_ = false;
  nodes_.push_back(node);
}

void BytecodeArrayBuilder::Emit(Bytecode bytecode, std::initializer_list<uint32_t> operands) {
  DCHECK(!Bytecodes::IsJump(bytecode));
  DCHECK(!Bytecodes::IsPrefix(bytecode));
  CHECK_EQ(static_cast<int>(operands.size()), Bytecodes::NumberOfOperands(bytecode));
  Node node{bytecode, static_cast<uint8_t>(operands.size()), {}};
  std::copy(operands.begin(), operands.end(), node.operands);
  AddNode(node);
}

void BytecodeArrayBuilder::EmitJump(Bytecode bytecode, BytecodeLabel label,
                                    std::initializer_list<uint32_t> extra) {
  DCHECK(Bytecodes::IsJump(bytecode));
  CHECK(label.is_valid());
  CHECK_EQ(static_cast<int>(extra.size()) + 1, Bytecodes::NumberOfOperands(bytecode));
  if (Bytecodes::IsBackwardJump(bytecode)) CHECK(IsBound(label));
  Node node{bytecode, static_cast<uint8_t>(extra.size() + 1), {}};
  node.operands[0] = 0;
  std::copy(extra.begin(), extra.end(), node.operands + 1);
  node.label = label.id_;
  AddNode(node);
}

BytecodeLabel BytecodeArrayBuilder::NewLabel() {
  label_nodes_.push_back(-1);
  return BytecodeLabel(static_cast<int>(label_nodes_.size()) - 1);
}

void BytecodeArrayBuilder::Bind(BytecodeLabel label) {
  CHECK(label.is_valid());
  CHECK_EQ(label_nodes_[label.id_], -1);
  label_nodes_[label.id_] = static_cast<int>(nodes_.size());
}

bool BytecodeArrayBuilder::IsBound(BytecodeLabel label) const {
  return label.is_valid() && label_nodes_[label.id_] >= 0;
}

void BytecodeArrayBuilder::AddHandler(BytecodeLabel start, BytecodeLabel end, BytecodeLabel handler,
                                      Register context) {
  handlers_.push_back(Handler{start.id_, end.id_, handler.id_, context});
}

bool BytecodeArrayBuilder::LastIsUnconditionalExit() const {
  // A label bound after the last node makes the end reachable.
  for (int node_index : label_nodes_) {
    if (node_index == static_cast<int>(nodes_.size())) return false;
  }
  return !nodes_.empty() && Bytecodes::IsUnconditionalExit(nodes_.back().bytecode);
}

int BytecodeArrayBuilder::NodeSize(const Node& node) const {
  int prefix = node.scale == OperandScale::kSingle ? 0 : 1;
  return prefix + Bytecodes::Size(node.bytecode, node.scale);
}

int BytecodeArrayBuilder::LabelOffset(int label) const {
  int node_index = label_nodes_[label];
  CHECK_GE(node_index, 0);  // every referenced label must be bound
  if (node_index == static_cast<int>(nodes_.size())) {
    const Node& last = nodes_.back();
    return last.offset + NodeSize(last);
  }
  return nodes_[node_index].offset;
}

void BytecodeArrayBuilder::Layout() {
  // Non-jump operands fix a minimum scale once; jump offsets only ever grow the scale,
  // so the loop terminates (each node's scale changes at most twice).
  for (Node& node : nodes_) {
    OperandScale scale = OperandScale::kSingle;
    int first = Bytecodes::IsJump(node.bytecode) ? 1 : 0;
    for (int i = first; i < node.operand_count; ++i) {
      OperandType type = Bytecodes::GetOperandType(node.bytecode, i);
      scale = std::max(scale, ScaleForOperand(type, node.operands[i]));
    }
    node.scale = scale;
  }
  bool changed = true;
  while (changed) {
    changed = false;
    int offset = 0;
    for (Node& node : nodes_) {
      node.offset = offset;
      offset += NodeSize(node);
    }
    for (Node& node : nodes_) {
      if (node.label < 0) continue;
      int target = LabelOffset(node.label);
      int distance =
          Bytecodes::IsBackwardJump(node.bytecode) ? node.offset - target : target - node.offset;
      CHECK_GE(distance, 0);
      node.operands[0] = static_cast<uint32_t>(distance);
      OperandScale needed = ScaleForOperand(OperandType::kUImm, node.operands[0]);
      if (needed > node.scale) {
        node.scale = needed;
        changed = true;
      }
    }
  }
}

namespace {

void WriteOperand(std::vector<uint8_t>* out, uint32_t value, int size) {
  uint8_t bytes[4];
  switch (size) {
    case 1:
      bytes[0] = static_cast<uint8_t>(value);
      break;
    case 2: {
      uint16_t v = static_cast<uint16_t>(value);
      std::memcpy(bytes, &v, 2);
      break;
    }
    case 4:
      std::memcpy(bytes, &value, 4);
      break;
    default:
      UNREACHABLE();
  }
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

namespace {

// Loads into the accumulator with no other effect (cannot throw, allocate or write).
bool IsPureAccumulatorLoad(Bytecode bytecode) {
  switch (bytecode) {
    case Bytecode::kLdaZero:
    case Bytecode::kLdaSmi:
    case Bytecode::kLdaNil:
    case Bytecode::kLdaTrue:
    case Bytecode::kLdaFalse:
    case Bytecode::kLdaTheHole:
    case Bytecode::kLdaConstant:
    case Bytecode::kLdar:
    case Bytecode::kLdaCurrentContext:
    case Bytecode::kLdaCurrentContextSlot:
    case Bytecode::kLdaContextSlot:
      return true;
    default:
      return false;
  }
}

bool IsComparison(Bytecode bytecode) {
  switch (bytecode) {
    case Bytecode::kTestEqual:
    case Bytecode::kTestNotEqual:
    case Bytecode::kTestLessThan:
    case Bytecode::kTestGreaterThan:
    case Bytecode::kTestLessThanOrEqual:
    case Bytecode::kTestGreaterThanOrEqual:
    case Bytecode::kTestLessThanRhs:
    case Bytecode::kTestGreaterThanRhs:
    case Bytecode::kTestLessThanOrEqualRhs:
    case Bytecode::kTestGreaterThanOrEqualRhs:
    case Bytecode::kTestEqualSmi:
    case Bytecode::kTestNotEqualSmi:
    case Bytecode::kTestLessThanSmi:
    case Bytecode::kTestGreaterThanSmi:
    case Bytecode::kTestLessThanOrEqualSmi:
    case Bytecode::kTestGreaterThanOrEqualSmi:
    case Bytecode::kTestEqualRegs:
    case Bytecode::kTestNotEqualRegs:
    case Bytecode::kTestLessThanRegs:
    case Bytecode::kTestGreaterThanRegs:
    case Bytecode::kTestLessThanOrEqualRegs:
    case Bytecode::kTestGreaterThanOrEqualRegs:
    case Bytecode::kTestEqualRegSmi:
    case Bytecode::kTestNotEqualRegSmi:
    case Bytecode::kTestLessThanRegSmi:
    case Bytecode::kTestGreaterThanRegSmi:
    case Bytecode::kTestLessThanOrEqualRegSmi:
    case Bytecode::kTestGreaterThanOrEqualRegSmi:
    case Bytecode::kLogicalNot:
    case Bytecode::kTestVariant:
    case Bytecode::kTestSequence:
    case Bytecode::kTestPatternEqual:
      return true;
    default:
      return false;
  }
}

// The form of binary operator `op` that reads its left operand from a register instead
// of the accumulator (`Ldar r; op` fused), and whether op's own operand goes first (op
// is `reg OP acc`) or second (`acc OP reg`, `acc OP imm`). Element loads likewise take
// the key from a register (`Ldar i; GetKeyedProperty a` is `GetKeyedPropertyReg a, i`).
struct RegisterForm {
  bool exists = false;
  Bytecode fused = Bytecode::kWide;
  bool own_operand_first = false;
};

RegisterForm RegisterFormOf(Bytecode op) {
  switch (op) {
#define RUCHY_REGISTER_FORMS(Name)                \
  case Bytecode::k##Name:                         \
    return {true, Bytecode::k##Name##Regs, true}; \
  case Bytecode::k##Name##Smi:                    \
    return {true, Bytecode::k##Name##RegSmi, false};
    RUCHY_REGISTER_FORMS(Add)
    RUCHY_REGISTER_FORMS(Sub)
    RUCHY_REGISTER_FORMS(Mul)
    RUCHY_REGISTER_FORMS(Div)
    RUCHY_REGISTER_FORMS(Mod)
    RUCHY_REGISTER_FORMS(TestEqual)
    RUCHY_REGISTER_FORMS(TestNotEqual)
    RUCHY_REGISTER_FORMS(TestLessThan)
    RUCHY_REGISTER_FORMS(TestGreaterThan)
    RUCHY_REGISTER_FORMS(TestLessThanOrEqual)
    RUCHY_REGISTER_FORMS(TestGreaterThanOrEqual)
#undef RUCHY_REGISTER_FORMS
#define RUCHY_RHS_FORMS(Name)  \
  case Bytecode::k##Name##Rhs: \
    return {true, Bytecode::k##Name##Regs, false};
    RUCHY_RHS_FORMS(Add)
    RUCHY_RHS_FORMS(Sub)
    RUCHY_RHS_FORMS(Mul)
    RUCHY_RHS_FORMS(Div)
    RUCHY_RHS_FORMS(Mod)
    RUCHY_RHS_FORMS(TestLessThan)
    RUCHY_RHS_FORMS(TestGreaterThan)
    RUCHY_RHS_FORMS(TestLessThanOrEqual)
    RUCHY_RHS_FORMS(TestGreaterThanOrEqual)
#undef RUCHY_RHS_FORMS
    case Bytecode::kGetKeyedProperty:  // a[i]: the key was loaded
      return {true, Bytecode::kGetKeyedPropertyReg, true};
    default:
      return {};
  }
}

}  // namespace

void BytecodeArrayBuilder::Peephole() {
  CHECK(!finalized_);
  // Each round can expose more (a removed load makes a jump's neighbour adjacent).
  for (int round = 0; round < 4 && PeepholeRound(); ++round) {
  }
}

bool BytecodeArrayBuilder::PeepholeRound() {
  // Which nodes other code can jump to: a node another path reaches may not assume what
  // its predecessor in layout order left in the accumulator. Only labels some jump or
  // handler uses count (a loop's `continue` label with no `continue`, say, does not).
  std::vector<bool> referenced(label_nodes_.size(), false);
  for (const Node& node : nodes_) {
    if (node.label >= 0) referenced[static_cast<size_t>(node.label)] = true;
  }
  for (const Handler& handler : handlers_) {
    for (int label : {handler.start_label, handler.end_label, handler.handler_label}) {
      referenced[static_cast<size_t>(label)] = true;
    }
  }
  std::vector<bool> is_target(nodes_.size() + 1, false);
  for (size_t label = 0; label < label_nodes_.size(); ++label) {
    int node_index = label_nodes_[label];
    if (node_index >= 0 && referenced[label]) is_target[static_cast<size_t>(node_index)] = true;
  }
  std::vector<bool> removed(nodes_.size(), false);
  // The first node at or after `index` that is still there (nodes_.size() at the end).
  auto live = [&](size_t index) {
    while (index < nodes_.size() && removed[index]) ++index;
    return index;
  };
  auto target_of = [&](const Node& jump) {
    return live(static_cast<size_t>(label_nodes_[static_cast<size_t>(jump.label)]));
  };
  // Whether the accumulator is dead on entry to `index`: the bytecode there overwrites it
  // without reading it.
  auto accumulator_dead_at = [&](size_t index) {
    index = live(index);
    return index < nodes_.size() &&
           Bytecodes::GetAccumulatorUse(nodes_[index].bytecode) == AccumulatorUse::kWrite;
  };
  bool changed = false;
  // Replaces nodes first..store, which end in a Star, by `fused`: the first node's register
  // (a Ldar's) if any, then the Star's.
  auto fuse_store = [&](size_t first, size_t store, Bytecode fused) {
    Node& head = nodes_[first];
    int operand = head.bytecode == Bytecode::kLdar ? 1 : 0;
    head.operands[operand] = nodes_[store].operands[0];
    head.operand_count = static_cast<uint8_t>(operand + 1);
    head.bytecode = fused;
    for (size_t k = first + 1; k <= store; ++k) removed[k] = true;
    changed = true;
  };
  for (size_t i = 0; i + 1 < nodes_.size(); ++i) {
    if (removed[i]) continue;
    Node& node = nodes_[i];
    Node& next = nodes_[i + 1];
    // A pure load whose value the next bytecode overwrites without reading is dead (the
    // generator leaves `nil` as every statement's value, mostly unused); likewise before
    // a jump to such a bytecode.
    if (IsPureAccumulatorLoad(node.bytecode) &&
        (Bytecodes::GetAccumulatorUse(next.bytecode) == AccumulatorUse::kWrite ||
         ((next.bytecode == Bytecode::kJump || next.bytecode == Bytecode::kJumpLoop) &&
          accumulator_dead_at(target_of(next))))) {
      removed[i] = true;
      changed = true;
      continue;
    }
    // Star r; Ldar r: the accumulator already holds r (unless another path enters at the Ldar).
    if ((node.bytecode == Bytecode::kStar || node.bytecode == Bytecode::kStarShared) &&
        next.bytecode == Bytecode::kLdar && next.operands[0] == node.operands[0] &&
        !is_target[i + 1]) {
      removed[i + 1] = true;
      changed = true;
      continue;
    }
    // Ldar r; Share; Star s with the accumulator dead afterwards: one MovShared.
    if (node.bytecode == Bytecode::kLdar && next.bytecode == Bytecode::kShare &&
        i + 2 < nodes_.size() && nodes_[i + 2].bytecode == Bytecode::kStar && !is_target[i + 1] &&
        !is_target[i + 2] && accumulator_dead_at(i + 3)) {
      fuse_store(i, i + 2, Bytecode::kMovShared);
      continue;
    }
    // Share; Star r: one StarShared (the mark is on the value, which stays in acc).
    if (node.bytecode == Bytecode::kShare && next.bytecode == Bytecode::kStar &&
        !is_target[i + 1]) {
      fuse_store(i, i + 1, Bytecode::kStarShared);
      continue;
    }
    // Ldar r; Star s with the accumulator dead afterwards: one Mov.
    if (node.bytecode == Bytecode::kLdar && next.bytecode == Bytecode::kStar && !is_target[i + 1] &&
        accumulator_dead_at(i + 2)) {
      fuse_store(i, i + 1, Bytecode::kMov);
      continue;
    }
    // Ldar r; OP x: one bytecode taking its left operand from r (`reg OP reg`, `reg OP
    // imm`), which leaves the accumulator as OP did.
    if (node.bytecode == Bytecode::kLdar && !is_target[i + 1]) {
      RegisterForm form = RegisterFormOf(next.bytecode);
      if (form.exists) {
        int loaded = node.operands[0];
        int own = next.operands[0];
        next.operands[2] = next.operands[1];  // the feedback slot
        next.operands[0] = form.own_operand_first ? own : loaded;
        next.operands[1] = form.own_operand_first ? loaded : own;
        next.operand_count = 3;
        next.bytecode = form.fused;
        removed[i] = true;
        changed = true;
        continue;
      }
    }
    // Ldar v; SetKeyedProperty o, k: one SetKeyedPropertyReg o, k, v (which leaves v in
    // the accumulator as the Ldar did).
    if (node.bytecode == Bytecode::kLdar && next.bytecode == Bytecode::kSetKeyedProperty &&
        !is_target[i + 1]) {
      next.operands[3] = next.operands[2];  // the feedback slot
      next.operands[2] = node.operands[0];
      next.operand_count = 4;
      next.bytecode = Bytecode::kSetKeyedPropertyReg;
      removed[i] = true;
      changed = true;
      continue;
    }
    // Star r; Return with r a local: the frame is gone before anything reads r (Return
    // writes back only parameters).
    if (node.bytecode == Bytecode::kStar && next.bytecode == Bytecode::kReturn &&
        !Register::FromOperand(node.operands[0]).is_parameter()) {
      removed[i] = true;
      changed = true;
      continue;
    }
    // LdaSmi/LdaZero/LdaNil/LdaConstant; Star r: one bytecode that loads both (it also
    // leaves the accumulator set, so liveness does not matter). Not where the Star has a
    // fusion of its own with what follows it (JumpLoop, Return, a Ldar of r, and the Jump
    // of `Star r; Jump L ... L: Ldar r; Return` below).
    if (next.bytecode == Bytecode::kStar && !is_target[i + 1] &&
        (node.bytecode == Bytecode::kLdaSmi || node.bytecode == Bytecode::kLdaZero ||
         node.bytecode == Bytecode::kLdaNil || node.bytecode == Bytecode::kLdaConstant)) {
      size_t after = i + 2;
      bool star_fuses_onward = after < nodes_.size() && !removed[after] &&
                               (nodes_[after].bytecode == Bytecode::kJumpLoop ||
                                nodes_[after].bytecode == Bytecode::kReturn ||
                                nodes_[after].bytecode == Bytecode::kJump ||
                                (nodes_[after].bytecode == Bytecode::kLdar &&
                                 nodes_[after].operands[0] == next.operands[0]));
      if (!star_fuses_onward) {
        uint32_t value = node.bytecode == Bytecode::kLdaZero ? 0 : node.operands[0];
        node.bytecode = node.bytecode == Bytecode::kLdaNil        ? Bytecode::kLdaNilStar
                        : node.bytecode == Bytecode::kLdaConstant ? Bytecode::kLdaConstantStar
                                                                  : Bytecode::kLdaSmiStar;
        node.operands[0] = next.operands[0];
        node.operands[1] = value;
        node.operand_count = node.bytecode == Bytecode::kLdaNilStar ? 1 : 2;
        removed[i + 1] = true;
        changed = true;
        continue;
      }
    }
    // Star r; JumpLoop: one JumpLoopAfterStar (the Star's label, if any, moves to it).
    if (node.bytecode == Bytecode::kStar && next.bytecode == Bytecode::kJumpLoop &&
        !is_target[i + 1]) {
      next.bytecode = Bytecode::kJumpLoopAfterStar;
      next.operands[3] = node.operands[0];
      next.operand_count = 4;
      removed[i] = true;
      changed = true;
      continue;
    }
    // LogicalNot before a boolean jump, when nothing reads the negated value afterwards:
    // test the operand's truthiness and jump on the opposite outcome.
    if (node.bytecode == Bytecode::kLogicalNot && !is_target[i + 1] &&
        Bytecodes::IsConditionalJump(next.bytecode) && accumulator_dead_at(i + 2) &&
        accumulator_dead_at(target_of(next))) {
      Bytecode inverted = next.bytecode;
      switch (next.bytecode) {
        case Bytecode::kJumpIfFalse:
        case Bytecode::kJumpIfToBooleanFalse:
          inverted = Bytecode::kJumpIfToBooleanTrue;
          break;
        case Bytecode::kJumpIfTrue:
        case Bytecode::kJumpIfToBooleanTrue:
          inverted = Bytecode::kJumpIfToBooleanFalse;
          break;
        default:
          break;
      }
      if (inverted != next.bytecode) {
        next.bytecode = inverted;
        removed[i] = true;
        changed = true;
        continue;
      }
    }
    // A comparison leaves a boolean, so the jump after it needs no truthiness conversion.
    if (IsComparison(node.bytecode) && !is_target[i + 1]) {
      if (next.bytecode == Bytecode::kJumpIfToBooleanFalse) {
        next.bytecode = Bytecode::kJumpIfFalse;
        changed = true;
      }
      if (next.bytecode == Bytecode::kJumpIfToBooleanTrue) {
        next.bytecode = Bytecode::kJumpIfTrue;
        changed = true;
      }
    }
  }
  for (size_t i = 0; i < nodes_.size(); ++i) {
    Node& node = nodes_[i];
    if (removed[i] || node.bytecode != Bytecode::kJump) continue;
    size_t target = target_of(node);
    if (target == live(i + 1)) {
      // A jump to the next bytecode.
      removed[i] = true;
      changed = true;
    } else if (target < nodes_.size() && nodes_[target].bytecode == Bytecode::kReturn) {
      // A jump to a Return returns (the accumulator is the same on both paths).
      node.bytecode = Bytecode::kReturn;
      node.operand_count = 0;
      node.label = -1;
      changed = true;
    } else if (target < nodes_.size() && nodes_[target].bytecode == Bytecode::kLdar &&
               live(target + 1) < nodes_.size() &&
               nodes_[live(target + 1)].bytecode == Bytecode::kReturn && !is_target[i]) {
      // `Star r; Jump L` ... `L: Ldar r; Return` (a match or if whose value is returned):
      // the accumulator already holds r, so return here.
      size_t previous = i;
      while (previous > 0 && removed[previous - 1]) --previous;
      if (previous > 0 && nodes_[previous - 1].bytecode == Bytecode::kStar &&
          nodes_[previous - 1].operands[0] == nodes_[target].operands[0]) {
        node.bytecode = Bytecode::kReturn;
        node.operand_count = 0;
        node.label = -1;
        changed = true;
      }
    }
  }
  Compact(removed);
  return changed;
}

void BytecodeArrayBuilder::Compact(const std::vector<bool>& removed) {
  // Labels (and source positions of removed nodes) move to the next survivor.
  std::vector<int> new_index(nodes_.size() + 1);
  std::vector<Node> kept;
  kept.reserve(nodes_.size());
  int pending_position = -1;
  bool pending_statement = false;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    new_index[i] = static_cast<int>(kept.size());
    Node node = nodes_[i];
    if (removed[i]) {
      if (node.source_offset >= 0 && (pending_position < 0 || node.is_statement)) {
        pending_position = node.source_offset;
        pending_statement = node.is_statement;
      }
      continue;
    }
    if (pending_position >= 0 &&
        (node.source_offset < 0 || (pending_statement && !node.is_statement))) {
      node.source_offset = pending_position;
      node.is_statement = pending_statement;
    }
    pending_position = -1;
    kept.push_back(node);
  }
  new_index[nodes_.size()] = static_cast<int>(kept.size());
  for (int& node_index : label_nodes_) {
    if (node_index >= 0) node_index = new_index[static_cast<size_t>(node_index)];
  }
  nodes_ = std::move(kept);
}

BytecodeArrayData BytecodeArrayBuilder::Finalize() {
  CHECK(!finalized_);
  finalized_ = true;
  BytecodeArrayData data;
  data.parameter_count = parameter_count_;
  data.register_count = register_count_;
  if (nodes_.empty()) return data;
  Layout();
  for (const Node& node : nodes_) {
    if (node.scale != OperandScale::kSingle) {
      data.bytes.push_back(static_cast<uint8_t>(Bytecodes::PrefixFor(node.scale)));
    }
    data.bytes.push_back(static_cast<uint8_t>(node.bytecode));
    for (int i = 0; i < node.operand_count; ++i) {
      OperandType type = Bytecodes::GetOperandType(node.bytecode, i);
      WriteOperand(&data.bytes, node.operands[i], Bytecodes::OperandSize(type, node.scale));
    }
    if (node.source_offset >= 0) {
      data.source_positions.push_back({node.offset, node.source_offset, node.is_statement});
    }
  }
  for (const Handler& handler : handlers_) {
    data.handlers.push_back({LabelOffset(handler.start_label), LabelOffset(handler.end_label),
                             LabelOffset(handler.handler_label), handler.context});
  }
  return data;
}

}  // namespace ruchy::internal::interpreter
