// Free functions over values (type_of, len, str, int, range...), constructors (Vec::new,
// String::from...), process and time helpers, and the methods every value has.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal {

namespace {

std::mutex& ArgumentsMutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<std::string>& ProgramArguments() {
  static std::vector<std::string> arguments;
  return arguments;
}

}  // namespace

void SetProgramArguments(std::vector<std::string> arguments) {
  std::lock_guard<std::mutex> lock(ArgumentsMutex());
  ProgramArguments() = std::move(arguments);
}

void ExitProcess(int code) {
  FlushStandardStreams();
  std::fflush(nullptr);
  // _Exit, not exit: other isolates may be running on other threads (the embedding API),
  // and static destructors and atexit handlers must not run under them. The isolates' heaps
  // are still in use at this point, not leaked.
  std::_Exit(code);
}

namespace builtins {

// --- Values and conversions.

MaybeHandle<Value> TypeOf(BuiltinArguments& args) {
  return NewString(args.isolate, TypeName(*args.at(0)));
}

MaybeHandle<Value> IsNilFunction(BuiltinArguments& args) {
  return Boolean(args.isolate, (*args.at(0)).IsNil());
}

MaybeHandle<Value> Str(BuiltinArguments& args) {
  if ((*args.at(0)).IsString()) return args.at(0);
  return ToTextString(args.isolate, args.at(0), TextForm::kDisplay);
}

MaybeHandle<Value> ToStringFunction(BuiltinArguments& args) {
  // The free function quotes a string argument (reference §5); the method does not.
  return ToTextString(args.isolate, args.at(0), TextForm::kRepl);
}

namespace {

// A float truncated toward zero, when the result is a 64-bit integer.
bool TruncateToInteger(double value, int64_t* out) {
  if (!std::isfinite(value)) return false;
  double truncated = std::trunc(value);
  // 2^63 is exactly representable; anything at or above it does not fit.
  if (truncated >= 9223372036854775808.0 || truncated < -9223372036854775808.0) return false;
  *out = static_cast<int64_t>(truncated);
  return true;
}

}  // namespace

MaybeHandle<Value> IntFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Value value = *args.at(0);
  if (value.IsInteger()) return args.at(0);
  if (value.IsBoolean()) return Integer(isolate, value.IsTrue() ? 1 : 0);
  if (value.IsHeapNumber()) {
    int64_t result;
    double d = HeapNumber::cast(value).value();
    if (!TruncateToInteger(d, &result)) {
      return Fail(isolate, "Runtime error: int() cannot convert " +
                               ToText(value, TextForm::kDisplay) + " to an integer");
    }
    return Integer(isolate, result);
  }
  if (value.IsString()) {
    std::string text = ToStdString(value);
    std::string error;
    std::optional<int64_t> parsed = ParseIntegerText(text, &error);
    if (!parsed) {
      // "3.5" parses as a float and truncates, as int(3.5) does.
      std::optional<double> number = ParseFloatText(text, &error);
      int64_t truncated;
      if (number && TruncateToInteger(*number, &truncated)) return Integer(isolate, truncated);
      return Fail(isolate, "Runtime error: int() cannot parse string: '" + text + "'");
    }
    return Integer(isolate, *parsed);
  }
  return ArgumentTypeError(args, 0, "a number, string or boolean");
}

MaybeHandle<Value> FloatFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Value value = *args.at(0);
  if (value.IsHeapNumber()) return args.at(0);
  if (value.IsInteger()) return Float(isolate, static_cast<double>(IntegerValue(value)));
  if (value.IsBoolean()) return Float(isolate, value.IsTrue() ? 1.0 : 0.0);
  if (value.IsString()) {
    std::string text = ToStdString(value);
    std::string error;
    std::optional<double> parsed = ParseFloatText(text, &error);
    if (!parsed) return Fail(isolate, "Runtime error: float() cannot parse string: '" + text + "'");
    return Float(isolate, *parsed);
  }
  return ArgumentTypeError(args, 0, "a number, string or boolean");
}

MaybeHandle<Value> BoolFunction(BuiltinArguments& args) {
  Value value = *args.at(0);
  bool result = true;
  if (value.IsFalse() || value.IsNil()) {
    result = false;
  } else if (value.IsInteger()) {
    result = IntegerValue(value) != 0;
  } else if (value.IsHeapNumber()) {
    result = HeapNumber::cast(value).value() != 0;
  } else if (value.IsString()) {
    result = String::cast(value).length() != 0;
  } else if (value.IsArray()) {
    result = Array::cast(value).length() != 0;
  }
  return Boolean(args.isolate, result);
}

