// Methods of the built-in enums: Option (unwrap, map, and_then, ok_or...), Result
// (unwrap, map_err, ok...) and Ordering (reverse, then, is_lt...). They share one receiver
// kind, so each method checks which enum it got and reports "Method 'x' not found for
// type enum_variant" when the method does not belong to it.
#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal::builtins {

namespace {

enum class Kind { kOption, kResult, kOrdering };

Kind KindOf(Isolate* isolate, Value value) {
  EnumDescriptor descriptor = EnumValue::cast(value).descriptor();
  if (descriptor == isolate->option_enum()) return Kind::kOption;
  if (descriptor == isolate->result_enum()) return Kind::kResult;
  return Kind::kOrdering;
}

struct Receiver {
  Kind kind;
  bool present;           // Some or Ok
  Handle<Value> payload;  // of Some, Ok or Err; null for None and Ordering
  int variant;
};

Receiver Decode(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  Value value = **args.receiver;
  Receiver r;
  r.kind = KindOf(isolate, value);
  EnumValue e = EnumValue::cast(value);
  r.variant = e.variant();
  r.present = (r.kind == Kind::kOption && r.variant == kOptionSome) ||
              (r.kind == Kind::kResult && r.variant == kResultOk);
  if (e.payload_length() > 0) {
    r.payload = handle(e.payload(0), isolate);
    MarkShared(*r.payload);
  }
  return r;
}

bool IsOptionOrResult(const Receiver& r) { return r.kind != Kind::kOrdering; }

std::string DebugText(Handle<Value> value) { return ToText(*value, TextForm::kDebug); }

// unwrap/expect failures, worded as Rust's panics.
MaybeHandle<Value> UnwrapFailure(BuiltinArguments& args, const Receiver& r,
                                 const std::string* message) {
  std::string text = "Runtime error: ";
  if (message != nullptr) {
    text += *message;
    if (r.kind == Kind::kResult) text += ": " + DebugText(r.payload);
  } else if (r.kind == Kind::kOption) {
    text += "called `Option::unwrap()` on a `None` value";
  } else {
    text += "called `Result::unwrap()` on an `Err` value: " + DebugText(r.payload);
  }
  return Fail(args.isolate, text);
}

// The failure argument handed to or_else-style callbacks: Err's payload, none for None.
MaybeHandle<Value> CallOnFailure(BuiltinArguments& args, const Receiver& r,
                                 Handle<Value> callable) {
  if (r.kind == Kind::kResult) return Call1(args.isolate, callable, r.payload);
  return Call0(args.isolate, callable);
}

MaybeHandle<Value> Rewrap(BuiltinArguments& args, const Receiver& r, Handle<Value> value) {
  if (r.kind == Kind::kOption) return Some(args.isolate, value);
  return r.present ? NewOk(args.isolate, value) : NewErr(args.isolate, value);
}

int OrderingSign(const Receiver& r) {
  return r.variant == kOrderingLess ? -1 : r.variant == kOrderingEqual ? 0 : 1;
}

}  // namespace

MaybeHandle<Value> EnumUnwrap(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (r.present) return r.payload;
  return UnwrapFailure(args, r, nullptr);
}

MaybeHandle<Value> EnumExpect(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (r.present) return r.payload;
  std::string message = ToText(*args.at(0), TextForm::kDisplay);
  return UnwrapFailure(args, r, &message);
}

MaybeHandle<Value> EnumUnwrapErr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  if (!r.present) return r.payload;
  return Fail(args.isolate, "Runtime error: called `Result::unwrap_err()` on an `Ok` value: " +
                                DebugText(r.payload));
}

MaybeHandle<Value> EnumExpectErr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  if (!r.present) return r.payload;
  return Fail(args.isolate, "Runtime error: " + ToText(*args.at(0), TextForm::kDisplay) + ": " +
                                DebugText(r.payload));
}

MaybeHandle<Value> EnumUnwrapOr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  return r.present ? r.payload : args.at(0);
}

MaybeHandle<Value> EnumUnwrapOrElse(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (r.present) return r.payload;
  return CallOnFailure(args, r, args.at(0));
}

MaybeHandle<Value> EnumUnwrapOrDefault(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (r.present) return r.payload;
  // The payload type is unknown at run time; integers are by far the common case.
  return DefaultLike(args.isolate, args.isolate->the_hole_value());
}

MaybeHandle<Value> EnumIsSome(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  return Boolean(args.isolate, r.present);
}

MaybeHandle<Value> EnumIsNone(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  return Boolean(args.isolate, !r.present);
}

MaybeHandle<Value> EnumIsOk(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  return Boolean(args.isolate, r.present);
}

MaybeHandle<Value> EnumIsErr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  return Boolean(args.isolate, !r.present);
}

MaybeHandle<Value> EnumIsSomeAnd(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (!r.present) return Boolean(args.isolate, false);
  Handle<Value> result;
  if (!Call1(args.isolate, args.at(0), r.payload).ToHandle(&result)) return {};
  return Boolean(args.isolate, IsTruthy(*result));
}

MaybeHandle<Value> EnumMap(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (!r.present) return *args.receiver;
  Handle<Value> mapped;
  if (!Call1(args.isolate, args.at(0), r.payload).ToHandle(&mapped)) return {};
  return Rewrap(args, r, mapped);
}

