// The isolate's roots table: one list of well-known objects. Read-only roots live in
// read-only space and never move; mutable roots are GC roots. JIT code loads a root from
// the table at RootsTable::OffsetOf(index) relative to RootsTable::base().
#ifndef RUCHY_HEAP_ROOTS_H_
#define RUCHY_HEAP_ROOTS_H_

#include "src/objects/value.h"

namespace ruchy::internal {

// V(Type, accessor_name, CamelName)
#define RUCHY_READ_ONLY_ROOT_LIST(V)                                                      \
  V(Shape, meta_shape, MetaShape)                                                         \
  V(Shape, oddball_shape, OddballShape)                                                   \
  V(Shape, heap_number_shape, HeapNumberShape)                                            \
  V(Shape, heap_int_shape, HeapIntShape)                                                  \
  V(Shape, seq_string_shape, SeqStringShape)                                              \
  V(Shape, cons_string_shape, ConsStringShape)                                            \
  V(Shape, fixed_array_shape, FixedArrayShape)                                            \
  V(Shape, fixed_double_array_shape, FixedDoubleArrayShape)                               \
  V(Shape, byte_array_shape, ByteArrayShape)                                              \
  V(Shape, ordered_hash_table_shape, OrderedHashTableShape)                               \
  V(Shape, smi_array_shape, SmiArrayShape)                                                \
  V(Shape, double_array_shape, DoubleArrayShape)                                          \
  V(Shape, generic_array_shape, GenericArrayShape)                                        \
  V(Shape, tuple_shape, TupleShape)                                                       \
  V(Shape, hash_map_shape, HashMapShape)                                                  \
  V(Shape, enum_descriptor_shape, EnumDescriptorShape)                                    \
  V(Shape, enum_value_shape, EnumValueShape)                                              \
  V(Shape, shared_function_info_shape, SharedFunctionInfoShape)                           \
  V(Shape, closure_shape, ClosureShape)                                                   \
  V(Shape, context_shape, ContextShape)                                                   \
  V(Shape, feedback_cell_shape, FeedbackCellShape)                                        \
  V(Shape, feedback_vector_shape, FeedbackVectorShape)                                    \
  V(Shape, free_space_shape, FreeSpaceShape)                                              \
  V(Shape, filler_shape, FillerShape)                                                     \
  V(Shape, code_shape, CodeShape) /* src/codegen Code objects, sized by the code space */ \
  V(Shape, range_shape, RangeShape)                                                       \
  V(Shape, type_descriptor_shape, TypeDescriptorShape)                                    \
  V(Shape, bytecode_array_shape, BytecodeArrayShape)                                      \
  V(Oddball, nil_value, NilValue)                                                         \
  V(Oddball, true_value, TrueValue)                                                       \
  V(Oddball, false_value, FalseValue)                                                     \
  V(Oddball, the_hole_value, TheHoleValue)                                                \
  V(FixedArray, empty_fixed_array, EmptyFixedArray)                                       \
  V(String, empty_string, EmptyString)                                                    \
  V(String, nil_string, NilString)                                                        \
  V(String, true_string, TrueString)                                                      \
  V(String, false_string, FalseString)                                                    \
  V(String, out_of_memory_string, OutOfMemoryString)

#define RUCHY_MUTABLE_ROOT_LIST(V)                                                    \
  /* Root of the transition tree of object literals (4 in-object fields). */          \
  V(Shape, plain_object_shape, PlainObjectShape)                                      \
  /* The built-in enums (EnumDescriptor): Some/None, Ok/Err, Less/Equal/Greater. */   \
  V(EnumDescriptor, option_enum, OptionEnum)                                          \
  V(EnumDescriptor, result_enum, ResultEnum)                                          \
  V(EnumDescriptor, ordering_enum, OrderingEnum)                                      \
  /* The one None (marked shared: it has no payload to change, and a mutation of the  \
     place holding it replaces it): Option-returning built-ins allocate only Some. */ \
  V(EnumValue, none_value, NoneValue)                                                 \
  /* nil, or a HashMap (created by the interpreter on first use): user type           \
     name (String) -> TypeDescriptor, for method lookup. */                           \
  V(Value, type_registry, TypeRegistry)

enum class RootIndex : uint16_t {
#define RUCHY_ROOT_INDEX(Type, name, CamelName) k##CamelName,
  RUCHY_READ_ONLY_ROOT_LIST(RUCHY_ROOT_INDEX) RUCHY_MUTABLE_ROOT_LIST(RUCHY_ROOT_INDEX)
#undef RUCHY_ROOT_INDEX
      kRootListLength,
};

#define RUCHY_COUNT_ROOT(Type, name, CamelName) +1
constexpr int kReadOnlyRootCount = 0 RUCHY_READ_ONLY_ROOT_LIST(RUCHY_COUNT_ROOT);
#undef RUCHY_COUNT_ROOT
constexpr int kRootListLength = static_cast<int>(RootIndex::kRootListLength);

class RootsTable {
 public:
  static constexpr int OffsetOf(RootIndex index) { return static_cast<int>(index) * kTaggedSize; }
  static constexpr bool IsReadOnly(RootIndex index) {
    return static_cast<int>(index) < kReadOnlyRootCount;
  }
  Address* base() { return roots_; }
  Address& operator[](RootIndex index) { return roots_[static_cast<int>(index)]; }
  Address operator[](RootIndex index) const { return roots_[static_cast<int>(index)]; }
  Address* location(RootIndex index) { return &roots_[static_cast<int>(index)]; }
  Address* mutable_roots_begin() { return &roots_[kReadOnlyRootCount]; }
  Address* mutable_roots_end() { return &roots_[kRootListLength]; }
  static const char* NameOf(RootIndex index);

 private:
  Address roots_[kRootListLength] = {};
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_ROOTS_H_
