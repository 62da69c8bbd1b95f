// The one list of ruchyd's flags. Each entry: V(TYPE, name, default, help).
// TYPE is BOOL, INT or STRING; on the command line underscores in a name are written
// as dashes (--max-heap-size). A flag is listed here only once the engine implements it.
//
// Implications: I(premise, conclusion, value) sets `conclusion` to `value` whenever the
// boolean flag `premise` is true; giving the opposite value explicitly is an error.
#ifndef RUCHY_BASE_FLAG_DEFINITIONS_H_
#define RUCHY_BASE_FLAG_DEFINITIONS_H_

#define RUCHY_FLAG_LIST(V)                                                          \
  V(BOOL, help, false, "print this list of flags and exit")                         \
  V(BOOL, version, false, "print the version and exit")                             \
  /* Front end (src/parser). */                                                     \
  V(BOOL, print_ast, false, "print the syntax tree (with scope resolution) and exit")

#define RUCHY_FLAG_IMPLICATIONS(I)

#endif  // RUCHY_BASE_FLAG_DEFINITIONS_H_
