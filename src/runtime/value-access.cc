// Element and field access (value-ops.h): indexing and slicing of arrays, tuples, strings
// (by character) and maps, named fields of structs, class instances, tuples and maps, and
// the copy-on-write stores through places (LANGUAGE.md §2, src/objects/cow.h).
#include <string>

#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops-internal.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal {

using value_ops::ThrowRuntimeError;
using value_ops::ThrowTypeError;

namespace {

std::string Quote(String name) { return "'" + name.ToStdString() + "'"; }

// A user-visible index (negative counts from the end) as a position in [0, length), or -1.
int64_t NormalizeIndex(int64_t index, int64_t length) {
  if (index < 0) index += length;
  if (index < 0 || index >= length) return -1;
  return index;
}

bool IndexOutOfBounds(Isolate* isolate, Value key, const char* kind, int64_t length) {
  return ThrowRuntimeError(isolate, "Index " + ToText(key, TextForm::kDisplay) +
                                        " out of bounds for " + kind + " of length " +
                                        std::to_string(length));
}

bool CannotIndex(Isolate* isolate, Value object, Value key) {
  return ThrowRuntimeError(
      isolate, std::string("Cannot index ") + TypeName(object) + " with " + TypeName(key));
}

// The reference's texts for a missing map key (ref §13.4): `m["k"]` and `m.k`.
bool KeyNotFound(Isolate* isolate, Value key) {
  return ThrowRuntimeError(isolate,
                           "Key '" + ToText(key, TextForm::kDisplay) + "' not found in object");
}

bool MapFieldNotFound(Isolate* isolate, String name) {
  return ThrowRuntimeError(isolate, "Object has no field named " + Quote(name));
}

bool CannotAccessField(Isolate* isolate, Value object, String name) {
  return ThrowRuntimeError(isolate,
                           "Cannot access field " + Quote(name) + " on type " + TypeName(object));
}

bool FieldNotFound(Isolate* isolate, const char* what, Value type_name, String name) {
  std::string text = "Field " + Quote(name) + " not found in " + what;
  if (type_name.IsString()) text += " " + String::unchecked_cast(type_name).ToStdString();
  return ThrowRuntimeError(isolate, text);
}

// Resolves a range used as a slice of a sequence of `length` items to [*from, *to).
bool ResolveSlice(Isolate* isolate, Range range, const char* kind, int64_t length, int64_t* from,
                  int64_t* to) {
  Value f = range.from();
  Value t = range.to();
  if ((!f.IsNil() && !f.IsInteger()) || (!t.IsNil() && !t.IsInteger())) {
    return ThrowTypeError(isolate, std::string("Cannot slice ") + kind + " with a range of " +
                                       TypeName(f.IsInteger() || f.IsNil() ? t : f));
  }
  int64_t start = f.IsNil() ? 0 : IntegerValue(f);
  int64_t end = t.IsNil() ? length : IntegerValue(t);
  // Negative bounds count from the end, as negative indexes do (ref §13.1).
  if (start < 0) start += length;
  if (end < 0) end += length;
  bool valid = start >= 0 && end >= 0 && end <= length;
  if (valid && range.inclusive() && !t.IsNil()) {
    valid = end < length;
    ++end;
  }
  if (!valid || start > end) {
    return ThrowRuntimeError(isolate, "Range " + ToText(range, TextForm::kDisplay) +
                                          " out of bounds for " + kind + " of length " +
                                          std::to_string(length));
  }
  *from = start;
  *to = end;
  return true;
}

MaybeHandle<Value> SliceArray(Isolate* isolate, Handle<Array> array, int from, int to) {
  int count = to - from;
  Handle<Array> result;
  ElementsKind kind = array->kind();
  if (!isolate->factory()->NewArray(kind, count, count).ToHandle(&result)) return {};
  if (count == 0) return result;
  if (kind == ElementsKind::kDouble) {
    FixedDoubleArray source = FixedDoubleArray::cast(array->elements());
    FixedDoubleArray target = FixedDoubleArray::cast(result->elements());
    for (int i = 0; i < count; ++i) target.set(i, source.get(from + i));
    return result;
  }
  CopyTaggedSlots(result->elements(), FixedArray::OffsetOfElementAt(0), array->elements(),
                  FixedArray::OffsetOfElementAt(from), count);
  FixedArray store = FixedArray::cast(result->elements());
  for (int i = 0; i < count; ++i) MarkShared(store.get(i));
  return result;
}

// Byte offset of character `index` in flat UTF-8 text (index may equal the char count).
size_t ByteOffsetOfChar(std::string_view text, int64_t index) {
  size_t offset = 0;
  int64_t chars = 0;
  while (offset < text.size()) {
    if ((static_cast<uint8_t>(text[offset]) & 0xC0) != 0x80) {
      if (chars == index) return offset;
      ++chars;
    }
    ++offset;
  }
  return offset;
}

// The characters [from, to) of `string` as a new string.
MaybeHandle<Value> SubstringByChars(Isolate* isolate, Handle<String> string, int64_t from,
                                    int64_t to) {
  Handle<String> flat;
  if (!String::Flatten(isolate, string).ToHandle(&flat)) return {};
  std::string piece;
  {
    std::string_view text = flat->FlatContent();  // valid until the next allocation
    if (flat->IsAscii()) {
      piece.assign(text.substr(from, to - from));
    } else {
      size_t begin = ByteOffsetOfChar(text, from);
      size_t end = ByteOffsetOfChar(text, to);
      piece.assign(text.substr(begin, end - begin));
    }
  }
  return isolate->factory()->NewStringFromUtf8(piece);
}

bool SameName(String a, String b) { return a == b || String::Equals(a, b); }

// Field `name` of the struct-like variant of `value`, or -1.
int EnumFieldIndex(EnumValue value, String name) {
  Value names = value.descriptor().variant_fields().get(value.variant());
  if (!names.IsFixedArray()) return -1;
  FixedArray list = FixedArray::unchecked_cast(names);
  for (int i = 0; i < list.length() && i < value.payload_length(); ++i) {
    if (list.get(i).IsString() && SameName(String::unchecked_cast(list.get(i)), name)) return i;
  }
  return -1;
}

// Replaces *object by an unshared version of itself (copy-on-write) and returns it.
template <typename T>
MaybeHandle<T> Unshare(Isolate* isolate, Handle<Value>* object) {
  Handle<CowContainer> unshared;
  if (!EnsureUnshared(isolate, Handle<CowContainer>::cast(*object)).ToHandle(&unshared)) return {};
  *object = unshared;
  return Handle<T>::cast(unshared);
}

}  // namespace