MaybeHandle<Value> ParseIntFunction(BuiltinArguments& args) {
  std::string text;
  if (!StringArgument(args, 0, &text)) return {};
  std::string error;
  std::optional<int64_t> parsed = ParseIntegerText(text, &error);
  if (!parsed) {
    return Fail(args.isolate, "Runtime error: parse_int() cannot parse '" + text + "': " + error);
  }
  return Integer(args.isolate, *parsed);
}

MaybeHandle<Value> ParseFloatFunction(BuiltinArguments& args) {
  std::string text;
  if (!StringArgument(args, 0, &text)) return {};
  std::string error;
  std::optional<double> parsed = ParseFloatText(text, &error);
  if (!parsed) {
    return Fail(args.isolate, "Runtime error: parse_float() cannot parse '" + text + "': " + error);
  }
  return Float(args.isolate, *parsed);
}

// --- Sequences.

MaybeHandle<Value> LenFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Value value = *args.at(0);
  if (value.IsString()) return Integer(isolate, String::cast(value).length());
  if (value.IsArray()) return Integer(isolate, Array::cast(value).length());
  if (value.IsTuple()) return Integer(isolate, Tuple::cast(value).length());
  if (value.IsHashMap()) return Integer(isolate, HashMap::cast(value).size());
  if (value.IsRange()) {
    int64_t length;
    if (!RangeLength(args, Range::cast(value), &length)) return {};
    return Integer(isolate, length);
  }
  return ArgumentTypeError(args, 0, "a string, array, tuple, map or range");
}

MaybeHandle<Value> RangeFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  int64_t start = 0, end = 0, step = 1;
  if (args.argc == 1) {
    if (!IntegerArgument(args, 0, &end)) return {};
  } else {
    if (!IntegerArgument(args, 0, &start) || !IntegerArgument(args, 1, &end)) return {};
    if (args.argc == 3 && !IntegerArgument(args, 2, &step)) return {};
  }
  if (step == 0) return Fail(isolate, "Runtime error: range() step cannot be zero");
  Handle<Array> array;
  if (!NewEmptyArray(isolate).ToHandle(&array)) return {};
  // Count first (in unsigned arithmetic, immune to overflow) so no bound is ever exceeded.
  uint64_t count = 0;
  if (step > 0 && end > start) {
    count = (static_cast<uint64_t>(end) - static_cast<uint64_t>(start) - 1) /
                static_cast<uint64_t>(step) +
            1;
  } else if (step < 0 && end < start) {
    count = (static_cast<uint64_t>(start) - static_cast<uint64_t>(end) - 1) /
                (0 - static_cast<uint64_t>(step)) +
            1;
  }
  if (count > uint64_t{Array::kMaxLength}) {
    isolate->ReportOutOfMemory();
    return {};
  }
  uint64_t value = static_cast<uint64_t>(start);
  for (uint64_t i = 0; i < count; ++i, value += static_cast<uint64_t>(step)) {
    HandleScope scope(isolate);
    Handle<Value> element;
    if (!Integer(isolate, static_cast<int64_t>(value)).ToHandle(&element)) return {};
    if (!Push(isolate, array, element)) return {};
  }
  return array;
}

MaybeHandle<Value> ReverseFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Handle<Value> value = args.at(0);
  if ((*value).IsString()) {
    std::string text = ToStdString(*value);
    std::string reversed;
    reversed.reserve(text.size());
    auto chars = CharBoundaries(text);
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
      reversed.append(text, it->first, it->second - it->first);
    }
    return NewString(isolate, reversed);
  }
  if (!(*value).IsArray()) return ArgumentTypeError(args, 0, "an array or string");
  std::vector<Handle<Value>> elements;
  if (!Elements(isolate, Handle<Array>::cast(value), &elements)) return {};
  std::reverse(elements.begin(), elements.end());
  return NewArrayFrom(isolate, elements);
}

MaybeHandle<Value> PushFunction(BuiltinArguments& args) {
  // The free function returns a new array and leaves its argument alone (reference §12).
  Isolate* isolate = args.isolate;
  if (!(*args.at(0)).IsArray()) return ArgumentTypeError(args, 0, "an array");
  std::vector<Handle<Value>> elements;
  if (!Elements(isolate, Handle<Array>::cast(args.at(0)), &elements)) return {};
  elements.push_back(args.at(1));
  return NewArrayFrom(isolate, elements);
}

