// Numbers: the integer and float methods (abs, pow, sqrt, floor, min, checked_add...),
// the math free functions (sqrt(x), max(a, b), round(x)...) and boolean methods.
#include <cmath>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal::builtins {

namespace {

Handle<Value> Receiver(BuiltinArguments& args) { return *args.receiver; }
double ReceiverNumber(BuiltinArguments& args) { return NumberValue(**args.receiver); }
bool ReceiverIsInteger(BuiltinArguments& args) { return (**args.receiver).IsInteger(); }

// A float-valued function of one number.
template <typename F>
MaybeHandle<Value> FloatMethod(BuiltinArguments& args, F f) {
  return Float(args.isolate, f(ReceiverNumber(args)));
}

// A float-valued function of the receiver and one numeric argument.
template <typename F>
MaybeHandle<Value> FloatMethod2(BuiltinArguments& args, F f) {
  double other;
  if (!NumberArgument(args, 0, &other)) return {};
  return Float(args.isolate, f(ReceiverNumber(args), other));
}

// The free-function form: one number argument, a float result.
template <typename F>
MaybeHandle<Value> FloatFunction1(BuiltinArguments& args, F f) {
  double x;
  if (!NumberArgument(args, 0, &x)) return {};
  return Float(args.isolate, f(x));
}

// floor/ceil/round: an integer receiver is already whole; a float stays a float.
template <typename F>
MaybeHandle<Value> RoundingMethod(BuiltinArguments& args, F f) {
  if (ReceiverIsInteger(args)) return Receiver(args);
  return Float(args.isolate, f(ReceiverNumber(args)));
}

// The free floor/ceil/round return integers (reference §12); a float that has no integer
// value (NaN, infinities, beyond i64) is returned as a float.
template <typename F>
MaybeHandle<Value> RoundingFunction(BuiltinArguments& args, F f) {
  Value value = *args.at(0);
  if (value.IsInteger()) return args.at(0);
  double x;
  if (!NumberArgument(args, 0, &x)) return {};
  double rounded = f(x);
  if (std::isfinite(rounded) && rounded >= -9223372036854775808.0 &&
      rounded < 9223372036854775808.0) {
    return Integer(args.isolate, static_cast<int64_t>(rounded));
  }
  return Float(args.isolate, rounded);
}

MaybeHandle<Value> Abs(Isolate* isolate, Handle<Value> value) {
  if ((*value).IsInteger()) {
    if (IntegerValue(*value) >= 0) return value;
    return UnaryOperation(isolate, UnaryOp::kNegate, value);  // overflows for i64::MIN
  }
  return Float(isolate, std::fabs(NumberValue(*value)));
}

// min/max of two numbers: an integer when both are, else a float (reference §12).
MaybeHandle<Value> NumericExtreme(BuiltinArguments& args, Handle<Value> a, Handle<Value> b,
                                  bool want_max) {
  Isolate* isolate = args.isolate;
  if ((*a).IsInteger() && (*b).IsInteger()) {
    int64_t x = IntegerValue(*a), y = IntegerValue(*b);
    return (want_max ? x >= y : x <= y) ? a : b;
  }
  double x = NumberValue(*a), y = NumberValue(*b);
  // fmax/fmin ignore a NaN operand, as Rust's f64::max/min do.
  return Float(isolate, want_max ? std::fmax(x, y) : std::fmin(x, y));
}

MaybeHandle<Value> ExtremeFunction(BuiltinArguments& args, bool want_max) {
  Isolate* isolate = args.isolate;
  bool all_numbers = true;
  for (int i = 0; i < args.argc; ++i) all_numbers = all_numbers && IsNumber(*args.at(i));
  Handle<Value> best = args.at(0);
  for (int i = 1; i < args.argc; ++i) {
    if (all_numbers) {
      if (!NumericExtreme(args, best, args.at(i), want_max).ToHandle(&best)) return {};
      continue;
    }
    std::optional<int> order = CompareValues(isolate, *args.at(i), *best);
    if (!order) return {};
    if (want_max ? *order > 0 : *order < 0) best = args.at(i);
  }
  return best;
}

template <typename F>
MaybeHandle<Value> CheckedIntegerOp(BuiltinArguments& args, F f) {
  int64_t other;
  if (!IntegerArgument(args, 0, &other)) return {};
  int64_t result;
  if (!f(IntegerValue(**args.receiver), other, &result)) return None(args.isolate);
  Handle<Value> value;
  if (!Integer(args.isolate, result).ToHandle(&value)) return {};
  return Some(args.isolate, value);
}

template <typename F>
MaybeHandle<Value> IntegerOp(BuiltinArguments& args, F f) {
  int64_t other;
  if (!IntegerArgument(args, 0, &other)) return {};
  return Integer(args.isolate, f(IntegerValue(**args.receiver), other));
}

int64_t Saturate(bool negative) { return negative ? INT64_MIN : INT64_MAX; }

uint64_t Bits(int64_t x) { return static_cast<uint64_t>(x); }

}  // namespace

