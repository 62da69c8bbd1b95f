// Heap: space setup, the allocation slow path (stress hooks, retries, out of memory),
// collection policy, tracing and root iteration.
#include "src/heap/heap.h"

#include <algorithm>
#include <chrono>

#include "src/execution/isolate.h"
#include "src/heap/mark-compact.h"
#include "src/heap/scavenger.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

#ifndef NDEBUG
thread_local int DisallowGarbageCollection::depth_ = 0;
#endif

namespace {
// Full GCs run when the old generation (old pages and large objects) outgrows
// kOldGenerationGrowth times what the last one left alive, but not below this: with
// Lua's 2x and a floor of 16 MB, programs that promote short-lived data (hash map tables,
// ropes being built) held 16 MB of garbage (docs/design/heap.md).
constexpr size_t kMinOldGenerationLimit = 2 * base::MB;
constexpr double kOldGenerationGrowth = 2.0;
// New-space resizing. A bigger nursery saves work only for objects that die between one
// and two scavenges of age: they are copied once and then die, where a nursery twice the
// size would have let them die uncopied; objects that live on are copied and promoted
// whatever the size. So grow (double) when a scavenge copied a sizeable share of new
// space (kGrowSurvivalRate) and the next one promoted less than kGrowPromotedShare of
// those survivors. Shrink (halve) after kShrinkAfterScavenges consecutive scavenges in
// which less than kShrinkSurvivalRate of the young bytes survived.
constexpr double kGrowSurvivalRate = 0.10;
// ...and at least this much: copying a few tens of KB per scavenge costs microseconds,
// less than two bigger semispaces cost in memory (hashmap's 30 KB of word counts grew the
// smallest nursery by 2 x 256 KB).
constexpr size_t kGrowMinimumCopiedBytes = 64 * base::KB;
constexpr double kGrowPromotedShare = 0.5;
constexpr double kShrinkSurvivalRate = 0.02;
// ShouldReduceOldGeneration: a full GC after this many consecutive scavenges that promoted
// less than 1/kQuietPromotionShare of the young bytes, if the old generation has grown by
// kReduceAfterOldGenerationGrowth since the last full GC.
constexpr int kQuietScavengesBeforeReducing = 4;
constexpr size_t kQuietPromotionShare = 100;
constexpr size_t kReduceAfterOldGenerationGrowth = 1 * base::MB;
constexpr int kShrinkAfterScavenges = 8;
// Every how many stress collections one is a full mark-compact.
constexpr int64_t kStressFullGcPeriod = 4;
}  // namespace

HeapOptions HeapOptionsFromFlags(const base::FlagValues& flags) {
  HeapOptions options;
  options.stress_gc = flags.stress_gc;
  options.gc_interval = std::max<int64_t>(0, flags.gc_interval);
  options.verify_heap = flags.verify_heap;
  options.trace_gc = flags.trace_gc || flags.trace_gc_verbose;
  options.trace_gc_verbose = flags.trace_gc_verbose;
  options.max_heap_size =
      flags.max_heap_size > 0 ? static_cast<size_t>(flags.max_heap_size) * base::MB : 0;
  if (flags.min_semi_space_size > 0) {
    options.min_semi_space_size = static_cast<size_t>(flags.min_semi_space_size) * base::KB;
  }
  if (flags.max_semi_space_size > 0) {
    options.max_semi_space_size = static_cast<size_t>(flags.max_semi_space_size) * base::KB;
  }
  // A minimum above the maximum raises the maximum (--min-semi-space-size=4096 alone
  // means "start at 4 MB").
  options.max_semi_space_size = std::max(options.max_semi_space_size, options.min_semi_space_size);
  return options;
}

Heap::Heap(Isolate* isolate, const HeapOptions& options) : isolate_(isolate), options_(options) {
  // Keep new space to at most a quarter of a small heap limit, so the old generation
  // has room; one page per semispace is the minimum.
  if (options_.max_heap_size != 0) {
    size_t cap = std::max(kPageSize, base::RoundDown(options_.max_heap_size / 8, kPageSize));
    options_.max_semi_space_size = std::min(options_.max_semi_space_size, cap);
  }
  options_.min_semi_space_size =
      std::min(options_.min_semi_space_size, options_.max_semi_space_size);
  new_space_ =
      std::make_unique<NewSpace>(this, options_.min_semi_space_size, options_.max_semi_space_size);
  old_space_ = std::make_unique<OldSpace>(this);
  lo_space_ = std::make_unique<LargeObjectSpace>(this, /*young=*/false);
  new_lo_space_ = std::make_unique<LargeObjectSpace>(this, /*young=*/true);
  read_only_space_ = std::make_unique<ReadOnlySpace>(this);
  old_generation_limit_ = kMinOldGenerationLimit;
  RecomputeLimits();
}

