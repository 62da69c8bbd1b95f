// The iterator surface on arrays and ranges. Adapters are eager: map, filter, zip,
// enumerate... build arrays, and iter()/collect() are identity (LANGUAGE.md §5), so a
// chain like v.iter().map(f).filter(g).collect() makes one array per step. Ranges reach
// these methods already materialized (builtins.cc). Elements handed to callbacks or
// stored in new arrays are marked shared (copy-on-write).
#include <algorithm>
#include <cmath>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal::builtins {

namespace {

Handle<Array> Receiver(BuiltinArguments& args) { return ReceiverArray(args); }

// Calls f(index, element) for each element, each in its own handle scope. f returns false
// to stop (with *failed set when it failed). Returns false when an error is pending.
// A callback that mutates the receiver's variable in place (a closure capturing it) is
// neither copied for nor trusted: the walk covers at most the original length and
// re-checks the live one, so it ends and stays in bounds.
template <typename F>
bool ForEachElement(BuiltinArguments& args, F f) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = Receiver(args);
  int length = array->length();
  for (int i = 0; i < length && i < array->length(); ++i) {
    HandleScope scope(isolate);
    Handle<Value> element;
    if (!SharedElement(isolate, array, i).ToHandle(&element)) return false;
    bool failed = false;
    if (!f(i, element, &failed)) return !failed;
  }
  return true;
}

// Builds the array of elements [from, to) stepping by `step`.
MaybeHandle<Value> Subsequence(BuiltinArguments& args, int64_t from, int64_t to, int64_t step) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = Receiver(args);
  Handle<Array> result;
  if (!NewEmptyArray(isolate).ToHandle(&result)) return {};
  to = std::min<int64_t>(to, array->length());
  for (int64_t i = std::max<int64_t>(from, 0); i < to; i += step) {
    HandleScope scope(isolate);
    Handle<Value> element;
    if (!SharedElement(isolate, array, static_cast<int>(i)).ToHandle(&element)) return {};
    if (!Push(isolate, result, element)) return {};
  }
  return result;
}

MaybeHandle<Value> NewPair(Isolate* isolate, Handle<Value> a, Handle<Value> b) {
  Handle<Tuple> pair;
  if (!isolate->factory()->NewTuple(2).ToHandle(&pair)) return {};
  pair->set(0, *a);
  pair->set(1, *b);
  return pair;
}

bool IsFloatHint(std::string_view hint) { return hint == "f64" || hint == "f32"; }

// sum() and product(): integers with overflow errors, floats as soon as one is a float.
MaybeHandle<Value> Accumulate(BuiltinArguments& args, BinaryOp op) {
  Isolate* isolate = args.isolate;
  Handle<Array> array = Receiver(args);
  bool sum = op == BinaryOp::kAdd;
  Handle<Value> result;
  if (array->kind() == ElementsKind::kDouble) {
    FixedDoubleArray store = FixedDoubleArray::cast(array->elements());
    double total = sum ? 0.0 : 1.0;
    for (int i = 0; i < array->length(); ++i)
      total = sum ? total + store.get(i) : total * store.get(i);
    return Float(isolate, total);
  }
  if (array->kind() == ElementsKind::kSmi) {
    FixedArray store = FixedArray::cast(array->elements());
    int64_t total = sum ? 0 : 1;
    for (int i = 0; i < array->length(); ++i) {
      int64_t x = Smi::ToInt(store.get(i));
      bool overflow =
          sum ? __builtin_add_overflow(total, x, &total) : __builtin_mul_overflow(total, x, &total);
      if (overflow) {
        return Fail(isolate, sum ? "Runtime error: Integer overflow in addition"
                                 : "Runtime error: Integer overflow in multiplication");
      }
    }
    if (!Integer(isolate, total).ToHandle(&result)) return {};
  } else {
    if (!Integer(isolate, sum ? 0 : 1).ToHandle(&result)) return {};
    bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
      if (!IsNumber(*element)) {
        ValueTypeError(args, "numbers", *element);
        *failed = true;
        return false;
      }
      Handle<Value> next;
      if (!BinaryOperation(isolate, op, result, element).ToHandle(&next)) {
        *failed = true;
        return false;
      }
      Store(result, *next);
      return true;
    });
    if (!ok) return {};
  }
  if (IsFloatHint(args.type_hint) && (*result).IsInteger()) {
    return Float(isolate, static_cast<double>(IntegerValue(*result)));
  }
  return result;
}

