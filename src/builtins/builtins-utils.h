// Helpers shared by the built-in implementations: argument checks with the library's
// error texts, result construction, element access with copy-on-write marking, receiver
// unsharing, and calls back into Ruchy callables. Internal to src/builtins.
#ifndef RUCHY_BUILTINS_BUILTINS_UTILS_H_
#define RUCHY_BUILTINS_BUILTINS_UTILS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/builtins/builtins.h"
#include "src/execution/execution.h"
#include "src/objects/builtin-enums.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::builtins {

// --- Errors. Each sets the error pending and returns an empty result.

MaybeHandle<Value> Fail(Isolate* isolate, std::string_view message);
// "Type error: NAME() expects WHAT as argument N, got TYPE" (N counts from 1).
MaybeHandle<Value> ArgumentTypeError(BuiltinArguments& args, int index, std::string_view what);
// "Type error: NAME() expects WHAT, got TYPE" about a value that is not an argument
// (an element, a callback's result).
MaybeHandle<Value> ValueTypeError(BuiltinArguments& args, std::string_view what, Value got);
// "Runtime error: Method 'NAME' not found for type TYPE": the receiver's kind matched but
// its contents do not (unwrap on a user enum, or_insert on a plain tuple).
MaybeHandle<Value> MethodNotFound(BuiltinArguments& args);
// "Runtime error: Index 5 out of bounds for array of length 3".
MaybeHandle<Value> IndexOutOfBounds(Isolate* isolate, int64_t index, int64_t length,
                                    const char* what = "array");

// --- Arguments. The getters return false with a type error pending.

bool IntegerArgument(BuiltinArguments& args, int index, int64_t* out);
// A count or index that must be >= 0 (negative: "Runtime error: NAME() expects a
// non-negative integer, got -1").
bool SizeArgument(BuiltinArguments& args, int index, int64_t* out);
bool NumberArgument(BuiltinArguments& args, int index, double* out);
bool StringArgument(BuiltinArguments& args, int index, std::string* out);

inline bool IsNumber(Value value) { return value.IsInteger() || value.IsHeapNumber(); }

// --- Results.

inline Handle<Value> Nil(Isolate* isolate) { return isolate->factory()->nil_value(); }
inline Handle<Value> Boolean(Isolate* isolate, bool value) {
  return isolate->factory()->ToBoolean(value);
}
inline MaybeHandle<Value> Integer(Isolate* isolate, int64_t value) {
  return isolate->factory()->NewInteger(value);
}
inline MaybeHandle<Value> Float(Isolate* isolate, double value) {
  return isolate->factory()->NewHeapNumber(value);
}
inline MaybeHandle<Value> NewString(Isolate* isolate, std::string_view text) {
  return isolate->factory()->NewStringFromUtf8(text);
}
inline MaybeHandle<Value> Some(Isolate* isolate, Handle<Value> value) {
  return NewSome(isolate, value);
}
inline MaybeHandle<Value> None(Isolate* isolate) { return NewNone(isolate); }
// Some(value) when `value` is not the hole, else None.
MaybeHandle<Value> OptionOf(Isolate* isolate, Handle<Value> value);
// Writes `value` into an existing handle's slot (to pass a value out of a HandleScope).
inline void Store(Handle<Value> slot, Value value) { *slot.location() = value.ptr(); }

// --- Strings (builtins-string.cc for the parsers).

std::string ToStdString(Value string);  // precondition: IsString()
// Rust's str::parse on text with surrounding whitespace trimmed. On failure, nullopt with
// Rust's message in *error ("invalid digit found in string").
std::optional<int64_t> ParseIntegerText(std::string_view text, std::string* error);
std::optional<double> ParseFloatText(std::string_view text, std::string* error);
// Text without leading (`start`) and/or trailing (`end`) Unicode whitespace.
std::string_view TrimWhitespace(std::string_view text, bool start, bool end);
// The characters of UTF-8 text as byte ranges [start, end).
std::vector<std::pair<size_t, size_t>> CharBoundaries(std::string_view text);

// --- Arrays.

