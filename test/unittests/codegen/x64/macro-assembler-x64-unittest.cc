// MacroAssembler sequences run in the code space: Smi helpers, tagged fields, C++ calls
// (stack alignment, register preservation), the stack guard, bump allocation with its slow
// path, and the generational write barrier against fake pages.
#include "src/codegen/x64/macro-assembler-x64.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <vector>

#include "gtest/gtest.h"
#include "src/codegen/code-space.h"

namespace ruchy::internal::codegen {
namespace {

class MacroAssemblerTest : public ::testing::Test {
 protected:
  template <typename Signature>
  Signature* Build(const std::function<void(MacroAssembler&)>& emit,
                   const MacroAssemblerOptions& options = {}) {
    MacroAssembler masm(options);
    emit(masm);
    CodeDesc desc;
    masm.GetCode(&desc);
    return space_.Install(desc).entry<Signature>();
  }

  CodeSpace space_;
};

// ---- Smis

TEST_F(MacroAssemblerTest, SmiTagUntagAndCheck) {
  auto tag = Build<int64_t(int64_t)>([](MacroAssembler& masm) {
    masm.SmiTag(rax, rdi);
    masm.ret();
  });
  auto untag = Build<int64_t(int64_t)>([](MacroAssembler& masm) {
    masm.SmiUntag(rax, rdi);
    masm.ret();
  });
  auto is_smi = Build<int64_t(int64_t)>([](MacroAssembler& masm) {
    Label smi;
    masm.movl(rax, Immediate(1));
    masm.JumpIfSmi(rdi, &smi, Label::kNear);
    masm.xorl(rax, rax);
    masm.bind(&smi);
    masm.ret();
  });
  for (int64_t n :
       {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{123456}, kSmiMaxValue, kSmiMinValue}) {
    int64_t tagged = tag(n);
    EXPECT_EQ(tagged, static_cast<int64_t>(static_cast<uint64_t>(n) << 1)) << n;
    EXPECT_EQ(untag(tagged), n);
    EXPECT_EQ(is_smi(tagged), 1);
  }
  EXPECT_EQ(is_smi(0x1001), 0);  // a heap pointer: low bit set
}

TEST_F(MacroAssemblerTest, SmiTagOverflowAndSmiArithmetic) {
  // Returns the tagged value, or 7 (not a Smi) when n does not fit 63 bits.
  auto tag_checked = Build<int64_t(int64_t)>([](MacroAssembler& masm) {
    Label overflow;
    masm.movq(rax, rdi);
    masm.SmiTagCheckOverflow(rax, &overflow);
    masm.ret();
    masm.bind(&overflow);
    masm.movl(rax, Immediate(7));
    masm.ret();
  });
  EXPECT_EQ(tag_checked(kSmiMaxValue), kSmiMaxValue * 2);
  EXPECT_EQ(tag_checked(kSmiMinValue),
            static_cast<int64_t>(static_cast<uint64_t>(kSmiMinValue) << 1));
  EXPECT_EQ(tag_checked(kSmiMaxValue + 1), 7);
  EXPECT_EQ(tag_checked(kSmiMinValue - 1), 7);
  EXPECT_EQ(tag_checked(INT64_MAX), 7);

  // Tagged a + b, or 7 on overflow.
  auto add = Build<int64_t(int64_t, int64_t)>([](MacroAssembler& masm) {
    Label overflow;
    masm.movq(rax, rdi);
    masm.SmiAdd(rax, rsi, &overflow);
    masm.ret();
    masm.bind(&overflow);
    masm.movl(rax, Immediate(7));
    masm.ret();
  });
  auto smi = [](int64_t n) { return static_cast<int64_t>(static_cast<uint64_t>(n) << 1); };
  EXPECT_EQ(add(smi(20), smi(22)), smi(42));
  EXPECT_EQ(add(smi(-5), smi(3)), smi(-2));
  EXPECT_EQ(add(smi(kSmiMaxValue), smi(1)), 7);
  auto sub = Build<int64_t(int64_t, int64_t)>([](MacroAssembler& masm) {
    Label overflow;
    masm.movq(rax, rdi);
    masm.SmiSub(rax, rsi, &overflow);
    masm.ret();
    masm.bind(&overflow);
    masm.movl(rax, Immediate(7));
    masm.ret();
  });
  EXPECT_EQ(sub(smi(kSmiMinValue), smi(1)), 7);
  EXPECT_EQ(sub(smi(10), smi(30)), smi(-20));

  auto constant = Build<int64_t()>([](MacroAssembler& masm) {
    masm.MoveSmi(rax, -(int64_t{1} << 40));
    masm.ret();
  });
  EXPECT_EQ(constant(), smi(-(int64_t{1} << 40)));
}

// ---- Tagged fields

struct TestObject {
  uint64_t shape;
  int64_t a;
  int64_t b;
};

Address Tag(void* object) { return reinterpret_cast<Address>(object) + kHeapObjectTag; }

TEST_F(MacroAssemblerTest, TaggedFieldLoadsAndStores) {
  // obj.b = obj.a; obj.a = Smi(-3); return obj.b + untag(obj.a)
  auto f = Build<int64_t(Address)>([](MacroAssembler& masm) {
    masm.LoadTaggedField(rcx, rdi, offsetof(TestObject, a));
    masm.StoreTaggedField(rdi, offsetof(TestObject, b), rcx);
    masm.StoreSmiField(rdi, offsetof(TestObject, a), -3);
    masm.SmiUntag(rax, MacroAssembler::FieldOperand(rdi, offsetof(TestObject, a)));
    masm.addq(rax, MacroAssembler::FieldOperand(rdi, offsetof(TestObject, b)));
    masm.ret();
  });
  TestObject object{0, 100, 0};
  EXPECT_EQ(f(Tag(&object)), 100 - 3);
  EXPECT_EQ(object.b, 100);
  EXPECT_EQ(object.a, -6);
  auto big = Build<void(Address)>([](MacroAssembler& masm) {
    masm.StoreSmiField(rdi, offsetof(TestObject, b), int64_t{1} << 50);
    masm.ret();
  });
  big(Tag(&object));
  EXPECT_EQ(object.b, int64_t{1} << 51);
}

// ---- Calls into C++

int64_t g_entry_cfa_misalignment = -1;

// __builtin_dwarf_cfa() is the caller's rsp before its `call`: the ABI wants it 16-aligned.
__attribute__((noinline)) int64_t RecordAlignment(int64_t a, int64_t b, int64_t c, int64_t d,
                                                  int64_t e, int64_t f) {
  g_entry_cfa_misalignment = reinterpret_cast<uintptr_t>(__builtin_dwarf_cfa()) % 16;
  return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f;
}

TEST_F(MacroAssemblerTest, CallCFunctionAlignsTheStackWhateverTheCallerDid) {
  for (int pushes = 0; pushes < 4; ++pushes) {
    auto f = Build<int64_t()>([pushes](MacroAssembler& masm) {
      for (int i = 0; i < pushes; ++i) masm.pushq(rbx);
      masm.movl(rdi, Immediate(1));
      masm.movl(rsi, Immediate(2));
      masm.movl(rdx, Immediate(3));
      masm.movl(rcx, Immediate(4));
      masm.movl(r8, Immediate(5));
      masm.movl(r9, Immediate(6));
      masm.CallCFunction(reinterpret_cast<Address>(&RecordAlignment), 6);
      for (int i = 0; i < pushes; ++i) masm.popq(rbx);
      masm.ret();
    });
    g_entry_cfa_misalignment = -1;
    EXPECT_EQ(f(), 1 + 4 + 9 + 16 + 25 + 36) << pushes;
    EXPECT_EQ(g_entry_cfa_misalignment, 0) << pushes;
  }
}

TEST_F(MacroAssemblerTest, CallCFunctionAlignmentSeenByGeneratedCallee) {
  // A generated callee returning its entry rsp: exactly 8 mod 16 under the ABI.
  Address callee = reinterpret_cast<Address>(Build<uint64_t()>([](MacroAssembler& masm) {
    masm.movq(rax, rsp);
    masm.ret();
  }));
  for (int pushes = 0; pushes < 3; ++pushes) {
    auto f = Build<uint64_t()>([=](MacroAssembler& masm) {
      for (int i = 0; i < pushes; ++i) masm.pushq(rbx);
      masm.CallCFunction(callee, 0);
      for (int i = 0; i < pushes; ++i) masm.popq(rbx);
      masm.ret();
    });
    EXPECT_EQ(f() % 16, 8u) << pushes;
  }
}

TEST_F(MacroAssemblerTest, CallerSavedRegistersSurviveAPreservingCall) {
  // A callee that trashes every caller-saved GPR and XMM register.
  Address trash = reinterpret_cast<Address>(Build<void()>([](MacroAssembler& masm) {
    kCallerSavedRegisters.ForEach(
        [&](Register reg) { masm.movq(reg, Immediate64(0x0BADBADBAD + reg.code())); });
    for (int i = 0; i < kNumRegisters; ++i) {
      masm.movq(XMMRegister::FromCode(i), rax);
    }
    masm.ret();
  }));
  // Loads i * 1000 into each caller-saved register (and 0.5 * i into xmm i), calls, then
  // sums the registers back.
  auto f = Build<int64_t()>([=](MacroAssembler& masm) {
    RegList live = kCallerSavedRegisters - RegList{rax};
    live.ForEach([&](Register reg) { masm.movq(reg, Immediate(reg.code() * 1000)); });
    for (int i = 0; i < kNumRegisters; ++i) {
      masm.movq(rax, Immediate(i));
      masm.cvtqsi2sd(XMMRegister::FromCode(i), rax);
    }
    masm.CallCFunctionPreserving(trash, 0, live, kAllXMMRegisters);
    masm.xorl(rax, rax);
    live.ForEach([&](Register reg) { masm.addq(rax, reg); });
    for (int i = 0; i < kNumRegisters; ++i) {
      masm.cvttsd2siq(r11, XMMRegister::FromCode(i));
      masm.imulq(r11, r11, Immediate(100000));
      masm.addq(rax, r11);
    }
    masm.ret();
  });
  int64_t expected = 0;
  (kCallerSavedRegisters - RegList{rax}).ForEach([&](Register reg) {
    expected += reg.code() * 1000;
  });
  for (int i = 0; i < kNumRegisters; ++i) expected += i * 100000;
  EXPECT_EQ(f(), expected);
}

// ---- Stack guard

TEST_F(MacroAssemblerTest, StackLimitCheck) {
  static uintptr_t limit = 0;
  MacroAssemblerOptions options;
  options.stack_limit_address = reinterpret_cast<uintptr_t>(&limit);
  // Returns 1 if the stack check fails with `extra` bytes more, else 0.
  auto check = [&](int extra) {
    return Build<int64_t()>(
        [=](MacroAssembler& masm) {
          Label overflow;
          masm.StackLimitCheck(&overflow, extra, r11);
          masm.xorl(rax, rax);
          masm.ret();
          masm.bind(&overflow);
          masm.movl(rax, Immediate(1));
          masm.ret();
        },
        options);
  };
  auto no_extra = check(0);
  auto with_extra = check(64 * 1024);
  limit = 0;
  EXPECT_EQ(no_extra(), 0);
  EXPECT_EQ(with_extra(), 0);
  limit = UINTPTR_MAX;  // what the VM writes to request an interrupt
  EXPECT_EQ(no_extra(), 1);
  EXPECT_EQ(with_extra(), 1);
  // A limit just below the current stack: passes alone, fails with 64 KB more.
  limit = reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) - 16 * 1024;
  EXPECT_EQ(no_extra(), 0);
  EXPECT_EQ(with_extra(), 1);
}

// ---- Allocation

struct FakeNewSpace {
  alignas(8) uint8_t memory[256];
  uintptr_t top;
  uintptr_t limit;  // right after top, as in the heap's LinearAllocationArea
  int slow_calls = 0;
};

FakeNewSpace g_new_space;

// The slow path's runtime call: "collects" by emptying the area.
void RefillNewSpace() {
  ++g_new_space.slow_calls;
  g_new_space.top = reinterpret_cast<uintptr_t>(g_new_space.memory);
}

TEST_F(MacroAssemblerTest, BumpAllocationFastAndSlowPaths) {
  MacroAssemblerOptions options;
  options.new_space.top_address = reinterpret_cast<uintptr_t>(&g_new_space.top);
  options.new_space.limit_address = reinterpret_cast<uintptr_t>(&g_new_space.limit);
  // Allocates a 24-byte object holding (shape 0, Smi n, Smi n * 2); on exhaustion calls
  // the runtime and retries.
  auto allocate = Build<Address(int64_t)>(
      [](MacroAssembler& masm) {
        Label retry, gc;
        masm.bind(&retry);
        masm.Allocate(24, rax, rcx, &gc);
        masm.movq(MacroAssembler::FieldOperand(rax, 0), Immediate(0));
        masm.SmiTag(rdx, rdi);
        masm.StoreTaggedField(rax, 8, rdx);
        masm.addq(rdx, rdx);
        masm.StoreTaggedField(rax, 16, rdx);
        masm.ret();
        masm.bind(&gc);
        masm.CallCFunctionPreserving(reinterpret_cast<Address>(&RefillNewSpace), 0, {rdi});
        masm.jmp(&retry);
      },
      options);
  g_new_space.top = reinterpret_cast<uintptr_t>(g_new_space.memory);
  g_new_space.limit = g_new_space.top + sizeof(g_new_space.memory);
  g_new_space.slow_calls = 0;
  std::vector<Address> objects;
  for (int i = 0; i < 10; ++i) objects.push_back(allocate(i));
  // 256 / 24 = 10 objects fit; the 11th takes the slow path and lands at the start again.
  EXPECT_EQ(g_new_space.slow_calls, 0);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(objects[i], reinterpret_cast<Address>(g_new_space.memory) + 24 * i + 1);
    auto* object = reinterpret_cast<int64_t*>(objects[i] - 1);
    EXPECT_EQ(object[1], i * 2);
    EXPECT_EQ(object[2], i * 4);
  }
  Address after_gc = allocate(42);
  EXPECT_EQ(g_new_space.slow_calls, 1);
  EXPECT_EQ(after_gc, reinterpret_cast<Address>(g_new_space.memory) + 1);
  EXPECT_EQ(reinterpret_cast<int64_t*>(after_gc - 1)[1], 84);
  EXPECT_EQ(g_new_space.top, reinterpret_cast<uintptr_t>(g_new_space.memory) + 24);
}