// --- Methods.

MaybeHandle<Value> NumberAbs(BuiltinArguments& args) { return Abs(args.isolate, Receiver(args)); }

MaybeHandle<Value> NumberPow(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  return BinaryOperation(args.isolate, BinaryOp::kExp, Receiver(args), args.at(0));
}

MaybeHandle<Value> NumberPowf(BuiltinArguments& args) {
  return FloatMethod2(args, [](double x, double y) { return std::pow(x, y); });
}

MaybeHandle<Value> NumberSqrt(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::sqrt(x); });
}
MaybeHandle<Value> NumberCbrt(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::cbrt(x); });
}
MaybeHandle<Value> NumberExp(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::exp(x); });
}
MaybeHandle<Value> NumberLn(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::log(x); });
}
MaybeHandle<Value> NumberLog(BuiltinArguments& args) {
  return FloatMethod2(args, [](double x, double base) { return std::log(x) / std::log(base); });
}
MaybeHandle<Value> NumberLog10(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::log10(x); });
}
MaybeHandle<Value> NumberLog2(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::log2(x); });
}
MaybeHandle<Value> NumberSin(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::sin(x); });
}
MaybeHandle<Value> NumberCos(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::cos(x); });
}
MaybeHandle<Value> NumberTan(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::tan(x); });
}
MaybeHandle<Value> NumberAsin(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::asin(x); });
}
MaybeHandle<Value> NumberAcos(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::acos(x); });
}
MaybeHandle<Value> NumberAtan(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::atan(x); });
}
MaybeHandle<Value> NumberAtan2(BuiltinArguments& args) {
  return FloatMethod2(args, [](double y, double x) { return std::atan2(y, x); });
}
MaybeHandle<Value> NumberSinh(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::sinh(x); });
}
MaybeHandle<Value> NumberCosh(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::cosh(x); });
}
MaybeHandle<Value> NumberTanh(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return std::tanh(x); });
}
MaybeHandle<Value> NumberHypot(BuiltinArguments& args) {
  return FloatMethod2(args, [](double x, double y) { return std::hypot(x, y); });
}
MaybeHandle<Value> NumberToDegrees(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return x * (180.0 / M_PI); });
}
MaybeHandle<Value> NumberToRadians(BuiltinArguments& args) {
  return FloatMethod(args, [](double x) { return x * (M_PI / 180.0); });
}

MaybeHandle<Value> NumberFloor(BuiltinArguments& args) {
  return RoundingMethod(args, [](double x) { return std::floor(x); });
}
MaybeHandle<Value> NumberCeil(BuiltinArguments& args) {
  return RoundingMethod(args, [](double x) { return std::ceil(x); });
}
MaybeHandle<Value> NumberRound(BuiltinArguments& args) {
  // Half away from zero, as Rust's f64::round.
  return RoundingMethod(args, [](double x) { return std::round(x); });
}
MaybeHandle<Value> NumberTrunc(BuiltinArguments& args) {
  return RoundingMethod(args, [](double x) { return std::trunc(x); });
}

