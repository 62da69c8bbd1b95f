// Tests for young large objects (freed by a scavenge, kept in place after one survival,
// promoted in place after two, promoted by a full GC, bounded by a budget) and for the
// chunk allocator's cache of large chunks.
#include "src/heap/heap.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

constexpr int kLargeLength = 40000;  // 320 KB: over kMaxRegularObjectSize, within the budget

class LargeObjectTest : public HeapTest {
 protected:
  Handle<FixedArray> NewLarge() {
    Handle<FixedArray> array = Check(factory()->NewFixedArray(kLargeLength));
    for (int i = 0; i < kLargeLength; ++i) array->set(i, Smi::FromInt(i));
    return array;
  }
  bool InOldLargeSpace(Handle<FixedArray> a) {
    return heap()->lo_space()->Contains((*a).ptr() - kHeapObjectTag);
  }
  bool InYoungLargeSpace(Handle<FixedArray> a) {
    return heap()->new_lo_space()->Contains((*a).ptr() - kHeapObjectTag);
  }
};

TEST_F(LargeObjectTest, YoungLargeObjectsAreFreedByAScavenge) {
  HandleScope scope(isolate());
  {
    HandleScope inner(isolate());
    Handle<FixedArray> big = NewLarge();
    EXPECT_TRUE(IsYoung(big));
    EXPECT_TRUE(InYoungLargeSpace(big));
    EXPECT_GT(heap()->new_lo_space()->CommittedMemory(), 0u);
  }
  size_t old_before = heap()->lo_space()->CommittedMemory();
  Scavenge();
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_EQ(heap()->lo_space()->CommittedMemory(), old_before);
  heap()->Verify();
}

TEST_F(LargeObjectTest, SurvivorsStayInPlaceThenArePromotedInPlace) {
  HandleScope scope(isolate());
  Handle<FixedArray> big = NewLarge();
  Handle<HeapNumber> number = Check(factory()->NewHeapNumber(2.5));
  big->set(7, *number);  // young -> young: no barrier needed
  Address address = (*big).ptr();
  Address number_before = (*number).ptr();
  Scavenge();
  EXPECT_EQ((*big).ptr(), address);  // never copied
  EXPECT_TRUE(IsYoung(big));
  EXPECT_NE(big->get(7).ptr(), number_before);  // its young field was updated
  EXPECT_EQ(HeapNumber::cast(big->get(7)).value(), 2.5);
  heap()->Verify();
  // A new young value stored now must survive the promotion below through the
  // remembered set the promotion fills in.
  big->set(8, *Check(factory()->NewHeapNumber(4.5)));
  Scavenge();
  EXPECT_EQ((*big).ptr(), address);
  EXPECT_FALSE(IsYoung(big));
  EXPECT_TRUE(InOldLargeSpace(big));
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_EQ(HeapNumber::cast(big->get(8)).value(), 4.5);
  heap()->Verify();
  Scavenge();  // big is old now: its slot to the still-young number is remembered
  EXPECT_EQ(HeapNumber::cast(big->get(8)).value(), 4.5);
  EXPECT_EQ(Smi::ToInt(big->get(kLargeLength - 1)), kLargeLength - 1);
  heap()->Verify();
}

TEST_F(LargeObjectTest, OldObjectsKeepYoungLargeObjectsAlive) {
  HandleScope scope(isolate());
  Handle<FixedArray> holder = Check(factory()->NewFixedArray(1, AllocationType::kOld));
  {
    HandleScope inner(isolate());
    holder->set(0, *NewLarge());  // old -> young: remembered by the write barrier
  }
  Scavenge();
  heap()->Verify();
  Scavenge();
  FixedArray big = FixedArray::cast(holder->get(0));
  EXPECT_FALSE(Heap::InYoungGeneration(big));
  EXPECT_EQ(Smi::ToInt(big.get(123)), 123);
  heap()->Verify();
}

TEST_F(LargeObjectTest, FullGcPromotesLiveYoungLargeObjectsAndFreesDeadOnes) {
  HandleScope scope(isolate());
  Handle<FixedArray> kept = NewLarge();
  // Young values in it move (promoted) with no evacuation candidates, when the full GC
  // updates only the moved objects' fields: the promoted large object is one of them.
  kept->set(7, *Check(factory()->NewHeapNumber(7.5)));
  kept->set(8, *Str("tail"));
  {
    HandleScope inner(isolate());
    NewLarge();
  }
  Address address = (*kept).ptr();
  FullGc();
  EXPECT_EQ((*kept).ptr(), address);
  EXPECT_TRUE(InOldLargeSpace(kept));
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_EQ(Smi::ToInt(kept->get(99)), 99);
  EXPECT_EQ(HeapNumber::cast(kept->get(7)).value(), 7.5);
  EXPECT_EQ(String::cast(kept->get(8)).ToStdString(), "tail");
  heap()->Verify();
}

TEST_F(LargeObjectTest, TheBudgetBoundsYoungLargeObjects) {
  HandleScope scope(isolate());
  int before = heap()->stats().scavenges;
  for (int i = 0; i < 40; ++i) {
    HandleScope inner(isolate());
    NewLarge();
    EXPECT_LE(heap()->new_lo_space()->CommittedMemory(), heap()->YoungLargeObjectBudget());
  }
  EXPECT_GT(heap()->stats().scavenges, before);
  // Dead ones never reach the old generation.
  EXPECT_EQ(heap()->lo_space()->CommittedMemory(), 0u);
}

TEST_F(LargeObjectTest, ObjectsOverTheBudgetAreAllocatedOld) {
  HandleScope scope(isolate());
  int length = static_cast<int>(heap()->YoungLargeObjectBudget() / kTaggedSize);
  Handle<FixedArray> huge = Check(factory()->NewFixedArray(length));
  EXPECT_FALSE(IsYoung(huge));
  EXPECT_TRUE(InOldLargeSpace(huge));
}

TEST_F(LargeObjectTest, StressedCollectionsKeepYoungLargeObjectsConsistent) {
  SetUpIsolate(StressHeapOptions());  // a GC at every allocation, verified
  HandleScope scope(isolate());
  Handle<FixedArray> big = NewLarge();
  for (int i = 0; i < 20; ++i) {
    HandleScope inner(isolate());
    big->set(i, *Check(factory()->NewHeapNumber(i + 0.5)));
    NewLarge();
  }
  for (int i = 0; i < 20; ++i) EXPECT_EQ(HeapNumber::cast(big->get(i)).value(), i + 0.5);
  EXPECT_EQ(Smi::ToInt(big->get(kLargeLength - 1)), kLargeLength - 1);
}

TEST(ChunkAllocatorTest, ReusesFreedLargeChunksOfTheSameSize) {
  ChunkAllocator allocator;
  size_t size = 3 * kPageSize;
  Address a = allocator.Allocate(size);
  ASSERT_NE(a, kNullAddress);
  EXPECT_EQ(a & kPageAlignmentMask, 0u);
  allocator.Free(a, size);
  EXPECT_EQ(allocator.Allocate(size), a);  // from the cache
  Address b = allocator.Allocate(2 * kPageSize);
  EXPECT_NE(b, a);
  allocator.Free(b, 2 * kPageSize);
  allocator.Free(a, size);
  // More than the cache holds: the oldest chunks are returned to the system.
  std::vector<Address> many;
  for (size_t i = 0; i < ChunkAllocator::kMaxCachedLargeBytes / size + 2; ++i) {
    many.push_back(allocator.Allocate(size));
  }
  for (Address chunk : many) allocator.Free(chunk, size);
}

}  // namespace
}  // namespace ruchy::internal
