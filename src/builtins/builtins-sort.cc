// Sorting and the other array mutators that call back into Ruchy: sort, sort_by,
// sort_by_key, retain, dedup_by_key, and the free sort(arr). Sorts are stable and
// O(n log n). User comparators run inside our own merge sort, which stays in bounds
// whatever the comparator answers (std::sort's unguarded loops do not), and stops at the
// first error.
#include <algorithm>
#include <cmath>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal::builtins {

namespace {

// Stable bottom-up merge sort. `less(a, b)` may fail: it then returns false for good (the
// caller checks its own error flag), and the sort finishes quickly with some order.
template <typename T, typename Less>
void MergeSort(std::vector<T>* items, Less less) {
  size_t n = items->size();
  std::vector<T> buffer(n);
  std::vector<T>* from = items;
  std::vector<T>* to = &buffer;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t low = 0; low < n; low += 2 * width) {
      size_t mid = std::min(low + width, n);
      size_t high = std::min(low + 2 * width, n);
      size_t i = low, j = mid, k = low;
      // Take from the right run only when strictly less: equal elements keep their order.
      while (i < mid && j < high)
        (*to)[k++] = less((*from)[j], (*from)[i]) ? (*from)[j++] : (*from)[i++];
      while (i < mid) (*to)[k++] = (*from)[i++];
      while (j < high) (*to)[k++] = (*from)[j++];
    }
    std::swap(from, to);
  }
  if (from != items) *items = std::move(*from);
}

// Sorts handles by CompareValues; false with the comparison error pending.
bool SortByValue(Isolate* isolate, std::vector<Handle<Value>>* items) {
  bool failed = false;
  MergeSort(items, [&](const Handle<Value>& a, const Handle<Value>& b) {
    if (failed) return false;
    std::optional<int> order = CompareValues(isolate, *a, *b);
    if (!order) {
      failed = true;
      return false;
    }
    return *order < 0;
  });
  return !failed;
}

bool SortSmis(Array array) {
  FixedArray store = FixedArray::cast(array.elements());
  int length = array.length();
  std::vector<int64_t> values(static_cast<size_t>(length));
  for (int i = 0; i < length; ++i) values[i] = Smi::ToInt(store.get(i));
  std::sort(values.begin(), values.end());  // equal Smis are indistinguishable
  for (int i = 0; i < length; ++i) store.set(i, Smi::FromInt(values[i]), WriteBarrierMode::kSkip);
  return true;
}

// False when a NaN makes the plain double order meaningless (CompareValues decides then).
bool SortDoubles(Array array) {
  FixedDoubleArray store = FixedDoubleArray::cast(array.elements());
  int length = array.length();
  std::vector<double> values(static_cast<size_t>(length));
  for (int i = 0; i < length; ++i) {
    values[i] = store.get(i);
    if (std::isnan(values[i])) return false;
  }
  std::stable_sort(values.begin(), values.end());  // keeps -0.0 and 0.0 in order
  for (int i = 0; i < length; ++i) store.set(i, values[i]);
  return true;
}

// The comparator of sort_by: the callback's Ordering (or integer sign) < 0.
auto CallbackLess(BuiltinArguments& args, bool* failed) {
  return [&args, failed](const Handle<Value>& a, const Handle<Value>& b) {
    if (*failed) return false;
    HandleScope scope(args.isolate);
    Handle<Value> result;
    int order;
    if (!Call2(args.isolate, args.at(0), a, b).ToHandle(&result) ||
        !OrderingOf(args, *result, &order)) {
      *failed = true;
      return false;
    }
    return order < 0;
  };
}

// Calls the key function on every element: keys[i] for elements[i].
bool Keys(BuiltinArguments& args, const std::vector<Handle<Value>>& elements,
          std::vector<Handle<Value>>* keys) {
  for (const Handle<Value>& element : elements) {
    Handle<Value> key;
    if (!Call1(args.isolate, args.at(0), element).ToHandle(&key)) return false;
    keys->push_back(key);
  }
  return true;
}

}  // namespace

MaybeHandle<Value> ArraySort(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  if (array->kind() == ElementsKind::kSmi) {
    SortSmis(*array);
    return Nil(isolate);
  }
  if (array->kind() == ElementsKind::kDouble && SortDoubles(*array)) return Nil(isolate);
  std::vector<Handle<Value>> elements;
  if (!Elements(isolate, array, &elements, /*mark_shared=*/false)) return {};
  if (!SortByValue(isolate, &elements)) return {};
  // Comparisons run no user code, so the array is still the unshared one we read.
  if (!SetArrayContents(args, elements)) return {};
  return Nil(isolate);
}

MaybeHandle<Value> ArraySortBy(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements;
  if (!Elements(args.isolate, ReceiverArray(args), &elements)) return {};
  bool failed = false;
  MergeSort(&elements, CallbackLess(args, &failed));
  if (failed) return {};
  // The callback may have touched the receiver's variable; SetArrayContents unshares the
  // receiver again before writing.
  if (!SetArrayContents(args, elements)) return {};
  return Nil(args.isolate);
}

MaybeHandle<Value> ArraySortByKey(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> elements, keys;
  if (!Elements(isolate, ReceiverArray(args), &elements)) return {};
  if (!Keys(args, elements, &keys)) return {};
  std::vector<size_t> order(elements.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  bool failed = false;
  MergeSort(&order, [&](size_t a, size_t b) {
    if (failed) return false;
    std::optional<int> c = CompareValues(isolate, *keys[a], *keys[b]);
    if (!c) {
      failed = true;
      return false;
    }
    return *c < 0;
  });
  if (failed) return {};
  std::vector<Handle<Value>> sorted;
  sorted.reserve(order.size());
  for (size_t i : order) sorted.push_back(elements[i]);
  if (!SetArrayContents(args, sorted)) return {};
  return Nil(isolate);
}

MaybeHandle<Value> ArrayDedupByKey(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements, keys, kept;
  if (!Elements(args.isolate, ReceiverArray(args), &elements)) return {};
  if (!Keys(args, elements, &keys)) return {};
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i == 0 || !ValuesEqual(*keys[i - 1], *keys[i])) kept.push_back(elements[i]);
  }
  if (!SetArrayContents(args, kept)) return {};
  return Nil(args.isolate);
}

MaybeHandle<Value> ArrayRetain(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements, kept;
  if (!Elements(args.isolate, ReceiverArray(args), &elements)) return {};
  for (const Handle<Value>& element : elements) {
    HandleScope scope(args.isolate);
    Handle<Value> keep;
    if (!Call1(args.isolate, args.at(0), element).ToHandle(&keep)) return {};
    if (IsTruthy(*keep)) kept.push_back(element);
  }
  if (!SetArrayContents(args, kept)) return {};
  return Nil(args.isolate);
}

MaybeHandle<Value> SortFunction(BuiltinArguments& args) {
  // The free sort(arr) returns a sorted copy (reference §12).
  Isolate* isolate = args.isolate;
  if (!(*args.at(0)).IsArray()) return ArgumentTypeError(args, 0, "an array");
  std::vector<Handle<Value>> elements;
  if (!Elements(isolate, Handle<Array>::cast(args.at(0)), &elements)) return {};
  if (!SortByValue(isolate, &elements)) return {};
  return NewArrayFrom(isolate, elements);
}

}  // namespace ruchy::internal::builtins
