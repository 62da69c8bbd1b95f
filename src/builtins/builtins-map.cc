// HashMap and HashSet methods, map entries (`entry(k).or_insert(v)`) and the map
// constructors. A HashSet is a HashMap flagged kHashSetBit whose values are all true: its
// insert/remove return booleans and it iterates (and collects) as its keys.
#include <algorithm>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal {

namespace builtins {

namespace {

Handle<HashMap> ReceiverMap(BuiltinArguments& args) {
  Handle<HashMap> map = Handle<HashMap>::cast(*args.receiver);
  map->EnsureSorted();  // a BTreeMap walks its keys in order
  return map;
}

bool CheckKey(BuiltinArguments& args, Handle<Value> key) {
  if (HashMap::IsHashableKey(*key)) return true;
  // The same text as a bad key in `m[k] = v` (value-ops).
  Fail(args.isolate, std::string("Type error: Cannot use ") + TypeName(*key) + " as a map key");
  return false;
}

MaybeHandle<HashMap> NewMap(Isolate* isolate, bool set, int capacity = 4, bool sorted = false) {
  Handle<HashMap> map;
  capacity = std::clamp(capacity, 4, 1 << 16);
  // The table wants a power of two.
  int rounded = 4;
  while (rounded < capacity) rounded *= 2;
  if (!isolate->factory()->NewHashMap(rounded).ToHandle(&map)) return {};
  if (set) map->set_flag(CowContainer::kHashSetBit);
  if (sorted) map->set_flag(CowContainer::kSortedMapBit);
  return map;
}

// Inserts into an unshared map, checking the key.
bool InsertChecked(BuiltinArguments& args, Handle<HashMap> map, Handle<Value> key,
                   Handle<Value> value) {
  if (!CheckKey(args, key)) return false;
  MarkShared(*key);  // a mutable tuple key must never change under the table
  return HashMap::Insert(args.isolate, map, key, value);
}

bool AddItem(BuiltinArguments& args, Handle<HashMap> map, Handle<Value> item, bool set) {
  Isolate* isolate = args.isolate;
  if (set) return InsertChecked(args, map, item, isolate->factory()->true_value());
  if (!(*item).IsTuple() || Tuple::cast(*item).length() != 2) {
    ValueTypeError(args, "(key, value) tuples", *item);
    return false;
  }
  Handle<Value> key(Tuple::cast(*item).get(0), isolate);
  Handle<Value> value(Tuple::cast(*item).get(1), isolate);
  MarkShared(*value);
  return InsertChecked(args, map, key, value);
}

// Live entries in insertion order, as handles.
void Entries(Isolate* isolate, Handle<HashMap> map, std::vector<Handle<Value>>* keys,
             std::vector<Handle<Value>>* values) {
  OrderedHashTable table = map->table();
  for (int entry = 0; entry < table.used_entries(); ++entry) {
    if (!table.IsLiveEntry(entry)) continue;
    MarkShared(table.KeyAt(entry));
    MarkShared(table.ValueAt(entry));
    if (keys != nullptr) keys->push_back(handle(table.KeyAt(entry), isolate));
    if (values != nullptr) values->push_back(handle(table.ValueAt(entry), isolate));
  }
}

MaybeHandle<HashMap> SetArgument(BuiltinArguments& args, int index) {
  if (!(*args.at(index)).IsHashMap()) {
    ArgumentTypeError(args, index, "a HashSet");
    return {};
  }
  return Handle<HashMap>::cast(args.at(index));
}

MaybeHandle<Value> KeysWhere(BuiltinArguments& args, Handle<HashMap> from, Handle<HashMap> other,
                             bool in_other) {
  std::vector<Handle<Value>> keys, kept;
  Entries(args.isolate, from, &keys, nullptr);
  for (const Handle<Value>& key : keys) {
    if (other->Has(*key) == in_other) kept.push_back(key);
  }
  return NewArrayFrom(args.isolate, kept);
}

bool IsSubset(Isolate* isolate, Handle<HashMap> small, Handle<HashMap> big) {
  std::vector<Handle<Value>> keys;
  Entries(isolate, small, &keys, nullptr);
  for (const Handle<Value>& key : keys) {
    if (!big->Has(*key)) return false;
  }
  return true;
}

}  // namespace

MaybeHandle<Value> CollectIntoMap(BuiltinArguments& args, const std::vector<Handle<Value>>& items,
                                  bool set, bool sorted) {
  Handle<HashMap> map;
  if (!NewMap(args.isolate, set, static_cast<int>(std::min<size_t>(items.size(), 1 << 16)))
           .ToHandle(&map)) {
    return {};
  }
  for (const Handle<Value>& item : items) {
    if (!AddItem(args, map, item, set)) return {};
  }
  if (sorted) {
    // One sort at the end rather than keeping the order on every insert.
    map->SortEntries();
    map->set_flag(CowContainer::kSortedMapBit);
  }
  return map;
}

MaybeHandle<Value> DefaultLike(Isolate* isolate, Value like) {
  Factory* factory = isolate->factory();
  if (like.IsHeapNumber()) return factory->NewHeapNumber(0.0);
  if (like.IsString()) return factory->empty_string();
  if (like.IsBoolean()) return factory->false_value();
  if (like.IsArray()) return NewEmptyArray(isolate);
  if (like.IsHashMap()) return NewMap(isolate, IsHashSet(like));
  return handle(Smi::zero(), isolate);
}

// --- Mutating methods.

MaybeHandle<Value> MapInsert(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  bool set = IsHashSet(**args.receiver);
  if (args.argc != (set ? 1 : 2)) {
    return Fail(isolate, std::string("Runtime error: insert() on a ") +
                             (set ? "HashSet expects 1 argument (a value), got "
                                  : "HashMap expects 2 arguments (a key and a value), got ") +
                             std::to_string(args.argc));
  }
  Handle<HashMap> map;
  if (!UnsharedReceiverMap(args).ToHandle(&map)) return {};
  Handle<Value> key = args.at(0);
  if (!CheckKey(args, key)) return {};
  Handle<Value> value = set ? Handle<Value>(isolate->factory()->true_value()) : args.at(1);
  MarkShared(*key);  // a mutable tuple key must never change under the table
  Value previous;
  if (!HashMap::Insert(isolate, map, key, value, &previous)) return {};
  if (set) return Boolean(isolate, previous.IsTheHole());
  return OptionOf(isolate, handle(previous, isolate));
}

MaybeHandle<Value> MapRemove(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  bool set = IsHashSet(**args.receiver);
  Handle<HashMap> map;
  if (!UnsharedReceiverMap(args).ToHandle(&map)) return {};
  Handle<Value> key = args.at(0);
  Handle<Value> old = isolate->factory()->the_hole_value();
  if (HashMap::IsHashableKey(*key)) {
    old = handle(map->Get(isolate, *key), isolate);
    map->Remove(isolate, *key);
  }
  if (set) return Boolean(isolate, !(*old).IsTheHole());
  return OptionOf(isolate, old);
}

MaybeHandle<Value> MapClear(BuiltinArguments& args) {
  Handle<HashMap> fresh;
  if (!NewMap(args.isolate, IsHashSet(**args.receiver)).ToHandle(&fresh)) return {};
  *args.receiver = fresh;
  return Nil(args.isolate);
}

MaybeHandle<Value> MapExtend(BuiltinArguments& args) {
  bool set = IsHashSet(**args.receiver);
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  Handle<HashMap> map;
  if (!UnsharedReceiverMap(args).ToHandle(&map)) return {};
  for (const Handle<Value>& item : items) {
    if (!AddItem(args, map, item, set)) return {};
  }
  return Nil(args.isolate);
}

MaybeHandle<Value> MapRetain(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  bool set = IsHashSet(**args.receiver);
  std::vector<Handle<Value>> keys, values, removed;
  Entries(isolate, ReceiverMap(args), &keys, &values);
  for (size_t i = 0; i < keys.size(); ++i) {
    Handle<Value> keep;
    MaybeHandle<Value> result =
        set ? Call1(isolate, args.at(0), keys[i]) : Call2(isolate, args.at(0), keys[i], values[i]);
    if (!result.ToHandle(&keep)) return {};
    if (!IsTruthy(*keep)) removed.push_back(keys[i]);
  }
  Handle<HashMap> map;
  if (!UnsharedReceiverMap(args).ToHandle(&map)) return {};
  for (const Handle<Value>& key : removed) map->Remove(isolate, *key);
  return Nil(isolate);
}

MaybeHandle<Value> MapEntry(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!CheckKey(args, args.at(0))) return {};
  Handle<HashMap> map;
  if (!UnsharedReceiverMap(args).ToHandle(&map)) return {};
  Handle<Tuple> entry;
  if (!isolate->factory()->NewTuple(2).ToHandle(&entry)) return {};
  // The map is borrowed, not copied: it stays unshared so the entry writes reach it.
  entry->set(0, *map);
  entry->set(1, *args.at(0));
  MarkShared(*args.at(0));
  entry->set_flag(CowContainer::kMapEntryBit);
  return entry;
}

