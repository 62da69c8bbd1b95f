// The language's hash map: an ordered hash table (iteration in insertion order, so output
// is deterministic) with structural keys — integers, strings, bools and tuples of those —
// hashed and compared by value without allocating (ropes are hashed chunk by chunk).
#ifndef RUCHY_OBJECTS_HASH_MAP_H_
#define RUCHY_OBJECTS_HASH_MAP_H_

#include "src/objects/cow.h"
#include "src/objects/fixed-array.h"

namespace ruchy::internal {

// Backing store, laid out in a FixedArray body:
//   [0] number of live entries   [1] number of deleted entries   [2] number of buckets
//   [3, 3 + buckets)             bucket heads: Smi entry index or kNotFound
//   then capacity = kLoadFactor * buckets entries of kEntrySize slots: key, value, link,
//   where the link Smi packs the key's 30-bit hash (low bits) with the next entry of the
//   bucket's chain plus one (kChainShift up; 0 ends the chain).
// Entries are appended in insertion order; removal writes the hole over key and value,
// and a rehash (on growth) drops the holes. Unused entries hold Smi zero. Three slots
// per entry and one bucket per entry keep a lookup to few cache lines: a chain is short
// (0.5 entries on average) and its links share the entries' lines.
class OrderedHashTable : public FixedArray {
  RUCHY_OBJECT_CONSTRUCTORS(OrderedHashTable, FixedArray)

 public:
  static constexpr int kNumberOfElementsIndex = 0;
  static constexpr int kNumberOfDeletedIndex = 1;
  static constexpr int kNumberOfBucketsIndex = 2;
  static constexpr int kBucketsStartIndex = 3;
  static constexpr int kEntrySize = 3;
  static constexpr int kKeyOffsetInEntry = 0;
  static constexpr int kValueOffsetInEntry = 1;
  static constexpr int kLinkOffsetInEntry = 2;
  static constexpr int kChainShift = 30;
  static constexpr uint32_t kHashMask = (1u << kChainShift) - 1;
  static constexpr int kLoadFactor = 1;
  static constexpr int kNotFound = -1;
  static constexpr int kMinCapacity = 4;
  static constexpr int kMaxCapacity = (1 << 24);

  static constexpr int LengthFor(int capacity) {
    return kBucketsStartIndex + capacity / kLoadFactor + capacity * kEntrySize;
  }

  RUCHY_ALWAYS_INLINE int number_of_elements() const { return SmiAt(kNumberOfElementsIndex); }
  RUCHY_ALWAYS_INLINE int number_of_deleted() const { return SmiAt(kNumberOfDeletedIndex); }
  RUCHY_ALWAYS_INLINE int number_of_buckets() const { return SmiAt(kNumberOfBucketsIndex); }
  RUCHY_ALWAYS_INLINE int capacity() const { return number_of_buckets() * kLoadFactor; }
  RUCHY_ALWAYS_INLINE int used_entries() const {
    return number_of_elements() + number_of_deleted();
  }

  RUCHY_ALWAYS_INLINE void set_number_of_elements(int n) const {
    SetSmi(kNumberOfElementsIndex, n);
  }
  RUCHY_ALWAYS_INLINE void set_number_of_deleted(int n) const { SetSmi(kNumberOfDeletedIndex, n); }

  RUCHY_ALWAYS_INLINE int BucketHead(uint32_t hash) const {
    return SmiAt(kBucketsStartIndex + static_cast<int>(hash & (number_of_buckets() - 1)));
  }
  RUCHY_ALWAYS_INLINE void SetBucketHead(uint32_t hash, int entry) const {
    SetSmi(kBucketsStartIndex + static_cast<int>(hash & (number_of_buckets() - 1)), entry);
  }
  RUCHY_ALWAYS_INLINE int EntryToIndex(int entry) const {
    return kBucketsStartIndex + number_of_buckets() + entry * kEntrySize;
  }
  RUCHY_ALWAYS_INLINE Value KeyAt(int entry) const {
    return get(EntryToIndex(entry) + kKeyOffsetInEntry);
  }
  RUCHY_ALWAYS_INLINE Value ValueAt(int entry) const {
    return get(EntryToIndex(entry) + kValueOffsetInEntry);
  }
  RUCHY_ALWAYS_INLINE int64_t LinkAt(int entry) const {
    return Smi::ToInt(get(EntryToIndex(entry) + kLinkOffsetInEntry));
  }
  RUCHY_ALWAYS_INLINE uint32_t HashAt(int entry) const {
    return static_cast<uint32_t>(LinkAt(entry)) & kHashMask;
  }
  RUCHY_ALWAYS_INLINE int ChainAt(int entry) const {
    return static_cast<int>(LinkAt(entry) >> kChainShift) - 1;
  }
  static constexpr int64_t MakeLink(uint32_t hash, int chain) {
    return (static_cast<int64_t>(chain + 1) << kChainShift) | (hash & kHashMask);
  }
  inline bool IsLiveEntry(int entry) const;

