// Arithmetic, bitwise and unary operators on values (value-ops.h): checked 64-bit integer
// arithmetic, IEEE floats, int/float promotion, string concatenation and repetition, and
// array concatenation.
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops-internal.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal {

using value_ops::IsNumber;
using value_ops::ThrowRuntimeError;
using value_ops::ThrowTypeError;

namespace {

MaybeHandle<Value> Overflow(Isolate* isolate, const char* operation) {
  ThrowRuntimeError(isolate, std::string("Integer overflow in ") + operation);
  return {};
}

MaybeHandle<Value> DivisionByZero(Isolate* isolate) {
  isolate->ThrowError("Division by zero");
  return {};
}

MaybeHandle<Value> NewFloat(Isolate* isolate, double value) {
  return isolate->factory()->NewHeapNumber(value);
}

// base ** exponent for exponent >= 0, or nullopt on overflow (squaring keeps it O(log n)).
std::optional<int64_t> CheckedPow(int64_t base, int64_t exponent) {
  int64_t result = 1;
  while (true) {
    if (exponent & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return std::nullopt;
    }
    exponent >>= 1;
    if (exponent == 0) return result;
    // Squaring the base overflows harmlessly only if no further bit needs it; any further
    // bit does, so overflow here is overflow of the result.
    if (__builtin_mul_overflow(base, base, &base)) return std::nullopt;
  }
}

MaybeHandle<Value> IntegerBinary(Isolate* isolate, BinaryOp op, int64_t a, int64_t b) {
  Factory* factory = isolate->factory();
  int64_t result = 0;
  switch (op) {
    case BinaryOp::kAdd:
      if (__builtin_add_overflow(a, b, &result)) return Overflow(isolate, "addition");
      break;
    case BinaryOp::kSub:
      if (__builtin_sub_overflow(a, b, &result)) return Overflow(isolate, "subtraction");
      break;
    case BinaryOp::kMul:
      if (__builtin_mul_overflow(a, b, &result)) return Overflow(isolate, "multiplication");
      break;
    case BinaryOp::kDiv:
      if (b == 0) return DivisionByZero(isolate);
      if (a == std::numeric_limits<int64_t>::min() && b == -1) {
        return Overflow(isolate, "division");
      }
      result = a / b;  // C++ truncates toward zero
      break;
    case BinaryOp::kMod:
      if (b == 0) return DivisionByZero(isolate);
      if (a == std::numeric_limits<int64_t>::min() && b == -1) {
        return Overflow(isolate, "modulo");
      }
      result = a % b;  // C++: the sign of the dividend
      break;
    case BinaryOp::kExp: {
      if (b < 0) return NewFloat(isolate, std::pow(static_cast<double>(a), static_cast<double>(b)));
      std::optional<int64_t> power = CheckedPow(a, b);
      if (!power)
        return NewFloat(isolate, std::pow(static_cast<double>(a), static_cast<double>(b)));
      result = *power;
      break;
    }
    case BinaryOp::kBitAnd:
      result = a & b;
      break;
    case BinaryOp::kBitOr:
      result = a | b;
      break;
    case BinaryOp::kBitXor:
      result = a ^ b;
      break;
    case BinaryOp::kShl:
      // Bits shifted out are dropped (as in Rust); a shift amount outside 0..63 is an error.
      if (b < 0 || b > 63) return Overflow(isolate, "left shift");
      result = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
      break;
    case BinaryOp::kShr:
      if (b < 0 || b > 63) return Overflow(isolate, "right shift");
      result = a >> b;  // arithmetic
      break;
  }
  return factory->NewInteger(result);
}

MaybeHandle<Value> FloatBinary(Isolate* isolate, BinaryOp op, double a, double b) {
  switch (op) {
    case BinaryOp::kAdd:
      return NewFloat(isolate, a + b);
    case BinaryOp::kSub:
      return NewFloat(isolate, a - b);
    case BinaryOp::kMul:
      return NewFloat(isolate, a * b);
    case BinaryOp::kDiv:
      return NewFloat(isolate, a / b);
    case BinaryOp::kMod:
      return NewFloat(isolate, std::fmod(a, b));  // sign of the dividend; x % 0.0 is NaN
    case BinaryOp::kExp:
      return NewFloat(isolate, std::pow(a, b));
    case BinaryOp::kBitAnd:
    case BinaryOp::kBitOr:
    case BinaryOp::kBitXor:
    case BinaryOp::kShl:
    case BinaryOp::kShr:
      UNREACHABLE();  // callers route bitwise operators on floats to the error
  }
  UNREACHABLE();
}

bool IsBitwise(BinaryOp op) {
  return op == BinaryOp::kBitAnd || op == BinaryOp::kBitOr || op == BinaryOp::kBitXor ||
         op == BinaryOp::kShl || op == BinaryOp::kShr;
}

MaybeHandle<Value> TypeMismatch(Isolate* isolate, BinaryOp op, Value a, Value b) {
  std::string x = TypeName(a);
  std::string y = TypeName(b);
  switch (op) {
    case BinaryOp::kAdd:
      ThrowTypeError(isolate, "Cannot add " + x + " and " + y);
      break;
    case BinaryOp::kSub:
      ThrowTypeError(isolate, "Cannot subtract " + y + " from " + x);
      break;
    case BinaryOp::kMul:
      ThrowTypeError(isolate, "Cannot multiply " + x + " and " + y);
      break;
    case BinaryOp::kDiv:
      ThrowTypeError(isolate, "Cannot divide " + x + " by " + y);
      break;
    case BinaryOp::kMod:
      ThrowTypeError(isolate, "Cannot compute " + x + " modulo " + y);
      break;
    case BinaryOp::kExp:
      ThrowTypeError(isolate, "Cannot compute " + x + " to the power of " + y);
      break;
    case BinaryOp::kBitAnd:
    case BinaryOp::kBitOr:
    case BinaryOp::kBitXor:
    case BinaryOp::kShl:
    case BinaryOp::kShr:
      ThrowRuntimeError(isolate,
                        "Bitwise operations require integer operands, got " + x + " and " + y);
      break;
  }
  return {};
}

// "s" + x and x + "s": the other side in its concatenation text form.
MaybeHandle<Value> Concatenate(Isolate* isolate, Handle<Value> lhs, Handle<Value> rhs) {
  Factory* factory = isolate->factory();
  Handle<String> left;
  Handle<String> right;
  if ((*lhs).IsString()) {
    left = Handle<String>::cast(lhs);
  } else if (!ToTextString(isolate, lhs, TextForm::kConcat).ToHandle(&left)) {
    return {};
  }
  if ((*rhs).IsString()) {
    right = Handle<String>::cast(rhs);
  } else if (!ToTextString(isolate, rhs, TextForm::kConcat).ToHandle(&right)) {
    return {};
  }
  return factory->NewConsString(left, right);
}

// "ab" * 3 == "ababab"; a count <= 0 gives "".
MaybeHandle<Value> RepeatString(Isolate* isolate, Handle<String> string, int64_t count) {
  Factory* factory = isolate->factory();
  uint32_t length = string->length();
  if (count <= 0 || length == 0) return factory->empty_string();
  if (count > static_cast<int64_t>(String::kMaxLength / length)) {
    isolate->ReportOutOfMemory();  // too long to represent, as for concatenation
    return {};
  }
  std::string unit = string->ToStdString();
  uint32_t total = static_cast<uint32_t>(count) * length;
  Handle<SeqString> result;
  if (!factory->NewRawSeqString(total).ToHandle(&result)) return {};
  uint8_t* chars = result->chars();
  for (int64_t i = 0; i < count; ++i) std::memcpy(chars + i * length, unit.data(), length);
  Factory::FinishSeqString(*result);
  return result;
}

// [a] + [b]: a new array holding both sequences; the elements become shared between it
// and the operands.
MaybeHandle<Value> ConcatenateArrays(Isolate* isolate, Handle<Array> a, Handle<Array> b) {
  Factory* factory = isolate->factory();
  int la = a->length();
  int lb = b->length();
  if (la + static_cast<int64_t>(lb) > Array::kMaxLength) {
    isolate->ReportOutOfMemory();
    return {};
  }
  int total = la + lb;
  ElementsKind ka = a->kind();
  ElementsKind kb = b->kind();
  ElementsKind kind = la == 0 ? kb : (lb == 0 ? ka : (ka == kb ? ka : ElementsKind::kGeneric));
  Handle<Array> result;
  if (!factory->NewArray(kind, total, total).ToHandle(&result)) return {};
  if (total == 0) return result;
  if (kind == ElementsKind::kDouble) {
    FixedDoubleArray store = FixedDoubleArray::cast(result->elements());
    for (int i = 0; i < la; ++i) store.set(i, FixedDoubleArray::cast(a->elements()).get(i));
    for (int i = 0; i < lb; ++i) store.set(la + i, FixedDoubleArray::cast(b->elements()).get(i));
    return result;
  }
  Handle<Array> parts[2] = {a, b};
  int offset = 0;
  for (Handle<Array> part : parts) {
    int length = part->length();
    if (length == 0) continue;
    if (part->kind() == ElementsKind::kDouble) {
      for (int i = 0; i < length; ++i) {
        HandleScope scope(isolate);
        Handle<HeapNumber> number;
        if (!factory->NewHeapNumber(FixedDoubleArray::cast(part->elements()).get(i))
                 .ToHandle(&number)) {
          return {};
        }
        FixedArray::cast(result->elements()).set(offset + i, *number);
      }
    } else {
      CopyTaggedSlots(result->elements(), FixedArray::OffsetOfElementAt(offset), part->elements(),
                      FixedArray::OffsetOfElementAt(0), length);
      FixedArray store = FixedArray::cast(result->elements());
      for (int i = 0; i < length; ++i) MarkShared(store.get(offset + i));
    }
    offset += length;
  }
  return result;
}

}  // namespace

MaybeHandle<Value> BinaryOperation(Isolate* isolate, BinaryOp op, Handle<Value> lhs,
                                   Handle<Value> rhs) {
  Value a = *lhs;
  Value b = *rhs;
  if (a.IsInteger() && b.IsInteger()) {
    return IntegerBinary(isolate, op, IntegerValue(a), IntegerValue(b));
  }
  if (IsNumber(a) && IsNumber(b)) {
    if (IsBitwise(op)) return TypeMismatch(isolate, op, a, b);
    return FloatBinary(isolate, op, NumberValue(a), NumberValue(b));
  }
  switch (op) {
    case BinaryOp::kAdd:
      if (a.IsString() || b.IsString()) return Concatenate(isolate, lhs, rhs);
      if (a.IsArray() && b.IsArray()) {
        return ConcatenateArrays(isolate, Handle<Array>::cast(lhs), Handle<Array>::cast(rhs));
      }
      break;
    case BinaryOp::kMul:
      if (a.IsString() && b.IsInteger()) {
        return RepeatString(isolate, Handle<String>::cast(lhs), IntegerValue(b));
      }
      break;
    case BinaryOp::kBitAnd:
    case BinaryOp::kBitOr:
    case BinaryOp::kBitXor:
      // Non-short-circuit logic on booleans, as in Rust (`a & b`, `a ^ b`).
      if (a.IsBoolean() && b.IsBoolean()) {
        bool x = a.IsTrue();
        bool y = b.IsTrue();
        bool r = op == BinaryOp::kBitAnd ? (x && y) : (op == BinaryOp::kBitOr ? (x || y) : x != y);
        return isolate->factory()->ToBoolean(r);
      }
      break;
    case BinaryOp::kSub:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
    case BinaryOp::kExp:
    case BinaryOp::kShl:
    case BinaryOp::kShr:
      break;
  }
  return TypeMismatch(isolate, op, a, b);
}

MaybeHandle<Value> UnaryOperation(Isolate* isolate, UnaryOp op, Handle<Value> operand) {
  Value v = *operand;
  Factory* factory = isolate->factory();
  switch (op) {
    case UnaryOp::kNegate:
      if (v.IsInteger()) {
        int64_t n = IntegerValue(v);
        if (n == std::numeric_limits<int64_t>::min()) return Overflow(isolate, "negation");
        return factory->NewInteger(-n);
      }
      if (v.IsHeapNumber()) return NewFloat(isolate, -HeapNumber::unchecked_cast(v).value());
      ThrowTypeError(isolate, std::string("Cannot negate ") + TypeName(v));
      return {};
    case UnaryOp::kBitNot:
      if (v.IsInteger()) return factory->NewInteger(~IntegerValue(v));
      ThrowRuntimeError(
          isolate, std::string("Bitwise operations require integer operands, got ") + TypeName(v));
      return {};
    case UnaryOp::kNot:
      return factory->ToBoolean(!IsTruthy(v));
  }
  UNREACHABLE();
}

}  // namespace ruchy::internal
