// The tables expanded from builtins-list.h: name lookup, arity checks and dispatch for
// free functions and methods, and the constants.
#include "src/builtins/builtins.h"

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/builtins/builtins-impl.h"
#include "src/builtins/builtins-list.h"
#include "src/builtins/builtins-utils.h"

namespace ruchy::internal {

namespace {

constexpr bool Mutates = true;
constexpr bool Reads = false;

struct FunctionEntry {
  const char* name;
  BuiltinFunction function;
  int min_arity;
  int max_arity;
};

constexpr FunctionEntry kFunctions[] = {
#define RUCHY_FUNCTION_ENTRY(name, CppName, min, max) {name, builtins::CppName, min, max},
    RUCHY_BUILTIN_FUNCTION_LIST(RUCHY_FUNCTION_ENTRY)
#undef RUCHY_FUNCTION_ENTRY
};
constexpr int kFunctionCount = static_cast<int>(sizeof(kFunctions) / sizeof(kFunctions[0]));

enum class ReceiverKind : uint8_t {
#define RUCHY_KIND_ENUM(Kind, description) k##Kind,
  RUCHY_BUILTIN_RECEIVER_KIND_LIST(RUCHY_KIND_ENUM)
#undef RUCHY_KIND_ENUM
};

constexpr const char* kKindDescriptions[] = {
#define RUCHY_KIND_DESCRIPTION(Kind, description) description,
    RUCHY_BUILTIN_RECEIVER_KIND_LIST(RUCHY_KIND_DESCRIPTION)
#undef RUCHY_KIND_DESCRIPTION
};

struct MethodEntry {
  ReceiverKind kind;
  const char* name;
  BuiltinFunction function;
  const char* implementation;  // the C++ name: one per implementation, shared by aliases
  int min_arity;
  int max_arity;
  bool mutates;
};

constexpr MethodEntry kMethods[] = {
#define RUCHY_METHOD_ENTRY(kind, name, CppName, min, max, mutates) \
  {ReceiverKind::k##kind, name, builtins::CppName, #CppName, min, max, mutates},
    RUCHY_BUILTIN_METHOD_LIST(RUCHY_METHOD_ENTRY)
#undef RUCHY_METHOD_ENTRY
};
constexpr int kMethodCount = static_cast<int>(sizeof(kMethods) / sizeof(kMethods[0]));
static_assert(kFunctionCount < UINT16_MAX && kMethodCount < UINT16_MAX);

enum class ConstantType { Integer, Float };
struct ConstantEntry {
  const char* name;
  ConstantType type;
  int64_t integer;
  double number;
};

constexpr ConstantEntry MakeInteger(const char* name, int64_t value) {
  return {name, ConstantType::Integer, value, 0};
}
constexpr ConstantEntry MakeFloat(const char* name, double value) {
  return {name, ConstantType::Float, 0, value};
}

const ConstantEntry kConstants[] = {
#define RUCHY_CONSTANT_ENTRY(name, type, value) Make##type(name, value),
    RUCHY_BUILTIN_CONSTANT_LIST(RUCHY_CONSTANT_ENTRY)
#undef RUCHY_CONSTANT_ENTRY
};

// Paths are listed without "std::" (and Rust's "core::" names the same items).
std::string_view CanonicalPath(std::string_view name) {
  for (std::string_view prefix : {"std::", "core::"}) {
    if (name.substr(0, prefix.size()) == prefix) return name.substr(prefix.size());
  }
  return name;
}

// Keys are the list's string literals, so lookups by string_view never allocate (the
// interpreter looks methods up on every call until its call sites cache them).
struct Tables {
  std::unordered_map<std::string_view, BuiltinId> functions;
  // One hash probe per lookup: a method name maps to its entries for every receiver kind
  // (at most a handful), scanned in the receiver's kind order.
  std::unordered_map<std::string_view, std::vector<BuiltinMethodId>> methods;
  std::unordered_map<std::string_view, int> constants;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (int i = 0; i < kFunctionCount; ++i) {
      t->functions.emplace(kFunctions[i].name, static_cast<BuiltinId>(i));
    }
    for (int i = 0; i < kMethodCount; ++i) {
      t->methods[kMethods[i].name].push_back(static_cast<BuiltinMethodId>(i));
    }
    for (int i = 0; i < static_cast<int>(sizeof(kConstants) / sizeof(kConstants[0])); ++i) {
      t->constants.emplace(kConstants[i].name, i);
    }
    return t;
  }();
  return *tables;
}

// The kinds to try for a receiver, most specific first; kAny always ends the list.
int ReceiverKinds(Isolate* isolate, Value receiver, ReceiverKind kinds[3]) {
  int n = 0;
  if (receiver.IsInteger()) {
    kinds[n++] = ReceiverKind::kInteger;
    kinds[n++] = ReceiverKind::kNumber;
  } else if (receiver.IsHeapNumber()) {
    kinds[n++] = ReceiverKind::kFloat;
    kinds[n++] = ReceiverKind::kNumber;
  } else if (receiver.IsString()) {
    kinds[n++] = ReceiverKind::kString;
  } else if (receiver.IsArray()) {
    kinds[n++] = ReceiverKind::kArray;
    kinds[n++] = ReceiverKind::kIterable;
  } else if (receiver.IsRange()) {
    kinds[n++] = ReceiverKind::kRange;
    kinds[n++] = ReceiverKind::kIterable;
  } else if (receiver.IsBoolean()) {
    kinds[n++] = ReceiverKind::kBoolean;
  } else if (receiver.IsHashMap()) {
    kinds[n++] = ReceiverKind::kMap;
  } else if (receiver.IsTuple()) {
    kinds[n++] = ReceiverKind::kTuple;
  } else if (receiver.IsEnumValue()) {
    EnumDescriptor descriptor = EnumValue::cast(receiver).descriptor();
    if (descriptor == isolate->option_enum() || descriptor == isolate->result_enum() ||
        descriptor == isolate->ordering_enum()) {
      kinds[n++] = ReceiverKind::kEnum;
    }
  }
  kinds[n++] = ReceiverKind::kAny;
  return n;
}

// The reference's text for built-ins (ref §12): "sqrt() expects exactly 1 argument, got 2".
MaybeHandle<Value> ArityError(Isolate* isolate, std::string_view name, int min, int max, int got) {
  auto arguments = [](int n) { return std::to_string(n) + (n == 1 ? " argument" : " arguments"); };
  std::string expected = min == max ? "exactly " + arguments(min)
                         : max < 0  ? "at least " + arguments(min)
                                    : std::to_string(min) + " to " + arguments(max);
  std::string message = "Runtime error: " + std::string(name) + "() expects " + expected +
                        ", got " + std::to_string(got);
  return builtins::Fail(isolate, message);
}

bool ArityOk(int min, int max, int got) { return got >= min && (max < 0 || got <= max); }

}  // namespace

std::optional<BuiltinId> LookupBuiltinFunction(std::string_view name) {
  const Tables& tables = GetTables();
  auto it = tables.functions.find(CanonicalPath(name));
  if (it == tables.functions.end()) return std::nullopt;
  return it->second;
}

const char* BuiltinFunctionName(BuiltinId id) {
  CHECK_LT(id, kFunctionCount);
  return kFunctions[id].name;
}

MaybeHandle<Value> CallBuiltinFunction(BuiltinId id, BuiltinArguments& args) {
  CHECK_LT(id, kFunctionCount);
  const FunctionEntry& entry = kFunctions[id];
  if (args.name.empty()) args.name = entry.name;
  if (!ArityOk(entry.min_arity, entry.max_arity, args.argc)) {
    return ArityError(args.isolate, args.name, entry.min_arity, entry.max_arity, args.argc);
  }
  return entry.function(args);
}

MaybeHandle<Value> LookupBuiltinConstant(Isolate* isolate, std::string_view name) {
  const Tables& tables = GetTables();
  auto it = tables.constants.find(CanonicalPath(name));
  if (it == tables.constants.end()) return {};
  const ConstantEntry& entry = kConstants[it->second];
  if (entry.type == ConstantType::Integer) return isolate->factory()->NewInteger(entry.integer);
  return isolate->factory()->NewHeapNumber(entry.number);
}

std::optional<BuiltinMethodId> LookupBuiltinMethod(Isolate* isolate, Value receiver,
                                                   std::string_view name) {
  const Tables& tables = GetTables();
  auto it = tables.methods.find(name);
  if (it == tables.methods.end()) return std::nullopt;
  ReceiverKind kinds[3];
  int n = ReceiverKinds(isolate, receiver, kinds);
  for (int i = 0; i < n; ++i) {
    for (BuiltinMethodId id : it->second) {
      if (kMethods[id].kind == kinds[i]) return id;
    }
  }
  return std::nullopt;
}

const char* BuiltinMethodName(BuiltinMethodId id) {
  CHECK_LT(id, kMethodCount);
  return kMethods[id].name;
}

const char* BuiltinMethodImplementationName(BuiltinMethodId id) {
  CHECK_LT(id, kMethodCount);
  return kMethods[id].implementation;
}

namespace {

// Iterator adapters are eager: a range receiver becomes the array of its integers. The
// method reads it only, so the receiver's place keeps the range. Out of line, so that
// CallBuiltinMethod needs no frame of its own and tail-calls the method.
__attribute__((noinline)) MaybeHandle<Value> CallOnMaterializedRange(const MethodEntry& entry,
                                                                     BuiltinArguments& args) {
  Handle<Array> array;
  if (!builtins::MaterializeRange(args, Handle<Range>::cast(*args.receiver)).ToHandle(&array)) {
    return {};
  }
  Handle<Value> materialized = array;
  Handle<Value>* original = args.receiver;
  args.receiver = &materialized;
  MaybeHandle<Value> result = entry.function(args);
  args.receiver = original;
  return result;
}

__attribute__((noinline)) MaybeHandle<Value> MethodArityError(const MethodEntry& entry,
                                                              BuiltinArguments& args) {
  return ArityError(args.isolate, args.name, entry.min_arity, entry.max_arity, args.argc);
}

}  // namespace

MaybeHandle<Value> CallBuiltinMethod(BuiltinMethodId id, BuiltinArguments& args) {
  CHECK(args.receiver != nullptr);
  if (args.name.empty()) args.name = BuiltinMethodName(id);
  BuiltinFunction direct = DirectBuiltinMethod(id, args.argc, (**args.receiver).IsRange());
  if (direct != nullptr) return direct(args);
  // What DirectBuiltinMethod declines: an arity error, or a range receiver to materialize.
  const MethodEntry& entry = kMethods[id];
  if (!ArityOk(entry.min_arity, entry.max_arity, args.argc)) return MethodArityError(entry, args);
  return CallOnMaterializedRange(entry, args);
}

BuiltinFunction DirectBuiltinMethod(BuiltinMethodId id, int argc, bool range_receiver) {
  CHECK_LT(id, kMethodCount);
  const MethodEntry& entry = kMethods[id];
  if (!ArityOk(entry.min_arity, entry.max_arity, argc)) return nullptr;
  if (range_receiver && entry.kind == ReceiverKind::kIterable) return nullptr;
  return entry.function;
}

bool BuiltinMethodMutatesReceiver(BuiltinMethodId id) {
  CHECK_LT(id, kMethodCount);
  return kMethods[id].mutates;
}

int BuiltinFunctionCount() { return kFunctionCount; }

void BuiltinFunctionArity(BuiltinId id, int* min, int* max) {
  CHECK_LT(id, kFunctionCount);
  *min = kFunctions[id].min_arity;
  *max = kFunctions[id].max_arity;
}

int BuiltinMethodCount() { return kMethodCount; }

const char* BuiltinMethodReceiverKind(BuiltinMethodId id) {
  CHECK_LT(id, kMethodCount);
  return kKindDescriptions[static_cast<int>(kMethods[id].kind)];
}

void BuiltinMethodArity(BuiltinMethodId id, int* min, int* max) {
  CHECK_LT(id, kMethodCount);
  *min = kMethods[id].min_arity;
  *max = kMethods[id].max_arity;
}

}  // namespace ruchy::internal
