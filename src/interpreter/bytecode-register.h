// Register operands. Locals and temporaries are r0..rN-1 (non-negative); parameters are
// encoded as negative indices relative to the register file, below the fixed frame header,
// so that one signed operand addresses both.
#ifndef RUCHY_INTERPRETER_BYTECODE_REGISTER_H_
#define RUCHY_INTERPRETER_BYTECODE_REGISTER_H_

#include <cstdint>
#include <string>

#include "src/base/logging.h"

namespace ruchy::internal::interpreter {

// Slots between the last parameter and r0 in an interpreter frame (caller frame pointer,
// caller bytecode, return bytecode offset, closure, feedback vector, context).
// Interpreter's frame offsets must agree with this number.
constexpr int kFixedFrameHeaderSlots = 6;

class Register {
 public:
  constexpr explicit Register(int32_t index = kInvalidIndex) : index_(index) {}

  static constexpr Register FromParameterIndex(int index, int parameter_count) {
    return Register(index - parameter_count - kFixedFrameHeaderSlots);
  }
  static constexpr Register Invalid() { return Register(kInvalidIndex); }

  constexpr int32_t index() const { return index_; }
  constexpr bool is_valid() const { return index_ != kInvalidIndex; }
  constexpr bool is_parameter() const { return index_ < 0; }
  int ToParameterIndex(int parameter_count) const {
    DCHECK(is_parameter());
    return index_ + parameter_count + kFixedFrameHeaderSlots;
  }
  // Operand encoding: the signed index as a 32-bit pattern.
  constexpr uint32_t ToOperand() const { return static_cast<uint32_t>(index_); }
  static constexpr Register FromOperand(uint32_t operand) {
    return Register(static_cast<int32_t>(operand));
  }

  // "r3" or "a1" (parameter 1).
  std::string ToString(int parameter_count) const;

  constexpr bool operator==(const Register& other) const { return index_ == other.index_; }
  constexpr bool operator!=(const Register& other) const { return index_ != other.index_; }

 private:
  static constexpr int32_t kInvalidIndex = INT32_MIN;
  int32_t index_;
};

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_REGISTER_H_
