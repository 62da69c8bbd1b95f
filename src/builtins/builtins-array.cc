// Array methods that mutate in place (push, pop, insert, remove, truncate, extend...) and
// the plain readers (len, get, contains, join...). A mutating method unshares its receiver
// first (copy-on-write) and then works on the backing store directly, so push is amortized
// O(1) and insert/remove cost one shift.
#include <algorithm>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal::builtins {

namespace {

// Moves `count` elements from index `from` to index `to` within the backing store (the
// ranges may overlap). The array must be unshared and large enough.
void MoveElements(Array array, int to, int from, int count) {
  if (count <= 0 || to == from) return;
  if (array.kind() == ElementsKind::kDouble) {
    FixedDoubleArray store = FixedDoubleArray::cast(array.elements());
    if (to < from) {
      for (int k = 0; k < count; ++k) store.set(to + k, store.get(from + k));
    } else {
      for (int k = count - 1; k >= 0; --k) store.set(to + k, store.get(from + k));
    }
    return;
  }
  FixedArray store = FixedArray::cast(array.elements());
  if (to < from) {
    for (int k = 0; k < count; ++k) store.set(to + k, store.get(from + k));
  } else {
    for (int k = count - 1; k >= 0; --k) store.set(to + k, store.get(from + k));
  }
}

// The exclusive end of a range's integer upper bound (`..=i64::MAX` saturates; callers
// reject an end beyond the array anyway).
int64_t ExclusiveEnd(Range range) {
  int64_t end = IntegerValue(range.to());
  return range.inclusive() && end < INT64_MAX ? end + 1 : end;
}

// Shortens an unshared array, dropping references to the removed elements.
void Shorten(Isolate* isolate, Array array, int length) {
  int old_length = array.length();
  if (length >= old_length) return;
  if (array.kind() != ElementsKind::kDouble) {
    FixedArray::cast(array.elements()).FillWithNoBarrier(length, old_length, isolate->nil_value());
  }
  array.set_length(length);
}

bool IndexArgument(BuiltinArguments& args, int index, int limit, int* out) {
  int64_t value;
  if (!IntegerArgument(args, index, &value)) return false;
  if (value < 0 || value > limit) {
    // `limit` is the largest valid index; the message names the array's length.
    IndexOutOfBounds(args.isolate, value, ReceiverArray(args)->length());
    return false;
  }
  *out = static_cast<int>(value);
  return true;
}

// The receiver's elements after `mutate` rearranges them (drain, rotate, dedup...).
template <typename F>
MaybeHandle<Value> Rearrange(BuiltinArguments& args, F mutate) {
  std::vector<Handle<Value>> elements;
  if (!Elements(args.isolate, ReceiverArray(args), &elements, /*mark_shared=*/false)) return {};
  Handle<Value> result = Nil(args.isolate);
  if (!mutate(&elements, &result)) return {};
  if (!SetArrayContents(args, elements)) return {};
  return result;
}

}  // namespace

// --- Mutating.

MaybeHandle<Value> ArrayPush(BuiltinArguments& args) {
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  if (!Push(args.isolate, array, args.at(0))) return {};
  return Nil(args.isolate);
}

MaybeHandle<Value> ArrayPop(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (ReceiverArray(args)->length() == 0) return None(isolate);
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Handle<Value> last;
  if (!Array::Pop(isolate, array).ToHandle(&last)) return {};
  return Some(isolate, last);
}

MaybeHandle<Value> ArrayInsert(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int index;
  if (!IndexArgument(args, 0, ReceiverArray(args)->length(), &index)) return {};
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  // Push first: it grows the store and generalizes the elements kind for the new value.
  if (!Push(isolate, array, args.at(1))) return {};
  int length = array->length();
  MoveElements(*array, index + 1, index, length - 1 - index);
  if (!Array::Set(isolate, array, index, args.at(1))) return {};
  return Nil(isolate);
}

