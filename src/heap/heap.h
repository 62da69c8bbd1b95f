// The heap: the public header of src/heap. Owns the spaces, allocates raw memory for the
// Factory, runs the collectors (scavenger for new space, mark-compact for everything),
// and exposes what JIT code needs (new-space top/limit addresses, page flags).
#ifndef RUCHY_HEAP_HEAP_H_
#define RUCHY_HEAP_HEAP_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include "src/base/flags.h"
#include "src/base/macros.h"
#include "src/heap/disallow-gc.h"
#include "src/heap/new-space.h"
#include "src/heap/spaces.h"
#include "src/heap/visitors.h"

namespace ruchy::internal {

class Isolate;

// What the heap is told at creation (from the --stress-gc ... flags, or by tests).
struct HeapOptions {
  bool stress_gc = false;         // collect at every allocation
  int64_t gc_interval = 0;        // collect after every N allocations (0: off)
  bool verify_heap = false;       // full consistency check after each collection
  bool trace_gc = false;          // one line per collection on trace_out
  bool trace_gc_verbose = false;  // with trace_gc: a second line of space sizes
  size_t max_heap_size = 0;       // bytes; 0 means no limit
  // Each semispace starts at the minimum and doubles, up to the maximum, after scavenges
  // where many objects survive (Heap::ResizeNewSpace; docs/design/heap.md has the
  // measurements). One page: a program whose young objects die young keeps 0.5 MB of
  // new space resident, and a scavenge of few survivors costs a few microseconds.
  size_t min_semi_space_size = 256 * base::KB;
  size_t max_semi_space_size = 8 * base::MB;
  bool always_compact = false;     // full GCs evacuate every non-full old page
  std::FILE* trace_out = nullptr;  // nullptr: stderr
};

HeapOptions HeapOptionsFromFlags(const base::FlagValues& flags);

enum class AllocationType {
  kYoung,     // new space; large requests go to the young large-object space
  kOld,       // old space: long-lived or pretenured objects
  kReadOnly,  // only while the isolate is being set up
};

enum class GarbageCollector { kScavenger, kMarkCompactor };

struct GcStats {
  int scavenges = 0;
  int mark_compacts = 0;
  size_t promoted_bytes = 0;  // last scavenge
  size_t copied_bytes = 0;    // last scavenge (survivors kept young)
  // Of those, young large objects (kept in place, not copied; they count in both so the
  // totals stay what survived, and new-space sizing leaves them out).
  size_t large_kept_bytes = 0;       // last scavenge, within copied_bytes
  size_t large_promoted_bytes = 0;   // last scavenge, within promoted_bytes
  size_t evacuated_pages = 0;        // last mark-compact
  size_t live_bytes_after_full = 0;  // last mark-compact
  size_t young_bytes_before = 0;     // last scavenge: bytes it found in new space
  double last_pause_ms = 0;
  int new_space_grows = 0;
  int new_space_shrinks = 0;
};

class Heap {
 public:
  Heap(Isolate* isolate, const HeapOptions& options);
  ~Heap();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Heap);

  // Reserves new space. False if the system has no memory for it.
  bool SetUp();
  // Ends isolate setup: read-only space is sealed, allocation hooks (stress) turn on.
  void FinishSetUp();

  Isolate* isolate() const { return isolate_; }
  const HeapOptions& options() const { return options_; }

  // --- Allocation. Returns uninitialized memory; the caller writes a shape and every
  // field before the next allocation. May collect garbage (a GC point). Fails (after
  // collecting) only when the heap limit is reached; the isolate then has a pending
  // out-of-memory error.
  AllocationResult AllocateRaw(int size, AllocationType type) {
    DCHECK(IsAllowedToCollect());
    DCHECK_EQ(size % kObjectAlignment, 0);
    if (type == AllocationType::kYoung) {
      AllocationResult result = new_space_->AllocateFast(size);
      if (RUCHY_PREDICT_TRUE(!result.IsFailure())) return result;
    }
    return AllocateRawSlow(size, type);
  }

  // Addresses JIT code uses for inline new-space allocation: if top + size <= limit, the
  // object is at top and top += size; otherwise call the runtime.
  Address* NewSpaceAllocationTopAddress() { return &new_space_->lab()->top; }
  Address* NewSpaceAllocationLimitAddress() { return &new_space_->lab()->limit; }

  // --- Collection.
  void CollectGarbage(GarbageCollector collector, const char* reason);
  // Full mark-compact that compacts every fragmented page.
  void CollectAllGarbage(const char* reason);

