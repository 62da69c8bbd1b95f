// The ordered hash map: structural key hashing/equality (iterative over nested tuples),
// lookup, insertion with rehash-on-full, and removal by tombstoning.
#include "src/objects/hash-map.h"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

uint32_t Finish(uint64_t h) { return static_cast<uint32_t>(Mix(h)) & 0x3fffffff; }

// Hash of a key that is not a tuple.
uint64_t LeafHash(Value key) {
  if (key.IsSmi()) return Mix(static_cast<uint64_t>(Smi::ToInt(key)) ^ 0x1);
  HeapObject object = HeapObject::unchecked_cast(key);
  InstanceType type = object.instance_type();
  if (type == InstanceType::kHeapInt) {
    return Mix(static_cast<uint64_t>(HeapInt::unchecked_cast(object).value()) ^ 0x1);
  }
  if (type == InstanceType::kSeqString || type == InstanceType::kConsString) {
    return String::unchecked_cast(object).EnsureHash() * 0x9e3779b97f4a7c15ull;
  }
  if (type == InstanceType::kOddball) {
    return 0x51ed27 + static_cast<uint64_t>(Oddball::unchecked_cast(object).kind());
  }
  if (type == InstanceType::kHeapNumber) {
    double d = HeapNumber::unchecked_cast(object).value();
    if (d == 0) d = 0;  // -0.0 and 0.0 are equal keys
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof(bits));
    return Mix(bits ^ 0x2);
  }
  return 0;  // not a valid key: see HashMap::IsHashableKey
}

bool LeafEquals(Value a, Value b) {
  if (a == b) return true;
  if (a.IsSmi() || b.IsSmi()) return false;  // a Smi never equals a boxed value
  HeapObject x = HeapObject::unchecked_cast(a);
  HeapObject y = HeapObject::unchecked_cast(b);
  if (a.IsString())
    return b.IsString() && String::Equals(String::unchecked_cast(x), String::unchecked_cast(y));
  InstanceType type = x.instance_type();
  if (type != y.instance_type()) return false;
  if (type == InstanceType::kHeapInt) {
    return HeapInt::unchecked_cast(x).value() == HeapInt::unchecked_cast(y).value();
  }
  if (type == InstanceType::kHeapNumber) {
    return HeapNumber::unchecked_cast(x).value() == HeapNumber::unchecked_cast(y).value();
  }
  return false;  // oddballs and everything else: identity, already checked
}

}  // namespace

bool HashMap::IsHashableKey(Value key) {
  // The common keys need no work list (a heap allocation per lookup otherwise).
  if (key.IsSmi() || key.IsHeapInt() || key.IsString() || key.IsBoolean()) return true;
  if (!key.IsTuple()) return false;
  // Iterative so a deeply nested tuple cannot exhaust the native stack.
  std::vector<Value> pending{key};
  while (!pending.empty()) {
    Value v = pending.back();
    pending.pop_back();
    if (v.IsSmi() || v.IsHeapInt() || v.IsString() || v.IsBoolean()) continue;
    if (!v.IsTuple()) return false;
    Tuple tuple = Tuple::unchecked_cast(v);
    for (int i = 0; i < tuple.length(); ++i) pending.push_back(tuple.get(i));
  }
  return true;
}

uint32_t HashMap::SlowHashKey(Value key) {
  // Keep in step with HashKey (objects-inl.h), which answers Smis and hashed strings.
  DCHECK(!key.IsSmi());
  if (key.IsString()) return String::unchecked_cast(key).EnsureHash();
  if (!key.IsTuple()) return Finish(LeafHash(key));
  // Pre-order walk; the tuple marker with its length keeps ((1, 2), 3) apart from (1, (2, 3)).
  uint64_t h = 0x7475706c65ull;
  std::vector<Value> pending{key};
  while (!pending.empty()) {
    Value v = pending.back();
    pending.pop_back();
    if (v.IsTuple()) {
      Tuple tuple = Tuple::unchecked_cast(v);
      h = Mix(h ^ (0x3000000000000000ull + tuple.length()));
      for (int i = tuple.length() - 1; i >= 0; --i) pending.push_back(tuple.get(i));
    } else {
      h = Mix(h ^ LeafHash(v));
    }
  }
  return Finish(h);
}