MaybeHandle<Value> NumberFract(BuiltinArguments& args) {
  if (ReceiverIsInteger(args)) return Integer(args.isolate, 0);
  return FloatMethod(args, [](double x) { return x - std::trunc(x); });
}

MaybeHandle<Value> NumberSignum(BuiltinArguments& args) {
  if (ReceiverIsInteger(args)) {
    int64_t n = IntegerValue(**args.receiver);
    return Integer(args.isolate, n > 0 ? 1 : n < 0 ? -1 : 0);
  }
  return FloatMethod(args, [](double x) { return std::isnan(x) ? x : std::copysign(1.0, x); });
}

MaybeHandle<Value> NumberMin(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  return NumericExtreme(args, Receiver(args), args.at(0), false);
}

MaybeHandle<Value> NumberMax(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  return NumericExtreme(args, Receiver(args), args.at(0), true);
}

MaybeHandle<Value> NumberClamp(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  if (!IsNumber(*args.at(1))) return ArgumentTypeError(args, 1, "a number");
  if (NumberValue(*args.at(0)) > NumberValue(*args.at(1))) {
    return Fail(args.isolate, "Runtime error: clamp() needs min <= max");
  }
  Handle<Value> low;
  if (!NumericExtreme(args, Receiver(args), args.at(0), true).ToHandle(&low)) return {};
  return NumericExtreme(args, low, args.at(1), false);
}

MaybeHandle<Value> NumberRemEuclid(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  if (ReceiverIsInteger(args) && (*args.at(0)).IsInteger()) {
    int64_t a = IntegerValue(**args.receiver), b = IntegerValue(*args.at(0));
    if (b == 0) return Fail(isolate, "Division by zero");
    if (b == -1) return Integer(isolate, 0);  // also avoids i64::MIN % -1
    int64_t r = a % b;
    if (r < 0) r = b < 0 ? r - b : r + b;  // r - b, not r + -b: -i64::MIN overflows
    return Integer(isolate, r);
  }
  double a = ReceiverNumber(args), b = NumberValue(*args.at(0));
  double r = std::fmod(a, b);
  if (r < 0) r += std::fabs(b);
  return Float(isolate, r);
}

MaybeHandle<Value> NumberDivEuclid(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  if (ReceiverIsInteger(args) && (*args.at(0)).IsInteger()) {
    int64_t a = IntegerValue(**args.receiver), b = IntegerValue(*args.at(0));
    if (b == 0) return Fail(isolate, "Division by zero");
    if (a == INT64_MIN && b == -1) {
      return Fail(isolate, "Runtime error: Integer overflow in division");
    }
    int64_t q = a / b;
    if (a % b < 0) q = b > 0 ? q - 1 : q + 1;
    return Integer(isolate, q);
  }
  double a = ReceiverNumber(args), b = NumberValue(*args.at(0));
  double q = std::trunc(a / b);
  if (std::fmod(a, b) < 0) q = b > 0 ? q - 1 : q + 1;
  return Float(isolate, q);
}

