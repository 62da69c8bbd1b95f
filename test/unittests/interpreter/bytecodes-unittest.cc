// Tests for the bytecode list, the builder's layout (operand scaling, jump relaxation),
// the iterator, the printer and the verifier.
#include <random>

#include "gtest/gtest.h"
#include "src/interpreter/bytecode-array-builder.h"
#include "src/interpreter/bytecode-iterator.h"
#include "src/interpreter/bytecode-printer.h"
#include "src/interpreter/bytecode-verifier.h"
#include "src/interpreter/bytecodes.h"

namespace ruchy::internal::interpreter {
namespace {

Register R(int i) { return Register(i); }

TEST(BytecodesTest, EveryEntryOfTheListIsWellFormed) {
  std::set<std::string> names;
  for (int i = 0; i < kBytecodeCount; ++i) {
    Bytecode bytecode = static_cast<Bytecode>(i);
    std::string name = Bytecodes::Name(bytecode);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << "duplicate " << name;
    int count = Bytecodes::NumberOfOperands(bytecode);
    ASSERT_LE(count, kMaxOperands);
    for (int j = 0; j < count; ++j) {
      OperandType type = Bytecodes::GetOperandType(bytecode, j);
      // A register list is always followed by its count, and a count only follows a list.
      if (type == OperandType::kRegList) {
        ASSERT_LT(j + 1, count) << name;
        EXPECT_EQ(Bytecodes::GetOperandType(bytecode, j + 1), OperandType::kRegCount) << name;
      }
      if (type == OperandType::kRegCount) {
        ASSERT_GT(j, 0) << name;
        EXPECT_EQ(Bytecodes::GetOperandType(bytecode, j - 1), OperandType::kRegList) << name;
      }
    }
    if (Bytecodes::IsJump(bytecode)) {
      ASSERT_GE(count, 1) << name;
      EXPECT_EQ(Bytecodes::GetOperandType(bytecode, 0), OperandType::kUImm) << name;
      EXPECT_TRUE(std::string(name).rfind("Jump", 0) == 0) << name;
    } else {
      EXPECT_FALSE(std::string(name).rfind("Jump", 0) == 0) << name << " is outside the jump range";
    }
    EXPECT_EQ(Bytecodes::Size(bytecode, OperandScale::kSingle),
              Bytecodes::OperandOffset(bytecode, count, OperandScale::kSingle));
  }
  EXPECT_TRUE(Bytecodes::IsPrefix(Bytecode::kWide));
  EXPECT_TRUE(Bytecodes::IsPrefix(Bytecode::kExtraWide));
}

TEST(BytecodesTest, OperandScaleForValues) {
  EXPECT_EQ(ScaleForOperand(OperandType::kImm, static_cast<uint32_t>(-128)), OperandScale::kSingle);
  EXPECT_EQ(ScaleForOperand(OperandType::kImm, static_cast<uint32_t>(-129)), OperandScale::kDouble);
  EXPECT_EQ(ScaleForOperand(OperandType::kImm, 127), OperandScale::kSingle);
  EXPECT_EQ(ScaleForOperand(OperandType::kImm, 128), OperandScale::kDouble);
  EXPECT_EQ(ScaleForOperand(OperandType::kIdx, 255), OperandScale::kSingle);
  EXPECT_EQ(ScaleForOperand(OperandType::kIdx, 256), OperandScale::kDouble);
  EXPECT_EQ(ScaleForOperand(OperandType::kIdx, 65536), OperandScale::kQuadruple);
  EXPECT_EQ(ScaleForOperand(OperandType::kFlag8, 1000), OperandScale::kSingle);
}

TEST(BytecodeBuilderTest, SimpleFunctionLayoutAndListing) {
  // fun f(a) { let x = a + 1; return x }
  BytecodeArrayBuilder builder(1, 1);
  Register a0 = Register::FromParameterIndex(0, 1);
  builder.SetStatementPosition(10);
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.SetExpressionPosition(14);
  builder.Emit(Bytecode::kAdd, {a0.ToOperand(), 0});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.SetStatementPosition(20);
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data = builder.Finalize();
  EXPECT_EQ(VerifyBytecode(data), "");
  // Opcode bytes depend on the list order, so the expectation reads them from the enum.
  auto hex = [](auto byte) {
    char buffer[4];
    snprintf(buffer, sizeof(buffer), "%02x", static_cast<int>(byte) & 0xff);
    return std::string(buffer);
  };
  EXPECT_EQ(PrintBytecode(data),
            "Parameter count 1\n"
            "Register count 1\n"
            "Bytecode length 8\n"
            "  10 S> @    0 : " +
                hex(Bytecode::kLdaSmi) + " 01             LdaSmi [1]\n" + "  14 E> @    2 : " +
                hex(Bytecode::kAdd) + " " + hex(a0.index()) + " 00          Add a0, [0]\n" +
                "        @    5 : " + hex(Bytecode::kStar) + " 00             Star r0\n" +
                "  20 S> @    7 : " + hex(Bytecode::kReturn) + "                Return\n");
}

TEST(BytecodeBuilderTest, ForwardJumpsRelaxToWideOnlyWhenNeeded) {
  for (int filler : {10, 200, 300, 70000}) {
    BytecodeArrayBuilder builder(0, 1);
    BytecodeLabel done = builder.NewLabel();
    builder.Emit(Bytecode::kLdaTrue);
    builder.EmitJump(Bytecode::kJumpIfFalse, done);
    for (int i = 0; i < filler; ++i) builder.Emit(Bytecode::kLdaZero);
    builder.Bind(done);
    builder.Emit(Bytecode::kReturn);
    BytecodeArrayData data = builder.Finalize();
    ASSERT_EQ(VerifyBytecode(data), "") << filler;
    BytecodeIterator it(data.bytes.data(), data.bytes.size());
    it.Advance();
    ASSERT_EQ(it.current_bytecode(), Bytecode::kJumpIfFalse);
    OperandScale expected = filler + 2 <= 255     ? OperandScale::kSingle
                            : filler + 3 <= 65535 ? OperandScale::kDouble
                                                  : OperandScale::kQuadruple;
    EXPECT_EQ(it.current_scale(), expected) << filler;
    EXPECT_EQ(it.GetJumpTargetOffset(), static_cast<int>(data.bytes.size()) - 1) << filler;
  }
}

TEST(BytecodeBuilderTest, BackwardJumpLoop) {
  BytecodeArrayBuilder builder(0, 1);
  BytecodeLabel header = builder.NewLabel();
  BytecodeLabel exit = builder.NewLabel();
  builder.Emit(Bytecode::kLdaZero);
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Bind(header);
  builder.Emit(Bytecode::kLdaSmi, {10});
  builder.Emit(Bytecode::kTestLessThan, {R(0).ToOperand(), 0});
  builder.EmitJump(Bytecode::kJumpIfFalse, exit);
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kAddSmi, {1, 1});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.EmitJump(Bytecode::kJumpLoop, header, {0, 2});
  builder.Bind(exit);
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data = builder.Finalize();
  ASSERT_EQ(VerifyBytecode(data), "");
  std::string listing = PrintBytecode(data);
  EXPECT_NE(listing.find("JumpLoop [14], [0], [2] (-> @3)"), std::string::npos) << listing;
  EXPECT_NE(listing.find("JumpIfFalse [13] (-> @21)"), std::string::npos) << listing;
}

TEST(BytecodeBuilderTest, WideAndExtraWideOperands) {
  BytecodeArrayBuilder builder(0, 70000);
  builder.Emit(Bytecode::kLdaSmi, {static_cast<uint32_t>(-1000)});
  builder.Emit(Bytecode::kStar, {R(300).ToOperand()});
  builder.Emit(Bytecode::kLdaConstant, {100000});
  builder.Emit(Bytecode::kMov, {R(1).ToOperand(), R(69999).ToOperand()});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data = builder.Finalize();
  ASSERT_EQ(VerifyBytecode(data), "");
  BytecodeIterator it(data.bytes.data(), data.bytes.size());
  EXPECT_EQ(it.current_scale(), OperandScale::kDouble);
  EXPECT_EQ(it.GetSignedOperand(0), -1000);
  it.Advance();
  EXPECT_EQ(it.current_scale(), OperandScale::kDouble);
  EXPECT_EQ(it.GetRegisterOperand(0), R(300));
  it.Advance();
  EXPECT_EQ(it.current_scale(), OperandScale::kQuadruple);
  EXPECT_EQ(it.GetOperand(0), 100000u);
  it.Advance();
  EXPECT_EQ(it.current_scale(), OperandScale::kQuadruple);
  EXPECT_EQ(it.GetRegisterOperand(1), R(69999));
  std::string listing = PrintBytecode(data);
  EXPECT_NE(listing.find("Wide.LdaSmi [-1000]"), std::string::npos) << listing;
  EXPECT_NE(listing.find("ExtraWide.Mov r1, r69999"), std::string::npos) << listing;
}

TEST(BytecodeBuilderTest, RandomProgramsRoundTripThroughTheIterator) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 200; ++trial) {
    const int registers = 400;
    BytecodeArrayBuilder builder(2, registers);
    struct Expected {
      Bytecode bytecode;
      std::vector<uint32_t> operands;
    };
    std::vector<Expected> expected;
    int n = 1 + rng() % 50;
    for (int i = 0; i < n; ++i) {
      // Pick a non-jump, non-prefix bytecode and random in-range operands.
      Bytecode bytecode;
      do {
        bytecode = static_cast<Bytecode>(rng() % kBytecodeCount);
      } while (Bytecodes::IsJump(bytecode) || Bytecodes::IsPrefix(bytecode));
      std::vector<uint32_t> ops;
      int count = Bytecodes::NumberOfOperands(bytecode);
      for (int j = 0; j < count; ++j) {
        switch (Bytecodes::GetOperandType(bytecode, j)) {
          case OperandType::kRegList:  // lists stay inside the locals
            ops.push_back(R(rng() % (registers - 8)).ToOperand());
            break;
          case OperandType::kReg:
          case OperandType::kRegOut:
            ops.push_back(rng() % 3 == 0 ? Register::FromParameterIndex(rng() % 2, 2).ToOperand()
                                         : R(rng() % (registers - 8)).ToOperand());
            break;
          case OperandType::kRegCount:
            ops.push_back(rng() % 8);
            break;
          case OperandType::kImm:
            ops.push_back(static_cast<uint32_t>(static_cast<int32_t>(rng()) >> (rng() % 31)));
            break;
          case OperandType::kIdx:
          case OperandType::kUImm:
            ops.push_back(rng() >> (rng() % 32));
            break;
          case OperandType::kFlag8:
            ops.push_back(rng() % 256);
            break;
          case OperandType::kRuntimeId:
            ops.push_back(rng() % 65536);
            break;
        }
      }
      switch (ops.size()) {
        case 0:
          builder.Emit(bytecode);
          break;
        case 1:
          builder.Emit(bytecode, {ops[0]});
          break;
        case 2:
          builder.Emit(bytecode, {ops[0], ops[1]});
          break;
        case 3:
          builder.Emit(bytecode, {ops[0], ops[1], ops[2]});
          break;
        case 4:
          builder.Emit(bytecode, {ops[0], ops[1], ops[2], ops[3]});
          break;
      }
      expected.push_back({bytecode, ops});
    }
    builder.Emit(Bytecode::kReturn);
    expected.push_back({Bytecode::kReturn, {}});
    BytecodeArrayData data = builder.Finalize();
    ASSERT_EQ(VerifyBytecode(data), "");
    size_t k = 0;
    for (BytecodeIterator it(data.bytes.data(), data.bytes.size()); !it.done(); it.Advance(), ++k) {
      ASSERT_LT(k, expected.size());
      ASSERT_EQ(it.current_bytecode(), expected[k].bytecode);
      for (size_t j = 0; j < expected[k].operands.size(); ++j) {
        ASSERT_EQ(it.GetOperand(static_cast<int>(j)), expected[k].operands[j])
            << Bytecodes::Name(expected[k].bytecode) << " operand " << j;
      }
    }
    EXPECT_EQ(k, expected.size());
  }
}

