// Copy-on-write value semantics (LANGUAGE.md §2). Arrays, tuples, maps, structs and enum
// values carry a shared bit in a Smi flags word at kFlagsOffset. Duplicating a reference
// marks the container shared; a mutation through a place first calls EnsureUnshared, which
// swaps a shared container for an unshared shallow copy (marking the copied children
// shared, since both copies now reference them) and then writes in place.
#ifndef RUCHY_OBJECTS_COW_H_
#define RUCHY_OBJECTS_COW_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

template <typename T>
class Handle;
template <typename T>
class MaybeHandle;

class CowContainer : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(CowContainer, HeapObject)

 public:
  // Same offset in every container kind; JIT code tests bit kSharedBit of the Smi
  // payload (bit kSharedBit + 1 of the raw word) before an in-place store.
  static constexpr int kFlagsOffset = 8;
  static constexpr int64_t kSharedBit = 1 << 0;
  // Kind refinements that share a representation (and so a shape) with their base kind.
  // A copy keeps them. HashMap: the map is a HashSet (keys only, every value true), which
  // changes how it displays, iterates and what insert/remove return.
  static constexpr int64_t kHashSetBit = 1 << 1;
  // Tuple: the (map, key) pair `map.entry(key)` returns; see src/builtins/builtins.h.
  static constexpr int64_t kMapEntryBit = 1 << 2;
  // HashMap: a BTreeMap or BTreeSet; every walk over its entries (for loops, keys, values,
  // iter) sees them in key order (HashMap::KeyLess).
  static constexpr int64_t kSortedMapBit = 1 << 3;
  // HashMap with kSortedMapBit: a key arrived out of order; readers that walk the entries
  // sort them first (HashMap::EnsureSorted), so inserting stays O(1).
  static constexpr int64_t kUnsortedBit = 1 << 4;
  // HashMap: a module namespace (its entries are the module's members), searched for
  // members before built-in methods.
  static constexpr int64_t kModuleNamespaceBit = 1 << 5;

  RUCHY_ALWAYS_INLINE int64_t flags() const { return Smi::ToInt(ReadTagged(kFlagsOffset)); }
  RUCHY_ALWAYS_INLINE void set_flags(int64_t flags) const {
    WriteTaggedNoBarrier(kFlagsOffset, Smi::FromInt(flags));
  }
  RUCHY_ALWAYS_INLINE bool is_shared() const { return (flags() & kSharedBit) != 0; }
  RUCHY_ALWAYS_INLINE void set_shared() const { set_flags(flags() | kSharedBit); }
  bool has_flag(int64_t bit) const { return (flags() & bit) != 0; }
  void set_flag(int64_t bit) const { set_flags(flags() | bit); }
};

// Marks `value` shared if it is a container; no-op for anything else. Never allocates.
void MarkShared(Value value);
bool IsShared(Value value);

// Whether `value` is a HashMap marked as a HashSet.
bool IsHashSet(Value value);

// Returns `container` itself when it is not shared; otherwise an unshared shallow copy
// (counted in Isolate::cow_copy_count()). The caller stores the result back into the place
// it mutates through. An empty result means out of memory (pending on the isolate).
MaybeHandle<CowContainer> EnsureUnshared(Isolate* isolate, Handle<CowContainer> container);

// The shallow copy itself, for callers that always want one (always unshared). It keeps
// the container's flags other than the shared bit.
MaybeHandle<CowContainer> ShallowCopy(Isolate* isolate, Handle<CowContainer> container);

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_COW_H_