// --- Reading methods.

MaybeHandle<Value> MapGet(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Value> key = args.at(0);
  if (!HashMap::IsHashableKey(*key)) return None(isolate);
  return OptionOf(isolate, handle(ReceiverMap(args)->Get(isolate, *key), isolate));
}

MaybeHandle<Value> MapContainsKey(BuiltinArguments& args) {
  Handle<Value> key = args.at(0);
  return Boolean(args.isolate, HashMap::IsHashableKey(*key) && ReceiverMap(args)->Has(*key));
}

MaybeHandle<Value> MapLen(BuiltinArguments& args) {
  return Integer(args.isolate, ReceiverMap(args)->size());
}

MaybeHandle<Value> MapIsEmpty(BuiltinArguments& args) {
  return Boolean(args.isolate, ReceiverMap(args)->size() == 0);
}

MaybeHandle<Value> MapKeys(BuiltinArguments& args) {
  std::vector<Handle<Value>> keys;
  Entries(args.isolate, ReceiverMap(args), &keys, nullptr);
  return NewArrayFrom(args.isolate, keys);
}

MaybeHandle<Value> MapValues(BuiltinArguments& args) {
  std::vector<Handle<Value>> values;
  Entries(args.isolate, ReceiverMap(args), nullptr, &values);
  return NewArrayFrom(args.isolate, values);
}