// min()/max(): Rust returns the first minimum and the last maximum.
MaybeHandle<Value> Extreme(BuiltinArguments& args, bool want_max) {
  Isolate* isolate = args.isolate;
  Handle<Value> best_slot = handle(isolate->the_hole_value(), isolate);
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    if ((*best_slot).IsTheHole()) {
      Store(best_slot, *element);
      return true;
    }
    std::optional<int> order = CompareValues(isolate, *element, *best_slot);
    if (!order) {
      *failed = true;
      return false;
    }
    if (want_max ? *order >= 0 : *order < 0) Store(best_slot, *element);
    return true;
  });
  if (!ok) return {};
  return OptionOf(isolate, best_slot);
}

// min_by_key()/max_by_key(): the element whose key is least/greatest.
MaybeHandle<Value> ExtremeByKey(BuiltinArguments& args, bool want_max) {
  Isolate* isolate = args.isolate;
  Handle<Value> best = handle(isolate->the_hole_value(), isolate);
  Handle<Value> best_key = handle(isolate->the_hole_value(), isolate);
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    Handle<Value> key;
    if (!Call1(isolate, args.at(0), element).ToHandle(&key)) {
      *failed = true;
      return false;
    }
    if (!(*best).IsTheHole()) {
      std::optional<int> order = CompareValues(isolate, *key, *best_key);
      if (!order) {
        *failed = true;
        return false;
      }
      if (want_max ? *order < 0 : *order >= 0) return true;
    }
    Store(best, *element);
    Store(best_key, *key);
    return true;
  });
  if (!ok) return {};
  return OptionOf(isolate, best);
}

// min_by()/max_by(): with a comparator returning an Ordering.
MaybeHandle<Value> ExtremeBy(BuiltinArguments& args, bool want_max) {
  Isolate* isolate = args.isolate;
  Handle<Value> best = handle(isolate->the_hole_value(), isolate);
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    if ((*best).IsTheHole()) {
      Store(best, *element);
      return true;
    }
    Handle<Value> result;
    int order;
    if (!Call2(isolate, args.at(0), element, best).ToHandle(&result) ||
        !OrderingOf(args, *result, &order)) {
      *failed = true;
      return false;
    }
    if (want_max ? order >= 0 : order < 0) Store(best, *element);
    return true;
  });
  if (!ok) return {};
  return OptionOf(isolate, best);
}

// Calls the callback on each element and keeps what `keep` decides from the result.
template <typename Keep>
MaybeHandle<Value> MapLike(BuiltinArguments& args, Keep keep) {
  Isolate* isolate = args.isolate;
  Handle<Array> result;
  if (!NewEmptyArray(isolate, Receiver(args)->length()).ToHandle(&result)) return {};
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    Handle<Value> value;
    if (!Call1(isolate, args.at(0), element).ToHandle(&value) || !keep(element, value, result)) {
      *failed = true;
      return false;
    }
    return true;
  });
  if (!ok) return {};
  return result;
}

// The index of the first element the callback accepts, or -1.
bool FindIndex(BuiltinArguments& args, Handle<Value> found, int* index) {
  Isolate* isolate = args.isolate;
  *index = -1;
  return ForEachElement(args, [&](int i, Handle<Value> element, bool* failed) {
    Handle<Value> accept;
    if (!Call1(isolate, args.at(0), element).ToHandle(&accept)) {
      *failed = true;
      return false;
    }
    if (!IsTruthy(*accept)) return true;
    *index = i;
    Store(found, *element);
    return false;
  });
}

}  // namespace

