// BytecodeData: everything about one compiled function that lives outside the managed heap
// and never moves — the bytes (so the interpreter's pc and, later, baseline code can point
// into them), source positions, handler table, call-site descriptions and the function's
// calling metadata. A heap BytecodeArray points to it; the Interpreter owns it.
#ifndef RUCHY_INTERPRETER_BYTECODE_DATA_H_
#define RUCHY_INTERPRETER_BYTECODE_DATA_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "src/builtins/builtins.h"
#include "src/interpreter/bytecode-array-builder.h"

namespace ruchy::internal::interpreter {

// The source a function came from: shared by every function of one file.
struct Script {
  std::string file_name;
  std::string source;
  std::vector<uint32_t> line_starts;  // offset of the first byte of each line

  Script(std::string file, std::string text);
  // 1-based line and column (columns count UTF-8 characters) of a byte offset.
  void LineColumn(int offset, int* line, int* column) const;
};

// What a CallMethod / CallFunction-with-names site needs beyond its registers.
struct CallSite {
  std::string name;                // method or built-in name as written ("push", "println!")
  std::vector<std::string> names;  // named arguments, after the positional ones
  std::vector<std::string_view> name_views;
  std::string type_hint;     // turbofish / annotation type, last segment
  int positional_count = 0;  // arguments before the named ones (receiver excluded)
  bool is_static = false;    // Type::f(...): the receiver register holds the type
  bool is_builtin = false;   // a free built-in (callee resolved at compile time)
  uint16_t builtin_id = 0;
  int name_constant = -1;      // internalized name in the constant pool (methods)
  bool is_value_call = false;  // "<call>": the receiver register holds the callee
  // The call is a statement whose value is dropped: an intrinsic may leave any value in
  // the accumulator instead of building the result (insert's Some(old)).
  bool result_unused = false;
  // Inline cache of the built-in method this site resolved to, keyed by the receiver's
  // BuiltinReceiverKey (-1: none yet). A built-in receiver's kind depends only on that key,
  // and no user method can shadow a built-in one on these receivers.
  mutable int cached_receiver_key = -1;
  mutable uint16_t cached_method_id = 0;
  // Its implementation when the site's arity is valid for it and nothing else
  // CallBuiltinMethod checks applies (DirectBuiltinMethod), else null.
  mutable BuiltinFunction cached_function = nullptr;
  // A few hot built-ins the dispatch loop runs itself, each checking its receiver (the rest,
  // and anything unusual such as unwrap on None, go through InvokeBuiltinMethod).
  enum class Intrinsic : uint8_t {
    kNone,
    kArrayLen,
    kArrayPush,
    kUnwrap,
    kUnwrapOr,
    kMapGet,          // get, get_mut
    kMapContainsKey,  // contains_key, contains
    kMapInsert,
    kFloatSqrt,         // sqrt on a float
    kIntToString,       // to_string on a Smi
    kStringParseInt,    // parse() / parse::<i64>() on a flat string of decimal digits
    kStringPushStr,     // push_str
    kSelfHostedMap,     // map(f) on an array: the self-hosted loop (interpreter-self-hosted.cc)
    kSelfHostedFilter,  // filter(f) on an array: likewise
    kSelfHostedFold,    // fold(init, f) on an array: likewise
  };
  mutable Intrinsic cached_intrinsic = Intrinsic::kNone;
};

struct BytecodeData {
  std::vector<uint8_t> bytes;
  int parameter_count = 0;  // including self
  int required_count = 0;   // parameters without a default value (self excluded)
  int register_count = 0;
  int feedback_slot_count = 0;
  bool has_self = false;
  bool is_constructor = false;  // class constructor: the runtime allocates self
  bool self_hosted = false;     // a self-hosted built-in: left out of stack traces
  uint64_t inout_mask = 0;      // parameters whose final value is written back to the caller
  std::string name;             // for stack traces: function name, "<closure>", "<script>"
  std::vector<std::string> parameter_names;  // for named arguments (self excluded)
  std::shared_ptr<const Script> script;
  std::vector<SourcePositionEntry> source_positions;
  std::vector<HandlerTableEntry> handlers;
  std::vector<CallSite> call_sites;
  // Feedback slots that hold a Smi from the start (0): binary-op bit sets and call counts.
  // The handlers update them in place without checking for nil.
  std::vector<uint32_t> counter_slots;

  // The source offset of the bytecode at `offset` (the nearest entry at or before it).
  int SourceOffsetFor(int offset) const;
  // The handler for an exception at `offset`, or nullptr.
  const HandlerTableEntry* FindHandler(int offset) const;
};

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_DATA_H_