MaybeHandle<Value> GetElement(Isolate* isolate, Handle<Value> object, Handle<Value> key) {
  Value o = *object;
  Value k = *key;
  if (o.IsArray()) {
    Handle<Array> array = Handle<Array>::cast(object);
    int length = array->length();
    if (k.IsInteger()) {
      int64_t index = NormalizeIndex(IntegerValue(k), length);
      if (index < 0) {
        IndexOutOfBounds(isolate, k, "array", length);
        return {};
      }
      return Array::Get(isolate, array, static_cast<int>(index));
    }
    if (k.IsRange()) {
      int64_t from;
      int64_t to;
      if (!ResolveSlice(isolate, Range::unchecked_cast(k), "array", length, &from, &to)) return {};
      return SliceArray(isolate, array, static_cast<int>(from), static_cast<int>(to));
    }
  } else if (o.IsTuple()) {
    Tuple tuple = Tuple::unchecked_cast(o);
    if (k.IsInteger()) {
      int64_t index = NormalizeIndex(IntegerValue(k), tuple.length());
      if (index < 0) {
        IndexOutOfBounds(isolate, k, "tuple", tuple.length());
        return {};
      }
      return handle(tuple.get(static_cast<int>(index)), isolate);
    }
  } else if (o.IsString()) {
    Handle<String> string = Handle<String>::cast(object);
    int64_t length = string->char_count();
    if (k.IsInteger()) {
      int64_t index = NormalizeIndex(IntegerValue(k), length);
      if (index < 0) {
        IndexOutOfBounds(isolate, k, "string", length);
        return {};
      }
      return SubstringByChars(isolate, string, index, index + 1);
    }
    if (k.IsRange()) {
      int64_t from;
      int64_t to;
      if (!ResolveSlice(isolate, Range::unchecked_cast(k), "string", length, &from, &to)) return {};
      return SubstringByChars(isolate, string, from, to);
    }
  } else if (o.IsHashMap()) {
    Value found = HashMap::unchecked_cast(o).Get(isolate, k);
    if (found.IsTheHole()) {
      KeyNotFound(isolate, k);
      return {};
    }
    return handle(found, isolate);
  }
  CannotIndex(isolate, o, k);
  return {};
}

