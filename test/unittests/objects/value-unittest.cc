// Tests for value tagging, integers (Smi vs HeapInt), oddballs and the read-only roots.
#include "src/objects/value.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

TEST(ValueTest, SmiTagging) {
  EXPECT_EQ(Smi::FromInt(0).ptr(), 0u);
  EXPECT_EQ(Smi::FromInt(21).ptr(), 42u);
  EXPECT_EQ(Smi::FromInt(-1).ptr(), ~Address{1});
  EXPECT_TRUE(Smi::FromInt(kSmiMaxValue).IsSmi());
  EXPECT_EQ(Smi::FromInt(kSmiMaxValue).value(), kSmiMaxValue);
  EXPECT_EQ(Smi::FromInt(kSmiMinValue).value(), kSmiMinValue);
  EXPECT_TRUE(Smi::IsValid(kSmiMaxValue));
  EXPECT_FALSE(Smi::IsValid(kSmiMaxValue + 1));
  EXPECT_FALSE(Smi::IsValid(kSmiMinValue - 1));
  EXPECT_FALSE(Smi::FromInt(5).IsHeapObject());
}

// Smi add on tagged words is one machine add: (a << 1) + (b << 1) == (a + b) << 1.
TEST(ValueTest, TaggedSmiAddIsPlainAdd) {
  int64_t a = 123456789, b = -987654321;
  Address sum = Smi::FromInt(a).ptr() + Smi::FromInt(b).ptr();
  EXPECT_EQ(Smi::ToInt(Value(sum)), a + b);
}

TEST_F(HeapTest, IntegersOutsideTheSmiRangeAreBoxed) {
  HandleScope scope(isolate());
  Handle<Value> small = Int(kSmiMaxValue);
  Handle<Value> big = Int(kSmiMaxValue + 1);
  Handle<Value> min = Int(INT64_MIN);
  Handle<Value> max = Int(INT64_MAX);
  EXPECT_TRUE((*small).IsSmi());
  EXPECT_TRUE((*big).IsHeapInt());
  EXPECT_TRUE((*big).IsInteger());
  EXPECT_EQ(HeapInt::cast(*big).value(), kSmiMaxValue + 1);
  EXPECT_EQ(HeapInt::cast(*min).value(), INT64_MIN);
  EXPECT_EQ(HeapInt::cast(*max).value(), INT64_MAX);
  Scavenge();
  FullGc();
  EXPECT_EQ(HeapInt::cast(*max).value(), INT64_MAX);
}

TEST_F(HeapTest, OddballsAreUniqueReadOnlyObjects) {
  HandleScope scope(isolate());
  Handle<Oddball> nil = factory()->nil_value();
  EXPECT_TRUE((*nil).IsNil());
  EXPECT_FALSE((*nil).IsTrue());
  EXPECT_TRUE((*factory()->true_value()).IsBoolean());
  EXPECT_TRUE((*factory()->false_value()).IsFalse());
  EXPECT_TRUE((*factory()->the_hole_value()).IsTheHole());
  EXPECT_EQ(*factory()->ToBoolean(true), *factory()->true_value());
  EXPECT_TRUE(heap()->InReadOnlySpace(*nil));
  EXPECT_EQ(nil->to_string().ToStdString(), "nil");
  EXPECT_EQ(factory()->true_value()->to_string().ToStdString(), "true");
  Address before = (*nil).ptr();
  CompactingGc();
  EXPECT_EQ((*factory()->nil_value()).ptr(), before);  // read-only objects never move
}

TEST_F(HeapTest, EveryShapeHasTheMetaShape) {
  Shape meta = isolate()->meta_shape();
  EXPECT_EQ(meta.shape(), meta);
  EXPECT_EQ(meta.instance_type(), InstanceType::kShape);
  for (int i = 0; i < kReadOnlyRootCount; ++i) {
    Value root = isolate()->root(static_cast<RootIndex>(i));
    ASSERT_TRUE(root.IsHeapObject()) << RootsTable::NameOf(static_cast<RootIndex>(i));
    EXPECT_EQ(HeapObject::cast(root).shape().shape(), meta);
    EXPECT_TRUE(heap()->InReadOnlySpace(HeapObject::cast(root)));
  }
  EXPECT_TRUE(heap()->read_only_space()->sealed());
}

TEST_F(HeapTest, ReadOnlySpaceIsWriteProtected) {
  EXPECT_DEATH(isolate()->nil_value().set_kind(Oddball::kTrue), "");
}

TEST(InstanceTypeTest, NamesCoverTheList) {
  for (int i = 0; i < kInstanceTypeCount; ++i) {
    EXPECT_STRNE(InstanceTypeName(static_cast<InstanceType>(i)), "unknown");
  }
  EXPECT_STREQ(InstanceTypeName(InstanceType::kConsString), "ConsString");
}

}  // namespace
}  // namespace ruchy::internal
