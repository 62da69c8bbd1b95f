// New space: two semispaces of pages. Objects are bump-allocated in the to-space; a
// scavenge flips the semispaces and copies survivors back into the fresh to-space, or
// promotes them to old space if they already survived one scavenge (the age mark). The
// semispaces grow and shrink between a minimum and a maximum capacity (the heap decides
// when, from the survival rate of scavenges).
#ifndef RUCHY_HEAP_NEW_SPACE_H_
#define RUCHY_HEAP_NEW_SPACE_H_

#include <vector>

#include "src/heap/spaces.h"

namespace ruchy::internal {

class NewSpace {
 public:
  // Capacities are per semispace, rounded up to whole pages; min <= max.
  NewSpace(Heap* heap, size_t min_capacity, size_t max_capacity);
  ~NewSpace();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(NewSpace);

  bool SetUp();

  // The inline fast path (JIT code does the same with the lab's addresses).
  AllocationResult AllocateFast(int size) {
    Address top = lab_.top;
    if (RUCHY_PREDICT_TRUE(static_cast<size_t>(size) <= lab_.limit - top)) {
      lab_.top = top + size;
      return AllocationResult::FromAddress(top);
    }
    return AllocationResult::Failure();
  }
  // Without the fast path's limit (which the heap may lower to force slow paths): bump in
  // the current page, then move to the next page of the to-space. Fails when it is full.
  AllocationResult AllocateSlow(int size);

  LinearAllocationArea* lab() { return &lab_; }
  // Lowers the visible limit to `top` so every allocation takes the slow path (stress GC,
  // allocation counting, heap over its limit), or restores the page limit.
  void SetLimitLowered(bool lowered) {
    limit_lowered_ = lowered;
    lab_.limit = lowered ? lab_.top : page_limit_;
  }

  // --- Scavenge support.
  // Swaps semispaces: the current to-space becomes the from-space being evacuated.
  void Flip();
  // Marks everything allocated so far as having survived a scavenge.
  void SetAgeMark();
  bool ShouldBePromoted(Address object_address) const {
    Page* page = Page::FromAddress(object_address);
    return page->IsFlagSet(Page::kBelowAgeMark) ||
           (page == age_mark_page_ && object_address < age_mark_);
  }
  // Ends the scavenge: from-space pages lose their flag and are zapped in debug builds.
  void FinishScavenge();
  // Drops every object (after a full GC promoted all survivors).
  void ResetToEmpty();

  // Pages of the to-space in allocation order; objects of page i occupy
  // [area_start, high_water) for pages before the current one, [area_start, top) for it.
  const std::vector<Page*>& to_space_pages() const { return to_pages_; }
  const std::vector<Page*>& from_space_pages() const { return from_pages_; }
  int current_page_index() const { return current_page_; }
  // Keeps page high-water marks in step with `top` so iteration sees every object.
  void SyncHighWater();

  bool ToSpaceContains(Address a) const;
  bool FromSpaceContains(Address a) const;
  // Bytes of one semispace now, and the bounds it moves between.
  size_t Capacity() const { return to_pages_.size() * kPageSize; }
  size_t MinimumCapacity() const { return min_capacity_; }
  size_t MaximumCapacity() const { return max_capacity_; }
  size_t CommittedMemory() const { return 2 * to_pages_.size() * kPageSize; }
  size_t SizeOfObjects() const;

  // --- Resizing, between scavenges only. Grow adds pages to both semispaces (allocation
  // continues into the new to-space pages); false if the system has no memory for them.
  bool Grow(size_t new_capacity);
  // Returns the pages beyond `new_capacity` to the system. The to-space pages released
  // must be unused: only pages after the current allocation page are, so the capacity
  // shrinks at most to what is in use (the return value).
  size_t Shrink(size_t new_capacity);

  // f(HeapObject) for every object in the to-space, in allocation order.
  template <typename F>
  void ForEachObject(F f);

 private:
  bool AdvancePage();
  void ResetAllocation();

  Page* NewPage(bool to_space);
  void FreePage(Page* page);

  Heap* heap_;
  size_t min_capacity_;
  size_t max_capacity_;
  std::vector<Page*> to_pages_;
  std::vector<Page*> from_pages_;
  int current_page_ = 0;
  LinearAllocationArea lab_;
  Address page_limit_ = kNullAddress;
  bool limit_lowered_ = false;
  Page* age_mark_page_ = nullptr;
  Address age_mark_ = kNullAddress;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_NEW_SPACE_H_
