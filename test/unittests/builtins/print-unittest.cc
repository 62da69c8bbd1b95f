// Printing and formatting in function and macro forms (the expected texts follow
// test/ruchy/printing/*.out), eprintln, named placeholders, format errors, dbg, panics
// and assertions.
#include "test/unittests/builtins/builtins-test-utils.h"

namespace ruchy::internal {
namespace {

using PrintBuiltinsTest = BuiltinsTest;

TEST_F(PrintBuiltinsTest, PrintlnFunctionForm) {
  EXPECT_EQ(Stdout("println", {"'plain'"}), "plain\n");
  EXPECT_EQ(Stdout("println", {"42"}), "42\n");
  EXPECT_EQ(Stdout("println", {"'x = {}'", "5"}), "x = 5\n");
  EXPECT_EQ(Stdout("println", {"'{} + {} = {}'", "1", "2", "3"}), "1 + 2 = 3\n");
  EXPECT_EQ(Stdout("println", {"'a'", "1", "true", "nil"}), "a 1 true nil\n");
  EXPECT_EQ(Stdout("println", {"1", "'b'"}), "1 b\n");
  EXPECT_EQ(Stdout("println", {}), "\n");
  EXPECT_EQ(Stdout("println", {"[1, 'a', 2.0]"}), "[1, \"a\", 2.0]\n");
  EXPECT_EQ(Stdout("println", {"'{}'", "'{}'"}), "{}\n");  // inserted text is not rescanned
  EXPECT_EQ(Stdout("println", {"'{} {}'", "'a{}'", "'b'"}), "a{} b\n");
  EXPECT_EQ(Stdout("println", {"'{}|{}'", "2.0", "nil"}), "2.0|nil\n");
  EXPECT_EQ(Stdout("println", {"'{}'", "{b: 2, a: 'x'}"}), "{a: \"x\", b: 2}\n");
  EXPECT_EQ(Stdout("println", {"'Avg: {:.2}'", "3.14159"}), "Avg: 3.14\n");
  EXPECT_EQ(Stdout("println", {"'{:?}'", "'function form'"}), "\"function form\"\n");
  EXPECT_EQ(Stdout("println", {"'{} and {}'", "1"}), "1 and {}\n");  // missing argument
  EXPECT_EQ(Stdout("println", {"'{}'", "1", "2"}), "1\n");           // surplus arguments dropped
  EXPECT_EQ(Stdout("println", {"'a { b'", "1"}), "a { b 1\n");       // not a template
  EXPECT_EQ(Stdout("println", {"'{{x}}'"}), "{{x}}\n");              // no placeholder: raw
}

TEST_F(PrintBuiltinsTest, MacroForm) {
  EXPECT_EQ(Stdout("println!", {"'hello'"}), "hello\n");
  EXPECT_EQ(Stdout("println!", {"'{} and {}'", "'a'", "1"}), "a and 1\n");
  EXPECT_EQ(Stdout("println!", {}), "\n");
  EXPECT_EQ(Stdout("println!", {"'{{}} {}'", "1"}), "{} 1\n");
  EXPECT_EQ(Stdout("println!", {"'{{x}}'"}), "{x}\n");
  EXPECT_EQ(Stdout("print!", {"'no newline '"}), "no newline ");
  EXPECT_EQ(Stdout("print!", {"'{}\n'", "5"}), "5\n");
  EXPECT_EQ(Stdout("println!", {"'{}'", "[1.0, 2.5]"}), "[1.0, 2.5]\n");
  EXPECT_EQ(Stdout("println!", {"'{:?}'", "'hi'"}), "\"hi\"\n");
  EXPECT_EQ(Stdout("println!", {"'{:?}'", "5"}), "5\n");
  EXPECT_EQ(Stdout("println!", {"'{:?}'", "['a', 'b']"}), "[\"a\", \"b\"]\n");
  EXPECT_EQ(Stdout("println!", {"'{:?} {}'", "'q'", "'q'"}), "\"q\" q\n");
  EXPECT_EQ(Stdout("println!", {"'{:?}'", "[Some(1), None]"}), "[Some(1), None]\n");
  EXPECT_EQ(Stdout("println!", {"'{:?}'", "'a\"b\\n'"}), "\"a\\\"b\\n\"\n");
  EXPECT_EQ(Stdout("println!", {"'{1} {0}'", "'a'", "'b'"}), "b a\n");
  EXPECT_EQ(Stdout("println!", {"'{} {}'", "1"}),
            "error: Runtime error: Format string needs argument 2, got 1");
  EXPECT_EQ(Stdout("println!", {"'a { b'"}),
            "error: Runtime error: Invalid format string: unterminated '{' in format string");
  EXPECT_EQ(Stdout("println!", {"'{:x}'", "1.5"}),
            "error: Runtime error: Format spec {:x} does not apply to float");
  EXPECT_EQ(Stdout("println!", {"'{:x}'", "'s'"}),
            "error: Runtime error: Format spec {:x} does not apply to string");
  EXPECT_EQ(Stdout("println!", {"'{:x} {:#b} {:o} {:X}'", "255", "5", "8", "255"}),
            "ff 0b101 10 FF\n");
  EXPECT_EQ(Stdout("println!", {"'{:e}'", "1234.5"}), "1.2345e3\n");
}

TEST_F(PrintBuiltinsTest, WidthPrecisionFill) {
  EXPECT_EQ(Stdout("println!", {"'[{:>6}]'", "'ab'"}), "[    ab]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:<6}]'", "'ab'"}), "[ab    ]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:^6}]'", "'ab'"}), "[  ab  ]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:^7}]'", "'ab'"}), "[  ab   ]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>6}]'", "42"}), "[    42]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:6}]'", "42"}), "[    42]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:6}]'", "'x'"}), "[x     ]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:<4}]'", "7"}), "[7   ]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>3}]'", "'toolong'"}), "[toolong]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>8.2}]'", "3.14159"}), "[    3.14]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>5}]'", "1.5"}), "[  1.5]\n");
  EXPECT_EQ(Stdout("println!", {"'{:*^9}'", "'mid'"}), "***mid***\n");
  EXPECT_EQ(Stdout("println!", {"'{:-<5}|'", "'ab'"}), "ab---|\n");
  EXPECT_EQ(Stdout("println!", {"'{:_>6}'", "12"}), "____12\n");
  EXPECT_EQ(Stdout("println!", {"'{:08.3}'", "3.14159"}), "0003.142\n");
  EXPECT_EQ(Stdout("println!", {"'{:05}'", "42"}), "00042\n");
  EXPECT_EQ(Stdout("println!", {"'{:06.2}'", "2.5"}), "002.50\n");
  EXPECT_EQ(Stdout("println!", {"'{:.2}'", "3.14159"}), "3.14\n");
  EXPECT_EQ(Stdout("println!", {"'{:.0}'", "2.71828"}), "3\n");
  EXPECT_EQ(Stdout("println!", {"'{:.3}'", "2.0"}), "2.000\n");
  EXPECT_EQ(Stdout("println!", {"'{:.2} and {:.1}'", "1.005", "99.96"}), "1.00 and 100.0\n");
  EXPECT_EQ(Stdout("println!", {"'{:.2}'", "2"}), "2.00\n");
  EXPECT_EQ(Stdout("println!", {"'{:.3}'", "'abcdef'"}), "abc\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>4}]'", "'é'"}), "[   é]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:>8}]'", "[1, 2]"}), "[  [1, 2]]\n");
  EXPECT_EQ(Stdout("println!", {"'[{:5}]'", "true"}), "[true ]\n");
  EXPECT_EQ(Stdout("println!", {"'{:+}'", "5"}), "+5\n");
  EXPECT_EQ(Stdout("println!", {"'{:>6}'", "inf"}), "   inf\n");
}