MaybeHandle<Value> MapIter(BuiltinArguments& args) {
  std::vector<Handle<Value>> items;
  if (!ValueElements(args, *args.receiver, &items)) return {};
  return NewArrayFrom(args.isolate, items);
}

MaybeHandle<Value> SetUnion(BuiltinArguments& args) {
  Handle<HashMap> other;
  if (!SetArgument(args, 0).ToHandle(&other)) return {};
  Handle<HashMap> self = ReceiverMap(args);
  std::vector<Handle<Value>> keys;
  Entries(args.isolate, self, &keys, nullptr);
  std::vector<Handle<Value>> extra;
  Entries(args.isolate, other, &extra, nullptr);
  for (const Handle<Value>& key : extra) {
    if (!self->Has(*key)) keys.push_back(key);
  }
  return NewArrayFrom(args.isolate, keys);
}

MaybeHandle<Value> SetIntersection(BuiltinArguments& args) {
  Handle<HashMap> other;
  if (!SetArgument(args, 0).ToHandle(&other)) return {};
  return KeysWhere(args, ReceiverMap(args), other, true);
}

MaybeHandle<Value> SetDifference(BuiltinArguments& args) {
  Handle<HashMap> other;
  if (!SetArgument(args, 0).ToHandle(&other)) return {};
  return KeysWhere(args, ReceiverMap(args), other, false);
}

MaybeHandle<Value> SetIsSubset(BuiltinArguments& args) {
  Handle<HashMap> other;
  if (!SetArgument(args, 0).ToHandle(&other)) return {};
  return Boolean(args.isolate, IsSubset(args.isolate, ReceiverMap(args), other));
}

MaybeHandle<Value> SetIsSuperset(BuiltinArguments& args) {
  Handle<HashMap> other;
  if (!SetArgument(args, 0).ToHandle(&other)) return {};
  return Boolean(args.isolate, IsSubset(args.isolate, other, ReceiverMap(args)));
}

// --- Entries.