TEST_F(MacroAssemblerTest, BumpAllocationWithRegisterSizeRejectsWraparound) {
  MacroAssemblerOptions options;
  options.new_space.top_address = reinterpret_cast<uintptr_t>(&g_new_space.top);
  options.new_space.limit_address = reinterpret_cast<uintptr_t>(&g_new_space.limit);
  // Returns the tagged object, or 0 when the slow path would be needed.
  auto allocate = Build<Address(uint64_t)>(
      [](MacroAssembler& masm) {
        Label gc;
        masm.Allocate(rdi, rax, rcx, &gc, Label::kNear);
        masm.ret();
        masm.bind(&gc);
        masm.xorl(rax, rax);
        masm.ret();
      },
      options);
  g_new_space.top = reinterpret_cast<uintptr_t>(g_new_space.memory);
  g_new_space.limit = g_new_space.top + sizeof(g_new_space.memory);
  EXPECT_EQ(allocate(64), reinterpret_cast<Address>(g_new_space.memory) + 1);
  EXPECT_EQ(allocate(256), 0u);             // does not fit the rest
  EXPECT_EQ(allocate(UINT64_MAX - 7), 0u);  // would wrap around the address space
  EXPECT_EQ(allocate(192), reinterpret_cast<Address>(g_new_space.memory) + 65);
  EXPECT_EQ(g_new_space.top, g_new_space.limit);
}