MaybeHandle<Value> NumberIsNan(BuiltinArguments& args) {
  return Boolean(args.isolate, !ReceiverIsInteger(args) && std::isnan(ReceiverNumber(args)));
}
MaybeHandle<Value> NumberIsInfinite(BuiltinArguments& args) {
  return Boolean(args.isolate, !ReceiverIsInteger(args) && std::isinf(ReceiverNumber(args)));
}
MaybeHandle<Value> NumberIsFinite(BuiltinArguments& args) {
  return Boolean(args.isolate, ReceiverIsInteger(args) || std::isfinite(ReceiverNumber(args)));
}
MaybeHandle<Value> NumberIsSignNegative(BuiltinArguments& args) {
  return Boolean(args.isolate, std::signbit(ReceiverNumber(args)));
}
MaybeHandle<Value> NumberIsSignPositive(BuiltinArguments& args) {
  return Boolean(args.isolate, !std::signbit(ReceiverNumber(args)));
}
MaybeHandle<Value> NumberIsPositive(BuiltinArguments& args) {
  return Boolean(args.isolate, ReceiverNumber(args) > 0);
}
MaybeHandle<Value> NumberIsNegative(BuiltinArguments& args) {
  return Boolean(args.isolate, ReceiverNumber(args) < 0);
}

MaybeHandle<Value> NumberToInt(BuiltinArguments& args) {
  if (ReceiverIsInteger(args)) return Receiver(args);
  double x = ReceiverNumber(args);
  double t = std::trunc(x);
  if (!std::isfinite(t) || t < -9223372036854775808.0 || t >= 9223372036854775808.0) {
    return Fail(args.isolate, "Runtime error: " + ToText(**args.receiver, TextForm::kDisplay) +
                                  " does not fit in an integer");
  }
  return Integer(args.isolate, static_cast<int64_t>(t));
}

MaybeHandle<Value> NumberToFloat(BuiltinArguments& args) {
  if (!ReceiverIsInteger(args)) return Receiver(args);
  return Float(args.isolate, ReceiverNumber(args));
}

MaybeHandle<Value> IntegerCheckedAdd(BuiltinArguments& args) {
  return CheckedIntegerOp(
      args, [](int64_t a, int64_t b, int64_t* r) { return !__builtin_add_overflow(a, b, r); });
}
MaybeHandle<Value> IntegerCheckedSub(BuiltinArguments& args) {
  return CheckedIntegerOp(
      args, [](int64_t a, int64_t b, int64_t* r) { return !__builtin_sub_overflow(a, b, r); });
}
MaybeHandle<Value> IntegerCheckedMul(BuiltinArguments& args) {
  return CheckedIntegerOp(
      args, [](int64_t a, int64_t b, int64_t* r) { return !__builtin_mul_overflow(a, b, r); });
}
MaybeHandle<Value> IntegerCheckedDiv(BuiltinArguments& args) {
  return CheckedIntegerOp(args, [](int64_t a, int64_t b, int64_t* r) {
    if (b == 0 || (a == INT64_MIN && b == -1)) return false;
    *r = a / b;
    return true;
  });
}
MaybeHandle<Value> IntegerCheckedRem(BuiltinArguments& args) {
  return CheckedIntegerOp(args, [](int64_t a, int64_t b, int64_t* r) {
    if (b == 0 || (a == INT64_MIN && b == -1)) return false;
    *r = a % b;
    return true;
  });
}
MaybeHandle<Value> IntegerSaturatingAdd(BuiltinArguments& args) {
  return IntegerOp(args, [](int64_t a, int64_t b) {
    int64_t r;
    return __builtin_add_overflow(a, b, &r) ? Saturate(b < 0) : r;
  });
}
MaybeHandle<Value> IntegerSaturatingSub(BuiltinArguments& args) {
  return IntegerOp(args, [](int64_t a, int64_t b) {
    int64_t r;
    return __builtin_sub_overflow(a, b, &r) ? Saturate(b > 0) : r;
  });
}
MaybeHandle<Value> IntegerSaturatingMul(BuiltinArguments& args) {
  return IntegerOp(args, [](int64_t a, int64_t b) {
    int64_t r;
    return __builtin_mul_overflow(a, b, &r) ? Saturate((a < 0) != (b < 0)) : r;
  });
}
MaybeHandle<Value> IntegerWrappingAdd(BuiltinArguments& args) {
  return IntegerOp(args,
                   [](int64_t a, int64_t b) { return static_cast<int64_t>(Bits(a) + Bits(b)); });
}
MaybeHandle<Value> IntegerWrappingSub(BuiltinArguments& args) {
  return IntegerOp(args,
                   [](int64_t a, int64_t b) { return static_cast<int64_t>(Bits(a) - Bits(b)); });
}
MaybeHandle<Value> IntegerWrappingMul(BuiltinArguments& args) {
  return IntegerOp(args,
                   [](int64_t a, int64_t b) { return static_cast<int64_t>(Bits(a) * Bits(b)); });
}

