// Pattern matching and path members: the rules for variant, sequence and literal tests and
// for destructuring (shared with the runtime functions), and the slow paths of the pattern
// and path bytecodes, which also fill the feedback their fast paths in the handlers read.
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

namespace {

// The variant a pattern with no type (Some, None, Ok, Err, or a variant name brought into
// scope by `use E::*`) means for values of enum `descriptor`, or -1.
int UntypedVariantIndex(Isolate* isolate, EnumDescriptor descriptor, String name) {
  struct Builtin {
    const char* name;
    bool option;
    int variant;
  };
  static constexpr Builtin kBuiltins[] = {{"Some", true, kOptionSome},
                                          {"None", true, kOptionNone},
                                          {"Ok", false, kResultOk},
                                          {"Err", false, kResultErr}};
  for (const Builtin& b : kBuiltins) {
    if (!name.EqualsUtf8(b.name)) continue;
    EnumDescriptor builtin = b.option ? isolate->option_enum() : isolate->result_enum();
    return descriptor == builtin ? b.variant : -1;
  }
  FixedArray names = descriptor.variant_names();
  for (int i = 0; i < names.length(); ++i) {
    if (String::Equals(String::cast(names.get(i)), name)) return i;
  }
  return -1;
}

// The index of the variant called `name` in `descriptor` (interned names: identity first).
int VariantIndex(EnumDescriptor descriptor, String name) {
  FixedArray names = descriptor.variant_names();
  for (int i = 0; i < names.length(); ++i) {
    if (names.get(i) == name) return i;
  }
  for (int i = 0; i < names.length(); ++i) {
    if (String::Equals(String::cast(names.get(i)), name)) return i;
  }
  return -1;
}

Value NameConstant(Address* fp, uint32_t index) {
  Value pool = BytecodeArray::cast(
                   Closure::cast(Value(fp[Interpreter::kClosureOffset])).shared().function_data())
                   .constant_pool();
  return FixedArray::cast(pool).get(static_cast<int>(index));
}

}  // namespace

// --- The rules (also behind the Pattern* runtime functions) -----------------------------

bool PatternIsVariant(Interpreter* interpreter, Value v, Value type, Value name, Value fields) {
  Isolate* isolate = interpreter->isolate();
  // The common case, a variant of a user enum, compares the variant's name without
  // copying either string (names are internalized, so usually by identity).
  if (type.IsTypeDescriptor() && TypeDescriptor::cast(type).kind() == TypeDescriptor::kEnum &&
      name.IsString()) {
    if (!v.IsEnumValue() ||
        EnumValue::cast(v).descriptor() != TypeDescriptor::cast(type).layout()) {
      return false;
    }
    EnumValue e = EnumValue::cast(v);
    String variant = String::cast(e.descriptor().variant_names().get(e.variant()));
    String wanted = String::cast(name);
    if (wanted.length() == 0) return true;  // the enum's type alone
    return variant == wanted || String::Equals(variant, wanted);
  }
  std::string text = name.IsString() ? String::cast(name).ToStdString() : std::string();
  if (type.IsNil()) {
    if (text == "Some") return IsSome(isolate, v);
    if (text == "None") return IsNone(isolate, v);
    if (text == "Ok") return IsOk(isolate, v);
    if (text == "Err") return IsErr(isolate, v);
    // A variant named without its enum (after `use E::*`).
    if (v.IsEnumValue()) {
      EnumValue e = EnumValue::cast(v);
      return String::cast(e.descriptor().variant_names().get(e.variant())).EqualsUtf8(text);
    }
    return false;
  }
  if (!type.IsTypeDescriptor()) return false;
  TypeDescriptor td = TypeDescriptor::cast(type);
  if (td.kind() == TypeDescriptor::kEnum) {
    if (!v.IsEnumValue() || EnumValue::cast(v).descriptor() != td.layout()) return false;
    if (text.empty()) return true;
    EnumValue e = EnumValue::cast(v);
    return String::cast(e.descriptor().variant_names().get(e.variant())).EqualsUtf8(text);
  }
  if (td.kind() == TypeDescriptor::kClass) {
    return v.IsPlainObject() && interpreter->TypeOf(v) == type;
  }
  if (v.IsHashMap() && fields.IsFixedArray() && (HashMap::cast(v).flags() & kModuleFlag) == 0 &&
      !IsHashSet(v)) {
    // `Point { x, y }` also matches any map that has those keys (ref §8).
    FixedArray names = FixedArray::cast(fields);
    for (int i = 0; i < names.length(); ++i) {
      if (HashMap::cast(v).Get(isolate, names.get(i)).IsTheHole()) return false;
    }
    return true;
  }
  return v.IsStructObject() && HeapObject::cast(v).shape() == td.layout();
}

int PatternSequenceLength(Value v, int kind) {
  switch (kind) {
    case 0:
      return v.IsTuple() ? Tuple::cast(v).length() : -1;
    case 1:
      return v.IsArray() ? Array::cast(v).length() : -1;
    default:
      if (v.IsEnumValue()) return EnumValue::cast(v).payload_length();
      if (v.IsStructObject()) return HeapObject::cast(v).shape().number_of_fields();
      if (v.IsTuple()) return Tuple::cast(v).length();
      return -1;
  }
}

