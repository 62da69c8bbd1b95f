// The built-in tests' fixture: a literal parser for values, call helpers, and the test
// call handler that runs C++ callbacks in place of Ruchy closures.
#include "test/unittests/builtins/builtins-test-utils.h"

#include <cmath>
#include <map>

#include "src/execution/execution.h"

namespace ruchy::internal {

namespace {

// Callables are Smis from kFirstCallable up: index into the registry.
constexpr int64_t kFirstCallable = 1000000;
std::vector<BuiltinsTest::Callback>* registry = nullptr;
std::map<std::string, int64_t, std::less<>>* named_callbacks = nullptr;
int* call_counter = nullptr;

MaybeHandle<Value> TestCallHandler(Isolate* isolate, Handle<Value> callable, int argc,
                                   const Handle<Value>* argv) {
  Value c = *callable;
  if (!c.IsSmi() || Smi::ToInt(c) < kFirstCallable ||
      Smi::ToInt(c) - kFirstCallable >= static_cast<int64_t>(registry->size())) {
    isolate->ThrowError(std::string("Type error: Cannot call non-function value: ") + TypeName(c));
    return {};
  }
  ++*call_counter;
  return (*registry)[static_cast<size_t>(Smi::ToInt(c) - kFirstCallable)](isolate, argc, argv);
}

MaybeHandle<Value> Binary(Isolate* isolate, BinaryOp op, Handle<Value> a, int64_t b) {
  return BinaryOperation(isolate, op, a, handle(Smi::FromInt(b), isolate));
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

void BuiltinsTest::SetUp() {
  HeapTest::SetUp();
  scope_ = std::make_unique<HandleScope>(isolate());
  registry = new std::vector<Callback>();
  named_callbacks = new std::map<std::string, int64_t, std::less<>>();
  call_counter = &callback_calls_;
  isolate()->set_call_handler(TestCallHandler);
  InstallStandardCallbacks();
}

void BuiltinsTest::UseStressHeap() {
  scope_.reset();
  SetUpIsolate(StressHeapOptions());
  scope_ = std::make_unique<HandleScope>(isolate());
  isolate()->set_call_handler(TestCallHandler);
  registry->clear();
  named_callbacks->clear();
  InstallStandardCallbacks();
}

void BuiltinsTest::TearDown() {
  scope_.reset();
  delete registry;
  delete named_callbacks;
  registry = nullptr;
  named_callbacks = nullptr;
  call_counter = nullptr;
}

BuiltinsTest::H BuiltinsTest::Callable(Callback callback) {
  registry->push_back(std::move(callback));
  return handle(Smi::FromInt(kFirstCallable + static_cast<int64_t>(registry->size()) - 1),
                isolate());
}

void BuiltinsTest::InstallStandardCallbacks() {
  auto add = [this](const char* name, Callback callback) {
    H callable = Callable(std::move(callback));
    (*named_callbacks)[name] = Smi::ToInt(*callable);
  };
  add("double", [](Isolate* i, int, const H* a) { return Binary(i, BinaryOp::kMul, a[0], 2); });
  add("inc", [](Isolate* i, int, const H* a) { return Binary(i, BinaryOp::kAdd, a[0], 1); });
  add("neg", [](Isolate* i, int, const H* a) { return UnaryOperation(i, UnaryOp::kNegate, a[0]); });
  add("ident", [](Isolate*, int, const H* a) -> MaybeHandle<Value> { return a[0]; });
  add("add",
      [](Isolate* i, int, const H* a) { return BinaryOperation(i, BinaryOp::kAdd, a[0], a[1]); });
  add("is_even", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    Handle<Value> r;
    if (!Binary(i, BinaryOp::kMod, a[0], 2).ToHandle(&r)) return {};
    return i->factory()->ToBoolean(IntegerValue(*r) == 0);
  });
  add("gt2", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    std::optional<int> c = CompareValues(i, *a[0], Smi::FromInt(2));
    if (!c) return {};
    return i->factory()->ToBoolean(*c > 0);
  });
  add("lt3", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    std::optional<int> c = CompareValues(i, *a[0], Smi::FromInt(3));
    if (!c) return {};
    return i->factory()->ToBoolean(*c < 0);
  });
  add("cmp", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    std::optional<int> c = CompareValues(i, *a[0], *a[1]);
    if (!c) return {};
    return NewOrdering(i, *c);
  });
  add("rcmp", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    std::optional<int> c = CompareValues(i, *a[1], *a[0]);
    if (!c) return {};
    return NewOrdering(i, *c);
  });
  add("int_cmp", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    // A book-style comparator returning a - b.
    return BinaryOperation(i, BinaryOp::kSub, a[0], a[1]);
  });
  add("bad_cmp", [](Isolate* i, int, const H*) -> MaybeHandle<Value> {
    return i->factory()->NewStringFromUtf8("x");
  });
  add("random_cmp", [](Isolate* i, int, const H*) -> MaybeHandle<Value> {
    static uint64_t state = 88172645463325252ull;
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return NewOrdering(i, static_cast<int>(state % 3) - 1);
  });
  add("str_len", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    return i->factory()->NewInteger(String::cast(*a[0]).char_count());
  });
  add("mod3", [](Isolate* i, int, const H* a) { return Binary(i, BinaryOp::kMod, a[0], 3); });
  add("some_if_odd", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    Handle<Value> r, hundred;
    if (!Binary(i, BinaryOp::kMod, a[0], 2).ToHandle(&r)) return {};
    if (IntegerValue(*r) == 0) return NewNone(i);
    if (!Binary(i, BinaryOp::kMul, a[0], 100).ToHandle(&hundred)) return {};
    return NewSome(i, hundred);
  });
  add("dup", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    Handle<Value> ten;
    if (!Binary(i, BinaryOp::kMul, a[0], 10).ToHandle(&ten)) return {};
    Handle<Array> array;
    if (!i->factory()->NewArray(ElementsKind::kSmi, 0, 2).ToHandle(&array)) return {};
    if (!Array::Push(i, array, a[0]) || !Array::Push(i, array, ten)) return {};
    return array;
  });
  add("first", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    return handle(Tuple::cast(*a[0]).get(0), i);
  });
  add("fail", [](Isolate* i, int, const H*) -> MaybeHandle<Value> {
    i->ThrowError("Runtime error: boom");
    return {};
  });
  add("const42",
      [](Isolate* i, int, const H*) -> MaybeHandle<Value> { return i->factory()->NewInteger(42); });
  add("argc", [](Isolate* i, int argc, const H*) -> MaybeHandle<Value> {
    return i->factory()->NewInteger(argc);
  });
  add("pair_sum_gt3", [](Isolate* i, int, const H* a) -> MaybeHandle<Value> {
    // retain on a map: (key, value) -> value > 3
    std::optional<int> c = CompareValues(i, *a[1], Smi::FromInt(3));
    if (!c) return {};
    return i->factory()->ToBoolean(*c > 0);
  });
}