TEST_F(PrintBuiltinsTest, NamedPlaceholders) {
  EXPECT_EQ(Stdout("println!", {"'{name} is {age}'"}, {{"name", "'Ada'"}, {"age", "36"}}),
            "Ada is 36\n");
  EXPECT_EQ(Stdout("println!", {"'{name}: {}'", "37"}, {{"name", "'Ada'"}}), "Ada: 37\n");
  EXPECT_EQ(Stdout("println", {"'text {x}'"}, {{"x", "1.5"}}), "text 1.5\n");
  EXPECT_EQ(Stdout("println!", {"'{x:>4}|'"}, {{"x", "7"}}), "   7|\n");
  EXPECT_EQ(Stdout("println!", {"'{missing}'"}),
            "error: Runtime error: Undefined variable: missing");
}

TEST_F(PrintBuiltinsTest, PrintAndStderr) {
  EXPECT_EQ(Stdout("print", {"'a'"}), "a");
  EXPECT_EQ(Stdout("print", {"'b'", "'c'"}), "b c");
  EXPECT_EQ(Stdout("print", {"1"}), "1");
  EXPECT_EQ(Stdout("print", {"'{}-{}'", "2", "3"}), "2-3");
  EXPECT_EQ(Stdout("print", {"''"}), "");
  EXPECT_EQ(Stdout("println", {"'x'"}), "x\n");
  EXPECT_EQ(Fn("println", {"'returns'"}), "nil");
  EXPECT_EQ(Stderr("eprintln", {"'to stderr'"}), "to stderr\n");
  EXPECT_EQ(Stderr("eprintln!", {"'also {}'", "'stderr'"}), "also stderr\n");
  EXPECT_EQ(Stderr("eprint", {"'e'"}), "e");
  EXPECT_EQ(Stderr("eprint!", {"'{}'", "1"}), "1");
  EXPECT_EQ(Stdout("eprintln", {"'not on stdout'"}), "");
  EXPECT_EQ(Stderr("dbg", {"'x'"}), "[DEBUG] \"x\"\n");
  EXPECT_EQ(Fn("dbg", {"[1]"}), "[1]");
  EXPECT_EQ(Fn("dbg!", {"1", "2"}), "(1, 2)");
  EXPECT_EQ(Fn("dbg!"), "nil");
}

