// Tests of the heap's sizing policy: new space grows when scavenge survivors die soon
// after, not for long-lived data, shrinks again when few objects survive; the old
// generation's limit follows its live size; a full GC runs when promotion stops after a
// promoting phase; all of it within --max-heap-size.
#include <algorithm>

#include "src/heap/heap.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

constexpr size_t kMin = kPageSize;  // 256 KB
constexpr size_t kMax = 8 * kPageSize;
// Objects allocated in a ring of this many: they live for half a minimum nursery.
constexpr int kWindow = static_cast<int>(kMin / 80 / 2);

class HeapSizingTest : public HeapTest {
 protected:
  void SetUp() override {
    HeapOptions options;
    options.min_semi_space_size = kMin;
    options.max_semi_space_size = kMax;
    SetUpIsolate(options);
  }

  // Allocates `count` 8-slot arrays (80 bytes each); each stays reachable until `window`
  // more have been allocated after it (a ring of the most recent ones).
  void AllocateWithLifetime(int count, int window) {
    HandleScope scope(isolate());
    Handle<FixedArray> ring = Check(factory()->NewFixedArray(window));
    for (int i = 0; i < count; ++i) {
      HandleScope inner(isolate());
      Handle<FixedArray> object = Check(factory()->NewFixedArray(8));
      ring->set(i % window, *object);
    }
  }
  // Allocates `count` arrays that are garbage at once.
  void AllocateGarbage(int count) {
    for (int i = 0; i < count; ++i) {
      HandleScope inner(isolate());
      Check(factory()->NewFixedArray(8));
    }
  }
};

TEST_F(HeapSizingTest, NewSpaceStartsAtTheMinimum) {
  EXPECT_EQ(heap()->new_space()->Capacity(), kMin);
  EXPECT_EQ(heap()->new_space()->CommittedMemory(), 2 * kMin);
}

TEST_F(HeapSizingTest, GrowsWhenSurvivorsDieBeforeTheNextScavenge) {
  // Objects live for half a nursery fill: each scavenge copies the live window, and by
  // the next one it is dead. A bigger nursery lets them die uncopied.
  AllocateWithLifetime(200000, kWindow);
  EXPECT_GT(heap()->stats().new_space_grows, 0);
  EXPECT_GT(heap()->new_space()->Capacity(), kMin);
  EXPECT_LE(heap()->new_space()->Capacity(), kMax);
  EXPECT_EQ(heap()->new_space()->CommittedMemory(), 2 * heap()->new_space()->Capacity());
  heap()->Verify();
}

TEST_F(HeapSizingTest, DoesNotGrowForLongLivedData) {
  // Everything stays reachable: the survivors of one scavenge are promoted by the next,
  // and a bigger nursery would only delay that.
  HandleScope scope(isolate());
  Handle<FixedArray> keep = Check(factory()->NewFixedArray(30000, AllocationType::kOld));
  for (int i = 0; i < 30000; ++i) {
    HandleScope inner(isolate());
    keep->set(i, *Check(factory()->NewFixedArray(8)));
  }
  EXPECT_GT(heap()->stats().scavenges, 4);
  EXPECT_EQ(heap()->stats().new_space_grows, 0);
  EXPECT_EQ(heap()->new_space()->Capacity(), kMin);
}

TEST_F(HeapSizingTest, DoesNotGrowForAFewKilobytesOfSurvivors) {
  // As above, but only ~32 KB live at each scavenge (12% of the nursery): copying them
  // is cheaper than two bigger semispaces.
  AllocateWithLifetime(200000, 400);
  EXPECT_GT(heap()->stats().scavenges, 8);
  EXPECT_EQ(heap()->stats().new_space_grows, 0);
  EXPECT_EQ(heap()->new_space()->Capacity(), kMin);
}