// ---- Write barrier

constexpr size_t kFakePageSize = 4096;

struct RecordedSlot {
  Address page;
  Address slot;
};
std::vector<RecordedSlot> g_recorded;

void RecordSlot(Address host_page, Address slot) { g_recorded.push_back({host_page, slot}); }

// Two fake pages, one young and one old, with a small object at offset 256 of each.
class WriteBarrierTest : public MacroAssemblerTest {
 protected:
  void SetUp() override {
    young_ = static_cast<uint8_t*>(std::aligned_alloc(kFakePageSize, kFakePageSize));
    old_ = static_cast<uint8_t*>(std::aligned_alloc(kFakePageSize, kFakePageSize));
    std::memset(young_, 0, kFakePageSize);
    std::memset(old_, 0, kFakePageSize);
    SetFlags(young_, kPageInYoungFlag);
    SetFlags(old_, 0);
    options_.write_barrier.page_size = kFakePageSize;
    options_.write_barrier.record_slot_function = reinterpret_cast<Address>(&RecordSlot);
    g_recorded.clear();
  }
  void TearDown() override {
    std::free(young_);
    std::free(old_);
  }
  static void SetFlags(uint8_t* page, uintptr_t flags) {
    std::memcpy(page + kPageFlagsOffset, &flags, sizeof(flags));
  }
  Address YoungObject() const { return reinterpret_cast<Address>(young_ + 256) + kHeapObjectTag; }
  Address OldObject() const { return reinterpret_cast<Address>(old_ + 256) + kHeapObjectTag; }

