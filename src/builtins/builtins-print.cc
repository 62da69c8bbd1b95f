// Printing and formatting (println/print/eprintln/format in function and macro forms, the
// format-string language of LANGUAGE.md §4), dbg, panics and assertions.
#include <cstdio>
#include <string>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-utils.h"
#include "src/runtime/format.h"

namespace ruchy::internal {

void FlushStandardStreams() {
  std::fflush(stdout);
  std::fflush(stderr);
}

namespace builtins {

namespace {

using runtime::FormatKind;
using runtime::FormatPiece;
using runtime::FormatSpec;
using runtime::FormatTemplate;

const char* KindSpec(FormatKind kind) {
  switch (kind) {
    case FormatKind::kDisplay:
      return "{}";
    case FormatKind::kDebug:
      return "{:?}";
    case FormatKind::kLowerHex:
      return "{:x}";
    case FormatKind::kUpperHex:
      return "{:X}";
    case FormatKind::kBinary:
      return "{:b}";
    case FormatKind::kOctal:
      return "{:o}";
    case FormatKind::kLowerExp:
      return "{:e}";
    case FormatKind::kUpperExp:
      return "{:E}";
  }
  UNREACHABLE();
}

// Keeps the first `count` characters of UTF-8 text (`{:.3}` on a string).
std::string TruncateChars(const std::string& text, int count) {
  size_t i = 0;
  int seen = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == count) break;
      ++seen;
    }
    ++i;
  }
  return text.substr(0, i);
}

bool FormatValue(BuiltinArguments& args, Value value, const FormatSpec& spec, std::string* out) {
  std::optional<std::string> text;
  if (value.IsInteger()) {
    text = runtime::FormatInteger(IntegerValue(value), spec);
  } else if (value.IsHeapNumber()) {
    text = runtime::FormatFloat(HeapNumber::cast(value).value(), spec);
  } else if (spec.kind == FormatKind::kDisplay || spec.kind == FormatKind::kDebug) {
    std::string plain =
        ToText(value, spec.kind == FormatKind::kDebug ? TextForm::kDebug : TextForm::kDisplay);
    if (spec.precision >= 0 && value.IsString() && spec.kind == FormatKind::kDisplay) {
      plain = TruncateChars(plain, spec.precision);
    }
    text = runtime::ApplyWidth(std::move(plain), spec, /*numeric=*/false);
  }
  if (!text) {
    Fail(args.isolate, std::string("Runtime error: Format spec ") + KindSpec(spec.kind) +
                           " does not apply to " + TypeName(value));
    return false;
  }
  out->append(*text);
  return true;
}

bool HasPlaceholder(const FormatTemplate& parsed) {
  for (const FormatPiece& piece : parsed.pieces) {
    if (piece.type != FormatPiece::Type::kLiteral) return true;
  }
  return false;
}

void JoinWithSpaces(BuiltinArguments& args, int first, std::string* out) {
  for (int i = first; i < args.argc; ++i) {
    if (i > first) out->push_back(' ');
    AppendText(*args.at(i), TextForm::kDisplay, out);
  }
}

std::optional<Handle<Value>> NamedArgument(BuiltinArguments& args, std::string_view name) {
  for (int i = 0; i < args.named_count; ++i) {
    if (args.names[i] == name) return args.named_values[i];
  }
  return std::nullopt;
}

// The text of a format call, as a heap string.
MaybeHandle<Value> FormattedString(BuiltinArguments& args, bool macro) {
  std::string text;
  if (!FormatArguments(args, 0, macro, &text)) return {};
  return NewString(args.isolate, text);
}

enum class Stream { kStdout, kStderr };

