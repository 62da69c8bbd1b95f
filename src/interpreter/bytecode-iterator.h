// Decodes a bytecode stream one instruction at a time, folding Wide/ExtraWide prefixes
// into the operand scale. Used by the printer, the verifier and later the compilers.
#ifndef RUCHY_INTERPRETER_BYTECODE_ITERATOR_H_
#define RUCHY_INTERPRETER_BYTECODE_ITERATOR_H_

#include <cstddef>
#include <cstdint>

#include "src/interpreter/bytecode-register.h"
#include "src/interpreter/bytecodes.h"

namespace ruchy::internal::interpreter {

class BytecodeIterator {
 public:
  BytecodeIterator(const uint8_t* bytes, size_t length) : bytes_(bytes), length_(length) {
    Decode();
  }

  bool done() const { return offset_ >= length_; }
  void Advance() {
    offset_ += current_size();
    Decode();
  }

  // Offset of the instruction's first byte (its prefix, if any).
  int current_offset() const { return static_cast<int>(offset_); }
  Bytecode current_bytecode() const { return bytecode_; }
  OperandScale current_scale() const { return scale_; }
  int prefix_size() const { return scale_ == OperandScale::kSingle ? 0 : 1; }
  // Size including the prefix.
  int current_size() const { return prefix_size() + Bytecodes::Size(bytecode_, scale_); }
  // False when the stream is malformed here (bad opcode, truncated operands, double prefix).
  bool current_is_valid() const { return valid_; }

  // Operand `index` as a 32-bit pattern; signed types are sign-extended.
  uint32_t GetOperand(int index) const;
  int32_t GetSignedOperand(int index) const { return static_cast<int32_t>(GetOperand(index)); }
  Register GetRegisterOperand(int index) const { return Register::FromOperand(GetOperand(index)); }
  // Absolute target of a jump at the current position.
  int GetJumpTargetOffset() const;

 private:
  void Decode();

  const uint8_t* bytes_;
  size_t length_;
  size_t offset_ = 0;
  Bytecode bytecode_ = Bytecode::kReturn;
  OperandScale scale_ = OperandScale::kSingle;
  bool valid_ = true;
};

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_ITERATOR_H_
