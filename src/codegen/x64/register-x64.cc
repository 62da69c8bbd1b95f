// Register names for printers and error messages.
#include "src/codegen/x64/register-x64.h"

namespace ruchy::internal::codegen {

namespace {

const char* NameFromTable(const char* const* table, int code) {
  if (code < 0 || code >= kNumRegisters) return "no_reg";
  return table[code];
}

}  // namespace

const char* RegisterName(Register reg) {
  static constexpr const char* kNames[] = {
#define RUCHY_REGISTER_NAME(name) #name,
      RUCHY_GENERAL_REGISTERS(RUCHY_REGISTER_NAME)
#undef RUCHY_REGISTER_NAME
  };
  return NameFromTable(kNames, reg.code());
}

// The 32- and 8-bit names do not follow from the 64-bit ones by a rule, so they are
// spelled out in code order.
const char* RegisterName32(Register reg) {
  static constexpr const char* kNames[] = {"eax",  "ecx",  "edx",  "ebx", "esp",  "ebp",
                                           "esi",  "edi",  "r8d",  "r9d", "r10d", "r11d",
                                           "r12d", "r13d", "r14d", "r15d"};
  return NameFromTable(kNames, reg.code());
}

const char* RegisterName8(Register reg) {
  static constexpr const char* kNames[] = {"al",   "cl",   "dl",   "bl",  "spl",  "bpl",
                                           "sil",  "dil",  "r8b",  "r9b", "r10b", "r11b",
                                           "r12b", "r13b", "r14b", "r15b"};
  return NameFromTable(kNames, reg.code());
}

const char* RegisterName(XMMRegister reg) {
  static constexpr const char* kNames[] = {
#define RUCHY_REGISTER_NAME(name) #name,
      RUCHY_XMM_REGISTERS(RUCHY_REGISTER_NAME)
#undef RUCHY_REGISTER_NAME
  };
  return NameFromTable(kNames, reg.code());
}

}  // namespace ruchy::internal::codegen
