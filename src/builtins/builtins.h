// The built-in library: free functions ("println", "HashMap::new", "std::process::exit"),
// constants ("i64::MAX", "std::f64::consts::PI") and the methods of the built-in types
// (arrays, strings, numbers, maps, ranges, Option, Result). One declarative list per kind
// (builtins-list.h) is what the interpreter, the later JIT tiers and the docs read.
//
// Calling convention: a built-in gets a BuiltinArguments and returns its result, or an
// empty MaybeHandle with an error pending on the isolate (texts as ruchy-reference.md §14).
#ifndef RUCHY_BUILTINS_BUILTINS_H_
#define RUCHY_BUILTINS_BUILTINS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/execution/isolate.h"

namespace ruchy::internal {

struct BuiltinArguments {
  Isolate* isolate = nullptr;
  // Methods: the receiver's place (never null for a method). A mutating method (push, pop,
  // insert, sort, push_str, clear...) first unshares the container (EnsureUnshared, never an
  // eager copy) and stores the possibly-new container back into *receiver; the interpreter
  // then writes *receiver back to the place the receiver was read from. Free functions:
  // null.
  Handle<Value>* receiver = nullptr;
  // Positional arguments.
  int argc = 0;
  const Handle<Value>* argv = nullptr;
  // Named arguments, after the positional ones: `format!("{x}", x = 1)` and the variables a
  // format string's `{name}` placeholders read (the generator passes them by name).
  int named_count = 0;
  const std::string_view* names = nullptr;
  const Handle<Value>* named_values = nullptr;
  // The turbofish or annotation type where the program gave one, last path segment only:
  // "f64" for `s.parse::<f64>()`, "String" for `collect::<String>()`; empty otherwise.
  std::string_view type_hint;
  // The name the program used ("println!", "push"), for error messages.
  std::string_view name;

  Handle<Value> at(int i) const { return argv[i]; }
};

using BuiltinFunction = MaybeHandle<Value> (*)(BuiltinArguments& args);

// Identifies a free-function built-in; stable for the life of the process (the interpreter
// stores it in SharedFunctionInfo::function_data as a Smi).
using BuiltinId = uint16_t;

// Free functions and macros by the name the program uses: "println", "println!",
// "assert_eq!", "HashMap::new", "Vec::with_capacity", "String::from", "std::process::exit".
// Macros are looked up with their "!".
std::optional<BuiltinId> LookupBuiltinFunction(std::string_view name);
const char* BuiltinFunctionName(BuiltinId id);
// Calls a free-function built-in. Arity errors read "Runtime error: sqrt() expects exactly
// 1 argument, got 2" (the reference's text, ref §12).
MaybeHandle<Value> CallBuiltinFunction(BuiltinId id, BuiltinArguments& args);

// Constants by full path: "i64::MAX", "f64::INFINITY", "std::f64::consts::PI", "u8::MAX".
// Empty (nothing pending) when `name` is not a built-in constant.
MaybeHandle<Value> LookupBuiltinConstant(Isolate* isolate, std::string_view name);

// Identifies a built-in method implementation (one per receiver kind and name).
using BuiltinMethodId = uint16_t;

// The method `name` of the built-in type of `receiver` (arrays, strings, integers, floats,
// booleans, maps, tuples, ranges, Option, Result, and the methods every value has such as
// to_string/clone), or nullopt. The result depends only on the receiver's kind (not its
// contents), so call sites may cache it per receiver shape.
std::optional<BuiltinMethodId> LookupBuiltinMethod(Isolate* isolate, Value receiver,
                                                   std::string_view name);
const char* BuiltinMethodName(BuiltinMethodId id);
// The implementation's C++ name ("MapGet" for both get and get_mut), so a caller can
// recognize a method whatever alias the program used.
const char* BuiltinMethodImplementationName(BuiltinMethodId id);
// args.receiver must be set. Arity errors as for functions.
MaybeHandle<Value> CallBuiltinMethod(BuiltinMethodId id, BuiltinArguments& args);
// The implementation CallBuiltinMethod(id, args) runs for args.argc == argc and a non-empty
// args.name, or nullptr when the call needs CallBuiltinMethod's own work (an arity error
// to report, a range receiver to materialize for an iterator method). Call sites cache it.
BuiltinFunction DirectBuiltinMethod(BuiltinMethodId id, int argc, bool range_receiver);

// Whether the method mutates its receiver (so the interpreter must write it back).
bool BuiltinMethodMutatesReceiver(BuiltinMethodId id);

// --- The list itself, for docs, --help style listings and tests. Ids run from 0 to
// count - 1. A max arity of -1 means any number of arguments.
int BuiltinFunctionCount();
void BuiltinFunctionArity(BuiltinId id, int* min, int* max);
int BuiltinMethodCount();
// "array", "string", "integer or float", "any value"...: the receivers the method serves.
const char* BuiltinMethodReceiverKind(BuiltinMethodId id);
void BuiltinMethodArity(BuiltinMethodId id, int* min, int* max);

// --- Map entries. `m.entry(k)` unshares m (it is a mutating method) and returns an entry:
// a 2-tuple (map, key) flagged CowContainer::kMapEntryBit whose map is m's own container,
// deliberately not marked shared, so `or_insert` on the entry updates m in place. The
// interpreter lowers a write through `*m.entry(k).or_insert(v)` (`+= 1`) by evaluating the
// or_insert call and then storing the new value with StoreThroughMapEntry.
bool IsMapEntry(Value value);
// Stores `value` under the entry's key in the entry's map. False with an error pending
// when `entry` is not a map entry (or out of memory).
bool StoreThroughMapEntry(Isolate* isolate, Handle<Value> entry, Handle<Value> value);

// What std::mem::take leaves behind: the empty value of `like`'s kind (0, 0.0, "", [], an
// empty map or set, false, None for an Option; 0 otherwise).
MaybeHandle<Value> TakenValueLike(Isolate* isolate, Value like);

// --- Process state the shell owns.
// Flushes stdout and stderr (print writes through buffered stdout): call before exiting
// and before writing an error report.
void FlushStandardStreams();
// std::process::exit(code): flushes the standard streams and ends the process.
[[noreturn]] void ExitProcess(int code);
// What std::env::args() returns: by convention the script path first, then its arguments.
void SetProgramArguments(std::vector<std::string> arguments);

}  // namespace ruchy::internal

#endif  // RUCHY_BUILTINS_BUILTINS_H_
