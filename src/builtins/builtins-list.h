// The one declarative list of the built-in library: free functions, methods by receiver
// kind, and constants. Lookup tables, dispatch, arity checks and the docs expand from it.
// Implementations live in builtins-<kind>.cc; each C++ name is declared in builtins-impl.h.
#ifndef RUCHY_BUILTINS_BUILTINS_LIST_H_
#define RUCHY_BUILTINS_BUILTINS_LIST_H_

// Arity bound meaning "any number of arguments".
#define RUCHY_VARARGS (-1)

// V(ruchy name, C++ name, min arity, max arity). Macros carry their "!". A path such as
// "process::exit" also answers to "std::process::exit" (lookup drops a leading "std::").
#define RUCHY_BUILTIN_FUNCTION_LIST(V)                                  \
  /* Printing, formatting, assertions: builtins-print.cc. */            \
  V("println", Println, 0, RUCHY_VARARGS)                               \
  V("println!", PrintlnMacro, 0, RUCHY_VARARGS)                         \
  V("print", Print, 0, RUCHY_VARARGS)                                   \
  V("print!", PrintMacro, 0, RUCHY_VARARGS)                             \
  V("eprintln", Eprintln, 0, RUCHY_VARARGS)                             \
  V("eprintln!", EprintlnMacro, 0, RUCHY_VARARGS)                       \
  V("eprint", Eprint, 0, RUCHY_VARARGS)                                 \
  V("eprint!", EprintMacro, 0, RUCHY_VARARGS)                           \
  V("format", Format, 0, RUCHY_VARARGS)                                 \
  V("format!", FormatMacro, 1, RUCHY_VARARGS)                           \
  V("dbg", Dbg, 0, RUCHY_VARARGS)                                       \
  V("dbg!", Dbg, 0, RUCHY_VARARGS)                                      \
  V("panic", Panic, 0, RUCHY_VARARGS)                                   \
  V("panic!", Panic, 0, RUCHY_VARARGS)                                  \
  V("unreachable!", Unreachable, 0, RUCHY_VARARGS)                      \
  V("unimplemented!", Unimplemented, 0, RUCHY_VARARGS)                  \
  V("todo!", Todo, 0, RUCHY_VARARGS)                                    \
  V("assert", Assert, 1, RUCHY_VARARGS)                                 \
  V("assert!", Assert, 1, RUCHY_VARARGS)                                \
  V("debug_assert!", Assert, 1, RUCHY_VARARGS)                          \
  V("assert_eq", AssertEq, 2, RUCHY_VARARGS)                            \
  V("assert_eq!", AssertEq, 2, RUCHY_VARARGS)                           \
  V("debug_assert_eq!", AssertEq, 2, RUCHY_VARARGS)                     \
  V("assert_ne", AssertNe, 2, RUCHY_VARARGS)                            \
  V("assert_ne!", AssertNe, 2, RUCHY_VARARGS)                           \
  V("debug_assert_ne!", AssertNe, 2, RUCHY_VARARGS)                     \
  /* Values, conversions, constructors, process: builtins-global.cc. */ \
  V("type_of", TypeOf, 1, 1)                                            \
  V("typeof", TypeOf, 1, 1)                                             \
  V("is_nil", IsNilFunction, 1, 1)                                      \
  V("str", Str, 1, 1)                                                   \
  V("to_string", ToStringFunction, 1, 1)                                \
  V("int", IntFunction, 1, 1)                                           \
  V("float", FloatFunction, 1, 1)                                       \
  V("bool", BoolFunction, 1, 1)                                         \
  V("parse_int", ParseIntFunction, 1, 1)                                \
  V("parse_float", ParseFloatFunction, 1, 1)                            \
  V("len", LenFunction, 1, 1)                                           \
  V("range", RangeFunction, 1, 3)                                       \
  V("reverse", ReverseFunction, 1, 1)                                   \
  V("sort", SortFunction, 1, 1)                                         \
  V("push", PushFunction, 2, 2)                                         \
  V("pop", PopFunction, 1, 1)                                           \
  V("zip", ZipFunction, 2, 2)                                           \
  V("enumerate", EnumerateFunction, 1, 1)                               \
  V("Some", SomeFunction, 1, 1)                                         \
  V("Ok", OkFunction, 1, 1)                                             \
  V("Err", ErrFunction, 1, 1)                                           \
  V("Box::new", Identity, 1, 1)                                         \
  V("String::new", StringNew, 0, 0)                                     \
  V("String::with_capacity", StringWithCapacity, 1, 1)                  \
  V("String::from", StringFrom, 1, 1)                                   \
  V("Vec::new", VecNew, 0, 0)                                           \
  V("Vec::with_capacity", VecWithCapacity, 1, 1)                        \
  V("Vec::from", VecFrom, 1, 1)                                         \
  V("HashMap::new", HashMapNew, 0, 0)                                   \
  V("HashMap::with_capacity", HashMapWithCapacity, 1, 1)                \
  V("HashMap::from", HashMapFrom, 1, 1)                                 \
  V("HashSet::new", HashSetNew, 0, 0)                                   \
  V("HashSet::with_capacity", HashSetWithCapacity, 1, 1)                \
  V("HashSet::from", HashSetFrom, 1, 1)                                 \
  V("BTreeMap::new", BTreeMapNew, 0, 0)                                 \
  V("BTreeMap::from", BTreeMapFrom, 1, 1)                               \
  V("BTreeSet::new", BTreeSetNew, 0, 0)                                 \
  V("BTreeSet::from", BTreeSetFrom, 1, 1)                               \
  V("char::from_u32", CharFromU32, 1, 1)                                \
  V("char::from_digit", CharFromDigit, 2, 2)                            \
  V("char::from", CharFrom, 1, 1)                                       \
  V("f64::from", NumericFrom, 1, 1)                                     \
  V("f32::from", NumericFrom, 1, 1)                                     \
  V("i64::from", NumericFrom, 1, 1)                                     \
  V("i32::from", NumericFrom, 1, 1)                                     \
  V("u64::from", NumericFrom, 1, 1)                                     \
  V("u32::from", NumericFrom, 1, 1)                                     \
  V("u8::from", NumericFrom, 1, 1)                                      \
  V("usize::from", NumericFrom, 1, 1)                                   \
  V("i64::from_str_radix", FromStrRadix, 2, 2)                          \
  V("i32::from_str_radix", FromStrRadix, 2, 2)                          \
  V("u64::from_str_radix", FromStrRadix, 2, 2)                          \
  V("u32::from_str_radix", FromStrRadix, 2, 2)                          \
  V("u8::from_str_radix", FromStrRadix, 2, 2)                           \
  V("usize::from_str_radix", FromStrRadix, 2, 2)                        \
  V("process::exit", Exit, 0, 1)                                        \
  V("exit", Exit, 0, 1)                                                 \
  V("env::args", EnvArgs, 0, 0)                                         \
  V("env::var", EnvVar, 1, 1)                                           \
  V("timestamp", Timestamp, 0, 0)                                       \
  V("get_time_ms", Timestamp, 0, 0)                                     \
  V("sleep", Sleep, 1, 1)                                               \
  V("random", Random, 0, 0)                                             \
  /* Math: builtins-number.cc. */                                       \
  V("abs", AbsFunction, 1, 1)                                           \
  V("min", MinFunction, 2, RUCHY_VARARGS)                               \
  V("max", MaxFunction, 2, RUCHY_VARARGS)                               \
  V("cmp::min", MinFunction, 2, 2)                                      \
  V("cmp::max", MaxFunction, 2, 2)                                      \
  V("pow", PowFunction, 2, 2)                                           \
  V("sqrt", SqrtFunction, 1, 1)                                         \
  V("cbrt", CbrtFunction, 1, 1)                                         \
  V("exp", ExpFunction, 1, 1)                                           \
  V("log", LnFunction, 1, 1)                                            \
  V("ln", LnFunction, 1, 1)                                             \
  V("log10", Log10Function, 1, 1)                                       \
  V("log2", Log2Function, 1, 1)                                         \
  V("sin", SinFunction, 1, 1)                                           \
  V("cos", CosFunction, 1, 1)                                           \
  V("tan", TanFunction, 1, 1)                                           \
  V("asin", AsinFunction, 1, 1)                                         \
  V("acos", AcosFunction, 1, 1)                                         \
  V("atan", AtanFunction, 1, 1)                                         \
  V("atan2", Atan2Function, 2, 2)                                       \
  V("floor", FloorFunction, 1, 1)                                       \
  V("ceil", CeilFunction, 1, 1)                                         \
  V("round", RoundFunction, 1, 1)

