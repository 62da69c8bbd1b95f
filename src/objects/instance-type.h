// The one list of heap object kinds. Each entry names a class in src/objects (or, for
// Code, in src/codegen). Type predicates, names, sizes and GC body visiting expand from it.
#ifndef RUCHY_OBJECTS_INSTANCE_TYPE_H_
#define RUCHY_OBJECTS_INSTANCE_TYPE_H_

#include <cstdint>

// V(ClassName). Order is part of the JIT contract only through the enum values below;
// append new kinds at the end so existing values stay stable.
#define RUCHY_INSTANCE_TYPE_LIST(V) \
  V(Shape)                          \
  V(Oddball)                        \
  V(HeapNumber)                     \
  V(HeapInt)                        \
  V(SeqString)                      \
  V(ConsString)                     \
  V(FixedArray)                     \
  V(FixedDoubleArray)               \
  V(ByteArray)                      \
  V(OrderedHashTable)               \
  V(Array)                          \
  V(Tuple)                          \
  V(HashMap)                        \
  V(StructObject)                   \
  V(PlainObject)                    \
  V(EnumDescriptor)                 \
  V(EnumValue)                      \
  V(SharedFunctionInfo)             \
  V(Closure)                        \
  V(Context)                        \
  V(FeedbackCell)                   \
  V(FeedbackVector)                 \
  V(FreeSpace)                      \
  V(Filler)                         \
  V(Code)                           \
  V(Range)                          \
  V(TypeDescriptor)                 \
  V(BytecodeArray)

namespace ruchy::internal {

enum class InstanceType : uint16_t {
#define RUCHY_INSTANCE_TYPE_ENUM(Name) k##Name,
  RUCHY_INSTANCE_TYPE_LIST(RUCHY_INSTANCE_TYPE_ENUM)
#undef RUCHY_INSTANCE_TYPE_ENUM
};

#define RUCHY_COUNT_INSTANCE_TYPE(Name) +1
constexpr int kInstanceTypeCount = 0 RUCHY_INSTANCE_TYPE_LIST(RUCHY_COUNT_INSTANCE_TYPE);
#undef RUCHY_COUNT_INSTANCE_TYPE

const char* InstanceTypeName(InstanceType type);

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_INSTANCE_TYPE_H_
