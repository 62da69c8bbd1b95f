// Tests for allocation, the scavenger and promotion, the write barrier, full collection
// with compaction, large objects, handles and other roots, tracing and verification.
#include "src/heap/heap.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "src/heap/visitors.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

TEST_F(HeapTest, YoungObjectIsCopiedThenPromoted) {
  HandleScope scope(isolate());
  Handle<HeapNumber> number = Check(factory()->NewHeapNumber(3.25));
  Address before = (*number).ptr();
  EXPECT_TRUE(IsYoung(number));
  Scavenge();
  EXPECT_NE((*number).ptr(), before);  // copied within new space
  EXPECT_TRUE(IsYoung(number));
  EXPECT_EQ(number->value(), 3.25);
  Scavenge();
  EXPECT_TRUE(IsOld(number));  // promoted after surviving one scavenge
  EXPECT_EQ(number->value(), 3.25);
  EXPECT_GT(heap()->stats().promoted_bytes, 0u);
}

TEST_F(HeapTest, UnreachableYoungObjectsAreNotCopied) {
  HandleScope scope(isolate());
  {
    HandleScope inner(isolate());
    for (int i = 0; i < 1000; ++i) Check(factory()->NewHeapNumber(i));
  }
  Handle<HeapNumber> kept = Check(factory()->NewHeapNumber(7));
  Scavenge();
  EXPECT_EQ(heap()->stats().copied_bytes, static_cast<size_t>(HeapNumber::kSize));
  EXPECT_EQ(kept->value(), 7);
}

TEST_F(HeapTest, FillingNewSpaceTriggersScavenges) {
  HandleScope scope(isolate());
  Handle<FixedArray> keep = Check(factory()->NewFixedArray(100));
  int before = heap()->stats().scavenges;
  for (int i = 0; i < 100000; ++i) {
    HandleScope inner(isolate());
    Handle<HeapNumber> n = Check(factory()->NewHeapNumber(i));
    if (i % 1000 == 0) keep->set(i / 1000, *n);
  }
  EXPECT_GT(heap()->stats().scavenges, before);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(HeapNumber::cast(keep->get(i)).value(), i * 1000);
  }
  heap()->Verify();
}

TEST_F(HeapTest, WriteBarrierKeepsOldToNewPointerAlive) {
  HandleScope scope(isolate());
  Handle<FixedArray> old_array = Check(factory()->NewFixedArray(2, AllocationType::kOld));
  ASSERT_TRUE(IsOld(old_array));
  {
    HandleScope inner(isolate());
    Handle<HeapNumber> young = Check(factory()->NewHeapNumber(42.5));
    old_array->set(0, *young);  // runs the barrier
  }
  Page* page = Page::FromHeapObject(*old_array);
  EXPECT_TRUE(page->ContainsOldToNewSlot(old_array->RawFieldOfElementAt(0).address()));
  // The only reference to the number is the old array's slot: it survives because the
  // remembered set made the slot a root.
  Scavenge();
  EXPECT_EQ(HeapNumber::cast(old_array->get(0)).value(), 42.5);
  EXPECT_TRUE(Heap::InYoungGeneration(old_array->get(0)));
  heap()->Verify();
  Scavenge();  // now promoted: the slot no longer needs recording
  EXPECT_FALSE(Heap::InYoungGeneration(old_array->get(0)));
  EXPECT_FALSE(page->ContainsOldToNewSlot(old_array->RawFieldOfElementAt(0).address()));
  EXPECT_EQ(HeapNumber::cast(old_array->get(0)).value(), 42.5);
}

TEST_F(HeapTest, WithoutTheBarrierTheOldToNewPointerIsLost) {
  HandleScope scope(isolate());
  Handle<FixedArray> old_array = Check(factory()->NewFixedArray(1, AllocationType::kOld));
  Address stale;
  {
    HandleScope inner(isolate());
    Handle<HeapNumber> young = Check(factory()->NewHeapNumber(42.5));
    old_array->set(0, *young, WriteBarrierMode::kSkip);
    stale = (*young).ptr();
  }
  Scavenge();
  // Nobody told the scavenger about the slot: it still holds the evacuated from-space
  // address, which no longer holds an object.
  EXPECT_EQ(old_array->get(0).ptr(), stale);
  EXPECT_TRUE(heap()->new_space()->FromSpaceContains(stale - kHeapObjectTag));
  old_array->set(0, Smi::zero());  // repair before anything looks at it
  heap()->Verify();
}

