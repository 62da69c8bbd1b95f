// Type names, number access, equality and ordering of values (value-ops.h). Equality and
// ordering walk nested containers with an explicit work list, so a value nested a million
// levels deep cannot exhaust the native stack; neither allocates on the heap.
#include "src/runtime/value-ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <tuple>
#include <vector>

#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops-internal.h"

namespace ruchy::internal {

using value_ops::Element;
using value_ops::SequenceElement;
using value_ops::SequenceLength;

const char* TypeName(Value value) {
  if (value.IsSmi()) return "integer";
  HeapObject object = HeapObject::unchecked_cast(value);
  switch (object.instance_type()) {
    case InstanceType::kHeapInt:
      return "integer";
    case InstanceType::kHeapNumber:
      return "float";
    case InstanceType::kOddball:
      if (value.IsNil()) return "nil";
      if (value.IsBoolean()) return "boolean";
      return "internal";  // the hole never reaches user code
    case InstanceType::kSeqString:
    case InstanceType::kConsString:
      return "string";
    case InstanceType::kArray:
      return "array";
    case InstanceType::kTuple:
      return "tuple";
    case InstanceType::kRange:
      return "range";
    case InstanceType::kHashMap:
      return "object";
    case InstanceType::kStructObject:
      return "struct";
    case InstanceType::kEnumValue:
      return "enum_variant";
    case InstanceType::kClosure:
      return "function";
    case InstanceType::kPlainObject:
      // A class instance has its class name on the shape; an untyped object literal is
      // the same kind of value as a map literal.
      return object.shape().type_name().IsString() ? "class" : "object";
    case InstanceType::kTypeDescriptor:
    case InstanceType::kEnumDescriptor:
      return "type";
    case InstanceType::kShape:
    case InstanceType::kFixedArray:
    case InstanceType::kFixedDoubleArray:
    case InstanceType::kByteArray:
    case InstanceType::kOrderedHashTable:
    case InstanceType::kSharedFunctionInfo:
    case InstanceType::kContext:
    case InstanceType::kFeedbackCell:
    case InstanceType::kFeedbackVector:
    case InstanceType::kFreeSpace:
    case InstanceType::kFiller:
    case InstanceType::kCode:
    case InstanceType::kBytecodeArray:
      return "internal";
  }
  UNREACHABLE();
}

const char* BinaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kExp:
      return "**";
    case BinaryOp::kBitAnd:
      return "&";
    case BinaryOp::kBitOr:
      return "|";
    case BinaryOp::kBitXor:
      return "^";
    case BinaryOp::kShl:
      return "<<";
    case BinaryOp::kShr:
      return ">>";
  }
  UNREACHABLE();
}

int64_t IntegerValue(Value value) {
  DCHECK(value.IsInteger());
  if (value.IsSmi()) return Smi::ToInt(value);
  return HeapInt::unchecked_cast(value).value();
}

double NumberValue(Value value) {
  if (value.IsSmi()) return static_cast<double>(Smi::ToInt(value));
  if (value.IsHeapInt()) return static_cast<double>(HeapInt::unchecked_cast(value).value());
  DCHECK(value.IsHeapNumber());
  return HeapNumber::unchecked_cast(value).value();
}

