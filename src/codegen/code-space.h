// The code space: executable pages from mmap holding installed code objects. Memory is
// writable or executable, never both (W^X): pages are read+execute except inside a
// WritableScope. Page-based and heap-shaped (aligned pages with a flags header, a
// reserved first word per object, mark/sweep hooks) so the heap can adopt it as its
// code space; see src/codegen/README.md for the seam.
#ifndef RUCHY_CODEGEN_CODE_SPACE_H_
#define RUCHY_CODEGEN_CODE_SPACE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "src/base/macros.h"
#include "src/codegen/code-desc.h"
#include "src/codegen/heap-layout.h"
#include "src/codegen/reloc-info.h"

namespace ruchy::internal::codegen {

using Address = uintptr_t;

// A view of one code object in the code space. Layout from the object's address (64-byte
// aligned):
//   +0   one word reserved for the heap's object header (the Shape pointer); 0 until the
//        heap adopts the space
//   +8   uint32 instruction size      +12  uint32 unwind info size
//   +16  uint32 reloc entry count     +20  uint32 object size (whole region)
//   +24  uint32 kind (code or free)   +28..63 reserved
//   +64  instructions, then unwind info at UnwindInfoOffset(instruction size) from the
//        instruction start, then the reloc entries (8-byte aligned).
class InstalledCode {
 public:
  static constexpr int kHeaderSize = 64;
  static constexpr int kInstructionSizeOffset = 8;
  static constexpr int kUnwindInfoSizeOffset = 12;
  static constexpr int kRelocCountOffset = 16;
  static constexpr int kObjectSizeOffset = 20;
  static constexpr int kKindOffset = 24;
  enum Kind : uint32_t { kCode = 0xC0DE, kFree = 0xF4EE };

  InstalledCode() = default;
  explicit InstalledCode(Address address) : address_(address) {}

  bool is_null() const { return address_ == 0; }
  Address address() const { return address_; }
  // The tagged pointer the heap and generated code would use for this object.
  Address tagged() const { return address_ + kHeapObjectTag; }

  Address instruction_start() const { return address_ + kHeaderSize; }
  uint32_t instruction_size() const { return Field(kInstructionSizeOffset); }
  Address instruction_end() const { return instruction_start() + instruction_size(); }
  uint32_t size() const { return Field(kObjectSizeOffset); }
  Kind kind() const { return static_cast<Kind>(Field(kKindOffset)); }
  bool Contains(Address pc) const { return pc >= instruction_start() && pc < instruction_end(); }

  std::span<const uint8_t> instructions() const {
    return {reinterpret_cast<const uint8_t*>(instruction_start()), instruction_size()};
  }
  Address unwind_info_start() const {
    return instruction_start() + UnwindInfoOffset(instruction_size());
  }
  std::span<const uint8_t> unwind_info() const {
    return {reinterpret_cast<const uint8_t*>(unwind_info_start()), Field(kUnwindInfoSizeOffset)};
  }
  std::span<const RelocInfo> reloc_info() const;

  // Where unwind info starts, relative to the instruction start. Unwind info generators
  // use it to encode code addresses relative to their own position before installation.
  static constexpr size_t UnwindInfoOffset(size_t instruction_size) {
    return base::RoundUp(instruction_size, 8);
  }

  // The instructions as a function pointer: code.entry<int64_t(int64_t)>()(42).
  template <typename Signature>
  Signature* entry() const {
    return reinterpret_cast<Signature*>(instruction_start());
  }

  bool operator==(const InstalledCode& other) const { return address_ == other.address_; }

