// The text forms of values (value-ops.h, LANGUAGE.md §4): display, REPL, f-string, debug and
// concatenation forms. Printing never allocates on the heap; nesting is bounded by
// kMaxTextDepth and cycles through class instances print "...".
#include <algorithm>
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "src/objects/objects-inl.h"
#include "src/runtime/format.h"
#include "src/runtime/value-ops-internal.h"
#include "src/runtime/value-ops.h"

namespace ruchy::internal {

namespace {

// The CowContainer flag bit that marks a HashMap as a HashSet (keys only). The built-ins
// name it CowContainer::kHashSetBit (src/objects/cow.h); the two must stay equal.
constexpr int64_t kHashSetFlag = int64_t{1} << 1;

// How strings are written at one position in the output.
enum class Quoting : uint8_t {
  kRaw,      // as they are
  kQuoted,   // "text", no escaping (display form of nested strings)
  kEscaped,  // "text" with Rust's escapes ({:?})
};

void AppendEscaped(std::string_view text, std::string* out) {
  out->push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\0':
        out->append("\\0");
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          static const char kHex[] = "0123456789abcdef";
          out->append("\\u{");
          if (c >= 0x10) out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 0xf]);
          out->push_back('}');
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendString(String string, Quoting quoting, std::string* out) {
  switch (quoting) {
    case Quoting::kRaw:
      string.ForEachChunk([out](const uint8_t* bytes, size_t n) {
        out->append(reinterpret_cast<const char*>(bytes), n);
      });
      return;
    case Quoting::kQuoted:
      out->push_back('"');
      string.ForEachChunk([out](const uint8_t* bytes, size_t n) {
        out->append(reinterpret_cast<const char*>(bytes), n);
      });
      out->push_back('"');
      return;
    case Quoting::kEscaped:
      if (string.IsFlat()) {
        AppendEscaped(string.FlatContent(), out);
      } else {
        AppendEscaped(string.ToStdString(), out);
      }
      return;
  }
}

class TextWriter {
 public:
  TextWriter(TextForm form, std::string* out) : form_(form), out_(out) {}

  void WriteTopLevel(Value value) {
    if (value.IsString()) {
      Quoting quoting = Quoting::kRaw;
      if (form_ == TextForm::kRepl) quoting = Quoting::kQuoted;
      if (form_ == TextForm::kDebug) quoting = Quoting::kEscaped;
      AppendString(String::unchecked_cast(value), quoting, out_);
      return;
    }
    if (value.IsHeapNumber() && form_ == TextForm::kConcat) {
      out_->append(runtime::FloatToShortest(HeapNumber::unchecked_cast(value).value()));
      return;
    }
    // f-strings: strings directly inside arrays and tuples (at any depth of arrays and
    // tuples only) print raw.
    Write(value, 0, form_ == TextForm::kFString);
  }

 private:
  Quoting NestedQuoting(bool raw_strings) const {
    if (form_ == TextForm::kDebug) return Quoting::kEscaped;
    return raw_strings ? Quoting::kRaw : Quoting::kQuoted;
  }

  void WriteDouble(double d) { out_->append(runtime::FloatToDisplay(d)); }

  void WriteElement(const value_ops::Element& e, int depth, bool raw_strings) {
    if (e.is_raw_double) {
      WriteDouble(e.number);
    } else {
      Write(e.value, depth, raw_strings);
    }
  }

