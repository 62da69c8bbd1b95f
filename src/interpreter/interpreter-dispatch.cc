// ExecuteLoop<true>, the dispatch loop that records type feedback (the default), and the
// startup checks of the loop's size constants. The loop itself: interpreter-dispatch-loop.inc.
#include "src/interpreter/interpreter-dispatch-loop.inc"

namespace ruchy::internal::interpreter {

namespace {

// The constants agree with the operand tables (checked once, at startup).
[[maybe_unused]] const bool kSingleSizesChecked = [] {
#define RUCHY_CHECK_SIZE(Name, ...) \
  CHECK_EQ(SingleSizes::k##Name, Bytecodes::Size(Bytecode::k##Name, OperandScale::kSingle));
  RUCHY_BYTECODE_LIST(RUCHY_CHECK_SIZE)
#undef RUCHY_CHECK_SIZE
  return true;
}();

// Return finds a call's argument-list operand from its resume offset: every call bytecode
// is an opcode and four operands of the call's scale.
[[maybe_unused]] const bool kCallLayoutChecked = [] {
  for (Bytecode bc : {Bytecode::kCallFunction, Bytecode::kCallGlobal, Bytecode::kCallMethod}) {
    CHECK(Bytecodes::GetOperandType(bc, 1) == OperandType::kRegList);
    for (OperandScale scale :
         {OperandScale::kSingle, OperandScale::kDouble, OperandScale::kQuadruple}) {
      CHECK_EQ(Bytecodes::Size(bc, scale), 1 + 4 * static_cast<int>(scale));
    }
  }
  return true;
}();

}  // namespace

template MaybeHandle<Value> Interpreter::ExecuteLoop<true>(Handle<Closure>, int,
                                                           const Handle<Value>*, Handle<Value>*);

}  // namespace ruchy::internal::interpreter