 private:
  uint32_t Field(int offset) const {
    return *reinterpret_cast<const uint32_t*>(address_ + static_cast<Address>(offset));
  }
  Address address_ = 0;
};

struct CodeSpaceOptions {
  // Alignment and size of a regular page; code larger than one page gets a large page of
  // a multiple of this size.
  size_t page_size = kHeapPageSize;
  // Bytes at the start of each page for its header (rounded up to the OS page size).
  // Always read+write, never executable, so the GC can update flags and marks.
  size_t page_header_size = 4096;
  // Written to the header's flags word, where the write barrier looks.
  uintptr_t page_flags = kPageExternalFlag;
  int page_flags_offset = kPageFlagsOffset;
  // Called once a page's header is mapped read+write and its flags are written (the heap
  // initializes its own page header here), and just before a page is unmapped.
  std::function<void(Address base, size_t size)> on_page_allocated;
  std::function<void(Address base)> on_page_released;
};

class CodeSpace {
 private:
  struct CodePage;  // bookkeeping for one mapping, kept outside the mapping itself

 public:
  static constexpr size_t kCodeAlignment = 64;

  // Told about code entering and leaving the space: the seam for --perf-prof, --print-code
  // and unwind-info registration, which live in src/diagnostics.
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void OnCodeInstalled(InstalledCode code, const std::string& name) = 0;
    virtual void OnCodeFreed(InstalledCode code) = 0;
  };

  explicit CodeSpace(const CodeSpaceOptions& options = {});
  ~CodeSpace();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(CodeSpace);

  // Copies `desc` into a new code object while its page is writable, then flips the page
  // back to read+execute. Running out of address space is fatal.
  InstalledCode Install(const CodeDesc& desc, const std::string& name = "");
  // Returns the object's memory to the space (filled with int3); empty pages are unmapped.
  void Free(InstalledCode code);

  // Makes the pages holding `code` (or the page at `address`) writable and not executable
  // while the scope lives; scopes nest. Patching code goes through here.
  class WritableScope {
   public:
    WritableScope(CodeSpace* space, InstalledCode code);
    ~WritableScope();
    RUCHY_DISALLOW_COPY_AND_ASSIGN(WritableScope);

   private:
    CodeSpace* space_;
    CodePage* page_;
  };

  // Calls `visitor(old_value)` for every embedded heap pointer (RelocMode::kEmbeddedObject)
  // in `code` and stores what it returns. The page is made writable only if some value
  // changes. This is what a moving GC runs over code that refers to objects it moved.
  void UpdateEmbeddedPointers(InstalledCode code,
                              const std::function<Address(Address old_value)>& visitor);

  bool Contains(Address address) const;
  // The code object whose instructions contain `pc`, or a null one.
  InstalledCode FindCode(Address pc) const;
  // f(InstalledCode) for every live code object, in address order within each page.
  void ForEachCode(const std::function<void(InstalledCode)>& f) const;

  // Mark-sweep hooks for the heap's full GC. Marks live outside the (executable) pages.
  bool Mark(InstalledCode code);  // true if it was not marked before
  bool IsMarked(InstalledCode code) const;
  // Frees every unmarked code object and clears all marks; returns how many were freed.
  size_t SweepUnmarked();

  size_t SizeOfObjects() const { return live_bytes_; }
  size_t page_count() const { return pages_.size(); }
  const CodeSpaceOptions& options() const { return options_; }

  void AddObserver(Observer* observer);
  void RemoveObserver(Observer* observer);

 private:
  struct FreeBlock {
    Address start;
    size_t size;
  };

  Address AllocateRaw(size_t size);
  CodePage* AllocatePage(size_t size);
  void ReleasePage(CodePage* page);
  CodePage* PageOf(Address address) const;
  void WriteFreeHeader(Address start, size_t size);
  void MakeWritable(CodePage* page);
  void MakeExecutable(CodePage* page);

  CodeSpaceOptions options_;
  size_t header_size_;  // page_header_size rounded up to the OS page size
  std::map<Address, std::unique_ptr<CodePage>> pages_;  // by base address
  CodePage* current_page_ = nullptr;                    // bump allocation happens here
  std::vector<FreeBlock> free_blocks_;
  size_t live_bytes_ = 0;
  std::vector<Observer*> observers_;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_CODE_SPACE_H_
