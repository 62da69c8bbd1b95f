// Tests for the Capstone disassembler wrapper and the --print-code listing.
#include "src/diagnostics/disassembler.h"

#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "src/codegen/code-space.h"
#include "src/codegen/x64/assembler-x64.h"
#include "src/diagnostics/code-printer.h"

namespace ruchy::internal::diagnostics {
namespace {

using namespace codegen;  // NOLINT(build/namespaces): registers read better unqualified

TEST(DisassemblerTest, DecodesInstructionsWithSizes) {
  Disassembler disassembler;
  ASSERT_TRUE(disassembler.ok());
  const std::vector<uint8_t> code = {0x48, 0x89, 0xd8, 0xc3};  // mov rax, rbx; ret
  std::vector<DecodedInstruction> insns = disassembler.DecodeAll(code, 0x1000);
  ASSERT_EQ(insns.size(), 2u);
  EXPECT_EQ(insns[0].Text(), "mov rax, rbx");
  EXPECT_EQ(insns[0].size, 3);
  EXPECT_EQ(insns[0].address, 0x1000u);
  EXPECT_EQ(insns[1].Text(), "ret");
  EXPECT_EQ(insns[1].address, 0x1003u);
}

TEST(DisassemblerTest, UndecodableBytesBecomeByteDirectives) {
  Disassembler disassembler;
  const std::vector<uint8_t> code = {0x06, 0xc3};  // `push es` is invalid in 64-bit mode
  std::vector<DecodedInstruction> insns = disassembler.DecodeAll(code, 0);
  ASSERT_EQ(insns.size(), 2u);
  EXPECT_EQ(insns[0].Text(), ".byte 0x06");
  EXPECT_EQ(insns[1].Text(), "ret");
  DecodedInstruction one;
  EXPECT_FALSE(disassembler.DecodeOne(std::span(code).subspan(0, 1), 0, &one));
  EXPECT_FALSE(disassembler.DecodeOne({}, 0, &one));
}

TEST(DisassemblerTest, PrintCodeListsOffsetsBytesAndRelocations) {
  Assembler masm;
  masm.movq(rax, Immediate64(0x10001, RelocMode::kEmbeddedObject));
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  Disassembler disassembler;
  std::string listing = disassembler.PrintCode("f", desc.instructions, 0x5000, desc.reloc_info);
  EXPECT_EQ(listing,
            "--- code: f (11 bytes) ---\n"
            "0x5000      0  48b80100010000000000  movabs rax, 0x10001  ;; embedded object\n"
            "0x500a     10  c3                    ret\n");
}

TEST(CodePrinterTest, PrintsEachInstalledCodeObject) {
  std::ostringstream out;
  CodePrinter printer(&out);
  CodeSpace space;
  space.AddObserver(&printer);
  Assembler masm;
  masm.movq(rax, rdi);
  masm.ret();
  CodeDesc desc;
  masm.GetCode(&desc);
  InstalledCode code = space.Install(desc, "identity");
  space.RemoveObserver(&printer);
  std::string text = out.str();
  EXPECT_NE(text.find("--- code: identity (4 bytes) ---"), std::string::npos) << text;
  EXPECT_NE(text.find("mov rax, rdi"), std::string::npos) << text;
  char address[32];
  std::snprintf(address, sizeof(address), "0x%lx",
                static_cast<unsigned long>(code.instruction_start()));
  EXPECT_NE(text.find(address), std::string::npos) << text;
}

}  // namespace
}  // namespace ruchy::internal::diagnostics