  uint8_t* young_ = nullptr;
  uint8_t* old_ = nullptr;
  MacroAssemblerOptions options_;
};

TEST_F(WriteBarrierTest, RecordsOnlyOldToYoungStores) {
  // host.field[8] = value, with the barrier; host in rdi, value in rsi.
  auto store = Build<void(Address, Address)>(
      [](MacroAssembler& masm) {
        masm.StoreTaggedFieldWithWriteBarrier(rdi, 8, rsi, rdx);
        masm.ret();
      },
      options_);
  Address old_slot = OldObject() - kHeapObjectTag + 8;

  store(OldObject(), YoungObject());  // old -> young: recorded
  ASSERT_EQ(g_recorded.size(), 1u);
  EXPECT_EQ(g_recorded[0].page, reinterpret_cast<Address>(old_));
  EXPECT_EQ(g_recorded[0].slot, old_slot);
  Address stored;
  std::memcpy(&stored, reinterpret_cast<void*>(old_slot), sizeof(stored));
  EXPECT_EQ(stored, YoungObject());

  store(OldObject(), 42 << 1);          // a Smi: nothing to record
  store(OldObject(), OldObject());      // old -> old
  store(YoungObject(), YoungObject());  // young -> young
  store(YoungObject(), OldObject());    // young -> old
  EXPECT_EQ(g_recorded.size(), 1u);
  std::memcpy(&stored, reinterpret_cast<void*>(old_slot), sizeof(stored));
  EXPECT_EQ(stored, OldObject());
}

