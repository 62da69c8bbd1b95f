// Option, Result and Ordering methods, including the unwrap/expect failure texts and
// methods called on the wrong enum.
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using OptionBuiltinsTest = BuiltinsTest;

TEST_F(OptionBuiltinsTest, Unwrap) {
  EXPECT_EQ(M("Some(4)", "unwrap"), "4");
  EXPECT_EQ(M("Ok(5)", "unwrap"), "5");
  EXPECT_EQ(M("None", "unwrap"),
            "error: Runtime error: called `Option::unwrap()` on a `None` value");
  EXPECT_EQ(M("Err('broken')", "unwrap"),
            "error: Runtime error: called `Result::unwrap()` on an `Err` value: \"broken\"");
  EXPECT_EQ(M("Some(4)", "expect", {"'has value'"}), "4");
  EXPECT_EQ(M("None", "expect", {"'config missing'"}), "error: Runtime error: config missing");
  EXPECT_EQ(M("Err(3)", "expect", {"'fine'"}), "error: Runtime error: fine: 3");
  EXPECT_EQ(M("Err('e')", "unwrap_err"), "\"e\"");
  EXPECT_EQ(M("Ok(1)", "unwrap_err"),
            "error: Runtime error: called `Result::unwrap_err()` on an `Ok` value: 1");
  EXPECT_EQ(M("Err('e')", "expect_err", {"'x'"}), "\"e\"");
  EXPECT_EQ(M("Ok(1)", "expect_err", {"'wanted an error'"}),
            "error: Runtime error: wanted an error: 1");
  EXPECT_EQ(M("Some(1)", "unwrap_err"),
            "error: Runtime error: Method 'unwrap_err' not found for type enum_variant");
  EXPECT_EQ(M("Less", "unwrap"),
            "error: Runtime error: Method 'unwrap' not found for type enum_variant");
}

TEST_F(OptionBuiltinsTest, Defaults) {
  EXPECT_EQ(M("Some(4)", "unwrap_or", {"0"}), "4");
  EXPECT_EQ(M("None", "unwrap_or", {"0"}), "0");
  EXPECT_EQ(M("Err('bad')", "unwrap_or", {"0"}), "0");
  EXPECT_EQ(M("None", "unwrap_or_else", {"fn:const42"}), "42");
  EXPECT_EQ(M("Some(1)", "unwrap_or_else", {"fn:fail"}), "1");
  EXPECT_EQ(M("Err('abc')", "unwrap_or_else", {"fn:str_len"}), "3");
  EXPECT_EQ(M("None", "unwrap_or_else", {"fn:argc"}), "0");
  EXPECT_EQ(M("Err(1)", "unwrap_or_else", {"fn:argc"}), "1");
  EXPECT_EQ(M("Some(4)", "unwrap_or_default"), "4");
  EXPECT_EQ(M("None", "unwrap_or_default"), "0");
}

TEST_F(OptionBuiltinsTest, Predicates) {
  EXPECT_EQ(M("Some(4)", "is_some"), "true");
  EXPECT_EQ(M("Some(4)", "is_none"), "false");
  EXPECT_EQ(M("None", "is_some"), "false");
  EXPECT_EQ(M("None", "is_none"), "true");
  EXPECT_EQ(M("Ok(1)", "is_ok"), "true");
  EXPECT_EQ(M("Ok(1)", "is_err"), "false");
  EXPECT_EQ(M("Err(1)", "is_err"), "true");
  EXPECT_EQ(M("Ok(1)", "is_some"),
            "error: Runtime error: Method 'is_some' not found for type enum_variant");
  EXPECT_EQ(M("Some(4)", "is_ok"),
            "error: Runtime error: Method 'is_ok' not found for type enum_variant");
  EXPECT_EQ(M("Some(4)", "is_some_and", {"fn:is_even"}), "true");
  EXPECT_EQ(M("None", "is_some_and", {"fn:is_even"}), "false");
  EXPECT_EQ(M("Ok(3)", "is_ok_and", {"fn:is_even"}), "false");
}

