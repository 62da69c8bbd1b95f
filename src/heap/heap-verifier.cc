// --verify-heap: walks every space object by object and checks shapes, sizes, that every
// pointer lands on an object start, that old-to-new pointers are in the remembered set,
// that read-only objects point only into read-only space, and per-kind invariants.
#include <unordered_set>

#include "src/execution/isolate.h"
#include "src/heap/heap.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

class HeapVerifier {
 public:
  explicit HeapVerifier(Heap* heap) : heap_(heap), isolate_(heap->isolate()) {}

  void Run() {
    CollectObjects();
    for (HeapObject object : objects_) VerifyObject(object);
    // Roots point at valid objects.
    struct RootChecker : RootVisitor {
      HeapVerifier* verifier;
      void VisitRootPointers(const char* description, ObjectSlot start, ObjectSlot end) override {
        for (ObjectSlot slot = start; slot < end; ++slot) {
          Value value = slot.load();
          if (value.IsHeapObject()) verifier->CheckPointerTarget(value, description);
        }
      }
    } checker;
    checker.verifier = this;
    heap_->IterateRoots(&checker);
    isolate_->string_table()->ForEach([this](HeapObject s) {
      CheckPointerTarget(s, "string table");
      CHECK(s.IsString() && String::cast(s).IsInternalized());
      CHECK(!Heap::InYoungGeneration(s));
    });
  }

  void CheckPointerTarget(Value value, const char* where) {
    Address address = HeapObject::unchecked_cast(value).address();
    if (starts_.count(address) != 0) return;
    if (heap_->external_space() != nullptr && heap_->external_space()->Contains(address)) return;
    FATAL(std::string("heap verification: pointer to a non-object from ") + where);
  }

 private:
  void Add(HeapObject object) {
    objects_.push_back(object);
    starts_.insert(object.address());
  }

  template <typename F>
  void WalkRange(Address start, Address end, F f) {
    Address cursor = start;
    while (cursor < end) {
      HeapObject object = HeapObject::FromAddress(cursor);
      CheckShape(object);
      int size = object.Size();
      CHECK_GT(size, 0);
      CHECK_EQ(size % kObjectAlignment, 0);
      f(object);
      cursor += size;
    }
    CHECK_EQ(cursor, end);
  }

  void CheckShape(HeapObject object) {
    Value shape = object.ReadTagged(HeapObject::kShapeOffset);
    CHECK(shape.IsHeapObject());
    Page* page = Page::FromAddress(shape.ptr());
    CHECK(page->IsFlagSet(Page::kReadOnly) || page->IsFlagSet(Page::kOldSpace));
    CHECK(HeapObject::unchecked_cast(shape).shape() == isolate_->meta_shape());
  }

  void CollectObjects() {
    heap_->old_space()->RetireLab();
    heap_->new_space()->SyncHighWater();
    for (Page* page : heap_->read_only_space()->pages()) {
      WalkRange(page->area_start(), page->high_water(), [this](HeapObject o) { Add(o); });
    }
    NewSpace* new_space = heap_->new_space();
    const std::vector<Page*>& to_pages = new_space->to_space_pages();
    for (int i = 0; i <= new_space->current_page_index(); ++i) {
      WalkRange(to_pages[i]->area_start(), to_pages[i]->high_water(),
                [this](HeapObject o) { Add(o); });
    }
    for (Page* page : heap_->old_space()->pages()) {
      CHECK(!page->IsFlagSet(Page::kEvacuationCandidate));
      WalkRange(page->area_start(), page->area_end(), [this](HeapObject o) { Add(o); });
    }
    for (LargeObjectSpace* space : {heap_->lo_space(), heap_->new_lo_space()}) {
      bool young = space == heap_->new_lo_space();
      for (Page* page : space->pages()) {
        CHECK(page->IsFlagSet(Page::kLargeObject));
        CHECK_EQ(page->InYoung(), young);
        CHECK_EQ(page->IsFlagSet(Page::kInToSpace), young);
        CHECK(!page->IsFlagSet(Page::kInFromSpace));
        if (young) CHECK(!page->HasOldToNewSlots());
        HeapObject object = LargeObjectSpace::ObjectOf(page);
        CheckShape(object);
        CHECK_EQ(page->area_start() + object.Size(), page->high_water());
        Add(object);
      }
    }
  }

  void VerifyObject(HeapObject object) {
    Page* host_page = Page::FromHeapObject(object);
    bool host_read_only = host_page->IsFlagSet(Page::kReadOnly);
    bool host_young = host_page->InYoung();
    Shape shape = object.shape();
    int size = object.SizeFromShape(shape);
    auto check_slot = [&](int offset) {
      ObjectSlot slot = object.RawField(offset);
      Value value = slot.load();
      if (!value.IsHeapObject()) return;
      CheckPointerTarget(value, InstanceTypeName(shape.instance_type()));
      Page* target_page = Page::FromAddress(value.ptr());
      if (host_read_only) CHECK(target_page->IsFlagSet(Page::kReadOnly));
      CHECK(!target_page->IsFlagSet(Page::kInFromSpace));
      if (target_page->InYoung() && !host_young) {
        if (!host_page->ContainsOldToNewSlot(slot.address())) {
          FATAL(std::string("heap verification: old-to-new pointer missing from the "
                            "remembered set in a ") +
                InstanceTypeName(shape.instance_type()));
        }
      }
    };
    check_slot(HeapObject::kShapeOffset);
    int start = TaggedBodyStart(shape.instance_type());
    if (start >= 0) {
      for (int offset = start; offset < size; offset += kTaggedSize) check_slot(offset);
    }
    VerifyKind(object, shape);
  }

