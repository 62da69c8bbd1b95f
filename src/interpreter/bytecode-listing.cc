// --print-bytecode: the V8-style listing of a compiled function, with its constant pool and
// call sites described, followed by the functions it contains.
#include "src/interpreter/bytecode-generator.h"
#include "src/interpreter/bytecode-printer.h"
#include "src/interpreter/interpreter.h"
#include "src/interpreter/runtime-functions.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

namespace {

std::string DescribeConstant(Value value) {
  if (value.IsSharedFunctionInfo()) {
    return "<SharedFunctionInfo " + SharedFunctionInfo::cast(value).name().ToStdString() + ">";
  }
  if (value.IsString()) return "<String " + ToText(value, TextForm::kDebug) + ">";
  if (value.IsFixedArray())
    return "<FixedArray[" + std::to_string(FixedArray::cast(value).length()) + "]>";
  if (value.IsClosure()) {
    return "<builtin " + Closure::cast(value).shared().name().ToStdString() + ">";
  }
  return std::string("<") + TypeName(value) + " " + ToText(value, TextForm::kDebug) + ">";
}

void Print(Interpreter* interpreter, SharedFunctionInfo function, bool recursive, bool raw_bytes,
           std::string* out) {
  Value data_value = function.function_data();
  if (!data_value.IsBytecodeArray()) return;
  BytecodeArray array = BytecodeArray::cast(data_value);
  const BytecodeData* data = array.data();
  FixedArray pool = FixedArray::cast(array.constant_pool());
  BytecodeArrayData listing;
  listing.bytes = data->bytes;
  listing.parameter_count = data->parameter_count;
  listing.register_count = data->register_count;
  listing.source_positions = data->source_positions;
  listing.handlers = data->handlers;
  BytecodePrintOptions options;
  options.raw_bytes = raw_bytes;
  options.describe_constant = [pool](uint32_t index) -> std::string {
    if (static_cast<int>(index) >= pool.length()) return "";
    return DescribeConstant(pool.get(static_cast<int>(index)));
  };
  options.describe_runtime = [](uint32_t id) -> std::string {
    if (id >= static_cast<uint32_t>(kRuntimeFunctionCount)) return std::to_string(id);
    return RuntimeFunctionName(static_cast<RuntimeFunctionId>(id));
  };
  if (interpreter != nullptr) {
    options.describe_global = [interpreter](uint32_t index) {
      return "global " + interpreter->GlobalName(static_cast<int>(index));
    };
  }
  const Script* script = data->script.get();
  options.describe_position = [script](int offset) {
    int line = 0, column = 0;
    script->LineColumn(offset, &line, &column);
    return std::to_string(line) + ":" + std::to_string(column);
  };
  *out += "[bytecode for " + data->name + " (" + script->file_name + ")]\n";
  *out += PrintBytecode(listing, options);
  *out += "Feedback slots: " + std::to_string(data->feedback_slot_count) + "\n";
  if (!data->call_sites.empty()) {
    *out += "Call sites (" + std::to_string(data->call_sites.size()) + ")\n";
    for (size_t i = 0; i < data->call_sites.size(); ++i) {
      const CallSite& site = data->call_sites[i];
      *out += "  " + std::to_string(i) + ": " + site.name;
      if (site.is_builtin) *out += " [builtin]";
      if (site.is_static) *out += " [static]";
      for (const std::string& n : site.names) *out += " " + n + "=";
      if (!site.type_hint.empty()) *out += " ::<" + site.type_hint + ">";
      *out += "\n";
    }
  }
  *out += "\n";
  if (!recursive) return;
  for (int i = 0; i < pool.length(); ++i) {
    if (pool.get(i).IsSharedFunctionInfo()) {
      Print(interpreter, SharedFunctionInfo::cast(pool.get(i)), true, raw_bytes, out);
    }
  }
}

}  // namespace

std::string PrintFunctionBytecode(Isolate* isolate, SharedFunctionInfo function, bool recursive,
                                  bool raw_bytes) {
  std::string out;
  Print(Interpreter::From(isolate), function, recursive, raw_bytes, &out);
  return out;
}

}  // namespace ruchy::internal::interpreter
