#include "src/objects/builtin-enums.h"

#include <initializer_list>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

MaybeHandle<EnumDescriptor> MakeEnum(Isolate* isolate, const char* name,
                                     std::initializer_list<const char*> variants) {
  Factory* f = isolate->factory();
  Handle<String> name_string;
  Handle<FixedArray> names, fields;
  int n = static_cast<int>(variants.size());
  if (!f->InternalizeUtf8String(name).ToHandle(&name_string) ||
      !f->NewFixedArray(n, AllocationType::kOld).ToHandle(&names) ||
      !f->NewFixedArray(n, AllocationType::kOld).ToHandle(&fields)) {
    return {};
  }
  int i = 0;
  for (const char* variant : variants) {
    Handle<String> s;
    if (!f->InternalizeUtf8String(variant).ToHandle(&s)) return {};
    names->set(i, *s);
    fields->set(i, isolate->nil_value());
    ++i;
  }
  return f->NewEnumDescriptor(name_string, names, fields);
}

MaybeHandle<EnumValue> NewVariant(Isolate* isolate, EnumDescriptor descriptor, int variant,
                                  Handle<Value> payload) {
  Handle<EnumDescriptor> d(descriptor, isolate);
  Handle<EnumValue> value;
  int n = payload.is_null() ? 0 : 1;
  if (!isolate->factory()->NewEnumValue(d, variant, n).ToHandle(&value)) return {};
  if (n == 1) value->set_payload(0, *payload);
  return value;
}

bool IsVariantOf(Value value, EnumDescriptor descriptor, int variant) {
  if (!value.IsEnumValue()) return false;
  EnumValue e = EnumValue::unchecked_cast(value);
  return e.descriptor() == descriptor && (variant < 0 || e.variant() == variant);
}

}  // namespace

bool SetUpBuiltinEnums(Isolate* isolate) {
  HandleScope scope(isolate);
  Handle<EnumDescriptor> option, result, ordering;
  if (!MakeEnum(isolate, "Option", {"None", "Some"}).ToHandle(&option) ||
      !MakeEnum(isolate, "Result", {"Ok", "Err"}).ToHandle(&result) ||
      !MakeEnum(isolate, "Ordering", {"Less", "Equal", "Greater"}).ToHandle(&ordering)) {
    return false;
  }
  RootsTable& roots = isolate->roots_table();
  roots[RootIndex::kOptionEnum] = option->ptr();
  roots[RootIndex::kResultEnum] = result->ptr();
  roots[RootIndex::kOrderingEnum] = ordering->ptr();
  Handle<EnumValue> none;  // old space: it lives as long as the isolate
  if (!isolate->factory()
           ->NewEnumValue(option, kOptionNone, 0, AllocationType::kOld)
           .ToHandle(&none)) {
    return false;
  }
  none->set_shared();
  roots[RootIndex::kNoneValue] = none->ptr();
  return true;
}

MaybeHandle<EnumValue> NewSome(Isolate* isolate, Handle<Value> value) {
  return NewVariant(isolate, isolate->option_enum(), kOptionSome, value);
}
MaybeHandle<EnumValue> NewNone(Isolate* isolate) { return handle(isolate->none_value(), isolate); }
MaybeHandle<EnumValue> NewOk(Isolate* isolate, Handle<Value> value) {
  return NewVariant(isolate, isolate->result_enum(), kResultOk, value);
}
MaybeHandle<EnumValue> NewErr(Isolate* isolate, Handle<Value> value) {
  return NewVariant(isolate, isolate->result_enum(), kResultErr, value);
}
MaybeHandle<EnumValue> NewOrdering(Isolate* isolate, int cmp) {
  int variant = cmp < 0 ? kOrderingLess : cmp == 0 ? kOrderingEqual : kOrderingGreater;
  return NewVariant(isolate, isolate->ordering_enum(), variant, Handle<Value>());
}

bool IsOption(Isolate* isolate, Value v) { return IsVariantOf(v, isolate->option_enum(), -1); }
bool IsResult(Isolate* isolate, Value v) { return IsVariantOf(v, isolate->result_enum(), -1); }
bool IsSome(Isolate* isolate, Value v) {
  return IsVariantOf(v, isolate->option_enum(), kOptionSome);
}
bool IsNone(Isolate* isolate, Value v) {
  return IsVariantOf(v, isolate->option_enum(), kOptionNone);
}
bool IsOk(Isolate* isolate, Value v) { return IsVariantOf(v, isolate->result_enum(), kResultOk); }
bool IsErr(Isolate* isolate, Value v) { return IsVariantOf(v, isolate->result_enum(), kResultErr); }

}  // namespace ruchy::internal
