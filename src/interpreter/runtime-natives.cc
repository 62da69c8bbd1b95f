// The intrinsics behind %Name(args) (--allow-natives-syntax): engine introspection for
// tests. They report what the engine really does: with no optimizing tier built yet,
// every Ruchy function is interpreted.
#include <cinttypes>
#include <cstdio>

#include "src/heap/heap.h"
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::interpreter {

bool LookupNativeFunction(std::string_view name, RuntimeFunctionId* id) {
#define RUCHY_MATCH_NATIVE(Name, argc) \
  if (name == #Name) {                 \
    *id = RuntimeFunctionId::k##Name;  \
    return true;                       \
  }
  RUCHY_NATIVE_FUNCTION_LIST(RUCHY_MATCH_NATIVE)
#undef RUCHY_MATCH_NATIVE
  return false;
}

MaybeHandle<Value> Runtime_GetOptimizationStatus(RuntimeArguments& args) {
  Isolate* isolate = args.isolate;
  Value value = args[0];
  if (!value.IsClosure()) {
    isolate->ThrowError("Type error: %GetOptimizationStatus expects a function, got " +
                        ToText(value, TextForm::kDebug));
    return {};
  }
  // Built-ins run as C++; everything else runs in the bytecode interpreter, the only
  // tier that exists.
  bool builtin = !Closure::cast(value).shared().function_data().IsBytecodeArray();
  Handle<String> status;
  if (!isolate->factory()
           ->NewStringFromUtf8(builtin ? "builtin" : "interpreted")
           .ToHandle(&status)) {
    return {};
  }
  return status;
}

MaybeHandle<Value> Runtime_DebugPrint(RuntimeArguments& args) {
  Value value = args[0];
  std::string text = "DebugPrint: " + ToText(value, TextForm::kDebug) + "\n";
  if (value.IsHeapObject()) {
    char address[32];
    std::snprintf(address, sizeof(address), "0x%" PRIxPTR, static_cast<uintptr_t>(value.ptr()));
    text += std::string(" - heap type: ") +
            InstanceTypeName(HeapObject::cast(value).instance_type()) + "\n - address: " + address +
            "\n";
  } else if (value.IsSmi()) {
    text += " - heap type: Smi (immediate, not on the heap)\n";
  } else {
    text += " - heap type: immediate (not on the heap)\n";
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return args.at(0);
}

MaybeHandle<Value> Runtime_CollectGarbage(RuntimeArguments& args) {
  args.isolate->heap()->CollectAllGarbage("%CollectGarbage");
  return args.isolate->factory()->nil_value();
}

MaybeHandle<Value> Runtime_CowCopyCount(RuntimeArguments& args) {
  return handle(Smi::FromInt(args.isolate->cow_copy_count()), args.isolate);
}

}  // namespace ruchy::internal::interpreter