MaybeHandle<Value> PopFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!(*args.at(0)).IsArray()) return ArgumentTypeError(args, 0, "an array");
  Handle<Array> array = Handle<Array>::cast(args.at(0));
  if (array->length() == 0) return Nil(isolate);
  return SharedElement(isolate, array, array->length() - 1);
}

namespace {

MaybeHandle<Value> Pair(Isolate* isolate, Handle<Value> a, Handle<Value> b) {
  Handle<Tuple> pair;
  if (!isolate->factory()->NewTuple(2).ToHandle(&pair)) return {};
  pair->set(0, *a);
  pair->set(1, *b);
  return pair;
}

}  // namespace

MaybeHandle<Value> ZipFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> left, right;
  if (!IterableElements(args, 0, &left) || !IterableElements(args, 1, &right)) return {};
  std::vector<Handle<Value>> pairs;
  for (size_t i = 0; i < left.size() && i < right.size(); ++i) {
    Handle<Value> pair;
    if (!Pair(isolate, left[i], right[i]).ToHandle(&pair)) return {};
    pairs.push_back(pair);
  }
  return NewArrayFrom(isolate, pairs);
}

MaybeHandle<Value> EnumerateFunction(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<Handle<Value>> elements;
  if (!IterableElements(args, 0, &elements)) return {};
  std::vector<Handle<Value>> pairs;
  for (size_t i = 0; i < elements.size(); ++i) {
    Handle<Value> index, pair;
    if (!Integer(isolate, static_cast<int64_t>(i)).ToHandle(&index) ||
        !Pair(isolate, index, elements[i]).ToHandle(&pair)) {
      return {};
    }
    pairs.push_back(pair);
  }
  return NewArrayFrom(isolate, pairs);
}

// --- Constructors.

MaybeHandle<Value> SomeFunction(BuiltinArguments& args) { return Some(args.isolate, args.at(0)); }
MaybeHandle<Value> OkFunction(BuiltinArguments& args) { return NewOk(args.isolate, args.at(0)); }
MaybeHandle<Value> ErrFunction(BuiltinArguments& args) { return NewErr(args.isolate, args.at(0)); }
MaybeHandle<Value> Identity(BuiltinArguments& args) { return args.at(0); }

MaybeHandle<Value> StringNew(BuiltinArguments& args) {
  return args.isolate->factory()->empty_string();
}

MaybeHandle<Value> StringWithCapacity(BuiltinArguments& args) {
  int64_t capacity;
  if (!SizeArgument(args, 0, &capacity)) return {};
  return args.isolate->factory()->empty_string();
}

MaybeHandle<Value> StringFrom(BuiltinArguments& args) {
  if ((*args.at(0)).IsString()) return args.at(0);
  return ToTextString(args.isolate, args.at(0), TextForm::kDisplay);
}

MaybeHandle<Value> VecNew(BuiltinArguments& args) { return NewEmptyArray(args.isolate); }

MaybeHandle<Value> VecWithCapacity(BuiltinArguments& args) {
  int64_t capacity;
  if (!SizeArgument(args, 0, &capacity)) return {};
  return NewEmptyArray(args.isolate, static_cast<int>(std::min<int64_t>(capacity, INT32_MAX)));
}

MaybeHandle<Value> VecFrom(BuiltinArguments& args) {
  std::vector<Handle<Value>> elements;
  if (!IterableElements(args, 0, &elements)) return {};
  return NewArrayFrom(args.isolate, elements);
}

MaybeHandle<Value> NumericFrom(BuiltinArguments& args) {
  // f64::from(x), i64::from(x)...: the `as` conversion to the type named before "::from".
  std::string_view type = args.name;
  type = type.substr(0, type.rfind("::"));
  if (size_t colons = type.rfind("::"); colons != std::string_view::npos) {
    type.remove_prefix(colons + 2);
  }
  return CastValue(args.isolate, args.at(0), type);
}

// --- Process, environment, time.

MaybeHandle<Value> Exit(BuiltinArguments& args) {
  int64_t code = 0;
  if (args.argc == 1 && !IntegerArgument(args, 0, &code)) return {};
  ExitProcess(static_cast<int>(code));
}

MaybeHandle<Value> EnvArgs(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::vector<std::string> arguments;
  if (isolate->has_program_arguments()) {
    arguments = isolate->program_arguments();
  } else {
    std::lock_guard<std::mutex> lock(ArgumentsMutex());
    arguments = ProgramArguments();
  }
  Handle<Array> array;
  if (!NewEmptyArray(isolate, static_cast<int>(arguments.size())).ToHandle(&array)) return {};
  for (const std::string& argument : arguments) {
    HandleScope scope(isolate);
    Handle<Value> text;
    if (!NewString(isolate, argument).ToHandle(&text)) return {};
    if (!Push(isolate, array, text)) return {};
  }
  return array;
}

