// Tests for the ordered hash map: insertion order, replacement, removal, structural keys
// (ints, big ints, strings including ropes, bools, nested tuples), growth and shrinking,
// and a randomized comparison against std::map.
#include "src/objects/hash-map.h"

#include <map>
#include <random>

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class HashMapTest : public HeapTest {
 protected:
  void Insert(Handle<HashMap> map, Handle<Value> key, Handle<Value> value) {
    ASSERT_TRUE(HashMap::Insert(isolate(), map, key, value));
  }
  Value Get(Handle<HashMap> map, Handle<Value> key) { return map->Get(isolate(), *key); }
  std::vector<Value> Keys(Handle<HashMap> map) {
    std::vector<Value> keys;
    OrderedHashTable table = map->table();
    for (int e = 0; e < table.used_entries(); ++e) {
      if (table.IsLiveEntry(e)) keys.push_back(table.KeyAt(e));
    }
    return keys;
  }
  Handle<Tuple> Pair(Handle<Value> a, Handle<Value> b) {
    Handle<Tuple> t = Check(factory()->NewTuple(2));
    t->set(0, *a);
    t->set(1, *b);
    return t;
  }
};

TEST_F(HashMapTest, InsertGetReplaceRemoveInOrder) {
  HandleScope scope(isolate());
  Handle<HashMap> map = Check(factory()->NewHashMap());
  Insert(map, Str("b"), Int(2));
  Insert(map, Str("a"), Int(1));
  Insert(map, Str("c"), Int(3));
  EXPECT_EQ(map->size(), 3);
  EXPECT_EQ(Smi::ToInt(Get(map, Str("a"))), 1);
  EXPECT_TRUE(Get(map, Str("zz")).IsTheHole());
  Insert(map, Str("a"), Int(10));  // replacing keeps the position
  EXPECT_EQ(map->size(), 3);
  std::vector<Value> keys = Keys(map);
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(String::cast(keys[0]).ToStdString(), "b");
  EXPECT_EQ(String::cast(keys[1]).ToStdString(), "a");
  EXPECT_EQ(String::cast(keys[2]).ToStdString(), "c");
  EXPECT_TRUE(map->Remove(isolate(), *Str("b")));
  EXPECT_FALSE(map->Remove(isolate(), *Str("b")));
  EXPECT_FALSE(map->Has(*Str("b")));
  Insert(map, Str("b"), Int(20));  // re-inserted: now last
  keys = Keys(map);
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(String::cast(keys[2]).ToStdString(), "b");
  EXPECT_EQ(Smi::ToInt(Get(map, Str("a"))), 10);
}

TEST_F(HashMapTest, StructuralKeys) {
  HandleScope scope(isolate());
  Handle<HashMap> map = Check(factory()->NewHashMap());
  Insert(map, Int(1), Str("one"));
  Insert(map, Int(INT64_MAX), Str("max"));
  Insert(map, factory()->true_value(), Str("yes"));
  Insert(map, Pair(Int(1), Str("x")), Str("pair"));
  Handle<Tuple> nested = Pair(Pair(Int(1), Int(2)), Int(3));
  Insert(map, nested, Str("nested"));
  std::string long_key(40, 'k');
  Insert(map, Str(long_key), Str("long"));
  EXPECT_EQ(map->size(), 6);

  EXPECT_EQ(String::cast(Get(map, Int(INT64_MAX))).ToStdString(), "max");  // new HeapInt
  EXPECT_EQ(String::cast(Get(map, factory()->true_value())).ToStdString(), "yes");
  EXPECT_TRUE(Get(map, factory()->false_value()).IsTheHole());
  EXPECT_EQ(String::cast(Get(map, Pair(Int(1), Str("x")))).ToStdString(), "pair");
  EXPECT_TRUE(Get(map, Pair(Int(1), Str("y"))).IsTheHole());
  EXPECT_EQ(String::cast(Get(map, Pair(Pair(Int(1), Int(2)), Int(3)))).ToStdString(), "nested");
  EXPECT_TRUE(Get(map, Pair(Int(1), Pair(Int(2), Int(3)))).IsTheHole());
  // A rope with the same contents finds the flat key.
  Handle<String> rope =
      Check(factory()->NewConsString(Str(long_key.substr(0, 25)), Str(long_key.substr(25))));
  ASSERT_TRUE((*rope).IsConsString());
  EXPECT_EQ(String::cast(Get(map, rope)).ToStdString(), "long");
  EXPECT_TRUE(Get(map, Float(1.0)).IsTheHole());  // 1.0 is not the int 1

  EXPECT_TRUE(HashMap::IsHashableKey(*nested));
  EXPECT_TRUE(HashMap::IsHashableKey(*Int(INT64_MIN)));
  EXPECT_FALSE(HashMap::IsHashableKey(*Float(1)));
  EXPECT_FALSE(HashMap::IsHashableKey(*Check(factory()->NewArray(ElementsKind::kSmi, 0, 0))));
  EXPECT_FALSE(HashMap::IsHashableKey(*Pair(Int(1), factory()->nil_value())));
  Scavenge();
  CompactingGc();
  EXPECT_EQ(String::cast(Get(map, Pair(Int(1), Str("x")))).ToStdString(), "pair");
  heap()->Verify();
}