bool HashMap::KeyEquals(Value a, Value b) {
  if (a == b) return true;
  if (!a.IsTuple() || !b.IsTuple()) return LeafEquals(a, b);
  std::vector<std::pair<Value, Value>> pending{{a, b}};
  while (!pending.empty()) {
    auto [x, y] = pending.back();
    pending.pop_back();
    if (x == y) continue;
    if (x.IsTuple() || y.IsTuple()) {
      if (!x.IsTuple() || !y.IsTuple()) return false;
      Tuple tx = Tuple::unchecked_cast(x);
      Tuple ty = Tuple::unchecked_cast(y);
      if (tx.length() != ty.length()) return false;
      for (int i = 0; i < tx.length(); ++i) pending.emplace_back(tx.get(i), ty.get(i));
    } else if (!LeafEquals(x, y)) {
      return false;
    }
  }
  return true;
}

Value HashMap::Get(Isolate* isolate, Value key) const {
  OrderedHashTable t = table();
  int entry = t.FindEntry(key, HashKey(key));
  if (entry == OrderedHashTable::kNotFound) return isolate->the_hole_value();
  return t.ValueAt(entry);
}

bool HashMap::Has(Value key) const {
  return table().FindEntry(key, HashKey(key)) != OrderedHashTable::kNotFound;
}

bool HashMap::Remove(Isolate* isolate, Value key) const {
  DCHECK(!is_shared());
  OrderedHashTable t = table();
  int entry = t.FindEntry(key, HashKey(key));
  if (entry == OrderedHashTable::kNotFound) return false;
  int index = t.EntryToIndex(entry);
  // The entry stays in its chain (hash kept) but can no longer match: its key is the hole.
  t.set(index + OrderedHashTable::kKeyOffsetInEntry, isolate->the_hole_value());
  t.set(index + OrderedHashTable::kValueOffsetInEntry, isolate->the_hole_value());
  t.set_number_of_elements(t.number_of_elements() - 1);
  t.set_number_of_deleted(t.number_of_deleted() + 1);
  return true;
}

