// The facts about values and the heap that generated code bakes in: tagging, page
// alignment and flags, the write-barrier protocol and the allocation area. Codegen must not
// depend on src/heap at build time, so the values live here, mirroring src/objects/value.h
// and src/heap/page.h of the heap branch (issue #4); at merge the heap static_asserts them.
#ifndef RUCHY_CODEGEN_HEAP_LAYOUT_H_
#define RUCHY_CODEGEN_HEAP_LAYOUT_H_

#include <cstddef>
#include <cstdint>

namespace ruchy::internal::codegen {

// ---- Tagging (ARCHITECTURE.md §2): Smi = n << 1 (low bit 0), heap pointer = address + 1.
constexpr int kSmiTagSize = 1;
constexpr int kSmiShift = 1;
constexpr intptr_t kSmiTag = 0;
constexpr intptr_t kSmiTagMask = 1;
constexpr intptr_t kHeapObjectTag = 1;
constexpr int kTaggedSize = 8;
constexpr int64_t kSmiMinValue = -(int64_t{1} << 62);
constexpr int64_t kSmiMaxValue = (int64_t{1} << 62) - 1;

// ---- Pages. Every heap chunk (and every code-space page) is aligned to kHeapPageSize and
// starts with a header whose flags word sits at kPageFlagsOffset.
constexpr size_t kHeapPageSizeLog2 = 18;
constexpr size_t kHeapPageSize = size_t{1} << kHeapPageSizeLog2;  // 256 KB
constexpr int kPageFlagsOffset = 0;
constexpr uintptr_t kPageInYoungFlag = uintptr_t{1} << 0;
constexpr uintptr_t kPageExternalFlag = uintptr_t{1} << 8;  // owned outside the heap (code)

// How generated code finds and tests page flags, and what it calls when the test says a
// slot must be recorded. The generational barrier records `host.field = value` when
//   value is a heap object
//   && (page(value).flags & young_flag) != 0
//   && (page(host).flags & young_flag) == 0
// by calling record_slot(page(host), slot address). page(x) = x & ~(page_size - 1).
// The defaults describe the heap branch; tests substitute their own fake pages.
struct WriteBarrierProtocol {
  size_t page_size = kHeapPageSize;
  int flags_offset = kPageFlagsOffset;
  uintptr_t young_flag = kPageInYoungFlag;
  // void RecordSlot(Address host_page, Address slot): System V, may clobber caller-saved
  // registers (the barrier saves the live ones around the call).
  uintptr_t record_slot_function = 0;
};

// The bump-pointer area generated code allocates young objects from. `limit` is normally
// the word after `top` (the heap's LinearAllocationArea), but any two addresses work.
struct AllocationArea {
  uintptr_t top_address = 0;
  uintptr_t limit_address = 0;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_HEAP_LAYOUT_H_
