// The intern table: one internalized string per contents, so names compare by identity.
// Internalized strings live in old space (or read-only space for roots) and are held
// weakly: a full GC drops entries nobody else references and updates moved ones.
#ifndef RUCHY_OBJECTS_STRING_TABLE_H_
#define RUCHY_OBJECTS_STRING_TABLE_H_

#include <string_view>
#include <vector>

#include "src/base/macros.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

template <typename T>
class Handle;
template <typename T>
class MaybeHandle;

class StringTable {
 public:
  StringTable() : slots_(kInitialCapacity, kEmpty) {}
  RUCHY_DISALLOW_COPY_AND_ASSIGN(StringTable);

  MaybeHandle<String> LookupString(Isolate* isolate, Handle<String> string);
  MaybeHandle<String> LookupUtf8(Isolate* isolate, std::string_view utf8);
  // The internalized string equal to `string` if one exists; never allocates.
  String TryLookup(String string) const;

  size_t size() const { return count_; }

  // GC hooks. `is_live(HeapObject)` decides which entries survive; `forward(HeapObject)`
  // returns an entry's current address.
  template <typename IsLive>
  void RemoveDead(IsLive is_live) {
    for (Address& slot : slots_) {
      if (slot == kEmpty || slot == kDeleted) continue;
      if (!is_live(HeapObject(slot))) {
        slot = kDeleted;
        --count_;
        ++deleted_;
      }
    }
  }
  template <typename Forward>
  void UpdateEntries(Forward forward) {
    for (Address& slot : slots_) {
      if (slot == kEmpty || slot == kDeleted) continue;
      slot = forward(HeapObject(slot)).ptr();
    }
  }
  template <typename F>
  void ForEach(F f) const {
    for (Address slot : slots_) {
      if (slot != kEmpty && slot != kDeleted) f(HeapObject(slot));
    }
  }

 private:
  static constexpr size_t kInitialCapacity = 256;
  static constexpr Address kEmpty = 0;
  static constexpr Address kDeleted = 2;  // a Smi: never a string pointer

  template <typename Matches>
  size_t FindSlot(uint32_t hash, Matches matches) const;
  void Insert(String string);
  void Grow();

  std::vector<Address> slots_;
  size_t count_ = 0;
  size_t deleted_ = 0;
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_STRING_TABLE_H_