// The bytecodes of `data` in order, for peephole tests.
std::vector<Bytecode> BytecodesOf(const BytecodeArrayData& data) {
  std::vector<Bytecode> out;
  for (BytecodeIterator it(data.bytes.data(), data.bytes.size()); !it.done(); it.Advance()) {
    out.push_back(it.current_bytecode());
  }
  return out;
}

// Runs the peephole and finalizes `builder` into *data; the bytecodes in order (none when
// the result does not verify, which fails the test).
std::vector<Bytecode> Peepholed(BytecodeArrayBuilder* builder, BytecodeArrayData* data) {
  builder->Peephole();
  *data = builder->Finalize();
  std::string error = VerifyBytecode(*data);
  EXPECT_EQ(error, "");
  return error.empty() ? BytecodesOf(*data) : std::vector<Bytecode>{};
}

TEST(BytecodePeepholeTest, DeadLoadsAndReloadsGo) {
  BytecodeArrayBuilder builder(0, 2);
  builder.Emit(Bytecode::kLdaNil);  // dead: LdaSmi overwrites it
  builder.Emit(Bytecode::kLdaSmi, {7});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});  // the accumulator already holds r0
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});  // a different register: kept
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdaSmiStar, Bytecode::kStar, Bytecode::kLdar,
                                   Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, MovesAndSharedStores) {
  BytecodeArrayBuilder builder(0, 4);
  // Ldar; Star with the accumulator overwritten next: Mov.
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  // Ldar; Share; Star likewise: MovShared.
  builder.Emit(Bytecode::kLdar, {R(1).ToOperand()});
  builder.Emit(Bytecode::kShare);
  builder.Emit(Bytecode::kStar, {R(2).ToOperand()});
  // Share; Star with the accumulator read next: StarShared (the Ldar of r3 goes too).
  builder.Emit(Bytecode::kLdaSmi, {4});
  builder.Emit(Bytecode::kShare);
  builder.Emit(Bytecode::kStar, {R(3).ToOperand()});
  builder.Emit(Bytecode::kLdar, {R(3).ToOperand()});
  // Ldar; Star with the accumulator read next: both stay.
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.Emit(Bytecode::kAdd, {R(1).ToOperand(), 0});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kMov, Bytecode::kMovShared, Bytecode::kLdaSmi,
                                   Bytecode::kStarShared, Bytecode::kLdar, Bytecode::kStar,
                                   Bytecode::kAdd, Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, ConstantLoadsFuseWithTheirStore) {
  // LdaSmi/LdaZero/LdaNil/LdaConstant; Star r: one bytecode, which also leaves the value in
  // the accumulator (the Add reads it). A jump target on the Star, or a Star with a fusion
  // of its own after it (JumpLoop), keeps the pair.
  BytecodeArrayBuilder builder(0, 4);
  BytecodeLabel loop = builder.NewLabel();
  BytecodeLabel target = builder.NewLabel();
  builder.Bind(loop);
  builder.Emit(Bytecode::kLdaSmi, {7});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kLdaZero);
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.Emit(Bytecode::kAdd, {R(0).ToOperand(), 0});
  builder.Emit(Bytecode::kLdaNil);
  builder.Emit(Bytecode::kStar, {R(2).ToOperand()});
  builder.Emit(Bytecode::kLdaConstant, {0});
  builder.Emit(Bytecode::kStar, {R(3).ToOperand()});
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});  // goes first, then the pair fuses
  builder.Emit(Bytecode::kAdd, {R(1).ToOperand(), 0});
  builder.EmitJump(Bytecode::kJumpIfTrue, target);
  builder.Emit(Bytecode::kLdaSmi, {2});
  builder.Bind(target);
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});  // a jump target: kept apart
  builder.Emit(Bytecode::kLdaSmi, {3});
  builder.Emit(Bytecode::kStar, {R(2).ToOperand()});
  builder.EmitJump(Bytecode::kJumpLoop, loop, {0, 0});
  BytecodeArrayData data;
  EXPECT_EQ(
      Peepholed(&builder, &data),
      (std::vector<Bytecode>{
          Bytecode::kLdaSmiStar, Bytecode::kLdaSmiStar, Bytecode::kAdd, Bytecode::kLdaNilStar,
          Bytecode::kLdaConstantStar, Bytecode::kLdaSmiStar, Bytecode::kAdd, Bytecode::kJumpIfTrue,
          Bytecode::kLdaSmi, Bytecode::kStar, Bytecode::kLdaSmi, Bytecode::kJumpLoopAfterStar}));
  BytecodeIterator it(data.bytes.data(), data.bytes.size());
  EXPECT_EQ(it.GetRegisterOperand(0), R(0));
  EXPECT_EQ(it.GetSignedOperand(1), 7);
  it.Advance();
  EXPECT_EQ(it.GetRegisterOperand(0), R(1));
  EXPECT_EQ(it.GetSignedOperand(1), 0);
}

