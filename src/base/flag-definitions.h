// The one list of ruchyd's flags. Each entry: V(TYPE, name, default, help).
// TYPE is BOOL, INT or STRING; on the command line underscores in a name are written
// as dashes (--max-heap-size). A flag is listed here only once the engine implements it.
//
// Implications: I(premise, conclusion, value) sets `conclusion` to `value` whenever the
// boolean flag `premise` is true; giving the opposite value explicitly is an error.
#ifndef RUCHY_BASE_FLAG_DEFINITIONS_H_
#define RUCHY_BASE_FLAG_DEFINITIONS_H_

#define RUCHY_FLAG_LIST(V)                                  \
  V(BOOL, help, false, "print this list of flags and exit") \
  V(BOOL, version, false, "print the version and exit")     \
  RUCHY_PARSER_FLAG_LIST(V)                                 \
  RUCHY_HEAP_FLAG_LIST(V)                                   \
  RUCHY_INTERPRETER_FLAG_LIST(V)                            \
  RUCHY_SHELL_FLAG_LIST(V)

// Front end (src/parser, issue #3).
#define RUCHY_PARSER_FLAG_LIST(V) \
  V(BOOL, print_ast, false, "print the syntax tree (with scope resolution) and exit")

// Heap (src/heap, issue #4). The isolate turns these into a HeapOptions struct.
#define RUCHY_HEAP_FLAG_LIST(V)                                                           \
  V(BOOL, stress_gc, false, "collect garbage at every allocation")                        \
  V(BOOL, verify_heap, false, "check the whole heap's consistency after each collection") \
  V(INT, gc_interval, 0, "collect garbage after every N allocations (0: off)")            \
  V(BOOL, trace_gc, false, "print one line per garbage collection (kind, sizes, pause)")  \
  V(INT, max_heap_size, 4096, "heap limit in MB; exceeding it raises Out of memory")      \
  V(INT, min_semi_space_size, 256, "initial size of each new-space semispace in KB")      \
  V(INT, max_semi_space_size, 8192, "size in KB new-space semispaces may grow to")        \
  V(BOOL, trace_gc_verbose, false, "with each --trace-gc line, the size of every space")

// Interpreter (src/interpreter, issue #5).
#define RUCHY_INTERPRETER_FLAG_LIST(V)                                                       \
  V(BOOL, jitless, false, "interpreter only, no type feedback (no JIT tiers are built yet)") \
  V(BOOL, print_bytecode, false, "print the bytecode of every compiled function")            \
  V(INT, stack_size, 8192, "VM stack size in KB (deeper recursion raises Stack overflow)")   \
  V(BOOL, trace_ic, false, "print inline-cache state transitions (field loads and stores)")

// Shell and test harness (tools/ruchyd, issue #7).
#define RUCHY_SHELL_FLAG_LIST(V) \
  V(BOOL, allow_natives_syntax, false, "accept %Name(args) intrinsics (%DebugPrint, ...)")

#define RUCHY_FLAG_IMPLICATIONS(I)

#endif  // RUCHY_BASE_FLAG_DEFINITIONS_H_
