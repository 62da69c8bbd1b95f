// The built-in enums Option, Result and Ordering: ordinary EnumDescriptors created with the
// isolate and kept in mutable roots, plus constructors and tests for their values.
// Variant order is fixed (the JIT tiers may compare variant indexes directly).
#ifndef RUCHY_OBJECTS_BUILTIN_ENUMS_H_
#define RUCHY_OBJECTS_BUILTIN_ENUMS_H_

#include "src/heap/handles.h"
#include "src/objects/enum-value.h"

namespace ruchy::internal {

class Isolate;

enum OptionVariant : int { kOptionNone = 0, kOptionSome = 1 };
enum ResultVariant : int { kResultOk = 0, kResultErr = 1 };
enum OrderingVariant : int { kOrderingLess = 0, kOrderingEqual = 1, kOrderingGreater = 2 };

// Called once by Isolate::Init. False when out of memory.
bool SetUpBuiltinEnums(Isolate* isolate);

MaybeHandle<EnumValue> NewSome(Isolate* isolate, Handle<Value> value);
MaybeHandle<EnumValue> NewNone(Isolate* isolate);
MaybeHandle<EnumValue> NewOk(Isolate* isolate, Handle<Value> value);
MaybeHandle<EnumValue> NewErr(Isolate* isolate, Handle<Value> value);
// cmp < 0: Less, 0: Equal, > 0: Greater.
MaybeHandle<EnumValue> NewOrdering(Isolate* isolate, int cmp);

bool IsOption(Isolate* isolate, Value value);
bool IsResult(Isolate* isolate, Value value);
bool IsSome(Isolate* isolate, Value value);
bool IsNone(Isolate* isolate, Value value);
bool IsOk(Isolate* isolate, Value value);
bool IsErr(Isolate* isolate, Value value);

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_BUILTIN_ENUMS_H_