TEST_F(OptionBuiltinsTest, Combinators) {
  EXPECT_EQ(M("Some(4)", "map", {"fn:double"}), "Some(8)");
  EXPECT_EQ(M("None", "map", {"fn:double"}), "None");
  EXPECT_EQ(M("Ok(5)", "map", {"fn:inc"}), "Ok(6)");
  EXPECT_EQ(M("Err('bad')", "map", {"fn:inc"}), "Err(\"bad\")");
  EXPECT_EQ(M("Err(2)", "map_err", {"fn:double"}), "Err(4)");
  EXPECT_EQ(M("Ok(2)", "map_err", {"fn:double"}), "Ok(2)");
  EXPECT_EQ(M("Some(2)", "map_or", {"0", "fn:double"}), "4");
  EXPECT_EQ(M("None", "map_or", {"0", "fn:double"}), "0");
  EXPECT_EQ(M("None", "map_or_else", {"fn:const42", "fn:double"}), "42");
  EXPECT_EQ(M("Some(4)", "and_then", {"fn:some_if_odd"}), "None");
  EXPECT_EQ(M("Some(3)", "and_then", {"fn:some_if_odd"}), "Some(300)");
  EXPECT_EQ(M("None", "and_then", {"fn:some_if_odd"}), "None");
  EXPECT_EQ(M("Some(1)", "and", {"Some(2)"}), "Some(2)");
  EXPECT_EQ(M("None", "and", {"Some(2)"}), "None");
  EXPECT_EQ(M("Some(1)", "or", {"Some(2)"}), "Some(1)");
  EXPECT_EQ(M("None", "or", {"Some(2)"}), "Some(2)");
  EXPECT_EQ(M("None", "or_else", {"fn:const42"}), "42");
  EXPECT_EQ(M("Ok(5)", "ok"), "Some(5)");
  EXPECT_EQ(M("Err('bad')", "ok"), "None");
  EXPECT_EQ(M("Err('bad')", "err"), "Some(\"bad\")");
  EXPECT_EQ(M("Some(4)", "ok_or", {"'missing'"}), "Ok(4)");
  EXPECT_EQ(M("None", "ok_or", {"'missing'"}), "Err(\"missing\")");
  EXPECT_EQ(M("None", "ok_or_else", {"fn:const42"}), "Err(42)");
  EXPECT_EQ(M("Some(4)", "filter", {"fn:is_even"}), "Some(4)");
  EXPECT_EQ(M("Some(3)", "filter", {"fn:is_even"}), "None");
  EXPECT_EQ(M("Some(3)", "iter"), "[3]");
  EXPECT_EQ(M("None", "iter"), "[]");
  EXPECT_EQ(M("Err(1)", "into_iter"), "[]");
  EXPECT_EQ(M("Some(Some(1))", "flatten"), "Some(1)");
  EXPECT_EQ(M("Some(None)", "flatten"), "None");
  EXPECT_EQ(M("Some(1)", "flatten"),
            "error: Type error: flatten() expects an Option inside the Option, got integer");
  EXPECT_EQ(M("Some([1])", "cloned"), "Some([1])");
  EXPECT_EQ(M("Some(1)", "map", {"fn:fail"}), "error: Runtime error: boom");
}

TEST_F(OptionBuiltinsTest, TakeLeavesNone) {
  H o = V("Some(3)");
  EXPECT_EQ(MP(&o, "take"), "Some(3)");
  EXPECT_EQ(Show(o), "None");
  EXPECT_EQ(MP(&o, "take"), "None");
}

TEST_F(OptionBuiltinsTest, TakeResultDoesNotAliasThePlace) {
  // The interpreter passes the place's own slot as the receiver and writes the final value
  // back into that slot: the result must live elsewhere.
  H place = V("Some('x')");
  H receiver = place;  // same slot
  BuiltinArguments call;
  call.isolate = isolate();
  call.receiver = &receiver;
  call.name = "take";
  H result = Check(CallBuiltinMethod(*LookupBuiltinMethod(isolate(), *place, "take"), call));
  *place.location() = (*receiver).ptr();
  EXPECT_EQ(Show(result), "Some(\"x\")");
  EXPECT_EQ(Show(place), "None");
}

TEST_F(OptionBuiltinsTest, Ordering) {
  EXPECT_EQ(M("Less", "reverse"), "Greater");
  EXPECT_EQ(M("Equal", "reverse"), "Equal");
  EXPECT_EQ(M("Equal", "then", {"Less"}), "Less");
  EXPECT_EQ(M("Greater", "then", {"Less"}), "Greater");
  EXPECT_EQ(M("Equal", "then", {"5"}),
            "error: Type error: then() expects an Ordering as argument 1, got integer");
  EXPECT_EQ(M("Equal", "then_with", {"fn:const42"}), "42");
  EXPECT_EQ(M("Less", "then_with", {"fn:fail"}), "Less");
  EXPECT_EQ(M("Less", "is_lt"), "true");
  EXPECT_EQ(M("Less", "is_le"), "true");
  EXPECT_EQ(M("Less", "is_gt"), "false");
  EXPECT_EQ(M("Equal", "is_ge"), "true");
  EXPECT_EQ(M("Equal", "is_eq"), "true");
  EXPECT_EQ(M("Greater", "is_ne"), "true");
  EXPECT_EQ(M("Some(1)", "is_lt"),
            "error: Runtime error: Method 'is_lt' not found for type enum_variant");
}

}  // namespace
}  // namespace ruchy::internal