TEST_F(HeapTest, VerifierCatchesAMissingBarrier) {
  HandleScope scope(isolate());
  Handle<FixedArray> old_array = Check(factory()->NewFixedArray(1, AllocationType::kOld));
  Handle<HeapNumber> young = Check(factory()->NewHeapNumber(1));
  old_array->set(0, *young, WriteBarrierMode::kSkip);
  EXPECT_DEATH(heap()->Verify(), "remembered set");
  old_array->set(0, *young);
  heap()->Verify();
}

TEST_F(HeapTest, PromotedObjectsRecordTheirYoungPointers) {
  HandleScope scope(isolate());
  Handle<FixedArray> holder = Check(factory()->NewFixedArray(1));
  Scavenge();  // holder survives once
  Handle<HeapNumber> fresh = Check(factory()->NewHeapNumber(9));
  holder->set(0, *fresh);
  Scavenge();  // holder promoted, fresh copied young: the promoted slot must be recorded
  EXPECT_TRUE(IsOld(holder));
  EXPECT_TRUE(IsYoung(fresh));
  heap()->Verify();
  Scavenge();
  EXPECT_EQ(HeapNumber::cast(holder->get(0)).value(), 9);
  EXPECT_EQ(holder->get(0), Value(*fresh));
}

TEST_F(HeapTest, FullGcPromotesEverythingAndFreesGarbage) {
  HandleScope scope(isolate());
  Handle<FixedArray> kept = Check(factory()->NewFixedArray(10));
  for (int i = 0; i < 10; ++i) kept->set(i, *Float(i + 0.5));
  {
    HandleScope inner(isolate());
    for (int i = 0; i < 2000; ++i) Check(factory()->NewFixedArray(50, AllocationType::kOld));
  }
  size_t before = heap()->old_space()->SizeOfObjects();
  FullGc();
  EXPECT_TRUE(IsOld(kept));
  EXPECT_LT(heap()->old_space()->SizeOfObjects(), before / 4);
  EXPECT_EQ(heap()->new_space()->SizeOfObjects(), 0u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(HeapNumber::cast(kept->get(i)).value(), i + 0.5);
  heap()->Verify();
}

TEST_F(HeapTest, CompactionEvacuatesFragmentedPages) {
  HandleScope scope(isolate());
  constexpr int kCount = 6000;
  Handle<FixedArray> all = Check(factory()->NewFixedArray(kCount, AllocationType::kOld));
  for (int i = 0; i < kCount; ++i) {
    HandleScope inner(isolate());
    Handle<FixedArray> cell = Check(factory()->NewFixedArray(4, AllocationType::kOld));
    cell->set(0, Smi::FromInt(i));
    all->set(i, *cell);
  }
  // Keep every tenth cell: the pages become mostly empty.
  Handle<FixedArray> survivors = Check(factory()->NewFixedArray(kCount / 10, AllocationType::kOld));
  for (int i = 0; i < kCount; i += 10) survivors->set(i / 10, all->get(i));
  Address first_before = survivors->get(0).ptr();
  for (int i = 0; i < kCount; ++i) all->set(i, Smi::zero());
  size_t pages_before = heap()->old_space()->pages().size();
  CompactingGc();
  EXPECT_GT(heap()->stats().evacuated_pages, 0u);
  EXPECT_LT(heap()->old_space()->pages().size(), pages_before);
  EXPECT_NE(survivors->get(0).ptr(), first_before);  // moved
  for (int i = 0; i < kCount / 10; ++i) {
    EXPECT_EQ(Smi::ToInt(FixedArray::cast(survivors->get(i)).get(0)), i * 10);
  }
  heap()->Verify();
}

TEST_F(HeapTest, OldLargeObjectsLiveInTheirOwnSpaceAndAreFreed) {
  HandleScope scope(isolate());
  size_t committed_before = heap()->lo_space()->CommittedMemory();
  {
    HandleScope inner(isolate());
    Handle<FixedArray> big = Check(factory()->NewFixedArray(100000, AllocationType::kOld));
    EXPECT_FALSE(IsYoung(big));
    EXPECT_TRUE(heap()->lo_space()->Contains((*big).ptr() - kHeapObjectTag));
    big->set(99999, *Float(1.5));  // young value in a large (old) object
    Scavenge();
    Scavenge();
    EXPECT_EQ(HeapNumber::cast(big->get(99999)).value(), 1.5);
    FullGc();
    EXPECT_EQ(HeapNumber::cast(big->get(99999)).value(), 1.5);
    EXPECT_GT(heap()->lo_space()->CommittedMemory(), committed_before);
  }
  FullGc();
  EXPECT_EQ(heap()->lo_space()->CommittedMemory(), committed_before);
}

TEST_F(HeapTest, YoungLargeObjectsSurviveOnceThenArePromotedInPlace) {
  HandleScope scope(isolate());
  Handle<FixedArray> big = Check(factory()->NewFixedArray(100000));
  Address address = (*big).ptr();
  EXPECT_TRUE(IsYoung(big));
  EXPECT_TRUE(heap()->new_lo_space()->Contains(address - kHeapObjectTag));
  big->set(0, *Float(2.5));  // young values in a young large object: no barrier needed
  big->set(99999, *Str("tail"));
  Scavenge();  // first survival: still young, its fields updated
  EXPECT_TRUE(IsYoung(big));
  EXPECT_EQ((*big).ptr(), address);
  EXPECT_EQ(HeapNumber::cast(big->get(0)).value(), 2.5);
  heap()->Verify();
  Scavenge();  // second: promoted by moving the chunk, not the object
  EXPECT_FALSE(IsYoung(big));
  EXPECT_EQ((*big).ptr(), address);
  EXPECT_TRUE(heap()->lo_space()->Contains(address - kHeapObjectTag));
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_EQ(HeapNumber::cast(big->get(0)).value(), 2.5);
  EXPECT_EQ(String::cast(big->get(99999)).ToStdString(), "tail");
  heap()->Verify();  // its young fields are in the remembered set now
  Scavenge();
  EXPECT_EQ(HeapNumber::cast(big->get(0)).value(), 2.5);
  heap()->Verify();
}

TEST_F(HeapTest, DeadYoungLargeObjectsAreFreedByAScavenge) {
  HandleScope scope(isolate());
  size_t old_large = heap()->lo_space()->CommittedMemory();
  {
    HandleScope inner(isolate());
    Check(factory()->NewFixedArray(100000));
    EXPECT_GT(heap()->new_lo_space()->CommittedMemory(), 0u);
  }
  int full_gcs = heap()->stats().mark_compacts;
  Scavenge();
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_EQ(heap()->lo_space()->CommittedMemory(), old_large);
  EXPECT_EQ(heap()->stats().mark_compacts, full_gcs);
}

TEST_F(HeapTest, FullGcPromotesLiveYoungLargeObjectsAndFreesDeadOnes) {
  HandleScope scope(isolate());
  Handle<FixedArray> live = Check(factory()->NewFixedArray(50000));
  live->set(7, *Float(7.5));
  {
    HandleScope inner(isolate());
    Check(factory()->NewFixedArray(60000));
  }
  FullGc();
  EXPECT_FALSE(IsYoung(live));
  EXPECT_EQ(heap()->new_lo_space()->CommittedMemory(), 0u);
  EXPECT_TRUE(heap()->lo_space()->Contains((*live).ptr() - kHeapObjectTag));
  EXPECT_EQ(HeapNumber::cast(live->get(7)).value(), 7.5);
  heap()->Verify();
}

TEST_F(HeapTest, YoungLargeAllocationsTriggerScavenges) {
  // Young large objects are only reclaimed by scavenges, so allocating many of them must
  // run scavenges even when new space itself is not full: what stays committed is bounded.
  HandleScope scope(isolate());
  int scavenges = heap()->stats().scavenges;
  size_t peak = 0;
  for (int i = 0; i < 50; ++i) {
    HandleScope inner(isolate());
    Check(factory()->NewFixedArray(40000));  // 320 KB each, dead at once
    peak = std::max(peak, heap()->new_lo_space()->CommittedMemory());
  }
  EXPECT_GE(heap()->stats().scavenges - scavenges, 20);
  EXPECT_LE(peak, 2 * heap()->new_space()->Capacity() + 2 * 330 * 1024);
}

TEST_F(HeapTest, HandleScopesReleaseTheirHandles) {
  HandleScope scope(isolate());
  int base = HandleScope::NumberOfHandles(isolate());
  Handle<HeapNumber> outer;
  {
    HandleScope inner(isolate());
    for (int i = 0; i < 5000; ++i) Check(factory()->NewHeapNumber(i));  // spans blocks
    EXPECT_GE(HandleScope::NumberOfHandles(isolate()), base + 5000);
  }
  EXPECT_EQ(HandleScope::NumberOfHandles(isolate()), base);
  {
    EscapableHandleScope inner(isolate());
    Handle<HeapNumber> made = Check(factory()->NewHeapNumber(5));
    for (int i = 0; i < 3000; ++i) Check(factory()->NewHeapNumber(i));
    outer = inner.Escape(made);
  }
  EXPECT_EQ(HandleScope::NumberOfHandles(isolate()), base + 1);
  Scavenge();
  EXPECT_EQ(outer->value(), 5);
}

TEST_F(HeapTest, ManyHandlesAcrossBlocksSurviveCollections) {
  HandleScope scope(isolate());
  std::vector<Handle<HeapNumber>> handles;
  for (int i = 0; i < 3000; ++i) handles.push_back(Check(factory()->NewHeapNumber(i)));
  Scavenge();
  FullGc();
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(handles[i]->value(), i);
}

TEST_F(HeapTest, PersistentHandlesOutliveScopes) {
  Persistent<HeapNumber> persistent;
  {
    HandleScope scope(isolate());
    persistent.Reset(isolate(), Check(factory()->NewHeapNumber(8.5)));
  }
  EXPECT_EQ(isolate()->global_handles()->count(), 1u);
  Scavenge();
  Scavenge();
  CompactingGc();
  EXPECT_EQ(persistent.Get()->value(), 8.5);
  persistent.Reset();
  EXPECT_EQ(isolate()->global_handles()->count(), 0u);
}

// A root holder like the future VM stack: it owns slots and reports them.
class SlotVectorProvider : public RootProvider {
 public:
  void IterateRoots(RootVisitor* visitor) override {
    if (!slots.empty()) {
      visitor->VisitRootPointers("test slots", ObjectSlot(slots.data()),
                                 ObjectSlot(slots.data() + slots.size()));
    }
  }
  std::vector<Address> slots;
};

TEST_F(HeapTest, RootProvidersReportSlotsThatTheGcUpdates) {
  SlotVectorProvider provider;
  heap()->AddRootProvider(&provider);
  {
    HandleScope scope(isolate());
    for (int i = 0; i < 100; ++i) provider.slots.push_back((*Float(i)).ptr());
    provider.slots.push_back(Smi::FromInt(5).ptr());
  }
  Scavenge();
  Scavenge();
  CompactingGc();
  for (int i = 0; i < 100; ++i) EXPECT_EQ(HeapNumber::cast(Value(provider.slots[i])).value(), i);
  EXPECT_EQ(Smi::ToInt(Value(provider.slots[100])), 5);
  heap()->RemoveRootProvider(&provider);
  size_t before = heap()->old_space()->SizeOfObjects();
  FullGc();
  EXPECT_LT(heap()->old_space()->SizeOfObjects(), before);
}

#ifndef NDEBUG
TEST_F(HeapTest, AllocatingInsideDisallowGarbageCollectionFails) {
  HandleScope scope(isolate());
  EXPECT_DEATH(
      {
        DisallowGarbageCollection no_gc;
        (void)factory()->NewHeapNumber(1);
      },
      "IsAllowedToCollect");
}
#endif

TEST_F(HeapTest, InternTableDropsUnreferencedStrings) {
  HandleScope scope(isolate());
  size_t base = isolate()->string_table()->size();
  Handle<String> kept = Name("kept-name");
  {
    HandleScope inner(isolate());
    for (int i = 0; i < 100; ++i) Name("temporary-" + std::to_string(i));
  }
  EXPECT_EQ(isolate()->string_table()->size(), base + 101);
  CompactingGc();
  EXPECT_EQ(isolate()->string_table()->size(), base + 1);
  EXPECT_TRUE(Name("kept-name").is_identical_to(kept));
  heap()->Verify();
}

class TraceGcTest : public HeapTest {
 protected:
  void SetUp() override {
    trace_ = std::tmpfile();
    HeapOptions options = SmallHeapOptions();
    options.trace_gc = true;
    options.trace_out = trace_;
    SetUpIsolate(options);
  }
  void TearDown() override { std::fclose(trace_); }
  std::string Output() {
    std::fflush(trace_);
    std::rewind(trace_);
    std::string out;
    char buffer[256];
    while (std::fgets(buffer, sizeof(buffer), trace_) != nullptr) out += buffer;
    return out;
  }
  std::FILE* trace_ = nullptr;
};

// True if `line` is "[gc] KIND B.B -> A.A MB, P.PP ms" for KIND scavenge or mark-compact.
bool IsTraceLine(const std::string& line) {
  char kind[32];
  double before, after, ms;
  char tail[8];
  int consumed = 0;
  if (std::sscanf(line.c_str(), "[gc] %31s %lf -> %lf MB, %lf %7s%n", kind, &before, &after, &ms,
                  tail, &consumed) != 5) {
    return false;
  }
  std::string k = kind;
  if (k != "scavenge" && k != "mark-compact") return false;
  if (std::string(tail) != "ms" || consumed != static_cast<int>(line.size())) return false;
  // One decimal for sizes, two for the pause.
  size_t arrow = line.find(" -> ");
  size_t mb = line.find(" MB, ");
  size_t comma = line.find(", ");
  return line[arrow - 2] == '.' && line[mb - 2] == '.' && line[line.size() - 6] == '.' &&
         comma == mb + 3;
}

TEST_F(TraceGcTest, PrintsOneLinePerCollection) {
  Scavenge();
  FullGc();
  std::string out = Output();
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    ASSERT_NE(end, std::string::npos) << out;
    lines.push_back(out.substr(start, end - start));
    start = end + 1;
  }
  ASSERT_EQ(lines.size(), 2u) << out;
  EXPECT_TRUE(IsTraceLine(lines[0])) << lines[0];
  EXPECT_TRUE(IsTraceLine(lines[1])) << lines[1];
  EXPECT_EQ(lines[0].rfind("[gc] scavenge ", 0), 0u);
  EXPECT_EQ(lines[1].rfind("[gc] mark-compact ", 0), 0u);
  EXPECT_FALSE(IsTraceLine("[gc] scavenge 4.12 -> 1.2 MB, 0.31 ms"));
  EXPECT_TRUE(IsTraceLine("[gc] scavenge 4.1 -> 1.2 MB, 0.31 ms"));
}

