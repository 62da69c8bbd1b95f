// A V8-style listing of bytecode: offset, raw bytes, mnemonic and decoded operands, with
// statement (S>) and expression (E>) source positions.
#ifndef RUCHY_INTERPRETER_BYTECODE_PRINTER_H_
#define RUCHY_INTERPRETER_BYTECODE_PRINTER_H_

#include <functional>
#include <string>

#include "src/interpreter/bytecode-array-builder.h"

namespace ruchy::internal::interpreter {

struct BytecodePrintOptions {
  // Print each bytecode's raw bytes (off for golden files, so that renumbering the
  // bytecode list does not touch every listing).
  bool raw_bytes = true;
  // Renders constant-pool entry `index` (e.g. `<String "x">`); empty result prints nothing.
  std::function<std::string(uint32_t index)> describe_constant;
  // Renders a source offset (e.g. as "3:5"); default prints the raw offset.
  std::function<std::string(int source_offset)> describe_position;
  // Renders a RuntimeId operand (its function's name); default prints the number.
  std::function<std::string(uint32_t id)> describe_runtime;
  // Renders global cell `index` (its name) as a comment after LdaGlobal / StaGlobal.
  std::function<std::string(uint32_t index)> describe_global;
};

std::string PrintBytecode(const BytecodeArrayData& data, const BytecodePrintOptions& options = {});

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_PRINTER_H_