MaybeHandle<Value> ArrayRemove(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int length = ReceiverArray(args)->length();
  int index;
  if (!IndexArgument(args, 0, length - 1, &index)) return {};
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Handle<Value> removed;
  if (!Array::Get(isolate, array, index).ToHandle(&removed)) return {};
  MoveElements(*array, index, index + 1, length - 1 - index);
  Shorten(isolate, *array, length - 1);
  return removed;
}

MaybeHandle<Value> ArraySwapRemove(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int length = ReceiverArray(args)->length();
  int index;
  if (!IndexArgument(args, 0, length - 1, &index)) return {};
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Handle<Value> removed, last;
  if (!Array::Get(isolate, array, index).ToHandle(&removed) ||
      !Array::Get(isolate, array, length - 1).ToHandle(&last) ||
      !Array::Set(isolate, array, index, last)) {
    return {};
  }
  Shorten(isolate, *array, length - 1);
  return removed;
}

MaybeHandle<Value> ArraySwap(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int length = ReceiverArray(args)->length();
  int i, j;
  if (!IndexArgument(args, 0, length - 1, &i) || !IndexArgument(args, 1, length - 1, &j)) {
    return {};
  }
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Handle<Value> a, b;
  if (!Array::Get(isolate, array, i).ToHandle(&a) || !Array::Get(isolate, array, j).ToHandle(&b) ||
      !Array::Set(isolate, array, i, b) || !Array::Set(isolate, array, j, a)) {
    return {};
  }
  return Nil(isolate);
}

MaybeHandle<Value> ArrayTruncate(BuiltinArguments& args) {
  int64_t length;
  if (!SizeArgument(args, 0, &length)) return {};
  if (length >= ReceiverArray(args)->length()) return Nil(args.isolate);
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Shorten(args.isolate, *array, static_cast<int>(length));
  return Nil(args.isolate);
}

MaybeHandle<Value> ArrayClear(BuiltinArguments& args) {
  if (ReceiverArray(args)->length() == 0) return Nil(args.isolate);
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Shorten(args.isolate, *array, 0);
  return Nil(args.isolate);
}

MaybeHandle<Value> ArrayExtend(BuiltinArguments& args) {
  // The argument's elements are read first: `v.extend(v)` appends a snapshot.
  std::vector<Handle<Value>> items;
  if (!IterableElements(args, 0, &items)) return {};
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  for (const Handle<Value>& item : items) {
    if (!Push(args.isolate, array, item)) return {};
  }
  return Nil(args.isolate);
}

MaybeHandle<Value> ArrayReverse(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  int length = array->length();
  for (int i = 0, j = length - 1; i < j; ++i, --j) {
    if (array->kind() == ElementsKind::kDouble) {
      FixedDoubleArray store = FixedDoubleArray::cast(array->elements());
      double t = store.get(i);
      store.set(i, store.get(j));
      store.set(j, t);
    } else {
      FixedArray store = FixedArray::cast(array->elements());
      Value t = store.get(i);
      store.set(i, store.get(j));
      store.set(j, t);
    }
  }
  return Nil(isolate);
}

MaybeHandle<Value> ArrayFill(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  MarkShared(*args.at(0));  // now in every slot
  for (int i = 0; i < array->length(); ++i) {
    if (!Array::Set(isolate, array, i, args.at(0))) return {};
  }
  return Nil(isolate);
}

MaybeHandle<Value> ArrayResize(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t length;
  if (!SizeArgument(args, 0, &length)) return {};
  if (length > Array::kMaxLength) {
    isolate->ReportOutOfMemory();
    return {};
  }
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Shorten(isolate, *array, static_cast<int>(length));
  MarkShared(*args.at(1));
  if (!Array::EnsureCapacity(isolate, array, static_cast<int>(length))) return {};
  while (array->length() < length) {
    if (!Push(isolate, array, args.at(1))) return {};
  }
  return Nil(isolate);
}