bool PatternEquals(Value v, Value p) {
  // Literal patterns are strict: 1 does not match 1.0.
  return (v.IsInteger() == p.IsInteger() || !(v.IsHeapNumber() || p.IsHeapNumber())) &&
         ValuesEqual(v, p);
}

MaybeHandle<Value> PatternElement(Isolate* isolate, Handle<Value> value, int64_t index) {
  Value v = *value;
  int length = v.IsTuple()          ? Tuple::cast(v).length()
               : v.IsArray()        ? Array::cast(v).length()
               : v.IsEnumValue()    ? EnumValue::cast(v).payload_length()
               : v.IsStructObject() ? HeapObject::cast(v).shape().number_of_fields()
                                    : -1;
  if (length < 0) {
    isolate->ThrowError(std::string("Type error: Cannot destructure ") + TypeName(v));
    return {};
  }
  if (index < 0) index += length;
  if (index < 0 || index >= length) {
    isolate->ThrowError("Runtime error: Index " + std::to_string(index) +
                        " out of bounds for destructuring of length " + std::to_string(length));
    return {};
  }
  int i = static_cast<int>(index);
  if (v.IsArray()) return Array::Get(isolate, Handle<Array>::cast(value), i);
  if (v.IsTuple()) return handle(Tuple::cast(v).get(i), isolate);
  if (v.IsEnumValue()) return handle(EnumValue::cast(v).payload(i), isolate);
  return handle(StructObject::cast(v).field(i), isolate);
}

// --- Slow paths of the bytecodes ---------------------------------------------------------

bool Interpreter::LoadPathMember(Address* fp, Value object, uint32_t name_index, uint32_t slot,
                                 Value* out) {
  HandleScope scope(isolate_);
  Handle<Value> holder(object, isolate_);
  // Slots slot and slot + 1 cache an enum's unit variant; slot + 2 is the field IC
  // LoadNamed keeps for other objects.
  if (!LoadNamed(fp, holder.location(), name_index, slot + 2, out)) return false;
  object = *holder;
  if (object.IsTypeDescriptor() && TypeDescriptor::cast(object).kind() == TypeDescriptor::kEnum &&
      out->IsEnumValue()) {
    // Enum::Unit is the variant's one shared value (LoadNamed made it): the same for
    // every later execution with this type.
    EnumDescriptor descriptor = EnumDescriptor::cast(TypeDescriptor::cast(object).layout());
    int i = VariantIndex(descriptor, String::cast(NameConstant(fp, name_index)));
    Value units = descriptor.unit_values();
    if (i >= 0 && units.IsFixedArray() && FixedArray::cast(units).get(i) == *out) {
      FeedbackVector vector = FeedbackVector::cast(Value(fp[kFeedbackVectorOffset]));
      vector.set(static_cast<int>(slot), object);
      vector.set(static_cast<int>(slot) + 1, *out);
    }
  }
  return true;
}

bool Interpreter::TestVariantSlow(Address* fp, Value value, Value type, uint32_t name_index,
                                  uint32_t arity, uint32_t slot) {
  String name = String::cast(NameConstant(fp, name_index));
  bool match = PatternIsVariant(this, value, type, name, isolate_->nil_value());
  if (match && arity != 0) {
    // The payload's length: arity - 1 is 2 * count + has_rest (flag bit 2); kind 2.
    match = TestSequenceSlow(value, (arity - 1) >> 1, (((arity - 1) & 1) << 2) | 2);
  }
  if (value.IsEnumValue() && name.length() > 0) {
    // Feedback for the handler: which variant of this value's enum the pattern means.
    EnumDescriptor descriptor = EnumValue::cast(value).descriptor();
    FeedbackVector vector = FeedbackVector::cast(Value(fp[kFeedbackVectorOffset]));
    if (type.IsNil()) {
      int i = UntypedVariantIndex(isolate_, descriptor, name);
      vector.set(static_cast<int>(slot), descriptor);
      vector.set(static_cast<int>(slot) + 1, Smi::FromInt(int64_t{i} * 2), WriteBarrierMode::kSkip);
    } else if (type.IsTypeDescriptor() &&
               TypeDescriptor::cast(type).kind() == TypeDescriptor::kEnum) {
      int i = VariantIndex(EnumDescriptor::cast(TypeDescriptor::cast(type).layout()), name);
      vector.set(static_cast<int>(slot), type);
      vector.set(static_cast<int>(slot) + 1, Smi::FromInt(int64_t{i} * 2 + 1),
                 WriteBarrierMode::kSkip);
    }
  }
  return match;
}

bool Interpreter::TestSequenceSlow(Value value, uint32_t count, uint32_t flags) {
  int length = PatternSequenceLength(value, static_cast<int>(flags & 3));
  bool has_rest = (flags & 4) != 0;
  return length >= 0 &&
         (has_rest ? length >= static_cast<int64_t>(count) : length == static_cast<int64_t>(count));
}

bool Interpreter::TestPatternEqualSlow(Value value, Value pattern) {
  return PatternEquals(value, pattern);
}

bool Interpreter::GetPatternElementSlow(Address* value_slot, int64_t index, Value* out) {
  HandleScope scope(isolate_);
  Handle<Value> element;
  if (!PatternElement(isolate_, Handle<Value>(value_slot), index).ToHandle(&element)) {
    return false;
  }
  *out = *element;
  return true;
}

}  // namespace ruchy::internal::interpreter
