// The bytecode generator: walks a scope-analyzed AST and produces, for every function, a
// SharedFunctionInfo holding a BytecodeArray (ARCHITECTURE.md §4). Values are computed into
// the accumulator; locals live in the registers scope analysis assigned, temporaries above
// them; captured variables in contexts; top-level names in the interpreter's global cells.
// The value-semantics rules (LANGUAGE.md §2) are compiled here: reads that duplicate a
// reference mark it shared unless they are a variable's last use, and mutations through a
// place (a[i].f += 1, v.push(x), &mut arguments) load the place without marking, mutate,
// and write the possibly copied containers back along the place.
#ifndef RUCHY_INTERPRETER_BYTECODE_GENERATOR_H_
#define RUCHY_INTERPRETER_BYTECODE_GENERATOR_H_

#include <memory>
#include <string>

#include "src/execution/isolate.h"
#include "src/interpreter/bytecode-data.h"
#include "src/parser/parser.h"

namespace ruchy::internal::interpreter {

class Interpreter;

// Compiles a parsed program whose scopes were analyzed. On failure (a construct the
// generator rejects) returns empty with a "FILE:LINE:COL: message" text in *error and
// nothing pending; running out of memory leaves the error pending instead.
MaybeHandle<SharedFunctionInfo> CompileScript(Isolate* isolate, Interpreter* interpreter,
                                              parser::ParseResult* program,
                                              std::shared_ptr<const Script> script, bool call_main,
                                              std::string* error);

// The V8-style listing of a compiled function and, recursively, the functions in its
// constant pool (for --print-bytecode and the golden tests).
// `raw_bytes`: include each bytecode's bytes (off in golden files).
std::string PrintFunctionBytecode(Isolate* isolate, SharedFunctionInfo function, bool recursive,
                                  bool raw_bytes = true);

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_GENERATOR_H_