MaybeHandle<Value> ArrayDrain(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int length = ReceiverArray(args)->length();
  int64_t from = 0, to = length;
  if (args.argc == 1) {
    if (!(*args.at(0)).IsRange()) return ArgumentTypeError(args, 0, "a range");
    Range range = Range::cast(*args.at(0));
    if (!range.from().IsNil()) {
      if (!range.from().IsInteger()) return ArgumentTypeError(args, 0, "a range of integers");
      from = IntegerValue(range.from());
    }
    if (!range.to().IsNil()) {
      if (!range.to().IsInteger()) return ArgumentTypeError(args, 0, "a range of integers");
      to = ExclusiveEnd(range);
    }
    if (from < 0 || from > to || to > length) {
      return Fail(isolate, "Runtime error: drain() range " +
                               ToText(*args.at(0), TextForm::kDisplay) +
                               " out of bounds for array of length " + std::to_string(length));
    }
  }
  Handle<Array> drained;
  if (!NewEmptyArray(isolate).ToHandle(&drained)) return {};
  return Rearrange(args, [&](std::vector<Handle<Value>>* elements, Handle<Value>* result) {
    for (int64_t i = from; i < to; ++i) {
      if (!Push(isolate, drained, (*elements)[static_cast<size_t>(i)])) return false;
    }
    elements->erase(elements->begin() + from, elements->begin() + to);
    *result = drained;
    return true;
  });
}

MaybeHandle<Value> ArraySplitOff(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int at;
  if (!IndexArgument(args, 0, ReceiverArray(args)->length(), &at)) return {};
  Handle<Array> tail;
  if (!NewEmptyArray(isolate).ToHandle(&tail)) return {};
  return Rearrange(args, [&](std::vector<Handle<Value>>* elements, Handle<Value>* result) {
    for (size_t i = static_cast<size_t>(at); i < elements->size(); ++i) {
      if (!Push(isolate, tail, (*elements)[i])) return false;
    }
    elements->resize(static_cast<size_t>(at));
    *result = tail;
    return true;
  });
}

namespace {

MaybeHandle<Value> Rotate(BuiltinArguments& args, bool left) {
  int length = ReceiverArray(args)->length();
  int k;
  if (!IndexArgument(args, 0, length, &k)) return {};
  return Rearrange(args, [&](std::vector<Handle<Value>>* elements, Handle<Value>*) {
    if (left) {
      std::rotate(elements->begin(), elements->begin() + k, elements->end());
    } else {
      std::rotate(elements->rbegin(), elements->rbegin() + k, elements->rend());
    }
    return true;
  });
}

}  // namespace

MaybeHandle<Value> ArrayRotateLeft(BuiltinArguments& args) { return Rotate(args, true); }
MaybeHandle<Value> ArrayRotateRight(BuiltinArguments& args) { return Rotate(args, false); }

MaybeHandle<Value> ArrayDedup(BuiltinArguments& args) {
  return Rearrange(args, [](std::vector<Handle<Value>>* elements, Handle<Value>*) {
    std::vector<Handle<Value>> kept;
    for (const Handle<Value>& element : *elements) {
      if (kept.empty() || !ValuesEqual(*kept.back(), *element)) kept.push_back(element);
    }
    *elements = std::move(kept);
    return true;
  });
}

MaybeHandle<Value> ArrayNext(BuiltinArguments& args) {
  // it.next() on an eager iterator: the first element moves out of the array, so
  // `while let Some(x) = it.next()` walks it. Each call shifts the rest (O(n)).
  Isolate* isolate = args.isolate;
  int length = ReceiverArray(args)->length();
  if (length == 0) return None(isolate);
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return {};
  Handle<Value> first;
  if (!Array::Get(isolate, array, 0).ToHandle(&first)) return {};
  MoveElements(*array, 0, 1, length - 1);
  Shorten(isolate, *array, length - 1);
  return Some(isolate, first);
}

// --- Reading.

MaybeHandle<Value> ArrayLen(BuiltinArguments& args) {
  return Integer(args.isolate, ReceiverArray(args)->length());
}

MaybeHandle<Value> ArrayIsEmpty(BuiltinArguments& args) {
  return Boolean(args.isolate, ReceiverArray(args)->length() == 0);
}

