// Shared helpers of the built-in implementations (see builtins-utils.h).
#include "src/builtins/builtins-utils.h"

#include <algorithm>

namespace ruchy::internal::builtins {

namespace {

std::string Name(const BuiltinArguments& args) {
  std::string name(args.name);
  if (!name.empty() && name.back() == '!') return name;
  return name + "()";
}

// Character boundaries of UTF-8 text: bytes that are not continuation bytes.
bool IsCharStart(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

MaybeHandle<Value> Fail(Isolate* isolate, std::string_view message) {
  isolate->ThrowError(message);
  return {};
}

MaybeHandle<Value> ArgumentTypeError(BuiltinArguments& args, int index, std::string_view what) {
  std::string message = "Type error: " + Name(args) + " expects " + std::string(what) +
                        " as argument " + std::to_string(index + 1) + ", got " +
                        TypeName(*args.at(index));
  return Fail(args.isolate, message);
}

MaybeHandle<Value> ValueTypeError(BuiltinArguments& args, std::string_view what, Value got) {
  std::string message =
      "Type error: " + Name(args) + " expects " + std::string(what) + ", got " + TypeName(got);
  return Fail(args.isolate, message);
}

MaybeHandle<Value> MethodNotFound(BuiltinArguments& args) {
  std::string message = "Runtime error: Method '" + std::string(args.name) +
                        "' not found for type " + TypeName(**args.receiver);
  return Fail(args.isolate, message);
}

MaybeHandle<Value> IndexOutOfBounds(Isolate* isolate, int64_t index, int64_t length,
                                    const char* what) {
  std::string message = "Runtime error: Index " + std::to_string(index) + " out of bounds for " +
                        what + " of length " + std::to_string(length);
  return Fail(isolate, message);
}

bool IntegerArgument(BuiltinArguments& args, int index, int64_t* out) {
  Value value = *args.at(index);
  if (!value.IsInteger()) {
    ArgumentTypeError(args, index, "an integer");
    return false;
  }
  *out = IntegerValue(value);
  return true;
}

bool SizeArgument(BuiltinArguments& args, int index, int64_t* out) {
  if (!IntegerArgument(args, index, out)) return false;
  if (*out < 0) {
    Fail(args.isolate, "Runtime error: " + Name(args) + " expects a non-negative integer, got " +
                           std::to_string(*out));
    return false;
  }
  return true;
}

bool NumberArgument(BuiltinArguments& args, int index, double* out) {
  Value value = *args.at(index);
  if (!IsNumber(value)) {
    ArgumentTypeError(args, index, "a number");
    return false;
  }
  *out = NumberValue(value);
  return true;
}

bool StringArgument(BuiltinArguments& args, int index, std::string* out) {
  Value value = *args.at(index);
  if (!value.IsString()) {
    ArgumentTypeError(args, index, "a string");
    return false;
  }
  *out = String::cast(value).ToStdString();
  return true;
}

MaybeHandle<Value> OptionOf(Isolate* isolate, Handle<Value> value) {
  if ((*value).IsTheHole()) return None(isolate);
  MarkShared(*value);
  return Some(isolate, value);
}

std::string ToStdString(Value string) { return String::cast(string).ToStdString(); }

MaybeHandle<Array> NewEmptyArray(Isolate* isolate, int capacity) {
  // A capacity hint from the program (Vec::with_capacity(n)) must not reserve unbounded
  // memory up front; pushes grow the store anyway.
  capacity = std::clamp(capacity, 0, 1 << 16);
  return isolate->factory()->NewArray(ElementsKind::kSmi, 0, capacity);
}

MaybeHandle<Array> NewArrayFrom(Isolate* isolate, const std::vector<Handle<Value>>& elements) {
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(std::min<size_t>(elements.size(), INT32_MAX)))
           .ToHandle(&array)) {
    return {};
  }
  for (const Handle<Value>& element : elements) {
    if (!Array::Push(isolate, array, element)) return {};
  }
  return array;
}

MaybeHandle<Value> SharedElement(Isolate* isolate, Handle<Array> array, int index) {
  if (array->kind() != ElementsKind::kDouble) {
    // No boxing: the element itself, marked shared without a call.
    CHECK(index >= 0 && index < array->length());
    Value value = array->GetTagged(index);
    if (value.IsCowContainer()) CowContainer::cast(value).set_shared();
    return handle(value, isolate);
  }
  Handle<Value> element;
  if (!Array::Get(isolate, array, index).ToHandle(&element)) return {};
  MarkShared(*element);
  return element;
}

bool Elements(Isolate* isolate, Handle<Array> array, std::vector<Handle<Value>>* out,
              bool mark_shared) {
  int length = array->length();
  out->reserve(out->size() + static_cast<size_t>(length));
  for (int i = 0; i < length; ++i) {
    Handle<Value> element;
    if (!Array::Get(isolate, array, i).ToHandle(&element)) return false;
    if (mark_shared) MarkShared(*element);
    out->push_back(element);
  }
  return true;
}

bool RangeBounds(BuiltinArguments& args, Range range, int64_t* from, int64_t* to) {
  Value start = range.from();
  Value end = range.to();
  if (!start.IsInteger() || !end.IsInteger()) {
    Fail(args.isolate, std::string("Type error: ") + Name(args) +
                           " needs a range with integer bounds, got " +
                           ToText(range, TextForm::kDisplay));
    return false;
  }
  *from = IntegerValue(start);
  *to = IntegerValue(end);
  if (range.inclusive()) {
    if (*to == INT64_MAX) {
      Fail(args.isolate, "Runtime error: Integer overflow in addition");
      return false;
    }
    ++*to;
  }
  return true;
}

bool RangeLength(BuiltinArguments& args, Range range, int64_t* length) {
  int64_t from, to;
  if (!RangeBounds(args, range, &from, &to)) return false;
  if (to <= from) {
    *length = 0;
    return true;
  }
  if (__builtin_sub_overflow(to, from, length)) {
    Fail(args.isolate, "Runtime error: Integer overflow in subtraction");
    return false;
  }
  return true;
}

MaybeHandle<Array> MaterializeRange(BuiltinArguments& args, Handle<Range> range) {
  Isolate* isolate = args.isolate;
  int64_t from, to;
  if (!RangeBounds(args, *range, &from, &to)) return {};
  if (to <= from) return NewEmptyArray(isolate);
  // 2^28 elements is the array limit; longer ranges cannot be materialized.
  if (static_cast<uint64_t>(to) - static_cast<uint64_t>(from) > uint64_t{Array::kMaxLength}) {
    isolate->ReportOutOfMemory();
    return {};
  }
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(to - from)).ToHandle(&array)) return {};
  for (int64_t i = from; i < to; ++i) {
    HandleScope scope(isolate);
    Handle<Value> value;
    if (!isolate->factory()->NewInteger(i).ToHandle(&value)) return {};
    if (!Array::Push(isolate, array, value)) return {};
  }
  return array;
}