TEST(BytecodePeepholeTest, StoreToALocalBeforeReturnIsDead) {
  // Nothing reads a local after Return (the frame is gone); a parameter may be written
  // back to the caller (in-out), so its store stays.
  BytecodeArrayBuilder builder(1, 2);
  Register a0 = Register::FromParameterIndex(0, 1);
  BytecodeLabel other = builder.NewLabel();
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.EmitJump(Bytecode::kJumpIfTrue, other);
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.Emit(Bytecode::kReturn);
  builder.Bind(other);
  builder.Emit(Bytecode::kStar, {a0.ToOperand()});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdaSmi, Bytecode::kJumpIfTrue, Bytecode::kReturn,
                                   Bytecode::kStar, Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, ReloadAtAJumpTargetStays) {
  // Another path reaches the Ldar with something else in the accumulator.
  BytecodeArrayBuilder builder(0, 1);
  BytecodeLabel target = builder.NewLabel();
  builder.Emit(Bytecode::kLdaTrue);
  builder.EmitJump(Bytecode::kJumpIfTrue, target);
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Bind(target);
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdaTrue, Bytecode::kJumpIfTrue, Bytecode::kStar,
                                   Bytecode::kLdar, Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, ComparisonJumpsAndJumpsToReturn) {
  BytecodeArrayBuilder builder(1, 1);
  BytecodeLabel other = builder.NewLabel();
  BytecodeLabel exit = builder.NewLabel();
  builder.Emit(Bytecode::kLdaZero);
  builder.Emit(Bytecode::kTestLessThan, {Register::FromParameterIndex(0, 1).ToOperand(), 0});
  builder.EmitJump(Bytecode::kJumpIfToBooleanFalse, other);
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.EmitJump(Bytecode::kJump, exit);
  builder.Bind(other);
  builder.Emit(Bytecode::kLdaSmi, {2});
  builder.Bind(exit);
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdaZero, Bytecode::kTestLessThan,
                                   Bytecode::kJumpIfFalse, Bytecode::kLdaSmi, Bytecode::kReturn,
                                   Bytecode::kLdaSmi, Bytecode::kReturn}));
  // The conditional jump still lands on the second LdaSmi.
  BytecodeIterator it(data.bytes.data(), data.bytes.size());
  it.Advance();
  it.Advance();
  ASSERT_EQ(it.current_bytecode(), Bytecode::kJumpIfFalse);
  int target = it.GetJumpTargetOffset();
  it.Advance();
  it.Advance();
  it.Advance();
  EXPECT_EQ(it.current_offset(), target);
}

