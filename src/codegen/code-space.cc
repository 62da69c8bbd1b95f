// Code space implementation: aligned mmap'd pages, first-fit allocation of code objects,
// W^X permission flips, embedded-pointer updates and the mark/sweep hooks.
#include "src/codegen/code-space.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "src/base/logging.h"

namespace ruchy::internal::codegen {

namespace {

constexpr uint8_t kInt3 = 0xCC;  // fills unused code memory so stray jumps trap

size_t OsPageSize() { return static_cast<size_t>(sysconf(_SC_PAGESIZE)); }

void Protect(Address start, size_t size, int protection) {
  if (mprotect(reinterpret_cast<void*>(start), size, protection) != 0) {
    FATAL("code space: mprotect failed");
  }
}

void StoreField(Address object, int offset, uint32_t value) {
  std::memcpy(reinterpret_cast<void*>(object + static_cast<Address>(offset)), &value,
              sizeof(value));
}

}  // namespace

static_assert(sizeof(RelocInfo) == 8, "reloc entries are stored verbatim after the code");

std::span<const RelocInfo> InstalledCode::reloc_info() const {
  size_t offset = base::RoundUp(UnwindInfoOffset(instruction_size()) + unwind_info().size(), 8);
  return {reinterpret_cast<const RelocInfo*>(instruction_start() + offset),
          Field(kRelocCountOffset)};
}

// One mapping: [base, base + header_size) is the page header (read+write), the rest is the
// code area (read+execute, or read+write inside a WritableScope).
struct CodeSpace::CodePage {
  Address base = 0;
  size_t size = 0;
  Address area_start = 0;
  Address top = 0;  // objects (code or free) tile [area_start, top)
  int writable_depth = 0;
  size_t live_count = 0;
  std::vector<uint64_t> marks;  // one bit per kCodeAlignment bytes