// A new empty array with room for `capacity` elements (capped: a hint, not a promise).
MaybeHandle<Array> NewEmptyArray(Isolate* isolate, int capacity = 0);
MaybeHandle<Array> NewArrayFrom(Isolate* isolate, const std::vector<Handle<Value>>& elements);
// Element `index` (boxed for float arrays), marked shared: the caller is about to store
// it in a second place (a new container, a callback parameter, a result).
MaybeHandle<Value> SharedElement(Isolate* isolate, Handle<Array> array, int index);
// All elements, each marked shared when `mark_shared`.
bool Elements(Isolate* isolate, Handle<Array> array, std::vector<Handle<Value>>* out,
              bool mark_shared = true);
[[nodiscard]] inline bool Push(Isolate* isolate, Handle<Array> array, Handle<Value> value) {
  return Array::Push(isolate, array, value);
}
// The elements an argument stands for when a method takes "something iterable": arrays,
// ranges (materialized), strings (characters), maps ((key, value) tuples; keys for sets)
// and Options (zero or one element). Elements are marked shared.
bool IterableElements(BuiltinArguments& args, int index, std::vector<Handle<Value>>* out);
bool ValueElements(BuiltinArguments& args, Handle<Value> value, std::vector<Handle<Value>>* out);
// The integers of a range with integer bounds, as a new array.
MaybeHandle<Array> MaterializeRange(BuiltinArguments& args, Handle<Range> range);
// Integer bounds of a range as a half-open [*from, *to); false with an error pending when
// a bound is missing or not an integer.
bool RangeBounds(BuiltinArguments& args, Range range, int64_t* from, int64_t* to);
// The number of integers in a range (0 when empty); false with an error pending when the
// bounds are not integers or the count does not fit an integer.
bool RangeLength(BuiltinArguments& args, Range range, int64_t* length);

// The receiver array, unshared: when shared it is replaced by a copy, stored back into
// *args.receiver (copy-on-write).
MaybeHandle<Array> UnsharedReceiverArray(BuiltinArguments& args);
MaybeHandle<HashMap> UnsharedReceiverMap(BuiltinArguments& args);
inline Handle<Array> ReceiverArray(BuiltinArguments& args) {
  return Handle<Array>::cast(*args.receiver);
}
// Replaces the receiver array's contents by `elements` in place (after unsharing).
bool SetArrayContents(BuiltinArguments& args, const std::vector<Handle<Value>>& elements);

// --- Maps (builtins-map.cc).

// A new HashMap built from (key, value) tuples, or a HashSet built from keys; `sorted`
// makes it a BTreeMap/BTreeSet.
MaybeHandle<Value> CollectIntoMap(BuiltinArguments& args, const std::vector<Handle<Value>>& items,
                                  bool set, bool sorted);
// The value `Default::default()` stands for when the type is unknown: the zero of the kind
// of `like` (0, 0.0, "", [], an empty map, false), or 0 when `like` is the hole.
MaybeHandle<Value> DefaultLike(Isolate* isolate, Value like);

// --- Callbacks.

MaybeHandle<Value> Call0(Isolate* isolate, Handle<Value> callable);
// The error of a callback whose in-out parameter (|x| *x += 1, |p| p.x = 1) a built-in
// cannot store.
inline constexpr char kLostWriteBackError[] =
    "Runtime error: the callback changes its parameter (*x = ..., x.f = ..., x.push(...)), "
    "but this method passes it a copy: declare it `mut x` to change a copy, or write "
    "for x in v.iter_mut() { ... }";

// Call1/Call2 raise kLostWriteBackError when the callback wrote back to its parameter.
MaybeHandle<Value> Call1(Isolate* isolate, Handle<Value> callable, Handle<Value> a);
MaybeHandle<Value> Call2(Isolate* isolate, Handle<Value> callable, Handle<Value> a,
                         Handle<Value> b);

// Ordering of a comparator's result: an Ordering value, or an integer's sign (book-style
// comparators return -1/0/1). False with a type error pending otherwise.
bool OrderingOf(BuiltinArguments& args, Value result, int* out);

// --- Formatting (builtins-print.cc).

// Formats args.argv[first..] as a template with the rest as arguments; `macro` selects the
// macro rules (the first argument is always a template) over the function rules (a
// template only when it has placeholders; otherwise the arguments are joined by spaces).
bool FormatArguments(BuiltinArguments& args, int first, bool macro, std::string* out);

}  // namespace ruchy::internal::builtins

#endif  // RUCHY_BUILTINS_BUILTINS_UTILS_H_
