// Static bytecode properties, expanded from RUCHY_BYTECODE_LIST.
#include "src/interpreter/bytecodes.h"

#include <array>

namespace ruchy::internal::interpreter {

namespace {

struct BytecodeInfo {
  const char* name;
  AccumulatorUse accumulator_use;
  int operand_count;
  std::array<OperandType, kMaxOperands> operands;
};

template <typename... Ops>
constexpr BytecodeInfo MakeInfo(const char* name, AccumulatorUse use, Ops... ops) {
  static_assert(sizeof...(Ops) <= kMaxOperands);
  return BytecodeInfo{name, use, static_cast<int>(sizeof...(Ops)),
                      std::array<OperandType, kMaxOperands>{ops...}};
}

#define RUCHY_OPERAND_OF(type) OperandType::type
#define RUCHY_BYTECODE_INFO(Name, use, ...) \
  MakeInfo(#Name, AccumulatorUse::use __VA_OPT__(, RUCHY_MAP_OPERANDS(__VA_ARGS__))),
// Maps up to kMaxOperands operand names to OperandType values.
#define RUCHY_MAP_OPERANDS(...) RUCHY_MAP_N(__VA_ARGS__, 4, 3, 2, 1)(__VA_ARGS__)
#define RUCHY_MAP_N(a, b, c, d, n, ...) RUCHY_MAP_##n
#define RUCHY_MAP_1(a) OperandType::a
#define RUCHY_MAP_2(a, b) OperandType::a, OperandType::b
#define RUCHY_MAP_3(a, b, c) OperandType::a, OperandType::b, OperandType::c
#define RUCHY_MAP_4(a, b, c, d) OperandType::a, OperandType::b, OperandType::c, OperandType::d

constexpr BytecodeInfo kInfo[] = {RUCHY_BYTECODE_LIST(RUCHY_BYTECODE_INFO)};
static_assert(std::size(kInfo) == kBytecodeCount);
static_assert(static_cast<int>(Bytecode::kWide) == 0 &&
              static_cast<int>(Bytecode::kExtraWide) == 1);

struct OperandTypeInfo {
  const char* name;
  int size;
  bool scalable;
};

constexpr OperandTypeInfo kOperandTypeInfo[] = {
#define RUCHY_OPERAND_TYPE_INFO(Name, size, scalable) {#Name, size, scalable},
    RUCHY_OPERAND_TYPE_LIST(RUCHY_OPERAND_TYPE_INFO)
#undef RUCHY_OPERAND_TYPE_INFO
};

const BytecodeInfo& Info(Bytecode bytecode) {
  DCHECK_LT(static_cast<int>(bytecode), kBytecodeCount);
  return kInfo[static_cast<int>(bytecode)];
}

}  // namespace

const char* Bytecodes::Name(Bytecode bytecode) { return Info(bytecode).name; }

const char* Bytecodes::OperandTypeName(OperandType type) {
  return kOperandTypeInfo[static_cast<int>(type)].name;
}

int Bytecodes::NumberOfOperands(Bytecode bytecode) { return Info(bytecode).operand_count; }

OperandType Bytecodes::GetOperandType(Bytecode bytecode, int index) {
  DCHECK_LT(index, NumberOfOperands(bytecode));
  return Info(bytecode).operands[index];
}

AccumulatorUse Bytecodes::GetAccumulatorUse(Bytecode bytecode) {
  return Info(bytecode).accumulator_use;
}

bool Bytecodes::IsScalableOperandType(OperandType type) {
  return kOperandTypeInfo[static_cast<int>(type)].scalable;
}

int Bytecodes::OperandSize(OperandType type, OperandScale scale) {
  const OperandTypeInfo& info = kOperandTypeInfo[static_cast<int>(type)];
  return info.scalable ? info.size * static_cast<int>(scale) : info.size;
}

int Bytecodes::OperandOffset(Bytecode bytecode, int index, OperandScale scale) {
  int offset = 1;
  for (int i = 0; i < index; ++i) offset += OperandSize(GetOperandType(bytecode, i), scale);
  return offset;
}

int Bytecodes::Size(Bytecode bytecode, OperandScale scale) {
  return OperandOffset(bytecode, NumberOfOperands(bytecode), scale);
}

bool Bytecodes::IsScalable(Bytecode bytecode) {
  for (int i = 0; i < NumberOfOperands(bytecode); ++i) {
    if (IsScalableOperandType(GetOperandType(bytecode, i))) return true;
  }
  return false;
}

std::ostream& operator<<(std::ostream& os, Bytecode bytecode) {
  return os << Bytecodes::Name(bytecode);
}

OperandScale ScaleForOperand(OperandType type, uint32_t value) {
  if (!Bytecodes::IsScalableOperandType(type)) return OperandScale::kSingle;
  if (Bytecodes::IsSignedOperandType(type)) {
    int32_t v = static_cast<int32_t>(value);
    if (v >= INT8_MIN && v <= INT8_MAX) return OperandScale::kSingle;
    if (v >= INT16_MIN && v <= INT16_MAX) return OperandScale::kDouble;
    return OperandScale::kQuadruple;
  }
  if (value <= UINT8_MAX) return OperandScale::kSingle;
  if (value <= UINT16_MAX) return OperandScale::kDouble;
  return OperandScale::kQuadruple;
}

}  // namespace ruchy::internal::interpreter
