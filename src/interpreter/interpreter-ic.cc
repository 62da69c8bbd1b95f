// Inline caches for named field loads and stores, keyed by shape (ARCHITECTURE §4).
//
// A named-property site's feedback slot holds:
//   nil                     uninitialized
//   FixedArray [shape, handler]*   monomorphic (one pair) or polymorphic (up to 4); the
//                           handler is Smi (field index << 1) | 1 for a class instance
//                           (PlainObject), << 1 alone for a struct (FieldIcHandler)
//   Smi kMegamorphic        megamorphic: lookups go through the global stub cache
// Struct instances (fixed layout from the declaration) and class instances (layout by
// transitions) both cache the field's index in their shape. Everything else — maps,
// enum values, types, modules, errors — takes the generic path, which defines behaviour.
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

namespace {

constexpr int kMaxPolymorphism = 4;

const char* StateName(Value feedback) {
  if (feedback.IsNil()) return "uninitialized";
  if (feedback.IsSmi()) return "megamorphic";
  int entries = FixedArray::cast(feedback).length() / 2;
  return entries == 1 ? "monomorphic" : "polymorphic";
}

// The field index of `name` in an object of this shape, or -1 when the object kind is not
// cacheable or has no such field.
int CacheableFieldIndex(HeapObject object, String name) {
  if (!object.IsStructObject() && !object.IsPlainObject()) return -1;
  return object.shape().LookupField(name);
}

}  // namespace

uint32_t Interpreter::StubCacheHash(Address shape, Address name) {
  return static_cast<uint32_t>(((shape >> 3) ^ (name >> 3) * 31) & (kStubCacheSize - 1));
}

int Interpreter::LookupFieldIc(Address* fp, uint32_t slot, uint32_t name_index, HeapObject object) {
  Value cell_value(fp[kFeedbackVectorOffset]);
  if (!cell_value.IsFeedbackVector()) return -1;
  Value feedback = FeedbackVector::cast(cell_value).get(static_cast<int>(slot));
  Address shape = object.shape().ptr();
  if (feedback.IsFixedArray()) {
    FixedArray entries = FixedArray::cast(feedback);
    for (int i = 0; i + 1 < entries.length(); i += 2) {
      if (entries.get(i).ptr() == shape) {
        return static_cast<int>(Smi::ToInt(entries.get(i + 1)) >> kFieldIcIndexShift);
      }
    }
    return -1;
  }
  if (feedback.IsSmi()) {
    // Megamorphic: the stub cache is keyed by (shape, name).
    Value pool =
        BytecodeArray::cast(Closure::cast(Value(fp[kClosureOffset])).shared().function_data())
            .constant_pool();
    Address name = FixedArray::cast(pool).get(static_cast<int>(name_index)).ptr();
    const StubCacheEntry& e = stub_cache_[StubCacheHash(shape, name)];
    if (e.shape == shape && e.name == name) return e.index;
  }
  return -1;
}

void Interpreter::UpdateFieldIc(Address* fp, uint32_t slot, HeapObject object, String name,
                                int index, const char* kind) {
  Value cell_value(fp[kFeedbackVectorOffset]);
  if (!cell_value.IsFeedbackVector() || index < 0) return;
  FeedbackVector vector = FeedbackVector::cast(cell_value);
  if (static_cast<int>(slot) >= vector.length()) return;
  Value feedback = vector.get(static_cast<int>(slot));
  Address shape = object.shape().ptr();
  if (feedback.IsSmi()) {
    StubCacheEntry& e = stub_cache_[StubCacheHash(shape, name.ptr())];
    e.shape = shape;
    e.name = name.ptr();
    e.index = index;
    return;
  }
  int old_entries = feedback.IsFixedArray() ? FixedArray::cast(feedback).length() / 2 : 0;
  HandleScope scope(isolate_);
  Handle<FeedbackVector> vector_handle(vector, isolate_);
  Handle<HeapObject> object_handle(object, isolate_);
  Handle<String> name_handle(name, isolate_);
  Value new_feedback;
  if (old_entries >= kMaxPolymorphism) {
    new_feedback = Smi::FromInt(kMegamorphic);
    StubCacheEntry& e = stub_cache_[StubCacheHash(shape, name.ptr())];
    e.shape = shape;
    e.name = name.ptr();
    e.index = index;
  } else {
    Handle<FixedArray> entries;
    if (!isolate_->factory()
             ->NewFixedArray(2 * (old_entries + 1), AllocationType::kOld)
             .ToHandle(&entries)) {
      isolate_->clear_pending_exception();  // feedback is optional: keep running
      return;
    }
    Value current = vector_handle->get(static_cast<int>(slot));
    for (int i = 0; i < 2 * old_entries; ++i) entries->set(i, FixedArray::cast(current).get(i));
    entries->set(2 * old_entries, object_handle->shape());
    entries->set(2 * old_entries + 1,
                 Smi::FromInt(FieldIcHandler(index, object_handle->IsPlainObject())));
    new_feedback = *entries;
  }
  Value before = vector_handle->get(static_cast<int>(slot));
  if (options_.trace_ic) TraceIc(fp, kind, *name_handle, before, new_feedback);
  vector_handle->set(static_cast<int>(slot), new_feedback);
}