namespace {

// A new table sized for the live entries (doubling when the old one was full of live
// entries, shrinking after many removals), holding them in their original order.
MaybeHandle<OrderedHashTable> Rehash(Isolate* isolate, Handle<OrderedHashTable> table) {
  int live = table->number_of_elements();
  int capacity = OrderedHashTable::kMinCapacity;
  while (capacity < 2 * live) capacity *= 2;
  if (live == table->capacity()) capacity = 2 * table->capacity();
  Handle<OrderedHashTable> fresh;
  if (!isolate->factory()->NewOrderedHashTable(capacity).ToHandle(&fresh)) return {};
  DisallowGarbageCollection no_gc;
  using T = OrderedHashTable;
  T from = *table;
  T to = *fresh;
  // AppendEntry's work with the loop invariants hoisted. The fresh table is young (new
  // space or the young large-object space) unless it was too big for either: stores of
  // keys and values need the write barrier only then.
  WriteBarrierMode mode =
      Heap::InYoungGeneration(to) ? WriteBarrierMode::kSkip : WriteBarrierMode::kUpdate;
  Value hole = isolate->the_hole_value();
  int used = from.used_entries();
  int from_index = from.EntryToIndex(0);
  int buckets = to.number_of_buckets();
  uint32_t bucket_mask = static_cast<uint32_t>(buckets - 1);
  int to_index = T::kBucketsStartIndex + buckets;
  int appended = 0;
  for (int entry = 0; entry < used; ++entry, from_index += T::kEntrySize) {
    Value key = from.get(from_index + T::kKeyOffsetInEntry);
    if (key == hole) continue;  // removed
    int64_t link = Smi::ToInt(from.get(from_index + T::kLinkOffsetInEntry));
    uint32_t hash = static_cast<uint32_t>(link) & T::kHashMask;
    int bucket = T::kBucketsStartIndex + static_cast<int>(hash & bucket_mask);
    to.set(to_index + T::kKeyOffsetInEntry, key, mode);
    to.set(to_index + T::kValueOffsetInEntry, from.get(from_index + T::kValueOffsetInEntry), mode);
    to.set(to_index + T::kLinkOffsetInEntry, Smi::FromInt(T::MakeLink(hash, to.SmiAt(bucket))),
           WriteBarrierMode::kSkip);
    to.SetSmi(bucket, appended);
    ++appended;
    to_index += T::kEntrySize;
  }
  to.set_number_of_elements(appended);
  return fresh;
}

// Rank of a key's kind in the BTreeMap order.
int KeyRank(Value v) {
  if (v.IsBoolean()) return 0;
  if (v.IsSmi() || v.IsHeapInt()) return 1;
  if (v.IsString()) return 2;
  if (v.IsTuple()) return 3;
  return 4;
}

int64_t KeyInt(Value v) { return v.IsSmi() ? Smi::ToInt(v) : HeapInt::cast(v).value(); }

// -1, 0 or 1. Tuples nest at most kMaxDepth deep here; deeper parts compare equal.
int CompareKeys(Value a, Value b, int depth) {
  constexpr int kMaxDepth = 256;
  int ra = KeyRank(a), rb = KeyRank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return a.IsTrue() == b.IsTrue() ? 0 : (b.IsTrue() ? -1 : 1);
    case 1: {
      int64_t x = KeyInt(a), y = KeyInt(b);
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 2: {
      int c = String::cast(a).ToStdString().compare(String::cast(b).ToStdString());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case 3: {
      if (depth >= kMaxDepth) return 0;
      Tuple x = Tuple::cast(a), y = Tuple::cast(b);
      for (int i = 0; i < x.length() && i < y.length(); ++i) {
        int c = CompareKeys(x.get(i), y.get(i), depth + 1);
        if (c != 0) return c;
      }
      return x.length() < y.length() ? -1 : (x.length() > y.length() ? 1 : 0);
    }
    default:
      return 0;
  }
}

// Empties the table's entries and buckets, then appends `live` in order.
void RewriteEntries(OrderedHashTable table, const std::vector<std::pair<Value, Value>>& live) {
  int used = table.used_entries();
  for (int b = 0; b < table.number_of_buckets(); ++b) {
    table.SetSmi(OrderedHashTable::kBucketsStartIndex + b, OrderedHashTable::kNotFound);
  }
  for (int entry = 0; entry < used; ++entry) {
    int index = table.EntryToIndex(entry);
    for (int i = 0; i < OrderedHashTable::kEntrySize; ++i) table.set(index + i, Smi::zero());
  }
  table.set_number_of_elements(0);
  table.set_number_of_deleted(0);
  for (const auto& [key, value] : live) table.AppendEntry(key, value, HashMap::HashKey(key));
}

std::vector<std::pair<Value, Value>> LiveEntries(OrderedHashTable table) {
  std::vector<std::pair<Value, Value>> live;
  live.reserve(static_cast<size_t>(table.number_of_elements()));
  for (int entry = 0; entry < table.used_entries(); ++entry) {
    if (table.IsLiveEntry(entry)) live.emplace_back(table.KeyAt(entry), table.ValueAt(entry));
  }
  return live;
}

// A sorted map after appending its last entry: an out-of-order key marks it unsorted.
void NoteOrder(HashMap map, OrderedHashTable table) {
  if (map.has_flag(CowContainer::kUnsortedBit)) return;
  int last = table.used_entries() - 1;
  int previous = last - 1;
  while (previous >= 0 && !table.IsLiveEntry(previous)) --previous;
  if (previous >= 0 && !HashMap::KeyLess(table.KeyAt(previous), table.KeyAt(last))) {
    map.set_flag(CowContainer::kUnsortedBit);
  }
}

}  // namespace

bool HashMap::KeyLess(Value a, Value b) { return CompareKeys(a, b, 0) < 0; }

void HashMap::SortEntries() const {
  OrderedHashTable t = table();
  std::vector<std::pair<Value, Value>> live = LiveEntries(t);
  std::stable_sort(live.begin(), live.end(),
                   [](const auto& a, const auto& b) { return KeyLess(a.first, b.first); });
  RewriteEntries(t, live);
}

bool HashMap::Insert(Isolate* isolate, Handle<HashMap> map, Handle<Value> key, Handle<Value> value,
                     Value* previous) {
  Value ignored;
  if (previous == nullptr) previous = &ignored;
  DCHECK(!map->is_shared());
  uint32_t hash = HashKey(*key);
  bool sorted = map->has_flag(CowContainer::kSortedMapBit);
  *previous = isolate->the_hole_value();
  InsertResult result = map->InsertIfRoom(*key, hash, *value, previous);
  if (result == InsertResult::kAppended && sorted) NoteOrder(*map, map->table());
  if (result != InsertResult::kFull) return true;
  Handle<OrderedHashTable> fresh;
  if (!Rehash(isolate, handle(map->table(), isolate)).ToHandle(&fresh)) return false;
  map->set_table(*fresh);
  fresh->AppendEntry(*key, *value, hash);
  if (sorted) NoteOrder(*map, *fresh);
  return true;
}

}  // namespace ruchy::internal