MaybeHandle<Value> EnvVar(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string name;
  if (!StringArgument(args, 0, &name)) return {};
  const char* value = std::getenv(name.c_str());
  Handle<Value> text;
  if (value == nullptr) {
    if (!NewString(isolate, "environment variable not found").ToHandle(&text)) return {};
    return NewErr(isolate, text);
  }
  if (!NewString(isolate, value).ToHandle(&text)) return {};
  return NewOk(isolate, text);
}

MaybeHandle<Value> Timestamp(BuiltinArguments& args) {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return Integer(args.isolate, std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

MaybeHandle<Value> Sleep(BuiltinArguments& args) {
  int64_t ms;
  if (!SizeArgument(args, 0, &ms)) return {};
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return Nil(args.isolate);
}

MaybeHandle<Value> Random(BuiltinArguments& args) {
  static std::mt19937_64 generator{std::random_device{}()};
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  return Float(args.isolate, std::uniform_real_distribution<double>(0.0, 1.0)(generator));
}

// --- Methods of every value.

MaybeHandle<Value> AnyToString(BuiltinArguments& args) {
  if ((**args.receiver).IsString()) return *args.receiver;
  return ToTextString(args.isolate, *args.receiver, TextForm::kConcat);
}

MaybeHandle<Value> AnyIdentity(BuiltinArguments& args) {
  // clone() and friends: value semantics make the copy; a second reference to a container
  // must be marked so that a mutation through either copies first.
  MarkShared(**args.receiver);
  return *args.receiver;
}

namespace {

std::optional<int> Compare(BuiltinArguments& args) {
  return CompareValues(args.isolate, **args.receiver, *args.at(0));
}

bool IsNaN(Value value) {
  return value.IsHeapNumber() && std::isnan(HeapNumber::cast(value).value());
}

}  // namespace

MaybeHandle<Value> AnyCmp(BuiltinArguments& args) {
  std::optional<int> order = Compare(args);
  if (!order) return {};
  return NewOrdering(args.isolate, *order);
}

MaybeHandle<Value> AnyPartialCmp(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (IsNaN(**args.receiver) || IsNaN(*args.at(0))) return None(isolate);
  std::optional<int> order = Compare(args);
  if (!order) return {};
  Handle<EnumValue> ordering;
  if (!NewOrdering(isolate, *order).ToHandle(&ordering)) return {};
  return Some(isolate, ordering);
}

MaybeHandle<Value> AnyEq(BuiltinArguments& args) {
  return Boolean(args.isolate, ValuesEqual(**args.receiver, *args.at(0)));
}

MaybeHandle<Value> AnyNe(BuiltinArguments& args) {
  return Boolean(args.isolate, !ValuesEqual(**args.receiver, *args.at(0)));
}

namespace {

template <typename Predicate>
MaybeHandle<Value> CompareWith(BuiltinArguments& args, Predicate predicate) {
  std::optional<int> order = Compare(args);
  if (!order) return {};
  return Boolean(args.isolate, predicate(*order));
}

}  // namespace

MaybeHandle<Value> AnyLt(BuiltinArguments& args) {
  return CompareWith(args, [](int c) { return c < 0; });
}
MaybeHandle<Value> AnyLe(BuiltinArguments& args) {
  return CompareWith(args, [](int c) { return c <= 0; });
}
MaybeHandle<Value> AnyGt(BuiltinArguments& args) {
  return CompareWith(args, [](int c) { return c > 0; });
}
MaybeHandle<Value> AnyGe(BuiltinArguments& args) {
  return CompareWith(args, [](int c) { return c >= 0; });
}

MaybeHandle<Value> AnyMax(BuiltinArguments& args) {
  // Rust's Ord::max returns the argument when the two are equal; min the receiver.
  std::optional<int> order = Compare(args);
  if (!order) return {};
  Handle<Value> result = *order > 0 ? *args.receiver : args.at(0);
  MarkShared(*result);
  return result;
}

MaybeHandle<Value> AnyMin(BuiltinArguments& args) {
  std::optional<int> order = Compare(args);
  if (!order) return {};
  Handle<Value> result = *order <= 0 ? *args.receiver : args.at(0);
  MarkShared(*result);
  return result;
}

}  // namespace builtins
}  // namespace ruchy::internal