MaybeHandle<Value> IterCollect(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> array;
  if ((**args.receiver).IsRange()) {
    if (!MaterializeRange(args, Handle<Range>::cast(*args.receiver)).ToHandle(&array)) return {};
  } else {
    array = Receiver(args);
  }
  std::string_view hint = args.type_hint;
  if (hint == "String") {
    std::string out;
    for (int i = 0; i < array->length(); ++i) {
      HandleScope scope(isolate);
      Handle<Value> element;
      if (!Array::Get(isolate, array, i).ToHandle(&element)) return {};
      AppendText(*element, TextForm::kDisplay, &out);
    }
    return NewString(isolate, out);
  }
  if (hint == "Result" || hint == "Option") {
    // collect::<Result<Vec<_>, _>>(): the first Err (None) wins, else Ok (Some) of the
    // payloads.
    bool result = hint == "Result";
    Handle<Array> payloads;
    if (!NewEmptyArray(isolate, array->length()).ToHandle(&payloads)) return {};
    Handle<Value> failure = handle(isolate->the_hole_value(), isolate);
    for (int i = 0; i < array->length() && (*failure).IsTheHole(); ++i) {
      HandleScope scope(isolate);
      Handle<Value> element;
      if (!SharedElement(isolate, array, i).ToHandle(&element)) return {};
      bool ok = result ? IsOk(isolate, *element) : IsSome(isolate, *element);
      if (result ? IsErr(isolate, *element) : IsNone(isolate, *element)) {
        Store(failure, *element);
      } else if (!ok) {
        return ValueTypeError(args, result ? "Result values" : "Option values", *element);
      } else {
        Handle<Value> payload(EnumValue::cast(*element).payload(0), isolate);
        if (!Push(isolate, payloads, payload)) return {};
      }
    }
    if (!(*failure).IsTheHole()) return failure;
    return result ? NewOk(isolate, payloads) : Some(isolate, payloads);
  }
  bool set = hint == "HashSet" || hint == "BTreeSet";
  if (set || hint == "HashMap" || hint == "BTreeMap") {
    std::vector<Handle<Value>> items;
    if (!Elements(isolate, array, &items)) return {};
    return CollectIntoMap(args, items, set, hint == "BTreeMap" || hint == "BTreeSet");
  }
  if (array.location() == args.receiver->location()) MarkShared(*array);
  return array;
}

MaybeHandle<Value> IterFirst(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (Receiver(args)->length() == 0) return None(isolate);
  Handle<Value> element;
  if (!SharedElement(isolate, Receiver(args), 0).ToHandle(&element)) return {};
  return Some(isolate, element);
}

MaybeHandle<Value> IterLast(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int length = Receiver(args)->length();
  if (length == 0) return None(isolate);
  Handle<Value> element;
  if (!SharedElement(isolate, Receiver(args), length - 1).ToHandle(&element)) return {};
  return Some(isolate, element);
}

MaybeHandle<Value> IterNth(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t index;
  if (!SizeArgument(args, 0, &index)) return {};
  if (index >= Receiver(args)->length()) return None(isolate);
  Handle<Value> element;
  if (!SharedElement(isolate, Receiver(args), static_cast<int>(index)).ToHandle(&element)) {
    return {};
  }
  return Some(isolate, element);
}

MaybeHandle<Value> IterCount(BuiltinArguments& args) {
  return Integer(args.isolate, Receiver(args)->length());
}

MaybeHandle<Value> IterSum(BuiltinArguments& args) { return Accumulate(args, BinaryOp::kAdd); }
MaybeHandle<Value> IterProduct(BuiltinArguments& args) { return Accumulate(args, BinaryOp::kMul); }
MaybeHandle<Value> IterMin(BuiltinArguments& args) { return Extreme(args, false); }
MaybeHandle<Value> IterMax(BuiltinArguments& args) { return Extreme(args, true); }
MaybeHandle<Value> IterMinByKey(BuiltinArguments& args) { return ExtremeByKey(args, false); }
MaybeHandle<Value> IterMaxByKey(BuiltinArguments& args) { return ExtremeByKey(args, true); }
MaybeHandle<Value> IterMinBy(BuiltinArguments& args) { return ExtremeBy(args, false); }
MaybeHandle<Value> IterMaxBy(BuiltinArguments& args) { return ExtremeBy(args, true); }

MaybeHandle<Value> IterRev(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements;
  if (!Elements(args.isolate, Receiver(args), &elements)) return {};
  std::reverse(elements.begin(), elements.end());
  return NewArrayFrom(args.isolate, elements);
}

MaybeHandle<Value> IterTake(BuiltinArguments& args) {
  int64_t count;
  if (!SizeArgument(args, 0, &count)) return {};
  return Subsequence(args, 0, count, 1);
}