TEST_F(HashMapTest, GrowsAndShrinks) {
  HandleScope scope(isolate());
  Handle<HashMap> map = Check(factory()->NewHashMap());
  for (int i = 0; i < 20000; ++i) {
    HandleScope inner(isolate());
    Insert(map, Int(i), Int(-i));
  }
  EXPECT_EQ(map->size(), 20000);
  int capacity = map->table().capacity();
  for (int i = 0; i < 19990; ++i) EXPECT_TRUE(map->Remove(isolate(), Smi::FromInt(i)));
  // Removal only tombstones; the next rehash sizes the table for the ten live entries.
  for (int i = 0; map->table().capacity() == capacity; ++i) {
    HandleScope inner(isolate());
    ASSERT_LT(i, capacity);
    Insert(map, Int(100000 + i), Int(i));
    EXPECT_TRUE(map->Remove(isolate(), Smi::FromInt(100000 + i)));
  }
  EXPECT_LE(map->table().capacity(), 32);
  EXPECT_EQ(map->size(), 10);
  for (int i = 19990; i < 20000; ++i) EXPECT_EQ(Smi::ToInt(Get(map, Int(i))), -i);
  std::vector<Value> keys = Keys(map);
  EXPECT_EQ(Smi::ToInt(keys[0]), 19990);  // order survives rehashing
  heap()->Verify();
}

TEST_F(HashMapTest, RandomOperationsMatchStdMap) {
  HandleScope scope(isolate());
  Handle<HashMap> map = Check(factory()->NewHashMap());
  std::map<std::string, int> model;
  std::vector<std::string> order;  // model of insertion order
  std::mt19937 rng(7);
  for (int step = 0; step < 20000; ++step) {
    HandleScope inner(isolate());
    std::string key = "key" + std::to_string(rng() % 500);
    int op = rng() % 3;
    if (op < 2) {
      int value = static_cast<int>(rng() % 1000);
      Insert(map, Str(key), Int(value));
      if (model.count(key) == 0) order.push_back(key);
      model[key] = value;
    } else {
      bool removed = map->Remove(isolate(), *Str(key));
      EXPECT_EQ(removed, model.erase(key) == 1);
      if (removed) order.erase(std::find(order.begin(), order.end(), key));
    }
    if (step % 4000 == 0) Scavenge();
  }
  ASSERT_EQ(map->size(), static_cast<int>(model.size()));
  for (const auto& [key, value] : model) EXPECT_EQ(Smi::ToInt(Get(map, Str(key))), value);
  std::vector<Value> keys = Keys(map);
  ASSERT_EQ(keys.size(), order.size());
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(String::cast(keys[i]).ToStdString(), order[i]);
}  // namespace