namespace value_ops {

bool ThrowRuntimeError(Isolate* isolate, const std::string& text) {
  return isolate->ThrowError("Runtime error: " + text);
}

bool ThrowTypeError(Isolate* isolate, const std::string& text) {
  return isolate->ThrowError("Type error: " + text);
}

std::optional<int> CompareIntWithDouble(int64_t i, double d) {
  if (std::isnan(d)) return std::nullopt;
  // 2^63 is exactly representable; every double at or above it exceeds every int64, every
  // double below -2^63 is below every int64.
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  double truncated = std::trunc(d);  // in [-2^63, 2^63): converts exactly
  int64_t whole = static_cast<int64_t>(truncated);
  if (i != whole) return i < whole ? -1 : 1;
  double fraction = d - truncated;
  if (fraction > 0) return -1;
  if (fraction < 0) return 1;
  return 0;
}

int CompareStrings(String a, String b) {
  if (a.IsFlat() && b.IsFlat()) {
    int c = a.FlatContent().compare(b.FlatContent());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  int c = a.ToStdString().compare(b.ToStdString());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int SequenceLength(Value container) {
  if (container.IsArray()) return Array::unchecked_cast(container).length();
  if (container.IsTuple()) return Tuple::unchecked_cast(container).length();
  if (container.IsEnumValue()) return EnumValue::unchecked_cast(container).payload_length();
  DCHECK(container.IsStructObject());
  return StructObject::unchecked_cast(container).field_count();
}

Element SequenceElement(Value container, int index) {
  Element element;
  if (container.IsArray()) {
    Array array = Array::unchecked_cast(container);
    if (array.kind() == ElementsKind::kDouble) {
      element.is_raw_double = true;
      element.number = FixedDoubleArray::unchecked_cast(array.elements()).get(index);
    } else {
      element.value = array.GetTagged(index);
    }
  } else if (container.IsTuple()) {
    element.value = Tuple::unchecked_cast(container).get(index);
  } else if (container.IsEnumValue()) {
    element.value = EnumValue::unchecked_cast(container).payload(index);
  } else {
    DCHECK(container.IsStructObject());
    element.value = StructObject::unchecked_cast(container).field(index);
  }
  return element;
}

int ParseFieldIndex(String name) {
  std::string text = name.ToStdString();
  if (text.empty() || text.size() > 9) return -1;
  if (text.size() > 1 && text[0] == '0') return -1;
  int index = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    index = index * 10 + (c - '0');
  }
  return index;
}

namespace {

bool IsNumberElement(const Element& e) { return e.is_raw_double || IsNumber(e.value); }

// Three-way numeric comparison of two number elements; nullopt when a NaN is involved.
std::optional<int> CompareNumbersIeee(const Element& a, const Element& b) {
  bool a_int = !a.is_raw_double && a.value.IsInteger();
  bool b_int = !b.is_raw_double && b.value.IsInteger();
  if (a_int && b_int) {
    int64_t x = IntegerValue(a.value);
    int64_t y = IntegerValue(b.value);
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  double x = a.is_raw_double ? a.number : (a_int ? 0.0 : NumberValue(a.value));
  double y = b.is_raw_double ? b.number : (b_int ? 0.0 : NumberValue(b.value));
  if (a_int) {
    std::optional<int> r = CompareIntWithDouble(IntegerValue(a.value), y);
    return r;
  }
  if (b_int) {
    std::optional<int> r = CompareIntWithDouble(IntegerValue(b.value), x);
    if (!r) return std::nullopt;
    return -*r;
  }
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool IsNaNElement(const Element& e) {
  if (e.is_raw_double) return std::isnan(e.number);
  return e.value.IsHeapNumber() && std::isnan(HeapNumber::unchecked_cast(e.value).value());
}

// With `saw_nan`, IEEE: a NaN makes the pair unordered (*saw_nan set, result 0). Without,
// a total order for sorting: NaN equals NaN and is greater than every other number.
int CompareNumbers(const Element& a, const Element& b, bool* saw_nan) {
  std::optional<int> r = CompareNumbersIeee(a, b);
  if (r) return *r;
  if (saw_nan != nullptr) {
    *saw_nan = true;
    return 0;
  }
  return static_cast<int>(IsNaNElement(a)) - static_cast<int>(IsNaNElement(b));
}

Element ElementOf(Value v) {
  Element e;
  e.value = v;
  return e;
}

// Same struct type: the same declaration shape, or (for robustness against shapes rebuilt
// by another tier) the same type name.
bool SameStructType(StructObject a, StructObject b) {
  Shape sa = a.shape();
  Shape sb = b.shape();
  if (sa == sb) return true;
  Value na = sa.type_name();
  Value nb = sb.type_name();
  if (!na.IsString() || !nb.IsString()) return false;
  if (!String::Equals(String::unchecked_cast(na), String::unchecked_cast(nb))) return false;
  return a.field_count() == b.field_count();
}

bool SameEnumType(EnumValue a, EnumValue b) {
  EnumDescriptor da = a.descriptor();
  EnumDescriptor db = b.descriptor();
  return da == db || String::Equals(da.name(), db.name());
}

}  // namespace
}  // namespace value_ops

using value_ops::CompareNumbersIeee;
using value_ops::ElementOf;
using value_ops::IsNumberElement;

namespace {

// Compares one pair: false when they differ; pairs of children that still decide are
// pushed onto *pending.
bool EqualPair(const Element& x, const Element& y,
               std::vector<std::pair<Element, Element>>* pending) {
  if (IsNumberElement(x) || IsNumberElement(y)) {
    if (!IsNumberElement(x) || !IsNumberElement(y)) return false;
    std::optional<int> r = CompareNumbersIeee(x, y);
    return r && *r == 0;
  }
  Value u = x.value;
  Value v = y.value;
  if (u == v && !u.IsCowContainer() && !u.IsRange()) return true;  // identity (no NaN inside)
  if (u.IsSmi() || v.IsSmi()) return false;
  if (u.IsString() || v.IsString()) {
    return u.IsString() && v.IsString() &&
           String::Equals(String::unchecked_cast(u), String::unchecked_cast(v));
  }
  if (HeapObject::unchecked_cast(u).instance_type() !=
      HeapObject::unchecked_cast(v).instance_type()) {
    return false;
  }
  if (u.IsHashMap()) {
    OrderedHashTable tu = HashMap::unchecked_cast(u).table();
    OrderedHashTable tv = HashMap::unchecked_cast(v).table();
    if (tu.number_of_elements() != tv.number_of_elements()) return false;
    for (int entry = 0; entry < tu.used_entries(); ++entry) {
      if (!tu.IsLiveEntry(entry)) continue;
      Value key = tu.KeyAt(entry);
      int other = tv.FindEntry(key, HashMap::HashKey(key));
      if (other == OrderedHashTable::kNotFound) return false;
      pending->emplace_back(ElementOf(tu.ValueAt(entry)), ElementOf(tv.ValueAt(other)));
    }
    return true;
  }
  if (u.IsRange()) {
    Range ru = Range::unchecked_cast(u);
    Range rv = Range::unchecked_cast(v);
    if (ru.inclusive() != rv.inclusive()) return false;
    pending->emplace_back(ElementOf(ru.from()), ElementOf(rv.from()));
    pending->emplace_back(ElementOf(ru.to()), ElementOf(rv.to()));
    return true;
  }
  if (u.IsStructObject()) {
    if (!value_ops::SameStructType(StructObject::unchecked_cast(u),
                                   StructObject::unchecked_cast(v))) {
      return false;
    }
  } else if (u.IsEnumValue()) {
    EnumValue eu = EnumValue::unchecked_cast(u);
    EnumValue ev = EnumValue::unchecked_cast(v);
    if (!value_ops::SameEnumType(eu, ev) || eu.variant() != ev.variant()) return false;
  } else if (!u.IsArray() && !u.IsTuple()) {
    // Oddballs, class instances, functions, types: identity, already checked.
    return u == v;
  }
  int length = SequenceLength(u);
  if (length != SequenceLength(v)) return false;
  for (int i = 0; i < length; ++i) {
    pending->emplace_back(SequenceElement(u, i), SequenceElement(v, i));
  }
  return true;
}

}  // namespace

bool ValuesEqual(Value a, Value b) {
  if (a.IsSmi() && b.IsSmi()) return a == b;
  std::vector<std::pair<Element, Element>> pending;  // allocates only for containers
  Element x = ElementOf(a);
  Element y = ElementOf(b);
  while (true) {
    if (!EqualPair(x, y, &pending)) return false;
    if (pending.empty()) return true;
    std::tie(x, y) = pending.back();
    pending.pop_back();
  }
}

namespace value_ops {
namespace {

// Compares two non-container elements, or returns kDescend when both are containers of
// one ordered kind whose children decide.
enum class LeafResult { kLess, kEqual, kGreater, kUnordered, kDescend };

LeafResult FromInt(int c) {
  return c < 0 ? LeafResult::kLess : (c > 0 ? LeafResult::kGreater : LeafResult::kEqual);
}

LeafResult CompareLeaf(const Element& x, const Element& y, bool* saw_nan) {
  if (IsNumberElement(x) || IsNumberElement(y)) {
    if (!IsNumberElement(x) || !IsNumberElement(y)) return LeafResult::kUnordered;
    int r = CompareNumbers(x, y, saw_nan);
    if (saw_nan != nullptr && *saw_nan) return LeafResult::kUnordered;
    return FromInt(r);
  }
  Value u = x.value;
  Value v = y.value;
  if (u.IsString() || v.IsString()) {
    if (!u.IsString() || !v.IsString()) return LeafResult::kUnordered;
    return FromInt(CompareStrings(String::unchecked_cast(u), String::unchecked_cast(v)));
  }
  if (u.IsBoolean() || v.IsBoolean()) {
    if (!u.IsBoolean() || !v.IsBoolean()) return LeafResult::kUnordered;
    return FromInt(static_cast<int>(u.IsTrue()) - static_cast<int>(v.IsTrue()));
  }
  if (u.IsNil() && v.IsNil()) return LeafResult::kEqual;
  if (!u.IsHeapObject() || !v.IsHeapObject()) return LeafResult::kUnordered;
  if ((u.IsArray() && v.IsArray()) || (u.IsTuple() && v.IsTuple())) return LeafResult::kDescend;
  if (u.IsStructObject() && v.IsStructObject()) {
    return SameStructType(StructObject::unchecked_cast(u), StructObject::unchecked_cast(v))
               ? LeafResult::kDescend
               : LeafResult::kUnordered;
  }
  if (u.IsEnumValue() && v.IsEnumValue()) {
    EnumValue eu = EnumValue::unchecked_cast(u);
    EnumValue ev = EnumValue::unchecked_cast(v);
    if (!SameEnumType(eu, ev)) return LeafResult::kUnordered;
    if (eu.variant() != ev.variant()) return FromInt(eu.variant() - ev.variant());
    return LeafResult::kDescend;
  }
  return LeafResult::kUnordered;
}

}  // namespace

std::optional<int> CompareRaw(Value a, Value b, bool* saw_nan) {
  // Lexicographic order over nested sequences, one frame per open pair of containers.
  struct Frame {
    Value a;
    Value b;
    int next;
    int common;
    int length_a;
    int length_b;
  };
  std::vector<Frame> stack;
  Element x = ElementOf(a);
  Element y = ElementOf(b);
  while (true) {
    switch (CompareLeaf(x, y, saw_nan)) {
      case LeafResult::kLess:
        return -1;
      case LeafResult::kGreater:
        return 1;
      case LeafResult::kUnordered:
        return std::nullopt;
      case LeafResult::kEqual:
        break;
      case LeafResult::kDescend: {
        int la = SequenceLength(x.value);
        int lb = SequenceLength(y.value);
        stack.push_back(Frame{x.value, y.value, 0, std::min(la, lb), la, lb});
        break;
      }
    }
    // Advance to the next pair of elements to compare.
    while (true) {
      if (stack.empty()) return 0;
      Frame& frame = stack.back();
      if (frame.next < frame.common) {
        x = SequenceElement(frame.a, frame.next);
        y = SequenceElement(frame.b, frame.next);
        ++frame.next;
        break;
      }
      int la = frame.length_a;
      int lb = frame.length_b;
      stack.pop_back();
      if (la != lb) return la < lb ? -1 : 1;
    }
  }
}

bool MapKeyLess(Value a, Value b) {
  auto rank = [](Value v) {
    if (IsNumber(v)) return 0;
    if (v.IsString()) return 1;
    if (v.IsBoolean()) return 2;
    if (v.IsTuple()) return 3;
    return 4;
  };
  int ra = rank(a);
  int rb = rank(b);
  if (ra != rb) return ra < rb;
  return CompareRaw(a, b).value_or(0) < 0;
}

}  // namespace value_ops

std::optional<int> CompareValues(Isolate* isolate, Value a, Value b) {
  std::optional<int> result = value_ops::CompareRaw(a, b);
  if (!result) {
    std::string text =
        std::string("Cannot compare ") + TypeName(a) + " and " + TypeName(b) + " for ordering";
    value_ops::ThrowTypeError(isolate, text);
  }
  return result;
}

std::optional<bool> CompareOperation(Isolate* isolate, CompareOp op, Value a, Value b) {
  bool saw_nan = false;
  std::optional<int> result = value_ops::CompareRaw(a, b, &saw_nan);
  // A NaN deciding the comparison makes every relational operator false (IEEE).
  if (saw_nan) return false;
  if (!result) {
    value_ops::ThrowTypeError(isolate, std::string("Cannot compare ") + TypeName(a) + " and " +
                                           TypeName(b) + " for ordering");
    return std::nullopt;
  }
  switch (op) {
    case CompareOp::kLessThan:
      return *result < 0;
    case CompareOp::kLessThanOrEqual:
      return *result <= 0;
    case CompareOp::kGreaterThan:
      return *result > 0;
    case CompareOp::kGreaterThanOrEqual:
      return *result >= 0;
  }
  UNREACHABLE();
}

}  // namespace ruchy::internal