// Receiver kinds. Lookup tries the receiver's own kind, then the group kinds that cover it
// (Number for integers and floats, Iterable for arrays and ranges), then Any. The kind
// depends only on the receiver's representation: HashSets are Maps (their methods check
// the set flag), map entries are Tuples, and Option/Result/Ordering values are Enums.
#define RUCHY_BUILTIN_RECEIVER_KIND_LIST(V)                                       \
  V(Any, "any value")                                                             \
  V(Array, "array")                                                               \
  V(Iterable, "array or range") /* ranges are materialized into an array first */ \
  V(String, "string")                                                             \
  V(Number, "integer or float")                                                   \
  V(Integer, "integer")                                                           \
  V(Float, "float")                                                               \
  V(Boolean, "boolean")                                                           \
  V(Map, "HashMap, HashSet, BTreeMap or BTreeSet")                                \
  V(Tuple, "tuple or map entry")                                                  \
  V(Range, "range")                                                               \
  V(Enum, "Option, Result or Ordering")

// V(receiver kind, ruchy name, C++ name, min arity, max arity, Mutates | Reads). A Mutates
// method may replace its receiver (copy-on-write, or a new string): the interpreter writes
// *args.receiver back to the place the receiver came from.
#define RUCHY_BUILTIN_METHOD_LIST(V)                                         \
  /* Arrays, mutating in place: builtins-array.cc. */                        \
  V(Array, "push", ArrayPush, 1, 1, Mutates)                                 \
  V(Array, "pop", ArrayPop, 0, 0, Mutates)                                   \
  V(Array, "insert", ArrayInsert, 2, 2, Mutates)                             \
  V(Array, "remove", ArrayRemove, 1, 1, Mutates)                             \
  V(Array, "swap_remove", ArraySwapRemove, 1, 1, Mutates)                    \
  V(Array, "swap", ArraySwap, 2, 2, Mutates)                                 \
  V(Array, "truncate", ArrayTruncate, 1, 1, Mutates)                         \
  V(Array, "clear", ArrayClear, 0, 0, Mutates)                               \
  V(Array, "extend", ArrayExtend, 1, 1, Mutates)                             \
  V(Array, "append", ArrayExtend, 1, 1, Mutates)                             \
  V(Array, "reverse", ArrayReverse, 0, 0, Mutates)                           \
  V(Array, "fill", ArrayFill, 1, 1, Mutates)                                 \
  V(Array, "resize", ArrayResize, 2, 2, Mutates)                             \
  V(Array, "drain", ArrayDrain, 0, 1, Mutates)                               \
  V(Array, "split_off", ArraySplitOff, 1, 1, Mutates)                        \
  V(Array, "rotate_left", ArrayRotateLeft, 1, 1, Mutates)                    \
  V(Array, "rotate_right", ArrayRotateRight, 1, 1, Mutates)                  \
  V(Array, "dedup", ArrayDedup, 0, 0, Mutates)                               \
  V(Array, "next", ArrayNext, 0, 0, Mutates)                                 \
  /* Arrays, sorting and callbacks that mutate: builtins-sort.cc. */         \
  V(Array, "sort", ArraySort, 0, 0, Mutates)                                 \
  V(Array, "sort_unstable", ArraySort, 0, 0, Mutates)                        \
  V(Array, "sort_by", ArraySortBy, 1, 1, Mutates)                            \
  V(Array, "sort_unstable_by", ArraySortBy, 1, 1, Mutates)                   \
  V(Array, "sort_by_key", ArraySortByKey, 1, 1, Mutates)                     \
  V(Array, "sort_unstable_by_key", ArraySortByKey, 1, 1, Mutates)            \
  V(Array, "sort_by_cached_key", ArraySortByKey, 1, 1, Mutates)              \
  V(Array, "dedup_by_key", ArrayDedupByKey, 1, 1, Mutates)                   \
  V(Array, "retain", ArrayRetain, 1, 1, Mutates)                             \
  /* Arrays, reading: builtins-array.cc. */                                  \
  V(Array, "len", ArrayLen, 0, 0, Reads)                                     \
  V(Array, "length", ArrayLen, 0, 0, Reads)                                  \
  V(Array, "is_empty", ArrayIsEmpty, 0, 0, Reads)                            \
  V(Array, "get", ArrayGet, 1, 1, Reads)                                     \
  V(Array, "contains", ArrayContains, 1, 1, Reads)                           \
  V(Array, "join", ArrayJoin, 0, 1, Reads)                                   \
  V(Array, "concat", ArrayConcat, 0, 1, Reads)                               \
  V(Array, "iter", ArrayIdentity, 0, 0, Reads)                               \
  V(Array, "into_iter", ArrayIdentity, 0, 0, Reads)                          \
  V(Array, "iter_mut", ArrayIdentity, 0, 0, Reads)                           \
  V(Array, "to_vec", ArrayIdentity, 0, 0, Reads)                             \
  V(Array, "peekable", ArrayIdentity, 0, 0, Reads)                           \
  V(Array, "peek", IterFirst, 0, 0, Reads)                                   \
  V(Array, "binary_search", ArrayBinarySearch, 1, 1, Reads)                  \
  V(Array, "slice", ArraySlice, 1, 2, Reads)                                 \
  V(Array, "unique", ArrayUnique, 0, 0, Reads)                               \
  V(Array, "union", ArrayUnion, 1, 1, Reads)                                 \
  V(Array, "intersection", ArrayIntersection, 1, 1, Reads)                   \
  V(Array, "difference", ArrayDifference, 1, 1, Reads)                       \
  /* Arrays and ranges, iterator surface: builtins-iterator*.cc. */          \
  V(Iterable, "collect", IterCollect, 0, 0, Reads)                           \
  V(Iterable, "cloned", ArrayIdentity, 0, 0, Reads)                          \
  V(Iterable, "copied", ArrayIdentity, 0, 0, Reads)                          \
  V(Iterable, "first", IterFirst, 0, 0, Reads)                               \
  V(Iterable, "last", IterLast, 0, 0, Reads)                                 \
  V(Iterable, "nth", IterNth, 1, 1, Reads)                                   \
  V(Iterable, "count", IterCount, 0, 0, Reads)                               \
  V(Iterable, "sum", IterSum, 0, 0, Reads)                                   \
  V(Iterable, "product", IterProduct, 0, 0, Reads)                           \
  V(Iterable, "min", IterMin, 0, 0, Reads)                                   \
  V(Iterable, "max", IterMax, 0, 0, Reads)                                   \
  V(Iterable, "rev", IterRev, 0, 0, Reads)                                   \
  V(Iterable, "take", IterTake, 1, 1, Reads)                                 \
  V(Iterable, "skip", IterSkip, 1, 1, Reads)                                 \
  V(Iterable, "step_by", IterStepBy, 1, 1, Reads)                            \
  V(Iterable, "chain", IterChain, 1, 1, Reads)                               \
  V(Iterable, "zip", IterZip, 1, 1, Reads)                                   \
  V(Iterable, "enumerate", IterEnumerate, 0, 0, Reads)                       \
  V(Iterable, "flatten", IterFlatten, 0, 0, Reads)                           \
  V(Iterable, "unzip", IterUnzip, 0, 0, Reads)                               \
  V(Iterable, "windows", IterWindows, 1, 1, Reads)                           \
  V(Iterable, "chunks", IterChunks, 1, 1, Reads)                             \
  V(Iterable, "map", IterMap, 1, 1, Reads)                                   \
  V(Iterable, "filter", IterFilter, 1, 1, Reads)                             \
  V(Iterable, "filter_map", IterFilterMap, 1, 1, Reads)                      \
  V(Iterable, "flat_map", IterFlatMap, 1, 1, Reads)                          \
  V(Iterable, "for_each", IterForEach, 1, 1, Reads)                          \
  V(Iterable, "each", IterForEach, 1, 1, Reads)                              \
  V(Iterable, "fold", IterFold, 2, 2, Reads)                                 \
  V(Iterable, "reduce", IterReduce, 1, 2, Reads)                             \
  V(Iterable, "any", IterAny, 1, 1, Reads)                                   \
  V(Iterable, "all", IterAll, 1, 1, Reads)                                   \
  V(Iterable, "find", IterFind, 1, 1, Reads)                                 \
  V(Iterable, "find_map", IterFindMap, 1, 1, Reads)                          \
  V(Iterable, "position", IterPosition, 1, 1, Reads)                         \
  V(Iterable, "take_while", IterTakeWhile, 1, 1, Reads)                      \
  V(Iterable, "skip_while", IterSkipWhile, 1, 1, Reads)                      \
  V(Iterable, "partition", IterPartition, 1, 1, Reads)                       \
  V(Iterable, "min_by_key", IterMinByKey, 1, 1, Reads)                       \
  V(Iterable, "max_by_key", IterMaxByKey, 1, 1, Reads)                       \
  V(Iterable, "min_by", IterMinBy, 1, 1, Reads)                              \
  V(Iterable, "max_by", IterMaxBy, 1, 1, Reads)                              \
  /* Ranges without materializing: builtins-iterator.cc. */                  \
  V(Range, "len", RangeLen, 0, 0, Reads)                                     \
  V(Range, "contains", RangeContains, 1, 1, Reads)                           \
  V(Range, "is_empty", RangeIsEmpty, 0, 0, Reads)                            \
  V(Range, "count", RangeLen, 0, 0, Reads)                                   \
  V(Range, "sum", RangeSum, 0, 0, Reads)                                     \
  V(Range, "iter", IterCollect, 0, 0, Reads)                                 \
  V(Range, "into_iter", IterCollect, 0, 0, Reads)                            \
  /* Strings, mutating (a new string replaces the receiver). */              \
  V(String, "push_str", StringPushStr, 1, 1, Mutates)                        \
  V(String, "push", StringPushStr, 1, 1, Mutates)                            \
  V(String, "pop", StringPop, 0, 0, Mutates)                                 \
  V(String, "insert", StringInsert, 2, 2, Mutates)                           \
  V(String, "insert_str", StringInsert, 2, 2, Mutates)                       \
  V(String, "remove", StringRemove, 1, 1, Mutates)                           \
  V(String, "truncate", StringTruncate, 1, 1, Mutates)                       \
  V(String, "clear", StringClear, 0, 0, Mutates)                             \
  /* Strings, reading: builtins-string.cc. */                                \
  V(String, "len", StringLen, 0, 0, Reads)                                   \
  V(String, "length", StringLen, 0, 0, Reads)                                \
  V(String, "is_empty", StringIsEmpty, 0, 0, Reads)                          \
  V(String, "chars", StringChars, 0, 0, Reads)                               \
  V(String, "bytes", StringBytes, 0, 0, Reads)                               \
  V(String, "as_bytes", StringBytes, 0, 0, Reads)                            \
  V(String, "char_indices", StringCharIndices, 0, 0, Reads)                  \
  V(String, "lines", StringLines, 0, 0, Reads)                               \
  V(String, "split", StringSplit, 1, 1, Reads)                               \
  V(String, "splitn", StringSplitN, 2, 2, Reads)                             \
  V(String, "split_once", StringSplitOnce, 1, 1, Reads)                      \
  V(String, "split_whitespace", StringSplitWhitespace, 0, 0, Reads)          \
  V(String, "trim", StringTrim, 0, 0, Reads)                                 \
  V(String, "trim_start", StringTrimStart, 0, 0, Reads)                      \
  V(String, "trim_left", StringTrimStart, 0, 0, Reads)                       \
  V(String, "trim_end", StringTrimEnd, 0, 0, Reads)                          \
  V(String, "trim_right", StringTrimEnd, 0, 0, Reads)                        \
  V(String, "trim_matches", StringTrimMatches, 1, 1, Reads)                  \
  V(String, "trim_start_matches", StringTrimStartMatches, 1, 1, Reads)       \
  V(String, "trim_end_matches", StringTrimEndMatches, 1, 1, Reads)           \
  V(String, "strip_prefix", StringStripPrefix, 1, 1, Reads)                  \
  V(String, "strip_suffix", StringStripSuffix, 1, 1, Reads)                  \
  V(String, "to_uppercase", StringToUppercase, 0, 0, Reads)                  \
  V(String, "to_upper", StringToUppercase, 0, 0, Reads)                      \
  V(String, "upper", StringToUppercase, 0, 0, Reads)                         \
  V(String, "to_ascii_uppercase", StringToAsciiUppercase, 0, 0, Reads)       \
  V(String, "to_lowercase", StringToLowercase, 0, 0, Reads)                  \
  V(String, "to_lower", StringToLowercase, 0, 0, Reads)                      \
  V(String, "lower", StringToLowercase, 0, 0, Reads)                         \
  V(String, "to_ascii_lowercase", StringToAsciiLowercase, 0, 0, Reads)       \
  V(String, "contains", StringContains, 1, 1, Reads)                         \
  V(String, "starts_with", StringStartsWith, 1, 1, Reads)                    \
  V(String, "ends_with", StringEndsWith, 1, 1, Reads)                        \
  V(String, "find", StringFind, 1, 1, Reads)                                 \
  V(String, "rfind", StringRfind, 1, 1, Reads)                               \
  V(String, "matches", StringMatches, 1, 1, Reads)                           \
  V(String, "replace", StringReplace, 2, 2, Reads)                           \
  V(String, "replacen", StringReplaceN, 3, 3, Reads)                         \
  V(String, "repeat", StringRepeat, 1, 1, Reads)                             \
  V(String, "char_at", StringCharAt, 1, 1, Reads)                            \
  V(String, "substring", StringSubstring, 1, 2, Reads)                       \
  V(String, "slice", StringSubstring, 1, 2, Reads)                           \
  V(String, "append", StringAppend, 1, 1, Reads)                             \
  V(String, "format", StringFormat, 0, RUCHY_VARARGS, Reads)                 \
  V(String, "eq_ignore_ascii_case", StringEqIgnoreAsciiCase, 1, 1, Reads)    \
  V(String, "parse", StringParse, 0, 0, Reads)                               \
  V(String, "to_int", StringToInt, 0, 0, Reads)                              \
  V(String, "to_integer", StringToInt, 0, 0, Reads)                          \
  V(String, "to_float", StringToFloat, 0, 0, Reads)                          \
  /* Strings as characters (a char is a one-character string). */            \
  V(String, "is_numeric", StringIsNumeric, 0, 0, Reads)                      \
  V(String, "is_alphabetic", StringIsAlphabetic, 0, 0, Reads)                \
  V(String, "is_alphanumeric", StringIsAlphanumeric, 0, 0, Reads)            \
  V(String, "is_whitespace", StringIsWhitespace, 0, 0, Reads)                \
  V(String, "is_uppercase", StringIsUppercase, 0, 0, Reads)                  \
  V(String, "is_lowercase", StringIsLowercase, 0, 0, Reads)                  \
  V(String, "is_digit", StringIsDigit, 0, 1, Reads)                          \
  V(String, "is_ascii", StringIsAscii, 0, 0, Reads)                          \
  V(String, "is_ascii_digit", StringIsAsciiDigit, 0, 0, Reads)               \
  V(String, "is_ascii_alphabetic", StringIsAsciiAlphabetic, 0, 0, Reads)     \
  V(String, "is_ascii_alphanumeric", StringIsAsciiAlphanumeric, 0, 0, Reads) \
  V(String, "is_ascii_uppercase", StringIsAsciiUppercase, 0, 0, Reads)       \
  V(String, "is_ascii_lowercase", StringIsAsciiLowercase, 0, 0, Reads)       \
  V(String, "is_ascii_punctuation", StringIsAsciiPunctuation, 0, 0, Reads)   \
  V(String, "is_ascii_whitespace", StringIsWhitespace, 0, 0, Reads)          \
  V(String, "to_digit", StringToDigit, 0, 1, Reads)                          \
  /* Integers and floats: builtins-number.cc. */                             \
  V(Number, "abs", NumberAbs, 0, 0, Reads)                                   \
  V(Number, "pow", NumberPow, 1, 1, Reads)                                   \
  V(Number, "powi", NumberPowf, 1, 1, Reads)                                 \
  V(Number, "powf", NumberPowf, 1, 1, Reads)                                 \
  V(Number, "sqrt", NumberSqrt, 0, 0, Reads)                                 \
  V(Number, "cbrt", NumberCbrt, 0, 0, Reads)                                 \
  V(Number, "exp", NumberExp, 0, 0, Reads)                                   \
  V(Number, "ln", NumberLn, 0, 0, Reads)                                     \
  V(Number, "log", NumberLog, 1, 1, Reads)                                   \
  V(Number, "log10", NumberLog10, 0, 0, Reads)                               \
  V(Number, "log2", NumberLog2, 0, 0, Reads)                                 \
  V(Number, "sin", NumberSin, 0, 0, Reads)                                   \
  V(Number, "cos", NumberCos, 0, 0, Reads)                                   \
  V(Number, "tan", NumberTan, 0, 0, Reads)                                   \
  V(Number, "asin", NumberAsin, 0, 0, Reads)                                 \
  V(Number, "acos", NumberAcos, 0, 0, Reads)                                 \
  V(Number, "atan", NumberAtan, 0, 0, Reads)                                 \
  V(Number, "atan2", NumberAtan2, 1, 1, Reads)                               \
  V(Number, "sinh", NumberSinh, 0, 0, Reads)                                 \
  V(Number, "cosh", NumberCosh, 0, 0, Reads)                                 \
  V(Number, "tanh", NumberTanh, 0, 0, Reads)                                 \
  V(Number, "hypot", NumberHypot, 1, 1, Reads)                               \
  V(Number, "to_degrees", NumberToDegrees, 0, 0, Reads)                      \
  V(Number, "to_radians", NumberToRadians, 0, 0, Reads)                      \
  V(Number, "floor", NumberFloor, 0, 0, Reads)                               \
  V(Number, "ceil", NumberCeil, 0, 0, Reads)                                 \
  V(Number, "round", NumberRound, 0, 0, Reads)                               \
  V(Number, "trunc", NumberTrunc, 0, 0, Reads)                               \
  V(Number, "fract", NumberFract, 0, 0, Reads)                               \
  V(Number, "signum", NumberSignum, 0, 0, Reads)                             \
  V(Number, "min", NumberMin, 1, 1, Reads)                                   \
  V(Number, "max", NumberMax, 1, 1, Reads)                                   \
  V(Number, "clamp", NumberClamp, 2, 2, Reads)                               \
  V(Number, "rem_euclid", NumberRemEuclid, 1, 1, Reads)                      \
  V(Number, "div_euclid", NumberDivEuclid, 1, 1, Reads)                      \
  V(Number, "is_nan", NumberIsNan, 0, 0, Reads)                              \
  V(Number, "is_infinite", NumberIsInfinite, 0, 0, Reads)                    \
  V(Number, "is_finite", NumberIsFinite, 0, 0, Reads)                        \
  V(Number, "is_sign_negative", NumberIsSignNegative, 0, 0, Reads)           \
  V(Number, "is_sign_positive", NumberIsSignPositive, 0, 0, Reads)           \
  V(Number, "is_positive", NumberIsPositive, 0, 0, Reads)                    \
  V(Number, "is_negative", NumberIsNegative, 0, 0, Reads)                    \
  V(Number, "to_int", NumberToInt, 0, 0, Reads)                              \
  V(Number, "to_integer", NumberToInt, 0, 0, Reads)                          \
  V(Number, "to_float", NumberToFloat, 0, 0, Reads)                          \
  V(Integer, "checked_add", IntegerCheckedAdd, 1, 1, Reads)                  \
  V(Integer, "checked_sub", IntegerCheckedSub, 1, 1, Reads)                  \
  V(Integer, "checked_mul", IntegerCheckedMul, 1, 1, Reads)                  \
  V(Integer, "checked_div", IntegerCheckedDiv, 1, 1, Reads)                  \
  V(Integer, "checked_rem", IntegerCheckedRem, 1, 1, Reads)                  \
  V(Integer, "saturating_add", IntegerSaturatingAdd, 1, 1, Reads)            \
  V(Integer, "saturating_sub", IntegerSaturatingSub, 1, 1, Reads)            \
  V(Integer, "saturating_mul", IntegerSaturatingMul, 1, 1, Reads)            \
  V(Integer, "wrapping_add", IntegerWrappingAdd, 1, 1, Reads)                \
  V(Integer, "wrapping_sub", IntegerWrappingSub, 1, 1, Reads)                \
  V(Integer, "wrapping_mul", IntegerWrappingMul, 1, 1, Reads)                \
  V(Integer, "count_ones", IntegerCountOnes, 0, 0, Reads)                    \
  V(Integer, "is_power_of_two", IntegerIsPowerOfTwo, 0, 0, Reads)            \
  V(Boolean, "then", BooleanThen, 1, 1, Reads)                               \
  V(Boolean, "then_some", BooleanThenSome, 1, 1, Reads)                      \
  /* HashMap and HashSet: builtins-map.cc. */                                \
  V(Map, "insert", MapInsert, 1, 2, Mutates)                                 \
  V(Map, "remove", MapRemove, 1, 1, Mutates)                                 \
  V(Map, "clear", MapClear, 0, 0, Mutates)                                   \
  V(Map, "extend", MapExtend, 1, 1, Mutates)                                 \
  V(Map, "retain", MapRetain, 1, 1, Mutates)                                 \
  V(Map, "entry", MapEntry, 1, 1, Mutates)                                   \
  V(Map, "get", MapGet, 1, 1, Reads)                                         \
  V(Map, "get_mut", MapGet, 1, 1, Reads)                                     \
  V(Map, "contains_key", MapContainsKey, 1, 1, Reads)                        \
  V(Map, "contains", MapContainsKey, 1, 1, Reads)                            \
  V(Map, "len", MapLen, 0, 0, Reads)                                         \
  V(Map, "is_empty", MapIsEmpty, 0, 0, Reads)                                \
  V(Map, "keys", MapKeys, 0, 0, Reads)                                       \
  V(Map, "into_keys", MapKeys, 0, 0, Reads)                                  \
  V(Map, "values", MapValues, 0, 0, Reads)                                   \
  V(Map, "values_mut", MapValues, 0, 0, Reads)                               \
  V(Map, "into_values", MapValues, 0, 0, Reads)                              \
  V(Map, "iter", MapIter, 0, 0, Reads)                                       \
  V(Map, "iter_mut", MapIter, 0, 0, Reads)                                   \
  V(Map, "into_iter", MapIter, 0, 0, Reads)                                  \
  V(Map, "union", SetUnion, 1, 1, Reads)                                     \
  V(Map, "intersection", SetIntersection, 1, 1, Reads)                       \
  V(Map, "difference", SetDifference, 1, 1, Reads)                           \
  V(Map, "is_subset", SetIsSubset, 1, 1, Reads)                              \
  V(Map, "is_superset", SetIsSuperset, 1, 1, Reads)                          \
  V(Map, "first_key_value", MapFirstKeyValue, 0, 0, Reads)                   \
  V(Map, "last_key_value", MapLastKeyValue, 0, 0, Reads)                     \
  /* Map entries (the tuple `entry` returns): builtins-map.cc. */            \
  V(Tuple, "or_insert", EntryOrInsert, 1, 1, Reads)                          \
  V(Tuple, "or_insert_with", EntryOrInsertWith, 1, 1, Reads)                 \
  V(Tuple, "or_default", EntryOrDefault, 0, 0, Reads)                        \
  V(Tuple, "and_modify", EntryAndModify, 1, 1, Reads)                        \
  V(Tuple, "key", EntryKey, 0, 0, Reads)                                     \
  V(Tuple, "len", TupleLen, 0, 0, Reads)                                     \
  /* Option, Result, Ordering: builtins-option.cc. */                        \
  V(Enum, "unwrap", EnumUnwrap, 0, 0, Reads)                                 \
  V(Enum, "expect", EnumExpect, 1, 1, Reads)                                 \
  V(Enum, "unwrap_err", EnumUnwrapErr, 0, 0, Reads)                          \
  V(Enum, "expect_err", EnumExpectErr, 1, 1, Reads)                          \
  V(Enum, "unwrap_or", EnumUnwrapOr, 1, 1, Reads)                            \
  V(Enum, "unwrap_or_else", EnumUnwrapOrElse, 1, 1, Reads)                   \
  V(Enum, "unwrap_or_default", EnumUnwrapOrDefault, 0, 0, Reads)             \
  V(Enum, "is_some", EnumIsSome, 0, 0, Reads)                                \
  V(Enum, "is_none", EnumIsNone, 0, 0, Reads)                                \
  V(Enum, "is_ok", EnumIsOk, 0, 0, Reads)                                    \
  V(Enum, "is_err", EnumIsErr, 0, 0, Reads)                                  \
  V(Enum, "is_some_and", EnumIsSomeAnd, 1, 1, Reads)                         \
  V(Enum, "is_ok_and", EnumIsSomeAnd, 1, 1, Reads)                           \
  V(Enum, "map", EnumMap, 1, 1, Reads)                                       \
  V(Enum, "map_err", EnumMapErr, 1, 1, Reads)                                \
  V(Enum, "map_or", EnumMapOr, 2, 2, Reads)                                  \
  V(Enum, "map_or_else", EnumMapOrElse, 2, 2, Reads)                         \
  V(Enum, "and_then", EnumAndThen, 1, 1, Reads)                              \
  V(Enum, "and", EnumAnd, 1, 1, Reads)                                       \
  V(Enum, "or", EnumOr, 1, 1, Reads)                                         \
  V(Enum, "or_else", EnumOrElse, 1, 1, Reads)                                \
  V(Enum, "ok", EnumOk, 0, 0, Reads)                                         \
  V(Enum, "err", EnumErr, 0, 0, Reads)                                       \
  V(Enum, "ok_or", EnumOkOr, 1, 1, Reads)                                    \
  V(Enum, "ok_or_else", EnumOkOrElse, 1, 1, Reads)                           \
  V(Enum, "filter", EnumFilter, 1, 1, Reads)                                 \
  V(Enum, "iter", EnumIter, 0, 0, Reads)                                     \
  V(Enum, "into_iter", EnumIter, 0, 0, Reads)                                \
  V(Enum, "flatten", EnumFlatten, 0, 0, Reads)                               \
  V(Enum, "cloned", EnumIdentity, 0, 0, Reads)                               \
  V(Enum, "copied", EnumIdentity, 0, 0, Reads)                               \
  V(Enum, "as_deref", EnumIdentity, 0, 0, Reads)                             \
  V(Enum, "take", EnumTake, 0, 0, Mutates)                                   \
  V(Enum, "reverse", OrderingReverse, 0, 0, Reads)                           \
  V(Enum, "then", OrderingThen, 1, 1, Reads)                                 \
  V(Enum, "then_with", OrderingThenWith, 1, 1, Reads)                        \
  V(Enum, "is_lt", OrderingIsLt, 0, 0, Reads)                                \
  V(Enum, "is_le", OrderingIsLe, 0, 0, Reads)                                \
  V(Enum, "is_gt", OrderingIsGt, 0, 0, Reads)                                \
  V(Enum, "is_ge", OrderingIsGe, 0, 0, Reads)                                \
  V(Enum, "is_eq", OrderingIsEq, 0, 0, Reads)                                \
  V(Enum, "is_ne", OrderingIsNe, 0, 0, Reads)                                \
  /* Every value: builtins-global.cc. */                                     \
  V(Any, "to_string", AnyToString, 0, 0, Reads)                              \
  V(Any, "clone", AnyIdentity, 0, 0, Reads)                                  \
  V(Any, "to_owned", AnyIdentity, 0, 0, Reads)                               \
  V(Any, "into", AnyIdentity, 0, 0, Reads)                                   \
  V(Any, "as_ref", AnyIdentity, 0, 0, Reads)                                 \
  V(Any, "as_mut", AnyIdentity, 0, 0, Reads)                                 \
  V(Any, "as_str", AnyIdentity, 0, 0, Reads)                                 \
  V(Any, "as_slice", AnyIdentity, 0, 0, Reads)                               \
  V(Any, "borrow", AnyIdentity, 0, 0, Reads)                                 \
  V(Any, "borrow_mut", AnyIdentity, 0, 0, Reads)                             \
  V(Any, "cmp", AnyCmp, 1, 1, Reads)                                         \
  V(Any, "partial_cmp", AnyPartialCmp, 1, 1, Reads)                          \
  V(Any, "eq", AnyEq, 1, 1, Reads)                                           \
  V(Any, "ne", AnyNe, 1, 1, Reads)                                           \
  V(Any, "lt", AnyLt, 1, 1, Reads)                                           \
  V(Any, "le", AnyLe, 1, 1, Reads)                                           \
  V(Any, "gt", AnyGt, 1, 1, Reads)                                           \
  V(Any, "ge", AnyGe, 1, 1, Reads)                                           \
  V(Any, "max", AnyMax, 1, 1, Reads)                                         \
  V(Any, "min", AnyMin, 1, 1, Reads)

