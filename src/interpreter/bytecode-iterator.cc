// Instruction decoding for BytecodeIterator.
#include "src/interpreter/bytecode-iterator.h"

#include <cstring>

namespace ruchy::internal::interpreter {

void BytecodeIterator::Decode() {
  valid_ = true;
  scale_ = OperandScale::kSingle;
  if (done()) return;
  size_t pos = offset_;
  uint8_t byte = bytes_[pos];
  if (byte >= kBytecodeCount) {
    valid_ = false;
    bytecode_ = Bytecode::kWide;  // size 1, so Advance() still makes progress
    return;
  }
  bytecode_ = static_cast<Bytecode>(byte);
  if (Bytecodes::IsPrefix(bytecode_)) {
    Bytecode prefix = bytecode_;
    if (pos + 1 >= length_ || bytes_[pos + 1] >= kBytecodeCount) {
      valid_ = false;
      return;
    }
    bytecode_ = static_cast<Bytecode>(bytes_[pos + 1]);
    if (Bytecodes::IsPrefix(bytecode_) || !Bytecodes::IsScalable(bytecode_)) {
      valid_ = false;
      bytecode_ = prefix;
      return;
    }
    scale_ = Bytecodes::ScaleForPrefix(prefix);
  }
  if (offset_ + current_size() > length_) {
    valid_ = false;
    scale_ = OperandScale::kSingle;
    bytecode_ = Bytecode::kWide;
  }
}

uint32_t BytecodeIterator::GetOperand(int index) const {
  DCHECK(valid_);
  OperandType type = Bytecodes::GetOperandType(bytecode_, index);
  const uint8_t* p =
      bytes_ + offset_ + prefix_size() + Bytecodes::OperandOffset(bytecode_, index, scale_);
  bool is_signed = Bytecodes::IsSignedOperandType(type);
  switch (Bytecodes::OperandSize(type, scale_)) {
    case 1:
      return is_signed ? static_cast<uint32_t>(static_cast<int8_t>(p[0])) : p[0];
    case 2: {
      uint16_t v;
      std::memcpy(&v, p, 2);
      return is_signed ? static_cast<uint32_t>(static_cast<int16_t>(v)) : v;
    }
    case 4: {
      uint32_t v;
      std::memcpy(&v, p, 4);
      return v;
    }
    default:
      UNREACHABLE();
  }
}

int BytecodeIterator::GetJumpTargetOffset() const {
  DCHECK(Bytecodes::IsJump(bytecode_));
  int64_t distance = GetOperand(0);
  int64_t target = Bytecodes::IsBackwardJump(bytecode_) ? current_offset() - distance
                                                        : current_offset() + distance;
  return static_cast<int>(target);
}

}  // namespace ruchy::internal::interpreter
