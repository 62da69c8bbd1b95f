// The d8-style flag parser and the engine's flag table expanded from the X-macro.
#include "src/base/flags.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "src/base/logging.h"

namespace ruchy::base {

namespace {

std::string Normalize(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

const FlagDescriptor* Find(std::span<const FlagDescriptor> table, std::string_view name) {
  for (const FlagDescriptor& flag : table) {
    if (name == flag.name) return &flag;
  }
  return nullptr;
}

bool ParseBool(std::string_view text, bool* out) {
  if (text == "true" || text == "1") {
    *out = true;
    return true;
  }
  if (text == "false" || text == "0") {
    *out = false;
    return true;
  }
  return false;
}

bool ParseInt(std::string_view text, int64_t* out) {
  if (text.empty()) return false;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (*begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, *out);
  return ec == std::errc() && ptr == end;
}

// Sets `flag` from `text`; returns an error message or "".
std::string SetValue(const FlagDescriptor& flag, std::string_view text, void* values) {
  switch (flag.type) {
    case FlagType::kBool:
      if (!ParseBool(text, flag.bool_slot(values))) {
        return "flag " + FlagSpelling(flag.name) + " expects true or false, got '" +
               std::string(text) + "'";
      }
      return "";
    case FlagType::kInt:
      if (!ParseInt(text, flag.int_slot(values))) {
        return "flag " + FlagSpelling(flag.name) + " expects an integer, got '" +
               std::string(text) + "'";
      }
      return "";
    case FlagType::kString:
      *flag.string_slot(values) = std::string(text);
      return "";
  }
  UNREACHABLE();
}

std::string ValueText(const FlagDescriptor& flag, void* values) {
  switch (flag.type) {
    case FlagType::kBool:
      return *flag.bool_slot(values) ? "true" : "false";
    case FlagType::kInt:
      return std::to_string(*flag.int_slot(values));
    case FlagType::kString:
      return *flag.string_slot(values);
  }
  UNREACHABLE();
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ApplyImplications(std::span<const FlagDescriptor> table,
                              std::span<const FlagImplication> implications,
                              const std::set<std::string>& explicitly_set, void* values) {
  // Iterate to a fixed point so that chains (a => b, b => c) work.
  for (size_t round = 0; round <= implications.size(); ++round) {
    bool changed = false;
    for (const FlagImplication& implication : implications) {
      const FlagDescriptor* premise = Find(table, implication.premise);
      const FlagDescriptor* conclusion = Find(table, implication.conclusion);
      CHECK(premise != nullptr && premise->type == FlagType::kBool);
      CHECK(conclusion != nullptr);
      if (!*premise->bool_slot(values)) continue;
      std::string current = ValueText(*conclusion, values);
      if (current == implication.value_text) continue;
      if (explicitly_set.count(conclusion->name)) {
        std::string implied = conclusion->type == FlagType::kBool
                                  ? (std::string_view(implication.value_text) == "true"
                                         ? FlagSpelling(conclusion->name)
                                         : "--no-" + FlagSpelling(conclusion->name).substr(2))
                                  : FlagSpelling(conclusion->name) + "=" + implication.value_text;
        return "contradictory flags: " + FlagSpelling(premise->name) + " implies " + implied +
               ", but " + FlagSpelling(conclusion->name) + "=" + current + " was given";
      }
      std::string error = SetValue(*conclusion, implication.value_text, values);
      CHECK(error.empty());
      changed = true;
    }
    if (!changed) return "";
  }
  return "cyclic flag implications";
}

}  // namespace

std::string FlagSpelling(std::string_view name) {
  std::string out = "--";
  for (char c : name) out += c == '_' ? '-' : c;
  return out;
}

FlagParseResult ParseFlags(std::span<const FlagDescriptor> table,
                           std::span<const FlagImplication> implications,
                           std::span<const std::string> args, void* values) {
  FlagParseResult result;
  std::set<std::string> explicitly_set;
  auto fail = [&](std::string message) {
    result.ok = false;
    result.error = std::move(message);
    return result;
  };
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.size() < 3 || arg[0] != '-' || arg[1] != '-') break;
    std::string_view body = std::string_view(arg).substr(2);
    std::string_view value;
    bool has_value = false;
    if (size_t eq = body.find('='); eq != std::string_view::npos) {
      value = body.substr(eq + 1);
      body = body.substr(0, eq);
      has_value = true;
    }
    std::string name = Normalize(body);
    const FlagDescriptor* flag = Find(table, name);
    bool negated = false;
    if (flag == nullptr && name.rfind("no_", 0) == 0) {
      const FlagDescriptor* positive = Find(table, name.substr(3));
      if (positive != nullptr && positive->type == FlagType::kBool) {
        flag = positive;
        negated = true;
      }
    }
    if (flag == nullptr) {
      std::string message = "unknown flag --" + std::string(body);
      std::string suggestion = SuggestFlag(table, name);
      if (!suggestion.empty()) message += "; did you mean " + suggestion + "?";
      return fail(message);
    }
    explicitly_set.insert(flag->name);
    if (negated) {
      if (has_value) {
        return fail("flag --" + std::string(body) + " does not take a value");
      }
      *flag->bool_slot(values) = false;
      continue;
    }
    if (!has_value) {
      if (flag->type == FlagType::kBool) {
        *flag->bool_slot(values) = true;
        continue;
      }
      if (i + 1 >= args.size()) {
        return fail("flag " + FlagSpelling(flag->name) + " expects a value");
      }
      value = args[++i];
    }
    std::string error = SetValue(*flag, value, values);
    if (!error.empty()) return fail(error);
  }
  for (; i < args.size(); ++i) result.positional.push_back(args[i]);
  std::string error = ApplyImplications(table, implications, explicitly_set, values);
  if (!error.empty()) return fail(error);
  return result;
}

std::string SuggestFlag(std::span<const FlagDescriptor> table, std::string_view unknown) {
  std::string wanted = Normalize(unknown);
  std::string best;
  size_t best_distance = std::max<size_t>(2, wanted.size() / 3) + 1;
  for (const FlagDescriptor& flag : table) {
    size_t distance = EditDistance(wanted, flag.name);
    if (flag.type == FlagType::kBool && wanted.rfind("no_", 0) == 0) {
      distance = std::min(distance, EditDistance(wanted.substr(3), flag.name));
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = FlagSpelling(flag.name);
    }
  }
  return best;
}

std::string FlagHelpText(std::span<const FlagDescriptor> table) {
  std::string out;
  for (const FlagDescriptor& flag : table) {
    const char* type_name = flag.type == FlagType::kBool  ? "bool"
                            : flag.type == FlagType::kInt ? "int"
                                                          : "string";
    out += "  " + FlagSpelling(flag.name) + " (" + flag.help + ")\n" +
           "        type: " + type_name + "  default: " + flag.default_text + "\n";
  }
  return out;
}

namespace {

template <typename T>
T* NoSlot(void*) {
  return nullptr;
}

#define RUCHY_FLAG_TYPE_ENUM_BOOL FlagType::kBool
#define RUCHY_FLAG_TYPE_ENUM_INT FlagType::kInt
#define RUCHY_FLAG_TYPE_ENUM_STRING FlagType::kString

// Per-type slot accessors: only the accessor matching the flag's type is non-null.
#define RUCHY_SLOT_BOOL(name) \
  [](void* v) { return &static_cast<FlagValues*>(v)->name; }, NoSlot<int64_t>, NoSlot<std::string>
#define RUCHY_SLOT_INT(name) \
  NoSlot<bool>, [](void* v) { return &static_cast<FlagValues*>(v)->name; }, NoSlot<std::string>
#define RUCHY_SLOT_STRING(name) \
  NoSlot<bool>, NoSlot<int64_t>, [](void* v) { return &static_cast<FlagValues*>(v)->name; }

#define RUCHY_FLAG_DESCRIPTOR(type, name, def, help) \
  FlagDescriptor{RUCHY_FLAG_TYPE_ENUM_##type, #name, #def, help, RUCHY_SLOT_##type(name)},

const FlagDescriptor kEngineFlags[] = {RUCHY_FLAG_LIST(RUCHY_FLAG_DESCRIPTOR)};

#define RUCHY_FLAG_IMPLICATION_ENTRY(premise, conclusion, value) \
  FlagImplication{#premise, #conclusion, #value},

// A sentinel keeps the array non-empty while the list is empty; it is sliced off below.
const FlagImplication kEngineImplications[] = {RUCHY_FLAG_IMPLICATIONS(RUCHY_FLAG_IMPLICATION_ENTRY)
                                                   FlagImplication{nullptr, nullptr, nullptr}};

}  // namespace

std::span<const FlagDescriptor> EngineFlags() { return kEngineFlags; }

std::span<const FlagImplication> EngineFlagImplications() {
  return std::span<const FlagImplication>(kEngineImplications, std::size(kEngineImplications) - 1);
}

FlagParseResult ParseEngineFlags(std::span<const std::string> args, FlagValues* values) {
  return ParseFlags(EngineFlags(), EngineFlagImplications(), args, values);
}

}  // namespace ruchy::base