bool ValueElements(BuiltinArguments& args, Handle<Value> value, std::vector<Handle<Value>>* out) {
  Isolate* isolate = args.isolate;
  Value v = *value;
  if (v.IsArray()) return Elements(isolate, Handle<Array>::cast(value), out);
  if (v.IsRange()) {
    Handle<Array> array;
    if (!MaterializeRange(args, Handle<Range>::cast(value)).ToHandle(&array)) return false;
    return Elements(isolate, array, out, /*mark_shared=*/false);
  }
  if (v.IsString()) {
    std::string text = ToStdString(v);
    size_t i = 0;
    while (i < text.size()) {
      size_t j = i + 1;
      while (j < text.size() && !IsCharStart(text[j])) ++j;
      Handle<Value> c;
      if (!NewString(isolate, std::string_view(text).substr(i, j - i)).ToHandle(&c)) return false;
      out->push_back(c);
      i = j;
    }
    return true;
  }
  if (v.IsHashMap()) {
    Handle<HashMap> map = Handle<HashMap>::cast(value);
    map->EnsureSorted();
    bool is_set = IsHashSet(*map);
    int used = map->table().used_entries();
    for (int entry = 0; entry < used; ++entry) {
      OrderedHashTable table = map->table();
      if (!table.IsLiveEntry(entry)) continue;
      Handle<Value> key(table.KeyAt(entry), isolate);
      MarkShared(*key);
      if (is_set) {
        out->push_back(key);
        continue;
      }
      Handle<Value> item(table.ValueAt(entry), isolate);
      MarkShared(*item);
      Handle<Tuple> pair;
      if (!isolate->factory()->NewTuple(2).ToHandle(&pair)) return false;
      pair->set(0, *key);
      pair->set(1, *item);
      out->push_back(pair);
    }
    return true;
  }
  if (IsOption(isolate, v)) {
    if (IsSome(isolate, v)) {
      Handle<Value> payload(EnumValue::cast(v).payload(0), isolate);
      MarkShared(*payload);
      out->push_back(payload);
    }
    return true;
  }
  ValueTypeError(args, "an iterable (array, range, string, map or Option)", v);
  return false;
}

