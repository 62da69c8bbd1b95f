// The runtime functions behind CallRuntime: type definitions, struct literals, f-string
// pieces, the `?` operator, pattern tests and extraction, map entries, modules.
#include "src/interpreter/runtime-functions.h"

#include <cstdio>

#include "src/builtins/builtins.h"
#include "src/execution/execution.h"
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/interpreter.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/format.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal::interpreter {

namespace {

using Result = MaybeHandle<Value>;

Handle<Value> Nil(Isolate* isolate) { return isolate->factory()->nil_value(); }
Handle<Value> Bool(Isolate* isolate, bool b) { return isolate->factory()->ToBoolean(b); }

std::string Str(Value v) { return v.IsString() ? String::cast(v).ToStdString() : std::string(); }

Result Error(Isolate* isolate, const std::string& message) {
  isolate->ThrowError(message);
  return {};
}

// --- Type definitions -------------------------------------------------------------------

Result NewType(RuntimeArguments& a, TypeDescriptor::Kind kind, Handle<TypeDescriptor>* out) {
  Isolate* isolate = a.isolate;
  Handle<String> name(String::cast(a[0]), isolate);
  Handle<HashMap> methods;
  if (!isolate->factory()->NewTypeDescriptor(kind, name).ToHandle(out) ||
      !isolate->factory()->NewHashMap(8).ToHandle(&methods)) {
    return {};
  }
  (*out)->set_methods(*methods);
  return *out;
}

Result Runtime_DefineStruct(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Isolate* isolate = a.isolate;
  int64_t tuple_arity = Smi::ToInt(a[2]);
  Handle<TypeDescriptor> type;
  if (NewType(a, tuple_arity > 0 ? TypeDescriptor::kTupleStruct : TypeDescriptor::kStruct, &type)
          .is_null()) {
    return {};
  }
  Handle<String> name(String::cast(a[0]), isolate);
  Handle<FixedArray> fields(FixedArray::cast(a[1]), isolate);
  Handle<Shape> shape;
  if (!isolate->factory()->NewStructShape(name, fields).ToHandle(&shape)) return {};
  type->set_layout(*shape);
  type->set_field_defaults(a[3]);
  if (!a.interpreter->RegisterType(type)) return {};
  return type;
}

Result Runtime_DefineEnum(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Isolate* isolate = a.isolate;
  Handle<TypeDescriptor> type;
  if (NewType(a, TypeDescriptor::kEnum, &type).is_null()) return {};
  Handle<String> name(String::cast(a[0]), isolate);
  Handle<FixedArray> names(FixedArray::cast(a[1]), isolate);
  Handle<FixedArray> shapes(FixedArray::cast(a[2]), isolate);
  // EnumDescriptor::variant_fields: nil for unit and tuple variants, field names for
  // struct variants. Tuple arity is checked at construction.
  Handle<FixedArray> fields;
  if (!isolate->factory()
           ->NewFixedArray(shapes->length(), AllocationType::kOld)
           .ToHandle(&fields)) {
    return {};
  }
  for (int i = 0; i < shapes->length(); ++i) {
    Value s = shapes->get(i);
    fields->set(i, s.IsFixedArray() ? s : isolate->nil_value());
  }
  Handle<EnumDescriptor> descriptor;
  if (!isolate->factory()->NewEnumDescriptor(name, names, fields).ToHandle(&descriptor)) return {};
  descriptor->set_discriminants(a[3]);
  descriptor->set_type(*type);
  type->set_layout(*descriptor);
  if (!a.interpreter->RegisterType(type)) return {};
  return type;
}

Result Runtime_DefineClass(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Isolate* isolate = a.isolate;
  Handle<TypeDescriptor> type;
  if (NewType(a, TypeDescriptor::kClass, &type).is_null()) return {};
  Handle<Value> name(a[0], isolate);
  Handle<Shape> shape;
  if (!isolate->factory()->NewPlainObjectShape(name, 4).ToHandle(&shape)) return {};
  type->set_layout(*shape);
  type->set_parent(a[1]);
  // Field names and defaults, parent's first (a subclass has its parent's fields).
  Handle<FixedArray> names(FixedArray::cast(a[2]), isolate);
  Handle<Tuple> defaults(Tuple::cast(a[3].IsTuple() ? a[3] : Value(isolate->nil_value())), isolate);
  Handle<Tuple> pair;
  if (!isolate->factory()->NewTuple(2).ToHandle(&pair)) return {};
  pair->set(0, *names);
  pair->set(1, a[3]);
  type->set_field_defaults(*pair);
  (void)defaults;
  if (!a.interpreter->RegisterType(type)) return {};
  return type;
}

Result Runtime_DefineTrait(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Handle<TypeDescriptor> type;
  if (NewType(a, TypeDescriptor::kTrait, &type).is_null()) return {};
  return type;
}

Result Runtime_DefineMethod(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Isolate* isolate = a.isolate;
  if (!a[0].IsTypeDescriptor()) {
    return Error(isolate, std::string("Runtime error: Cannot define methods on ") + TypeName(a[0]));
  }
  Handle<HashMap> methods(HashMap::cast(TypeDescriptor::cast(a[0]).methods()), isolate);
  if (!HashMap::Insert(isolate, methods, a.at(1), a.at(2))) return {};
  return Nil(isolate);
}

Result Runtime_ImplementTrait(RuntimeArguments& a) {
  a.interpreter->FlushMethodCache();  // method resolution may change
  Isolate* isolate = a.isolate;
  if (!a[0].IsTypeDescriptor() || !a[1].IsTypeDescriptor()) return Nil(isolate);
  Handle<HashMap> methods(HashMap::cast(TypeDescriptor::cast(a[0]).methods()), isolate);
  Handle<HashMap> defaults(HashMap::cast(TypeDescriptor::cast(a[1]).methods()), isolate);
  Handle<OrderedHashTable> table(defaults->table(), isolate);
  for (int entry = 0; entry < table->used_entries(); ++entry) {
    if (!table->IsLiveEntry(entry)) continue;
    if (methods->Has(table->KeyAt(entry))) continue;
    Handle<Value> key(table->KeyAt(entry), isolate);
    Handle<Value> value(table->ValueAt(entry), isolate);
    if (!HashMap::Insert(isolate, methods, key, value)) return {};
  }
  return Nil(isolate);
}

Result Runtime_LoadModule(RuntimeArguments& a);        // below
Result Runtime_CreateNamespace(RuntimeArguments& a);   // below
Result Runtime_LookupGlobalType(RuntimeArguments& a);  // below

// --- Values -----------------------------------------------------------------------------

// Calls a field-default thunk.
Result CallThunk(Isolate* isolate, Value thunk) {
  Handle<Value> callable(thunk, isolate);
  return Call(isolate, callable, 0, nullptr);
}

Result CreateClassInstance(RuntimeArguments& a, Handle<TypeDescriptor> type);

Result Runtime_CreateStruct(RuntimeArguments& a) {
  // type, variant name or nil, field names, base or hole, values...
  Isolate* isolate = a.isolate;
  Handle<Value> type_value = a.at(0);
  Handle<FixedArray> names(FixedArray::cast(a[2]), isolate);
  int n = names->length();
  bool variant_literal = a[1].IsString();
  if (variant_literal && type_value->IsNil()) {
    // `Name { ... }` where this compilation does not know Name: a struct or class an
    // earlier REPL input defined lives in the global cell of that name.
    Value global = a.interpreter->GetGlobal(a.interpreter->GlobalIndex(Str(a[1])));
    if (global.IsTypeDescriptor() && TypeDescriptor::cast(global).kind() != TypeDescriptor::kEnum) {
      a.slots[0] = global.ptr();
      variant_literal = false;
    }
  }
  if (variant_literal) {
    // Shape::Rect { w: 1, h: 2 }: a struct-like enum variant.
    if (!type_value->IsTypeDescriptor() ||
        TypeDescriptor::cast(*type_value).kind() != TypeDescriptor::kEnum) {
      return Error(isolate, "Runtime error: Undefined struct type: " + Str(a[1]));
    }
    Handle<EnumDescriptor> d(EnumDescriptor::cast(TypeDescriptor::cast(*type_value).layout()),
                             isolate);
    int variant = -1;
    for (int i = 0; i < d->variant_names().length(); ++i) {
      if (String::Equals(String::cast(d->variant_names().get(i)), String::cast(a[1]))) variant = i;
    }
    if (variant < 0 || !d->variant_fields().get(variant).IsFixedArray()) {
      return Error(isolate, "Runtime error: Undefined struct type: " + Str(a[1]));
    }
    Handle<FixedArray> fields(FixedArray::cast(d->variant_fields().get(variant)), isolate);
    Handle<EnumValue> value;
    if (!isolate->factory()->NewEnumValue(d, variant, fields->length()).ToHandle(&value)) {
      return {};
    }
    for (int f = 0; f < fields->length(); ++f) {
      bool found = false;
      for (int i = 0; i < n; ++i) {
        if (String::Equals(String::cast(names->get(i)), String::cast(fields->get(f)))) {
          value->set_payload(f, a[4 + i]);
          found = true;
        }
      }
      if (!found) {
        return Error(isolate, "Runtime error: Missing required field '" + Str(fields->get(f)) +
                                  "' for struct " + Str(a[1]));
      }
    }
    return value;
  }
  if (!type_value->IsTypeDescriptor()) {
    std::string name = type_value->IsNil() ? std::string("?") : TypeName(*type_value);
    return Error(isolate, "Runtime error: Undefined struct type: " + name);
  }
  Handle<TypeDescriptor> type = Handle<TypeDescriptor>::cast(type_value);
  if (type->kind() == TypeDescriptor::kClass) return CreateClassInstance(a, type);
  if (type->kind() != TypeDescriptor::kStruct && type->kind() != TypeDescriptor::kTupleStruct) {
    return Error(isolate, "Runtime error: Undefined struct type: " + Str(type->name()));
  }
  Handle<Shape> shape(Shape::cast(type->layout()), isolate);
  std::string type_name = Str(type->name());
  Handle<StructObject> object;
  if (!isolate->factory()->NewStructObject(shape).ToHandle(&object)) return {};
  int field_count = shape->number_of_fields();
  std::vector<bool> set(static_cast<size_t>(field_count), false);
  for (int i = 0; i < n; ++i) {
    int index = shape->LookupField(String::cast(names->get(i)));
    if (index < 0) {
      return Error(isolate, "Runtime error: Struct " + type_name + " does not have field '" +
                                Str(names->get(i)) + "'");
    }
    object->set_field(index, a[4 + i]);
    set[static_cast<size_t>(index)] = true;
  }
  Value base = a[3];
  for (int f = 0; f < field_count; ++f) {
    if (set[static_cast<size_t>(f)]) continue;
    if (!base.IsTheHole()) {
      if (!base.IsStructObject() || HeapObject::cast(base).shape() != *shape) {
        return Error(isolate, "Type error: Struct update base must be a " + type_name);
      }
      Value v = StructObject::cast(base).field(f);
      MarkShared(v);
      object->set_field(f, v);
      continue;
    }
    Value defaults = type->field_defaults();
    Value thunk = defaults.IsTuple() && f < Tuple::cast(defaults).length()
                      ? Tuple::cast(defaults).get(f)
                      : Value(isolate->nil_value());
    if (!thunk.IsClosure()) {
      return Error(isolate, "Runtime error: Missing required field '" +
                                shape->FieldName(f).ToStdString() + "' for struct " + type_name);
    }
    Handle<Value> v;
    if (!CallThunk(isolate, thunk).ToHandle(&v)) return {};
    object->set_field(f, *v);
  }
  return object;
}

// A class instance: fields from defaults (parents first), then named values; the caller
// runs the constructor separately (Type::new) or this is a literal `C { f: v }`.
Result NewClassObject(Isolate* isolate, Handle<TypeDescriptor> type, Handle<PlainObject>* out) {
  Handle<Shape> shape(Shape::cast(type->layout()), isolate);
  if (!isolate->factory()->NewPlainObject(shape).ToHandle(out)) return {};
  // Collect the type chain, root first.
  std::vector<Handle<TypeDescriptor>> chain;
  for (Value t = *type; t.IsTypeDescriptor() && chain.size() < 64;
       t = TypeDescriptor::cast(t).parent()) {
    chain.insert(chain.begin(), handle(TypeDescriptor::cast(t), isolate));
  }
  for (Handle<TypeDescriptor>& t : chain) {
    Value pair = t->field_defaults();
    if (!pair.IsTuple()) continue;
    Handle<FixedArray> names(FixedArray::cast(Tuple::cast(pair).get(0)), isolate);
    Handle<Value> defaults(Tuple::cast(pair).get(1), isolate);
    for (int i = 0; i < names->length(); ++i) {
      Handle<Value> value = Nil(isolate);
      Value thunk = defaults->IsTuple() && i < Tuple::cast(*defaults).length()
                        ? Tuple::cast(*defaults).get(i)
                        : Value(isolate->nil_value());
      if (thunk.IsClosure() && !CallThunk(isolate, thunk).ToHandle(&value)) return {};
      Handle<String> name(String::cast(names->get(i)), isolate);
      if (!PlainObject::SetField(isolate, *out, name, value)) return {};
    }
  }
  return *out;
}

Result CreateClassInstance(RuntimeArguments& a, Handle<TypeDescriptor> type) {
  Isolate* isolate = a.isolate;
  Handle<PlainObject> object;
  if (NewClassObject(isolate, type, &object).is_null()) return {};
  Handle<FixedArray> names(FixedArray::cast(a[2]), isolate);
  for (int i = 0; i < names->length(); ++i) {
    Handle<String> name(String::cast(names->get(i)), isolate);
    if (!PlainObject::SetField(isolate, object, name, a.at(4 + i))) return {};
  }
  return object;
}

Result Runtime_ArrayRepeat(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  if (!a[1].IsSmi() || Smi::ToInt(a[1]) < 0 || Smi::ToInt(a[1]) > Array::kMaxLength) {
    return Error(isolate, std::string("Runtime error: Invalid repeat count: ") +
                              ToText(a[1], TextForm::kDisplay));
  }
  int n = static_cast<int>(Smi::ToInt(a[1]));
  ElementsKind kind = Array::KindForValue(a[0]);
  Handle<Array> array;
  if (!isolate->factory()->NewArray(kind, 0, std::max(n, 1)).ToHandle(&array)) return {};
  MarkShared(a[0]);  // every element references the same value
  if (!Array::PushRepeated(isolate, array, a.at(0), n)) return {};
  return array;
}

Result Runtime_Cast(RuntimeArguments& a) {
  return CastValue(a.isolate, a.at(0), String::cast(a[1]).ToStdString());
}

Result Runtime_FStringPart(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Value value = a[0];
  if (a[1].IsNil()) return ToTextString(isolate, a.at(0), TextForm::kFString);
  std::string spec_text = String::cast(a[1]).ToStdString();
  std::optional<runtime::FormatSpec> parsed = runtime::ParseFormatSpec(spec_text);
  if (!parsed.has_value()) {
    return Error(isolate, "Runtime error: Invalid format spec '" + spec_text + "'");
  }
  const runtime::FormatSpec& spec = *parsed;
  std::string text;
  std::optional<std::string> number;
  if (spec.kind == runtime::FormatKind::kDebug) {
    text = ToText(value, TextForm::kDebug);
  } else if (value.IsInteger() && spec.precision < 0) {
    number = runtime::FormatInteger(IntegerValue(value), spec);
  } else if (value.IsInteger() || value.IsHeapNumber()) {
    number = runtime::FormatFloat(NumberValue(value), spec);
  } else {
    text = ToText(value, TextForm::kFString);
  }
  if (number.has_value()) text = *number;
  text = runtime::ApplyWidth(text, spec, value.IsInteger() || value.IsHeapNumber());
  Handle<String> s;
  if (!isolate->factory()->NewStringFromUtf8(text).ToHandle(&s)) return {};
  return s;
}

Result Runtime_StringConcat(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  std::string text;
  for (int i = 0; i < a.argc; ++i) {
    if (a[i].IsString()) {
      String::cast(a[i]).ForEachChunk(
          [&](const uint8_t* p, size_t n) { text.append(reinterpret_cast<const char*>(p), n); });
    } else {
      AppendText(a[i], TextForm::kFString, &text);
    }
  }
  Handle<String> s;
  if (!isolate->factory()->NewStringFromUtf8(text).ToHandle(&s)) return {};
  return s;
}

// --- Errors and control -----------------------------------------------------------------

Result Runtime_ThrowNoMatch(RuntimeArguments& a) {
  return Error(a.isolate, "Runtime error: No match arm matched the value");
}

Result Runtime_ThrowError(RuntimeArguments& a) { return Error(a.isolate, Str(a[0])); }

Result Runtime_TryOpIsFailure(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Value v = a[0];
  if (IsOk(isolate, v) || IsSome(isolate, v)) return Bool(isolate, false);
  if (IsErr(isolate, v) || IsNone(isolate, v)) return Bool(isolate, true);
  return Error(isolate, "Runtime error: Try operator expects Result enum, got: " +
                            ToText(v, TextForm::kDisplay));
}

Result Runtime_TryOpUnwrap(RuntimeArguments& a) {
  Handle<Value> payload(EnumValue::cast(a[0]).payload(0), a.isolate);
  MarkShared(*payload);
  return payload;
}

Result Runtime_MarkMainCalled(RuntimeArguments& a) {
  a.interpreter->set_main_called();
  return Nil(a.isolate);
}

Result Runtime_CallMainIfNotCalled(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  if (a.interpreter->main_called()) return Nil(isolate);
  Value main = a.interpreter->GetGlobal(a.interpreter->GlobalIndex("main"));
  if (!main.IsClosure()) return Nil(isolate);
  Handle<Value> callable(main, isolate);
  Handle<Value> ignored;
  if (!Call(isolate, callable, 0, nullptr).ToHandle(&ignored)) return {};
  return Nil(isolate);
}

// --- Patterns ---------------------------------------------------------------------------

Result Runtime_PatternInRange(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Value v = a[0];
  bool numeric = v.IsInteger() || v.IsHeapNumber();
  bool text = v.IsString();
  if (!numeric && !text) return Bool(isolate, false);
  auto compatible = [&](Value bound) {
    return bound.IsNil() || (numeric && (bound.IsInteger() || bound.IsHeapNumber())) ||
           (text && bound.IsString());
  };
  if (!compatible(a[1]) || !compatible(a[2])) return Bool(isolate, false);
  if (!a[1].IsNil()) {
    std::optional<int> c = CompareValues(isolate, v, a[1]);
    if (!c.has_value()) return {};
    if (*c < 0) return Bool(isolate, false);
  }
  if (!a[2].IsNil()) {
    std::optional<int> c = CompareValues(isolate, v, a[2]);
    if (!c.has_value()) return {};
    bool inclusive = a[3].IsTrue();
    if (inclusive ? *c > 0 : *c >= 0) return Bool(isolate, false);
  }
  return Bool(isolate, true);
}

Result Runtime_PatternRest(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Value v = a[0];
  int start = static_cast<int>(Smi::ToInt(a[1]));
  int after = static_cast<int>(Smi::ToInt(a[2]));
  if (v.IsArray()) {
    Handle<Array> source(Array::cast(v), isolate);
    int end = source->length() - after;
    Handle<Array> rest;
    if (!isolate->factory()
             ->NewArray(source->kind(), 0, std::max(end - start, 1))
             .ToHandle(&rest)) {
      return {};
    }
    for (int i = start; i < end; ++i) {
      Handle<Value> e;
      if (!Array::Get(isolate, source, i).ToHandle(&e)) return {};
      MarkShared(*e);
      if (!Array::Push(isolate, rest, e)) return {};
    }
    return rest;
  }
  if (v.IsTuple()) {
    Handle<Tuple> source(Tuple::cast(v), isolate);
    int end = source->length() - after;
    Handle<Tuple> rest;
    if (!isolate->factory()->NewTuple(std::max(end - start, 0)).ToHandle(&rest)) return {};
    for (int i = start; i < end; ++i) {
      MarkShared(source->get(i));
      rest->set(i - start, source->get(i));
    }
    return rest;
  }
  return Error(isolate, std::string("Type error: Cannot destructure ") + TypeName(v));
}

Result Runtime_PatternIsVariant(RuntimeArguments& a) {
  return Bool(a.isolate, PatternIsVariant(a.interpreter, a[0], a[1], a[2], a[3]));
}

Result Runtime_PatternField(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Value v = a[0];
  Handle<String> name;
  if (!isolate->factory()->InternalizeString(Handle<String>(&a.slots[1])).ToHandle(&name)) {
    return {};
  }
  if (v.IsEnumValue()) {
    EnumValue e = EnumValue::cast(v);
    Value fields = e.descriptor().variant_fields().get(e.variant());
    if (fields.IsFixedArray()) {
      FixedArray names = FixedArray::cast(fields);
      for (int i = 0; i < names.length(); ++i) {
        if (String::Equals(String::cast(names.get(i)), *name)) {
          Handle<Value> r(e.payload(i), isolate);
          return r;
        }
      }
    }
    return Error(isolate, "Runtime error: Variant has no field '" + name->ToStdString() + "'");
  }
  return GetField(isolate, a.at(0), name);
}

// --- Maps -------------------------------------------------------------------------------

Result Runtime_MapEntryOrInsert(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  if (!a[0].IsHashMap()) {
    return Error(isolate,
                 std::string("Runtime error: Method 'entry' not found for type ") + TypeName(a[0]));
  }
  if (!HashMap::IsHashableKey(a[1])) {
    return Error(isolate,
                 std::string("Type error: Cannot use ") + TypeName(a[1]) + " as a map key");
  }
  Value existing = HashMap::cast(a[0]).Get(isolate, a[1]);
  if (!existing.IsTheHole()) {
    Handle<Value> r(existing, isolate);
    return r;
  }
  Handle<Value> value = a.at(2);
  if (a[3].IsTrue()) {
    // or_insert_with(f): f runs only for an absent key.
    if (!Call(isolate, a.at(2), 0, nullptr).ToHandle(&value)) return {};
  }
  Handle<CowContainer> container(CowContainer::cast(a[0]), isolate);
  Handle<CowContainer> unshared;
  if (!EnsureUnshared(isolate, container).ToHandle(&unshared)) return {};
  a.slots[0] = unshared->ptr();
  Handle<HashMap> map = Handle<HashMap>::cast(unshared);
  if (!HashMap::Insert(isolate, map, a.at(1), value)) return {};
  return value;
}

Result Runtime_MapEntrySet(RuntimeArguments& a) {
  Handle<Value> container = a.at(0);
  if (!SetElement(a.isolate, &container, a.at(1), a.at(2))) return {};
  a.slots[0] = container->ptr();
  return Nil(a.isolate);
}

// The write-back of `for x in v.iter_mut()`, `for v in m.values_mut()`, `for (k, v) in
// m.iter_mut()` and their for_each forms: stores the loop variable's final value back into
// the container (args[0], replaced when copy-on-write copies it). `element` is what the
// iteration produced this pass: an array element (at next index - 1) or a map's (key,
// value) pair. A pair value (pair? true) is the map value itself; otherwise the variable
// holds the whole element (a map's pair, whose value part is stored).
Result Runtime_IterMutStore(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Handle<Value> container = a.at(0);
  bool pair_value = a[4].IsTrue();
  if (container->IsArray()) {
    if (pair_value) {
      return Error(isolate,
                   "Runtime error: iter_mut() cannot write back a destructured array element: "
                   "bind one name (for p in v.iter_mut() { p.0 += 1 })");
    }
    Handle<Value> index(Smi::FromInt(Smi::ToInt(a[1]) - 1), isolate);
    if (!SetElement(isolate, &container, index, a.at(3))) return {};
  } else if (container->IsHashMap() &&
             (HashMap::cast(*container).flags() & CowContainer::kHashSetBit) == 0 &&
             a[2].IsTuple() && Tuple::cast(a[2]).length() == 2) {
    Handle<Value> key(Tuple::cast(a[2]).get(0), isolate);
    Handle<Value> value = a.at(3);
    if (!pair_value) {
      if (!value->IsTuple() || Tuple::cast(*value).length() != 2) {
        return Error(isolate, std::string("Type error: a map's iter_mut() element must stay a "
                                          "(key, value) pair, got ") +
                                  TypeName(*value));
      }
      value = handle(Tuple::cast(*value).get(1), isolate);
    }
    if (!SetElement(isolate, &container, key, value)) return {};
  } else {
    return Error(isolate, std::string("Type error: iter_mut() and values_mut() write back only "
                                      "to an array or a HashMap, got ") +
                              TypeName(*container));
  }
  a.slots[0] = container->ptr();
  return Nil(isolate);
}

Result Runtime_EnsureSorted(RuntimeArguments& a) {
  if (a[0].IsHashMap()) HashMap::cast(a[0]).EnsureSorted();
  return a.at(0);
}

Result Runtime_TakenValueLike(RuntimeArguments& a) { return TakenValueLike(a.isolate, a[0]); }

// --- Modules ----------------------------------------------------------------------------

// `impl Name` for a Name this compilation does not declare: a type an earlier REPL input
// defined (its global cell), or nil for a built-in type such as i32.
Result Runtime_LookupGlobalType(RuntimeArguments& a) {
  Value global = a.interpreter->GetGlobal(a.interpreter->GlobalIndex(Str(a[0])));
  if (global.IsTypeDescriptor()) return handle(global, a.isolate);
  return handle(a.isolate->nil_value(), a.isolate);
}

// `mod name { ... }`: a namespace map (flagged as a module) of the body's declarations.
Result Runtime_CreateNamespace(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Handle<FixedArray> names(FixedArray::cast(a[0]), isolate);
  Handle<HashMap> map;
  if (!isolate->factory()->NewHashMap(names->length()).ToHandle(&map)) return {};
  map->set_flags(map->flags() | kModuleFlag);
  for (int i = 0; i < names->length(); ++i) {
    Handle<Value> name(names->get(i), isolate);
    if (a[1 + i].IsTheHole()) continue;
    if (!HashMap::Insert(isolate, map, name, a.at(1 + i))) return {};
  }
  return Handle<Value>(map);
}

Result Runtime_LoadModule(RuntimeArguments& a) {
  Isolate* isolate = a.isolate;
  Interpreter* interpreter = a.interpreter;
  std::string name = Str(a[0]);
  // Relative to the importing file's folder: the innermost script on the stack.
  std::string folder = interpreter->CurrentScriptFolder();
  std::string path = folder + name + ".ruchy";
  auto it = interpreter->module_cells().find(path);
  if (it != interpreter->module_cells().end()) {
    Handle<Value> module(interpreter->GetGlobal(it->second), isolate);
    return module;
  }
  // stdio rather than <fstream>, whose locale setup every run of the binary would pay for.
  std::string source;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  bool read = file != nullptr;
  if (read) {
    char chunk[16384];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof(chunk), file)) > 0) source.append(chunk, n);
    read = std::ferror(file) == 0;
    std::fclose(file);
  }
  if (!read)
    return Error(isolate, "Runtime error: Cannot load module '" + name + "' (" + path + ")");
  Handle<Value> module;
  if (!interpreter->LoadModule(path, source).ToHandle(&module)) return {};
  int cell = interpreter->GlobalIndex("<module " + path + ">");
  interpreter->SetGlobal(cell, *module);
  interpreter->module_cells().emplace(path, cell);
  return module;
}

}  // namespace

MaybeHandle<Value> NewClassInstance(Isolate* isolate, Handle<TypeDescriptor> type) {
  Handle<PlainObject> object;
  return NewClassObject(isolate, type, &object);
}

namespace {

const struct {
  const char* name;
  int argc;
  RuntimeFunction function;
} kRuntimeFunctions[] = {
#define RUCHY_RUNTIME_ENTRY(Name, argc) {#Name, argc, &Runtime_##Name},
    RUCHY_RUNTIME_FUNCTION_LIST(RUCHY_RUNTIME_ENTRY)
#undef RUCHY_RUNTIME_ENTRY
};

}  // namespace

const char* RuntimeFunctionName(RuntimeFunctionId id) {
  return kRuntimeFunctions[static_cast<int>(id)].name;
}
int RuntimeFunctionArgumentCount(RuntimeFunctionId id) {
  return kRuntimeFunctions[static_cast<int>(id)].argc;
}
RuntimeFunction GetRuntimeFunction(RuntimeFunctionId id) {
  return kRuntimeFunctions[static_cast<int>(id)].function;
}

}  // namespace ruchy::internal::interpreter
