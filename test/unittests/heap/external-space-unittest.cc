// Tests the seam for the code space: a fake ExternalSpace owning one "Code" object on its
// own page. The heap must treat the object's slots as roots in a scavenge, mark through it
// in a full GC, and rewrite its slots when the objects they point to move.
#include "src/heap/visitors.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

// One Code object: [shape][slot 0][slot 1], on a kPageSize-aligned page with a Page header
// flagged kExternal, as src/codegen's code space will lay out its pages.
class FakeCodeSpace : public ExternalSpace {
 public:
  explicit FakeCodeSpace(Heap* heap) : heap_(heap) {
    base_ = heap->chunk_allocator()->Allocate(kPageSize);
    CHECK(base_ != kNullAddress);
    page_ = Page::Initialize(base_, kPageSize, heap, SpaceKind::kExternal, Page::kExternal);
    code_ = HeapObject::FromAddress(page_->area_start());
    code_.set_shape(heap->isolate()->code_shape());
    code_.WriteTaggedNoBarrier(8, Smi::zero());
    code_.WriteTaggedNoBarrier(16, Smi::zero());
  }
  ~FakeCodeSpace() override { heap_->chunk_allocator()->Free(base_, kPageSize); }

  HeapObject code() const { return code_; }
  ObjectSlot slot(int i) const { return code_.RawField(8 + 8 * i); }
  bool marked() const { return marked_; }
  int sweeps() const { return sweeps_; }

  bool Contains(Address address) const override { return Page::FromAddress(address) == page_; }
  void IterateSlots(ObjectVisitor* visitor) override {
    if (alive_) visitor->VisitPointers(code_, slot(0), slot(2));
  }
  void MarkAndVisit(HeapObject object, ObjectVisitor* visitor) override {
    CHECK_EQ(object, code_);
    if (marked_) return;
    marked_ = true;
    visitor->VisitPointers(code_, slot(0), slot(2));
  }
  void Sweep() override {
    ++sweeps_;
    last_marked_ = marked_;
    alive_ = marked_;  // an unmarked code object is freed
    marked_ = false;
  }
  size_t SizeOfObjects() const override { return 24; }
  bool last_marked() const { return last_marked_; }
  bool alive() const { return alive_; }

 private:
  Heap* heap_;
  Address base_;
  Page* page_;
  HeapObject code_;
  bool marked_ = false;
  bool alive_ = true;
  bool last_marked_ = false;
  int sweeps_ = 0;
};

TEST_F(HeapTest, ExternalSpaceSlotsAreRootsAndAreUpdated) {
  FakeCodeSpace code_space(heap());
  heap()->SetExternalSpace(&code_space);
  {
    HandleScope scope(isolate());
    Handle<HeapNumber> number = Check(factory()->NewHeapNumber(6.5));
    // A store into code needs no remembered set: the heap visits every code slot.
    code_space.code().WriteTagged(8, *number);
    Handle<String> name = Name("embedded-name");
    code_space.code().WriteTagged(16, *name);
  }
  Scavenge();
  EXPECT_EQ(HeapNumber::cast(code_space.slot(0).load()).value(), 6.5);
  Scavenge();  // promoted
  EXPECT_FALSE(Heap::InYoungGeneration(code_space.slot(0).load()));
  heap()->Verify();

  // Reachable from the heap: a full GC marks the code object through the hook, and the
  // slots of live code are rewritten when their targets move.
  {
    HandleScope scope(isolate());
    Handle<FixedArray> holder = Check(factory()->NewFixedArray(1));
    holder->set(0, code_space.code());
    Address number_before = code_space.slot(0).load().ptr();
    for (int i = 0; i < 3; ++i) {
      CompactingGc();
      if (i == 0) {
        EXPECT_NE(code_space.slot(0).load().ptr(), number_before);  // it moved
      }
      EXPECT_TRUE(code_space.last_marked());
      EXPECT_EQ(holder->get(0), code_space.code());  // never moved
      EXPECT_EQ(HeapNumber::cast(code_space.slot(0).load()).value(), 6.5);
      EXPECT_EQ(String::cast(code_space.slot(1).load()).ToStdString(), "embedded-name");
      heap()->Verify();
    }
  }
  CompactingGc();
  EXPECT_FALSE(code_space.last_marked());  // unreachable now: the space frees it
  EXPECT_FALSE(code_space.alive());
  EXPECT_EQ(code_space.sweeps(), 4);
  heap()->SetExternalSpace(nullptr);
}

}  // namespace
}  // namespace ruchy::internal