// V(full path without "std::", Integer | Float, value). Lookup also accepts the path with a
// leading "std::" or "core::". Unsigned maxima that do not fit 64-bit signed integers are
// clamped to i64::MAX (integers are i64).
#define RUCHY_BUILTIN_CONSTANT_LIST(V)                            \
  V("i64::MAX", Integer, INT64_MAX)                               \
  V("i64::MIN", Integer, INT64_MIN)                               \
  V("isize::MAX", Integer, INT64_MAX)                             \
  V("isize::MIN", Integer, INT64_MIN)                             \
  V("i128::MAX", Integer, INT64_MAX)                              \
  V("i128::MIN", Integer, INT64_MIN)                              \
  V("i32::MAX", Integer, INT32_MAX)                               \
  V("i32::MIN", Integer, INT32_MIN)                               \
  V("i16::MAX", Integer, INT16_MAX)                               \
  V("i16::MIN", Integer, INT16_MIN)                               \
  V("i8::MAX", Integer, INT8_MAX)                                 \
  V("i8::MIN", Integer, INT8_MIN)                                 \
  V("u64::MAX", Integer, INT64_MAX)                               \
  V("usize::MAX", Integer, INT64_MAX)                             \
  V("u128::MAX", Integer, INT64_MAX)                              \
  V("u32::MAX", Integer, UINT32_MAX)                              \
  V("u16::MAX", Integer, UINT16_MAX)                              \
  V("u8::MAX", Integer, UINT8_MAX)                                \
  V("u64::MIN", Integer, 0)                                       \
  V("usize::MIN", Integer, 0)                                     \
  V("u32::MIN", Integer, 0)                                       \
  V("u16::MIN", Integer, 0)                                       \
  V("u8::MIN", Integer, 0)                                        \
  V("f64::INFINITY", Float, HUGE_VAL)                             \
  V("f64::NEG_INFINITY", Float, -HUGE_VAL)                        \
  V("f64::NAN", Float, NAN)                                       \
  V("f64::EPSILON", Float, DBL_EPSILON)                           \
  V("f64::MAX", Float, DBL_MAX)                                   \
  V("f64::MIN", Float, -DBL_MAX)                                  \
  V("f64::MIN_POSITIVE", Float, DBL_MIN)                          \
  V("f32::INFINITY", Float, HUGE_VAL)                             \
  V("f32::NEG_INFINITY", Float, -HUGE_VAL)                        \
  V("f32::NAN", Float, NAN)                                       \
  V("f32::EPSILON", Float, static_cast<double>(FLT_EPSILON))      \
  V("f32::MAX", Float, static_cast<double>(FLT_MAX))              \
  V("f32::MIN", Float, -static_cast<double>(FLT_MAX))             \
  V("f64::consts::PI", Float, 3.14159265358979323846)             \
  V("f64::consts::TAU", Float, 6.28318530717958647692)            \
  V("f64::consts::E", Float, 2.71828182845904523536)              \
  V("f64::consts::SQRT_2", Float, 1.41421356237309504880)         \
  V("f64::consts::LN_2", Float, 0.693147180559945309417)          \
  V("f64::consts::LN_10", Float, 2.30258509299404568402)          \
  V("f64::consts::FRAC_PI_2", Float, 1.57079632679489661923)      \
  V("f64::consts::FRAC_PI_4", Float, 0.785398163397448309616)     \
  V("f64::consts::FRAC_1_SQRT_2", Float, 0.707106781186547524401) \
  V("f32::consts::PI", Float, 3.14159265358979323846)             \
  V("f32::consts::E", Float, 2.71828182845904523536)

#endif  // RUCHY_BUILTINS_BUILTINS_LIST_H_
