// Tests for arrays: elements kinds and their one-way generalization, push/pop/get/set,
// growth (into large-object space), and unboxed doubles.
#include "src/objects/array.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class ArrayTest : public HeapTest {
 protected:
  Handle<Array> NewArray() { return Check(factory()->NewArray(ElementsKind::kSmi, 0, 0)); }
  void Push(Handle<Array> array, Handle<Value> value) {
    ASSERT_TRUE(Array::Push(isolate(), array, value));
  }
  Handle<Value> Get(Handle<Array> array, int index) {
    return Check(Array::Get(isolate(), array, index));
  }
};

TEST_F(ArrayTest, SmiElementsStaySmi) {
  HandleScope scope(isolate());
  Handle<Array> array = NewArray();
  for (int i = 0; i < 1000; ++i) Push(array, Int(i));
  EXPECT_EQ(array->kind(), ElementsKind::kSmi);
  EXPECT_EQ(array->length(), 1000);
  EXPECT_GE(array->capacity(), 1000);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(Smi::ToInt(*Get(array, i)), i);
  heap()->Verify();
}

TEST_F(ArrayTest, FloatsIntoAnEmptyArrayAreUnboxed) {
  HandleScope scope(isolate());
  Handle<Array> array = NewArray();
  Push(array, Float(1.5));
  EXPECT_EQ(array->kind(), ElementsKind::kDouble);
  EXPECT_TRUE(array->elements().IsFixedDoubleArray());
  Push(array, Float(-2.25));
  EXPECT_EQ(FixedDoubleArray::cast(array->elements()).get(1), -2.25);
  Handle<Value> boxed = Get(array, 1);  // reading boxes again
  EXPECT_EQ(HeapNumber::cast(*boxed).value(), -2.25);
}

TEST_F(ArrayTest, KindsOnlyGeneralize) {
  HandleScope scope(isolate());
  Handle<Array> ints = NewArray();
  Push(ints, Int(1));
  Push(ints, Float(2.5));  // an int must stay an int: generic, not double
  EXPECT_EQ(ints->kind(), ElementsKind::kGeneric);
  EXPECT_TRUE(Get(ints, 0)->IsSmi());
  EXPECT_EQ(HeapNumber::cast(*Get(ints, 1)).value(), 2.5);

  Handle<Array> doubles = NewArray();
  for (int i = 0; i < 50; ++i) Push(doubles, Float(i + 0.5));
  ASSERT_EQ(doubles->kind(), ElementsKind::kDouble);
  Push(doubles, Str("x"));  // boxes every double
  EXPECT_EQ(doubles->kind(), ElementsKind::kGeneric);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(HeapNumber::cast(*Get(doubles, i)).value(), i + 0.5);
  EXPECT_EQ(String::cast(*Get(doubles, 50)).ToStdString(), "x");
  // Generic never goes back, even with only Smis written afterwards.
  ASSERT_TRUE(Array::Set(isolate(), doubles, 50, Int(3)));
  EXPECT_EQ(doubles->kind(), ElementsKind::kGeneric);

  Handle<Array> big_ints = NewArray();
  Push(big_ints, Int(INT64_MAX));  // a HeapInt is not a Smi
  EXPECT_EQ(big_ints->kind(), ElementsKind::kGeneric);
  EXPECT_EQ(Array::GeneralizeKind(ElementsKind::kDouble, ElementsKind::kSmi, true),
            ElementsKind::kGeneric);
  heap()->Verify();
}

TEST_F(ArrayTest, SetPopAndBounds) {
  HandleScope scope(isolate());
  Handle<Array> array = NewArray();
  for (int i = 0; i < 10; ++i) Push(array, Int(i));
  ASSERT_TRUE(Array::Set(isolate(), array, 3, Int(33)));
  EXPECT_EQ(Smi::ToInt(*Get(array, 3)), 33);
  Handle<Value> last = Check(Array::Pop(isolate(), array));
  EXPECT_EQ(Smi::ToInt(*last), 9);
  EXPECT_EQ(array->length(), 9);
  Handle<Array> doubles = NewArray();
  Push(doubles, Float(4.5));
  EXPECT_EQ(HeapNumber::cast(*Check(Array::Pop(isolate(), doubles))).value(), 4.5);
  EXPECT_EQ(doubles->length(), 0);
}

TEST_F(ArrayTest, LargeBackingStoresGoToLargeObjectSpace) {
  HandleScope scope(isolate());
  Handle<Array> array = NewArray();
  for (int i = 0; i < 100000; ++i) {
    HandleScope inner(isolate());
    Push(array, Int(i * 3));
  }
  // Young or already promoted, depending on when the last growth happened.
  EXPECT_TRUE(heap()->lo_space()->Contains(array->elements().address()) ||
              heap()->new_lo_space()->Contains(array->elements().address()));
  Handle<Array> objects = NewArray();
  for (int i = 0; i < 30000; ++i) {
    HandleScope inner(isolate());
    Push(objects, Float(i));  // doubles, unboxed
  }
  Push(objects, Str("generic now"));  // boxes 30000 numbers into a large FixedArray
  Scavenge();
  Scavenge();
  CompactingGc();
  for (int i = 0; i < 100000; i += 101) EXPECT_EQ(Smi::ToInt(array->GetTagged(i)), i * 3);
  for (int i = 0; i < 30000; i += 97) {
    EXPECT_EQ(HeapNumber::cast(objects->GetTagged(i)).value(), i);
  }
  heap()->Verify();
}

}  // namespace
}  // namespace ruchy::internal