TEST_F(PrintBuiltinsTest, Format) {
  EXPECT_EQ(Fn("format!", {"'{}|{}|{}'", "1", "'two'", "3.0"}), "\"1|two|3.0\"");
  EXPECT_EQ(Fn("format!", {"'{:<4}{:>3}'", "'a'", "1"}), "\"a     1\"");
  EXPECT_EQ(Fn("format!", {"'{{{}}}'", "'x'"}), "\"{x}\"");
  EXPECT_EQ(Fn("format!", {"'{:?}'", "'z'"}), "\"\"z\"\"");
  EXPECT_EQ(Fn("format", {"'{}-{}'", "'x'", "2.5"}), "\"x-2.5\"");
  EXPECT_EQ(Fn("format", {"'a'", "1"}), "\"a 1\"");
  EXPECT_EQ(Fn("format"), "\"\"");
  EXPECT_EQ(Fn("format!", {"5"}), "\"5\"");
  EXPECT_EQ(Fn("format!", {"'{'"}),
            "error: Runtime error: Invalid format string: unterminated '{' in format string");
  EXPECT_EQ(Fn("format!", {"'}'"}),
            "error: Runtime error: Invalid format string: unmatched '}' in format string");
}

TEST_F(PrintBuiltinsTest, PanicsAndAssertions) {
  EXPECT_EQ(Fn("panic!", {"'boom {}'", "3"}), "error: Runtime error: panicked at 'boom 3'");
  EXPECT_EQ(Fn("panic!"), "error: Runtime error: explicit panic");
  EXPECT_EQ(Fn("panic", {"'plain'"}), "error: Runtime error: panicked at 'plain'");
  EXPECT_EQ(Fn("unreachable!"), "error: Runtime error: internal error: entered unreachable code");
  EXPECT_EQ(Fn("unreachable!", {"'n = {}'", "1"}),
            "error: Runtime error: internal error: entered unreachable code: n = 1");
  EXPECT_EQ(Fn("unimplemented!"), "error: Runtime error: not implemented");
  EXPECT_EQ(Fn("todo!"), "error: Runtime error: not yet implemented");
  EXPECT_EQ(Fn("assert", {"true"}), "nil");
  EXPECT_EQ(Fn("assert", {"1"}), "nil");  // truthiness
  EXPECT_EQ(Fn("assert", {"false"}), "error: Assertion failed");
  EXPECT_EQ(Fn("assert", {"nil", "'must hold'"}), "error: Assertion failed: must hold");
  EXPECT_EQ(Fn("assert!", {"false", "'x = {}'", "5"}), "error: Assertion failed: x = 5");
  EXPECT_EQ(Fn("assert_eq", {"2", "2"}), "nil");
  EXPECT_EQ(Fn("assert_eq", {"2", "2.0"}), "nil");
  EXPECT_EQ(Fn("assert_eq!", {"[1]", "[1]"}), "nil");
  EXPECT_EQ(Fn("assert_eq", {"Some(1)", "Some(1)"}), "nil");
  EXPECT_EQ(Fn("assert_eq", {"4", "5"}),
            "error: Assertion failed: left == right (left: 4, right: 5)");
  EXPECT_EQ(Fn("assert_eq!", {"'a'", "'b'", "'names differ: {}'", "1"}),
            "error: Assertion failed: names differ: 1 (left: \"a\", right: \"b\")");
  EXPECT_EQ(Fn("assert_ne", {"1", "2"}), "nil");
  EXPECT_EQ(Fn("assert_ne!", {"'a'", "'a'"}),
            "error: Assertion failed: left != right (left: \"a\", right: \"a\")");
  EXPECT_EQ(Fn("debug_assert!", {"true"}), "nil");
}

}  // namespace
}  // namespace ruchy::internal
