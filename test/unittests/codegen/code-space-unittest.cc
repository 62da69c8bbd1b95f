// Tests for the code space: installing and running code, W^X page permissions, page
// headers, embedded-pointer updates after a (fake) object move, freeing and reuse, and the
// mark/sweep hooks the heap will drive.
#include "src/codegen/code-space.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/codegen/x64/assembler-x64.h"

namespace ruchy::internal::codegen {
namespace {

// The permissions ("r-xp", "rw-p", ...) of the mapping containing `address`.
std::string PermissionsOf(Address address) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    uint64_t start = 0, end = 0;
    char perms[8] = {0};
    if (std::sscanf(line.c_str(), "%" SCNx64 "-%" SCNx64 " %7s", &start, &end, perms) != 3) {
      continue;
    }
    if (address >= start && address < end) return perms;
  }
  return "unmapped";
}

CodeDesc Assemble(void (*emit)(Assembler&)) {
  Assembler masm;
  emit(masm);
  CodeDesc desc;
  masm.GetCode(&desc);
  return desc;
}

CodeDesc AddTwoArguments() {
  return Assemble([](Assembler& masm) {
    masm.movq(rax, rdi);
    masm.addq(rax, rsi);
    masm.ret();
  });
}

TEST(CodeSpaceTest, InstalledCodeRuns) {
  CodeSpace space;
  InstalledCode code = space.Install(AddTwoArguments(), "add");
  EXPECT_EQ(code.entry<int64_t(int64_t, int64_t)>()(40, 2), 42);
  EXPECT_EQ(code.entry<int64_t(int64_t, int64_t)>()(-7, 3), -4);
  EXPECT_EQ(code.address() % CodeSpace::kCodeAlignment, 0u);
  EXPECT_EQ(code.instruction_size(), 7u);
  EXPECT_EQ(space.FindCode(code.instruction_start() + 3), code);
  EXPECT_TRUE(space.Contains(code.address()));
}

TEST(CodeSpaceTest, CodePagesAreNeverWritableAndExecutableAtOnce) {
  CodeSpace space;
  InstalledCode code = space.Install(AddTwoArguments());
  Address page_base = code.address() & ~(space.options().page_size - 1);
  EXPECT_EQ(PermissionsOf(code.instruction_start()), "r-xp");
  EXPECT_EQ(PermissionsOf(page_base), "rw-p");  // the header: data, never code
  {
    CodeSpace::WritableScope scope(&space, code);
    EXPECT_EQ(PermissionsOf(code.instruction_start()), "rw-p");
    {
      CodeSpace::WritableScope nested(&space, code);
      EXPECT_EQ(PermissionsOf(code.instruction_start()), "rw-p");
    }
    // The outer scope still holds the page writable.
    EXPECT_EQ(PermissionsOf(code.instruction_start()), "rw-p");
  }
  EXPECT_EQ(PermissionsOf(code.instruction_start()), "r-xp");
  EXPECT_EQ(code.entry<int64_t(int64_t, int64_t)>()(1, 2), 3);
}

TEST(CodeSpaceTest, CodeCanBePatchedInsideAWritableScope) {
  CodeSpace space;
  InstalledCode code = space.Install(Assemble([](Assembler& masm) {
    masm.movl(rax, Immediate(1));  // b8 01 00 00 00
    masm.ret();
  }));
  auto f = code.entry<int()>();
  EXPECT_EQ(f(), 1);
  {
    CodeSpace::WritableScope scope(&space, code);
    int32_t patched = 2;
    std::memcpy(reinterpret_cast<void*>(code.instruction_start() + 1), &patched, sizeof(patched));
  }
  EXPECT_EQ(f(), 2);
  EXPECT_EQ(PermissionsOf(code.instruction_start()), "r-xp");
}

TEST(CodeSpaceDeathTest, WritingInstalledCodeFaults) {
  CodeSpace space;
  InstalledCode code = space.Install(AddTwoArguments());
  volatile uint8_t* instructions = reinterpret_cast<uint8_t*>(code.instruction_start());
  EXPECT_DEATH(instructions[0] = 0x90, "");
}