MaybeHandle<Value> IterSkip(BuiltinArguments& args) {
  int64_t count;
  if (!SizeArgument(args, 0, &count)) return {};
  return Subsequence(args, count, INT64_MAX, 1);
}

MaybeHandle<Value> IterStepBy(BuiltinArguments& args) {
  int64_t step;
  if (!SizeArgument(args, 0, &step)) return {};
  if (step == 0) return Fail(args.isolate, "Runtime error: step_by() step must be positive");
  return Subsequence(args, 0, INT64_MAX, step);
}

MaybeHandle<Value> IterChain(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements;
  if (!Elements(args.isolate, Receiver(args), &elements) || !IterableElements(args, 0, &elements)) {
    return {};
  }
  return NewArrayFrom(args.isolate, elements);
}

MaybeHandle<Value> IterZip(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> left, right, pairs;
  if (!Elements(isolate, Receiver(args), &left) || !IterableElements(args, 0, &right)) return {};
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    Handle<Value> pair;
    if (!NewPair(isolate, left[i], right[i]).ToHandle(&pair)) return {};
    pairs.push_back(pair);
  }
  return NewArrayFrom(isolate, pairs);
}

MaybeHandle<Value> IterEnumerate(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> result;
  if (!NewEmptyArray(isolate, Receiver(args)->length()).ToHandle(&result)) return {};
  bool ok = ForEachElement(args, [&](int i, Handle<Value> element, bool* failed) {
    Handle<Value> pair;
    if (!NewPair(isolate, handle(Smi::FromInt(i), isolate), element).ToHandle(&pair) ||
        !Push(isolate, result, pair)) {
      *failed = true;
      return false;
    }
    return true;
  });
  if (!ok) return {};
  return result;
}

MaybeHandle<Value> IterFlatten(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements, flat;
  if (!Elements(args.isolate, Receiver(args), &elements)) return {};
  for (const Handle<Value>& element : elements) {
    if (!ValueElements(args, element, &flat)) return {};
  }
  return NewArrayFrom(args.isolate, flat);
}

MaybeHandle<Value> IterUnzip(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> elements, left, right;
  if (!Elements(isolate, Receiver(args), &elements)) return {};
  for (const Handle<Value>& element : elements) {
    if (!(*element).IsTuple() || Tuple::cast(*element).length() != 2) {
      return ValueTypeError(args, "an array of pairs", *element);
    }
    left.push_back(handle(Tuple::cast(*element).get(0), isolate));
    right.push_back(handle(Tuple::cast(*element).get(1), isolate));
    MarkShared(*left.back());
    MarkShared(*right.back());
  }
  Handle<Array> a, b;
  if (!NewArrayFrom(isolate, left).ToHandle(&a) || !NewArrayFrom(isolate, right).ToHandle(&b)) {
    return {};
  }
  return NewPair(isolate, a, b);
}

namespace {

// windows(n) (overlapping, step 1) and chunks(n) (step n, last one shorter).
MaybeHandle<Value> Groups(BuiltinArguments& args, bool overlapping) {
  Isolate* isolate = args.isolate;
  int64_t size;
  if (!SizeArgument(args, 0, &size)) return {};
  if (size == 0)
    return Fail(isolate, "Runtime error: " + std::string(args.name) + "() size must be positive");
  Handle<Array> array = Receiver(args);
  int64_t length = array->length();
  Handle<Array> result;
  if (!NewEmptyArray(isolate).ToHandle(&result)) return {};
  int64_t step = overlapping ? 1 : size;
  for (int64_t start = 0; overlapping ? start + size <= length : start < length; start += step) {
    HandleScope scope(isolate);
    Handle<Value> group;
    if (!Subsequence(args, start, std::min(start + size, length), 1).ToHandle(&group)) return {};
    if (!Push(isolate, result, group)) return {};
  }
  return result;
}

}  // namespace

MaybeHandle<Value> IterWindows(BuiltinArguments& args) { return Groups(args, true); }
MaybeHandle<Value> IterChunks(BuiltinArguments& args) { return Groups(args, false); }

MaybeHandle<Value> IterMap(BuiltinArguments& args) {
  return MapLike(args, [&](Handle<Value>, Handle<Value> value, Handle<Array> result) {
    return Push(args.isolate, result, value);
  });
}