MaybeHandle<Value> ArrayGet(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = ReceiverArray(args);
  int length = array->length();
  Value key = *args.at(0);
  if (key.IsRange()) {
    // v.get(1..3): Some(slice) when the bounds are in range.
    Range range = Range::cast(key);
    int64_t from = 0, to = length;
    if (!range.from().IsNil() && !range.from().IsInteger()) return None(isolate);
    if (!range.to().IsNil() && !range.to().IsInteger()) return None(isolate);
    if (!range.from().IsNil()) from = IntegerValue(range.from());
    if (!range.to().IsNil()) to = ExclusiveEnd(range);
    if (from < 0 || from > to || to > length) return None(isolate);
    std::vector<Handle<Value>> slice;
    for (int64_t i = from; i < to; ++i) {
      Handle<Value> element;
      if (!SharedElement(isolate, array, static_cast<int>(i)).ToHandle(&element)) return {};
      slice.push_back(element);
    }
    Handle<Array> result;
    if (!NewArrayFrom(isolate, slice).ToHandle(&result)) return {};
    return Some(isolate, result);
  }
  int64_t index;
  if (!IntegerArgument(args, 0, &index)) return {};
  if (index < 0 || index >= length) return None(isolate);
  Handle<Value> element;
  if (!SharedElement(isolate, array, static_cast<int>(index)).ToHandle(&element)) return {};
  return Some(isolate, element);
}

MaybeHandle<Value> ArrayContains(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = ReceiverArray(args);
  Value needle = *args.at(0);
  if (array->kind() != ElementsKind::kDouble) {
    FixedArray store = FixedArray::cast(array->elements());
    for (int i = 0; i < array->length(); ++i) {
      if (ValuesEqual(store.get(i), needle)) return Boolean(isolate, true);
    }
    return Boolean(isolate, false);
  }
  if (!IsNumber(needle)) return Boolean(isolate, false);
  double wanted = NumberValue(needle);
  FixedDoubleArray store = FixedDoubleArray::cast(array->elements());
  for (int i = 0; i < array->length(); ++i) {
    if (store.get(i) == wanted) return Boolean(isolate, true);
  }
  return Boolean(isolate, false);
}

MaybeHandle<Value> ArrayJoin(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string separator;
  if (args.argc == 1 && !StringArgument(args, 0, &separator)) return {};
  Handle<Array> array = ReceiverArray(args);
  std::string out;
  for (int i = 0; i < array->length(); ++i) {
    HandleScope scope(isolate);
    if (i > 0) out += separator;
    Handle<Value> element;
    if (!Array::Get(isolate, array, i).ToHandle(&element)) return {};
    AppendText(*element, TextForm::kDisplay, &out);
  }
  return NewString(isolate, out);
}

MaybeHandle<Value> ArrayConcat(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = ReceiverArray(args);
  if (args.argc == 1) {
    // a.concat(b): the two arrays one after the other (reference §13.1).
    if (!(*args.at(0)).IsArray()) return ArgumentTypeError(args, 0, "an array");
    return BinaryOperation(isolate, BinaryOp::kAdd, *args.receiver, args.at(0));
  }
  // [[1], [2, 3]].concat() flattens one level; ["a", "b"].concat() joins (Rust).
  std::vector<Handle<Value>> elements;
  if (!Elements(isolate, array, &elements)) return {};
  bool all_strings = !elements.empty();
  for (const Handle<Value>& element : elements) all_strings = all_strings && (*element).IsString();
  if (all_strings) {
    std::string out;
    for (const Handle<Value>& element : elements) out += ToStdString(*element);
    return NewString(isolate, out);
  }
  std::vector<Handle<Value>> flat;
  for (const Handle<Value>& element : elements) {
    if (!(*element).IsArray())
      return ValueTypeError(args, "an array of arrays or strings", *element);
    if (!Elements(isolate, Handle<Array>::cast(element), &flat)) return {};
  }
  return NewArrayFrom(isolate, flat);
}

