// Tests that exceeding --max-heap-size is a recoverable failure: factory methods return
// empty handles, the isolate holds a pending "Out of memory", and the heap keeps working
// once memory is released.
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class OutOfMemoryTest : public HeapTest {
 protected:
  static constexpr size_t kMaxHeap = 4 * base::MB;
  void SetUp() override {
    HeapOptions options;
    options.max_heap_size = kMaxHeap;
    options.trace_gc = getenv("TRACE") != nullptr;
    SetUpIsolate(options);
  }
};

TEST_F(OutOfMemoryTest, RetainingTooMuchFailsRecoverably) {
  Persistent<FixedArray> list;
  {
    HandleScope scope(isolate());
    list.Reset(isolate(), Check(factory()->NewFixedArray(1)));
  }
  bool failed = false;
  int nodes = 0;
  for (; nodes < 1000000; ++nodes) {
    HandleScope scope(isolate());
    Handle<FixedArray> node;
    if (!factory()->NewFixedArray(100).ToHandle(&node)) {
      failed = true;
      break;
    }
    node->set(0, *list.Get());
    list.Reset(isolate(), node);
  }
  ASSERT_TRUE(failed);
  EXPECT_GT(nodes, 1000);  // the limit was reached by real data, not at once
  EXPECT_TRUE(isolate()->IsOutOfMemoryPending());
  EXPECT_EQ(String::cast(isolate()->pending_exception()).ToStdString(), "Out of memory");
  // The heap stays within its limit (give or take the promotion of one semispace).
  EXPECT_LE(heap()->CommittedMemory(), kMaxHeap + heap()->new_space()->Capacity());

  // Recovery: drop the data, clear the error, allocate again.
  list.Reset();
  isolate()->clear_pending_exception();
  HandleScope scope(isolate());
  Handle<FixedArray> again;
  EXPECT_TRUE(factory()->NewFixedArray(100).ToHandle(&again));
  EXPECT_FALSE(isolate()->has_pending_exception());
  heap()->Verify();
}

TEST_F(OutOfMemoryTest, OneHugeAllocationFails) {
  HandleScope scope(isolate());
  MaybeHandle<FixedArray> huge = factory()->NewFixedArray(2 * 1000 * 1000);  // 16 MB
  EXPECT_TRUE(huge.is_null());
  EXPECT_TRUE(isolate()->IsOutOfMemoryPending());
  isolate()->clear_pending_exception();
  EXPECT_FALSE(factory()->NewFixedArray(1000).is_null());
}

TEST_F(OutOfMemoryTest, GrowingAnArrayFailsWithoutCorruptingIt) {
  HandleScope scope(isolate());
  Handle<Array> array = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
  int pushed = 0;
  while (true) {
    HandleScope inner(isolate());
    if (!Array::Push(isolate(), array, handle(Value(Smi::FromInt(pushed)), isolate()))) break;
    ++pushed;
    ASSERT_LT(pushed, 10 * 1000 * 1000);
  }
  EXPECT_TRUE(isolate()->IsOutOfMemoryPending());
  EXPECT_EQ(array->length(), pushed);
  for (int i = 0; i < pushed; i += 997) ASSERT_EQ(Smi::ToInt(array->GetTagged(i)), i);
  heap()->Verify();
}

TEST_F(OutOfMemoryTest, StringTooLongFails) {
  HandleScope scope(isolate());
  Handle<String> s = Str(std::string(1 << 20, 'a'));
  // Doubling by concatenation reaches String::kMaxLength (1 GB) with ropes alone.
  MaybeHandle<String> result;
  for (int i = 0; i < 40; ++i) {
    Handle<String> next;
    if (!factory()->NewConsString(s, s).ToHandle(&next)) break;
    s = next;
  }
  EXPECT_TRUE(isolate()->IsOutOfMemoryPending());
  EXPECT_LE(s->length(), String::kMaxLength);
}

// The old-generation growth limit only schedules collections; it never fails an
// allocation that fits under --max-heap-size.
TEST_F(HeapTest, AllocationsAboveTheGrowthLimitSucceed) {
  HandleScope scope(isolate());
  Handle<FixedArray> big;
  ASSERT_TRUE(factory()->NewFixedArray(5 * 1000 * 1000).ToHandle(&big));  // 40 MB
  big->set(4999999, Smi::FromInt(1));
  Handle<FixedArray> list = Check(factory()->NewFixedArray(1));
  for (int i = 0; i < 30000; ++i) {  // ~30 MB of old data in regular pages
    HandleScope inner(isolate());
    Handle<FixedArray> node;
    ASSERT_TRUE(factory()->NewFixedArray(126, AllocationType::kOld).ToHandle(&node));
    node->set(0, list->get(0));
    list->set(0, *node);
  }
  EXPECT_FALSE(isolate()->has_pending_exception());
  EXPECT_EQ(Smi::ToInt(big->get(4999999)), 1);
}

TEST_F(OutOfMemoryTest, LargeAllocationWithinTheLimitSucceeds) {
  HandleScope scope(isolate());
  Handle<FixedArray> array;
  EXPECT_TRUE(factory()->NewFixedArray(300 * 1000).ToHandle(&array));  // 2.4 MB of 4 MB
  EXPECT_FALSE(isolate()->has_pending_exception());
}

}  // namespace
}  // namespace ruchy::internal