TEST(CodeSpaceTest, PagesAreAlignedAndCarryTheirFlags) {
  CodeSpaceOptions options;
  options.page_flags = 0xABC0;
  options.page_flags_offset = 16;
  CodeSpace space(options);
  InstalledCode code = space.Install(AddTwoArguments());
  Address page_base = code.address() & ~(options.page_size - 1);
  uintptr_t flags;
  std::memcpy(&flags, reinterpret_cast<void*>(page_base + 16), sizeof(flags));
  EXPECT_EQ(flags, 0xABC0u);
  EXPECT_GE(code.address(), page_base + options.page_header_size);
}

// A fake heap object: [shape word][value field]. Tagged pointer = address + 1.
struct FakeObject {
  uint64_t shape = 0;
  int64_t value = 0;
};

// The acceptance test for the GC seam: code embeds a pointer to an object, the object
// "moves", the visitor rewrites the embedded pointer, and the code sees the new object.
TEST(CodeSpaceTest, MovedObjectEmbeddedInCodeIsFoundThroughTheNewPointer) {
  auto* old_location = new FakeObject{0, 111};
  Address old_tagged = reinterpret_cast<Address>(old_location) + kHeapObjectTag;

  Assembler masm;
  masm.movq(rax, Immediate64(static_cast<int64_t>(old_tagged), RelocMode::kEmbeddedObject));
  masm.movq(rax, Operand(rax, offsetof(FakeObject, value) - kHeapObjectTag));
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  CodeSpace space;
  InstalledCode code = space.Install(desc);
  auto load_field = code.entry<int64_t()>();
  EXPECT_EQ(load_field(), 111);
  ASSERT_EQ(code.reloc_info().size(), 1u);
  EXPECT_EQ(code.reloc_info()[0].mode, RelocMode::kEmbeddedObject);

  // "Move" the object: copy it, then poison and free the old copy as a GC would reuse it.
  auto* new_location = new FakeObject(*old_location);
  new_location->value = 222;
  Address new_tagged = reinterpret_cast<Address>(new_location) + kHeapObjectTag;
  old_location->value = -1;
  delete old_location;

  std::vector<Address> visited;
  space.UpdateEmbeddedPointers(code, [&](Address value) {
    visited.push_back(value);
    return value == old_tagged ? new_tagged : value;
  });
  ASSERT_EQ(visited.size(), 1u);
  EXPECT_EQ(visited[0], old_tagged);
  EXPECT_EQ(load_field(), 222);
  EXPECT_EQ(PermissionsOf(code.instruction_start()), "r-xp");

  // A visitor that moves nothing leaves the code as it is.
  space.UpdateEmbeddedPointers(code, [](Address value) { return value; });
  EXPECT_EQ(load_field(), 222);
  delete new_location;
}

TEST(CodeSpaceTest, UpdateSkipsExternalReferences) {
  Assembler masm;
  masm.movq(rax, Immediate64(0x1000, RelocMode::kExternalReference));
  masm.movq(rax, Immediate64(0x2001, RelocMode::kEmbeddedObject));
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  CodeSpace space;
  InstalledCode code = space.Install(desc);
  std::vector<Address> visited;
  space.UpdateEmbeddedPointers(code, [&](Address value) {
    visited.push_back(value);
    return value;
  });
  EXPECT_EQ(visited, std::vector<Address>{0x2001});
}

TEST(CodeSpaceTest, FreedSpaceIsReusedAndEmptyPagesReleased) {
  CodeSpace space;
  InstalledCode a = space.Install(AddTwoArguments());
  InstalledCode b = space.Install(AddTwoArguments());
  InstalledCode c = space.Install(AddTwoArguments());
  EXPECT_EQ(space.page_count(), 1u);
  Address b_address = b.address();
  space.Free(b);
  EXPECT_TRUE(space.FindCode(b_address + InstalledCode::kHeaderSize).is_null());
  InstalledCode d = space.Install(AddTwoArguments());
  EXPECT_EQ(d.address(), b_address);
  EXPECT_EQ(d.entry<int64_t(int64_t, int64_t)>()(5, 6), 11);
  int count = 0;
  space.ForEachCode([&](InstalledCode) { ++count; });
  EXPECT_EQ(count, 3);
  space.Free(a);
  space.Free(c);
  space.Free(d);
  EXPECT_EQ(space.page_count(), 0u);
  EXPECT_EQ(space.SizeOfObjects(), 0u);
}

