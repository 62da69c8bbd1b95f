// Command-line flags, parsed in d8 style from the list in flag-definitions.h:
// --foo, --no-foo, --foo=value, --foo value. Values live in a FlagValues object that
// its owner (the shell, later the isolate) passes down; there are no global flags.
#ifndef RUCHY_BASE_FLAGS_H_
#define RUCHY_BASE_FLAGS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/flag-definitions.h"

namespace ruchy::base {

enum class FlagType { kBool, kInt, kString };

#define RUCHY_FLAG_CPP_TYPE_BOOL bool
#define RUCHY_FLAG_CPP_TYPE_INT int64_t
#define RUCHY_FLAG_CPP_TYPE_STRING std::string

struct FlagValues {
#define RUCHY_DECLARE_FLAG_FIELD(type, name, def, help) RUCHY_FLAG_CPP_TYPE_##type name = def;
  RUCHY_FLAG_LIST(RUCHY_DECLARE_FLAG_FIELD)
#undef RUCHY_DECLARE_FLAG_FIELD
};

// A description of one flag; the parser works on a table of these, so tests can give
// it a table of their own.
struct FlagDescriptor {
  FlagType type;
  const char* name;  // with underscores, as in the list
  const char* default_text;
  const char* help;
  // Accessors into a FlagValues-like object, type-erased.
  bool* (*bool_slot)(void* values);
  int64_t* (*int_slot)(void* values);
  std::string* (*string_slot)(void* values);
};

struct FlagImplication {
  const char* premise;
  const char* conclusion;
  const char* value_text;  // "true"/"false" or a number or string
};

struct FlagParseResult {
  bool ok = true;
  std::string error;                    // set when !ok: a one-line message
  std::vector<std::string> positional;  // arguments that are not flags, in order
};

// Parses `args` (without the program name). Flags are read until the first positional
// argument or a lone "--"; everything after that is positional (script arguments).
FlagParseResult ParseFlags(std::span<const FlagDescriptor> table,
                           std::span<const FlagImplication> implications,
                           std::span<const std::string> args, void* values);

// The engine's own table, expanded from RUCHY_FLAG_LIST.
std::span<const FlagDescriptor> EngineFlags();
std::span<const FlagImplication> EngineFlagImplications();
FlagParseResult ParseEngineFlags(std::span<const std::string> args, FlagValues* values);

// "--max-heap-size" style spelling of a list name.
std::string FlagSpelling(std::string_view name);

// The --help text: one entry per flag with type, default and help.
std::string FlagHelpText(std::span<const FlagDescriptor> table);

// The closest flag name to `unknown` (edit distance), or "" when nothing is close.
std::string SuggestFlag(std::span<const FlagDescriptor> table, std::string_view unknown);

}  // namespace ruchy::base

#endif  // RUCHY_BASE_FLAGS_H_
