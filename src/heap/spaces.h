// The heap's spaces other than new space: old space (pages, free lists, linear allocation
// areas), large-object space (one chunk per object) and read-only space (bump-allocated
// at setup, then write-protected). Also the chunk allocator and allocation results.
#ifndef RUCHY_HEAP_SPACES_H_
#define RUCHY_HEAP_SPACES_H_

#include <cstddef>
#include <vector>

#include "src/base/macros.h"
#include "src/heap/page.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

class Heap;

// Objects larger than this go to large-object space.
constexpr int kMaxRegularObjectSize = 128 * 1024;

// An allocation outcome: an object address, or failure (the caller collects or reports
// out of memory).
class AllocationResult {
 public:
  static AllocationResult Failure() { return AllocationResult(kNullAddress); }
  static AllocationResult FromAddress(Address a) { return AllocationResult(a); }
  bool IsFailure() const { return address_ == kNullAddress; }
  Address address() const {
    DCHECK(!IsFailure());
    return address_;
  }
  bool To(HeapObject* out) const {
    if (IsFailure()) return false;
    *out = HeapObject::FromAddress(address_);
    return true;
  }

 private:
  explicit AllocationResult(Address a) : address_(a) {}
  Address address_;
};

// A bump-pointer region [top, limit). JIT code reads and writes `top` and `limit` of the
// new-space area directly (Heap::NewSpaceAllocationTopAddress()).
struct LinearAllocationArea {
  Address top = kNullAddress;
  Address limit = kNullAddress;
};

// Maps and unmaps kPageSize-aligned chunks, keeping a few regular pages cached (mapped,
// but their memory returned to the system).
class ChunkAllocator {
 public:
  ChunkAllocator() = default;
  ~ChunkAllocator();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ChunkAllocator);

  // nullptr when the system is out of memory.
  Address Allocate(size_t size);
  void Free(Address base, size_t size);

 private:
  static constexpr size_t kMaxCachedPages = 16;
  std::vector<Address> cached_pages_;
};

// Writes a filler object over [start, start + size) so page iteration can step over it.
void CreateFillerObject(Heap* heap, Address start, size_t size);

// Free blocks of old space, bucketed by size. Blocks are FreeSpace objects in the pages.
class FreeList {
 public:
  struct Block {
    Address start = kNullAddress;
    size_t size = 0;
  };
  // Blocks smaller than this are left as fillers and not reused until the next sweep.
  static constexpr size_t kMinBlockSize = 32;

  void Add(Address start, size_t size);
  // A block of at least `size` bytes, removed from the list; size 0 if none.
  Block Take(size_t size);
  void Reset();
  // Drops every block that lies in `page`.
  void RemovePageBlocks(Page* page);
  size_t available() const { return available_; }

 private:
  static constexpr int kExactBuckets = 32;  // sizes < 256 in steps of 8
  static constexpr int kBuckets = kExactBuckets + 20;
  static int BucketFor(size_t size);
  std::vector<Block> buckets_[kBuckets];
  size_t available_ = 0;
};

class OldSpace {
 public:
  explicit OldSpace(Heap* heap) : heap_(heap) {}
  ~OldSpace();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(OldSpace);

  AllocationResult AllocateRaw(int size) {
    Address top = lab_.top;
    if (RUCHY_PREDICT_TRUE(static_cast<size_t>(size) <= lab_.limit - top)) {
      lab_.top = top + size;
      return AllocationResult::FromAddress(top);
    }
    return AllocateSlow(size, /*for_gc=*/false);
  }
  // For promotion and evacuation: may grow past the heap limits, fails only when the
  // system itself is out of memory.
  AllocationResult AllocateForGC(int size) {
    Address top = lab_.top;
    if (RUCHY_PREDICT_TRUE(static_cast<size_t>(size) <= lab_.limit - top)) {
      lab_.top = top + size;
      return AllocationResult::FromAddress(top);
    }
    return AllocateSlow(size, /*for_gc=*/true);
  }

  // Closes the linear allocation area (filler over its unused part) so every page is
  // iterable object by object.
  void RetireLab();

  const std::vector<Page*>& pages() const { return pages_; }
  FreeList* free_list() { return &free_list_; }
  void ReleasePage(Page* page);
  // Removes pages flagged as evacuation candidates (their objects have moved) and frees them.
  void ReleaseEvacuationCandidates();

  size_t CommittedMemory() const { return pages_.size() * kPageSize; }
  size_t SizeOfObjects() const;
  bool Contains(Address a) const;

  // f(HeapObject) for every object, fillers included. The LAB must be retired.
  template <typename F>
  void ForEachObject(F f) const;

 private:
  AllocationResult AllocateSlow(int size, bool for_gc);
  Page* AddPage();

  Heap* heap_;
  std::vector<Page*> pages_;
  FreeList free_list_;
  LinearAllocationArea lab_;
};

// One chunk per object. The old space belongs to the old generation; the young one holds
// large objects allocated young (kInYoung pages): a scavenge frees those that died, keeps
// a survivor young once, and promotes it the next time by moving its chunk to the old
// space (large objects never move).
class LargeObjectSpace {
 public:
  LargeObjectSpace(Heap* heap, bool young) : heap_(heap), young_(young) {}
  ~LargeObjectSpace();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(LargeObjectSpace);

  // Growth limits are the heap's to check; fails only when the system is out of memory.
  AllocationResult AllocateRaw(int size);
  // Bytes of the chunk AllocateRaw(size) maps.
  static size_t ChunkSizeFor(int size);
  const std::vector<Page*>& pages() const { return pages_; }
  // Frees every chunk whose object is not marked; clears marks of the others.
  void FreeUnmarked();
  // Young space, scavenge support: Flip marks every chunk as being evacuated
  // (kInFromSpace); the scavenger keeps or promotes the chunks it reaches; FreeDead frees
  // those still marked so.
  void Flip();
  void FreeDead();
  // Moves `page` (of this young space) to `old_space`, as an old chunk.
  void PromotePage(Page* page, LargeObjectSpace* old_space);
  size_t CommittedMemory() const { return committed_; }
  size_t SizeOfObjects() const { return objects_size_; }
  bool Contains(Address a) const;
  static HeapObject ObjectOf(Page* page) { return HeapObject::FromAddress(page->area_start()); }

 private:
  void AddPage(Page* page);
  void RemovePage(Page* page);

  Heap* heap_;
  bool young_;
  std::vector<Page*> pages_;
  size_t committed_ = 0;
  size_t objects_size_ = 0;
};

// Oddballs, the shapes of fixed kinds, and root strings. Filled while the isolate is set
// up, then write-protected: a stray store faults immediately.
class ReadOnlySpace {
 public:
  explicit ReadOnlySpace(Heap* heap) : heap_(heap) {}
  ~ReadOnlySpace();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(ReadOnlySpace);

  AllocationResult AllocateRaw(int size);
  void Seal();
  bool sealed() const { return sealed_; }
  const std::vector<Page*>& pages() const { return pages_; }
  bool Contains(Address a) const;
  size_t SizeOfObjects() const;

 private:
  Heap* heap_;
  std::vector<Page*> pages_;
  LinearAllocationArea lab_;
  bool sealed_ = false;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_SPACES_H_