bool SetElement(Isolate* isolate, Handle<Value>* object, Handle<Value> key, Handle<Value> value) {
  Value o = **object;
  Value k = *key;
  if (o.IsArray() && k.IsInteger()) {
    int length = Array::unchecked_cast(o).length();
    int64_t index = NormalizeIndex(IntegerValue(k), length);
    if (index < 0) return IndexOutOfBounds(isolate, k, "array", length);
    Handle<Array> array;
    if (!Unshare<Array>(isolate, object).ToHandle(&array)) return false;
    return Array::Set(isolate, array, static_cast<int>(index), value);
  }
  if (o.IsTuple() && k.IsInteger()) {
    int length = Tuple::unchecked_cast(o).length();
    int64_t index = NormalizeIndex(IntegerValue(k), length);
    if (index < 0) return IndexOutOfBounds(isolate, k, "tuple", length);
    Handle<Tuple> tuple;
    if (!Unshare<Tuple>(isolate, object).ToHandle(&tuple)) return false;
    tuple->set(static_cast<int>(index), *value);
    return true;
  }
  if (o.IsHashMap()) {
    if (!HashMap::IsHashableKey(k)) {
      return ThrowTypeError(isolate, std::string("Cannot use ") + TypeName(k) + " as a map key");
    }
    Handle<HashMap> map;
    if (!Unshare<HashMap>(isolate, object).ToHandle(&map)) return false;
    MarkShared(*key);  // the table keeps it: a tuple key must never change under it
    return HashMap::Insert(isolate, map, key, value);
  }
  if (o.IsString() && (k.IsInteger() || k.IsRange())) {
    return ThrowTypeError(isolate, "Cannot assign to an index of a string (strings are immutable)");
  }
  return CannotIndex(isolate, o, k);
}

MaybeHandle<Value> GetField(Isolate* isolate, Handle<Value> object, Handle<String> name) {
  Value o = *object;
  if (o.IsStructObject()) {
    StructObject structure = StructObject::unchecked_cast(o);
    int index = structure.shape().LookupField(*name);
    if (index < 0) {
      FieldNotFound(isolate, "struct", structure.shape().type_name(), *name);
      return {};
    }
    return handle(structure.field(index), isolate);
  }
  if (o.IsPlainObject()) {
    PlainObject instance = PlainObject::unchecked_cast(o);
    Value found = instance.GetField(*name);
    if (found.IsTheHole()) {
      Value type_name = instance.shape().type_name();
      FieldNotFound(isolate, type_name.IsString() ? "class" : "object", type_name, *name);
      return {};
    }
    return handle(found, isolate);
  }
  if (o.IsTuple()) {
    Tuple tuple = Tuple::unchecked_cast(o);
    int index = value_ops::ParseFieldIndex(*name);
    if (index < 0) {
      CannotAccessField(isolate, o, *name);
      return {};
    }
    if (index >= tuple.length()) {
      IndexOutOfBounds(isolate, Smi::FromInt(index), "tuple", tuple.length());
      return {};
    }
    return handle(tuple.get(index), isolate);
  }
  if (o.IsHashMap()) {
    Value found = HashMap::unchecked_cast(o).Get(isolate, *name);
    if (found.IsTheHole()) {
      MapFieldNotFound(isolate, *name);
      return {};
    }
    return handle(found, isolate);
  }
  if (o.IsEnumValue()) {
    EnumValue value = EnumValue::unchecked_cast(o);
    int index = EnumFieldIndex(value, *name);
    if (index >= 0) return handle(value.payload(index), isolate);
  }
  CannotAccessField(isolate, o, *name);
  return {};
}

