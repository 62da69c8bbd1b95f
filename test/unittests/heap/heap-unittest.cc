// Tests for allocation, the scavenger, promotion, the write barrier and handles.
#include "src/heap/heap.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class ScavengeTest : public HeapTest {};

TEST_F(ScavengeTest, YoungObjectSurvivesScavengeThroughHandle) {
  HandleScope scope(isolate());
  Handle<HeapNumber> number = Check(factory()->NewHeapNumber(3.25));
  Address before = (*number).ptr();
  EXPECT_TRUE(IsYoung(number));
  Scavenge();
  EXPECT_NE((*number).ptr(), before);  // copied within new space
  EXPECT_TRUE(IsYoung(number));
  EXPECT_EQ(number->value(), 3.25);
  Scavenge();
  EXPECT_TRUE(IsOld(number));  // promoted after surviving one scavenge
  EXPECT_EQ(number->value(), 3.25);
}

}  // namespace
}  // namespace ruchy::internal