TEST_F(HeapSizingTest, DoesNotGrowForSurvivingLargeObjects) {
  // A hash table being filled: a young large object that survives one scavenge and is
  // then replaced by a bigger one, with short-lived small objects around it. Large
  // objects are never copied, so their survival is no reason for a bigger nursery.
  HandleScope scope(isolate());
  Handle<FixedArray> holder = Check(factory()->NewFixedArray(1, AllocationType::kOld));
  for (int round = 0; round < 12; ++round) {
    AllocateGarbage(static_cast<int>(kMin / 80));  // about one scavenge each
    HandleScope inner(isolate());
    holder->set(0, *Check(factory()->NewFixedArray(40000 + round)));  // 320 KB: large
  }
  EXPECT_GT(heap()->stats().scavenges, 8);
  EXPECT_EQ(heap()->stats().new_space_grows, 0);
  EXPECT_EQ(heap()->new_space()->Capacity(), kMin);
  heap()->Verify();
}

TEST_F(HeapSizingTest, ShrinksBackWhenFewObjectsSurvive) {
  AllocateWithLifetime(200000, kWindow);
  size_t grown = heap()->new_space()->Capacity();
  ASSERT_GT(grown, kMin);
  size_t committed = heap()->CommittedMemory();
  // Pure garbage: every scavenge finds (almost) nothing alive.
  AllocateGarbage(static_cast<int>(40 * kMax / 80));
  EXPECT_GT(heap()->stats().new_space_shrinks, 0);
  EXPECT_LT(heap()->new_space()->Capacity(), grown);
  EXPECT_GE(heap()->new_space()->Capacity(), kMin);
  EXPECT_LT(heap()->CommittedMemory(), committed);
  heap()->Verify();
}

TEST_F(HeapSizingTest, ShrinkKeepsThePagesInUse) {
  AllocateWithLifetime(200000, kWindow);
  NewSpace* new_space = heap()->new_space();
  ASSERT_GT(new_space->Capacity(), kMin);
  HandleScope scope(isolate());
  Scavenge();  // allocation restarts at the first page
  ASSERT_GT(new_space->Capacity(), 2 * kPageSize);
  ASSERT_EQ(new_space->current_page_index(), 0);
  // Fill two pages, then ask for the minimum: the pages holding objects stay.
  Handle<FixedArray> first = Check(factory()->NewFixedArray(8));
  while (new_space->current_page_index() < 1) AllocateGarbage(100);
  Handle<FixedArray> last = Check(factory()->NewFixedArray(8));
  first->set(0, Smi::FromInt(1));
  EXPECT_EQ(new_space->Shrink(kMin), 2 * kPageSize);
  last->set(0, *first);
  EXPECT_EQ(FixedArray::cast(last->get(0)).get(0), Smi::FromInt(1));
  heap()->Verify();
}

TEST_F(HeapSizingTest, FullGcWhenPromotionStopsAfterAPromotingPhase) {
  HandleScope scope(isolate());
  int full_gcs = heap()->stats().mark_compacts;
  {
    // A phase that promotes ~1.2 MB, then drops it: within the 2 MB floor of the old
    // generation's limit, so no full GC is due by size.
    HandleScope inner(isolate());
    Handle<FixedArray> keep = Check(factory()->NewFixedArray(15000, AllocationType::kOld));
    for (int i = 0; i < 15000; ++i) {
      HandleScope each(isolate());
      keep->set(i, *Check(factory()->NewFixedArray(8)));
    }
    Scavenge();
    Scavenge();
  }
  size_t promoted_phase = heap()->old_space()->CommittedMemory();
  EXPECT_EQ(heap()->stats().mark_compacts, full_gcs);
  // A phase that promotes nothing: after a few quiet scavenges, one full GC frees the
  // first phase's data.
  AllocateGarbage(static_cast<int>(8 * kMin / 80));
  EXPECT_EQ(heap()->stats().mark_compacts, full_gcs + 1);
  EXPECT_LT(heap()->old_space()->CommittedMemory(), promoted_phase);
  // And only once: the old generation has not grown since.
  AllocateGarbage(static_cast<int>(16 * kMin / 80));
  EXPECT_EQ(heap()->stats().mark_compacts, full_gcs + 1);
}