TEST_F(WriteBarrierTest, SlowPathPreservesLiveRegisters) {
  // Live values in every caller-saved register except the barrier's operands and the
  // scratch register, plus a double; all must survive the slow-path call.
  auto f = Build<int64_t(Address, Address)>(
      [](MacroAssembler& masm) {
        RegList live = kCallerSavedRegisters - RegList{rdi, rsi, rdx, kScratchRegister};
        live.ForEach([&](Register reg) { masm.movq(reg, Immediate(reg.code() + 1)); });
        masm.movq(r11, Immediate(3));
        masm.cvtqsi2sd(xmm5, r11);
        masm.movq(r11, Immediate(r11.code() + 1));
        // object in rsi, value in rdi: the argument shuffle must not lose either.
        masm.StoreTaggedFieldWithWriteBarrier(rsi, 16, rdi, rdx);
        masm.cvttsd2siq(rdx, xmm5);
        masm.imulq(rdx, rdx, Immediate(1000));
        live.ForEach([&](Register reg) {
          if (reg != rax) masm.addq(rdx, reg);
        });
        masm.addq(rdx, rax);
        masm.movq(rax, rdx);
        masm.ret();
      },
      options_);
  int64_t expected = 3000;
  (kCallerSavedRegisters - RegList{rdi, rsi, rdx, kScratchRegister}).ForEach([&](Register reg) {
    expected += reg.code() + 1;
  });
  EXPECT_EQ(f(YoungObject(), OldObject()), expected);
  ASSERT_EQ(g_recorded.size(), 1u);
  EXPECT_EQ(g_recorded[0].page, reinterpret_cast<Address>(old_));
  EXPECT_EQ(g_recorded[0].slot, OldObject() - kHeapObjectTag + 16);
}

