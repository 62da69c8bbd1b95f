// `e as T` (value-ops.h): integer widths wrap like Rust's `as` for the narrow types, floats
// truncate toward zero and saturate, characters convert to and from code points.
#include <cmath>
#include <limits>
#include <string>

#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops-internal.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal {

using value_ops::ThrowRuntimeError;
using value_ops::ThrowTypeError;

namespace {

enum class CastTarget : uint8_t { kInteger, kFloat, kBool, kChar, kString, kUnknown };

struct IntegerType {
  int bits;  // 8, 16, 32; 64 for the 64- and 128-bit types (the language's integers are i64)
  bool is_signed;
};

CastTarget Classify(std::string_view name, IntegerType* type) {
  struct Entry {
    const char* name;
    IntegerType type;
  };
  static const Entry kIntegers[] = {
      {"i8", {8, true}},    {"i16", {16, true}},   {"i32", {32, true}},   {"i64", {64, true}},
      {"i128", {64, true}}, {"isize", {64, true}}, {"u8", {8, false}},    {"u16", {16, false}},
      {"u32", {32, false}}, {"u64", {64, false}},  {"u128", {64, false}}, {"usize", {64, false}},
  };
  for (const Entry& entry : kIntegers) {
    if (name == entry.name) {
      *type = entry.type;
      return CastTarget::kInteger;
    }
  }
  if (name == "f64" || name == "f32") return CastTarget::kFloat;
  if (name == "bool") return CastTarget::kBool;
  if (name == "char") return CastTarget::kChar;
  if (name == "String" || name == "str") return CastTarget::kString;
  return CastTarget::kUnknown;
}

// Two's-complement truncation to the type's width (300 as u8 == 44, -1 as u8 == 255). The
// 64-bit types keep the value: a negative integer `as u64` stays negative, since the language
// has no unsigned 64-bit values.
int64_t WrapInteger(int64_t value, IntegerType type) {
  if (type.bits >= 64) return value;
  uint64_t mask = (uint64_t{1} << type.bits) - 1;
  uint64_t bits = static_cast<uint64_t>(value) & mask;
  if (type.is_signed && (bits >> (type.bits - 1)) != 0) bits |= ~mask;  // sign-extend
  return static_cast<int64_t>(bits);
}

// Float to integer: truncate toward zero, saturate at the type's bounds, NaN gives 0 (Rust).
int64_t SaturateFloat(double value, IntegerType type) {
  if (std::isnan(value)) return 0;
  double min;
  double max;
  if (type.bits >= 64) {
    min = type.is_signed ? -9223372036854775808.0 : 0.0;
    max = 9223372036854775807.0;  // rounds to 2^63, handled below
  } else if (type.is_signed) {
    min = -std::ldexp(1.0, type.bits - 1);
    max = std::ldexp(1.0, type.bits - 1) - 1;
  } else {
    min = 0;
    max = std::ldexp(1.0, type.bits) - 1;
  }
  double truncated = std::trunc(value);
  if (truncated <= min) return static_cast<int64_t>(min);
  if (truncated >= 9223372036854775808.0) return std::numeric_limits<int64_t>::max();
  if (truncated >= max) return static_cast<int64_t>(max);
  return static_cast<int64_t>(truncated);
}

void AppendUtf8(uint32_t code, std::string* out) {
  if (code < 0x80) {
    out->push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code >> 6)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// The code point of a one-character string, or -1.
int64_t SingleCharCode(String string) {
  if (string.char_count() != 1) return -1;
  std::string text = string.ToStdString();
  const auto* b = reinterpret_cast<const uint8_t*>(text.data());
  size_t n = text.size();
  if (n == 1) return b[0];
  if (n == 2) return ((b[0] & 0x1F) << 6) | (b[1] & 0x3F);
  if (n == 3) return ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
  if (n == 4) {
    return ((b[0] & 0x07) << 18) | ((b[1] & 0x3F) << 12) | ((b[2] & 0x3F) << 6) | (b[3] & 0x3F);
  }
  return -1;
}

bool IsCharCode(int64_t code) {
  return code >= 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
}

// The discriminant of a unit enum variant (its declared value, or its index).
std::optional<int64_t> Discriminant(EnumValue value) {
  if (value.payload_length() != 0) return std::nullopt;
  Value table = value.descriptor().discriminants();
  int variant = value.variant();
  if (table.IsFixedArray()) {
    FixedArray list = FixedArray::unchecked_cast(table);
    if (variant < list.length() && list.get(variant).IsInteger()) {
      return IntegerValue(list.get(variant));
    }
  }
  return variant;
}

MaybeHandle<Value> CannotCast(Isolate* isolate, Value value, std::string_view type_name) {
  ThrowTypeError(isolate,
                 std::string("Cannot cast ") + TypeName(value) + " to " + std::string(type_name));
  return {};
}

}  // namespace

MaybeHandle<Value> CastValue(Isolate* isolate, Handle<Value> value, std::string_view type_name) {
  Factory* factory = isolate->factory();
  IntegerType integer{64, true};
  CastTarget target = Classify(type_name, &integer);
  Value v = *value;
  switch (target) {
    case CastTarget::kInteger: {
      if (v.IsInteger()) {
        int64_t n = IntegerValue(v);
        int64_t wrapped = WrapInteger(n, integer);
        if (wrapped == n) return value;
        return factory->NewInteger(wrapped);
      }
      if (v.IsHeapNumber()) {
        return factory->NewInteger(SaturateFloat(HeapNumber::unchecked_cast(v).value(), integer));
      }
      if (v.IsBoolean()) return handle(Value(Smi::FromInt(v.IsTrue() ? 1 : 0)), isolate);
      if (v.IsString()) {
        int64_t code = SingleCharCode(String::unchecked_cast(v));
        if (code >= 0) return factory->NewInteger(WrapInteger(code, integer));
      }
      if (v.IsEnumValue()) {
        std::optional<int64_t> d = Discriminant(EnumValue::unchecked_cast(v));
        if (d) return factory->NewInteger(WrapInteger(*d, integer));
      }
      return CannotCast(isolate, v, type_name);
    }
    case CastTarget::kFloat:
      if (v.IsHeapNumber()) return value;
      if (v.IsInteger()) return factory->NewHeapNumber(NumberValue(v));
      return CannotCast(isolate, v, type_name);
    case CastTarget::kBool:
      if (v.IsBoolean()) return value;
      return CannotCast(isolate, v, type_name);
    case CastTarget::kChar: {
      if (v.IsString() && String::unchecked_cast(v).char_count() == 1) return value;
      if (!v.IsInteger()) return CannotCast(isolate, v, type_name);
      int64_t code = IntegerValue(v);
      if (!IsCharCode(code)) {
        ThrowRuntimeError(isolate, std::to_string(code) + " is not a valid char code point");
        return {};
      }
      std::string text;
      AppendUtf8(static_cast<uint32_t>(code), &text);
      return factory->NewStringFromUtf8(text);
    }
    case CastTarget::kString:
      if (v.IsString()) return value;
      return CannotCast(isolate, v, type_name);
    case CastTarget::kUnknown:
      return CannotCast(isolate, v, type_name);
  }
  UNREACHABLE();
}

}  // namespace ruchy::internal