  Address area_end() const { return base + size; }
  size_t MarkIndex(Address a) const { return (a - base) / kCodeAlignment; }
};

CodeSpace::CodeSpace(const CodeSpaceOptions& options)
    : options_(options), header_size_(base::RoundUp(options.page_header_size, OsPageSize())) {
  CHECK(base::IsPowerOfTwo(options_.page_size));
  CHECK_GE(options_.page_size, 2 * header_size_);
  CHECK(options_.page_flags_offset >= 0 &&
        static_cast<size_t>(options_.page_flags_offset) + sizeof(uintptr_t) <= header_size_);
}

CodeSpace::~CodeSpace() {
  if (!observers_.empty())
    ForEachCode([this](InstalledCode code) {
      for (Observer* observer : observers_) observer->OnCodeFreed(code);
    });
  for (auto& [base, page] : pages_) {
    if (options_.on_page_released) options_.on_page_released(base);
    munmap(reinterpret_cast<void*>(base), page->size);
  }
}

void CodeSpace::AddObserver(Observer* observer) { observers_.push_back(observer); }

void CodeSpace::RemoveObserver(Observer* observer) {
  observers_.erase(std::remove(observers_.begin(), observers_.end(), observer), observers_.end());
}

// ---------------------------------------------------------------------------
// Pages and permissions

CodeSpace::CodePage* CodeSpace::AllocatePage(size_t size) {
  size_t alignment = options_.page_size;
  // Over-reserve, then trim to an aligned window: mmap only guarantees OS-page alignment.
  void* raw = mmap(nullptr, size + alignment, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) FATAL("code space: out of address space");
  Address start = reinterpret_cast<Address>(raw);
  Address base = base::RoundUp(start, alignment);
  if (base > start) munmap(raw, base - start);
  Address end = start + size + alignment;
  if (end > base + size) munmap(reinterpret_cast<void*>(base + size), end - (base + size));

  auto page = std::make_unique<CodePage>();
  page->base = base;
  page->size = size;
  page->area_start = base + header_size_;
  page->top = page->area_start;
  page->marks.assign((size / kCodeAlignment + 63) / 64, 0);

  Protect(base, header_size_, PROT_READ | PROT_WRITE);
  uintptr_t flags = options_.page_flags;
  std::memcpy(reinterpret_cast<void*>(base + static_cast<Address>(options_.page_flags_offset)),
              &flags, sizeof(flags));
  if (options_.on_page_allocated) options_.on_page_allocated(base, size);
  Protect(page->area_start, page->area_end() - page->area_start, PROT_READ | PROT_WRITE);
  std::memset(reinterpret_cast<void*>(page->area_start), kInt3,
              page->area_end() - page->area_start);
  Protect(page->area_start, page->area_end() - page->area_start, PROT_READ | PROT_EXEC);

  CodePage* result = page.get();
  pages_.emplace(base, std::move(page));
  return result;
}

void CodeSpace::ReleasePage(CodePage* page) {
  CHECK_EQ(page->writable_depth, 0);
  Address base = page->base;
  Address end = page->area_end();
  free_blocks_.erase(
      std::remove_if(free_blocks_.begin(), free_blocks_.end(),
                     [=](const FreeBlock& b) { return b.start >= base && b.start < end; }),
      free_blocks_.end());
  if (current_page_ == page) current_page_ = nullptr;
  if (options_.on_page_released) options_.on_page_released(base);
  munmap(reinterpret_cast<void*>(base), page->size);
  pages_.erase(base);
}

CodeSpace::CodePage* CodeSpace::PageOf(Address address) const {
  auto it = pages_.upper_bound(address);
  if (it == pages_.begin()) return nullptr;
  --it;
  CodePage* page = it->second.get();
  return address < page->area_end() ? page : nullptr;
}

void CodeSpace::MakeWritable(CodePage* page) {
  if (page->writable_depth++ == 0) {
    Protect(page->area_start, page->area_end() - page->area_start, PROT_READ | PROT_WRITE);
  }
}

void CodeSpace::MakeExecutable(CodePage* page) {
  DCHECK_GT(page->writable_depth, 0);
  if (--page->writable_depth == 0) {
    Protect(page->area_start, page->area_end() - page->area_start, PROT_READ | PROT_EXEC);
  }
}

CodeSpace::WritableScope::WritableScope(CodeSpace* space, InstalledCode code)
    : space_(space), page_(space->PageOf(code.address())) {
  CHECK(page_ != nullptr);
  space_->MakeWritable(page_);
}

CodeSpace::WritableScope::~WritableScope() { space_->MakeExecutable(page_); }

// ---------------------------------------------------------------------------
// Allocation

void CodeSpace::WriteFreeHeader(Address start, size_t size) {
  std::memset(reinterpret_cast<void*>(start), 0, InstalledCode::kHeaderSize);
  StoreField(start, InstalledCode::kObjectSizeOffset, static_cast<uint32_t>(size));
  StoreField(start, InstalledCode::kKindOffset, InstalledCode::kFree);
}

Address CodeSpace::AllocateRaw(size_t size) {
  DCHECK_EQ(size % kCodeAlignment, 0u);
  for (size_t i = 0; i < free_blocks_.size(); ++i) {
    FreeBlock block = free_blocks_[i];
    if (block.size < size) continue;
    if (block.size == size) {
      free_blocks_.erase(free_blocks_.begin() + static_cast<ptrdiff_t>(i));
    } else {
      free_blocks_[i] = FreeBlock{block.start + size, block.size - size};
      WritableScope scope(this, InstalledCode(block.start));
      WriteFreeHeader(block.start + size, block.size - size);
    }
    return block.start;
  }
  if (current_page_ == nullptr || current_page_->area_end() - current_page_->top < size) {
    size_t page_bytes =
        std::max(options_.page_size, base::RoundUp(header_size_ + size, options_.page_size));
    CodePage* page = AllocatePage(page_bytes);
    // A large page holds one object; regular pages become the bump target.
    if (page_bytes == options_.page_size) {
      current_page_ = page;
    } else {
      page->top = page->area_start + size;
      return page->area_start;
    }
  }
  Address result = current_page_->top;
  current_page_->top += size;
  return result;
}

InstalledCode CodeSpace::Install(const CodeDesc& desc, const std::string& name) {
  size_t instruction_size = desc.instructions.size();
  for (const RelocInfo& reloc : desc.reloc_info) {
    CHECK(reloc.mode != RelocMode::kNone);
    CHECK_LE(static_cast<size_t>(reloc.pc_offset) + kRelocSlotSize, instruction_size);
  }
  size_t unwind_offset = InstalledCode::UnwindInfoOffset(instruction_size);
  size_t reloc_offset = base::RoundUp(unwind_offset + desc.unwind_info.size(), 8);
  size_t reloc_bytes = desc.reloc_info.size() * sizeof(RelocInfo);
  size_t size =
      base::RoundUp(InstalledCode::kHeaderSize + reloc_offset + reloc_bytes, kCodeAlignment);
  CHECK_LE(size, size_t{UINT32_MAX});

  Address address = AllocateRaw(size);
  CodePage* page = PageOf(address);
  ++page->live_count;
  live_bytes_ += size;
  {
    WritableScope scope(this, InstalledCode(address));
    Address instructions = address + InstalledCode::kHeaderSize;
    std::memset(reinterpret_cast<void*>(address), kInt3, size);
    std::memset(reinterpret_cast<void*>(address), 0, InstalledCode::kHeaderSize);
    StoreField(address, InstalledCode::kInstructionSizeOffset,
               static_cast<uint32_t>(instruction_size));
    StoreField(address, InstalledCode::kUnwindInfoSizeOffset,
               static_cast<uint32_t>(desc.unwind_info.size()));
    StoreField(address, InstalledCode::kRelocCountOffset,
               static_cast<uint32_t>(desc.reloc_info.size()));
    StoreField(address, InstalledCode::kObjectSizeOffset, static_cast<uint32_t>(size));
    StoreField(address, InstalledCode::kKindOffset, InstalledCode::kCode);
    if (instruction_size > 0) {
      std::memcpy(reinterpret_cast<void*>(instructions), desc.instructions.data(),
                  instruction_size);
    }
    if (!desc.unwind_info.empty()) {
      std::memcpy(reinterpret_cast<void*>(instructions + unwind_offset), desc.unwind_info.data(),
                  desc.unwind_info.size());
    }
    if (reloc_bytes > 0) {
      std::memcpy(reinterpret_cast<void*>(instructions + reloc_offset), desc.reloc_info.data(),
                  reloc_bytes);
    }
  }
  // x64 keeps instruction fetch coherent with stores on the same thread, and the mprotect
  // above serializes, so no cache flush is needed before running the code.
  InstalledCode code(address);
  for (Observer* observer : observers_) observer->OnCodeInstalled(code, name);
  return code;
}

void CodeSpace::Free(InstalledCode code) {
  CodePage* page = PageOf(code.address());
  CHECK(page != nullptr);
  CHECK(code.kind() == InstalledCode::kCode);
  for (Observer* observer : observers_) observer->OnCodeFreed(code);
  size_t size = code.size();
  live_bytes_ -= size;
  size_t index = page->MarkIndex(code.address());
  page->marks[index / 64] &= ~(uint64_t{1} << (index % 64));
  if (--page->live_count == 0) {
    ReleasePage(page);
    return;
  }
  {
    WritableScope scope(this, code);
    std::memset(reinterpret_cast<void*>(code.address()), kInt3, size);
    WriteFreeHeader(code.address(), size);
  }
  free_blocks_.push_back(FreeBlock{code.address(), size});
}

// ---------------------------------------------------------------------------
// Queries and GC hooks

bool CodeSpace::Contains(Address address) const { return PageOf(address) != nullptr; }

InstalledCode CodeSpace::FindCode(Address pc) const {
  CodePage* page = PageOf(pc);
  if (page == nullptr) return InstalledCode();
  // Objects tile the page, so a walk finds the one containing pc.
  for (Address a = page->area_start; a < page->top;) {
    InstalledCode object(a);
    if (pc < a + object.size()) {
      return object.kind() == InstalledCode::kCode ? object : InstalledCode();
    }
    a += object.size();
  }
  return InstalledCode();
}

void CodeSpace::ForEachCode(const std::function<void(InstalledCode)>& f) const {
  for (const auto& [base, page] : pages_) {
    for (Address a = page->area_start; a < page->top;) {
      InstalledCode object(a);
      a += object.size();
      if (object.kind() == InstalledCode::kCode) f(object);
    }
  }
}

bool CodeSpace::Mark(InstalledCode code) {
  CodePage* page = PageOf(code.address());
  CHECK(page != nullptr);
  size_t index = page->MarkIndex(code.address());
  uint64_t bit = uint64_t{1} << (index % 64);
  if (page->marks[index / 64] & bit) return false;
  page->marks[index / 64] |= bit;
  return true;
}

bool CodeSpace::IsMarked(InstalledCode code) const {
  CodePage* page = PageOf(code.address());
  CHECK(page != nullptr);
  size_t index = page->MarkIndex(code.address());
  return (page->marks[index / 64] >> (index % 64)) & 1;
}

size_t CodeSpace::SweepUnmarked() {
  std::vector<InstalledCode> dead;
  ForEachCode([&](InstalledCode code) {
    if (!IsMarked(code)) dead.push_back(code);
  });
  for (auto& [base, page] : pages_) std::fill(page->marks.begin(), page->marks.end(), 0);
  for (InstalledCode code : dead) Free(code);

  // Merge neighbouring free objects and give a free tail back to the bump pointer, so
  // freed space is reusable for objects larger than any one freed object.
  free_blocks_.clear();
  for (auto& [base, page] : pages_) {
    WritableScope scope(this, InstalledCode(page->area_start));
    Address a = page->area_start;
    while (a < page->top) {
      if (InstalledCode(a).kind() != InstalledCode::kFree) {
        a += InstalledCode(a).size();
        continue;
      }
      Address run_end = a;
      while (run_end < page->top && InstalledCode(run_end).kind() == InstalledCode::kFree) {
        run_end += InstalledCode(run_end).size();
      }
      if (run_end == page->top && page.get() == current_page_) {
        page->top = a;
        break;
      }
      WriteFreeHeader(a, run_end - a);
      free_blocks_.push_back(FreeBlock{a, run_end - a});
      a = run_end;
    }
  }
  return dead.size();
}

void CodeSpace::UpdateEmbeddedPointers(InstalledCode code,
                                       const std::function<Address(Address)>& visitor) {
  std::optional<WritableScope> scope;
  for (const RelocInfo& reloc : code.reloc_info()) {
    if (reloc.mode != RelocMode::kEmbeddedObject) continue;
    void* slot = reinterpret_cast<void*>(code.instruction_start() + reloc.pc_offset);
    Address old_value;
    std::memcpy(&old_value, slot, sizeof(old_value));  // slots are not aligned
    Address new_value = visitor(old_value);
    if (new_value == old_value) continue;
    if (!scope) scope.emplace(this, code);
    std::memcpy(slot, &new_value, sizeof(new_value));
  }
}

}  // namespace ruchy::internal::codegen
