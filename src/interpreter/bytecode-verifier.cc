// Implementation of VerifyBytecode.
#include "src/interpreter/bytecode-verifier.h"

#include <vector>

#include "src/interpreter/bytecode-iterator.h"

namespace ruchy::internal::interpreter {

namespace {

std::string At(int offset) { return "@" + std::to_string(offset) + ": "; }

// Checks that registers [first, first + count) are locals or parameters of the frame.
std::string CheckRegisters(const BytecodeArrayData& data, int offset, Bytecode bytecode,
                           Register first, int64_t count) {
  int64_t begin = first.index();
  int64_t end = begin + count;  // exclusive
  int64_t lowest_parameter = Register::FromParameterIndex(0, data.parameter_count).index();
  bool in_locals = begin >= 0 && end <= data.register_count;
  bool in_parameters = begin >= lowest_parameter && end <= lowest_parameter + data.parameter_count;
  if (count == 0 || in_locals || in_parameters) return "";
  return At(offset) + Bytecodes::Name(bytecode) + " uses " + first.ToString(data.parameter_count) +
         (count > 1 ? "+" + std::to_string(count) : "") + " outside the frame (" +
         std::to_string(data.parameter_count) + " parameters, " +
         std::to_string(data.register_count) + " registers)";
}

}  // namespace

std::string VerifyBytecode(const BytecodeArrayData& data) {
  if (data.bytes.empty()) return "empty bytecode";
  std::vector<bool> starts(data.bytes.size() + 1, false);
  std::vector<std::pair<int, int>> jumps;  // (from, to)
  Bytecode last = Bytecode::kReturn;
  for (BytecodeIterator it(data.bytes.data(), data.bytes.size()); !it.done(); it.Advance()) {
    int offset = it.current_offset();
    if (!it.current_is_valid()) return At(offset) + "malformed instruction";
    starts[offset] = true;
    Bytecode bytecode = it.current_bytecode();
    last = bytecode;
    int count = Bytecodes::NumberOfOperands(bytecode);
    for (int i = 0; i < count; ++i) {
      OperandType type = Bytecodes::GetOperandType(bytecode, i);
      std::string error;
      if (type == OperandType::kReg || type == OperandType::kRegOut) {
        error = CheckRegisters(data, offset, bytecode, it.GetRegisterOperand(i), 1);
      } else if (type == OperandType::kRegList) {
        error =
            CheckRegisters(data, offset, bytecode, it.GetRegisterOperand(i), it.GetOperand(i + 1));
      }
      if (!error.empty()) return error;
    }
    if (Bytecodes::IsJump(bytecode)) jumps.push_back({offset, it.GetJumpTargetOffset()});
  }
  for (auto [from, to] : jumps) {
    if (to < 0 || to >= static_cast<int>(data.bytes.size()) || !starts[to]) {
      return At(from) + "jump target @" + std::to_string(to) +
             " is not the start of an instruction";
    }
  }
  if (!Bytecodes::IsUnconditionalExit(last)) {
    return std::string("control falls off the end after ") + Bytecodes::Name(last);
  }
  starts[data.bytes.size()] = true;
  for (const HandlerTableEntry& h : data.handlers) {
    bool ok = h.start >= 0 && h.start <= h.end && h.end <= static_cast<int>(data.bytes.size()) &&
              starts[h.start] && starts[h.end] && h.handler >= 0 &&
              h.handler < static_cast<int>(data.bytes.size()) && starts[h.handler];
    if (!ok) {
      return "handler [" + std::to_string(h.start) + ", " + std::to_string(h.end) + ") -> @" +
             std::to_string(h.handler) + " is not on instruction boundaries";
    }
    std::string error = CheckRegisters(data, h.start, Bytecode::kReThrow, h.context, 1);
    if (!error.empty()) return error;
  }
  return "";
}

}  // namespace ruchy::internal::interpreter
