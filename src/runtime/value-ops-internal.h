// Helpers shared by the value-ops implementation files (value-ops.cc, value-arith.cc,
// value-access.cc, value-text.cc): error throwing, exact int/float comparison and the
// allocation-free ordering used both by `<` and by the sorted display of map keys.
#ifndef RUCHY_RUNTIME_VALUE_OPS_INTERNAL_H_
#define RUCHY_RUNTIME_VALUE_OPS_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>

#include "src/runtime/value-ops.h"

namespace ruchy::internal::value_ops {

// Throws "Runtime error: <text>" / "Type error: <text>"; always returns false.
bool ThrowRuntimeError(Isolate* isolate, const std::string& text);
bool ThrowTypeError(Isolate* isolate, const std::string& text);

// Three-way comparison of an integer with a float that is exact for every int64 (no rounding
// of the integer to double). nullopt when `d` is NaN.
std::optional<int> CompareIntWithDouble(int64_t i, double d);

// A number's double, or the raw element of a double array, without boxing.
inline bool IsNumber(Value v) { return v.IsInteger() || v.IsHeapNumber(); }

// The ordering of CompareValues without throwing or allocating: nullopt when the values are
// not ordered (different kinds, a kind without an order). NaN: with `saw_nan`, IEEE (the
// first NaN met sets *saw_nan and the result is meaningless); without, a total order in
// which NaN equals NaN and is greater than every other number (sorting).
std::optional<int> CompareRaw(Value a, Value b, bool* saw_nan = nullptr);

// A total order on map keys for display: numbers (numerically) before strings (by bytes)
// before booleans before tuples before anything else.
bool MapKeyLess(Value a, Value b);

// Byte-wise comparison of two strings without allocating on the heap.
int CompareStrings(String a, String b);

// The elements of an array, tuple, enum payload or struct, read uniformly: element i is
// either a tagged Value or (double arrays) an unboxed double.
struct Element {
  Value value;
  double number = 0;
  bool is_raw_double = false;
};
int SequenceLength(Value container);
Element SequenceElement(Value container, int index);

// Parses a decimal tuple-field name ("0", "12"); -1 if `name` is not one.
int ParseFieldIndex(String name);

}  // namespace ruchy::internal::value_ops

#endif  // RUCHY_RUNTIME_VALUE_OPS_INTERNAL_H_
