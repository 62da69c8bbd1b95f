// Heap microbenchmarks: nursery allocation throughput (the inline fast path JIT code will
// use, and the Factory path C++ runtime code uses), scavenge time per surviving MB, and
// full mark-compact time per live MB.
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {
namespace {

std::unique_ptr<Isolate> NewIsolate(size_t semi_space_size) {
  IsolateOptions options;
  options.heap.min_semi_space_size = semi_space_size;
  options.heap.max_semi_space_size = semi_space_size;
  return Isolate::New(options);
}

// The fast path as JIT code will inline it: compare-and-bump on the exposed top/limit
// words, then initialize the object; the runtime is called only when the page is full.
void BM_NurseryAllocationInlineFastPath(benchmark::State& state) {
  auto isolate = NewIsolate(8 * base::MB);
  Heap* heap = isolate->heap();
  Address* top = heap->NewSpaceAllocationTopAddress();
  Address* limit = heap->NewSpaceAllocationLimitAddress();
  Address shape = isolate->heap_number_shape().ptr();
  constexpr int kSize = HeapNumber::kSize;
  int64_t count = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) {
      Address object = *top;
      if (RUCHY_PREDICT_FALSE(object + kSize > *limit)) {
        object = heap->AllocateRaw(kSize, AllocationType::kYoung).address();
      } else {
        *top = object + kSize;
      }
      reinterpret_cast<Address*>(object)[0] = shape;
      reinterpret_cast<double*>(object)[1] = i;
      benchmark::DoNotOptimize(object);
    }
    count += 1024;
  }
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_NurseryAllocationInlineFastPath);

// Heap::AllocateRaw, the C++ entry point (inline fast path + slow path on page end).
void BM_NurseryAllocateRaw(benchmark::State& state) {
  auto isolate = NewIsolate(8 * base::MB);
  Heap* heap = isolate->heap();
  Shape shape = isolate->heap_number_shape();
  int64_t count = 0;
  for (auto _ : state) {
    for (int i = 0; i < 1024; ++i) {
      HeapObject object;
      heap->AllocateRaw(HeapNumber::kSize, AllocationType::kYoung).To(&object);
      object.set_shape(shape);
      HeapNumber::unchecked_cast(object).set_value(i);
      benchmark::DoNotOptimize(object);
    }
    count += 1024;
  }
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_NurseryAllocateRaw);

// Factory::NewHeapNumber with a handle per object, as runtime functions allocate.
void BM_FactoryNewHeapNumber(benchmark::State& state) {
  auto isolate = NewIsolate(8 * base::MB);
  Factory* factory = isolate->factory();
  int64_t count = 0;
  for (auto _ : state) {
    HandleScope scope(isolate.get());
    for (int i = 0; i < 1024; ++i) {
      Handle<HeapNumber> number = factory->NewHeapNumber(i).ToHandleChecked();
      benchmark::DoNotOptimize(number);
    }
    count += 1024;
  }
  state.SetItemsProcessed(count);
}
BENCHMARK(BM_FactoryNewHeapNumber);

// A linked structure of `bytes` (FixedArrays of 14 slots with a few HeapNumbers each),
// rooted in `root`.
void BuildLiveData(Isolate* isolate, Handle<FixedArray> root, size_t bytes, AllocationType type) {
  Factory* factory = isolate->factory();
  size_t built = 0;
  while (built < bytes) {
    HandleScope scope(isolate);
    Handle<FixedArray> node = factory->NewFixedArray(14, type).ToHandleChecked();
    node->set(0, root->get(0));
    for (int j = 1; j < 4; ++j) {
      Handle<HeapNumber> n = factory->NewHeapNumber(j, type).ToHandleChecked();
      node->set(j, *n);
    }
    root->set(0, *node);
    built += FixedArray::SizeFor(14) + 3 * HeapNumber::kSize;
  }
}

void BM_ScavengePerSurvivingMB(benchmark::State& state) {
  size_t live = static_cast<size_t>(state.range(0)) * base::MB;
  auto isolate = NewIsolate(2 * live + base::MB);
  Heap* heap = isolate->heap();
  HandleScope scope(isolate.get());
  Handle<FixedArray> root = isolate->factory()->NewFixedArray(1).ToHandleChecked();
  double total_ms = 0;
  for (auto _ : state) {
    state.PauseTiming();
    root->set(0, Smi::zero());
    heap->CollectGarbage(GarbageCollector::kMarkCompactor, "bench");  // empty new space
    BuildLiveData(isolate.get(), root, live, AllocationType::kYoung);
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    heap->CollectGarbage(GarbageCollector::kScavenger, "bench");
    total_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  double copied_mb = static_cast<double>(heap->stats().copied_bytes) / base::MB;
  state.counters["surviving_MB"] = copied_mb;
  state.counters["ms_per_MB"] = total_ms / state.iterations() / copied_mb;
}
BENCHMARK(BM_ScavengePerSurvivingMB)->Arg(1)->Arg(4)->Arg(16)->Unit(benchmark::kMillisecond);

void BM_FullGcPerLiveMB(benchmark::State& state) {
  size_t live = static_cast<size_t>(state.range(0)) * base::MB;
  auto isolate = NewIsolate(base::MB);
  Heap* heap = isolate->heap();
  HandleScope scope(isolate.get());
  Handle<FixedArray> root = isolate->factory()->NewFixedArray(1).ToHandleChecked();
  BuildLiveData(isolate.get(), root, live, AllocationType::kOld);
  heap->CollectGarbage(GarbageCollector::kMarkCompactor, "bench");
  double total_ms = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    heap->CollectGarbage(GarbageCollector::kMarkCompactor, "bench");
    total_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  }
  double live_mb = static_cast<double>(heap->stats().live_bytes_after_full) / base::MB;
  state.counters["live_MB"] = live_mb;
  state.counters["ms_per_MB"] = total_ms / state.iterations() / live_mb;
}
BENCHMARK(BM_FullGcPerLiveMB)->Arg(4)->Arg(16)->Arg(64)->Unit(benchmark::kMillisecond);

// Full GC that also evacuates: every other node dies, so every page is half empty.
void BM_CompactingGcPerLiveMB(benchmark::State& state) {
  size_t live = static_cast<size_t>(state.range(0)) * base::MB;
  auto isolate = NewIsolate(base::MB);
  Heap* heap = isolate->heap();
  Factory* factory = isolate->factory();
  HandleScope scope(isolate.get());
  Handle<FixedArray> root = factory->NewFixedArray(1).ToHandleChecked();
  double total_ms = 0;
  double live_mb = 0;
  for (auto _ : state) {
    state.PauseTiming();
    root->set(0, Smi::zero());
    size_t built = 0;
    while (built < 2 * live) {
      HandleScope inner(isolate.get());
      Handle<FixedArray> keep = factory->NewFixedArray(14, AllocationType::kOld).ToHandleChecked();
      factory->NewFixedArray(14, AllocationType::kOld).ToHandleChecked();  // dies
      keep->set(0, root->get(0));
      root->set(0, *keep);
      built += 2 * FixedArray::SizeFor(14);
    }
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    heap->CollectAllGarbage("bench");
    total_ms +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    live_mb = static_cast<double>(heap->stats().live_bytes_after_full) / base::MB;
  }
  state.counters["live_MB"] = live_mb;
  state.counters["evacuated_pages"] = static_cast<double>(heap->stats().evacuated_pages);
  state.counters["ms_per_MB"] = total_ms / state.iterations() / live_mb;
}
BENCHMARK(BM_CompactingGcPerLiveMB)->Arg(16)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace ruchy::internal