// --- Literal parser.

BuiltinsTest::H BuiltinsTest::V(std::string_view literal) {
  std::string_view text = literal;
  H value = ParseValue(&text);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  CHECK(text.empty());
  // Always a fresh slot: a root's handle (nil, "") must never serve as a writable place.
  return handle(*value, isolate());
}

BuiltinsTest::H BuiltinsTest::ParseValue(std::string_view* text) {
  auto skip = [&] {
    while (!text->empty() && text->front() == ' ') text->remove_prefix(1);
  };
  auto eat = [&](std::string_view prefix) {
    skip();
    if (text->substr(0, prefix.size()) != prefix) return false;
    text->remove_prefix(prefix.size());
    return true;
  };
  auto expect = [&](std::string_view prefix) { CHECK(eat(prefix)); };
  auto list = [&](std::string_view close) {
    std::vector<H> items;
    while (!eat(close)) {
      items.push_back(ParseValue(text));
      if (!eat(",")) {
        expect(close);
        break;
      }
    }
    return items;
  };
  auto range_from = [&](H start) -> H {
    bool inclusive = eat("=");
    skip();
    H end = Nil();
    if (!text->empty() && text->front() != ',' && text->front() != ']' && text->front() != ')') {
      end = ParseValue(text);
    }
    return Check(factory()->NewRange(start, end, inclusive));
  };
  skip();
  CHECK(!text->empty());
  H value;
  if (eat("fn:")) {
    size_t n = 0;
    while (n < text->size() && IsIdentChar((*text)[n])) ++n;
    auto it = named_callbacks->find(text->substr(0, n));
    CHECK(it != named_callbacks->end());
    text->remove_prefix(n);
    return handle(Smi::FromInt(it->second), isolate());
  }
  if (eat("..")) return range_from(Nil());
  if (eat("set{")) {
    Handle<HashMap> set = Check(factory()->NewHashMap());
    set->set_flag(CowContainer::kHashSetBit);
    for (H item : list("}")) CHECK(HashMap::Insert(isolate(), set, item, factory()->true_value()));
    return set;
  }
  if (eat("[")) {
    Handle<Array> array = Check(factory()->NewArray(ElementsKind::kSmi, 0, 0));
    for (H item : list("]")) CHECK(Array::Push(isolate(), array, item));
    value = array;
  } else if (eat("(")) {
    if (eat(")")) return Nil();
    H first = ParseValue(text);
    if (eat(")")) {
      value = first;
    } else {
      expect(",");
      std::vector<H> items{first};
      for (H item : list(")")) items.push_back(item);
      Handle<Tuple> tuple = Check(factory()->NewTuple(static_cast<int>(items.size())));
      for (size_t i = 0; i < items.size(); ++i) tuple->set(static_cast<int>(i), *items[i]);
      value = tuple;
    }
  } else if (eat("{")) {
    Handle<HashMap> map = Check(factory()->NewHashMap());
    while (!eat("}")) {
      skip();
      H key;
      if (!text->empty() && ((*text)[0] >= 'a' && (*text)[0] <= 'z')) {
        size_t n = 0;
        while (n < text->size() && IsIdentChar((*text)[n])) ++n;
        key = Str(text->substr(0, n));
        text->remove_prefix(n);
      } else {
        key = ParseValue(text);
      }
      expect(":");
      H item = ParseValue(text);
      CHECK(HashMap::Insert(isolate(), map, key, item));
      if (!eat(",")) {
        expect("}");
        break;
      }
    }
    value = map;
  } else if (!text->empty() && (text->front() == '\'' || text->front() == '"')) {
    char quote = text->front();
    text->remove_prefix(1);
    std::string s;
    while (!text->empty() && text->front() != quote) {
      char c = text->front();
      text->remove_prefix(1);
      if (c == '\\') {
        char e = text->front();
        text->remove_prefix(1);
        c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
      }
      s += c;
    }
    expect(std::string_view(&quote, 1));
    value = Str(s);
  } else if (eat("Some(")) {
    H inner = ParseValue(text);
    expect(")");
    value = Check(NewSome(isolate(), inner));
  } else if (eat("Ok(")) {
    H inner = ParseValue(text);
    expect(")");
    value = Check(NewOk(isolate(), inner));
  } else if (eat("Err(")) {
    H inner = ParseValue(text);
    expect(")");
    value = Check(NewErr(isolate(), inner));
  } else if (eat("None")) {
    value = Check(NewNone(isolate()));
  } else if (eat("Less")) {
    value = Check(NewOrdering(isolate(), -1));
  } else if (eat("Equal")) {
    value = Check(NewOrdering(isolate(), 0));
  } else if (eat("Greater")) {
    value = Check(NewOrdering(isolate(), 1));
  } else if (eat("true")) {
    value = factory()->true_value();
  } else if (eat("false")) {
    value = factory()->false_value();
  } else if (eat("nil")) {
    value = Nil();
  } else if (eat("inf")) {
    value = Float(HUGE_VAL);
  } else if (eat("-inf")) {
    value = Float(-HUGE_VAL);
  } else if (eat("nan")) {
    value = Float(NAN);
  } else {
    size_t n = 0;
    bool is_float = false;
    if (n < text->size() && (*text)[n] == '-') ++n;
    while (n < text->size()) {
      char c = (*text)[n];
      if (c >= '0' && c <= '9') {
        ++n;
      } else if (c == '.' && n + 1 < text->size() && (*text)[n + 1] != '.') {
        is_float = true;
        ++n;
      } else if (c == 'e' || ((c == '-' || c == '+') && (*text)[n - 1] == 'e')) {
        is_float = true;
        ++n;
      } else {
        break;
      }
    }
    CHECK_GT(n, 0u);
    std::string number(text->substr(0, n));
    text->remove_prefix(n);
    value = is_float ? Float(std::stod(number)) : Int(std::stoll(number));
  }
  if (eat("..")) return range_from(value);
  return value;
}

