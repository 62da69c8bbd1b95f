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

NewSpace::NewSpace(Heap* heap, size_t semi_space_size)
    : heap_(heap),
      semi_space_size_(std::max(kPageSize, base::RoundUp(semi_space_size, kPageSize))) {}

NewSpace::~NewSpace() {
  for (Page* page : to_pages_) {
    RUCHY_UNPOISON(page->area_start(), page->area_size());
    heap_->chunk_allocator()->Free(page->base(), kPageSize);
  }
  for (Page* page : from_pages_) {
    RUCHY_UNPOISON(page->area_start(), page->area_size());
    heap_->chunk_allocator()->Free(page->base(), kPageSize);
  }
}

bool NewSpace::SetUp() {
  size_t pages = semi_space_size_ / kPageSize;
  for (size_t i = 0; i < 2 * pages; ++i) {
    Address base = heap_->chunk_allocator()->Allocate(kPageSize);
    if (base == kNullAddress) return false;
    bool to = i < pages;
    uintptr_t flags = uintptr_t{Page::kInYoung} | (to ? uintptr_t{Page::kInToSpace} : 0);
    Page* page = Page::Initialize(base, kPageSize, heap_, SpaceKind::kNew, flags);
    (to ? to_pages_ : from_pages_).push_back(page);
    if (!to) RUCHY_POISON(page->area_start(), page->area_size());
  }
  ResetAllocation();
  return true;
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
