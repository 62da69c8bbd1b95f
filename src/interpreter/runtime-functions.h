// Runtime functions: operations the generator emits as CallRuntime because they are too
// rare or too large for a bytecode of their own (type definitions, pattern tests, struct
// literals, f-string pieces). One list; ids, names and the dispatch table expand from it.
#ifndef RUCHY_INTERPRETER_RUNTIME_FUNCTIONS_H_
#define RUCHY_INTERPRETER_RUNTIME_FUNCTIONS_H_

#include <cstdint>
#include <string_view>

#include "src/execution/isolate.h"

namespace ruchy::internal::interpreter {

class Interpreter;

// V(Name, argument count or -1 for variadic). Arguments are consecutive registers.
#define RUCHY_RUNTIME_FUNCTION_LIST(V)                                                             \
  /* Type definitions (hoisted declarations) */                                                    \
  V(DefineStruct, 4)     /* name, field names, tuple arity, field default thunks */                \
  V(DefineEnum, 4)       /* name, variant names, variant shapes, discriminants */                  \
  V(DefineClass, 4)      /* name, parent or nil, field names, field default thunks */              \
  V(DefineTrait, 1)      /* name */                                                                \
  V(DefineMethod, 3)     /* type, name, closure or constant value */                               \
  V(ImplementTrait, 2)   /* type, trait: copies the trait's default methods */                     \
  V(LoadModule, 2)       /* file name, module name: a module namespace value */                    \
  V(CreateNamespace, -1) /* names, values...: an inline module's namespace value */                \
  V(LookupGlobalType, 1) /* name: the type or trait in that global cell, or nil */                 \
  /* Values */                                                                                     \
  V(CreateStruct, -1) /* type, variant name or nil, field names, base or hole, values */           \
  V(ArrayRepeat, 2)   /* value, count */                                                           \
  V(Cast, 2)          /* value, type name */                                                       \
  V(FStringPart, 2)   /* value, spec or nil: its f-string text */                                  \
  V(StringConcat, -1) /* strings */                                                                \
  /* Errors and control */                                                                         \
  V(ThrowNoMatch, 0)                                                                               \
  V(ThrowError, 1)     /* message */                                                               \
  V(TryOpIsFailure, 1) /* Err/None: true; Ok/Some: false; else a type error */                     \
  V(TryOpUnwrap, 1)                                                                                \
  V(MarkMainCalled, 0)                                                                             \
  V(CallMainIfNotCalled, 0)                                                                        \
  /* Patterns */                                                                                   \
  V(PatternInRange, 4)   /* value, from or nil, to or nil, inclusive */                            \
  V(PatternRest, 3)      /* value, start, count after the rest */                                  \
  V(PatternIsVariant, 4) /* value, type or nil, variant or type name, fields or nil */             \
  V(PatternField, 2)     /* value, field name */                                                   \
  /* Maps */                                                                                       \
  V(MapEntryOrInsert, 4) /* map (place register), key, default, call default?: value */            \
  V(MapEntrySet, 3)      /* map (place register), key, value */                                    \
  V(IterMutStore, 5)     /* container (place register), next index, element, value, pair? */       \
  V(TakenValueLike, 1)   /* value: what std::mem::take leaves (builtins.h) */                      \
  V(EnsureSorted, 1)     /* value: a BTreeMap/BTreeSet about to be walked is sorted; returns it */ \
  /* Intrinsics: %Name(args) with --allow-natives-syntax (runtime-natives.cc) */                   \
  RUCHY_NATIVE_FUNCTION_LIST(V)

// The intrinsics --allow-natives-syntax exposes as %Name(args); each is also a runtime
// function of the same name. V(Name, argument count).
#define RUCHY_NATIVE_FUNCTION_LIST(V)                                                      \
  V(GetOptimizationStatus, 1) /* function: its tier as a string ("interpreted") */         \
  V(DebugPrint, 1)            /* value: prints its debug form and heap type; returns it */ \
  V(CollectGarbage, 0)        /* a full mark-compact collection */                         \
  V(CowCopyCount, 0)          /* copy-on-write copies made so far (an integer) */

enum class RuntimeFunctionId : uint16_t {
#define RUCHY_RUNTIME_ID(Name, argc) k##Name,
  RUCHY_RUNTIME_FUNCTION_LIST(RUCHY_RUNTIME_ID)
#undef RUCHY_RUNTIME_ID
};

#define RUCHY_COUNT_RUNTIME(Name, argc) +1
constexpr int kRuntimeFunctionCount = 0 RUCHY_RUNTIME_FUNCTION_LIST(RUCHY_COUNT_RUNTIME);
#undef RUCHY_COUNT_RUNTIME

// The arguments of a runtime call: registers on the VM stack (GC-visited, so the handles
// below stay valid across allocation). A function may overwrite args[0] in place (the
// map-entry functions write the updated map back through it).
struct RuntimeArguments {
  Isolate* isolate;
  Interpreter* interpreter;
  Address* slots;
  int argc;
  Handle<Value> at(int i) const { return Handle<Value>(&slots[i]); }
  Value operator[](int i) const { return Value(slots[i]); }
};

using RuntimeFunction = MaybeHandle<Value> (*)(RuntimeArguments& args);

// A new instance of a class with its field defaults evaluated (parents' first).
MaybeHandle<Value> NewClassInstance(Isolate* isolate, Handle<TypeDescriptor> type);

// Pattern rules shared by the pattern bytecodes' slow paths and the runtime functions
// (interpreter-patterns.cc). Only PatternElement allocates or throws.
// Whether `value` is variant `name` (a String; empty or nil: any) of `type` (an enum,
// struct or class TypeDescriptor; nil: Some/None/Ok/Err or a bare variant name); `fields`
// (the struct pattern's field names, or nil) lets a map match a struct pattern (ref §8).
bool PatternIsVariant(Interpreter* interpreter, Value value, Value type, Value name, Value fields);
// The element count of a tuple (kind 0), array (1), or tuple struct / variant payload /
// tuple (2); -1 when `value` is not of that kind.
int PatternSequenceLength(Value value, int kind);
// A literal or path pattern: language equality, except that 1 does not match 1.0.
bool PatternEquals(Value value, Value pattern);
// Element `index` (negative: from the end) of a destructured tuple, array, enum payload
// or struct; errors for other values and out-of-range indexes.
MaybeHandle<Value> PatternElement(Isolate* isolate, Handle<Value> value, int64_t index);

// The runtime function behind intrinsic %`name`, or false when there is none.
bool LookupNativeFunction(std::string_view name, RuntimeFunctionId* id);

#define RUCHY_DECLARE_NATIVE(Name, argc) MaybeHandle<Value> Runtime_##Name(RuntimeArguments& args);
RUCHY_NATIVE_FUNCTION_LIST(RUCHY_DECLARE_NATIVE)
#undef RUCHY_DECLARE_NATIVE

const char* RuntimeFunctionName(RuntimeFunctionId id);
int RuntimeFunctionArgumentCount(RuntimeFunctionId id);
RuntimeFunction GetRuntimeFunction(RuntimeFunctionId id);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_RUNTIME_FUNCTIONS_H_