bool IterableElements(BuiltinArguments& args, int index, std::vector<Handle<Value>>* out) {
  return ValueElements(args, args.at(index), out);
}

MaybeHandle<Array> UnsharedReceiverArray(BuiltinArguments& args) {
  Handle<CowContainer> container;
  if (!EnsureUnshared(args.isolate, Handle<CowContainer>::cast(*args.receiver))
           .ToHandle(&container)) {
    return {};
  }
  *args.receiver = container;
  return Handle<Array>::cast(container);
}

MaybeHandle<HashMap> UnsharedReceiverMap(BuiltinArguments& args) {
  Handle<CowContainer> container;
  if (!EnsureUnshared(args.isolate, Handle<CowContainer>::cast(*args.receiver))
           .ToHandle(&container)) {
    return {};
  }
  *args.receiver = container;
  return Handle<HashMap>::cast(container);
}

bool SetArrayContents(BuiltinArguments& args, const std::vector<Handle<Value>>& elements) {
  Isolate* isolate = args.isolate;
  Handle<Array> array;
  if (!UnsharedReceiverArray(args).ToHandle(&array)) return false;
  int old_length = array->length();
  if (array->kind() != ElementsKind::kDouble && old_length > 0) {
    // Drop stale references beyond the new length so the GC can free them.
    FixedArray::cast(array->elements()).FillWithNoBarrier(0, old_length, isolate->nil_value());
  }
  array->set_length(0);
  for (const Handle<Value>& element : elements) {
    if (!Array::Push(isolate, array, element)) return false;
  }
  return true;
}

MaybeHandle<Value> Call0(Isolate* isolate, Handle<Value> callable) {
  return Call(isolate, callable, 0, nullptr);
}

namespace {

// A callback with an in-out parameter (|x| *x += 1, a `&mut` parameter) writes its final
// value back into the argument handle. Only the iter_mut() forms the generator lowers and
// and_modify() use that value; anywhere else it would be lost, so it is an error.
MaybeHandle<Value> CallWithCopies(Isolate* isolate, Handle<Value> callable, int argc,
                                  const Handle<Value>* argv) {
  if (callable->IsClosure() && (Closure::cast(*callable).shared().flags() &
                                SharedFunctionInfo::kArgumentsReadOnlyBit) != 0) {
    return Call(isolate, callable, argc, argv);  // it cannot write an argument back
  }
  // Handles, so a moving collection during the call updates them like the arguments.
  Handle<Value> before[2] = {handle(*argv[0], isolate),
                             argc > 1 ? handle(*argv[1], isolate) : argv[0]};
  MaybeHandle<Value> result = Call(isolate, callable, argc, argv);
  if (result.is_null()) return result;
  for (int i = 0; i < argc; ++i) {
    if (!(*argv[i] == *before[i])) {
      isolate->ThrowError(kLostWriteBackError);
      return {};
    }
  }
  return result;
}

}  // namespace

MaybeHandle<Value> Call1(Isolate* isolate, Handle<Value> callable, Handle<Value> a) {
  return CallWithCopies(isolate, callable, 1, &a);
}

MaybeHandle<Value> Call2(Isolate* isolate, Handle<Value> callable, Handle<Value> a,
                         Handle<Value> b) {
  Handle<Value> argv[2] = {a, b};
  return CallWithCopies(isolate, callable, 2, argv);
}

bool OrderingOf(BuiltinArguments& args, Value result, int* out) {
  Isolate* isolate = args.isolate;
  if (result.IsEnumValue() && EnumValue::cast(result).descriptor() == isolate->ordering_enum()) {
    int variant = EnumValue::cast(result).variant();
    *out = variant == kOrderingLess ? -1 : variant == kOrderingEqual ? 0 : 1;
    return true;
  }
  if (result.IsInteger()) {
    int64_t n = IntegerValue(result);
    *out = n < 0 ? -1 : n > 0 ? 1 : 0;
    return true;
  }
  ValueTypeError(args, "a comparator returning an Ordering", result);
  return false;
}

}  // namespace ruchy::internal::builtins
