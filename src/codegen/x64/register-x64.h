// x64 general-purpose and XMM registers, register lists, and the System V calling convention
// roles the code generators rely on. Register codes are the hardware encodings (0-15).
#ifndef RUCHY_CODEGEN_X64_REGISTER_X64_H_
#define RUCHY_CODEGEN_X64_REGISTER_X64_H_

#include <cstdint>
#include <initializer_list>

#include "src/base/logging.h"

namespace ruchy::internal::codegen {

// In hardware encoding order: the position in the list is the register code.
// clang-format off
#define RUCHY_GENERAL_REGISTERS(V)                                    \
  V(rax) V(rcx) V(rdx) V(rbx) V(rsp) V(rbp) V(rsi) V(rdi)             \
  V(r8)  V(r9)  V(r10) V(r11) V(r12) V(r13) V(r14) V(r15)

#define RUCHY_XMM_REGISTERS(V)                                        \
  V(xmm0) V(xmm1) V(xmm2)  V(xmm3)  V(xmm4)  V(xmm5)  V(xmm6)  V(xmm7)  \
  V(xmm8) V(xmm9) V(xmm10) V(xmm11) V(xmm12) V(xmm13) V(xmm14) V(xmm15)
// clang-format on

enum class RegisterCode : int8_t {
#define RUCHY_REGISTER_CODE(name) k_##name,
  RUCHY_GENERAL_REGISTERS(RUCHY_REGISTER_CODE)
#undef RUCHY_REGISTER_CODE
};

enum class XMMRegisterCode : int8_t {
#define RUCHY_REGISTER_CODE(name) k_##name,
  RUCHY_XMM_REGISTERS(RUCHY_REGISTER_CODE)
#undef RUCHY_REGISTER_CODE
};

constexpr int kNumRegisters = 16;

// A register of one class, identified by its 4-bit hardware code. The low three bits go
// into ModR/M or SIB fields; the high bit into a REX prefix bit.
template <typename Tag>
class RegisterBase {
 public:
  static constexpr RegisterBase FromCode(int code) { return RegisterBase(code); }
  static constexpr RegisterBase NoReg() { return RegisterBase(-1); }

  constexpr int code() const { return code_; }
  constexpr bool is_valid() const { return code_ >= 0 && code_ < kNumRegisters; }
  constexpr int low_bits() const { return code_ & 7; }
  constexpr int high_bit() const { return (code_ >> 3) & 1; }

  constexpr bool operator==(RegisterBase other) const { return code_ == other.code_; }
  constexpr bool operator!=(RegisterBase other) const { return code_ != other.code_; }

 private:
  explicit constexpr RegisterBase(int code) : code_(static_cast<int8_t>(code)) {}
  int8_t code_;
};

struct GeneralRegisterTag {};
struct XMMRegisterTag {};
using Register = RegisterBase<GeneralRegisterTag>;
using XMMRegister = RegisterBase<XMMRegisterTag>;

#define RUCHY_DEFINE_REGISTER(name) \
  constexpr Register name = Register::FromCode(static_cast<int>(RegisterCode::k_##name));
RUCHY_GENERAL_REGISTERS(RUCHY_DEFINE_REGISTER)
#undef RUCHY_DEFINE_REGISTER

#define RUCHY_DEFINE_REGISTER(name) \
  constexpr XMMRegister name = XMMRegister::FromCode(static_cast<int>(XMMRegisterCode::k_##name));
RUCHY_XMM_REGISTERS(RUCHY_DEFINE_REGISTER)
#undef RUCHY_DEFINE_REGISTER

constexpr Register no_reg = Register::NoReg();

// 64-bit, 32-bit and 8-bit names, for printers and error messages.
const char* RegisterName(Register reg);
const char* RegisterName32(Register reg);
const char* RegisterName8(Register reg);
const char* RegisterName(XMMRegister reg);

// A set of registers of one class, as a 16-bit mask indexed by register code.
template <typename RegisterT>
class RegListBase {
 public:
  constexpr RegListBase() = default;
  constexpr RegListBase(std::initializer_list<RegisterT> regs) {
    for (RegisterT reg : regs) bits_ |= Bit(reg);
  }
  static constexpr RegListBase FromBits(uint16_t bits) {
    RegListBase list;
    list.bits_ = bits;
    return list;
  }

  constexpr bool has(RegisterT reg) const { return (bits_ & Bit(reg)) != 0; }
  constexpr void set(RegisterT reg) { bits_ |= Bit(reg); }
  constexpr void clear(RegisterT reg) { bits_ &= static_cast<uint16_t>(~Bit(reg)); }
  constexpr bool is_empty() const { return bits_ == 0; }
  constexpr int Count() const { return __builtin_popcount(bits_); }
  constexpr uint16_t bits() const { return bits_; }

  constexpr RegListBase operator|(RegListBase other) const { return FromBits(bits_ | other.bits_); }
  constexpr RegListBase operator&(RegListBase other) const { return FromBits(bits_ & other.bits_); }
  constexpr RegListBase operator-(RegListBase other) const {
    return FromBits(bits_ & static_cast<uint16_t>(~other.bits_));
  }
  constexpr bool operator==(RegListBase other) const { return bits_ == other.bits_; }

  // Iteration in ascending code order.
  template <typename F>
  void ForEach(F&& f) const {
    for (int code = 0; code < kNumRegisters; ++code) {
      if (bits_ & (1u << code)) f(RegisterT::FromCode(code));
    }
  }
  template <typename F>
  void ForEachReverse(F&& f) const {
    for (int code = kNumRegisters - 1; code >= 0; --code) {
      if (bits_ & (1u << code)) f(RegisterT::FromCode(code));
    }
  }

 private:
  static constexpr uint16_t Bit(RegisterT reg) { return static_cast<uint16_t>(1u << reg.code()); }
  uint16_t bits_ = 0;
};

using RegList = RegListBase<Register>;
using XMMRegList = RegListBase<XMMRegister>;

// System V AMD64 ABI roles.
constexpr Register kCArgRegs[] = {rdi, rsi, rdx, rcx, r8, r9};
constexpr int kMaxCIntArgs = 6;
constexpr int kMaxCDoubleArgs = 8;  // xmm0-xmm7
constexpr Register kCReturnRegister = rax;
constexpr XMMRegister kCDoubleReturnRegister = xmm0;
constexpr RegList kCallerSavedRegisters = {rax, rcx, rdx, rsi, rdi, r8, r9, r10, r11};
constexpr RegList kCalleeSavedRegisters = {rbx, rbp, r12, r13, r14, r15};
// Every XMM register is caller-saved in System V.
constexpr XMMRegList kAllXMMRegisters = XMMRegList::FromBits(0xffff);

// The register the MacroAssembler may clobber freely inside one of its sequences (it is
// caller-saved and not an argument register). Code generators never allocate it.
constexpr Register kScratchRegister = r10;
constexpr XMMRegister kScratchDoubleRegister = xmm15;

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_X64_REGISTER_X64_H_