MaybeHandle<Value> ArrayIdentity(BuiltinArguments& args) {
  // iter(), into_iter(), cloned()...: iterator adapters are eager, so these are the array
  // itself. The result is a second reference to it, hence the shared mark.
  MarkShared(**args.receiver);
  return *args.receiver;
}

MaybeHandle<Value> ArrayBinarySearch(BuiltinArguments& args) {
  // Ok(index) of a match, or Err(index where the value would be inserted), as Rust.
  Isolate* isolate = args.isolate;
  Handle<Array> array = ReceiverArray(args);
  int low = 0, high = array->length();
  bool found = false;
  while (low < high && !found) {
    HandleScope scope(isolate);
    int mid = low + (high - low) / 2;
    Handle<Value> element;
    if (!Array::Get(isolate, array, mid).ToHandle(&element)) return {};
    std::optional<int> order = CompareValues(isolate, *element, *args.at(0));
    if (!order) return {};
    if (*order == 0) {
      low = mid;
      found = true;
    } else if (*order < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  Handle<Value> index;
  if (!Integer(isolate, low).ToHandle(&index)) return {};
  return found ? NewOk(isolate, index) : NewErr(isolate, index);
}

MaybeHandle<Value> ArraySlice(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = ReceiverArray(args);
  int64_t length = array->length();
  int64_t from, to = length;
  if (!SizeArgument(args, 0, &from)) return {};
  if (args.argc > 1 && !SizeArgument(args, 1, &to)) return {};
  from = std::min(from, length);
  to = std::clamp(to, from, length);
  std::vector<Handle<Value>> slice;
  for (int64_t i = from; i < to; ++i) {
    Handle<Value> element;
    if (!SharedElement(isolate, array, static_cast<int>(i)).ToHandle(&element)) return {};
    slice.push_back(element);
  }
  return NewArrayFrom(isolate, slice);
}

namespace {

enum class SetOperation { kUnique, kUnion, kIntersection, kDifference };

bool ContainsEqual(const std::vector<Handle<Value>>& values, Value wanted) {
  for (const Handle<Value>& value : values) {
    if (ValuesEqual(*value, wanted)) return true;
  }
  return false;
}

// unique, union, intersection, difference (ref §13.1): new arrays without duplicates
// (structural equality), in the order of first occurrence. Quadratic: these are for small
// arrays; programs with many elements use a HashSet.
MaybeHandle<Value> ArraySetOperation(BuiltinArguments& args, SetOperation op) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> left, right, result;
  if (!Elements(isolate, ReceiverArray(args), &left)) return {};
  if (op != SetOperation::kUnique) {
    if (!(*args.at(0)).IsArray()) return ArgumentTypeError(args, 0, "an array");
    if (!Elements(isolate, Handle<Array>::cast(args.at(0)), &right)) return {};
  }
  for (const Handle<Value>& value : left) {
    bool in_right = ContainsEqual(right, *value);
    bool keep = op == SetOperation::kIntersection ? in_right
                : op == SetOperation::kDifference ? !in_right
                                                  : true;
    if (keep && !ContainsEqual(result, *value)) result.push_back(value);
  }
  if (op == SetOperation::kUnion) {
    for (const Handle<Value>& value : right) {
      if (!ContainsEqual(result, *value)) result.push_back(value);
    }
  }
  return NewArrayFrom(isolate, result);
}

}  // namespace

MaybeHandle<Value> ArrayUnique(BuiltinArguments& args) {
  return ArraySetOperation(args, SetOperation::kUnique);
}

MaybeHandle<Value> ArrayUnion(BuiltinArguments& args) {
  return ArraySetOperation(args, SetOperation::kUnion);
}

MaybeHandle<Value> ArrayIntersection(BuiltinArguments& args) {
  return ArraySetOperation(args, SetOperation::kIntersection);
}

MaybeHandle<Value> ArrayDifference(BuiltinArguments& args) {
  return ArraySetOperation(args, SetOperation::kDifference);
}

}  // namespace ruchy::internal::builtins