TEST(BytecodePeepholeTest, NegatedConditionAndJumpsToTheNextBytecode) {
  // if !x { a } else { b } with the value unused: no LogicalNot, and the then-branch's
  // jump over nothing disappears.
  BytecodeArrayBuilder builder(1, 1);
  BytecodeLabel else_label = builder.NewLabel();
  BytecodeLabel done = builder.NewLabel();
  builder.Emit(Bytecode::kLdar, {Register::FromParameterIndex(0, 1).ToOperand()});
  builder.Emit(Bytecode::kLogicalNot);
  builder.EmitJump(Bytecode::kJumpIfFalse, else_label);
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kLdaNil);  // dead: the jump's target overwrites the accumulator
  builder.EmitJump(Bytecode::kJump, done);
  builder.Bind(else_label);
  builder.Bind(done);
  builder.Emit(Bytecode::kLdaZero);
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdar, Bytecode::kJumpIfToBooleanTrue,
                                   Bytecode::kLdaSmiStar, Bytecode::kLdaZero, Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, NegationWhoseValueIsUsedStays) {
  // a || !b: the negated value is the expression's value at the jump target.
  BytecodeArrayBuilder builder(1, 0);
  BytecodeLabel done = builder.NewLabel();
  builder.Emit(Bytecode::kLdar, {Register::FromParameterIndex(0, 1).ToOperand()});
  builder.Emit(Bytecode::kLogicalNot);
  builder.EmitJump(Bytecode::kJumpIfToBooleanTrue, done);
  builder.Emit(Bytecode::kLdaFalse);
  builder.Bind(done);
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(Peepholed(&builder, &data),
            (std::vector<Bytecode>{Bytecode::kLdar, Bytecode::kLogicalNot, Bytecode::kJumpIfTrue,
                                   Bytecode::kLdaFalse, Bytecode::kReturn}));
}