void Write(Stream stream, const std::string& text) {
  if (stream == Stream::kStderr) {
    // Keep the two streams in program order for a reader of both (a terminal).
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
}

MaybeHandle<Value> PrintTo(BuiltinArguments& args, Stream stream, bool newline, bool macro) {
  std::string text;
  if (!FormatArguments(args, 0, macro, &text)) return {};
  if (newline) text.push_back('\n');
  Write(stream, text);
  return Nil(args.isolate);
}

// The message of a panic-like call: its formatted arguments after `first`, if any.
bool Message(BuiltinArguments& args, int first, std::string* out) {
  if (args.argc <= first) return true;
  return FormatArguments(args, first, /*macro=*/true, out);
}

// Fills in a width or precision given as `name$` / `N$` from the call's arguments: a
// count between 0 and 100000.
bool ResolveCount(BuiltinArguments& args, int first, const std::string& name, int index,
                  const char* what, int* out) {
  if (name.empty() && index < 0) return true;
  std::optional<Handle<Value>> value;
  std::string label = name.empty() ? std::to_string(index) + "$" : name + "$";
  if (!name.empty()) {
    value = NamedArgument(args, name);
    if (!value) {
      Fail(args.isolate, "Runtime error: Undefined variable: " + name);
      return false;
    }
  } else if (first + 1 + index < args.argc) {
    value = args.at(first + 1 + index);
  } else {
    Fail(args.isolate, "Runtime error: Format string needs argument " + std::to_string(index + 1) +
                           ", got " + std::to_string(args.argc - first - 1));
    return false;
  }
  Value count = **value;
  if (!count.IsInteger() || IntegerValue(count) < 0 || IntegerValue(count) > 100000) {
    Fail(args.isolate, std::string("Runtime error: Format ") + what + " " + label +
                           " must be an integer from 0 to 100000, got " +
                           ToText(count, TextForm::kDebug));
    return false;
  }
  *out = static_cast<int>(IntegerValue(count));
  return true;
}

bool ResolveCounts(BuiltinArguments& args, int first, FormatSpec* spec) {
  return ResolveCount(args, first, spec->width_argument, spec->width_index, "width",
                      &spec->width) &&
         ResolveCount(args, first, spec->precision_argument, spec->precision_index, "precision",
                      &spec->precision);
}

}  // namespace

bool FormatArguments(BuiltinArguments& args, int first, bool macro, std::string* out) {
  if (args.argc <= first) return true;
  Value head = *args.at(first);
  if (!head.IsString()) {
    JoinWithSpaces(args, first, out);
    return true;
  }
  FormatTemplate parsed = runtime::ParseFormatTemplate(ToStdString(head));
  if (!parsed.error.empty()) {
    if (!macro) {
      JoinWithSpaces(args, first, out);
      return true;
    }
    Fail(args.isolate, "Runtime error: Invalid format string: " + parsed.error);
    return false;
  }
  if (!macro && !HasPlaceholder(parsed)) {
    JoinWithSpaces(args, first, out);
    return true;
  }
  int next = first + 1;
  for (const FormatPiece& piece : parsed.pieces) {
    switch (piece.type) {
      case FormatPiece::Type::kLiteral:
        out->append(piece.text);
        break;
      case FormatPiece::Type::kNext:
      case FormatPiece::Type::kIndex: {
        int index = piece.type == FormatPiece::Type::kNext ? next++ : first + 1 + piece.index;
        if (index >= args.argc) {
          if (!macro) {
            // The function form leaves a placeholder without an argument as it is.
            out->append("{}");
            break;
          }
          Fail(args.isolate, "Runtime error: Format string needs argument " +
                                 std::to_string(index - first) + ", got " +
                                 std::to_string(args.argc - first - 1));
          return false;
        }
        FormatSpec spec = piece.spec;
        if (!ResolveCounts(args, first, &spec)) return false;
        if (!FormatValue(args, *args.at(index), spec, out)) return false;
        break;
      }
      case FormatPiece::Type::kName: {
        std::optional<Handle<Value>> value = NamedArgument(args, piece.text);
        if (!value) {
          Fail(args.isolate, "Runtime error: Undefined variable: " + piece.text);
          return false;
        }
        FormatSpec spec = piece.spec;
        if (!ResolveCounts(args, first, &spec)) return false;
        if (!FormatValue(args, **value, spec, out)) return false;
        break;
      }
    }
  }
  return true;
}

