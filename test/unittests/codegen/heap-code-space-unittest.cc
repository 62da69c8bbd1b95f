// The code space inside a real heap: JIT code that embeds a heap object keeps working
// after scavenges and compacting collections move that object, unreachable code is freed,
// and the whole heap verifies with code objects in it.
#include "src/codegen/heap-code-space.h"

#include "gtest/gtest.h"
#include "src/codegen/x64/assembler-x64.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal::codegen {
namespace {

class HeapCodeSpaceTest : public HeapTest {
 protected:
  // Code returning the double inside the HeapNumber it embeds.
  HeapObject InstallLoadNumber(HeapCodeSpace* space, HeapNumber number) {
    Assembler masm;
    masm.movq(rax, Immediate64(static_cast<int64_t>(number.ptr()), RelocMode::kEmbeddedObject));
    masm.movsd(xmm0, Operand(rax, HeapNumber::kValueOffset - kHeapObjectTag));
    masm.ret();
    CodeDesc desc;
    masm.GetCode(&desc);
    return space->Install(desc, "load-number");
  }
  // Code returning the tagged pointer it embeds.
  HeapObject InstallLoadPointer(HeapCodeSpace* space, HeapObject object) {
    Assembler masm;
    masm.movq(rax, Immediate64(static_cast<int64_t>(object.ptr()), RelocMode::kEmbeddedObject));
    masm.ret();
    CodeDesc desc;
    masm.GetCode(&desc);
    return space->Install(desc, "load-pointer");
  }
  static double Run(HeapObject code) {
    return HeapCodeSpace::ToInstalledCode(code).entry<double()>()();
  }
  static Address RunPointer(HeapObject code) {
    return HeapCodeSpace::ToInstalledCode(code).entry<Address()>()();
  }
};

TEST_F(HeapCodeSpaceTest, EmbeddedObjectsFollowTheirTargetsAcrossCollections) {
  HeapCodeSpace space(isolate());
  HandleScope scope(isolate());
  Handle<FixedArray> holder = Check(factory()->NewFixedArray(2));
  Address first_address;
  {
    HandleScope inner(isolate());
    Handle<HeapNumber> number = Check(factory()->NewHeapNumber(6.25));
    ASSERT_TRUE(Heap::InYoungGeneration(*number));
    first_address = number->ptr();
    holder->set(0, InstallLoadNumber(&space, *number));
    holder->set(1, InstallLoadPointer(&space, *number));
  }  // from here on only the code refers to the number
  auto number_code = [&] { return HeapObject::cast(holder->get(0)); };
  auto pointer_code = [&] { return HeapObject::cast(holder->get(1)); };
  EXPECT_EQ(Run(number_code()), 6.25);

  Scavenge();  // the number moves to the other semispace
  EXPECT_NE(RunPointer(pointer_code()), first_address);
  EXPECT_EQ(Run(number_code()), 6.25);
  Scavenge();  // promoted to old space
  EXPECT_FALSE(Heap::InYoungGeneration(Value(RunPointer(pointer_code()))));
  EXPECT_EQ(Run(number_code()), 6.25);
  heap()->Verify();

  for (int i = 0; i < 3; ++i) {
    CompactingGc();
    EXPECT_EQ(Run(number_code()), 6.25);
    // Both code objects always agree on where the number is.
    HeapNumber via_pointer = HeapNumber::cast(Value(RunPointer(pointer_code())));
    EXPECT_EQ(via_pointer.value(), 6.25);
    heap()->Verify();
  }
  EXPECT_GT(space.SizeOfObjects(), 0u);
  holder->set(0, Smi::zero());
  holder->set(1, Smi::zero());
  CompactingGc();
  EXPECT_EQ(space.SizeOfObjects(), 0u);  // unreachable code was freed
}

TEST_F(HeapCodeSpaceTest, CodeKeepsWorkingUnderStressGc) {
  SetUpIsolate(StressHeapOptions());  // collect at every allocation, verify, compact
  HeapCodeSpace space(isolate());
  HandleScope scope(isolate());
  Handle<FixedArray> codes = Check(factory()->NewFixedArray(20));
  for (int i = 0; i < 20; ++i) {
    HandleScope inner(isolate());
    Handle<HeapNumber> number = Check(factory()->NewHeapNumber(i + 0.5));
    codes->set(i, InstallLoadNumber(&space, *number));
    // Allocation churn between installs moves everything embedded so far.
    for (int j = 0; j < 5; ++j) Check(factory()->NewFixedArray(8));
    for (int k = 0; k <= i; ++k) {
      ASSERT_EQ(Run(HeapObject::cast(codes->get(k))), k + 0.5) << "code " << k << " after " << i;
    }
  }
}

TEST_F(HeapCodeSpaceTest, CodePagesCarryHeapPageHeaders) {
  HeapCodeSpace space(isolate());
  HandleScope scope(isolate());
  Handle<HeapNumber> number = Check(factory()->NewHeapNumber(1.0));
  HeapObject code = InstallLoadNumber(&space, *number);
  Page* page = Page::FromHeapObject(code);
  EXPECT_TRUE(page->flags() & Page::kExternal);
  EXPECT_FALSE(page->flags() & Page::kInYoung);
  EXPECT_EQ(code.shape(), isolate()->code_shape());
  EXPECT_TRUE(space.Contains(code.address()));
}

}  // namespace
}  // namespace ruchy::internal::codegen