// --- Calls.

std::string BuiltinsTest::TakeError() {
  if (!isolate()->has_pending_exception()) return "<no error pending>";
  Value e = isolate()->pending_exception();
  std::string text = e.IsString() ? String::cast(e).ToStdString() : "<non-string error>";
  isolate()->clear_pending_exception();
  return text;
}

std::string BuiltinsTest::Result(MaybeHandle<Value> result) {
  Handle<Value> h;
  if (!result.ToHandle(&h)) return "error: " + TakeError();
  EXPECT_FALSE(isolate()->has_pending_exception()) << TakeError();
  return Show(h);
}

std::string BuiltinsTest::FnValues(std::string_view name, std::vector<H> args,
                                   std::string_view type_hint) {
  std::optional<BuiltinId> id = LookupBuiltinFunction(name);
  if (!id) return "no such function";
  BuiltinArguments call;
  call.isolate = isolate();
  call.argc = static_cast<int>(args.size());
  call.argv = args.data();
  call.type_hint = type_hint;
  call.name = name;
  return Result(CallBuiltinFunction(*id, call));
}

std::string BuiltinsTest::Fn(std::string_view name, const std::vector<std::string>& args,
                             std::string_view type_hint) {
  std::vector<H> values;
  for (const std::string& arg : args) values.push_back(V(arg));
  return FnValues(name, values, type_hint);
}