MaybeHandle<Value> Println(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStdout, true, false);
}
MaybeHandle<Value> PrintlnMacro(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStdout, true, true);
}
MaybeHandle<Value> Print(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStdout, false, false);
}
MaybeHandle<Value> PrintMacro(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStdout, false, true);
}
MaybeHandle<Value> Eprintln(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStderr, true, false);
}
MaybeHandle<Value> EprintlnMacro(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStderr, true, true);
}
MaybeHandle<Value> Eprint(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStderr, false, false);
}
MaybeHandle<Value> EprintMacro(BuiltinArguments& args) {
  return PrintTo(args, Stream::kStderr, false, true);
}
MaybeHandle<Value> Format(BuiltinArguments& args) { return FormattedString(args, false); }
MaybeHandle<Value> FormatMacro(BuiltinArguments& args) { return FormattedString(args, true); }

MaybeHandle<Value> StringFormat(BuiltinArguments& args) {
  // "{} and {}".format(a, b): the receiver is the template (reference §13.2).
  std::vector<Handle<Value>> all;
  all.push_back(*args.receiver);
  for (int i = 0; i < args.argc; ++i) all.push_back(args.at(i));
  BuiltinArguments call = args;
  call.argc = static_cast<int>(all.size());
  call.argv = all.data();
  return FormattedString(call, true);
}

MaybeHandle<Value> Dbg(BuiltinArguments& args) {
  Isolate* isolate = args.isolate;
  std::string text = "[DEBUG]";
  for (int i = 0; i < args.argc; ++i) {
    text += ' ';
    AppendText(*args.at(i), TextForm::kDebug, &text);
  }
  text.push_back('\n');
  Write(Stream::kStderr, text);
  if (args.argc == 0) return Nil(isolate);
  if (args.argc == 1) return args.at(0);
  Handle<Tuple> tuple;
  if (!isolate->factory()->NewTuple(args.argc).ToHandle(&tuple)) return {};
  for (int i = 0; i < args.argc; ++i) tuple->set(i, *args.at(i));
  return tuple;
}

MaybeHandle<Value> Panic(BuiltinArguments& args) {
  std::string message;
  if (!Message(args, 0, &message)) return {};
  if (args.argc == 0) return Fail(args.isolate, "Runtime error: explicit panic");
  return Fail(args.isolate, "Runtime error: panicked at '" + message + "'");
}

namespace {

MaybeHandle<Value> FailWithOptionalMessage(BuiltinArguments& args, const char* text) {
  std::string message;
  if (!Message(args, 0, &message)) return {};
  std::string full = std::string("Runtime error: ") + text;
  if (!message.empty()) full += ": " + message;
  return Fail(args.isolate, full);
}

}  // namespace

MaybeHandle<Value> Unreachable(BuiltinArguments& args) {
  return FailWithOptionalMessage(args, "internal error: entered unreachable code");
}
MaybeHandle<Value> Unimplemented(BuiltinArguments& args) {
  return FailWithOptionalMessage(args, "not implemented");
}
MaybeHandle<Value> Todo(BuiltinArguments& args) {
  return FailWithOptionalMessage(args, "not yet implemented");
}

MaybeHandle<Value> Assert(BuiltinArguments& args) {
  if (IsTruthy(*args.at(0))) return Nil(args.isolate);
  std::string message;
  if (!Message(args, 1, &message)) return {};
  if (args.argc == 1) return Fail(args.isolate, "Assertion failed");
  return Fail(args.isolate, "Assertion failed: " + message);
}

namespace {

MaybeHandle<Value> AssertCompare(BuiltinArguments& args, bool want_equal) {
  Value left = *args.at(0);
  Value right = *args.at(1);
  if (ValuesEqual(left, right) == want_equal) return Nil(args.isolate);
  std::string message;
  if (!Message(args, 2, &message)) return {};
  std::string text = "Assertion failed: ";
  text += args.argc > 2 ? message : want_equal ? "left == right" : "left != right";
  text += " (left: " + ToText(*args.at(0), TextForm::kDebug) +
          ", right: " + ToText(*args.at(1), TextForm::kDebug) + ")";
  return Fail(args.isolate, text);
}

}  // namespace

MaybeHandle<Value> AssertEq(BuiltinArguments& args) { return AssertCompare(args, true); }
MaybeHandle<Value> AssertNe(BuiltinArguments& args) { return AssertCompare(args, false); }

}  // namespace builtins
}  // namespace ruchy::internal