TEST(BytecodePeepholeTest, StoredResultJumpingToItsReturnReturns) {
  // match arms whose value is returned: `Star r0; Jump L` ... `L: Ldar r0; Return`. The
  // arm that stored r0 returns directly (and its store goes, as the frame does); one
  // that stored another register, and a jump
  // other code reaches with anything in the accumulator, keep their jumps. Pattern tests
  // leave booleans, so the truthiness jump after them becomes a plain one.
  BytecodeArrayBuilder builder(1, 2);
  Register a0 = Register::FromParameterIndex(0, 1);
  BytecodeLabel second = builder.NewLabel();
  BytecodeLabel shared_jump = builder.NewLabel();
  BytecodeLabel done = builder.NewLabel();
  builder.Emit(Bytecode::kLdaNil);
  builder.Emit(Bytecode::kTestPatternEqual, {a0.ToOperand()});
  builder.EmitJump(Bytecode::kJumpIfToBooleanFalse, second);
  builder.Emit(Bytecode::kLdaSmi, {1});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.EmitJump(Bytecode::kJump, done);  // returns
  builder.Bind(second);
  builder.Emit(Bytecode::kLdar, {a0.ToOperand()});
  builder.EmitJump(Bytecode::kJumpIfTrue, shared_jump);
  builder.Emit(Bytecode::kLdaSmi, {2});
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.EmitJump(Bytecode::kJump, done);  // r1 is not what done returns: kept
  builder.Emit(Bytecode::kLdaSmi, {3});
  builder.Emit(Bytecode::kStar, {R(0).ToOperand()});
  builder.Bind(shared_jump);
  builder.EmitJump(Bytecode::kJump, done);  // a jump target (acc is a0 there): kept
  builder.Emit(Bytecode::kLdaZero);
  builder.Emit(Bytecode::kReturn);
  builder.Bind(done);
  builder.Emit(Bytecode::kLdar, {R(0).ToOperand()});
  builder.Emit(Bytecode::kReturn);
  BytecodeArrayData data;
  EXPECT_EQ(
      Peepholed(&builder, &data),
      (std::vector<Bytecode>{
          Bytecode::kLdaNil, Bytecode::kTestPatternEqual, Bytecode::kJumpIfFalse, Bytecode::kLdaSmi,
          Bytecode::kReturn, Bytecode::kLdar, Bytecode::kJumpIfTrue, Bytecode::kLdaSmi,
          Bytecode::kStar, Bytecode::kJump, Bytecode::kLdaSmi, Bytecode::kStar, Bytecode::kJump,
          Bytecode::kLdaZero, Bytecode::kReturn, Bytecode::kLdar, Bytecode::kReturn}));
}