namespace {

// The entry's map, unshared (a copy if something shared it since entry() returned, in
// which case the entry now points at the copy).
MaybeHandle<HashMap> EntryMap(Isolate* isolate, Handle<Tuple> entry) {
  Handle<CowContainer> map(CowContainer::cast(entry->get(0)), isolate);
  Handle<CowContainer> unshared;
  if (!EnsureUnshared(isolate, map).ToHandle(&unshared)) return {};
  entry->set(0, *unshared);
  return Handle<HashMap>::cast(unshared);
}

bool IsEntryReceiver(BuiltinArguments& args) { return IsMapEntry(**args.receiver); }

// or_insert and friends: the stored value, inserting make() first when the key is absent.
template <typename Make>
MaybeHandle<Value> OrInsert(BuiltinArguments& args, Make make) {
  Isolate* isolate = args.isolate;
  if (!IsEntryReceiver(args)) return MethodNotFound(args);
  Handle<Tuple> entry = Handle<Tuple>::cast(*args.receiver);
  Handle<Value> key(entry->get(1), isolate);
  Handle<Value> existing(HashMap::cast(entry->get(0)).Get(isolate, *key), isolate);
  if (!(*existing).IsTheHole()) {
    MarkShared(*existing);
    return existing;
  }
  Handle<Value> value;
  if (!make(HashMap::cast(entry->get(0))).ToHandle(&value)) return {};
  Handle<HashMap> map;
  if (!EntryMap(isolate, entry).ToHandle(&map)) return {};
  if (!HashMap::Insert(isolate, map, key, value)) return {};
  MarkShared(*value);
  return value;
}

}  // namespace

MaybeHandle<Value> EntryOrInsert(BuiltinArguments& args) {
  return OrInsert(args, [&](HashMap) -> MaybeHandle<Value> { return args.at(0); });
}

MaybeHandle<Value> EntryOrInsertWith(BuiltinArguments& args) {
  return OrInsert(args, [&](HashMap) { return Call0(args.isolate, args.at(0)); });
}

MaybeHandle<Value> EntryOrDefault(BuiltinArguments& args) {
  return OrInsert(args, [&](HashMap map) {
    // The type is unknown at run time: take the kind of a value already in the map.
    OrderedHashTable table = map.table();
    Value like = args.isolate->the_hole_value();
    for (int e = 0; e < table.used_entries(); ++e) {
      if (table.IsLiveEntry(e)) {
        like = table.ValueAt(e);
        break;
      }
    }
    return DefaultLike(args.isolate, like);
  });
}

MaybeHandle<Value> EntryAndModify(BuiltinArguments& args) {
  // entry(k).and_modify(f).or_insert(1). Rust's `|v| *v += 1` changes its in-out
  // parameter, whose final value comes back in the argument handle; a callback that leaves
  // its parameter alone gives the new value as its result (`|v| v + 1`). Nil from such a
  // callback is an error rather than a silently lost update.
  Isolate* isolate = args.isolate;
  if (!IsEntryReceiver(args)) return MethodNotFound(args);
  Handle<Tuple> entry = Handle<Tuple>::cast(*args.receiver);
  Handle<Value> key(entry->get(1), isolate);
  Handle<Value> existing(HashMap::cast(entry->get(0)).Get(isolate, *key), isolate);
  if ((*existing).IsTheHole()) return entry;
  MarkShared(*existing);
  Handle<Value> before = handle(*existing, isolate);
  Handle<Value> updated;
  if (!Call(isolate, args.at(0), 1, &existing).ToHandle(&updated)) return {};
  if (!(*existing == *before)) {
    updated = existing;  // written through the parameter
  } else if ((*updated).IsNil()) {
    return Fail(isolate,
                "Runtime error: and_modify() callback returned nil: change the value through "
                "the parameter (|v| *v += 1) or return the new value (|v| v + 1)");
  }
  Handle<HashMap> map;
  if (!EntryMap(isolate, entry).ToHandle(&map)) return {};
  if (!HashMap::Insert(isolate, map, key, updated)) return {};
  return entry;
}

MaybeHandle<Value> EntryKey(BuiltinArguments& args) {
  if (!IsEntryReceiver(args)) return MethodNotFound(args);
  return handle(Tuple::cast(**args.receiver).get(1), args.isolate);
}

MaybeHandle<Value> TupleLen(BuiltinArguments& args) {
  return Integer(args.isolate, Tuple::cast(**args.receiver).length());
}

// --- Constructors.

