// The bytecode listing used by --print-bytecode and golden tests.
#include "src/interpreter/bytecode-printer.h"

#include <cstdio>

#include "src/interpreter/bytecode-iterator.h"

namespace ruchy::internal::interpreter {

namespace {

std::string OperandText(const BytecodeIterator& it, int i, int parameter_count,
                        const BytecodePrintOptions& options) {
  Bytecode bytecode = it.current_bytecode();
  OperandType type = Bytecodes::GetOperandType(bytecode, i);
  uint32_t value = it.GetOperand(i);
  switch (type) {
    case OperandType::kReg:
    case OperandType::kRegOut:
      return Register::FromOperand(value).ToString(parameter_count);
    case OperandType::kRegList: {
      // The count follows the list.
      int count = static_cast<int>(it.GetOperand(i + 1));
      Register first = Register::FromOperand(value);
      if (count == 0) return "()";
      Register last(first.index() + count - 1);
      return first.ToString(parameter_count) + "-" + last.ToString(parameter_count);
    }
    case OperandType::kRegCount:
      return "#" + std::to_string(value);
    case OperandType::kIdx:
    case OperandType::kUImm:
    case OperandType::kFlag8:
      return "[" + std::to_string(value) + "]";
    case OperandType::kRuntimeId:
      if (options.describe_runtime) return "[" + options.describe_runtime(value) + "]";
      return "[" + std::to_string(value) + "]";
    case OperandType::kImm:
      return "[" + std::to_string(static_cast<int32_t>(value)) + "]";
  }
  UNREACHABLE();
}

}  // namespace

std::string PrintBytecode(const BytecodeArrayData& data, const BytecodePrintOptions& options) {
  std::string out;
  char line[64];
  std::snprintf(line, sizeof(line), "Parameter count %d\nRegister count %d\n", data.parameter_count,
                data.register_count);
  out += line;
  std::snprintf(line, sizeof(line), "Bytecode length %zu\n", data.bytes.size());
  out += line;
  size_t position_index = 0;
  for (BytecodeIterator it(data.bytes.data(), data.bytes.size()); !it.done(); it.Advance()) {
    std::string position = "       ";
    while (position_index < data.source_positions.size() &&
           data.source_positions[position_index].bytecode_offset < it.current_offset()) {
      ++position_index;
    }
    if (position_index < data.source_positions.size() &&
        data.source_positions[position_index].bytecode_offset == it.current_offset()) {
      const SourcePositionEntry& entry = data.source_positions[position_index];
      std::string where = options.describe_position ? options.describe_position(entry.source_offset)
                                                    : std::to_string(entry.source_offset);
      position = (where.size() < 4 ? std::string(4 - where.size(), ' ') : "") + where +
                 (entry.is_statement ? " S>" : " E>");
    }
    std::snprintf(line, sizeof(line), "%s @ %4d : ", position.c_str(), it.current_offset());
    out += line;
    if (!it.current_is_valid()) {
      std::snprintf(line, sizeof(line), "%02x  <invalid>\n", data.bytes[it.current_offset()]);
      out += line;
      continue;
    }
    if (options.raw_bytes) {
      std::string hex;
      for (int i = 0; i < it.current_size(); ++i) {
        std::snprintf(line, sizeof(line), "%02x ", data.bytes[it.current_offset() + i]);
        hex += line;
      }
      if (hex.size() < 18) hex.resize(18, ' ');
      out += hex;
    }
    Bytecode bytecode = it.current_bytecode();
    if (it.current_scale() != OperandScale::kSingle) {
      out += it.current_scale() == OperandScale::kDouble ? "Wide." : "ExtraWide.";
    }
    out += Bytecodes::Name(bytecode);
    int count = Bytecodes::NumberOfOperands(bytecode);
    for (int i = 0; i < count; ++i) {
      if (Bytecodes::GetOperandType(bytecode, i) == OperandType::kRegCount) continue;
      out += i == 0 ? " " : ", ";
      out += OperandText(it, i, data.parameter_count, options);
    }
    if (Bytecodes::IsJump(bytecode)) {
      out += " (-> @" + std::to_string(it.GetJumpTargetOffset()) + ")";
    }
    if ((bytecode == Bytecode::kLdaConstant || bytecode == Bytecode::kLdaConstantStar) &&
        options.describe_constant) {
      std::string text =
          options.describe_constant(it.GetOperand(bytecode == Bytecode::kLdaConstant ? 0 : 1));
      if (!text.empty()) out += " ; " + text;
    }
    if ((bytecode == Bytecode::kLdaGlobal || bytecode == Bytecode::kStaGlobal ||
         bytecode == Bytecode::kCallGlobal) &&
        options.describe_global) {
      out += " ; " + options.describe_global(it.GetOperand(0));
    }
    out += "\n";
  }
  if (!data.handlers.empty()) {
    out += "Handler table (" + std::to_string(data.handlers.size()) + " entries)\n";
    for (const HandlerTableEntry& h : data.handlers) {
      std::snprintf(line, sizeof(line), "  [%d, %d) -> @%d (context %s)\n", h.start, h.end,
                    h.handler, h.context.ToString(data.parameter_count).c_str());
      out += line;
    }
  }
  return out;
}

}  // namespace ruchy::internal::interpreter
