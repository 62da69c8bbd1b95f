// New space: semispace pages, page-by-page bump allocation, flips and the age mark.
#include "src/heap/new-space.h"

#include <algorithm>
#include <cstring>

#include "src/heap/heap.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define RUCHY_POISON(addr, size) ASAN_POISON_MEMORY_REGION(reinterpret_cast<void*>(addr), size)
#define RUCHY_UNPOISON(addr, size) ASAN_UNPOISON_MEMORY_REGION(reinterpret_cast<void*>(addr), size)
#else
#define RUCHY_POISON(addr, size) ((void)(addr), (void)(size))
#define RUCHY_UNPOISON(addr, size) ((void)(addr), (void)(size))
#endif

namespace ruchy::internal {

namespace {
// Zap value for evacuated from-space memory: odd, so it reads as a heap pointer, into an
// address range that is never mapped.
constexpr Address kZapValue = 0xdeadbeefdeadbeefull;
}  // namespace

NewSpace::NewSpace(Heap* heap, size_t min_capacity, size_t max_capacity)
    : heap_(heap),
      min_capacity_(std::max(kPageSize, base::RoundUp(min_capacity, kPageSize))),
      max_capacity_(std::max(min_capacity_, base::RoundUp(max_capacity, kPageSize))) {}

NewSpace::~NewSpace() {
  for (Page* page : to_pages_) FreePage(page);
  for (Page* page : from_pages_) FreePage(page);
}

Page* NewSpace::NewPage(bool to_space) {
  Address base = heap_->chunk_allocator()->Allocate(kPageSize);
  if (base == kNullAddress) return nullptr;
  uintptr_t flags = uintptr_t{Page::kInYoung} | (to_space ? uintptr_t{Page::kInToSpace} : 0);
  Page* page = Page::Initialize(base, kPageSize, heap_, SpaceKind::kNew, flags);
  if (!to_space) RUCHY_POISON(page->area_start(), page->area_size());
  return page;
}

void NewSpace::FreePage(Page* page) {
  RUCHY_UNPOISON(page->area_start(), page->area_size());
  heap_->chunk_allocator()->Free(page->base(), kPageSize);
}

bool NewSpace::SetUp() {
  if (!Grow(min_capacity_)) return false;
  ResetAllocation();
  return true;
}

bool NewSpace::Grow(size_t new_capacity) {
  new_capacity = std::min(max_capacity_, base::RoundUp(new_capacity, kPageSize));
  while (to_pages_.size() * kPageSize < new_capacity) {
    Page* to = NewPage(true);
    if (to == nullptr) return false;
    Page* from = NewPage(false);
    if (from == nullptr) {
      FreePage(to);
      return false;
    }
    to_pages_.push_back(to);
    from_pages_.push_back(from);
  }
  return true;
}

size_t NewSpace::Shrink(size_t new_capacity) {
  size_t keep = std::max(base::RoundUp(new_capacity, kPageSize), min_capacity_) / kPageSize;
  keep = std::max(keep, static_cast<size_t>(current_page_) + 1);
  while (to_pages_.size() > keep) {
    FreePage(to_pages_.back());
    to_pages_.pop_back();
    FreePage(from_pages_.back());
    from_pages_.pop_back();
  }
  return Capacity();
}

void NewSpace::ResetAllocation() {
  current_page_ = 0;
  for (Page* page : to_pages_) page->set_high_water(page->area_start());
  lab_.top = to_pages_[0]->area_start();
  page_limit_ = to_pages_[0]->area_end();
  lab_.limit = limit_lowered_ ? lab_.top : page_limit_;
}

bool NewSpace::AdvancePage() {
  Page* page = to_pages_[current_page_];
  CreateFillerObject(heap_, lab_.top, page_limit_ - lab_.top);
  lab_.top = page_limit_;
  page->set_high_water(page_limit_);
  if (current_page_ + 1 >= static_cast<int>(to_pages_.size())) {
    lab_.limit = lab_.top;
    return false;
  }
  ++current_page_;
  Page* next = to_pages_[current_page_];
  lab_.top = next->area_start();
  page_limit_ = next->area_end();
  return true;
}

AllocationResult NewSpace::AllocateSlow(int size) {
  while (static_cast<size_t>(size) > page_limit_ - lab_.top) {
    if (!AdvancePage()) return AllocationResult::Failure();
  }
  Address result = lab_.top;
  lab_.top += size;
  lab_.limit = limit_lowered_ ? lab_.top : page_limit_;
  return AllocationResult::FromAddress(result);
}

void NewSpace::SyncHighWater() { to_pages_[current_page_]->set_high_water(lab_.top); }

void NewSpace::Flip() {
  SyncHighWater();
  std::swap(to_pages_, from_pages_);
  for (Page* page : from_pages_) {
    page->ClearFlag(Page::kInToSpace);
    page->SetFlag(Page::kInFromSpace);
  }
  for (Page* page : to_pages_) {
    page->ClearFlag(Page::kBelowAgeMark);
    page->SetFlag(Page::kInToSpace);
    RUCHY_UNPOISON(page->area_start(), page->area_size());
  }
  ResetAllocation();
}

void NewSpace::SetAgeMark() {
  SyncHighWater();
  for (int i = 0; i < current_page_; ++i) to_pages_[i]->SetFlag(Page::kBelowAgeMark);
  age_mark_page_ = to_pages_[current_page_];
  age_mark_ = lab_.top;
}

void NewSpace::FinishScavenge() {
  for (Page* page : from_pages_) {
    page->ClearFlag(Page::kInFromSpace);
    page->ClearFlag(Page::kBelowAgeMark);
#ifndef NDEBUG
    for (Address a = page->area_start(); a < page->high_water(); a += kTaggedSize) {
      *reinterpret_cast<Address*>(a) = kZapValue;
    }
#endif
    page->set_high_water(page->area_start());
    RUCHY_POISON(page->area_start(), page->area_size());
  }
}

void NewSpace::ResetToEmpty() {
  for (Page* page : to_pages_) {
    page->ClearFlag(Page::kBelowAgeMark);
    page->ClearMarkBits();
  }
  for (Page* page : from_pages_) page->ClearMarkBits();
  age_mark_page_ = nullptr;
  age_mark_ = kNullAddress;
  ResetAllocation();
}

bool NewSpace::ToSpaceContains(Address a) const {
  Page* page = Page::FromAddress(a);
  return std::find(to_pages_.begin(), to_pages_.end(), page) != to_pages_.end();
}

bool NewSpace::FromSpaceContains(Address a) const {
  Page* page = Page::FromAddress(a);
  return std::find(from_pages_.begin(), from_pages_.end(), page) != from_pages_.end();
}

size_t NewSpace::SizeOfObjects() const {
  size_t total = 0;
  for (int i = 0; i < current_page_; ++i) {
    total += to_pages_[i]->high_water() - to_pages_[i]->area_start();
  }
  return total + (lab_.top - to_pages_[current_page_]->area_start());
}

}  // namespace ruchy::internal