Heap::~Heap() = default;

bool Heap::SetUp() { return new_space_->SetUp(); }

void Heap::FinishSetUp() {
  read_only_space_->Seal();
  setup_finished_ = true;
  UpdateAllocationLimits();
}

void Heap::UpdateAllocationLimits() {
  bool lowered =
      setup_finished_ && (options_.stress_gc || options_.gc_interval > 0 || over_heap_limit_);
  new_space_->SetLimitLowered(lowered);
}

bool Heap::ShouldStressCollect() {
  if (options_.stress_gc) return true;
  if (options_.gc_interval > 0) return ++allocation_count_ % options_.gc_interval == 0;
  return false;
}

AllocationResult Heap::TryAllocate(int size, AllocationType type) {
  if (over_heap_limit_) return AllocationResult::Failure();
  if (size > kMaxRegularObjectSize) {
    size_t chunk = LargeObjectSpace::ChunkSizeFor(size);
    if (type != AllocationType::kYoung || chunk > YoungLargeObjectBudget()) {
      return lo_space_->AllocateRaw(size, /*for_gc=*/false);
    }
    // Young: within the budget (a scavenge makes room), and the heap limit.
    if (new_lo_space_->CommittedMemory() + chunk > YoungLargeObjectBudget()) {
      return AllocationResult::Failure();
    }
    if (options_.max_heap_size != 0 && CommittedMemory() + chunk > options_.max_heap_size) {
      return AllocationResult::Failure();
    }
    return new_lo_space_->AllocateRaw(size, /*for_gc=*/false);
  }
  if (type == AllocationType::kYoung) return new_space_->AllocateSlow(size);
  return old_space_->AllocateRaw(size);
}

AllocationResult Heap::AllocateRawSlow(int size, AllocationType type) {
  CHECK(!gc_in_progress_);
  if (type == AllocationType::kReadOnly) {
    CHECK(!setup_finished_);
    return read_only_space_->AllocateRaw(size);
  }
  if (setup_finished_ && ShouldStressCollect()) {
    bool full = ++stress_collections_ % kStressFullGcPeriod == 0;
    CollectGarbage(full ? GarbageCollector::kMarkCompactor : GarbageCollector::kScavenger,
                   "stress");
  }
  for (int attempt = 0;; ++attempt) {
    // The growth limit asks for a collection first; once one has run, the old generation
    // may grow past it (up to --max-heap-size).
    ignore_growth_limit_ = attempt > 0;
    AllocationResult result = TryAllocate(size, type);
    ignore_growth_limit_ = false;
    if (!result.IsFailure()) {
      UpdateAllocationLimits();
      return result;
    }
    // Young requests: a scavenge; if survivors filled the to-space, a second one promotes
    // them all. Old requests: a full GC. Then one compacting full GC as the last resort.
    bool young = type == AllocationType::kYoung &&
                 (size <= kMaxRegularObjectSize ||
                  LargeObjectSpace::ChunkSizeFor(size) <= YoungLargeObjectBudget());
    if (attempt == 0) {
      CollectGarbage(young ? GarbageCollector::kScavenger : GarbageCollector::kMarkCompactor,
                     "allocation failure");
    } else if (attempt == 1 && young && !over_heap_limit_) {
      CollectGarbage(GarbageCollector::kScavenger, "allocation failure");
    } else if (attempt <= 2) {
      CollectAllGarbage("last resort");
      attempt = 2;
    } else {
      break;
    }
  }
  isolate_->ReportOutOfMemory();
  return AllocationResult::Failure();
}

size_t Heap::OldGenerationSize() const {
  return old_space_->CommittedMemory() + lo_space_->CommittedMemory();
}

bool Heap::CanExpandOldGeneration(size_t bytes) const {
  if (over_heap_limit_) return false;
  if (!ignore_growth_limit_ && OldGenerationSize() + bytes > old_generation_limit_) return false;
  if (options_.max_heap_size != 0 && CommittedMemory() + bytes > options_.max_heap_size) {
    return false;
  }
  return true;
}