MaybeHandle<Value> HashMapNew(BuiltinArguments& args) { return NewMap(args.isolate, false); }
MaybeHandle<Value> HashSetNew(BuiltinArguments& args) { return NewMap(args.isolate, true); }

MaybeHandle<Value> HashMapWithCapacity(BuiltinArguments& args) {
  int64_t capacity;
  if (!SizeArgument(args, 0, &capacity)) return {};
  return NewMap(args.isolate, false, static_cast<int>(std::min<int64_t>(capacity, 1 << 16)));
}

MaybeHandle<Value> HashSetWithCapacity(BuiltinArguments& args) {
  int64_t capacity;
  if (!SizeArgument(args, 0, &capacity)) return {};
  return NewMap(args.isolate, true, static_cast<int>(std::min<int64_t>(capacity, 1 << 16)));
}

MaybeHandle<Value> HashMapFrom(BuiltinArguments& args) {
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  return CollectIntoMap(args, items, false, /*sorted=*/false);
}

MaybeHandle<Value> HashSetFrom(BuiltinArguments& args) {
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  return CollectIntoMap(args, items, true, /*sorted=*/false);
}

MaybeHandle<Value> BTreeMapNew(BuiltinArguments& args) {
  return NewMap(args.isolate, false, 4, /*sorted=*/true);
}
MaybeHandle<Value> BTreeSetNew(BuiltinArguments& args) {
  return NewMap(args.isolate, true, 4, /*sorted=*/true);
}

MaybeHandle<Value> BTreeMapFrom(BuiltinArguments& args) {
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  return CollectIntoMap(args, items, false, /*sorted=*/true);
}

MaybeHandle<Value> BTreeSetFrom(BuiltinArguments& args) {
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  return CollectIntoMap(args, items, true, /*sorted=*/true);
}

namespace {

// first_key_value()/last_key_value(): Some((key, value)) of the smallest or largest key of
// a BTreeMap (its first or last live entry), None when empty.
MaybeHandle<Value> EndKeyValue(BuiltinArguments& args, bool last) {
  Isolate* isolate = args.isolate;
  Handle<HashMap> map = ReceiverMap(args);
  if (!map->has_flag(CowContainer::kSortedMapBit) || IsHashSet(*map)) return MethodNotFound(args);
  OrderedHashTable table = map->table();
  int used = table.used_entries();
  for (int i = 0; i < used; ++i) {
    int entry = last ? used - 1 - i : i;
    if (!table.IsLiveEntry(entry)) continue;
    MarkShared(table.KeyAt(entry));
    MarkShared(table.ValueAt(entry));
    Handle<Value> key(table.KeyAt(entry), isolate);
    Handle<Value> value(table.ValueAt(entry), isolate);
    Handle<Tuple> pair;
    if (!isolate->factory()->NewTuple(2).ToHandle(&pair)) return {};
    pair->set(0, *key);
    pair->set(1, *value);
    return Some(isolate, pair);
  }
  return None(isolate);
}

}  // namespace

MaybeHandle<Value> MapFirstKeyValue(BuiltinArguments& args) { return EndKeyValue(args, false); }
MaybeHandle<Value> MapLastKeyValue(BuiltinArguments& args) { return EndKeyValue(args, true); }

}  // namespace builtins

bool IsMapEntry(Value value) {
  return value.IsTuple() && Tuple::cast(value).has_flag(CowContainer::kMapEntryBit) &&
         Tuple::cast(value).length() == 2 && Tuple::cast(value).get(0).IsHashMap();
}

MaybeHandle<Value> TakenValueLike(Isolate* isolate, Value like) {
  if (IsOption(isolate, like)) return builtins::None(isolate);
  return builtins::DefaultLike(isolate, like);
}

bool StoreThroughMapEntry(Isolate* isolate, Handle<Value> entry, Handle<Value> value) {
  if (!IsMapEntry(*entry)) {
    return isolate->ThrowError(std::string("Type error: Cannot assign through a ") +
                               TypeName(*entry) + " (expected a map entry)");
  }
  Handle<Tuple> tuple = Handle<Tuple>::cast(entry);
  Handle<HashMap> map;
  if (!builtins::EntryMap(isolate, tuple).ToHandle(&map)) return false;
  Handle<Value> key(tuple->get(1), isolate);
  return HashMap::Insert(isolate, map, key, value);
}

}  // namespace ruchy::internal
