#include "src/execution/execution.h"

namespace ruchy::internal {

MaybeHandle<Value> Call(Isolate* isolate, Handle<Value> callable, int argc,
                        const Handle<Value>* argv) {
  Isolate::CallHandler handler = isolate->call_handler();
  if (handler == nullptr) {
    isolate->ThrowError("Runtime error: no interpreter is attached to this isolate");
    return {};
  }
  return handler(isolate, callable, argc, argv);
}

}  // namespace ruchy::internal