bool SetField(Isolate* isolate, Handle<Value>* object, Handle<String> name, Handle<Value> value) {
  Value o = **object;
  if (o.IsStructObject()) {
    StructObject structure = StructObject::unchecked_cast(o);
    int index = structure.shape().LookupField(*name);
    if (index < 0) return FieldNotFound(isolate, "struct", structure.shape().type_name(), *name);
    Handle<StructObject> target;
    if (!Unshare<StructObject>(isolate, object).ToHandle(&target)) return false;
    target->set_field(index, *value);
    return true;
  }
  if (o.IsPlainObject()) {
    // Class instances are references: mutated in place, *object unchanged.
    return PlainObject::SetField(isolate, Handle<PlainObject>::cast(*object), name, value);
  }
  if (o.IsTuple()) {
    int length = Tuple::unchecked_cast(o).length();
    int index = value_ops::ParseFieldIndex(*name);
    if (index < 0) return CannotAccessField(isolate, o, *name);
    if (index >= length) return IndexOutOfBounds(isolate, Smi::FromInt(index), "tuple", length);
    Handle<Tuple> tuple;
    if (!Unshare<Tuple>(isolate, object).ToHandle(&tuple)) return false;
    tuple->set(index, *value);
    return true;
  }
  if (o.IsHashMap()) {
    Handle<HashMap> map;
    if (!Unshare<HashMap>(isolate, object).ToHandle(&map)) return false;
    return HashMap::Insert(isolate, map, name, value);
  }
  if (o.IsEnumValue()) {
    int index = EnumFieldIndex(EnumValue::unchecked_cast(o), *name);
    if (index >= 0) {
      Handle<EnumValue> target;
      if (!Unshare<EnumValue>(isolate, object).ToHandle(&target)) return false;
      target->set_payload(index, *value);
      return true;
    }
  }
  return CannotAccessField(isolate, o, *name);
}

namespace {

// Unshares *object if it is a shared container (an error is pending on false).
bool UnshareIfShared(Isolate* isolate, Handle<Value>* object) {
  if (!IsShared(**object)) return true;
  Handle<CowContainer> unshared;
  if (!EnsureUnshared(isolate, Handle<CowContainer>::cast(*object)).ToHandle(&unshared)) {
    return false;
  }
  *object = unshared;
  return true;
}

}  // namespace

MaybeHandle<Value> GetElementForUpdate(Isolate* isolate, Handle<Value>* object, Handle<Value> key) {
  // Read first so that a bad key raises its error without copying anything.
  Handle<Value> element;
  if (!GetElement(isolate, *object, key).ToHandle(&element)) return {};
  if (!IsShared(**object)) return element;
  if (!UnshareIfShared(isolate, object)) return {};
  return GetElement(isolate, *object, key);
}

MaybeHandle<Value> GetFieldForUpdate(Isolate* isolate, Handle<Value>* object, Handle<String> name) {
  Handle<Value> field;
  if (!GetField(isolate, *object, name).ToHandle(&field)) return {};
  if (!IsShared(**object)) return field;
  if (!UnshareIfShared(isolate, object)) return {};
  return GetField(isolate, *object, name);
}

}  // namespace ruchy::internal
