// Every object kind, created and read back under --stress-gc (a collection at every
// allocation, every fourth one a compacting full GC) with --verify-heap after each
// collection: any raw pointer held across an allocation or missing barrier shows up here.
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class ObjectKindsTest : public HeapTest {
 protected:
  void SetUp() override { SetUpIsolate(StressHeapOptions()); }
};

TEST_F(ObjectKindsTest, NumbersAndStrings) {
  HandleScope scope(isolate());
  Handle<Value> f = Float(1.25);
  Handle<Value> big = Int(INT64_MIN);
  Handle<String> s = Str("hello, world: a string long enough");
  Handle<String> rope = Check(factory()->NewConsString(s, Str(" and another long part")));
  Handle<String> name = Name("interned");
  Handle<String> flat = Check(String::Flatten(isolate(), rope));
  EXPECT_EQ(HeapNumber::cast(*f).value(), 1.25);
  EXPECT_EQ(HeapInt::cast(*big).value(), INT64_MIN);
  EXPECT_EQ(rope->ToStdString(), "hello, world: a string long enough and another long part");
  EXPECT_EQ(flat->ToStdString(), rope->ToStdString());
  EXPECT_EQ(*Name("interned"), *name);
  EXPECT_GT(heap()->stats().scavenges, 5);
  EXPECT_GE(heap()->stats().mark_compacts, 1);
}

TEST_F(ObjectKindsTest, BackingStores) {
  HandleScope scope(isolate());
  Handle<FixedArray> fixed = Check(factory()->NewFixedArray(5));
  for (int i = 0; i < 5; ++i) fixed->set(i, *Float(i));
  Handle<FixedDoubleArray> doubles = Check(factory()->NewFixedDoubleArray(3));
  doubles->set(2, 7.5);
  Handle<ByteArray> bytes = Check(factory()->NewByteArray(13));
  bytes->set(12, 0xAB);
  Handle<FixedArray> grown = Check(factory()->CopyFixedArray(fixed, 8));
  Check(factory()->NewFixedArray(1));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(HeapNumber::cast(grown->get(i)).value(), i);
  EXPECT_TRUE(grown->get(7).IsNil());
  EXPECT_EQ(doubles->get(2), 7.5);
  EXPECT_EQ(bytes->get(12), 0xAB);
}

TEST_F(ObjectKindsTest, Containers) {
  HandleScope scope(isolate());
  Handle<Array> array = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(Array::Push(isolate(), array, Float(i / 2.0)));
  ASSERT_TRUE(Array::Push(isolate(), array, Str("generic")));
  Handle<Tuple> tuple = Check(factory()->NewTuple(3));
  tuple->set(0, *Str("t"));
  tuple->set(1, *array);
  Handle<HashMap> map = Check(factory()->NewHashMap());
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(HashMap::Insert(isolate(), map, Str("k" + std::to_string(i)), Int(i)));
  }
  ASSERT_TRUE(HashMap::Insert(isolate(), map, tuple, Int(-1)));
  Check(factory()->NewFixedArray(1));
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(HeapNumber::cast(*Check(Array::Get(isolate(), array, i))).value(), i / 2.0);
  }
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(Smi::ToInt(map->Get(isolate(), *Str("k" + std::to_string(i)))), i);
  }
  EXPECT_EQ(Smi::ToInt(map->Get(isolate(), *tuple)), -1);
  EXPECT_EQ(tuple->get(1), *array);
}