void Heap::RecomputeLimits() {
  // Let the old generation grow by a factor of what survived, within the heap limit less
  // what new space may grow to.
  size_t live = OldGenerationSize();
  size_t limit = std::max(kMinOldGenerationLimit,
                          static_cast<size_t>(static_cast<double>(live) * kOldGenerationGrowth));
  if (options_.max_heap_size != 0) {
    size_t young = 2 * new_space_->MaximumCapacity();
    size_t room = options_.max_heap_size > young ? options_.max_heap_size - young : 0;
    limit = std::min(limit, room);
  }
  old_generation_limit_ = limit;
}

bool Heap::ShouldReduceOldGeneration() {
  // A program that promoted a lot and then stops promoting has changed phase, and what
  // the earlier phase promoted may be dead by now; the old generation's limit, set from
  // the live size at the last full GC (maybe in the middle of that phase), could let the
  // garbage stay for the rest of the run. One full GC when promotion has stopped frees
  // it and sets the limit from what is live now. (binarytrees: its 9 MB stretch tree
  // stayed in old space beside a nursery grown to 2 x 8 MB.)
  if (stats_.promoted_bytes * kQuietPromotionShare > stats_.young_bytes_before) {
    quiet_scavenges_ = 0;
    return false;
  }
  if (++quiet_scavenges_ < kQuietScavengesBeforeReducing) return false;
  quiet_scavenges_ = 0;
  size_t size = OldGenerationSize();
  return size > old_generation_size_after_full_ &&
         size - old_generation_size_after_full_ >= kReduceAfterOldGenerationGrowth;
}

void Heap::ResizeNewSpace() {
  size_t capacity = new_space_->Capacity();
  size_t young = stats_.young_bytes_before;
  // Large objects are never copied, so a bigger nursery saves them nothing: their
  // survival says nothing about the semispaces' size (hashmap's growing tables doubled
  // new space to 2 x 2 MB for no gain).
  size_t copied = stats_.copied_bytes - stats_.large_kept_bytes;
  size_t promoted = stats_.promoted_bytes - stats_.large_promoted_bytes;
  size_t previous_copied = previous_copied_bytes_;
  previous_copied_bytes_ = copied;
  // A forced scavenge of a few objects says nothing about lifetimes.
  if (young < capacity / 2) return;
  double sizeable = kGrowSurvivalRate * static_cast<double>(capacity);
  if (static_cast<double>(previous_copied) >= sizeable &&
      previous_copied >= kGrowMinimumCopiedBytes &&
      static_cast<double>(promoted) < kGrowPromotedShare * static_cast<double>(previous_copied)) {
    low_survival_scavenges_ = 0;
    size_t target = std::min(2 * capacity, new_space_->MaximumCapacity());
    if (target <= capacity) return;
    // Both semispaces grow: stay within the heap limit.
    if (options_.max_heap_size != 0 &&
        CommittedMemory() + 2 * (target - capacity) > options_.max_heap_size) {
      return;
    }
    // On failure new space keeps whatever pages it got; allocation goes on as before.
    new_space_->Grow(target);
    stats_.new_space_grows++;
    // The survivors just counted were measured against the old capacity.
    previous_copied_bytes_ = 0;
    return;
  }
  double survived = static_cast<double>(copied + promoted);
  if (survived < kShrinkSurvivalRate * static_cast<double>(young) &&
      capacity > new_space_->MinimumCapacity()) {
    if (++low_survival_scavenges_ < kShrinkAfterScavenges) return;
    low_survival_scavenges_ = 0;
    if (new_space_->Shrink(capacity / 2) < capacity) stats_.new_space_shrinks++;
    return;
  }
  low_survival_scavenges_ = 0;
}

