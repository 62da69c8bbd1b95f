// Every instruction form the Assembler offers, assembled, decoded by Capstone and compared
// with the expected Intel-syntax text. One table drives the test: hand-written rows for
// each form plus generated rows sweeping registers and addressing modes.
#include "src/codegen/x64/assembler-x64.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/diagnostics/disassembler.h"

namespace ruchy::internal::codegen {
namespace {

using diagnostics::DecodedInstruction;
using diagnostics::Disassembler;

struct EncodingCase {
  std::string expected;  // Capstone text; several instructions are joined by "; "
  std::function<void(Assembler&)> emit;
  std::string source;  // the call, for failure messages
};

// One instruction: ROW("expected text", movq(rax, rbx)).
#define ROW(text, ...)                                            \
  EncodingCase {                                                  \
    text, [](Assembler& masm) { masm.__VA_ARGS__; }, #__VA_ARGS__ \
  }
// Several statements, for label forms: SEQ("text", { masm.bind(&l); ... }).
#define SEQ(text, ...) \
  EncodingCase { text, [](Assembler & masm) __VA_ARGS__, #__VA_ARGS__ }

// Capstone prints numbers up to 9 in decimal and larger ones in hex.
std::string Num(int64_t value) {
  char text[32];
  if (value < 0) return "-" + Num(-value);
  if (value <= 9) {
    std::snprintf(text, sizeof(text), "%" PRId64, value);
  } else {
    std::snprintf(text, sizeof(text), "0x%" PRIx64, value);
  }
  return text;
}

std::string Mem(const std::string& size, Register base, Register index, int scale, int32_t disp) {
  std::string text = size.empty() ? "[" : size + " ptr [";
  bool first = true;
  if (base.is_valid()) {
    text += RegisterName(base);
    first = false;
  }
  if (index.is_valid()) {
    if (!first) text += " + ";
    text += RegisterName(index);
    if (scale != 1) text += "*" + std::to_string(scale);
    first = false;
  }
  if (disp != 0 || first) {
    if (first) {
      text += Num(disp);
    } else {
      text += disp < 0 ? " - " + Num(-static_cast<int64_t>(disp)) : " + " + Num(disp);
    }
  }
  return text + "]";
}

std::string Mem(const std::string& size, Register base, int32_t disp) {
  return Mem(size, base, no_reg, 1, disp);
}

// Hand-written rows: each form with the registers and immediates that hit its encoding
// special cases (REX bits, rsp/r12 SIB, rbp/r13 displacement, short accumulator forms,
// imm8 vs imm32).
std::vector<EncodingCase> HandWrittenRows() {
  return {
      // mov
      ROW("mov rax, rbx", movq(rax, rbx)),
      ROW("mov r8, r15", movq(r8, r15)),
      ROW("mov rsp, rbp", movq(rsp, rbp)),
      ROW("mov r9d, eax", movl(r9, rax)),
      ROW("mov eax, r12d", movl(rax, r12)),
      ROW("mov rcx, qword ptr [rdx + 0x10]", movq(rcx, Operand(rdx, 16))),
      ROW("mov qword ptr [rsp + 8], r12", movq(Operand(rsp, 8), r12)),
      ROW("mov eax, dword ptr [r13]", movl(rax, Operand(r13, 0))),
      ROW("mov rax, qword ptr [rbp]", movq(rax, Operand(rbp, 0))),
      ROW("mov rax, qword ptr [rsp]", movq(rax, Operand(rsp, 0))),
      ROW("mov r12, qword ptr [r12 + 0x1000]", movq(r12, Operand(r12, 0x1000))),
      ROW("mov rax, qword ptr [rbx + rcx*8 - 8]", movq(rax, Operand(rbx, rcx, kTimes8, -8))),
      ROW("mov rax, qword ptr [r13 + r12*2]", movq(rax, Operand(r13, r12, kTimes2, 0))),
      ROW("mov rax, qword ptr [rbp + r9 + 0x12345]", movq(rax, Operand(rbp, r9, kTimes1, 0x12345))),
      ROW("mov rdx, qword ptr [rsi*4 + 0x20]", movq(rdx, Operand(rsi, kTimes4, 0x20))),
      ROW("mov r10, qword ptr [r15*8 - 0x100]", movq(r10, Operand(r15, kTimes8, -0x100))),
      ROW("mov rax, qword ptr [rip + 0x100]", movq(rax, Operand::Rip(0x100))),
      ROW("mov dword ptr [rip - 4], r14d", movl(Operand::Rip(-4), r14)),
      ROW("mov rax, -1", movq(rax, Immediate(-1))),
      ROW("mov r9, 0x7fffffff", movq(r9, Immediate(0x7fffffff))),
      ROW("mov eax, 5", movl(rax, Immediate(5))),
      ROW("mov r11d, 0x12345678", movl(r11, Immediate(0x12345678))),
      ROW("mov qword ptr [rax], 0x7fffffff", movq(Operand(rax, 0), Immediate(0x7fffffff))),
      ROW("mov qword ptr [r13 + 8], -3", movq(Operand(r13, 8), Immediate(-3))),
      ROW("mov dword ptr [r8 + 4], 0x100", movl(Operand(r8, 4), Immediate(0x100))),
      ROW("mov word ptr [rax], bx", movw(Operand(rax, 0), rbx)),
      ROW("mov word ptr [r9 + 2], r10w", movw(Operand(r9, 2), r10)),
      ROW("mov word ptr [rax], 0x1234", movw(Operand(rax, 0), Immediate(0x1234))),
      ROW("mov byte ptr [rax], sil", movb(Operand(rax, 0), rsi)),
      ROW("mov byte ptr [rax], cl", movb(Operand(rax, 0), rcx)),
      ROW("mov byte ptr [r9], r10b", movb(Operand(r9, 0), r10)),
      ROW("mov dil, byte ptr [rax]", movb(rdi, Operand(rax, 0))),
      ROW("mov cl, byte ptr [r12 + 1]", movb(rcx, Operand(r12, 1))),
      ROW("mov byte ptr [rsp], 0x7f", movb(Operand(rsp, 0), Immediate(0x7f))),
      ROW("movabs rax, 0x123456789", movq(rax, Immediate64(0x123456789))),
      ROW("mov eax, 5", movq(rax, Immediate64(5))),
      ROW("mov eax, 0xffffffff", movq(rax, Immediate64(0xffffffff))),
      ROW("mov rax, -5", movq(rax, Immediate64(-5))),
      ROW("movabs r15, 1", movabs(r15, Immediate64(1))),
      ROW("movabs r8, 0x1000", movq(r8, Immediate64(0x1000, RelocMode::kEmbeddedObject))),
      // movzx / movsx
      ROW("movzx eax, byte ptr [rdi]", movzxbl(rax, Operand(rdi, 0))),
      ROW("movzx eax, sil", movzxbl(rax, rsi)),
      ROW("movzx r8d, cl", movzxbl(r8, rcx)),
      ROW("movzx rax, r9b", movzxbq(rax, r9)),
      ROW("movzx rax, byte ptr [r14]", movzxbq(rax, Operand(r14, 0))),
      ROW("movzx ecx, word ptr [rax + 2]", movzxwl(rcx, Operand(rax, 2))),
      ROW("movzx ecx, dx", movzxwl(rcx, rdx)),
      ROW("movzx r11, word ptr [rdi]", movzxwq(r11, Operand(rdi, 0))),
      ROW("movzx rax, r13w", movzxwq(rax, r13)),
      ROW("movsx eax, byte ptr [rdi]", movsxbl(rax, Operand(rdi, 0))),
      ROW("movsx eax, bpl", movsxbl(rax, rbp)),
      ROW("movsx rax, byte ptr [rdi]", movsxbq(rax, Operand(rdi, 0))),
      ROW("movsx r12, al", movsxbq(r12, rax)),
      ROW("movsx edx, word ptr [rsp + 0x10]", movsxwl(rdx, Operand(rsp, 16))),
      ROW("movsx edx, r8w", movsxwl(rdx, r8)),
      ROW("movsx rax, word ptr [rbx]", movsxwq(rax, Operand(rbx, 0))),
      ROW("movsx r15, cx", movsxwq(r15, rcx)),
      ROW("movsxd rax, dword ptr [rdi]", movsxlq(rax, Operand(rdi, 0))),
      ROW("movsxd r10, ecx", movsxlq(r10, rcx)),
      // lea
      ROW("lea rax, [rip + 0x10]", leaq(rax, Operand::Rip(16))),
      ROW("lea rcx, [rax + rax*2]", leaq(rcx, Operand(rax, rax, kTimes2, 0))),
      ROW("lea r8, [r13 - 1]", leaq(r8, Operand(r13, -1))),
      ROW("lea eax, [rdi + rsi]", leal(rax, Operand(rdi, rsi, kTimes1, 0))),
      // push / pop
      ROW("push rbp", pushq(rbp)),
      ROW("push r12", pushq(r12)),
      ROW("push qword ptr [rax]", pushq(Operand(rax, 0))),
      ROW("push qword ptr [r12 + 8]", pushq(Operand(r12, 8))),
      ROW("push 0x10", pushq(Immediate(16))),
      ROW("push 0x1000", pushq(Immediate(0x1000))),
      ROW("push -1", pushq(Immediate(-1))),
      ROW("pop rbp", popq(rbp)),
      ROW("pop r15", popq(r15)),
      ROW("pop qword ptr [rsp + 8]", popq(Operand(rsp, 8))),
      // add, or, and, sub, xor, cmp
      ROW("add rax, rbx", addq(rax, rbx)),
      ROW("add r8d, r9d", addl(r8, r9)),
      ROW("add rax, qword ptr [rbx + 8]", addq(rax, Operand(rbx, 8))),
      ROW("add qword ptr [r13], r12", addq(Operand(r13, 0), r12)),
      ROW("add rax, 1", addq(rax, Immediate(1))),
      ROW("add rax, 0x1000", addq(rax, Immediate(0x1000))),
      ROW("add rcx, 0x1000", addq(rcx, Immediate(0x1000))),
      ROW("add eax, 0x7f", addl(rax, Immediate(0x7f))),
      ROW("add qword ptr [rsp + 0x10], 8", addq(Operand(rsp, 16), Immediate(8))),
      ROW("add dword ptr [rax], 0x12345", addl(Operand(rax, 0), Immediate(0x12345))),
      ROW("sub rsp, 0x100", subq(rsp, Immediate(0x100))),
      ROW("sub rsp, 8", subq(rsp, Immediate(8))),
      ROW("sub r11, rdi", subq(r11, rdi)),
      ROW("sub ecx, dword ptr [rsi + 4]", subl(rcx, Operand(rsi, 4))),
      ROW("sub qword ptr [rbp - 8], rax", subq(Operand(rbp, -8), rax)),
      ROW("and rax, 0xfffffffffffffff0", andq(rax, Immediate(-16))),
      ROW("and rsp, 0xfffffffffffffff0", andq(rsp, Immediate(-16))),
      ROW("and ecx, 0xff", andl(rcx, Immediate(0xff))),
      ROW("and r9, r10", andq(r9, r10)),
      ROW("and qword ptr [rax + rbx*4], rcx", andq(Operand(rax, rbx, kTimes4, 0), rcx)),
      ROW("or rax, 1", orq(rax, Immediate(1))),
      ROW("or edx, r15d", orl(rdx, r15)),
      ROW("or rdx, qword ptr [rip + 0x20]", orq(rdx, Operand::Rip(0x20))),
      ROW("or qword ptr [rdi], 0x100", orq(Operand(rdi, 0), Immediate(0x100))),
      ROW("xor eax, eax", xorl(rax, rax)),
      ROW("xor r13, r13", xorq(r13, r13)),
      ROW("xor rax, 0x55", xorq(rax, Immediate(0x55))),
      ROW("xor dword ptr [rbx], esi", xorl(Operand(rbx, 0), rsi)),
      ROW("cmp rax, rbx", cmpq(rax, rbx)),
      ROW("cmp rax, 0x80", cmpq(rax, Immediate(0x80))),
      ROW("cmp r12, 0x7f", cmpq(r12, Immediate(0x7f))),
      ROW("cmp rsp, qword ptr [r10]", cmpq(rsp, Operand(r10, 0))),
      ROW("cmp dword ptr [rcx + 0xc], 0", cmpl(Operand(rcx, 12), Immediate(0))),
      ROW("cmp qword ptr [rax + 8], r8", cmpq(Operand(rax, 8), r8)),
      ROW("cmp al, 0x10", cmpb(rax, Immediate(16))),
      ROW("cmp sil, 1", cmpb(rsi, Immediate(1))),
      ROW("cmp byte ptr [rax + 7], 0xff", cmpb(Operand(rax, 7), Immediate(0xff))),
      // imul, idiv, cqo, cdq
      ROW("imul rax, rbx", imulq(rax, rbx)),
      ROW("imul r8d, r9d", imull(r8, r9)),
      ROW("imul rcx, qword ptr [rsp + 8]", imulq(rcx, Operand(rsp, 8))),
      ROW("imul eax, dword ptr [r13]", imull(rax, Operand(r13, 0))),
      ROW("imul rax, rbx, 0x10", imulq(rax, rbx, Immediate(16))),
      ROW("imul r12, r13, 0x1000", imulq(r12, r13, Immediate(0x1000))),
      ROW("imul eax, ecx, -3", imull(rax, rcx, Immediate(-3))),
      ROW("imul rax, qword ptr [rbx], 0x1000", imulq(rax, Operand(rbx, 0), Immediate(0x1000))),
      ROW("imul edx, dword ptr [rip + 0x40], 3", imull(rdx, Operand::Rip(0x40), Immediate(3))),
      ROW("idiv rcx", idivq(rcx)),
      ROW("idiv r11d", idivl(r11)),
      ROW("idiv qword ptr [rbp - 0x10]", idivq(Operand(rbp, -16))),
      ROW("idiv dword ptr [rax]", idivl(Operand(rax, 0))),
      ROW("cqo", cqo()),
      ROW("cdq", cdq()),
      // not, neg
      ROW("not rax", notq(rax)),
      ROW("not r9d", notl(r9)),
      ROW("not qword ptr [rbx + 8]", notq(Operand(rbx, 8))),
      ROW("neg r15", negq(r15)),
      ROW("neg ecx", negl(rcx)),
      ROW("neg dword ptr [r12]", negl(Operand(r12, 0))),
      // shifts
      ROW("shl rax, 1", shlq(rax, 1)),
      ROW("shl rax, 0x20", shlq(rax, 32)),
      ROW("shl r8d, 3", shll(r8, 3)),
      ROW("shl rax, cl", shlq_cl(rax)),
      ROW("shl qword ptr [rax], 4", shlq(Operand(rax, 0), 4)),
      ROW("sar rdx, 1", sarq(rdx, 1)),
      ROW("sar r11, 0x3f", sarq(r11, 63)),
      ROW("sar eax, cl", sarl_cl(rax)),
      ROW("sar qword ptr [rsp + 8], cl", sarq_cl(Operand(rsp, 8))),
      ROW("shr rcx, 2", shrq(rcx, 2)),
      ROW("shr r14d, 1", shrl(r14, 1)),
      ROW("shr r9, cl", shrq_cl(r9)),
      ROW("shr dword ptr [rip + 8], 5", shrl(Operand::Rip(8), 5)),
      // test
      ROW("test rax, rax", testq(rax, rax)),
      ROW("test r8d, ecx", testl(r8, rcx)),
      ROW("test qword ptr [rbx], r9", testq(Operand(rbx, 0), r9)),
      ROW("test dword ptr [r13 + 4], eax", testl(Operand(r13, 4), rax)),
      ROW("test rax, 1", testq(rax, Immediate(1))),
      ROW("test rcx, 0x100", testq(rcx, Immediate(0x100))),
      ROW("test eax, 0xffff", testl(rax, Immediate(0xffff))),
      ROW("test r10d, 2", testl(r10, Immediate(2))),
      ROW("test qword ptr [rax + 8], 0x10", testq(Operand(rax, 8), Immediate(16))),
      ROW("test dword ptr [r12], 1", testl(Operand(r12, 0), Immediate(1))),
      ROW("test al, 1", testb(rax, Immediate(1))),
      ROW("test dil, 0x80", testb(rdi, Immediate(0x80))),
      ROW("test r9b, 3", testb(r9, Immediate(3))),
      ROW("test byte ptr [rax + 8], 4", testb(Operand(rax, 8), Immediate(4))),
      // setcc / cmovcc (all conditions are swept in the generated rows)
      ROW("sete al", setcc(kEqual, rax)),
      ROW("setne sil", setcc(kNotEqual, rsi)),
      ROW("setl r12b", setcc(kLess, r12)),
      ROW("seta byte ptr [rbx + 1]", setcc(kAbove, Operand(rbx, 1))),
      ROW("cmove r8, qword ptr [r9 + r10*8 - 0x80]",
          cmovq(kEqual, r8, Operand(r9, r10, kTimes8, -0x80))),
      ROW("cmovg rax, rbx", cmovq(kGreater, rax, rbx)),
      ROW("cmovb ecx, r15d", cmovl(kBelow, rcx, r15)),
      ROW("cmovle edx, dword ptr [rsp]", cmovl(kLessEqual, rdx, Operand(rsp, 0))),
      // jumps and calls through registers and memory
      ROW("jmp rax", jmp(rax)),
      ROW("jmp r11", jmp(r11)),
      ROW("jmp qword ptr [rip + 0x10]", jmp(Operand::Rip(16))),
      ROW("jmp qword ptr [rax + rcx*8]", jmp(Operand(rax, rcx, kTimes8, 0))),
      ROW("call rax", call(rax)),
      ROW("call r10", call(r10)),
      ROW("call qword ptr [rbx + 0x18]", call(Operand(rbx, 24))),
      ROW("ret", ret()),
      ROW("ret 8", ret(8)),
      // labels: forward far/near, backward short/near, call, RIP-relative
      SEQ("je 6",
          {
            Label l;
            masm.j(kEqual, &l);
            masm.bind(&l);
          }),
      SEQ("jne 2",
          {
            Label l;
            masm.j(kNotEqual, &l, Label::kNear);
            masm.bind(&l);
          }),
      SEQ("jmp 5",
          {
            Label l;
            masm.jmp(&l);
            masm.bind(&l);
          }),
      SEQ("jmp 2",
          {
            Label l;
            masm.jmp(&l, Label::kNear);
            masm.bind(&l);
          }),
      SEQ("nop; jl 0",
          {
            Label l;
            masm.bind(&l);
            masm.nop();
            masm.j(kLess, &l);
          }),
      SEQ("jmp 0",
          {
            Label l;
            masm.bind(&l);
            masm.jmp(&l);
          }),
      SEQ("call 5",
          {
            Label l;
            masm.call(&l);
            masm.bind(&l);
          }),
      SEQ("nop; call 0",
          {
            Label l;
            masm.bind(&l);
            masm.nop();
            masm.call(&l);
          }),
      SEQ("lea rax, [rip]",
          {
            Label l;
            masm.leaq(rax, Operand(&l));
            masm.bind(&l);
          }),
      SEQ("movsd xmm1, qword ptr [rip]; ret; ret; ret; ret; ret; ret; ret; ret",
          {
            Label l;
            masm.movsd(xmm1, Operand(&l));
            masm.bind(&l);
            masm.dq(0xc3c3c3c3c3c3c3c3);
          }),
      SEQ("cmp qword ptr [rip + 1], 0x12345; ret",
          {
            Label l;
            // The displacement must count the 4 immediate bytes after it.
            masm.cmpq(Operand(&l), Immediate(0x12345));
            masm.db(0xC3);
            masm.bind(&l);
          }),
      SEQ("nop; movsd xmm0, qword ptr [rip - 9]",
          {
            Label l;
            masm.bind(&l);
            masm.nop();
            masm.movsd(xmm0, Operand(&l));
          }),
      // scalar double
      ROW("movsd xmm0, xmm1", movsd(xmm0, xmm1)),
      ROW("movsd xmm8, xmm15", movsd(xmm8, xmm15)),
      ROW("movsd xmm2, qword ptr [rax + 8]", movsd(xmm2, Operand(rax, 8))),
      ROW("movsd xmm9, qword ptr [r12]", movsd(xmm9, Operand(r12, 0))),
      ROW("movsd xmm8, qword ptr [rip - 4]", movsd(xmm8, Operand::Rip(-4))),
      ROW("movsd qword ptr [rsp + 0x10], xmm14", movsd(Operand(rsp, 16), xmm14)),
      ROW("movsd qword ptr [rbp + rcx*8], xmm3", movsd(Operand(rbp, rcx, kTimes8, 0), xmm3)),
      ROW("movq xmm1, rax", movq(xmm1, rax)),
      ROW("movq xmm12, r9", movq(xmm12, r9)),
      ROW("movq r11, xmm15", movq(r11, xmm15)),
      ROW("movq rax, xmm0", movq(rax, xmm0)),
      ROW("movapd xmm3, xmm11", movapd(xmm3, xmm11)),
      ROW("addsd xmm0, xmm1", addsd(xmm0, xmm1)),
      ROW("addsd xmm10, qword ptr [rbx + 0x10]", addsd(xmm10, Operand(rbx, 16))),
      ROW("subsd xmm7, xmm8", subsd(xmm7, xmm8)),
      ROW("subsd xmm1, qword ptr [r13]", subsd(xmm1, Operand(r13, 0))),
      ROW("mulsd xmm15, xmm0", mulsd(xmm15, xmm0)),
      ROW("mulsd xmm2, qword ptr [rip + 0x30]", mulsd(xmm2, Operand::Rip(0x30))),
      ROW("divsd xmm4, xmm5", divsd(xmm4, xmm5)),
      ROW("divsd xmm11, qword ptr [rsp]", divsd(xmm11, Operand(rsp, 0))),
      ROW("sqrtsd xmm0, xmm0", sqrtsd(xmm0, xmm0)),
      ROW("sqrtsd xmm9, qword ptr [rax + rdx*2 + 4]", sqrtsd(xmm9, Operand(rax, rdx, kTimes2, 4))),
      ROW("ucomisd xmm0, xmm1", ucomisd(xmm0, xmm1)),
      ROW("ucomisd xmm13, qword ptr [rdi]", ucomisd(xmm13, Operand(rdi, 0))),
      ROW("cvtsi2sd xmm0, rax", cvtqsi2sd(xmm0, rax)),
      ROW("cvtsi2sd xmm8, r12", cvtqsi2sd(xmm8, r12)),
      ROW("cvtsi2sd xmm1, qword ptr [rbx]", cvtqsi2sd(xmm1, Operand(rbx, 0))),
      ROW("cvtsi2sd xmm0, eax", cvtlsi2sd(xmm0, rax)),
      ROW("cvtsi2sd xmm14, r9d", cvtlsi2sd(xmm14, r9)),
      ROW("cvtsi2sd xmm2, dword ptr [r8 + 4]", cvtlsi2sd(xmm2, Operand(r8, 4))),
      ROW("cvttsd2si rax, xmm3", cvttsd2siq(rax, xmm3)),
      ROW("cvttsd2si r15, xmm10", cvttsd2siq(r15, xmm10)),
      ROW("cvttsd2si rcx, qword ptr [rsp + 8]", cvttsd2siq(rcx, Operand(rsp, 8))),
      ROW("cvttsd2si eax, xmm3", cvttsd2sil(rax, xmm3)),
      ROW("cvttsd2si r8d, qword ptr [rax]", cvttsd2sil(r8, Operand(rax, 0))),
      ROW("roundsd xmm1, xmm2, 8", roundsd(xmm1, xmm2, RoundingMode::kToNearest)),
      ROW("roundsd xmm8, xmm9, 9", roundsd(xmm8, xmm9, RoundingMode::kDown)),
      ROW("roundsd xmm0, qword ptr [rip + 0x10], 0xa",
          roundsd(xmm0, Operand::Rip(16), RoundingMode::kUp)),
      ROW("roundsd xmm3, qword ptr [r13 + 8], 0xb",
          roundsd(xmm3, Operand(r13, 8), RoundingMode::kToZero)),
      ROW("xorpd xmm0, xmm0", xorpd(xmm0, xmm0)),
      ROW("xorpd xmm12, xmmword ptr [rip + 0x40]", xorpd(xmm12, Operand::Rip(0x40))),
      ROW("andpd xmm1, xmm15", andpd(xmm1, xmm15)),
      ROW("andpd xmm6, xmmword ptr [rax]", andpd(xmm6, Operand(rax, 0))),
      // miscellaneous
      ROW("int3", int3()),
      ROW("ud2", ud2()),
      ROW("nop", nop()),
  };
}

// Generated rows: every register in every operand position of representative forms,
// every base and index register with each displacement size, every condition code.
void AddGeneratedRows(std::vector<EncodingCase>* rows) {
  const int32_t kDisps[] = {0, 8, -0x80, 0x100, -0x12345678};
  const int kScales[] = {1, 2, 4, 8};
  for (int d = 0; d < kNumRegisters; ++d) {
    Register dst = Register::FromCode(d);
    for (int b = 0; b < kNumRegisters; ++b) {
      Register base = Register::FromCode(b);
      for (int32_t disp : kDisps) {
        rows->push_back({std::string("mov ") + RegisterName(dst) + ", " + Mem("qword", base, disp),
                         [=](Assembler& masm) { masm.movq(dst, Operand(base, disp)); },
                         "movq/base"});
      }
      // Index sweep: the index takes every register but rsp; scales rotate.
      for (int i = 0; i < kNumRegisters; ++i) {
        Register index = Register::FromCode(i);
        if (index == rsp) continue;
        int scale = kScales[(b + i + d) % 4];
        int32_t disp = kDisps[(b + i) % 5];
        ScaleFactor factor = static_cast<ScaleFactor>(__builtin_ctz(scale));
        rows->push_back(
            {std::string("mov ") + Mem("qword", base, index, scale, disp) + ", " +
                 RegisterName(dst),
             [=](Assembler& masm) { masm.movq(Operand(base, index, factor, disp), dst); },
             "movq/base+index"});
      }
    }
    // reg, reg forms in both positions.
    for (int s = 0; s < kNumRegisters; ++s) {
      Register src = Register::FromCode(s);
      rows->push_back({std::string("add ") + RegisterName(dst) + ", " + RegisterName(src),
                       [=](Assembler& masm) { masm.addq(dst, src); }, "addq"});
      rows->push_back({std::string("imul ") + RegisterName32(dst) + ", " + RegisterName32(src),
                       [=](Assembler& masm) { masm.imull(dst, src); }, "imull"});
      rows->push_back({std::string("movzx ") + RegisterName32(dst) + ", " + RegisterName8(src),
                       [=](Assembler& masm) { masm.movzxbl(dst, src); }, "movzxbl"});
    }
    rows->push_back({std::string("push ") + RegisterName(dst),
                     [=](Assembler& masm) { masm.pushq(dst); }, "pushq"});
    rows->push_back({std::string("pop ") + RegisterName(dst),
                     [=](Assembler& masm) { masm.popq(dst); }, "popq"});
    rows->push_back({std::string("sub ") + RegisterName(dst) + ", 0x1000",
                     [=](Assembler& masm) { masm.subq(dst, Immediate(0x1000)); }, "subq imm32"});
    rows->push_back({std::string("sar ") + RegisterName(dst) + ", 3",
                     [=](Assembler& masm) { masm.sarq(dst, 3); }, "sarq"});
    rows->push_back({std::string("call ") + RegisterName(dst),
                     [=](Assembler& masm) { masm.call(dst); }, "call reg"});
    rows->push_back({std::string("movabs ") + RegisterName(dst) + ", 0x123456789abcdef",
                     [=](Assembler& masm) { masm.movabs(dst, Immediate64(0x123456789abcdef)); },
                     "movabs"});
    rows->push_back(
        {std::string("cvtsi2sd xmm") + std::to_string(15 - d) + ", " + RegisterName(dst),
         [=](Assembler& masm) { masm.cvtqsi2sd(XMMRegister::FromCode(15 - d), dst); },
         "cvtqsi2sd"});
    rows->push_back({std::string("movq ") + RegisterName(dst) + ", xmm" + std::to_string(d),
                     [=](Assembler& masm) { masm.movq(dst, XMMRegister::FromCode(d)); },
                     "movq gpr<-xmm"});
  }
  // Every operation of the arithmetic, shift and unary families in every form, expanded
  // from the same X-macro lists as the Assembler's methods.
  struct Family {
    std::string mnemonic;
    std::function<void(Assembler&, bool, int)> emit;  // (masm, 64-bit?, form)
  };
  auto strip = [](const char* qname) { return std::string(qname, std::strlen(qname) - 1); };
  std::vector<Family> arith = {
#define RUCHY_ARITH_FAMILY(qname, lname, digit)                                       \
  {strip(#qname), [](Assembler& masm, bool w, int form) {                             \
     Operand mem(r13, r9, kTimes4, 0x40);                                             \
     switch (form) {                                                                  \
       case 0:                                                                        \
         w ? masm.qname(r11, rcx) : masm.lname(r11, rcx);                             \
         break;                                                                       \
       case 1:                                                                        \
         w ? masm.qname(rdx, mem) : masm.lname(rdx, mem);                             \
         break;                                                                       \
       case 2:                                                                        \
         w ? masm.qname(mem, r14) : masm.lname(mem, r14);                             \
         break;                                                                       \
       case 3:                                                                        \
         w ? masm.qname(rsi, Immediate(-2)) : masm.lname(rsi, Immediate(-2));         \
         break;                                                                       \
       case 4:                                                                        \
         w ? masm.qname(rax, Immediate(0x1234)) : masm.lname(rax, Immediate(0x1234)); \
         break;                                                                       \
       case 5:                                                                        \
         w ? masm.qname(r12, Immediate(0x1234)) : masm.lname(r12, Immediate(0x1234)); \
         break;                                                                       \
       case 6:                                                                        \
         w ? masm.qname(mem, Immediate(3)) : masm.lname(mem, Immediate(3));           \
         break;                                                                       \
       default:                                                                       \
         w ? masm.qname(mem, Immediate(0x1234)) : masm.lname(mem, Immediate(0x1234)); \
     }                                                                                \
   }},
      RUCHY_ARITH_OP_LIST(RUCHY_ARITH_FAMILY)
#undef RUCHY_ARITH_FAMILY
  };
  for (const Family& family : arith) {
    bool logical = family.mnemonic == "and" || family.mnemonic == "or" || family.mnemonic == "xor";
    for (bool w : {true, false}) {
      std::string p = w ? "qword" : "dword";
      auto r = [&](Register reg) {
        return std::string(w ? RegisterName(reg) : RegisterName32(reg));
      };
      // Capstone prints sign-extended immediates of logical operations unsigned.
      std::string minus_two = logical ? (w ? "0xfffffffffffffffe" : "0xfffffffe") : "-2";
      std::string mem = Mem(p, r13, r9, 4, 0x40);
      std::string texts[] = {r(r11) + ", " + r(rcx),
                             r(rdx) + ", " + mem,
                             mem + ", " + r(r14),
                             r(rsi) + ", " + minus_two,
                             r(rax) + ", 0x1234",
                             r(r12) + ", 0x1234",
                             mem + ", 3",
                             mem + ", 0x1234"};
      for (int form = 0; form < 8; ++form) {
        rows->push_back({family.mnemonic + " " + texts[form],
                         [=](Assembler& masm) { family.emit(masm, w, form); },
                         family.mnemonic + " form " + std::to_string(form)});
      }
    }
  }
  std::vector<Family> shifts = {
#define RUCHY_SHIFT_FAMILY(qname, lname, digit)           \
  {strip(#qname), [](Assembler& masm, bool w, int form) { \
     Operand mem(rbp, rdi, kTimes8, -0x200);              \
     switch (form) {                                      \
       case 0:                                            \
         w ? masm.qname(r15, 1) : masm.lname(r15, 1);     \
         break;                                           \
       case 1:                                            \
         w ? masm.qname(rbx, 13) : masm.lname(rbx, 13);   \
         break;                                           \
       case 2:                                            \
         w ? masm.qname(mem, 1) : masm.lname(mem, 1);     \
         break;                                           \
       case 3:                                            \
         w ? masm.qname(mem, 7) : masm.lname(mem, 7);     \
         break;                                           \
       case 4:                                            \
         w ? masm.qname##_cl(r8) : masm.lname##_cl(r8);   \
         break;                                           \
       default:                                           \
         w ? masm.qname##_cl(mem) : masm.lname##_cl(mem); \
     }                                                    \
   }},
      RUCHY_SHIFT_OP_LIST(RUCHY_SHIFT_FAMILY)
#undef RUCHY_SHIFT_FAMILY
  };
  for (const Family& family : shifts) {
    for (bool w : {true, false}) {
      auto r = [&](Register reg) {
        return std::string(w ? RegisterName(reg) : RegisterName32(reg));
      };
      std::string mem = Mem(w ? "qword" : "dword", rbp, rdi, 8, -0x200);
      std::string texts[] = {r(r15) + ", 1", r(rbx) + ", 0xd", mem + ", 1",
                             mem + ", 7",    r(r8) + ", cl",   mem + ", cl"};
      for (int form = 0; form < 6; ++form) {
        rows->push_back({family.mnemonic + " " + texts[form],
                         [=](Assembler& masm) { family.emit(masm, w, form); },
                         family.mnemonic + " form " + std::to_string(form)});
      }
    }
  }
  std::vector<Family> unary = {
#define RUCHY_UNARY_FAMILY(qname, lname, digit)           \
  {strip(#qname), [](Assembler& masm, bool w, int form) { \
     Operand mem(rsp, r12, kTimes2, 0x7f);                \
     if (form == 0) {                                     \
       w ? masm.qname(r10) : masm.lname(r10);             \
     } else {                                             \
       w ? masm.qname(mem) : masm.lname(mem);             \
     }                                                    \
   }},
      RUCHY_UNARY_OP_LIST(RUCHY_UNARY_FAMILY)
#undef RUCHY_UNARY_FAMILY
  };
  for (const Family& family : unary) {
    for (bool w : {true, false}) {
      std::string texts[] = {w ? "r10" : "r10d", Mem(w ? "qword" : "dword", rsp, r12, 2, 0x7f)};
      for (int form = 0; form < 2; ++form) {
        rows->push_back({family.mnemonic + " " + texts[form],
                         [=](Assembler& masm) { family.emit(masm, w, form); },
                         family.mnemonic + " form " + std::to_string(form)});
      }
    }
  }
  // XMM registers against each other and against every base register.
  for (int x = 0; x < kNumRegisters; ++x) {
    XMMRegister dst = XMMRegister::FromCode(x);
    for (int y = 0; y < kNumRegisters; ++y) {
      XMMRegister src = XMMRegister::FromCode(y);
      rows->push_back({std::string("mulsd ") + RegisterName(dst) + ", " + RegisterName(src),
                       [=](Assembler& masm) { masm.mulsd(dst, src); }, "mulsd"});
      Register base = Register::FromCode(y);
      rows->push_back({std::string("movsd ") + Mem("qword", base, 0x10) + ", " + RegisterName(dst),
                       [=](Assembler& masm) { masm.movsd(Operand(base, 0x10), dst); },
                       "movsd store"});
    }
  }
  for (int c = 0; c < kNumConditions; ++c) {
    Condition cc = static_cast<Condition>(c);
    std::string suffix = ConditionSuffix(cc);
    rows->push_back(
        {"set" + suffix + " bl", [=](Assembler& masm) { masm.setcc(cc, rbx); }, "setcc"});
    rows->push_back(
        {"cmov" + suffix + " r9, r10", [=](Assembler& masm) { masm.cmovq(cc, r9, r10); }, "cmovq"});
    rows->push_back({"j" + suffix + " 0x80",
                     [=](Assembler& masm) {
                       Label l;
                       masm.j(cc, &l);
                       masm.Nop(0x80 - 6);
                       masm.bind(&l);
                     },
                     "jcc"});
  }
}

std::vector<EncodingCase> EncodingTable() {
  std::vector<EncodingCase> rows = HandWrittenRows();
  AddGeneratedRows(&rows);
  return rows;
}

std::string Hex(const std::vector<uint8_t>& bytes) {
  std::string text;
  for (uint8_t b : bytes) {
    char hex[4];
    std::snprintf(hex, sizeof(hex), "%02x", b);
    text += hex;
  }
  return text;
}

TEST(AssemblerX64Test, EveryFormDisassemblesToItsExpectedText) {
  Disassembler disassembler;
  ASSERT_TRUE(disassembler.ok());
  std::vector<EncodingCase> table = EncodingTable();
  int checked = 0;
  for (const EncodingCase& row : table) {
    Assembler masm;
    row.emit(masm);
    CodeDesc desc;
    masm.GetCode(&desc);
    std::string actual;
    for (const DecodedInstruction& insn : disassembler.DecodeAll(desc.instructions, 0)) {
      if (!actual.empty()) actual += "; ";
      actual += insn.Text();
    }
    // Rows that pad with Nop only state the jump: compare the first instruction there.
    if (row.source == "jcc") actual = actual.substr(0, actual.find(';'));
    EXPECT_EQ(actual, row.expected) << row.source << " bytes " << Hex(desc.instructions);
    ++checked;
  }
  EXPECT_GT(checked, 1500);
}

// Backward jumps take the 2-byte form exactly while the displacement fits in 8 bits.
TEST(AssemblerX64Test, BackwardJumpsChooseShortFormWhenInRange) {
  for (int padding : {0, 100, 125, 126, 127, 128, 1000}) {
    Assembler masm;
    Label top;
    masm.bind(&top);
    masm.Nop(padding);
    int before = masm.pc_offset();
    masm.jmp(&top);
    int jmp_size = masm.pc_offset() - before;
    before = masm.pc_offset();
    masm.j(kNotZero, &top);
    int jcc_size = masm.pc_offset() - before;
    // rel8 is measured from the end of the 2-byte jump: -128 reaches 126 bytes back.
    bool jmp_short = padding + 2 <= 128;
    EXPECT_EQ(jmp_size, jmp_short ? 2 : 5) << padding;
    bool jcc_short = padding + jmp_size + 2 <= 128;
    EXPECT_EQ(jcc_size, jcc_short ? 2 : 6) << padding;

    CodeDesc desc;
    masm.GetCode(&desc);
    Disassembler disassembler;
    DecodedInstruction insn;
    ASSERT_TRUE(
        disassembler.DecodeOne(std::span(desc.instructions).subspan(padding), padding, &insn));
    EXPECT_EQ(insn.Text(), "jmp 0");
  }
}

TEST(AssemblerX64Test, ForwardLabelsWithManyUsesAllResolve) {
  Assembler masm;
  Label target;
  std::vector<int> sites;
  for (int i = 0; i < 10; ++i) {
    sites.push_back(masm.pc_offset());
    if (i % 3 == 0) masm.jmp(&target, Label::kNear);
    if (i % 3 == 1) masm.j(kLess, &target);
    if (i % 3 == 2) masm.call(&target);
  }
  masm.bind(&target);
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  Disassembler disassembler;
  std::vector<DecodedInstruction> insns = disassembler.DecodeAll(desc.instructions, 0);
  ASSERT_EQ(insns.size(), 11u);
  std::string target_text = Num(target.pos());
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(insns[i].operands, target_text) << insns[i].Text();
  }
}

TEST(AssemblerX64Test, RelocationEntriesPointAtTheImmediate) {
  Assembler masm;
  masm.pushq(rbp);
  masm.movq(r11, Immediate64(0x1234567890, RelocMode::kEmbeddedObject));
  masm.movq(rax, Immediate64(0x42));  // no relocation: short form, not recorded
  masm.movq(rdi, Immediate64(0x7fff00001000, RelocMode::kExternalReference));
  CodeDesc desc;
  masm.GetCode(&desc);
  ASSERT_EQ(desc.reloc_info.size(), 2u);
  EXPECT_EQ(desc.reloc_info[0], (RelocInfo{RelocMode::kEmbeddedObject, 1 + 2}));
  EXPECT_EQ(desc.reloc_info[1], (RelocInfo{RelocMode::kExternalReference, 1 + 10 + 5 + 2}));
  uint64_t value;
  std::memcpy(&value, &desc.instructions[desc.reloc_info[0].pc_offset], 8);
  EXPECT_EQ(value, 0x1234567890u);
  std::memcpy(&value, &desc.instructions[desc.reloc_info[1].pc_offset], 8);
  EXPECT_EQ(value, 0x7fff00001000u);
}

TEST(AssemblerX64Test, AlignPadsWithDecodableNops) {
  for (int start = 0; start < 32; ++start) {
    Assembler masm;
    for (int i = 0; i < start; ++i) masm.int3();
    masm.Align(32);
    EXPECT_EQ(masm.pc_offset(), start == 0 ? 0 : 32);
    CodeDesc desc;
    masm.GetCode(&desc);
    Disassembler disassembler;
    for (const DecodedInstruction& insn :
         disassembler.DecodeAll(std::span(desc.instructions).subspan(start), start)) {
      EXPECT_EQ(insn.mnemonic, "nop") << start;
    }
  }
}

TEST(AssemblerX64DeathTest, NearJumpOutOfRangeIsFatal) {
  EXPECT_DEATH(
      {
        Assembler masm;
        Label far_away;
        masm.jmp(&far_away, Label::kNear);
        masm.Nop(200);
        masm.bind(&far_away);
      },
      "near \\(8-bit\\) jump");
}

TEST(AssemblerX64DeathTest, UnboundLabelIsFatalAtGetCode) {
  EXPECT_DEATH(
      {
        Assembler masm;
        Label never_bound;
        masm.j(kEqual, &never_bound);
        CodeDesc desc;
        masm.GetCode(&desc);
      },
      "never bound");
}

// Every entry of the X-macro lists has a distinct printable name.
TEST(AssemblerX64Test, ListsHaveDistinctNames) {
  std::set<std::string> names;
  for (int c = 0; c < kNumConditions; ++c) {
    Condition cc = static_cast<Condition>(c);
    names.insert(ConditionSuffix(cc));
    EXPECT_EQ(NegateCondition(NegateCondition(cc)), cc);
    EXPECT_NE(NegateCondition(cc), cc);
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(kNumConditions));
  names.clear();
#define RUCHY_RELOC_NAME(name, text) names.insert(RelocModeName(RelocMode::name));
  RUCHY_RELOC_MODE_LIST(RUCHY_RELOC_NAME)
#undef RUCHY_RELOC_NAME
  names.insert(RelocModeName(RelocMode::kNone));
  EXPECT_EQ(names.size(), 3u);
  names.clear();
  for (int i = 0; i < kNumRegisters; ++i) {
    names.insert(RegisterName(Register::FromCode(i)));
    names.insert(RegisterName32(Register::FromCode(i)));
    names.insert(RegisterName8(Register::FromCode(i)));
    names.insert(RegisterName(XMMRegister::FromCode(i)));
  }
  EXPECT_EQ(names.size(), 4u * kNumRegisters);
  EXPECT_STREQ(RegisterName(no_reg), "no_reg");
}

}  // namespace
}  // namespace ruchy::internal::codegen
