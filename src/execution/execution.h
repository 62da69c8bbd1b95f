// Calling into Ruchy from C++: built-ins that take callbacks (map, filter, sort_by...),
// and the embedding API. The call runs on the isolate's VM stack, re-entering the
// interpreter loop (or the callee's compiled code) for the duration of the call.
#ifndef RUCHY_EXECUTION_EXECUTION_H_
#define RUCHY_EXECUTION_EXECUTION_H_

#include "src/execution/isolate.h"

namespace ruchy::internal {

// Calls `callable` (any callable value: a closure, a named function, a built-in) with
// `argc` arguments. An empty result means an exception is pending on the isolate; the
// caller propagates it (returns empty itself) unless it means to catch it.
MaybeHandle<Value> Call(Isolate* isolate, Handle<Value> callable, int argc,
                        const Handle<Value>* argv);

}  // namespace ruchy::internal

#endif  // RUCHY_EXECUTION_EXECUTION_H_
