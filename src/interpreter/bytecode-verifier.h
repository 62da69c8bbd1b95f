// Structural checks on finished bytecode: valid opcodes and prefixes, register operands
// inside the frame, jump targets on instruction boundaries, no falling off the end, and
// handler ranges on instruction boundaries. Runs on every generated function in debug
// builds and on untrusted input in tests.
#ifndef RUCHY_INTERPRETER_BYTECODE_VERIFIER_H_
#define RUCHY_INTERPRETER_BYTECODE_VERIFIER_H_

#include <string>

#include "src/interpreter/bytecode-array-builder.h"

namespace ruchy::internal::interpreter {

// Returns "" when `data` is well formed, otherwise the first problem found, e.g.
// "@12: Star writes r9 but the frame has 4 registers".
std::string VerifyBytecode(const BytecodeArrayData& data);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_VERIFIER_H_