  // --- Roots.
  void AddRootProvider(RootProvider* provider);
  void RemoveRootProvider(RootProvider* provider);
  // The code space (src/codegen). At most one; nullptr to detach.
  void SetExternalSpace(ExternalSpace* space) { external_space_ = space; }
  ExternalSpace* external_space() const { return external_space_; }
  // Everything the GC treats as roots except the string table (weak) and the old-to-new
  // remembered set: isolate roots, handles, persistent handles, root providers.
  void IterateRoots(RootVisitor* visitor);

  // --- Queries.
  static bool InYoungGeneration(Value value) {
    return value.IsHeapObject() && Page::FromAddress(value.ptr())->InYoung();
  }
  bool InReadOnlySpace(HeapObject object) const {
    return Page::FromHeapObject(object)->IsFlagSet(Page::kReadOnly);
  }
  // Whether `address` is inside any space of this heap (not the external space).
  bool Contains(Address address) const;
  size_t CommittedMemory() const;  // new space (both halves) + old + both large-object spaces
  size_t SizeOfObjects() const;    // bytes of objects in the mutable spaces
  const GcStats& stats() const { return stats_; }

  NewSpace* new_space() { return new_space_.get(); }
  OldSpace* old_space() { return old_space_.get(); }
  LargeObjectSpace* lo_space() { return lo_space_.get(); }
  LargeObjectSpace* new_lo_space() { return new_lo_space_.get(); }
  ReadOnlySpace* read_only_space() { return read_only_space_.get(); }
  ChunkAllocator* chunk_allocator() { return &chunk_allocator_; }

  // Growth policy, asked by the spaces before they add memory.
  bool CanExpandOldGeneration(size_t bytes) const;
  // Young large objects may take this much before a scavenge must free some (4 MB: what
  // four semispaces of the old fixed 1 MB size held).
  size_t YoungLargeObjectBudget() const { return 4 * base::MB; }

  // Checks every object, every pointer and the remembered set; CHECK-fails on the first
  // inconsistency. Runs after each collection under --verify-heap.
  void Verify();

  bool gc_in_progress() const { return gc_in_progress_; }
  bool setup_finished() const { return setup_finished_; }
  bool IsAllowedToCollect() const { return DisallowGarbageCollection::IsAllowed(); }

 private:
  friend class Scavenger;
  friend class MarkCompactCollector;

  AllocationResult AllocateRawSlow(int size, AllocationType type);
  AllocationResult TryAllocate(int size, AllocationType type);
  bool ShouldStressCollect();
  void UpdateAllocationLimits();
  void RecomputeLimits();
  // After a scavenge: grows new space when many young objects survived, shrinks it when
  // few did for a while.
  void ResizeNewSpace();
  // After a scavenge: whether to run a full GC although the old generation is within its
  // limit, because promotion has stopped after the old generation grew.
  bool ShouldReduceOldGeneration();
  size_t OldGenerationSize() const;
  void TraceGc(const char* kind, size_t before, size_t after, double ms);
  void TraceGcVerbose(std::FILE* out);

  Isolate* isolate_;
  HeapOptions options_;
  ChunkAllocator chunk_allocator_;
  std::unique_ptr<NewSpace> new_space_;
  std::unique_ptr<OldSpace> old_space_;
  std::unique_ptr<LargeObjectSpace> lo_space_;
  std::unique_ptr<LargeObjectSpace> new_lo_space_;  // large objects allocated young
  std::unique_ptr<ReadOnlySpace> read_only_space_;
  ExternalSpace* external_space_ = nullptr;
  std::vector<RootProvider*> root_providers_;

  bool setup_finished_ = false;
  bool gc_in_progress_ = false;
  bool over_heap_limit_ = false;  // live data exceeds max_heap_size: allocations fail
  bool force_compaction_ = false;
  bool ignore_growth_limit_ = false;
  int64_t allocation_count_ = 0;
  int64_t stress_collections_ = 0;
  size_t old_generation_limit_ = 0;   // a full GC runs when old + large objects exceed it
  int low_survival_scavenges_ = 0;    // consecutive, for shrinking new space
  size_t previous_copied_bytes_ = 0;  // kept young by the scavenge before the last
  int quiet_scavenges_ = 0;           // consecutive, promoting (almost) nothing
  size_t old_generation_size_after_full_ = 0;
  GcStats stats_;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_HEAP_H_