TEST(BytecodeVerifierTest, RejectsMalformedBytecode) {
  auto data = [](std::vector<uint8_t> bytes, int registers = 2) {
    BytecodeArrayData d;
    d.bytes = std::move(bytes);
    d.parameter_count = 1;
    d.register_count = registers;
    return d;
  };
  const uint8_t kReturn = static_cast<uint8_t>(Bytecode::kReturn);
  const uint8_t kStar = static_cast<uint8_t>(Bytecode::kStar);
  const uint8_t kJump = static_cast<uint8_t>(Bytecode::kJump);
  const uint8_t kWide = static_cast<uint8_t>(Bytecode::kWide);
  const uint8_t kLdaZero = static_cast<uint8_t>(Bytecode::kLdaZero);
  EXPECT_EQ(VerifyBytecode(data({kReturn})), "");
  EXPECT_EQ(VerifyBytecode(data({})), "empty bytecode");
  EXPECT_EQ(VerifyBytecode(data({0xff, kReturn})), "@0: malformed instruction");
  EXPECT_EQ(VerifyBytecode(data({kStar})), "@0: malformed instruction");  // truncated
  EXPECT_EQ(VerifyBytecode(data({kWide, kWide, kReturn})), "@0: malformed instruction");
  EXPECT_EQ(VerifyBytecode(data({kWide, kLdaZero, kReturn})), "@0: malformed instruction");
  EXPECT_EQ(VerifyBytecode(data({kStar, 5, kReturn})),
            "@0: Star uses r5 outside the frame (1 parameters, 2 registers)");
  const uint8_t a0 = static_cast<uint8_t>(Register::FromParameterIndex(0, 1).index());
  EXPECT_EQ(VerifyBytecode(data({kStar, a0, kReturn})), "");
  EXPECT_EQ(VerifyBytecode(data({kStar, static_cast<uint8_t>(a0 - 1), kReturn})),
            "@0: Star uses a-1 outside the frame (1 parameters, 2 registers)");
  EXPECT_EQ(VerifyBytecode(data({kJump, 1, kReturn})),
            "@0: jump target @1 is not the start of an instruction");
  EXPECT_EQ(VerifyBytecode(data({kJump, 2, kReturn})), "");
  EXPECT_EQ(VerifyBytecode(data({kLdaZero})), "control falls off the end after LdaZero");
  BytecodeArrayData with_handler = data({kLdaZero, kStar, 0, kReturn});
  with_handler.handlers.push_back({0, 2, 3, Register(0)});
  EXPECT_EQ(VerifyBytecode(with_handler), "handler [0, 2) -> @3 is not on instruction boundaries");
  with_handler.handlers[0] = {0, 3, 3, Register(0)};
  EXPECT_EQ(VerifyBytecode(with_handler), "");
}