TEST_F(HashMapTest, InsertIfRoomReplacesAppendsOrReportsAFullTable) {
  HandleScope scope(isolate());
  Handle<HashMap> map = Check(factory()->NewHashMap(4));
  int capacity = map->table().capacity();
  Value previous;
  for (int i = 0; i < capacity; ++i) {
    EXPECT_EQ(map->InsertIfRoom(Smi::FromInt(i), HashMap::HashKey(Smi::FromInt(i)),
                                Smi::FromInt(i * 10), &previous),
              HashMap::InsertResult::kAppended);
  }
  Value key = Smi::FromInt(capacity);
  EXPECT_EQ(map->InsertIfRoom(key, HashMap::HashKey(key), Smi::zero(), &previous),
            HashMap::InsertResult::kFull);
  EXPECT_EQ(map->size(), capacity);  // nothing changed
  EXPECT_FALSE(map->Has(key));
  key = Smi::FromInt(1);
  EXPECT_EQ(map->InsertIfRoom(key, HashMap::HashKey(key), Smi::FromInt(99), &previous),
            HashMap::InsertResult::kReplaced);
  EXPECT_EQ(Smi::ToInt(previous), 10);
  EXPECT_EQ(Smi::ToInt(map->Get(isolate(), key)), 99);
  // The general insert grows the table and keeps the order.
  Insert(map, Int(capacity), Int(7));
  EXPECT_GT(map->table().capacity(), capacity);
  EXPECT_EQ(Smi::ToInt(Keys(map)[0]), 0);
  heap()->Verify();
}

TEST_F(HashMapTest, StringKeysHashAlikeWhateverTheirShapeOrCachedHash) {
  HandleScope scope(isolate());
  Handle<String> flat = Str("a key long enough to be a rope when concatenated");
  Handle<String> fresh = Str("a key long enough to be a rope when concatenated");
  Handle<String> rope = Check(
      factory()->NewConsString(Str("a key long enough to be "), Str("a rope when concatenated")));
  ASSERT_TRUE((*rope).IsConsString());
  EXPECT_FALSE(fresh->HasHash());  // HashKey's out-of-line path computes and caches it
  uint32_t hash = HashMap::HashKey(*fresh);
  EXPECT_TRUE(fresh->HasHash());
  EXPECT_EQ(HashMap::HashKey(*fresh), hash);  // now the inline path
  EXPECT_EQ(HashMap::HashKey(*flat), hash);
  EXPECT_EQ(HashMap::HashKey(*rope), hash);
  Handle<HashMap> map = Check(factory()->NewHashMap());
  Insert(map, rope, Int(1));
  EXPECT_EQ(Smi::ToInt(Get(map, flat)), 1);  // flat string against a rope key
  Insert(map, flat, Int(2));
  EXPECT_EQ(map->size(), 1);
  EXPECT_EQ(Smi::ToInt(Get(map, rope)), 2);
  // Same hash bits, different kinds: a Smi never equals a string.
  Handle<Value> number = handle(Smi::FromInt(static_cast<int64_t>(hash)), isolate());
  EXPECT_TRUE(Get(map, number).IsTheHole());
}

TEST_F(HashMapTest, DeeplyNestedTupleKeysDoNotRecurse) {
  HandleScope scope(isolate());
  Handle<Value> key = Int(0);
  for (int i = 0; i < 200000; ++i) {
    HandleScope inner(isolate());
    Handle<Tuple> t = Pair(key, Int(i));
    *key.location() = (*t).ptr();
  }
  EXPECT_TRUE(HashMap::IsHashableKey(*key));
  Handle<HashMap> map = Check(factory()->NewHashMap());
  Insert(map, key, Int(1));
  EXPECT_TRUE(map->Has(*key));
  EXPECT_TRUE(HashMap::KeyEquals(*key, *key));
}

}  // namespace
}  // namespace ruchy::internal