TEST_F(ObjectKindsTest, StructsPlainObjectsAndEnums) {
  HandleScope scope(isolate());
  Handle<FixedArray> names = Check(factory()->NewFixedArray(2));
  names->set(0, *Name("x"));
  names->set(1, *Name("y"));
  Handle<Shape> point_shape = Check(factory()->NewStructShape(Name("Point"), names));
  Handle<StructObject> point = Check(factory()->NewStructObject(point_shape));
  point->set_field(0, *Float(1.5));
  point->set_field(1, *Str("y value"));

  Handle<PlainObject> object = Check(factory()->NewPlainObject(factory()->plain_object_shape()));
  for (int i = 0; i < 8; ++i) {
    ASSERT_TRUE(PlainObject::SetField(isolate(), object, Name("p" + std::to_string(i)), Float(i)));
  }

  Handle<FixedArray> variants = Check(factory()->NewFixedArray(2));
  variants->set(0, *Name("Ok"));
  variants->set(1, *Name("Err"));
  Handle<FixedArray> fields = Check(factory()->NewFixedArray(2));
  Handle<EnumDescriptor> result =
      Check(factory()->NewEnumDescriptor(Name("Result"), variants, fields));
  Handle<EnumValue> ok = Check(factory()->NewEnumValue(result, 0, 1));
  ok->set_payload(0, *Str("fine"));
  Check(factory()->NewFixedArray(1));

  EXPECT_EQ(HeapNumber::cast(point->field(0)).value(), 1.5);
  EXPECT_EQ(String::cast(point->field(1)).ToStdString(), "y value");
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(HeapNumber::cast(object->GetField(*Name("p" + std::to_string(i)))).value(), i);
  }
  EXPECT_EQ(ok->descriptor(), *result);
  EXPECT_EQ(String::cast(ok->descriptor().variant_names().get(ok->variant())).ToStdString(), "Ok");
  EXPECT_EQ(String::cast(ok->payload(0)).ToStdString(), "fine");
}

TEST_F(ObjectKindsTest, Functions) {
  HandleScope scope(isolate());
  Handle<SharedFunctionInfo> sfi = Check(factory()->NewSharedFunctionInfo(Name("f"), 2));
  Handle<FeedbackVector> vector = Check(factory()->NewFeedbackVector(sfi, 4));
  vector->set(3, *Float(3.5));
  Handle<FeedbackCell> cell = Check(factory()->NewFeedbackCell(vector));
  Handle<Context> outer = Check(factory()->NewContext(2, factory()->nil_value()));
  outer->set(1, *Str("captured"));
  Handle<Context> inner = Check(factory()->NewContext(1, outer));
  inner->set(0, *Int(7));
  Handle<Closure> closure = Check(factory()->NewClosure(sfi, inner, cell));
  Check(factory()->NewFixedArray(1));
  EXPECT_EQ(closure->shared(), *sfi);
  EXPECT_EQ(closure->shared().parameter_count(), 2);
  EXPECT_EQ(closure->shared().name().ToStdString(), "f");
  EXPECT_TRUE(closure->code().IsNil());
  EXPECT_EQ(FeedbackVector::cast(closure->feedback_cell().value()).shared(), *sfi);
  EXPECT_EQ(HeapNumber::cast(FeedbackVector::cast(cell->value()).get(3)).value(), 3.5);
  Context context = Context::cast(closure->context());
  EXPECT_EQ(Smi::ToInt(context.get(0)), 7);
  EXPECT_EQ(String::cast(Context::cast(context.previous()).get(1)).ToStdString(), "captured");
  EXPECT_TRUE(Context::cast(context.previous()).previous().IsNil());
}

TEST_F(ObjectKindsTest, CopyOnWriteAndKindTransitions) {
  HandleScope scope(isolate());
  Handle<Array> doubles = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  for (int i = 0; i < 12; ++i) ASSERT_TRUE(Array::Push(isolate(), doubles, Float(i + 0.25)));
  ASSERT_EQ(doubles->kind(), ElementsKind::kDouble);
  ASSERT_TRUE(Array::Push(isolate(), doubles, Str("box them all")));  // 12 allocations
  ASSERT_EQ(doubles->kind(), ElementsKind::kGeneric);
  Handle<Tuple> pair = Check(factory()->NewTuple(2));
  pair->set(0, *doubles);
  pair->set(1, *Str("second"));
  MarkShared(*pair);
  Handle<Tuple> copy = Handle<Tuple>::cast(Check(EnsureUnshared(isolate(), pair)));
  Handle<Array> inner = handle(Array::cast(copy->get(0)), isolate());
  Handle<Array> inner_copy = Handle<Array>::cast(Check(EnsureUnshared(isolate(), inner)));
  ASSERT_TRUE(Array::Push(isolate(), inner_copy, Int(99)));
  copy->set(0, *inner_copy);
  Check(factory()->NewFixedArray(1));
  EXPECT_EQ(doubles->length(), 13);
  EXPECT_EQ(Array::cast(copy->get(0)).length(), 14);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(HeapNumber::cast(Array::cast(copy->get(0)).GetTagged(i)).value(), i + 0.25);
  }
  EXPECT_EQ(String::cast(copy->get(1)).ToStdString(), "second");
  EXPECT_EQ(Array::cast(pair->get(0)).length(), 13);
}

}  // namespace
}  // namespace ruchy::internal