TEST_F(WriteBarrierTest, FlagsAboveTheFirstByteAreTested) {
  // A protocol whose young flag lives in the second byte of the flags word (and at
  // another offset) still works: the barrier reads the right byte.
  options_.write_barrier.young_flag = uintptr_t{1} << 9;
  options_.write_barrier.flags_offset = 8;
  uintptr_t flag = uintptr_t{1} << 9;
  std::memcpy(young_ + 8, &flag, sizeof(flag));
  auto store = Build<void(Address, Address)>(
      [](MacroAssembler& masm) {
        masm.StoreTaggedFieldWithWriteBarrier(rdi, 8, rsi, rdx, SaveFPRegsMode::kIgnore);
        masm.ret();
      },
      options_);
  store(OldObject(), YoungObject());
  store(YoungObject(), YoungObject());
  EXPECT_EQ(g_recorded.size(), 1u);
}

// ---- Frames

TEST_F(MacroAssemblerTest, FrameHelpersRecordFrameStates) {
  MacroAssembler masm;
  masm.EnterFrame();
  masm.nop();
  masm.LeaveFrame();
  masm.Ret();
  masm.int3();  // e.g. a slow path after the return, inside the frame again
  CodeDesc desc;
  masm.GetCode(&desc);
  ASSERT_EQ(desc.frame_states.size(), 4u);
  EXPECT_EQ(desc.frame_states[0].pc_offset, 1u);  // after push rbp
  EXPECT_EQ(desc.frame_states[0].state, FrameState::kRbpPushed);
  EXPECT_EQ(desc.frame_states[1].pc_offset, 4u);  // after mov rbp, rsp
  EXPECT_EQ(desc.frame_states[1].state, FrameState::kFrame);
  EXPECT_EQ(desc.frame_states[2].pc_offset, 9u);  // after nop, mov rsp, rbp, pop rbp
  EXPECT_EQ(desc.frame_states[2].state, FrameState::kNoFrame);
  EXPECT_EQ(desc.frame_states[3].pc_offset, 10u);  // after ret
  EXPECT_EQ(desc.frame_states[3].state, FrameState::kFrame);
}

}  // namespace
}  // namespace ruchy::internal::codegen
