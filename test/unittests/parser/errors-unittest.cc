// Syntax error texts, exactly as `ruchyd check` prints them (position, message, source
// line and caret), recovery at statement boundaries, the error limit, and hostile input.
#include <string>

#include "gtest/gtest.h"
#include "src/parser/parser.h"
#include "test/unittests/parser/parser-test-helpers.h"

namespace ruchy::internal::parser {
namespace {

using testing::Errors;

TEST(SyntaxErrorTest, UnclosedParenthesis) {
  EXPECT_EQ(Errors("let x = (1 + 2\n"),
            "test.ruchy:2:1: Syntax error: expected ')', found end of file\n\n^\n");
  EXPECT_EQ(Errors("let x = (1 + 2"),
            "test.ruchy:1:15: Syntax error: expected ')', found end of file\n"
            "let x = (1 + 2\n"
            "              ^\n");
}

TEST(SyntaxErrorTest, MissingExpression) {
  EXPECT_EQ(Errors("let = 5"),
            "test.ruchy:1:5: Syntax error: expected a pattern, found '='\nlet = 5\n    ^\n");
  EXPECT_EQ(Errors("fun f() {\n    let y = 1 +\n}\n"),
            "test.ruchy:3:1: Syntax error: expected an expression, found '}'\n}\n^\n");
  EXPECT_EQ(Errors("f(1,, 2)"),
            "test.ruchy:1:5: Syntax error: expected an expression, found ','\nf(1,, 2)\n    ^\n");
}

TEST(SyntaxErrorTest, UnexpectedTokens) {
  EXPECT_EQ(Errors("let x = 1 + ) 2"),
            "test.ruchy:1:13: Syntax error: expected an expression, found ')'\n"
            "let x = 1 + ) 2\n"
            "            ^\n");
  EXPECT_EQ(Errors("if x { 1 } else 2"),
            "test.ruchy:1:17: Syntax error: expected '{', found integer literal\n"
            "if x { 1 } else 2\n"
            "                ^\n");
  EXPECT_EQ(
      Errors("fun (x) {}\nfun 1() {}"),
      "test.ruchy:2:5: Syntax error: expected '(', found integer literal\nfun 1() {}\n    ^\n");
  EXPECT_EQ(
      Errors("struct { }"),
      "test.ruchy:1:8: Syntax error: expected a struct name, found '{'\nstruct { }\n       ^\n");
  EXPECT_EQ(Errors("match x { 1 2 }"),
            "test.ruchy:1:13: Syntax error: expected '=>', found integer literal\n"
            "match x { 1 2 }\n"
            "            ^\n");
  EXPECT_EQ(Errors("x.(1)"),
            "test.ruchy:1:3: Syntax error: expected a field or method name after '.', found '('\n"
            "x.(1)\n"
            "  ^\n");
  EXPECT_EQ(Errors("}"),
            "test.ruchy:1:1: Syntax error: unexpected '}' with no block to close\n}\n^\n");
}

TEST(SyntaxErrorTest, LexicalErrors) {
  EXPECT_EQ(
      Errors("let s = \"abc"),
      "test.ruchy:1:9: Syntax error: unterminated string literal\nlet s = \"abc\n        ^\n");
  EXPECT_EQ(Errors("let s = 1 /* comment"),
            "test.ruchy:1:11: Syntax error: unterminated block comment\n"
            "let s = 1 /* comment\n"
            "          ^\n");
  EXPECT_EQ(
      Errors("let x = 5 $ 3"),
      "test.ruchy:1:11: Syntax error: unexpected character '$'\nlet x = 5 $ 3\n          ^\n");
  EXPECT_EQ(Errors("let x = 99999999999999999999"),
            "test.ruchy:1:9: Syntax error: integer literal is too large\n"
            "let x = 99999999999999999999\n"
            "        ^\n");
  EXPECT_EQ(Errors("let x = 9223372036854775808"),
            "test.ruchy:1:9: Syntax error: integer literal is too large\n"
            "let x = 9223372036854775808\n"
            "        ^\n");
  EXPECT_EQ(Errors("let x = f\"{y"),
            "test.ruchy:1:9: Syntax error: unterminated f-string\nlet x = f\"{y\n        ^\n");
}

TEST(SyntaxErrorTest, CaretCountsCharactersAndKeepsTabs) {
  EXPECT_EQ(Errors("let s = \"\xC3\xA9t\xC3\xA9\" $"),
            "test.ruchy:1:15: Syntax error: unexpected character '$'\n"
            "let s = \"\xC3\xA9t\xC3\xA9\" $\n"
            "              ^\n");
  EXPECT_EQ(Errors("fun f() {\n\t\tlet = 1\n}"),
            "test.ruchy:2:7: Syntax error: expected a pattern, found '='\n"
            "\t\tlet = 1\n"
            "\t\t    ^\n");
}

TEST(SyntaxErrorTest, InvalidUtf8AndNulAreReportedNotFatal) {
  EXPECT_EQ(Errors("let x = \"a\xFF\"\nlet y = 1"),
            "test.ruchy:1:11: Syntax error: invalid UTF-8 byte 0xFF in string literal\n"
            "let x = \"a?\"\n"
            "          ^\n");
  EXPECT_EQ(Errors("let \xFE\xFF = 1"),
            "test.ruchy:1:5: Syntax error: invalid UTF-8 byte 0xFE\nlet ?? = 1\n    ^\n");
  EXPECT_EQ(Errors(std::string("let x = 1\0 + 2", 14)),
            "test.ruchy:1:10: Syntax error: unexpected NUL byte\nlet x = 1? + 2\n         ^\n");
}

TEST(SyntaxErrorTest, RecoversAtStatementBoundaries) {
  // One error per bad statement; the good statements in between parse.
  std::string source =
      "let a = (1\n"
      "let b = 2\n"
      "let c = ]\n"
      "fun f() {\n"
      "  let d = = 3\n"
      "  let e = 4\n"
      "}\n"
      "let g = 5 +\n";
  EXPECT_EQ(
      Errors(source),
      "test.ruchy:2:1: Syntax error: expected ')', found 'let'\nlet b = 2\n^\n"
      "test.ruchy:3:9: Syntax error: expected an expression, found ']'\nlet c = ]\n        ^\n"
      "test.ruchy:5:11: Syntax error: expected an expression, found '='\n  let d = = 3\n"
      "          ^\n"
      "test.ruchy:9:1: Syntax error: expected an expression, found end of file\n\n^\n");
  std::unique_ptr<ParseResult> result = Parse("test.ruchy", source);
  // a (recovered), b, c, f, g: the statements after each error are still there.
  EXPECT_GE(result->script()->body->AsBlock()->statements.size(), 2u);
}

TEST(SyntaxErrorTest, AtMostTwentyErrors) {
  std::string source;
  for (int i = 0; i < 50; ++i) source += "let = " + std::to_string(i) + "\n";
  std::unique_ptr<ParseResult> result = Parse("test.ruchy", source);
  ASSERT_EQ(result->errors().size(), 20u);
  EXPECT_EQ(result->errors()[19].position.line, 20u);
  ParseOptions options;
  options.max_errors = 3;
  EXPECT_EQ(Parse("test.ruchy", source, options)->errors().size(), 3u);
}

TEST(SyntaxErrorTest, Labels) {
  EXPECT_EQ(Errors("loop { break 'nope }"),
            "test.ruchy:1:14: Syntax error: use of undeclared label 'nope\n"
            "loop { break 'nope }\n"
            "             ^\n");
  EXPECT_EQ(Errors("'a: { continue 'a }"),
            "test.ruchy:1:16: Syntax error: 'continue' cannot target a labelled block\n"
            "'a: { continue 'a }\n"
            "               ^\n");
  // Labels do not reach into closures.
  EXPECT_EQ(Errors("'a: loop { let f = || { break 'a } }"),
            "test.ruchy:1:31: Syntax error: use of undeclared label 'a\n"
            "'a: loop { let f = || { break 'a } }\n"
            "                              ^\n");
  EXPECT_EQ(Errors("'a 1"),
            "test.ruchy:1:1: Syntax error: a label must be followed by ':' and a loop or block\n"
            "'a 1\n^\n");
}

TEST(SyntaxErrorTest, OtherGrammarErrors) {
  EXPECT_EQ(Errors("try { }"),
            "test.ruchy:1:8: Syntax error: expected 'catch' or 'finally' after the try block, "
            "found end of file\ntry { }\n       ^\n");
  EXPECT_EQ(Errors("const X;"),
            "test.ruchy:1:8: Syntax error: expected '=' and a value for the constant, found ';'\n"
            "const X;\n"
            "       ^\n");
  EXPECT_EQ(Errors("let x else { }"),
            "test.ruchy:1:7: Syntax error: 'let ... else' needs a value to match\n"
            "let x else { }\n"
            "      ^\n");
  EXPECT_EQ(Errors("macro_rules! m { }"),
            "test.ruchy:1:1: Syntax error: macro definitions (macro_rules!) are not supported\n"
            "macro_rules! m { }\n"
            "^\n");
  EXPECT_EQ(
      Errors("x as 5"),
      "test.ruchy:1:6: Syntax error: expected a type, found integer literal\nx as 5\n     ^\n");
  EXPECT_EQ(Errors("impl for X { }"),
            "test.ruchy:1:6: Syntax error: expected a type, found 'for'\nimpl for X { }\n     ^\n");
}

TEST(SyntaxErrorTest, PubOnlyOnItems) {
  EXPECT_EQ(Errors("pub x + 1"),
            "test.ruchy:1:1: Syntax error: 'pub' is only allowed on items and bindings\n"
            "pub x + 1\n"
            "^\n");
  EXPECT_EQ(Errors("pub fun f() {}\npub(crate) struct S;\npub let x = 1\npub const C = 2"), "");
}

TEST(SyntaxErrorTest, PathologicalInputIsAnErrorNotACrash) {
  std::string deep = "let x = " + std::string(100000, '(') + "1" + std::string(100000, ')');
  std::unique_ptr<ParseResult> result = Parse("deep.ruchy", deep);
  ASSERT_EQ(result->errors().size(), 1u);
  EXPECT_EQ(result->errors()[0].message, "nesting is too deep (more than 1000 levels)");
  EXPECT_EQ(result->errors()[0].position.column, 1008u);
  // The long line is shown as a window around the column.
  std::string formatted = result->FormattedErrors();
  EXPECT_LT(formatted.size(), 500u);
  EXPECT_NE(formatted.find("\n...((((("), std::string::npos);

  for (const char* unit : {"-", "!", "[", "{", "|x| ", "if a { } else ", "f\"{"}) {
    std::string source = "let x = ";
    for (int i = 0; i < 20000; ++i) source += unit;
    EXPECT_FALSE(Parse("deep.ruchy", source)->ok()) << unit;
  }
  // Long flat chains count as nesting too, so trees stay shallow.
  std::string chain = "let x = 1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  EXPECT_FALSE(Parse("chain.ruchy", chain)->ok());
  std::string calls = "let x = a";
  for (int i = 0; i < 5000; ++i) calls += ".b()";
  EXPECT_FALSE(Parse("calls.ruchy", calls)->ok());
}

TEST(SyntaxErrorTest, HugeLiteralsAreHandled) {
  std::string big(10 * 1000 * 1000, 'x');
  std::unique_ptr<ParseResult> result = Parse("big.ruchy", "let s = \"" + big + "\"\nprintln(s)");
  EXPECT_TRUE(result->ok());
  std::unique_ptr<ParseResult> bad = Parse("big.ruchy", "let s = \"" + big);
  ASSERT_EQ(bad->errors().size(), 1u);
  EXPECT_EQ(bad->errors()[0].message, "unterminated string literal");
  EXPECT_LT(bad->FormattedErrors().size(), 500u);
}

TEST(SyntaxErrorTest, ErrorsAtEndOfFileAndEmptyFiles) {
  EXPECT_TRUE(Parse("empty.ruchy", "")->ok());
  EXPECT_TRUE(Parse("blank.ruchy", "\n\n   \n// only a comment\n")->ok());
  EXPECT_EQ(
      Errors("fun f() {"),
      "test.ruchy:1:10: Syntax error: expected '}' to close the block opened at 1:9, found end of "
      "file\nfun f() {\n         ^\n");
  EXPECT_EQ(Errors("fun f() {\n  if x {\n    1\n}\n"),
            "test.ruchy:5:1: Syntax error: expected '}' to close the block opened at 1:9, found "
            "end of file\n\n^\n");
}

}  // namespace
}  // namespace ruchy::internal::parser