void Interpreter::TraceIc(Address* fp, const char* kind, String name, Value from, Value to) {
  Value data_value = Closure::cast(Value(fp[kClosureOffset])).shared().function_data();
  std::string where = "?";
  if (data_value.IsBytecodeArray()) {
    const BytecodeData* data = BytecodeArray::cast(data_value).data();
    int line = 0, column = 0;
    int source = data->SourceOffsetFor(current_offset_);
    if (source >= 0) data->script->LineColumn(source, &line, &column);
    where = data->script->file_name + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  std::fprintf(stdout, "[IC %s %s '%s': %s -> %s]\n", kind, where.c_str(),
               name.ToStdString().c_str(), StateName(from), StateName(to));
}

bool Interpreter::TryLoadFieldFast(Address* fp, uint32_t slot, uint32_t name_index, Value object,
                                   Value* out) {
  if (!object.IsHeapObject()) return false;
  HeapObject o = HeapObject::cast(object);
  int index = LookupFieldIc(fp, slot, name_index, o);
  if (index < 0) return false;
  *out =
      o.IsStructObject() ? StructObject::cast(o).field(index) : PlainObject::cast(o).FieldAt(index);
  return true;
}

bool Interpreter::TryStoreFieldFast(Address* fp, uint32_t slot, uint32_t name_index, Value object,
                                    Value value) {
  if (!object.IsHeapObject()) return false;
  HeapObject o = HeapObject::cast(object);
  if (o.IsStructObject() && StructObject::cast(o).is_shared()) return false;  // COW first
  int index = LookupFieldIc(fp, slot, name_index, o);
  if (index < 0) return false;
  if (o.IsStructObject()) {
    StructObject::cast(o).set_field(index, value);
  } else {
    PlainObject::cast(o).SetFieldAt(index, value);
  }
  return true;
}

void Interpreter::RecordFieldFeedback(Address* fp, uint32_t slot, Value object, String name,
                                      const char* kind) {
  if (!object.IsHeapObject()) return;
  HeapObject o = HeapObject::cast(object);
  int index = CacheableFieldIndex(o, name);
  if (index < 0) return;
  UpdateFieldIc(fp, slot, o, name, index, kind);
}

void Interpreter::RecordCallFeedback(Address* fp, uint32_t slot, Value target) {
  Value cell_value(fp[kFeedbackVectorOffset]);
  if (!cell_value.IsFeedbackVector()) return;
  FeedbackVector vector = FeedbackVector::cast(cell_value);
  if (static_cast<int>(slot) + 1 >= vector.length()) return;
  // Slot: the target (monomorphic), or Smi kMegamorphic once a second target is seen;
  // slot + 1: the call count.
  Value current = vector.get(static_cast<int>(slot));
  if (current.IsNil()) {
    vector.set(static_cast<int>(slot), target);
  } else if (current != target && !current.IsSmi()) {
    vector.set(static_cast<int>(slot), Smi::FromInt(kMegamorphic), WriteBarrierMode::kSkip);
  }
  Value count = vector.get(static_cast<int>(slot) + 1);
  int64_t n = count.IsSmi() ? Smi::ToInt(count) : 0;
  if (n < kMaxCallCount) {
    vector.set(static_cast<int>(slot) + 1, Smi::FromInt(n + 1), WriteBarrierMode::kSkip);
  }
}

}  // namespace ruchy::internal::interpreter
