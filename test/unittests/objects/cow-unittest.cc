// Tests for copy-on-write value semantics: an unaliased container is mutated in place,
// an aliased one is copied exactly once, and copies share (and mark shared) their children.
#include "src/objects/cow.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class CowTest : public HeapTest {
 protected:
  // What the interpreter does for `place.push(v)`: unshare the place, then mutate.
  void PushThroughPlace(Handle<Array>* place, Handle<Value> value) {
    Handle<CowContainer> unshared = Check(EnsureUnshared(isolate(), *place));
    *place->location() = (*unshared).ptr();  // store back into the place
    ASSERT_TRUE(Array::Push(isolate(), *place, value));
  }
};

TEST_F(CowTest, PushingToAnUnaliasedArrayNeverCopies) {
  HandleScope scope(isolate());
  Handle<Array> a = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  int64_t before = isolate()->cow_copy_count();
  for (int i = 0; i < 10000; ++i) {
    HandleScope inner(isolate());
    PushThroughPlace(&a, Int(i));
  }
  EXPECT_EQ(isolate()->cow_copy_count(), before);
  EXPECT_EQ(a->length(), 10000);
}

TEST_F(CowTest, PushingToAnAliasedArrayCopiesExactlyOnce) {
  HandleScope scope(isolate());
  Handle<Array> a = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  for (int i = 0; i < 5; ++i) PushThroughPlace(&a, Int(i));
  // let b = a
  MarkShared(*a);
  Handle<Array> b = handle(*a, isolate());
  int64_t before = isolate()->cow_copy_count();
  for (int i = 0; i < 10000; ++i) {
    HandleScope inner(isolate());
    PushThroughPlace(&a, Int(i));
  }
  EXPECT_EQ(isolate()->cow_copy_count(), before + 1);
  EXPECT_NE(*a, *b);
  EXPECT_FALSE(a->is_shared());
  EXPECT_EQ(a->length(), 10005);
  EXPECT_EQ(b->length(), 5);  // the alias kept its value
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Smi::ToInt(b->GetTagged(i)), i);
}

TEST_F(CowTest, CopiesMarkTheirChildrenShared) {
  HandleScope scope(isolate());
  Handle<Array> inner = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  ASSERT_TRUE(Array::Push(isolate(), inner, Int(1)));
  Handle<Array> outer = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  ASSERT_TRUE(Array::Push(isolate(), outer, inner));
  EXPECT_FALSE(inner->is_shared());
  MarkShared(*outer);
  Handle<Array> copy = Handle<Array>::cast(Check(EnsureUnshared(isolate(), outer)));
  EXPECT_NE(*copy, *outer);
  EXPECT_EQ(copy->GetTagged(0), *inner);  // shallow
  EXPECT_TRUE(inner->is_shared());        // now referenced from two arrays
  // copy[0].push(2): unsharing the child copies it; the original inner stays [1].
  Handle<Array> child = handle(Array::cast(copy->GetTagged(0)), isolate());
  Handle<Array> child_copy = Handle<Array>::cast(Check(EnsureUnshared(isolate(), child)));
  ASSERT_TRUE(Array::Push(isolate(), child_copy, Int(2)));
  ASSERT_TRUE(Array::Set(isolate(), copy, 0, child_copy));
  EXPECT_EQ(inner->length(), 1);
  EXPECT_EQ(Array::cast(copy->GetTagged(0)).length(), 2);
}

TEST_F(CowTest, UnsharedContainerIsReturnedItself) {
  HandleScope scope(isolate());
  Handle<Tuple> t = Check(factory()->NewTuple(2));
  int64_t before = isolate()->cow_copy_count();
  EXPECT_EQ(*Check(EnsureUnshared(isolate(), t)), *t);
  EXPECT_EQ(isolate()->cow_copy_count(), before);
  MarkShared(*Int(5));  // non-containers are ignored
  MarkShared(*Str("s"));
  EXPECT_FALSE(IsShared(*Str("s")));
}

TEST_F(CowTest, EveryContainerKindCopies) {
  HandleScope scope(isolate());
  Handle<Array> child = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));

  Handle<Tuple> tuple = Check(factory()->NewTuple(2));
  tuple->set(0, *Int(1));
  tuple->set(1, *child);
  MarkShared(*tuple);
  Handle<Tuple> tuple_copy = Handle<Tuple>::cast(Check(EnsureUnshared(isolate(), tuple)));
  tuple_copy->set(0, *Int(2));
  EXPECT_EQ(Smi::ToInt(tuple->get(0)), 1);
  EXPECT_EQ(tuple_copy->get(1), *child);

  Handle<HashMap> map = Check(factory()->NewHashMap());
  ASSERT_TRUE(HashMap::Insert(isolate(), map, Str("k"), Int(1)));
  MarkShared(*map);
  Handle<HashMap> map_copy = Handle<HashMap>::cast(Check(EnsureUnshared(isolate(), map)));
  ASSERT_TRUE(HashMap::Insert(isolate(), map_copy, Str("k"), Int(2)));
  ASSERT_TRUE(HashMap::Insert(isolate(), map_copy, Str("j"), Int(3)));
  EXPECT_EQ(Smi::ToInt(map->Get(isolate(), *Str("k"))), 1);
  EXPECT_EQ(map->size(), 1);
  EXPECT_EQ(Smi::ToInt(map_copy->Get(isolate(), *Str("k"))), 2);
  EXPECT_NE(map->table(), map_copy->table());

  Handle<FixedArray> names = Check(factory()->NewFixedArray(2));
  names->set(0, *Name("x"));
  names->set(1, *Name("y"));
  Handle<Shape> shape = Check(factory()->NewStructShape(Name("P"), names));
  Handle<StructObject> point = Check(factory()->NewStructObject(shape));
  point->set_field(0, *Int(1));
  point->set_field(1, *child);
  MarkShared(*point);
  Handle<StructObject> point_copy =
      Handle<StructObject>::cast(Check(EnsureUnshared(isolate(), point)));
  point_copy->set_field(0, *Int(9));
  EXPECT_EQ(Smi::ToInt(point->field(0)), 1);
  EXPECT_EQ(point_copy->shape(), point->shape());

  Handle<FixedArray> variants = Check(factory()->NewFixedArray(2));
  variants->set(0, *Name("None"));
  variants->set(1, *Name("Some"));
  Handle<FixedArray> fields = Check(factory()->NewFixedArray(2));
  Handle<EnumDescriptor> option =
      Check(factory()->NewEnumDescriptor(Name("Option"), variants, fields));
  Handle<EnumValue> some = Check(factory()->NewEnumValue(option, 1, 1));
  some->set_payload(0, *child);
  MarkShared(*some);
  Handle<EnumValue> some_copy = Handle<EnumValue>::cast(Check(EnsureUnshared(isolate(), some)));
  EXPECT_EQ(some_copy->variant(), 1);
  EXPECT_EQ(some_copy->payload(0), *child);
  EXPECT_TRUE(child->is_shared());
  heap()->Verify();
}

}  // namespace
}  // namespace ruchy::internal