MaybeHandle<Value> IterFilter(BuiltinArguments& args) {
  return MapLike(args, [&](Handle<Value> element, Handle<Value> keep, Handle<Array> result) {
    return !IsTruthy(*keep) || Push(args.isolate, result, element);
  });
}

MaybeHandle<Value> IterFilterMap(BuiltinArguments& args) {
  // Some(x) keeps x and None drops the element; a plain value is kept, nil dropped.
  Isolate* isolate = args.isolate;
  return MapLike(args, [&](Handle<Value>, Handle<Value> value, Handle<Array> result) {
    if (IsNone(isolate, *value) || (*value).IsNil()) return true;
    if (IsSome(isolate, *value)) {
      Handle<Value> payload(EnumValue::cast(*value).payload(0), isolate);
      MarkShared(*payload);
      return Push(isolate, result, payload);
    }
    return Push(isolate, result, value);
  });
}

MaybeHandle<Value> IterFlatMap(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  return MapLike(args, [&](Handle<Value>, Handle<Value> value, Handle<Array> result) {
    std::vector<Handle<Value>> items;
    if (!ValueElements(args, value, &items)) return false;
    for (const Handle<Value>& item : items) {
      if (!Push(isolate, result, item)) return false;
    }
    return true;
  });
}

MaybeHandle<Value> IterForEach(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    *failed = Call1(isolate, args.at(0), element).is_null();
    return !*failed;
  });
  if (!ok) return {};
  return Nil(isolate);
}

namespace {

MaybeHandle<Value> Fold(BuiltinArguments& args, Handle<Value> initial, Handle<Value> callable,
                        int skip) {
  Isolate* isolate = args.isolate;
  Handle<Value> accumulator = handle(*initial, isolate);
  bool ok = ForEachElement(args, [&](int i, Handle<Value> element, bool* failed) {
    if (i < skip) return true;
    Handle<Value> next;
    if (!Call2(isolate, callable, accumulator, element).ToHandle(&next)) {
      *failed = true;
      return false;
    }
    Store(accumulator, *next);
    return true;
  });
  if (!ok) return {};
  return accumulator;
}

}  // namespace

MaybeHandle<Value> IterFold(BuiltinArguments& args) {
  return Fold(args, args.at(0), args.at(1), 0);
}

MaybeHandle<Value> IterReduce(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (args.argc == 2) {
    // The reference's reduce(init, f) or reduce(f, init): a left fold with a start value.
    bool function_first = (*args.at(0)).IsClosure() && !(*args.at(1)).IsClosure();
    return function_first ? Fold(args, args.at(1), args.at(0), 0)
                          : Fold(args, args.at(0), args.at(1), 0);
  }
  // Rust's reduce(f): None for an empty sequence, else the fold from the first element.
  Handle<Array> array = Receiver(args);
  if (array->length() == 0) return None(isolate);
  Handle<Value> first;
  if (!SharedElement(isolate, array, 0).ToHandle(&first)) return {};
  Handle<Value> result;
  if (!Fold(args, first, args.at(0), 1).ToHandle(&result)) return {};
  return Some(isolate, result);
}

MaybeHandle<Value> IterAny(BuiltinArguments& args) {
  Handle<Value> found = handle(args.isolate->nil_value(), args.isolate);
  int index;
  if (!FindIndex(args, found, &index)) return {};
  return Boolean(args.isolate, index >= 0);
}

MaybeHandle<Value> IterAll(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  bool all = true;
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    Handle<Value> accept;
    if (!Call1(isolate, args.at(0), element).ToHandle(&accept)) {
      *failed = true;
      return false;
    }
    all = IsTruthy(*accept);
    return all;
  });
  if (!ok) return {};
  return Boolean(isolate, all);
}

MaybeHandle<Value> IterFind(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Value> found = handle(isolate->nil_value(), isolate);
  int index;
  if (!FindIndex(args, found, &index)) return {};
  if (index < 0) return None(isolate);
  return Some(isolate, found);
}

MaybeHandle<Value> IterPosition(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Value> found = handle(isolate->nil_value(), isolate);
  int index;
  if (!FindIndex(args, found, &index)) return {};
  if (index < 0) return None(isolate);
  return Some(isolate, handle(Smi::FromInt(index), isolate));
}