MaybeHandle<Value> EnumMapErr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  if (r.present) return *args.receiver;
  Handle<Value> mapped;
  if (!Call1(args.isolate, args.at(0), r.payload).ToHandle(&mapped)) return {};
  return NewErr(args.isolate, mapped);
}

MaybeHandle<Value> EnumMapOr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (!r.present) return args.at(0);
  return Call1(args.isolate, args.at(1), r.payload);
}

MaybeHandle<Value> EnumMapOrElse(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (!r.present) return CallOnFailure(args, r, args.at(0));
  return Call1(args.isolate, args.at(1), r.payload);
}

MaybeHandle<Value> EnumAndThen(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (!r.present) return *args.receiver;
  return Call1(args.isolate, args.at(0), r.payload);
}

MaybeHandle<Value> EnumAnd(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  return r.present ? args.at(0) : *args.receiver;
}

MaybeHandle<Value> EnumOr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  return r.present ? *args.receiver : args.at(0);
}

MaybeHandle<Value> EnumOrElse(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  if (r.present) return *args.receiver;
  return CallOnFailure(args, r, args.at(0));
}

MaybeHandle<Value> EnumOk(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  return r.present ? Some(args.isolate, r.payload) : None(args.isolate);
}

MaybeHandle<Value> EnumErr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kResult) return MethodNotFound(args);
  return r.present ? None(args.isolate) : Some(args.isolate, r.payload);
}

MaybeHandle<Value> EnumOkOr(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  return r.present ? NewOk(args.isolate, r.payload) : NewErr(args.isolate, args.at(0));
}

MaybeHandle<Value> EnumOkOrElse(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  if (r.present) return NewOk(args.isolate, r.payload);
  Handle<Value> error;
  if (!Call0(args.isolate, args.at(0)).ToHandle(&error)) return {};
  return NewErr(args.isolate, error);
}

MaybeHandle<Value> EnumFilter(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  if (!r.present) return *args.receiver;
  Handle<Value> keep;
  if (!Call1(args.isolate, args.at(0), r.payload).ToHandle(&keep)) return {};
  return IsTruthy(*keep) ? *args.receiver : None(args.isolate);
}

MaybeHandle<Value> EnumIter(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  std::vector<Handle<Value>> elements;
  if (r.present) elements.push_back(r.payload);
  return NewArrayFrom(args.isolate, elements);
}

MaybeHandle<Value> EnumFlatten(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  if (!r.present) return *args.receiver;
  if (!IsOption(args.isolate, *r.payload)) {
    return ValueTypeError(args, "an Option inside the Option", *r.payload);
  }
  return r.payload;
}

MaybeHandle<Value> EnumIdentity(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (!IsOptionOrResult(r)) return MethodNotFound(args);
  MarkShared(**args.receiver);
  return *args.receiver;
}

MaybeHandle<Value> EnumTake(BuiltinArguments& args) {
  // Option::take: the value moves out and the place is left holding None.
  Receiver r = Decode(args);
  if (r.kind != Kind::kOption) return MethodNotFound(args);
  // A fresh slot: the receiver's handle may be the place itself, which is about to hold None.
  Handle<Value> taken = handle(**args.receiver, args.isolate);
  Handle<Value> none;
  if (!None(args.isolate).ToHandle(&none)) return {};
  *args.receiver = none;
  return taken;
}

MaybeHandle<Value> OrderingReverse(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOrdering) return MethodNotFound(args);
  return NewOrdering(args.isolate, -OrderingSign(r));
}

MaybeHandle<Value> OrderingThen(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOrdering) return MethodNotFound(args);
  if (OrderingSign(r) != 0) return *args.receiver;
  Value other = *args.at(0);
  if (!other.IsEnumValue() ||
      EnumValue::cast(other).descriptor() != args.isolate->ordering_enum()) {
    return ArgumentTypeError(args, 0, "an Ordering");
  }
  return args.at(0);
}

MaybeHandle<Value> OrderingThenWith(BuiltinArguments& args) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOrdering) return MethodNotFound(args);
  if (OrderingSign(r) != 0) return *args.receiver;
  return Call0(args.isolate, args.at(0));
}

namespace {

template <typename Predicate>
MaybeHandle<Value> OrderingTest(BuiltinArguments& args, Predicate predicate) {
  Receiver r = Decode(args);
  if (r.kind != Kind::kOrdering) return MethodNotFound(args);
  return Boolean(args.isolate, predicate(OrderingSign(r)));
}

}  // namespace

MaybeHandle<Value> OrderingIsLt(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c < 0; });
}
MaybeHandle<Value> OrderingIsLe(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c <= 0; });
}
MaybeHandle<Value> OrderingIsGt(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c > 0; });
}
MaybeHandle<Value> OrderingIsGe(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c >= 0; });
}
MaybeHandle<Value> OrderingIsEq(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c == 0; });
}
MaybeHandle<Value> OrderingIsNe(BuiltinArguments& args) {
  return OrderingTest(args, [](int c) { return c != 0; });
}

}  // namespace ruchy::internal::builtins