  // `raw_strings`: this value sits in a chain of arrays/tuples under an f-string.
  void Write(Value value, int depth, bool raw_strings) {
    if (value.IsSmi()) {
      out_->append(std::to_string(Smi::ToInt(value)));
      return;
    }
    if (depth > kMaxTextDepth) {
      out_->append("...");
      return;
    }
    HeapObject object = HeapObject::unchecked_cast(value);
    switch (object.instance_type()) {
      case InstanceType::kHeapInt:
        out_->append(std::to_string(HeapInt::unchecked_cast(object).value()));
        return;
      case InstanceType::kHeapNumber:
        WriteDouble(HeapNumber::unchecked_cast(object).value());
        return;
      case InstanceType::kOddball:
        if (value.IsNil()) {
          out_->append("nil");
        } else if (value.IsTrue()) {
          out_->append("true");
        } else if (value.IsFalse()) {
          out_->append("false");
        } else {
          out_->append("<hole>");
        }
        return;
      case InstanceType::kSeqString:
      case InstanceType::kConsString:
        AppendString(String::unchecked_cast(object), NestedQuoting(raw_strings), out_);
        return;
      case InstanceType::kArray:
      case InstanceType::kTuple:
        WriteSequence(value, value.IsArray() ? "[" : "(", value.IsArray() ? "]" : ")", depth,
                      raw_strings);
        return;
      case InstanceType::kRange:
        WriteRange(Range::unchecked_cast(object), depth);
        return;
      case InstanceType::kHashMap:
        WriteMap(HashMap::unchecked_cast(object), depth);
        return;
      case InstanceType::kStructObject:
        WriteStruct(StructObject::unchecked_cast(object), depth);
        return;
      case InstanceType::kPlainObject:
        WritePlainObject(PlainObject::unchecked_cast(object), depth);
        return;
      case InstanceType::kEnumValue:
        WriteEnumValue(EnumValue::unchecked_cast(object), depth);
        return;
      case InstanceType::kClosure:
      case InstanceType::kSharedFunctionInfo:
        out_->append("<function>");
        return;
      case InstanceType::kTypeDescriptor: {
        Value name = TypeDescriptor::unchecked_cast(object).name();
        if (name.IsString()) {
          AppendString(String::unchecked_cast(name), Quoting::kRaw, out_);
        } else {
          out_->append("<type>");
        }
        return;
      }
      case InstanceType::kEnumDescriptor:
        AppendString(EnumDescriptor::unchecked_cast(object).name(), Quoting::kRaw, out_);
        return;
      case InstanceType::kShape:
      case InstanceType::kFixedArray:
      case InstanceType::kFixedDoubleArray:
      case InstanceType::kByteArray:
      case InstanceType::kOrderedHashTable:
      case InstanceType::kContext:
      case InstanceType::kFeedbackCell:
      case InstanceType::kFeedbackVector:
      case InstanceType::kFreeSpace:
      case InstanceType::kFiller:
      case InstanceType::kCode:
      case InstanceType::kBytecodeArray:
        out_->append("<");
        out_->append(InstanceTypeName(object.instance_type()));
        out_->append(">");
        return;
    }
    UNREACHABLE();
  }

  void WriteSequence(Value container, const char* open, const char* close, int depth,
                     bool raw_strings) {
    out_->append(open);
    int length = value_ops::SequenceLength(container);
    for (int i = 0; i < length; ++i) {
      if (i > 0) out_->append(", ");
      WriteElement(value_ops::SequenceElement(container, i), depth + 1, raw_strings);
    }
    out_->append(close);
  }

  void WriteRange(Range range, int depth) {
    if (!range.from().IsNil()) Write(range.from(), depth + 1, false);
    out_->append(range.inclusive() ? "..=" : "..");
    if (!range.to().IsNil()) Write(range.to(), depth + 1, false);
  }

  // `{k: v, ...}` with the entries in the order given. Field names always print bare; map
  // keys that are strings are quoted under {:?}, as Rust prints maps.
  enum class Keys : uint8_t { kFieldNames, kMapKeys };
  void WriteEntries(const std::vector<std::pair<Value, Value>>& entries, Keys keys, int depth) {
    out_->append("{");
    bool first = true;
    for (const auto& [key, value] : entries) {
      if (!first) out_->append(", ");
      first = false;
      if (key.IsString()) {
        // Keys print as names; {:?} quotes them as Rust's maps do.
        bool quote = keys == Keys::kMapKeys && form_ == TextForm::kDebug;
        AppendString(String::unchecked_cast(key), quote ? Quoting::kEscaped : Quoting::kRaw, out_);
      } else {
        Write(key, depth + 1, false);
      }
      out_->append(": ");
      Write(value, depth + 1, false);
    }
    out_->append("}");
  }

  static void SortByName(std::vector<std::pair<Value, Value>>* entries) {
    std::stable_sort(entries->begin(), entries->end(), [](const auto& a, const auto& b) {
      return value_ops::CompareStrings(String::unchecked_cast(a.first),
                                       String::unchecked_cast(b.first)) < 0;
    });
  }

