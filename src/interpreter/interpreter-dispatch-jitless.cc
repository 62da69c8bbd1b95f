// ExecuteLoop<false>, the dispatch loop without type feedback (--jitless:
// InterpreterOptions::type_feedback). The loop itself: interpreter-dispatch-loop.inc.
#include "src/interpreter/interpreter-dispatch-loop.inc"

namespace ruchy::internal::interpreter {

template MaybeHandle<Value> Interpreter::ExecuteLoop<false>(Handle<Closure>, int,
                                                            const Handle<Value>*, Handle<Value>*);

}  // namespace ruchy::internal::interpreter