  // Entry index of `key`, or kNotFound. Never allocates. Inline (objects-inl.h): a Smi
  // key is found by identity alone (it equals no boxed value and no other Smi).
  RUCHY_ALWAYS_INLINE int FindEntry(Value key, uint32_t hash) const;
  // Appends an entry; the table must have a free entry (used_entries() < capacity()).
  inline void AppendEntry(Value key, Value value, uint32_t hash) const;

  // Smi helpers over the FixedArray body.
  RUCHY_ALWAYS_INLINE int SmiAt(int index) const {
    return static_cast<int>(Smi::ToInt(get(index)));
  }
  RUCHY_ALWAYS_INLINE void SetSmi(int index, int value) const {
    set(index, Smi::FromInt(value), WriteBarrierMode::kSkip);
  }
};

class HashMap : public CowContainer {
  RUCHY_OBJECT_CONSTRUCTORS(HashMap, CowContainer)

 public:
  static constexpr int kTableOffset = 16;  // OrderedHashTable
  static constexpr int kSize = 24;
  static constexpr int kTaggedBodyStart = kFlagsOffset;

  inline OrderedHashTable table() const;
  inline void set_table(OrderedHashTable value,
                        WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;

  int size() const { return table().number_of_elements(); }
  // The value stored under `key`, or the hole. Never allocates.
  Value Get(Isolate* isolate, Value key) const;
  bool Has(Value key) const;
  // Removes `key`; returns whether it was present. Never allocates. The map must be
  // unshared (EnsureUnshared).
  bool Remove(Isolate* isolate, Value key) const;
  // Inserts or replaces. The map must be unshared. False when out of memory.
  // When `previous` is given it receives the value the key had, or the hole.
  [[nodiscard]] static bool Insert(Isolate* isolate, Handle<HashMap> map, Handle<Value> key,
                                   Handle<Value> value, Value* previous = nullptr);
  // Insert's allocation-free part, for a map that is unshared and not sorted: replaces the
  // value of a present key (kReplaced; *previous gets the old value) or appends the key
  // when the table has room (kAppended). kFull, with nothing changed, when the table has
  // no free entry. `hash` is HashKey(key).
  enum class InsertResult { kReplaced, kAppended, kFull };
  inline InsertResult InsertIfRoom(Value key, uint32_t hash, Value value, Value* previous) const;

  // Structural hashing over ints, strings, bools, nil, floats and tuples of those. Other
  // values (arrays, maps, functions...) are not valid keys: the runtime must reject them
  // with IsHashableKey before calling Insert; if one slips through it hashes to 0 and
  // compares by identity, which is safe but not meaningful.
  static bool IsHashableKey(Value key);
  // Inline (objects-inl.h) for Smis and strings with a cached hash; the rest out of line.
  RUCHY_ALWAYS_INLINE static uint32_t HashKey(Value key);
  static uint32_t SlowHashKey(Value key);  // HashKey for the other keys
  static bool KeyEquals(Value a, Value b);
  // The key order of BTreeMap/BTreeSet: booleans, then integers by value, then strings by
  // bytes, then tuples lexicographically.
  static bool KeyLess(Value a, Value b);
  // Rewrites the live entries in key order (stable). Allocates no heap objects. Only the
  // physical order changes, so a shared map may be sorted in place.
  void SortEntries() const;
  // A BTreeMap/BTreeSet that received keys out of order is sorted now (O(n log n) once
  // per batch of out-of-order inserts); everything else is left alone.
  void EnsureSorted() const {
    if (has_flag(kUnsortedBit)) {
      SortEntries();
      set_flags(flags() & ~kUnsortedBit);
    }
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_HASH_MAP_H_