  void WriteMap(HashMap map, int depth) {
    OrderedHashTable table = map.table();
    std::vector<std::pair<Value, Value>> entries;
    entries.reserve(table.number_of_elements());
    for (int entry = 0; entry < table.used_entries(); ++entry) {
      if (table.IsLiveEntry(entry)) entries.emplace_back(table.KeyAt(entry), table.ValueAt(entry));
    }
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return value_ops::MapKeyLess(a.first, b.first);
    });
    if ((map.flags() & kHashSetFlag) != 0) {
      // A HashSet prints its keys only: {1, 2}.
      out_->append("{");
      for (size_t i = 0; i < entries.size(); ++i) {
        if (i > 0) out_->append(", ");
        Write(entries[i].first, depth + 1, false);
      }
      out_->append("}");
      return;
    }
    WriteEntries(entries, Keys::kMapKeys, depth);
  }

  void WriteTypeName(Value name) {
    if (name.IsString()) AppendString(String::unchecked_cast(name), Quoting::kRaw, out_);
  }

  static bool IsTupleStructShape(Shape shape) {
    int count = shape.number_of_fields();
    for (int i = 0; i < count; ++i) {
      if (value_ops::ParseFieldIndex(shape.FieldName(i)) != i) return false;
    }
    return count > 0;
  }

  void WriteStruct(StructObject object, int depth) {
    Shape shape = object.shape();
    WriteTypeName(shape.type_name());
    int count = object.field_count();
    if (count == 0) return;  // unit struct: just the name
    if (IsTupleStructShape(shape)) {
      WriteSequence(object, "(", ")", depth, false);
      return;
    }
    std::vector<std::pair<Value, Value>> fields;
    fields.reserve(count);
    for (int i = 0; i < count; ++i) fields.emplace_back(shape.FieldName(i), object.field(i));
    SortByName(&fields);
    out_->append(" ");
    WriteEntries(fields, Keys::kFieldNames, depth);
  }

  void WritePlainObject(PlainObject object, int depth) {
    for (Value open : open_objects_) {
      if (open == object) {
        out_->append("...");
        return;
      }
    }
    Shape shape = object.shape();
    Value type_name = shape.type_name();
    int count = shape.number_of_fields();
    std::vector<std::pair<Value, Value>> fields;
    fields.reserve(count);
    for (int i = 0; i < count; ++i) fields.emplace_back(shape.FieldName(i), object.FieldAt(i));
    SortByName(&fields);
    open_objects_.push_back(object);
    if (type_name.IsString()) {
      WriteTypeName(type_name);
      if (count > 0) {
        out_->append(" ");
        WriteEntries(fields, Keys::kFieldNames, depth);
      }
    } else {
      WriteEntries(fields, Keys::kMapKeys, depth);
    }
    open_objects_.pop_back();
  }

  void WriteEnumValue(EnumValue value, int depth) {
    EnumDescriptor descriptor = value.descriptor();
    int variant = value.variant();
    AppendString(String::cast(descriptor.variant_names().get(variant)), Quoting::kRaw, out_);
    int length = value.payload_length();
    if (length == 0) return;
    Value field_names = descriptor.variant_fields().get(variant);
    if (field_names.IsFixedArray() && FixedArray::unchecked_cast(field_names).length() == length) {
      FixedArray names = FixedArray::unchecked_cast(field_names);
      std::vector<std::pair<Value, Value>> fields;
      fields.reserve(length);
      for (int i = 0; i < length; ++i) fields.emplace_back(names.get(i), value.payload(i));
      SortByName(&fields);
      out_->append(" ");
      WriteEntries(fields, Keys::kFieldNames, depth);
      return;
    }
    WriteSequence(value, "(", ")", depth, false);
  }

  TextForm form_;
  std::string* out_;
  std::vector<Value> open_objects_;  // class instances being printed (cycle check)
};

}  // namespace

void AppendText(Value value, TextForm form, std::string* out) {
  TextWriter(form, out).WriteTopLevel(value);
}

std::string ToText(Value value, TextForm form) {
  std::string out;
  AppendText(value, form, &out);
  return out;
}

MaybeHandle<String> ToTextString(Isolate* isolate, Handle<Value> value, TextForm form) {
  if ((*value).IsString() && form != TextForm::kRepl && form != TextForm::kDebug) {
    return Handle<String>::cast(value);
  }
  if ((*value).IsSmi()) {
    // Every form writes an integer as its decimal digits: no std::string on the way.
    char digits[24];
    auto [end, error] = std::to_chars(digits, digits + sizeof(digits), Smi::ToInt(*value));
    DCHECK(error == std::errc());
    (void)error;
    return isolate->factory()->NewStringFromUtf8(
        std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  return isolate->factory()->NewStringFromUtf8(ToText(*value, form));
}

}  // namespace ruchy::internal
