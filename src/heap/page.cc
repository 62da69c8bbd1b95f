// Page header setup and the remembered-set side table.
#include "src/heap/page.h"

#include <cstdlib>
#include <cstring>
#include <new>

namespace ruchy::internal {

size_t Page::HeaderSize() {
  // Rounded so object areas start on a cache-line boundary.
  return base::RoundUp(sizeof(Page), 256);
}

Page* Page::Initialize(Address base, size_t size, Heap* heap, SpaceKind kind, uintptr_t flags) {
  DCHECK_EQ(base & kPageAlignmentMask, 0u);
  DCHECK_GE(size, HeaderSize());
  Page* page = reinterpret_cast<Page*>(base);
  page->flags_ = flags;
  page->heap_ = heap;
  page->size_ = size;
  page->next_ = nullptr;
  page->high_water_ = page->area_start();
  page->live_bytes_ = 0;
  page->slot_set_ = nullptr;
  page->kind_ = kind;
  std::memset(page->marking_bitmap_, 0, sizeof(page->marking_bitmap_));
  return page;
}

void Page::ClearMarkBits() { std::memset(marking_bitmap_, 0, sizeof(marking_bitmap_)); }

void Page::AllocateSlotSet() {
  slot_set_ = static_cast<uint64_t*>(std::calloc(SlotSetWords(), sizeof(uint64_t)));
  CHECK(slot_set_ != nullptr);
}

bool Page::ContainsOldToNewSlot(Address slot) const {
  if (slot_set_ == nullptr) return false;
  size_t index = (slot - base()) >> kTaggedSizeLog2;
  return (slot_set_[index >> 6] >> (index & 63)) & 1;
}

void Page::ClearOldToNewSlots() {
  std::free(slot_set_);
  slot_set_ = nullptr;
}

void Page::ClearOldToNewSlotsInRange(Address start, Address end) {
  if (slot_set_ == nullptr || end <= start) return;
  size_t first = (start - base()) >> kTaggedSizeLog2;
  size_t last = (end - base()) >> kTaggedSizeLog2;  // exclusive
  while (first < last && (first & 63) != 0) {
    slot_set_[first >> 6] &= ~(uint64_t{1} << (first & 63));
    ++first;
  }
  while (first + 64 <= last) {
    slot_set_[first >> 6] = 0;
    first += 64;
  }
  while (first < last) {
    slot_set_[first >> 6] &= ~(uint64_t{1} << (first & 63));
    ++first;
  }
}

void Page::ReleaseSideTables() { ClearOldToNewSlots(); }

}  // namespace ruchy::internal
