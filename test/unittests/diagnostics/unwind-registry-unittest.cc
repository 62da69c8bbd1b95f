// libunwind through JIT frames: the .eh_frame the diagnostics build for generated code is
// registered with _U_dyn_register, and both real backtraces (unw_step, unw_backtrace from
// a C++ function called by JIT code) and synthetic contexts at each frame state unwind to
// the right caller.
#include "src/diagnostics/unwind-registry.h"

#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <ucontext.h>

#include <cstring>
#include <vector>

#include "gtest/gtest.h"
#include "src/codegen/x64/macro-assembler-x64.h"
#include "src/diagnostics/eh-frame-x64.h"

namespace ruchy::internal::diagnostics {
namespace {

using codegen::Address;
using codegen::CodeDesc;
using codegen::CodeSpace;
using codegen::InstalledCode;
using codegen::Label;
using codegen::MacroAssembler;
using codegen::rax;
using codegen::rbx;

struct Frame {
  unw_word_t ip;
  unw_word_t proc_start;  // 0 when libunwind has no procedure info
};
std::vector<Frame> g_frames;

// Called from JIT code: records the stack as libunwind walks it.
__attribute__((noinline)) void CaptureBacktrace() {
  g_frames.clear();
  unw_context_t context;
  unw_cursor_t cursor;
  unw_getcontext(&context);
  unw_init_local(&cursor, &context);
  do {
    Frame frame{0, 0};
    unw_get_reg(&cursor, UNW_REG_IP, &frame.ip);
    unw_proc_info_t info;
    if (unw_get_proc_info(&cursor, &info) == 0) frame.proc_start = info.start_ip;
    g_frames.push_back(frame);
  } while (unw_step(&cursor) > 0 && g_frames.size() < 64);
}

std::vector<unw_word_t> g_fast_trace;

__attribute__((noinline)) void CaptureFastBacktrace() {
  void* buffer[64];
  int n = unw_backtrace(buffer, 64);
  g_fast_trace.clear();
  for (int i = 0; i < n; ++i) g_fast_trace.push_back(reinterpret_cast<unw_word_t>(buffer[i]));
}

// A standard-frame JIT function that calls `callee` and returns 7.
InstalledCode BuildJitCaller(CodeSpace* space, void (*callee)(), bool with_unwind_info) {
  MacroAssembler masm;
  masm.EnterFrame();
  masm.pushq(rbx);  // misalign on purpose: CallCFunction realigns inside the frame
  masm.CallCFunction(reinterpret_cast<Address>(callee), 0);
  masm.popq(rbx);
  masm.movl(rax, codegen::Immediate(7));
  masm.LeaveFrame();
  masm.Ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  if (with_unwind_info) AddUnwindInfo(&desc);
  return space->Install(desc, "jit-caller");
}

// The C++ frame below the JIT frame; not a tail call (it uses the result).
__attribute__((noinline)) int64_t CallThroughJit(InstalledCode code) {
  int64_t result = code.entry<int64_t()>()();
  return result + 1;
}

TEST(UnwindRegistryTest, StepWalksThroughTheJitFrameToItsCaller) {
  CodeSpace space;
  UnwindRegistry registry(&space);
  InstalledCode code = BuildJitCaller(&space, &CaptureBacktrace, true);
  EXPECT_EQ(registry.registered_count(), 1u);
  ASSERT_EQ(CallThroughJit(code), 8);

  // CaptureBacktrace, then the JIT frame, then CallThroughJit.
  size_t jit = 0;
  while (jit < g_frames.size() && !code.Contains(g_frames[jit].ip)) ++jit;
  ASSERT_LT(jit, g_frames.size()) << "no frame in the JIT code";
  EXPECT_EQ(g_frames[jit].proc_start, code.instruction_start());
  ASSERT_LT(jit + 1, g_frames.size()) << "unwinding stopped at the JIT frame";
  EXPECT_EQ(g_frames[jit + 1].proc_start, reinterpret_cast<unw_word_t>(&CallThroughJit));
  // ...and onwards into the test itself.
  EXPECT_GT(g_frames.size(), jit + 2);
}

TEST(UnwindRegistryTest, UnwBacktraceWalksThroughTheJitFrame) {
  CodeSpace space;
  UnwindRegistry registry(&space);
  InstalledCode code = BuildJitCaller(&space, &CaptureFastBacktrace, true);
  ASSERT_EQ(CallThroughJit(code), 8);
  size_t jit = 0;
  while (jit < g_fast_trace.size() && !code.Contains(g_fast_trace[jit])) ++jit;
  ASSERT_LT(jit + 1, g_fast_trace.size());
  unw_word_t caller = g_fast_trace[jit + 1];
  unw_word_t start = reinterpret_cast<unw_word_t>(&CallThroughJit);
  EXPECT_GT(caller, start);
  EXPECT_LT(caller, start + 1024);
}

TEST(UnwindRegistryTest, WithoutRegistrationLibunwindKnowsNothingOfTheCode) {
  CodeSpace space;
  InstalledCode code = BuildJitCaller(&space, &CaptureBacktrace, false);
  ASSERT_EQ(CallThroughJit(code), 8);
  for (const Frame& frame : g_frames) {
    // Without unwind info, libunwind's x86-64 unw_get_proc_info makes up a one-byte
    // procedure at the ip itself; the code's real start is unknown to it.
    if (code.Contains(frame.ip)) {
      EXPECT_NE(frame.proc_start, code.instruction_start());
      EXPECT_EQ(frame.proc_start, frame.ip);
    }
  }
}

TEST(UnwindRegistryTest, FreedCodeIsUnregistered) {
  CodeSpace space;
  UnwindRegistry registry(&space);
  InstalledCode keep = BuildJitCaller(&space, &CaptureBacktrace, true);
  InstalledCode drop = BuildJitCaller(&space, &CaptureBacktrace, true);
  EXPECT_EQ(registry.registered_count(), 2u);
  space.Free(drop);
  EXPECT_EQ(registry.registered_count(), 1u);
  ASSERT_EQ(CallThroughJit(keep), 8);
}

// ---- Synthetic contexts: put rip at a chosen pc of the JIT code with a fake stack, and
// check what one unw_step finds. The rbp-chain heuristic libunwind falls back on without
// unwind info would get the prologue and epilogue states wrong.

struct StepResult {
  unw_word_t ip, sp, bp;
};

__attribute__((noinline)) void Marker() {}

StepResult StepFrom(unw_word_t ip, unw_word_t sp, unw_word_t bp) {
  unw_context_t context;
  unw_getcontext(&context);
  context.uc_mcontext.gregs[REG_RIP] = static_cast<greg_t>(ip);
  context.uc_mcontext.gregs[REG_RSP] = static_cast<greg_t>(sp);
  context.uc_mcontext.gregs[REG_RBP] = static_cast<greg_t>(bp);
  unw_cursor_t cursor;
  // As a signal frame: rip is the next instruction to run, not a return address (for
  // which libunwind would look up the instruction before it).
  EXPECT_EQ(unw_init_local2(&cursor, &context, UNW_INIT_SIGNAL_FRAME), 0);
  EXPECT_GT(unw_step(&cursor), 0);
  StepResult result{};
  unw_get_reg(&cursor, UNW_REG_IP, &result.ip);
  unw_get_reg(&cursor, UNW_REG_SP, &result.sp);
  unw_get_reg(&cursor, UNW_X86_64_RBP, &result.bp);
  return result;
}

TEST(UnwindRegistryTest, EveryFrameStateUnwindsToTheCaller) {
  MacroAssembler masm;
  masm.nop();         // 0: no frame yet
  masm.EnterFrame();  // push rbp at 1, mov rbp, rsp at 2
  int body = masm.pc_offset();
  masm.nop();
  masm.nop();
  masm.LeaveFrame();
  int after_pop = masm.pc_offset();
  masm.Ret();
  int slow_path = masm.pc_offset();
  masm.nop();  // after the return: inside the frame again
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  AddUnwindInfo(&desc);
  CodeSpace space;
  UnwindRegistry registry(&space);
  InstalledCode code = space.Install(desc, "states");
  unw_word_t start = code.instruction_start();

  // A fake stack; the "caller" return address is inside a real function.
  unw_word_t stack[16] = {};
  unw_word_t return_address = reinterpret_cast<unw_word_t>(&Marker) + 1;
  unw_word_t caller_rbp = 0x1234560;
  auto at = [&](int slot) { return reinterpret_cast<unw_word_t>(&stack[slot]); };

  // Entry: [rsp] = return address.
  stack[8] = return_address;
  StepResult r = StepFrom(start + 0, at(8), caller_rbp);
  EXPECT_EQ(r.ip, return_address);
  EXPECT_EQ(r.sp, at(9));
  EXPECT_EQ(r.bp, caller_rbp);

  // After push rbp: [rsp] = caller's rbp, [rsp + 8] = return address; rbp not yet set up.
  stack[7] = caller_rbp;
  r = StepFrom(start + 2, at(7), 0xdead);
  EXPECT_EQ(r.ip, return_address);
  EXPECT_EQ(r.sp, at(9));
  EXPECT_EQ(r.bp, caller_rbp);

  // In the body: rbp = frame, rsp anywhere below.
  r = StepFrom(start + static_cast<unw_word_t>(body), at(2), at(7));
  EXPECT_EQ(r.ip, return_address);
  EXPECT_EQ(r.sp, at(9));
  EXPECT_EQ(r.bp, caller_rbp);

  // After pop rbp, at the ret: [rsp] = return address, rbp already restored.
  r = StepFrom(start + static_cast<unw_word_t>(after_pop), at(8), caller_rbp);
  EXPECT_EQ(r.ip, return_address);
  EXPECT_EQ(r.sp, at(9));
  EXPECT_EQ(r.bp, caller_rbp);

  // Code after the return runs in the frame again.
  r = StepFrom(start + static_cast<unw_word_t>(slow_path), at(1), at(7));
  EXPECT_EQ(r.ip, return_address);
  EXPECT_EQ(r.sp, at(9));
  EXPECT_EQ(r.bp, caller_rbp);
}

TEST(EhFrameTest, FdeCoversExactlyTheCode) {
  std::vector<codegen::FrameStateChange> states = {{1, codegen::FrameState::kRbpPushed},
                                                   {4, codegen::FrameState::kFrame},
                                                   {100, codegen::FrameState::kNoFrame},
                                                   {101, codegen::FrameState::kFrame}};
  const size_t kCodeSize = 101;  // the last change, at the end, is dropped
  const size_t kDistance = 104;
  std::vector<uint8_t> eh = BuildEhFrame(kCodeSize, kDistance, states);
  ASSERT_EQ(eh.size() % 4, 0u);
  size_t fde = EhFrameFdeOffset(eh);
  EXPECT_EQ(fde % 8, 0u);
  auto u32 = [&](size_t at) {
    uint32_t v;
    std::memcpy(&v, &eh[at], 4);
    return v;
  };
  EXPECT_EQ(u32(4), 0u);             // CIE id
  EXPECT_EQ(u32(fde + 4), fde + 4);  // CIE pointer: back to offset 0
  int32_t pc_begin = static_cast<int32_t>(u32(fde + 8));
  EXPECT_EQ(static_cast<int64_t>(fde + 8) + pc_begin, -static_cast<int64_t>(kDistance));
  EXPECT_EQ(u32(fde + 12), kCodeSize);
  size_t fde_end = fde + 4 + u32(fde);
  EXPECT_EQ(fde_end + 4, eh.size());
  EXPECT_EQ(u32(fde_end), 0u);  // terminator
}

}  // namespace
}  // namespace ruchy::internal::diagnostics