  void VerifyKind(HeapObject object, Shape shape) {
    switch (shape.instance_type()) {
      case InstanceType::kShape: {
        Shape s = Shape::cast(object);
        CHECK(s.descriptors().IsFixedArray());
        CHECK_LE(s.number_of_fields(), s.descriptors().length());
        CHECK(!Heap::InYoungGeneration(s));
        break;
      }
      case InstanceType::kOddball:
        CHECK(Oddball::cast(object).to_string().IsString());
        break;
      case InstanceType::kHeapInt:
        CHECK(!Smi::IsValid(HeapInt::cast(object).value()));
        break;
      case InstanceType::kSeqString: {
        SeqString s = SeqString::cast(object);
        CHECK_EQ(s.char_count(), Utf8CharCount(s.chars(), s.length()));
        if (s.HasHash()) CHECK_EQ(s.raw_hash(), StringHasher::Hash(s.view()));
        break;
      }
      case InstanceType::kConsString: {
        ConsString s = ConsString::cast(object);
        CHECK_EQ(s.length(), s.first().length() + s.second().length());
        CHECK_EQ(s.char_count(), s.first().char_count() + s.second().char_count());
        break;
      }
      case InstanceType::kFixedArray:
      case InstanceType::kFixedDoubleArray:
      case InstanceType::kByteArray:
        CHECK_GE(FixedArrayBase::cast(object).length(), 0);
        break;
      case InstanceType::kOrderedHashTable: {
        OrderedHashTable table = OrderedHashTable::cast(object);
        int live = 0;
        for (int entry = 0; entry < table.used_entries(); ++entry) {
          if (!table.IsLiveEntry(entry)) continue;
          ++live;
          CHECK_EQ(table.HashAt(entry), HashMap::HashKey(table.KeyAt(entry)));
          CHECK_EQ(table.FindEntry(table.KeyAt(entry), table.HashAt(entry)), entry);
        }
        CHECK_EQ(live, table.number_of_elements());
        CHECK_LE(table.used_entries(), table.capacity());
        break;
      }
      case InstanceType::kArray: {
        Array array = Array::cast(object);
        CHECK_LE(array.length(), array.capacity());
        ElementsKind kind = array.kind();
        CHECK(shape == isolate_->smi_array_shape() || shape == isolate_->double_array_shape() ||
              shape == isolate_->generic_array_shape());
        if (kind == ElementsKind::kDouble) {
          CHECK(array.elements().IsFixedDoubleArray() || array.capacity() == 0);
        } else {
          CHECK(array.elements().IsFixedArray());
        }
        if (kind == ElementsKind::kSmi) {
          for (int i = 0; i < array.length(); ++i) CHECK(array.GetTagged(i).IsSmi());
        }
        break;
      }
      case InstanceType::kTuple:
      case InstanceType::kHashMap:
      case InstanceType::kStructObject:
      case InstanceType::kEnumValue:
        CHECK(object.ReadTagged(CowContainer::kFlagsOffset).IsSmi());
        break;
      case InstanceType::kPlainObject: {
        PlainObject o = PlainObject::cast(object);
        int out_of_object = shape.number_of_fields() - shape.inobject_fields();
        if (out_of_object > 0) CHECK_GE(o.properties().length(), out_of_object);
        break;
      }
      case InstanceType::kEnumDescriptor: {
        EnumDescriptor d = EnumDescriptor::cast(object);
        CHECK_EQ(d.variant_names().length(), d.variant_fields().length());
        break;
      }
      case InstanceType::kCode:
        FATAL("heap verification: Code object inside the managed heap");
      case InstanceType::kHeapNumber:
      case InstanceType::kSharedFunctionInfo:
      case InstanceType::kClosure:
      case InstanceType::kContext:
      case InstanceType::kFeedbackCell:
      case InstanceType::kFeedbackVector:
      case InstanceType::kFreeSpace:
      case InstanceType::kFiller:
      case InstanceType::kRange:
      case InstanceType::kTypeDescriptor:
      case InstanceType::kBytecodeArray:
        break;
    }
  }

  Heap* heap_;
  Isolate* isolate_;
  std::vector<HeapObject> objects_;
  std::unordered_set<Address> starts_;
};

}  // namespace

void Heap::Verify() {
  CHECK(!gc_in_progress_);
  HeapVerifier(this).Run();
}

}  // namespace ruchy::internal
