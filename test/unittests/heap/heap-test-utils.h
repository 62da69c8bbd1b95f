// Shared fixture for heap and object tests: a fresh isolate per test, with heap options
// chosen by the test (small semispaces keep --stress-gc style runs fast).
#ifndef RUCHY_TEST_UNITTESTS_HEAP_HEAP_TEST_UTILS_H_
#define RUCHY_TEST_UNITTESTS_HEAP_HEAP_TEST_UTILS_H_

#include <memory>

#include "gtest/gtest.h"
#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

inline HeapOptions SmallHeapOptions() {
  HeapOptions options;
  // One page per semispace, fixed: frequent scavenges.
  options.min_semi_space_size = kPageSize;
  options.max_semi_space_size = kPageSize;
  return options;
}

inline HeapOptions StressHeapOptions() {
  HeapOptions options = SmallHeapOptions();
  options.stress_gc = true;
  options.verify_heap = true;
  options.always_compact = true;
  return options;
}

class HeapTest : public ::testing::Test {
 protected:
  void SetUpIsolate(const HeapOptions& options) {
    IsolateOptions isolate_options;
    isolate_options.heap = options;
    isolate_ = Isolate::New(isolate_options);
  }
  void SetUp() override { SetUpIsolate(SmallHeapOptions()); }

  Isolate* isolate() { return isolate_.get(); }
  Heap* heap() { return isolate_->heap(); }
  Factory* factory() { return isolate_->factory(); }

  void Scavenge() { heap()->CollectGarbage(GarbageCollector::kScavenger, "test"); }
  void FullGc() { heap()->CollectGarbage(GarbageCollector::kMarkCompactor, "test"); }
  void CompactingGc() { heap()->CollectAllGarbage("test"); }

  template <typename T>
  Handle<T> Check(MaybeHandle<T> maybe) {
    return maybe.ToHandleChecked();
  }
  Handle<String> Str(std::string_view s) { return Check(factory()->NewStringFromUtf8(s)); }
  Handle<String> Name(std::string_view s) { return Check(factory()->InternalizeUtf8String(s)); }
  Handle<Value> Int(int64_t v) { return Check(factory()->NewInteger(v)); }
  Handle<Value> Float(double v) { return Check(factory()->NewHeapNumber(v)); }

  bool IsYoung(Handle<Value> h) { return Heap::InYoungGeneration(*h); }
  bool IsOld(Handle<Value> h) {
    return (*h).IsHeapObject() && heap()->old_space()->Contains((*h).ptr() - kHeapObjectTag);
  }

 private:
  std::unique_ptr<Isolate> isolate_;
};

}  // namespace ruchy::internal

#endif  // RUCHY_TEST_UNITTESTS_HEAP_HEAP_TEST_UTILS_H_