MaybeHandle<Value> IntegerCountOnes(BuiltinArguments& args) {
  return Integer(args.isolate, __builtin_popcountll(Bits(IntegerValue(**args.receiver))));
}

MaybeHandle<Value> IntegerIsPowerOfTwo(BuiltinArguments& args) {
  int64_t n = IntegerValue(**args.receiver);
  return Boolean(args.isolate, n > 0 && (n & (n - 1)) == 0);
}

MaybeHandle<Value> BooleanThen(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  if (!(**args.receiver).IsTrue()) return None(isolate);
  Handle<Value> result;
  if (!Call0(isolate, args.at(0)).ToHandle(&result)) return {};
  return Some(isolate, result);
}

MaybeHandle<Value> BooleanThenSome(BuiltinArguments& args) {
  if (!(**args.receiver).IsTrue()) return None(args.isolate);
  return Some(args.isolate, args.at(0));
}

// --- Free functions.

MaybeHandle<Value> AbsFunction(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  return Abs(args.isolate, args.at(0));
}

MaybeHandle<Value> MinFunction(BuiltinArguments& args) { return ExtremeFunction(args, false); }
MaybeHandle<Value> MaxFunction(BuiltinArguments& args) { return ExtremeFunction(args, true); }

MaybeHandle<Value> PowFunction(BuiltinArguments& args) {
  if (!IsNumber(*args.at(0))) return ArgumentTypeError(args, 0, "a number");
  if (!IsNumber(*args.at(1))) return ArgumentTypeError(args, 1, "a number");
  return BinaryOperation(args.isolate, BinaryOp::kExp, args.at(0), args.at(1));
}

MaybeHandle<Value> SqrtFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::sqrt(x); });
}
MaybeHandle<Value> CbrtFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::cbrt(x); });
}
MaybeHandle<Value> ExpFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::exp(x); });
}
MaybeHandle<Value> LnFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::log(x); });
}
MaybeHandle<Value> Log10Function(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::log10(x); });
}
MaybeHandle<Value> Log2Function(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::log2(x); });
}
MaybeHandle<Value> SinFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::sin(x); });
}
MaybeHandle<Value> CosFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::cos(x); });
}
MaybeHandle<Value> TanFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::tan(x); });
}
MaybeHandle<Value> AsinFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::asin(x); });
}
MaybeHandle<Value> AcosFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::acos(x); });
}
MaybeHandle<Value> AtanFunction(BuiltinArguments& args) {
  return FloatFunction1(args, [](double x) { return std::atan(x); });
}

MaybeHandle<Value> Atan2Function(BuiltinArguments& args) {
  double y, x;
  if (!NumberArgument(args, 0, &y) || !NumberArgument(args, 1, &x)) return {};
  return Float(args.isolate, std::atan2(y, x));
}

MaybeHandle<Value> FloorFunction(BuiltinArguments& args) {
  return RoundingFunction(args, [](double x) { return std::floor(x); });
}
MaybeHandle<Value> CeilFunction(BuiltinArguments& args) {
  return RoundingFunction(args, [](double x) { return std::ceil(x); });
}
MaybeHandle<Value> RoundFunction(BuiltinArguments& args) {
  return RoundingFunction(args, [](double x) { return std::round(x); });
}

}  // namespace ruchy::internal::builtins
