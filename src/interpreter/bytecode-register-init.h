// Which of a function's registers must hold nil when its frame is entered.
//
// Frames are pushed without clearing their registers (ENTER_FRAME): a register keeps
// whatever an earlier frame left in that stack slot until the function writes it. That is
// sound only for registers the function never reads before writing. This analysis finds
// the others: a forward "definitely written" dataflow over the bytecode, where a read of
// a register not written on every path to it means the register must start as nil.
#ifndef RUCHY_INTERPRETER_BYTECODE_REGISTER_INIT_H_
#define RUCHY_INTERPRETER_BYTECODE_REGISTER_INIT_H_

#include <cstdint>

#include "src/interpreter/bytecode-array-builder.h"

namespace ruchy::internal::interpreter {

// The number of leading registers [0, n) to set to nil on entry so that no register is
// read before it is written: one more than the highest register some path reads before
// writing it, 0 when there is none. `never_returns` names the runtime functions after
// whose CallRuntime control does not continue (they always throw). Conservative for
// bytecode it cannot follow (malformed streams, which the verifier rejects): all
// registers.
int RegistersToClearOnEntry(const BytecodeArrayData& data,
                            bool (*never_returns)(uint16_t runtime_id) = nullptr);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_REGISTER_INIT_H_