MaybeHandle<Value> IterFindMap(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Value> found = handle(isolate->the_hole_value(), isolate);
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    Handle<Value> result;
    if (!Call1(isolate, args.at(0), element).ToHandle(&result)) {
      *failed = true;
      return false;
    }
    if (IsNone(isolate, *result) || (*result).IsNil()) return true;
    Store(found, IsSome(isolate, *result) ? EnumValue::cast(*result).payload(0) : *result);
    return false;
  });
  if (!ok) return {};
  return OptionOf(isolate, found);
}

namespace {

// take_while / skip_while: the split point is the first element the callback rejects.
bool FirstRejected(BuiltinArguments& args, int* index) {
  Isolate* isolate = args.isolate;
  *index = Receiver(args)->length();
  return ForEachElement(args, [&](int i, Handle<Value> element, bool* failed) {
    Handle<Value> accept;
    if (!Call1(isolate, args.at(0), element).ToHandle(&accept)) {
      *failed = true;
      return false;
    }
    if (IsTruthy(*accept)) return true;
    *index = i;
    return false;
  });
}

}  // namespace

MaybeHandle<Value> IterTakeWhile(BuiltinArguments& args) {
  int split;
  if (!FirstRejected(args, &split)) return {};
  return Subsequence(args, 0, split, 1);
}

MaybeHandle<Value> IterSkipWhile(BuiltinArguments& args) {
  int split;
  if (!FirstRejected(args, &split)) return {};
  return Subsequence(args, split, INT64_MAX, 1);
}

MaybeHandle<Value> IterPartition(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Array> yes, no;
  if (!NewEmptyArray(isolate).ToHandle(&yes) || !NewEmptyArray(isolate).ToHandle(&no)) return {};
  bool ok = ForEachElement(args, [&](int, Handle<Value> element, bool* failed) {
    Handle<Value> accept;
    if (!Call1(isolate, args.at(0), element).ToHandle(&accept) ||
        !Push(isolate, IsTruthy(*accept) ? yes : no, element)) {
      *failed = true;
      return false;
    }
    return true;
  });
  if (!ok) return {};
  return NewPair(isolate, yes, no);
}

// --- Ranges without materializing.

MaybeHandle<Value> RangeLen(BuiltinArguments& args) {
  int64_t length;
  if (!RangeLength(args, Range::cast(**args.receiver), &length)) return {};
  return Integer(args.isolate, length);
}

MaybeHandle<Value> RangeIsEmpty(BuiltinArguments& args) {
  int64_t from, to;
  if (!RangeBounds(args, Range::cast(**args.receiver), &from, &to)) return {};
  return Boolean(args.isolate, to <= from);
}

MaybeHandle<Value> RangeSum(BuiltinArguments& args) {
  // Closed form in 128 bits: n * from + n * (n - 1) / 2 with n < 2^63 cannot overflow it.
  Isolate* isolate = args.isolate;
  int64_t from, to, length;
  if (!RangeBounds(args, Range::cast(**args.receiver), &from, &to) ||
      !RangeLength(args, Range::cast(**args.receiver), &length)) {
    return {};
  }
  __int128 n = length;
  __int128 sum = n * from + n * (n - 1) / 2;
  if (sum > INT64_MAX || sum < INT64_MIN) {
    return Fail(isolate, "Runtime error: Integer overflow in addition");
  }
  if (args.type_hint == "f64" || args.type_hint == "f32") {
    return Float(isolate, static_cast<double>(static_cast<int64_t>(sum)));
  }
  return Integer(isolate, static_cast<int64_t>(sum));
}

MaybeHandle<Value> RangeContains(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Range> range = Handle<Range>::cast(*args.receiver);
  Value x = *args.at(0);
  if (!range->from().IsNil()) {
    std::optional<int> order = CompareValues(isolate, range->from(), x);
    if (!order) return {};
    if (*order > 0) return Boolean(isolate, false);
  }
  if (!range->to().IsNil()) {
    std::optional<int> order = CompareValues(isolate, *args.at(0), range->to());
    if (!order) return {};
    if (range->inclusive() ? *order > 0 : *order >= 0) return Boolean(isolate, false);
  }
  return Boolean(isolate, true);
}

}  // namespace ruchy::internal::builtins