class StressGcTest : public HeapTest {
 protected:
  void SetUp() override { SetUpIsolate(StressHeapOptions()); }
};

TEST_F(StressGcTest, CollectsAtEveryAllocation) {
  HandleScope scope(isolate());
  int before = heap()->stats().scavenges + heap()->stats().mark_compacts;
  Handle<HeapNumber> a = Check(factory()->NewHeapNumber(1));
  Handle<HeapNumber> b = Check(factory()->NewHeapNumber(2));
  Handle<HeapNumber> c = Check(factory()->NewHeapNumber(3));
  int after = heap()->stats().scavenges + heap()->stats().mark_compacts;
  EXPECT_EQ(after - before, 3);
  EXPECT_EQ(a->value() + b->value() + c->value(), 6);
}

class GcIntervalTest : public HeapTest {
 protected:
  void SetUp() override {
    HeapOptions options = SmallHeapOptions();
    options.gc_interval = 10;
    SetUpIsolate(options);
  }
};

TEST_F(GcIntervalTest, CollectsEveryNAllocations) {
  HandleScope scope(isolate());
  int before = heap()->stats().scavenges + heap()->stats().mark_compacts;
  for (int i = 0; i < 100; ++i) Check(factory()->NewHeapNumber(i));
  int after = heap()->stats().scavenges + heap()->stats().mark_compacts;
  EXPECT_EQ(after - before, 10);
}

TEST(HeapOptionsTest, FromFlags) {
  base::FlagValues flags;
  std::vector<std::string> args = {"--stress-gc", "--gc-interval=7", "--verify-heap", "--trace-gc",
                                   "--max-heap-size=64"};
  ASSERT_TRUE(base::ParseEngineFlags(args, &flags).ok);
  HeapOptions options = HeapOptionsFromFlags(flags);
  EXPECT_TRUE(options.stress_gc);
  EXPECT_EQ(options.gc_interval, 7);
  EXPECT_TRUE(options.verify_heap);
  EXPECT_TRUE(options.trace_gc);
  EXPECT_EQ(options.max_heap_size, 64 * base::MB);
}

}  // namespace
}  // namespace ruchy::internal