TEST(BytecodeBuilderTest, HandlerTableIsResolvedAndPrinted) {
  BytecodeArrayBuilder builder(0, 2);
  BytecodeLabel start = builder.NewLabel(), end = builder.NewLabel(), handler = builder.NewLabel(),
                done = builder.NewLabel();
  builder.Bind(start);
  builder.Emit(Bytecode::kLdaSmi, {7});
  builder.Emit(Bytecode::kThrow);
  builder.Bind(end);
  builder.Bind(handler);
  builder.Emit(Bytecode::kStar, {R(1).ToOperand()});
  builder.EmitJump(Bytecode::kJump, done);
  builder.Bind(done);
  builder.Emit(Bytecode::kReturn);
  builder.AddHandler(start, end, handler, R(0));
  BytecodeArrayData data = builder.Finalize();
  ASSERT_EQ(VerifyBytecode(data), "");
  ASSERT_EQ(data.handlers.size(), 1u);
  EXPECT_EQ(data.handlers[0].start, 0);
  EXPECT_EQ(data.handlers[0].end, 3);
  EXPECT_EQ(data.handlers[0].handler, 3);
  EXPECT_NE(PrintBytecode(data).find("[0, 3) -> @3 (context r0)"), std::string::npos);
}

}  // namespace
}  // namespace ruchy::internal::interpreter