std::string BuiltinsTest::MethodValues(H* place, std::string_view name, std::vector<H> args,
                                       std::string_view type_hint) {
  std::optional<BuiltinMethodId> id = LookupBuiltinMethod(isolate(), **place, name);
  if (!id) return "no such method";
  // The built-in may point the receiver handle at a new slot (copy-on-write); like the
  // interpreter, write the final value back into the place's own slot.
  H receiver = handle(**place, isolate());
  BuiltinArguments call;
  call.isolate = isolate();
  call.receiver = &receiver;
  call.argc = static_cast<int>(args.size());
  call.argv = args.data();
  call.type_hint = type_hint;
  call.name = name;
  std::string result = Result(CallBuiltinMethod(*id, call));
  *place->location() = (*receiver).ptr();
  return result;
}

std::string BuiltinsTest::MP(H* place, std::string_view name, const std::vector<std::string>& args,
                             std::string_view type_hint) {
  std::vector<H> values;
  for (const std::string& arg : args) values.push_back(V(arg));
  return MethodValues(place, name, values, type_hint);
}

std::string BuiltinsTest::M(std::string_view receiver, std::string_view name,
                            const std::vector<std::string>& args, std::string_view type_hint) {
  H place = V(receiver);
  return MP(&place, name, args, type_hint);
}

std::string BuiltinsTest::Stdout(std::string_view name, const std::vector<std::string>& args,
                                 std::vector<std::pair<std::string, std::string>> named) {
  std::vector<H> values;
  for (const std::string& arg : args) values.push_back(V(arg));
  std::vector<std::string_view> names;
  std::vector<H> named_values;
  for (const auto& [n, v] : named) {
    names.push_back(n);
    named_values.push_back(V(v));
  }
  std::optional<BuiltinId> id = LookupBuiltinFunction(name);
  if (!id) return "no such function";
  BuiltinArguments call;
  call.isolate = isolate();
  call.argc = static_cast<int>(values.size());
  call.argv = values.data();
  call.named_count = static_cast<int>(names.size());
  call.names = names.data();
  call.named_values = named_values.data();
  call.name = name;
  testing::internal::CaptureStdout();
  MaybeHandle<Value> result = CallBuiltinFunction(*id, call);
  FlushStandardStreams();
  std::string out = testing::internal::GetCapturedStdout();
  if (result.is_null()) out += "error: " + TakeError();
  return out;
}

std::string BuiltinsTest::Stderr(std::string_view name, const std::vector<std::string>& args) {
  std::vector<H> values;
  for (const std::string& arg : args) values.push_back(V(arg));
  std::optional<BuiltinId> id = LookupBuiltinFunction(name);
  if (!id) return "no such function";
  BuiltinArguments call;
  call.isolate = isolate();
  call.argc = static_cast<int>(values.size());
  call.argv = values.data();
  call.name = name;
  testing::internal::CaptureStderr();
  MaybeHandle<Value> result = CallBuiltinFunction(*id, call);
  FlushStandardStreams();
  std::string out = testing::internal::GetCapturedStderr();
  if (result.is_null()) out += "error: " + TakeError();
  return out;
}

}  // namespace ruchy::internal
