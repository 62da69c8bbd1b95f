// Page: the header at the start of every kPageSize-aligned chunk of heap memory (new,
// old, large-object and read-only space; code space pages use it too). JIT code finds
// an object's page by masking its address and reads the flags word at offset 0.
#ifndef RUCHY_HEAP_PAGE_H_
#define RUCHY_HEAP_PAGE_H_

#include <cstddef>
#include <cstdint>

#include "src/base/logging.h"
#include "src/base/macros.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

class Heap;

constexpr int kPageSizeLog2 = 18;
constexpr size_t kPageSize = size_t{1} << kPageSizeLog2;  // 256 KB
constexpr Address kPageAlignmentMask = kPageSize - 1;

enum class SpaceKind : uint8_t { kNew, kOld, kLargeObject, kReadOnly, kExternal };

class Page {
 public:
  // Flag bits of the word at kFlagsOffset. The generational write barrier tests kInYoung
  // on the value's page and on the host's page.
  enum Flag : uintptr_t {
    kInYoung = 1 << 0,      // either semispace
    kInFromSpace = 1 << 1,  // the semispace being evacuated by a running scavenge
    kInToSpace = 1 << 2,    // the semispace new objects are allocated in
    // New-space page wholly filled before the last scavenge, or young large object that
    // survived one: its objects are promoted by the next scavenge.
    kBelowAgeMark = 1 << 3,
    kOldSpace = 1 << 4,
    kLargeObject = 1 << 5,
    kReadOnly = 1 << 6,
    kEvacuationCandidate = 1 << 7,  // being emptied by a compacting full GC
    kExternal = 1 << 8,             // owned by a space outside the heap (code space)
  };

  static constexpr int kFlagsOffset = 0;
  static constexpr int kMarkingBitmapWords = kPageSize / kTaggedSize / 64;

  // Lays out a page header at `base` (kPageSize-aligned, `size` bytes, size >= kPageSize
  // only for large-object chunks) and returns it.
  static Page* Initialize(Address base, size_t size, Heap* heap, SpaceKind kind, uintptr_t flags);

  static Page* FromAddress(Address address) {
    return reinterpret_cast<Page*>(address & ~kPageAlignmentMask);
  }
  // Works for large objects too: their start lies in the chunk's first kPageSize bytes.
  static Page* FromHeapObject(HeapObject object) { return FromAddress(object.address()); }

  static size_t HeaderSize();

  Address base() const { return reinterpret_cast<Address>(this); }
  Address area_start() const { return base() + HeaderSize(); }
  Address area_end() const { return base() + size_; }
  size_t area_size() const { return area_end() - area_start(); }
  size_t size() const { return size_; }
  static size_t RegularAreaSize() { return kPageSize - HeaderSize(); }

  uintptr_t flags() const { return flags_; }
  bool IsFlagSet(Flag flag) const { return (flags_ & flag) != 0; }
  void SetFlag(Flag flag) { flags_ |= flag; }
  void ClearFlag(Flag flag) { flags_ &= ~static_cast<uintptr_t>(flag); }
  bool InYoung() const { return IsFlagSet(kInYoung); }

  Heap* heap() const { return heap_; }
  SpaceKind kind() const { return kind_; }

  // Allocation watermark for new-space pages: objects occupy [area_start, high_water).
  Address high_water() const { return high_water_; }
  void set_high_water(Address a) { high_water_ = a; }

  Page* next() const { return next_; }
  void set_next(Page* next) { next_ = next; }

  // --- Marking bitmap: one bit per tagged word; an object's bit is at its first word.
  bool IsMarked(Address object_address) const {
    size_t index = (object_address - base()) >> kTaggedSizeLog2;
    return (marking_bitmap_[index >> 6] >> (index & 63)) & 1;
  }
  // Returns true if the bit was newly set.
  bool Mark(Address object_address) {
    size_t index = (object_address - base()) >> kTaggedSizeLog2;
    uint64_t bit = uint64_t{1} << (index & 63);
    uint64_t& word = marking_bitmap_[index >> 6];
    if (word & bit) return false;
    word |= bit;
    return true;
  }
  void ClearMarkBits();
  // Calls f(object_address) for each marked object, in address order.
  template <typename F>
  void ForEachMarked(F f) const {
    for (int w = 0; w < kMarkingBitmapWords; ++w) {
      uint64_t bits = marking_bitmap_[w];
      while (bits != 0) {
        int bit = __builtin_ctzll(bits);
        bits &= bits - 1;
        f(base() + ((static_cast<Address>(w) * 64 + bit) << kTaggedSizeLog2));
      }
    }
  }

  size_t live_bytes() const { return live_bytes_; }
  void set_live_bytes(size_t n) { live_bytes_ = n; }
  void add_live_bytes(size_t n) { live_bytes_ += n; }

  // --- Old-to-new remembered set: one bit per tagged slot of the chunk, allocated on the
  // first record.
  // Inline: the write barrier's out-of-line path is mostly this (nbody stores a new float
  // into an old struct ~75 times per step); the allocation is a separate call.
  void RecordOldToNewSlot(Address slot) {
    DCHECK(slot >= area_start() && slot < area_end());
    if (RUCHY_PREDICT_FALSE(slot_set_ == nullptr)) AllocateSlotSet();
    size_t index = (slot - base()) >> kTaggedSizeLog2;
    slot_set_[index >> 6] |= uint64_t{1} << (index & 63);
  }
  bool ContainsOldToNewSlot(Address slot) const;
  bool HasOldToNewSlots() const { return slot_set_ != nullptr; }
  void ClearOldToNewSlots();
  // Forgets the slots in [start, end) (memory that no longer holds live objects).
  void ClearOldToNewSlotsInRange(Address start, Address end);
  // Calls f(slot_address) for each recorded slot; f returns false to drop the slot.
  template <typename F>
  void IterateOldToNewSlots(F f) {
    if (slot_set_ == nullptr) return;
    size_t words = SlotSetWords();
    bool any_left = false;
    for (size_t w = 0; w < words; ++w) {
      uint64_t bits = slot_set_[w];
      if (bits == 0) continue;
      uint64_t keep = bits;
      while (bits != 0) {
        int bit = __builtin_ctzll(bits);
        bits &= bits - 1;
        Address slot = base() + ((static_cast<Address>(w) * 64 + bit) << kTaggedSizeLog2);
        if (!f(slot)) keep &= ~(uint64_t{1} << bit);
      }
      slot_set_[w] = keep;
      any_left |= keep != 0;
    }
    if (!any_left) ClearOldToNewSlots();
  }

  void ReleaseSideTables();

 private:
  __attribute__((noinline)) void AllocateSlotSet();
  size_t SlotSetWords() const { return (size_ / kTaggedSize + 63) / 64; }

  // flags_ must stay the first field (kFlagsOffset).
  uintptr_t flags_;
  Heap* heap_;
  size_t size_;
  Page* next_;
  Address high_water_;
  size_t live_bytes_;
  uint64_t* slot_set_;
  SpaceKind kind_;
  uint64_t marking_bitmap_[kMarkingBitmapWords];
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_PAGE_H_
