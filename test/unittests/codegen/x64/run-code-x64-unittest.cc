// Small functions assembled with the Assembler, installed in the code space and run:
// integer arithmetic, division, shifts, conditionals, loops with forward and backward
// labels, memory operands, RIP-relative constants and scalar double math.
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "gtest/gtest.h"
#include "src/codegen/code-space.h"
#include "src/codegen/x64/assembler-x64.h"

namespace ruchy::internal::codegen {
namespace {

class RunCodeTest : public ::testing::Test {
 protected:
  template <typename Signature>
  Signature* Build(const std::function<void(Assembler&)>& emit) {
    Assembler masm;
    emit(masm);
    CodeDesc desc;
    masm.GetCode(&desc);
    return space_.Install(desc).entry<Signature>();
  }

  CodeSpace space_;
};

TEST_F(RunCodeTest, IntegerArithmetic) {
  // (a * b + 7 - a) ^ (b << 3), 64-bit.
  auto f = Build<int64_t(int64_t, int64_t)>([](Assembler& masm) {
    masm.movq(rax, rdi);
    masm.imulq(rax, rsi);
    masm.addq(rax, Immediate(7));
    masm.subq(rax, rdi);
    masm.movq(r8, rsi);
    masm.shlq(r8, 3);
    masm.xorq(rax, r8);
    masm.ret();
  });
  for (int64_t a : {0L, 1L, -5L, 123456789L, INT64_MAX}) {
    for (int64_t b : {0L, 3L, -77L, 1L << 40}) {
      uint64_t expected =
          (static_cast<uint64_t>(a) * static_cast<uint64_t>(b) + 7 - static_cast<uint64_t>(a)) ^
          (static_cast<uint64_t>(b) << 3);
      EXPECT_EQ(static_cast<uint64_t>(f(a, b)), expected) << a << " " << b;
    }
  }
}

TEST_F(RunCodeTest, DivisionGivesQuotientAndRemainder) {
  // Returns quotient * 1000 + remainder (for small inputs).
  auto f = Build<int64_t(int64_t, int64_t)>([](Assembler& masm) {
    masm.movq(rax, rdi);
    masm.movq(rcx, rsi);
    masm.cqo();
    masm.idivq(rcx);
    masm.imulq(rax, rax, Immediate(1000));
    masm.addq(rax, rdx);
    masm.ret();
  });
  EXPECT_EQ(f(47, 5), 9 * 1000 + 2);
  EXPECT_EQ(f(-47, 5), -9 * 1000 - 2);  // truncating division, remainder takes the sign
  EXPECT_EQ(f(47, -5), -9 * 1000 + 2);
  auto g = Build<int32_t(int32_t, int32_t)>([](Assembler& masm) {
    masm.movl(rax, rdi);
    masm.cdq();
    masm.idivl(rsi);
    masm.ret();
  });
  EXPECT_EQ(g(-100, 7), -14);
}

TEST_F(RunCodeTest, ShiftsByImmediateAndByCl) {
  // (a >> 3 arithmetic) + (a >>> b logical) + (1 << b), 64-bit.
  auto f = Build<int64_t(int64_t, int64_t)>([](Assembler& masm) {
    masm.movq(rax, rdi);
    masm.sarq(rax, 3);
    masm.movq(rcx, rsi);
    masm.movq(rdx, rdi);
    masm.shrq_cl(rdx);
    masm.addq(rax, rdx);
    masm.movl(rdx, Immediate(1));
    masm.shlq_cl(rdx);
    masm.addq(rax, rdx);
    masm.ret();
  });
  for (int64_t a : {-1000L, 1000L, INT64_MIN}) {
    for (int64_t b : {0L, 5L, 63L}) {
      uint64_t expected =
          static_cast<uint64_t>(a >> 3) + (static_cast<uint64_t>(a) >> b) + (uint64_t{1} << b);
      EXPECT_EQ(static_cast<uint64_t>(f(a, b)), expected) << a << " " << b;
    }
  }
}

TEST_F(RunCodeTest, SetccCmovNegNot) {
  // max(a, b) via cmov, plus (a < b) via setcc, plus ~(-a) which is a - 1.
  auto f = Build<int64_t(int64_t, int64_t)>([](Assembler& masm) {
    masm.movq(rax, rdi);
    masm.cmpq(rdi, rsi);
    masm.cmovq(kLess, rax, rsi);
    masm.setcc(kLess, rcx);
    masm.movzxbq(rcx, rcx);
    masm.addq(rax, rcx);
    masm.movq(rdx, rdi);
    masm.negq(rdx);
    masm.notq(rdx);
    masm.addq(rax, rdx);
    masm.ret();
  });
  for (int64_t a : {-3L, 0L, 9L}) {
    for (int64_t b : {-4L, 0L, 10L}) {
      EXPECT_EQ(f(a, b), std::max(a, b) + (a < b ? 1 : 0) + (a - 1)) << a << " " << b;
    }
  }
}

TEST_F(RunCodeTest, LoopWithBackwardAndForwardLabels) {
  // sum of i for i in [0, n), skipping multiples of 3; far backward jump over a padded body.
  auto f = Build<int64_t(int64_t)>([](Assembler& masm) {
    Label loop, done, skip;
    masm.xorl(rax, rax);
    masm.xorl(rcx, rcx);
    masm.bind(&loop);
    masm.cmpq(rcx, rdi);
    masm.j(kGreaterEqual, &done);
    masm.movq(r8, rax);  // keep the sum; rax/rdx are used by the division
    masm.movq(rax, rcx);
    masm.cqo();
    masm.movl(r9, Immediate(3));
    masm.idivq(r9);
    masm.movq(rax, r8);
    masm.testq(rdx, rdx);
    masm.j(kZero, &skip, Label::kNear);
    masm.addq(rax, rcx);
    masm.bind(&skip);
    masm.Nop(200);  // forces the backward jump to the 32-bit form
    masm.addq(rcx, Immediate(1));
    masm.jmp(&loop);
    masm.bind(&done);
    masm.ret();
  });
  for (int64_t n : {0L, 1L, 10L, 1000L}) {
    int64_t expected = 0;
    for (int64_t i = 0; i < n; ++i) {
      if (i % 3 != 0) expected += i;
    }
    EXPECT_EQ(f(n), expected) << n;
  }
}

TEST_F(RunCodeTest, MemoryOperandsWithIndexAndR12R13Bases) {
  // a[i] + a[i + 1] read through r12 (SIB base) and r13 (disp8 base) with an index.
  auto f = Build<int64_t(const int64_t*, int64_t)>([](Assembler& masm) {
    masm.pushq(r12);
    masm.pushq(r13);
    masm.movq(r12, rdi);
    masm.leaq(r13, Operand(rdi, 8));
    masm.movq(rax, Operand(r12, rsi, kTimes8, 0));
    masm.addq(rax, Operand(r13, rsi, kTimes8, 0));
    masm.movzxbl(rcx, Operand(r12, 0));   // low byte of a[0]
    masm.movsxwq(rdx, Operand(r13, -8));  // low word of a[0], sign-extended
    masm.addq(rax, rcx);
    masm.addq(rax, rdx);
    masm.popq(r13);
    masm.popq(r12);
    masm.ret();
  });
  int64_t values[] = {0x1FFFF, 20, 30, 40};
  // 0x1FFFF: low byte 0xFF = 255, low word 0xFFFF = -1.
  EXPECT_EQ(f(values, 1), 20 + 30 + 255 - 1);
  EXPECT_EQ(f(values, 2), 30 + 40 + 255 - 1);
}

TEST_F(RunCodeTest, RipRelativeConstants) {
  // Reads a constant after the code, also through forms with immediates after the
  // displacement (imm8 and imm32), whose RIP-relative displacement must count them.
  auto f = Build<int64_t()>([](Assembler& masm) {
    Label constant;
    masm.movq(rax, Operand(&constant));
    masm.imulq(rcx, Operand(&constant), Immediate(2));
    masm.subq(rax, rcx);  // -constant
    masm.cmpq(Operand(&constant), Immediate(0x12345));
    masm.setcc(kNotEqual, rcx);
    masm.movzxbl(rcx, rcx);
    masm.addq(rax, rcx);  // -constant + 1
    masm.ret();
    masm.Align(8);
    masm.bind(&constant);
    masm.dq(0x0123456789ABCDEF);
  });
  EXPECT_EQ(f(), -0x0123456789ABCDEF + 1);
}

TEST_F(RunCodeTest, DoubleArithmetic) {
  // sqrt(a*a + b*b) - a / b
  auto f = Build<double(double, double)>([](Assembler& masm) {
    masm.movsd(xmm2, xmm0);
    masm.mulsd(xmm2, xmm2);
    masm.movsd(xmm9, xmm1);
    masm.mulsd(xmm9, xmm9);
    masm.addsd(xmm2, xmm9);
    masm.sqrtsd(xmm2, xmm2);
    masm.divsd(xmm0, xmm1);
    masm.subsd(xmm2, xmm0);
    masm.movapd(xmm0, xmm2);
    masm.ret();
  });
  EXPECT_DOUBLE_EQ(f(3, 4), 5 - 0.75);
  EXPECT_DOUBLE_EQ(f(-1.5, 2), std::sqrt(2.25 + 4) + 0.75);
}

TEST_F(RunCodeTest, IntegerDoubleConversionsAndRounding) {
  if (!__builtin_cpu_supports("sse4.1")) GTEST_SKIP() << "roundsd needs SSE4.1";
  // floor(x) + ceil(x) * 10 + trunc(x) * 100 + nearest(x) * 1000, as int64.
  auto f = Build<int64_t(double)>([](Assembler& masm) {
    masm.roundsd(xmm1, xmm0, RoundingMode::kDown);
    masm.cvttsd2siq(rax, xmm1);
    masm.roundsd(xmm1, xmm0, RoundingMode::kUp);
    masm.cvttsd2siq(rcx, xmm1);
    masm.imulq(rcx, rcx, Immediate(10));
    masm.addq(rax, rcx);
    masm.roundsd(xmm1, xmm0, RoundingMode::kToZero);
    masm.cvttsd2siq(rcx, xmm1);
    masm.imulq(rcx, rcx, Immediate(100));
    masm.addq(rax, rcx);
    masm.roundsd(xmm1, xmm0, RoundingMode::kToNearest);
    masm.cvttsd2siq(rcx, xmm1);
    masm.imulq(rcx, rcx, Immediate(1000));
    masm.addq(rax, rcx);
    masm.ret();
  });
  for (double x : {2.5, -2.5, 3.7, -3.7, 0.0}) {
    int64_t expected =
        static_cast<int64_t>(std::floor(x)) + static_cast<int64_t>(std::ceil(x)) * 10 +
        static_cast<int64_t>(std::trunc(x)) * 100 + static_cast<int64_t>(std::nearbyint(x)) * 1000;
    EXPECT_EQ(f(x), expected) << x;
  }
  auto to_double = Build<double(int64_t, int32_t)>([](Assembler& masm) {
    masm.cvtqsi2sd(xmm0, rdi);
    masm.cvtlsi2sd(xmm1, rsi);
    masm.addsd(xmm0, xmm1);
    masm.ret();
  });
  EXPECT_DOUBLE_EQ(to_double(1L << 40, -3), static_cast<double>(1L << 40) - 3);
  auto overflow = Build<int64_t(double)>([](Assembler& masm) {
    masm.cvttsd2siq(rax, xmm0);
    masm.ret();
  });
  EXPECT_EQ(overflow(1e30), INT64_MIN);  // the "integer indefinite" value
}

TEST_F(RunCodeTest, UcomisdParityAndSignMasks) {
  // Returns -|x| if x is ordered and x < y, 0 if unordered, else |x|.
  // |x| via andpd with a mask, negation via xorpd with the sign bit, both from constants.
  auto f = Build<double(double, double)>([](Assembler& masm) {
    Label abs_mask, sign_mask, unordered, not_less;
    masm.ucomisd(xmm0, xmm1);
    masm.j(kParityEven, &unordered, Label::kNear);
    masm.andpd(xmm0, Operand(&abs_mask));
    masm.j(kAboveEqual, &not_less, Label::kNear);
    masm.xorpd(xmm0, Operand(&sign_mask));
    masm.bind(&not_less);
    masm.ret();
    masm.bind(&unordered);
    masm.xorpd(xmm0, xmm0);
    masm.ret();
    masm.Align(16);  // andpd/xorpd memory operands must be 16-byte aligned
    masm.bind(&abs_mask);
    masm.dq(0x7FFFFFFFFFFFFFFF);
    masm.dq(0x7FFFFFFFFFFFFFFF);
    masm.bind(&sign_mask);
    masm.dq(0x8000000000000000);
    masm.dq(0x8000000000000000);
  });
  EXPECT_EQ(f(-2.0, 1.0), -2.0);
  EXPECT_EQ(f(3.0, 1.0), 3.0);
  EXPECT_EQ(f(-3.0, -4.0), 3.0);
  EXPECT_EQ(f(std::numeric_limits<double>::quiet_NaN(), 1.0), 0.0);
}

TEST_F(RunCodeTest, MovqBetweenXmmAndGeneralRegisters) {
  auto bits = Build<uint64_t(double)>([](Assembler& masm) {
    masm.movq(r11, xmm0);
    masm.movq(xmm13, r11);
    masm.movq(rax, xmm13);
    masm.ret();
  });
  EXPECT_EQ(bits(1.0), 0x3FF0000000000000u);
  EXPECT_EQ(bits(-0.0), 0x8000000000000000u);
}

}  // namespace
}  // namespace ruchy::internal::codegen