void Heap::CollectGarbage(GarbageCollector collector, const char* reason) {
  (void)reason;
  CHECK(!gc_in_progress_);
  gc_in_progress_ = true;
  auto start = std::chrono::steady_clock::now();
  size_t before = SizeOfObjects();
  const char* kind = nullptr;
  switch (collector) {
    case GarbageCollector::kScavenger:
      kind = "scavenge";
      stats_.young_bytes_before = new_space_->SizeOfObjects();
      Scavenger(this).Run();
      stats_.scavenges++;
      ResizeNewSpace();
      break;
    case GarbageCollector::kMarkCompactor:
      kind = "mark-compact";
      MarkCompactCollector(this, options_.always_compact || force_compaction_).Run();
      stats_.mark_compacts++;
      // It promoted every young object: the next scavenge promotes none of the last
      // one's survivors, which must not read as their having died.
      previous_copied_bytes_ = 0;
      quiet_scavenges_ = 0;
      RecomputeLimits();
      old_generation_size_after_full_ = OldGenerationSize();
      break;
  }
  size_t after = SizeOfObjects();
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  stats_.last_pause_ms = ms;
  gc_in_progress_ = false;
  if (options_.trace_gc) TraceGc(kind, before, after, ms);
  if (options_.verify_heap) Verify();

  if (collector == GarbageCollector::kScavenger &&
      (OldGenerationSize() > old_generation_limit_ || ShouldReduceOldGeneration())) {
    CollectGarbage(GarbageCollector::kMarkCompactor, "old generation limit");
    return;
  }
  over_heap_limit_ = options_.max_heap_size != 0 && CommittedMemory() > options_.max_heap_size;
  UpdateAllocationLimits();
}

void Heap::CollectAllGarbage(const char* reason) {
  force_compaction_ = true;
  CollectGarbage(GarbageCollector::kMarkCompactor, reason);
  force_compaction_ = false;
}

void Heap::TraceGc(const char* kind, size_t before, size_t after, double ms) {
  std::FILE* out = options_.trace_out != nullptr ? options_.trace_out : stderr;
  std::fprintf(out, "[gc] %s %.1f -> %.1f MB, %.2f ms\n", kind,
               static_cast<double>(before) / base::MB, static_cast<double>(after) / base::MB, ms);
  if (options_.trace_gc_verbose) TraceGcVerbose(out);
  std::fflush(out);
}

void Heap::TraceGcVerbose(std::FILE* out) {
  auto mb = [](size_t bytes) { return static_cast<double>(bytes) / base::MB; };
  std::fprintf(out,
               "[gc]   new %.2f MB of 2 x %.2f, old %.2f MB (limit %.2f), large %.2f MB, "
               "young large %.2f MB, committed %.2f MB; last scavenge: %.2f MB young, %.2f copied, "
               "%.2f promoted; last mark-compact: %.2f MB live, %zu pages evacuated\n",
               mb(new_space_->SizeOfObjects()), mb(new_space_->Capacity()),
               mb(old_space_->CommittedMemory()), mb(old_generation_limit_),
               mb(lo_space_->CommittedMemory()), mb(new_lo_space_->CommittedMemory()),
               mb(CommittedMemory()), mb(stats_.young_bytes_before), mb(stats_.copied_bytes),
               mb(stats_.promoted_bytes), mb(stats_.live_bytes_after_full), stats_.evacuated_pages);
}

void Heap::AddRootProvider(RootProvider* provider) { root_providers_.push_back(provider); }

void Heap::RemoveRootProvider(RootProvider* provider) {
  auto it = std::find(root_providers_.begin(), root_providers_.end(), provider);
  CHECK(it != root_providers_.end());
  root_providers_.erase(it);
}

void Heap::IterateRoots(RootVisitor* visitor) {
  isolate_->IterateRoots(visitor);
  for (RootProvider* provider : root_providers_) provider->IterateRoots(visitor);
}

bool Heap::Contains(Address address) const {
  Page* page = Page::FromAddress(address);
  for (Page* p : new_space_->to_space_pages()) {
    if (p == page) return true;
  }
  return old_space_->Contains(address) || lo_space_->Contains(address) ||
         new_lo_space_->Contains(address) || read_only_space_->Contains(address);
}

size_t Heap::CommittedMemory() const {
  return new_space_->CommittedMemory() + old_space_->CommittedMemory() +
         lo_space_->CommittedMemory() + new_lo_space_->CommittedMemory();
}

size_t Heap::SizeOfObjects() const {
  size_t external = external_space_ != nullptr ? external_space_->SizeOfObjects() : 0;
  return new_space_->SizeOfObjects() + old_space_->SizeOfObjects() + lo_space_->SizeOfObjects() +
         new_lo_space_->SizeOfObjects() + external;
}

}  // namespace ruchy::internal
