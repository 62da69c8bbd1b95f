// The language's generic operations on values: arithmetic with the integer-overflow rules,
// comparison and equality, truthiness, `as` casts, element and field access, and the
// text forms values print in. These are the slow paths every tier calls when its inline
// fast path (Smi arithmetic, monomorphic field load...) does not apply, so their results
// define the semantics; LANGUAGE.md §2–§4 and ruchy-reference.md §4–§6, §14 specify them.
//
// Errors: a function that can fail returns an empty MaybeHandle (or false / nullopt) with
// the error pending on the isolate (Isolate::ThrowError with the full message text, e.g.
// "Runtime error: Index 3 out of bounds for array of length 3"). Out of memory is pending
// the same way.
#ifndef RUCHY_RUNTIME_VALUE_OPS_H_
#define RUCHY_RUNTIME_VALUE_OPS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "src/execution/isolate.h"

namespace ruchy::internal {

// --- Type names and truthiness ----------------------------------------------------------

// The `type_of` name, used in error messages too: "integer", "float", "boolean", "string",
// "nil", "array", "tuple", "range", "object" (map), "struct", "enum_variant", "function",
// "class" (class instance).
const char* TypeName(Value value);

// Only false and nil are falsy.
inline bool IsTruthy(Value value) { return !value.IsFalse() && !value.IsNil(); }

// --- Arithmetic --------------------------------------------------------------------------

enum class BinaryOp : uint8_t {
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
  kExp,
  kBitAnd,
  kBitOr,
  kBitXor,
  kShl,
  kShr,
};
enum class UnaryOp : uint8_t { kNegate, kBitNot, kNot };

// "+" etc., for error messages.
const char* BinaryOpName(BinaryOp op);

// lhs OP rhs with full semantics: 64-bit integers with "Integer overflow in addition"
// (subtraction, multiplication, division, ...) errors, `/` truncating and `%` taking the
// dividend's sign, "Division by zero", `**` falling back to float on overflow or negative
// exponent, int/float mixing, IEEE floats, string + anything (floats in the shortest form
// without ".0"), array + array concatenation, and "Type error: Cannot add integer and
// boolean" style errors for the rest.
MaybeHandle<Value> BinaryOperation(Isolate* isolate, BinaryOp op, Handle<Value> lhs,
                                   Handle<Value> rhs);
MaybeHandle<Value> UnaryOperation(Isolate* isolate, UnaryOp op, Handle<Value> operand);

// An integer value (Smi or HeapInt) as int64_t. Precondition: value.IsInteger().
int64_t IntegerValue(Value value);
// A number (integer or float) as double. Precondition: IsInteger() or IsHeapNumber().
double NumberValue(Value value);

// --- Equality and ordering ---------------------------------------------------------------

// `==`: structural for strings, arrays, tuples, maps, structs, enum values and ranges;
// integers and floats compare numerically with each other; class instances and functions by
// identity. Never fails.
bool ValuesEqual(Value a, Value b);

// `<` and friends, and sorting: numbers numerically, strings by bytes, booleans, and
// arrays/tuples lexicographically. <0, 0 or >0; nullopt with "Type error: Cannot compare
// array and map for ordering" pending when the values are not ordered.
std::optional<int> CompareValues(Isolate* isolate, Value a, Value b);

// The operators `<`, `<=`, `>`, `>=`. Like CompareValues, except for NaN: where CompareValues
// gives a total order for sorting (NaN equals NaN and sorts after every other number), a NaN
// deciding the comparison here makes every operator false (IEEE, as in Rust). Enum values of
// one enum order by variant then payload, structs of one type by fields in declaration order.
enum class CompareOp : uint8_t { kLessThan, kLessThanOrEqual, kGreaterThan, kGreaterThanOrEqual };
std::optional<bool> CompareOperation(Isolate* isolate, CompareOp op, Value a, Value b);

// --- Casts -------------------------------------------------------------------------------

// `e as T` with T's last path segment: i8..i128/u8..u128/isize/usize (integers; floats
// truncate, bools give 0/1, one-character strings give the code point), f32/f64, bool,
// char (integer code point -> one-character string), String/str. Other combinations:
// "Type error: Cannot cast string to usize".
MaybeHandle<Value> CastValue(Isolate* isolate, Handle<Value> value, std::string_view type_name);

// --- Element and field access ------------------------------------------------------------

// object[key]: arrays and tuples by integer (negative counts from the end), strings by
// character (a one-character string), maps by key, and ranges as keys on arrays and strings
// (slices `a[1..3]`, `s[..2]`). Errors: "Runtime error: Index 5 out of bounds for array of
// length 3", "Runtime error: Cannot index integer with integer", "Runtime error: Key not
// found: x" (maps; decided in docs/design/language-decisions.md).
MaybeHandle<Value> GetElement(Isolate* isolate, Handle<Value> object, Handle<Value> key);

// object[key] = value through a place: *object is the container held by the place; when it
// is shared it is first replaced by an unshared copy (copy-on-write) and *object is updated
// to point at the copy, which the caller stores back into the place. Arrays and tuples by
// index (in bounds), maps insert or replace.
bool SetElement(Isolate* isolate, Handle<Value>* object, Handle<Value> key, Handle<Value> value);

// object.name: struct fields, class instance fields, map entries with a string key
// ("Runtime error: Field 'z' not found in struct Point", "Runtime error: Cannot access field
// 'f' on type integer"). `name` is internalized.
MaybeHandle<Value> GetField(Isolate* isolate, Handle<Value> object, Handle<String> name);
// object.name = value through a place, copy-on-write as for SetElement. Class instances are
// references: they are mutated in place and *object is unchanged.
bool SetField(Isolate* isolate, Handle<Value>* object, Handle<String> name, Handle<Value> value);

// Reading the container of a nested store (`a[i].f[j] = v`, `p.pts.push(q)`): returns the
// element / field of *object like GetElement / GetField, but first unshares *object when it
// is shared (updating *object as SetElement does). Unsharing marks the copied children
// shared, so the store into the returned child then copies it only if something else still
// references it, and an unaliased nested store stays in place. The caller stores the child
// back with SetElement / SetField.
MaybeHandle<Value> GetElementForUpdate(Isolate* isolate, Handle<Value>* object, Handle<Value> key);
MaybeHandle<Value> GetFieldForUpdate(Isolate* isolate, Handle<Value>* object, Handle<String> name);

// --- Text forms --------------------------------------------------------------------------

enum class TextForm : uint8_t {
  kDisplay,  // println(x), "{}": top-level strings raw, nested strings quoted ("[1, \"a\"]")
  kRepl,     // -e / REPL result: like kDisplay but a top-level string is quoted too
  kFString,  // f"{x}": like kDisplay, but strings inside arrays and tuples print unquoted
  kDebug,    // "{:?}": strings quoted with Rust escapes at every level
  kConcat,   // "s" + x and x.to_string(): like kDisplay, but floats in the shortest form
             // without a ".0" (3.0 -> "3")
};

// Appends the text of `value` to *out. Maps and structs print their keys sorted; enum values
// by variant name with payload; functions as <function>. Cycles through class instances and
// nesting deeper than kMaxTextDepth print "..." instead of recursing. Never fails.
constexpr int kMaxTextDepth = 200;
void AppendText(Value value, TextForm form, std::string* out);
std::string ToText(Value value, TextForm form);
// The text as a heap string (empty MaybeHandle: out of memory).
MaybeHandle<String> ToTextString(Isolate* isolate, Handle<Value> value, TextForm form);

}  // namespace ruchy::internal

#endif  // RUCHY_RUNTIME_VALUE_OPS_H_