TEST_F(HeapSizingTest, OldGenerationLimitFollowsTheLiveSize) {
  HandleScope scope(isolate());
  // 4 MB live in old space: the next full GC is due at about twice that, not before.
  Handle<FixedArray> keep = Check(factory()->NewFixedArray(4000, AllocationType::kOld));
  for (int i = 0; i < 4000; ++i) {
    HandleScope each(isolate());
    keep->set(i, *Check(factory()->NewFixedArray(128, AllocationType::kOld)));
  }
  FullGc();
  int full_gcs = heap()->stats().mark_compacts;
  size_t live = heap()->old_space()->CommittedMemory() + heap()->lo_space()->CommittedMemory();
  ASSERT_GT(live, 4 * base::MB);
  // Promote ~0.8 * live of garbage: no full GC yet.
  {
    HandleScope inner(isolate());
    int arrays = static_cast<int>(live * 8 / 10 / FixedArray::SizeFor(128));
    for (int i = 0; i < arrays; ++i) {
      HandleScope each(isolate());
      Check(factory()->NewFixedArray(128, AllocationType::kOld));
    }
  }
  EXPECT_EQ(heap()->stats().mark_compacts, full_gcs);
  // Another live-sized batch crosses 2x: a full GC runs and frees the garbage.
  {
    HandleScope inner(isolate());
    int arrays = static_cast<int>(live / FixedArray::SizeFor(128));
    for (int i = 0; i < arrays; ++i) {
      HandleScope each(isolate());
      Check(factory()->NewFixedArray(128, AllocationType::kOld));
    }
  }
  EXPECT_GT(heap()->stats().mark_compacts, full_gcs);
  EXPECT_LE(heap()->old_space()->CommittedMemory() + heap()->lo_space()->CommittedMemory(),
            2 * live + kPageSize);
}

class HeapSizingLimitTest : public HeapTest {
 protected:
  static constexpr size_t kMaxHeap = 4 * base::MB;
  void SetUp() override {
    HeapOptions options;
    options.min_semi_space_size = kMin;
    options.max_semi_space_size = kMax;
    options.max_heap_size = kMaxHeap;
    SetUpIsolate(options);
  }
};

TEST_F(HeapSizingLimitTest, NewSpaceStaysWithinAnEighthOfTheHeapLimit) {
  EXPECT_EQ(heap()->new_space()->MaximumCapacity(), kMaxHeap / 8);
  HandleScope scope(isolate());
  Handle<FixedArray> ring = Check(factory()->NewFixedArray(5000));
  for (int i = 0; i < 200000; ++i) {
    HandleScope inner(isolate());
    ring->set(i % 5000, *Check(factory()->NewFixedArray(8)));
  }
  EXPECT_LE(heap()->new_space()->Capacity(), kMaxHeap / 8);
  EXPECT_FALSE(isolate()->has_pending_exception());
}

TEST_F(HeapSizingLimitTest, RetainedYoungLargeObjectsRunOutOfMemoryCleanly) {
  Persistent<FixedArray> list;
  {
    HandleScope scope(isolate());
    list.Reset(isolate(), Check(factory()->NewFixedArray(64)));
  }
  bool failed = false;
  for (int i = 0; i < 64 && !failed; ++i) {
    HandleScope scope(isolate());
    Handle<FixedArray> big;
    if (!factory()->NewFixedArray(40000).ToHandle(&big)) {  // 320 KB, young
      failed = true;
      break;
    }
    list.Get()->set(i, *big);
  }
  ASSERT_TRUE(failed);
  EXPECT_TRUE(isolate()->IsOutOfMemoryPending());
  EXPECT_EQ(String::cast(isolate()->pending_exception()).ToStdString(), "Out of memory");
  EXPECT_LE(heap()->CommittedMemory(), kMaxHeap + heap()->new_space()->Capacity());
  // Recovery: drop the data, clear the error, allocate a large object again.
  list.Reset();
  isolate()->clear_pending_exception();
  HandleScope scope(isolate());
  Handle<FixedArray> again;
  EXPECT_TRUE(factory()->NewFixedArray(40000).ToHandle(&again));
  EXPECT_FALSE(isolate()->has_pending_exception());
  heap()->Verify();
}

}  // namespace
}  // namespace ruchy::internal
