// Chunk allocation, fillers, the old-space free list and allocator, large-object space
// and read-only space.
#include "src/heap/spaces.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>

#include "src/execution/isolate.h"
#include "src/heap/heap.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {
constexpr size_t kOsPageSize = 4096;
}  // namespace

// --- ChunkAllocator ------------------------------------------------------------------

ChunkAllocator::~ChunkAllocator() {
  for (Address page : cached_pages_) munmap(reinterpret_cast<void*>(page), kPageSize);
}

Address ChunkAllocator::Allocate(size_t size) {
  size = base::RoundUp(size, kOsPageSize);
  if (size == kPageSize && !cached_pages_.empty()) {
    Address page = cached_pages_.back();
    cached_pages_.pop_back();
    return page;
  }
  // Over-reserve by one alignment unit and trim, so the chunk starts kPageSize-aligned.
  size_t reserve = size + kPageSize;
  void* raw = mmap(nullptr, reserve, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return kNullAddress;
  Address start = reinterpret_cast<Address>(raw);
  Address aligned = base::RoundUp(start, kPageSize);
  if (aligned > start) munmap(raw, aligned - start);
  Address end = start + reserve;
  if (end > aligned + size) munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  return aligned;
}

void ChunkAllocator::Free(Address base, size_t size) {
  size = base::RoundUp(size, kOsPageSize);
  if (size == kPageSize && cached_pages_.size() < kMaxCachedPages) {
    // The cache saves the aligned mapping's system calls, not the memory: a cached page
    // would otherwise stay resident (up to 4 MB of freed pages while large objects,
    // which the cache does not serve, are mapped anew). Its next use faults it in zeroed.
    madvise(reinterpret_cast<void*>(base), size, MADV_DONTNEED);
    cached_pages_.push_back(base);
    return;
  }
  munmap(reinterpret_cast<void*>(base), size);
}

// --- Fillers -------------------------------------------------------------------------

void CreateFillerObject(Heap* heap, Address start, size_t size) {
  if (size == 0) return;
  DCHECK_EQ(size % kTaggedSize, 0u);
  Isolate* isolate = heap->isolate();
  HeapObject filler = HeapObject::FromAddress(start);
  if (size == kTaggedSize) {
    filler.set_shape(isolate->filler_shape());
  } else {
    filler.set_shape(isolate->free_space_shape());
    FreeSpace::unchecked_cast(filler).set_size(static_cast<int>(size));
  }
}

// --- FreeList ------------------------------------------------------------------------

int FreeList::BucketFor(size_t size) {
  if (size < 256) return static_cast<int>(size / 8);
  int log = 63 - __builtin_clzll(size / 256);  // 256..511 -> 0
  return std::min(kExactBuckets + log, kBuckets - 1);
}

void FreeList::Add(Address start, size_t size) {
  if (size < kMinBlockSize) return;
  buckets_[BucketFor(size)].push_back(Block{start, size});
  available_ += size;
}

FreeList::Block FreeList::Take(size_t size) {
  int first = BucketFor(size);
  // Blocks in the exact buckets all have the bucket's size; a ranged bucket may hold
  // blocks smaller than `size`, so look through it before moving up.
  for (int b = first; b < kBuckets; ++b) {
    std::vector<Block>& bucket = buckets_[b];
    if (bucket.empty()) continue;
    if (b == first && b >= kExactBuckets) {
      for (size_t i = bucket.size(); i-- > 0;) {
        if (bucket[i].size >= size) {
          Block block = bucket[i];
          bucket[i] = bucket.back();
          bucket.pop_back();
          available_ -= block.size;
          return block;
        }
      }
      continue;
    }
    Block block = bucket.back();
    bucket.pop_back();
    available_ -= block.size;
    return block;
  }
  return Block{};
}

void FreeList::Reset() {
  for (auto& bucket : buckets_) bucket.clear();
  available_ = 0;
}

void FreeList::RemovePageBlocks(Page* page) {
  for (auto& bucket : buckets_) {
    auto it = std::remove_if(bucket.begin(), bucket.end(), [&](const Block& block) {
      if (Page::FromAddress(block.start) != page) return false;
      available_ -= block.size;
      return true;
    });
    bucket.erase(it, bucket.end());
  }
}

// --- OldSpace ------------------------------------------------------------------------

OldSpace::~OldSpace() {
  for (Page* page : pages_) {
    page->ReleaseSideTables();
    heap_->chunk_allocator()->Free(page->base(), kPageSize);
  }
}

Page* OldSpace::AddPage() {
  Address base = heap_->chunk_allocator()->Allocate(kPageSize);
  if (base == kNullAddress) return nullptr;
  Page* page = Page::Initialize(base, kPageSize, heap_, SpaceKind::kOld, Page::kOldSpace);
  pages_.push_back(page);
  return page;
}

void OldSpace::RetireLab() {
  if (lab_.top < lab_.limit) {
    size_t rest = lab_.limit - lab_.top;
    CreateFillerObject(heap_, lab_.top, rest);
    free_list_.Add(lab_.top, rest);
  }
  lab_ = LinearAllocationArea{};
}

AllocationResult OldSpace::AllocateSlow(int size, bool for_gc) {
  RetireLab();
  FreeList::Block block = free_list_.Take(size);
  if (block.size == 0) {
    if (!for_gc && !heap_->CanExpandOldGeneration(kPageSize)) return AllocationResult::Failure();
    Page* page = AddPage();
    if (page == nullptr) return AllocationResult::Failure();
    block = FreeList::Block{page->area_start(), page->area_size()};
  }
  lab_.top = block.start + size;
  lab_.limit = block.start + block.size;
  return AllocationResult::FromAddress(block.start);
}

void OldSpace::ReleasePage(Page* page) {
  free_list_.RemovePageBlocks(page);
  pages_.erase(std::find(pages_.begin(), pages_.end(), page));
  page->ReleaseSideTables();
  heap_->chunk_allocator()->Free(page->base(), kPageSize);
}

void OldSpace::ReleaseEvacuationCandidates() {
  std::vector<Page*> keep;
  for (Page* page : pages_) {
    if (page->IsFlagSet(Page::kEvacuationCandidate)) {
      page->ReleaseSideTables();
      heap_->chunk_allocator()->Free(page->base(), kPageSize);
    } else {
      keep.push_back(page);
    }
  }
  pages_ = std::move(keep);
}

size_t OldSpace::SizeOfObjects() const {
  size_t area = pages_.size() * Page::RegularAreaSize();
  return area - free_list_.available() - (lab_.limit - lab_.top);
}

bool OldSpace::Contains(Address a) const {
  Page* page = Page::FromAddress(a);
  return std::find(pages_.begin(), pages_.end(), page) != pages_.end();
}

// --- LargeObjectSpace ----------------------------------------------------------------

LargeObjectSpace::~LargeObjectSpace() {
  for (Page* page : pages_) {
    page->ReleaseSideTables();
    heap_->chunk_allocator()->Free(page->base(), page->size());
  }
}

size_t LargeObjectSpace::ChunkSizeFor(int size) {
  return base::RoundUp(Page::HeaderSize() + size, kOsPageSize);
}

AllocationResult LargeObjectSpace::AllocateRaw(int size) {
  size_t chunk_size = ChunkSizeFor(size);
  Address base = heap_->chunk_allocator()->Allocate(chunk_size);
  if (base == kNullAddress) return AllocationResult::Failure();
  uintptr_t flags = young_ ? Page::kLargeObject | Page::kInYoung | Page::kInToSpace
                           : uintptr_t{Page::kLargeObject};
  Page* page = Page::Initialize(base, chunk_size, heap_, SpaceKind::kLargeObject, flags);
  page->set_high_water(page->area_start() + size);
  AddPage(page);
  return AllocationResult::FromAddress(page->area_start());
}

void LargeObjectSpace::AddPage(Page* page) {
  pages_.push_back(page);
  committed_ += page->size();
  objects_size_ += page->high_water() - page->area_start();
}

void LargeObjectSpace::RemovePage(Page* page) {
  pages_.erase(std::find(pages_.begin(), pages_.end(), page));
  committed_ -= page->size();
  objects_size_ -= page->high_water() - page->area_start();
}

void LargeObjectSpace::FreeUnmarked() {
  std::vector<Page*> keep;
  for (Page* page : pages_) {
    if (page->IsMarked(page->area_start())) {
      page->ClearMarkBits();
      keep.push_back(page);
    } else {
      committed_ -= page->size();
      objects_size_ -= page->high_water() - page->area_start();
      page->ReleaseSideTables();
      heap_->chunk_allocator()->Free(page->base(), page->size());
    }
  }
  pages_ = std::move(keep);
}

void LargeObjectSpace::Flip() {
  DCHECK(young_);
  for (Page* page : pages_) {
    page->ClearFlag(Page::kInToSpace);
    page->SetFlag(Page::kInFromSpace);
  }
}

void LargeObjectSpace::FreeDead() {
  DCHECK(young_);
  std::vector<Page*> keep;
  for (Page* page : pages_) {
    if (page->IsFlagSet(Page::kInFromSpace)) {
      committed_ -= page->size();
      objects_size_ -= page->high_water() - page->area_start();
      heap_->chunk_allocator()->Free(page->base(), page->size());
    } else {
      keep.push_back(page);
    }
  }
  pages_ = std::move(keep);
}

void LargeObjectSpace::PromotePage(Page* page, LargeObjectSpace* old_space) {
  DCHECK(young_ && !old_space->young_);
  RemovePage(page);
  page->ClearFlag(Page::kInYoung);
  page->ClearFlag(Page::kInToSpace);
  page->ClearFlag(Page::kInFromSpace);
  page->ClearFlag(Page::kBelowAgeMark);
  old_space->AddPage(page);
}

bool LargeObjectSpace::Contains(Address a) const {
  for (Page* page : pages_) {
    if (a >= page->area_start() && a < page->area_end()) return true;
  }
  return false;
}

// --- ReadOnlySpace -------------------------------------------------------------------

ReadOnlySpace::~ReadOnlySpace() {
  for (Page* page : pages_) {
    if (sealed_) mprotect(reinterpret_cast<void*>(page->base()), kPageSize, PROT_READ | PROT_WRITE);
    heap_->chunk_allocator()->Free(page->base(), kPageSize);
  }
}

AllocationResult ReadOnlySpace::AllocateRaw(int size) {
  CHECK(!sealed_);
  if (static_cast<size_t>(size) > lab_.limit - lab_.top) {
    CHECK_LE(static_cast<size_t>(size), Page::RegularAreaSize());
    if (!pages_.empty()) {
      CreateFillerObject(heap_, lab_.top, lab_.limit - lab_.top);
      pages_.back()->set_high_water(lab_.limit);
    }
    Address base = heap_->chunk_allocator()->Allocate(kPageSize);
    CHECK(base != kNullAddress);
    Page* page = Page::Initialize(base, kPageSize, heap_, SpaceKind::kReadOnly, Page::kReadOnly);
    pages_.push_back(page);
    lab_.top = page->area_start();
    lab_.limit = page->area_end();
  }
  Address result = lab_.top;
  lab_.top += size;
  pages_.back()->set_high_water(lab_.top);
  return AllocationResult::FromAddress(result);
}

void ReadOnlySpace::Seal() {
  // Iteration stops at each page's high-water mark, so the unused tail needs no filler.
  for (Page* page : pages_) {
    CHECK_EQ(mprotect(reinterpret_cast<void*>(page->base()), kPageSize, PROT_READ), 0);
  }
  lab_ = LinearAllocationArea{};
  sealed_ = true;
}

bool ReadOnlySpace::Contains(Address a) const {
  Page* page = Page::FromAddress(a);
  return std::find(pages_.begin(), pages_.end(), page) != pages_.end();
}

size_t ReadOnlySpace::SizeOfObjects() const {
  size_t total = 0;
  for (Page* page : pages_) total += page->high_water() - page->area_start();
  return total;
}

}  // namespace ruchy::internal
