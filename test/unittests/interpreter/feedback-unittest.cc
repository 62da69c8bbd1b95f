// The interpreter's feedback vectors: the counter slots (binary-op bit sets and call
// counts) start as Smi 0 and the handlers' inline updates keep them exact; the other slots
// start as nil.
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "src/execution/isolate.h"
#include "src/interpreter/bytecode-data.h"
#include "src/interpreter/bytecode-iterator.h"
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {
namespace {

class FeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override { SetUpWith({}); }
  void SetUpWith(const InterpreterOptions& options) {
    interpreter_.reset();
    isolate_ = Isolate::New();
    interpreter_ = AttachInterpreter(isolate_.get(), options);
  }
  void TearDown() override {
    interpreter_.reset();
    isolate_.reset();
  }

  // Compiles and runs `source`; false (with the error as a test failure) if either fails.
  bool Run(const std::string& source) {
    HandleScope scope(isolate_.get());
    std::string error;
    Handle<SharedFunctionInfo> script;
    if (!interpreter_->Compile("feedback.ruchy", source, /*call_main=*/false, &error)
             .ToHandle(&script)) {
      ADD_FAILURE() << error;
      return false;
    }
    if (interpreter_->RunScript(script).is_null()) {
      ADD_FAILURE() << "the script threw";
      isolate_->clear_pending_exception();
      return false;
    }
    return true;
  }

  Closure Function(const char* name) {
    int index = interpreter_->FindGlobalIndex(name);
    EXPECT_GE(index, 0) << name;
    return Closure::cast(interpreter_->GetGlobal(index));
  }
  static FeedbackVector VectorOf(Closure closure) {
    return FeedbackVector::cast(closure.feedback_cell().value());
  }
  // The slot operand (the last one) of the first `bytecode` in `closure`.
  static int SlotOf(Closure closure, Bytecode bytecode) {
    const std::vector<uint8_t>& bytes = closure.bytecode_data()->bytes;
    for (BytecodeIterator it(bytes.data(), bytes.size()); !it.done(); it.Advance()) {
      if (it.current_bytecode() == bytecode) {
        return static_cast<int>(it.GetOperand(Bytecodes::NumberOfOperands(bytecode) - 1));
      }
    }
    ADD_FAILURE() << "no " << Bytecodes::Name(bytecode);
    return 0;
  }

  std::unique_ptr<Isolate> isolate_;
  std::unique_ptr<Interpreter> interpreter_;
};

TEST_F(FeedbackTest, CounterSlotsStartAtZeroAndOthersAtNil) {
  ASSERT_TRUE(Run("fun f(a, b) { let p = (a, b)\n p.0 + p.1 }\n"));
  Closure f = Function("f");
  const BytecodeData* data = f.bytecode_data();
  FeedbackVector vector = VectorOf(f);
  ASSERT_EQ(vector.length(), data->feedback_slot_count);
  int add = SlotOf(f, Bytecode::kAdd);
  ASSERT_EQ(data->counter_slots, std::vector<uint32_t>{static_cast<uint32_t>(add)});
  for (int i = 0; i < vector.length(); ++i) {
    if (i == add) {
      EXPECT_EQ(vector.get(i), Smi::FromInt(0));
    } else {
      EXPECT_TRUE(vector.get(i).IsNil()) << "slot " << i;
    }
  }
}

TEST_F(FeedbackTest, BinaryOperationBitsAccumulate) {
  ASSERT_TRUE(Run("fun add(a, b) { a + b }\nadd(1, 2)\nadd(3, 4)\n"));
  Closure add = Function("add");
  int slot = SlotOf(add, Bytecode::kAddRegs);
  EXPECT_EQ(VectorOf(add).get(slot), Smi::FromInt(1));  // SignedSmall
  ASSERT_TRUE(Run("add(1.5, 2)\n"));
  EXPECT_EQ(VectorOf(add).get(slot), Smi::FromInt(1 | 2));  // and Number
  ASSERT_TRUE(Run("add(\"a\", \"b\")\n"));
  EXPECT_EQ(VectorOf(add).get(slot), Smi::FromInt(1 | 2 | 4));  // and String (slow path)
}

TEST_F(FeedbackTest, FusedRegisterFormsRecordTheirSlot) {
  // `n - 1` on a parameter is SubRegSmi after the peephole: its slot is still a counter.
  ASSERT_TRUE(Run("fun dec(n) { n - 1 }\ndec(5)\n"));
  Closure dec = Function("dec");
  int slot = SlotOf(dec, Bytecode::kSubRegSmi);
  EXPECT_EQ(VectorOf(dec).get(slot), Smi::FromInt(1));
}

TEST_F(FeedbackTest, CallCountsCountEveryCall) {
  ASSERT_TRUE(
      Run("fun one() { 1 }\n"
          "fun caller(n) { let mut i = 0\n while i < n { one()\n i += 1 }\n }\n"
          "caller(5)\n"));
  Closure caller = Function("caller");
  int slot = SlotOf(caller, Bytecode::kCallGlobal);
  FeedbackVector vector = VectorOf(caller);
  EXPECT_EQ(vector.get(slot), Function("one"));
  EXPECT_EQ(vector.get(slot + 1), Smi::FromInt(5));
  ASSERT_TRUE(Run("caller(7)\n"));
  EXPECT_EQ(VectorOf(caller).get(slot + 1), Smi::FromInt(12));
}

// --jitless (type_feedback off): the dispatch loop leaves the feedback only a JIT reads
// (binary-operation bits, plain-call targets and counts) as it started, on the fast and
// the slow paths, while the feedback it runs on itself (field ICs, method sites) still
// fills in.
TEST_F(FeedbackTest, WithoutTypeFeedbackOnlyTheInterpretersOwnFeedbackIsKept) {
  InterpreterOptions options;
  options.type_feedback = false;
  SetUpWith(options);
  ASSERT_TRUE(
      Run("struct P { x: i64 }\n"
          "impl P { fun get(&self) -> i64 { self.x } }\n"
          "fun add(a, b) { a + b }\n"
          "fun one() { 1 }\n"
          "fun field(p) { p.x }\n"
          "fun method(p) { p.get() }\n"
          "fun caller(n) { let mut i = 0\n while i < n { one()\n i += 1 }\n }\n"
          "add(1, 2)\nadd(1.5, 2)\nadd(\"a\", \"b\")\ncaller(5)\n"
          "field(P { x: 1 })\nmethod(P { x: 2 })\nmethod(P { x: 3 })\n"));
  Closure add = Function("add");
  EXPECT_EQ(VectorOf(add).get(SlotOf(add, Bytecode::kAddRegs)), Smi::FromInt(0));
  Closure caller = Function("caller");
  int call = SlotOf(caller, Bytecode::kCallGlobal);
  EXPECT_TRUE(VectorOf(caller).get(call).IsNil());
  EXPECT_EQ(VectorOf(caller).get(call + 1), Smi::FromInt(0));
  Closure field = Function("field");
  EXPECT_FALSE(VectorOf(field).get(SlotOf(field, Bytecode::kGetNamedProperty)).IsNil());
  Closure method = Function("method");
  EXPECT_FALSE(VectorOf(method).get(SlotOf(method, Bytecode::kCallMethod)).IsNil());
}

}  // namespace
}  // namespace ruchy::internal::interpreter