TEST(CodeSpaceTest, SweepFreesUnmarkedCodeAndCoalescesFreeSpace) {
  CodeSpace space;
  std::vector<InstalledCode> codes;
  for (int i = 0; i < 6; ++i) codes.push_back(space.Install(AddTwoArguments()));
  size_t one_size = codes[0].size();
  EXPECT_TRUE(space.Mark(codes[0]));
  EXPECT_FALSE(space.Mark(codes[0]));
  EXPECT_TRUE(space.Mark(codes[4]));
  EXPECT_EQ(space.SweepUnmarked(), 4u);
  EXPECT_FALSE(space.IsMarked(codes[0]));
  EXPECT_EQ(space.SizeOfObjects(), 2 * one_size);
  EXPECT_EQ(codes[4].entry<int64_t(int64_t, int64_t)>()(2, 2), 4);

  // Objects 1-3 were freed side by side: one object three times as big fits there.
  Assembler masm;
  masm.Nop(static_cast<int>(3 * one_size - InstalledCode::kHeaderSize - 8));
  masm.ret();
  CodeDesc big;
  masm.GetCode(&big);
  InstalledCode merged = space.Install(big);
  EXPECT_EQ(merged.address(), codes[1].address());
  // The freed tail (object 5) went back to the bump pointer.
  InstalledCode tail = space.Install(AddTwoArguments());
  EXPECT_EQ(tail.address(), codes[5].address());
}

TEST(CodeSpaceTest, CodeLargerThanAPageGetsALargePage) {
  Assembler masm;
  masm.Nop(300 * 1024);
  masm.movl(rax, Immediate(7));
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  CodeSpace space;
  InstalledCode code = space.Install(desc);
  EXPECT_EQ(code.entry<int()>()(), 7);
  EXPECT_EQ(space.FindCode(code.instruction_end() - 1), code);
  EXPECT_EQ(PermissionsOf(code.instruction_end() - 1), "r-xp");
  InstalledCode small = space.Install(AddTwoArguments());
  EXPECT_EQ(space.page_count(), 2u);
  space.Free(code);
  EXPECT_EQ(space.page_count(), 1u);
  EXPECT_EQ(small.entry<int64_t(int64_t, int64_t)>()(1, 1), 2);
}

class RecordingObserver : public CodeSpace::Observer {
 public:
  void OnCodeInstalled(InstalledCode code, const std::string& name) override {
    events.push_back("install " + name + " " + std::to_string(code.instruction_size()));
  }
  void OnCodeFreed(InstalledCode code) override {
    events.push_back("free " + std::to_string(code.instruction_size()));
  }
  std::vector<std::string> events;
};

TEST(CodeSpaceTest, ObserversSeeInstallAndFree) {
  RecordingObserver observer;
  {
    CodeSpace space;
    space.AddObserver(&observer);
    InstalledCode code = space.Install(AddTwoArguments(), "adder");
    space.Free(code);
    space.Install(AddTwoArguments(), "kept");
  }
  EXPECT_EQ(observer.events,
            (std::vector<std::string>{"install adder 7", "free 7", "install kept 7", "free 7"}));
}

TEST(CodeSpaceTest, UnwindInfoAndRelocsAreStoredAfterTheInstructions) {
  CodeDesc desc = AddTwoArguments();
  desc.unwind_info = {1, 2, 3, 4, 5};
  desc.reloc_info.clear();
  CodeSpace space;
  InstalledCode code = space.Install(desc);
  EXPECT_EQ(code.unwind_info_start(), code.instruction_start() + 8);
  EXPECT_EQ(std::vector<uint8_t>(code.unwind_info().begin(), code.unwind_info().end()),
            desc.unwind_info);
  EXPECT_TRUE(code.reloc_info().empty());
}

}  // namespace
}  // namespace ruchy::internal::codegen
