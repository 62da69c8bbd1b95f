// Tests for the lexer: token kinds and payloads, comments, literals, f-string parts,
// labels vs character literals, positions, bracket pairing and malformed input.
#include "src/parser/lexer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ruchy::internal::parser {
namespace {

struct Lexed {
  std::vector<Token> tokens;
  std::vector<SyntaxError> errors;
};

Lexed Lex(const std::string& source, AstStringTable* strings) {
  ErrorReporter errors(20);
  Lexed out;
  Lexer lexer(source, strings, &errors);
  lexer.Tokenize(&out.tokens);
  out.errors = errors.TakeSorted();
  return out;
}

// "Kind(payload) Kind ..." without the final Eos.
std::string Describe(const std::string& source) {
  base::Zone zone;
  AstStringTable strings(&zone);
  Lexed lexed = Lex(source, &strings);
  std::string out;
  for (const Token& t : lexed.tokens) {
    if (t.kind == TokenKind::kEos) break;
    if (!out.empty()) out += ' ';
    out += TokenName(t.kind);
    switch (t.kind) {
      case TokenKind::kIdentifier:
      case TokenKind::kLifetime:
      case TokenKind::kString:
      case TokenKind::kChar:
      case TokenKind::kTemplateHead:
      case TokenKind::kTemplateMiddle:
      case TokenKind::kTemplateTail:
      case TokenKind::kTemplateSpec:
        out += "(" + std::string(t.string->view()) + ")";
        break;
      case TokenKind::kInteger:
        out += "(" + std::to_string(t.int_value) + ")";
        break;
      case TokenKind::kFloat: {
        char buffer[32];
        std::snprintf(buffer, sizeof(buffer), "%g", t.float_value);
        out += std::string("(") + buffer + ")";
        break;
      }
      default:
        break;
    }
  }
  return out;
}

std::vector<std::string> ErrorMessages(const std::string& source) {
  base::Zone zone;
  AstStringTable strings(&zone);
  std::vector<std::string> out;
  for (const SyntaxError& e : Lex(source, &strings).errors) {
    out.push_back(std::to_string(e.position.line) + ":" + std::to_string(e.position.column) + " " +
                  e.message);
  }
  return out;
}

TEST(LexerTest, KeywordsIdentifiersAndOperators) {
  EXPECT_EQ(Describe("let mut x = y"), "Let Mut Identifier(x) Assign Identifier(y)");
  EXPECT_EQ(Describe("fun fn var self Self nil null"), "Fun Fn Var Self Identifier(Self) Nil Null");
  EXPECT_EQ(Describe("a += b **= c ** d <<= e >>= f"),
            "Identifier(a) AssignAdd Identifier(b) AssignExp Identifier(c) Exp Identifier(d) "
            "AssignShl Identifier(e) AssignShr Identifier(f)");
  EXPECT_EQ(Describe("|> || && ?? ? :: : .. ..= -> => != == <= >= << >>"),
            "Pipeline Or And QuestionQuestion Question ColonColon Colon DotDot DotDotEq Arrow "
            "FatArrow Ne Eq Le Ge Shl Shr");
  // `x?.f` is the try operator then a member access; `x<-1` is not an actor send.
  EXPECT_EQ(Describe("x?.f"), "Identifier(x) Question Dot Identifier(f)");
  EXPECT_EQ(Describe("x<-1"), "Identifier(x) Lt Sub Integer(1)");
  EXPECT_EQ(Describe("r#type"), "Identifier(type)");
}

TEST(LexerTest, Comments) {
  EXPECT_EQ(Describe("a // line\nb /* block */ c"), "Identifier(a) Identifier(b) Identifier(c)");
  EXPECT_EQ(Describe("a /* outer /* inner */ still comment */ b"), "Identifier(a) Identifier(b)");
  EXPECT_EQ(Describe("a # hash comment\nb"), "Identifier(a) Identifier(b)");
  EXPECT_EQ(Describe("#!/usr/bin/env ruchy\nx"), "Identifier(x)");
  EXPECT_EQ(Describe("#[test] #![allow(x)]"),
            "HashBracket Identifier(test) RightBracket HashBangBracket Identifier(allow) "
            "LeftParen Identifier(x) RightParen RightBracket");
  EXPECT_EQ(Describe("/// doc\nx"), "Identifier(x)");
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Describe("0 42 0xFF 0X1a 0o17 0b101 1_000_000 255u8 7i64"),
            "Integer(0) Integer(42) Integer(255) Integer(26) Integer(15) Integer(5) "
            "Integer(1000000) Integer(255) Integer(7)");
  EXPECT_EQ(Describe("3.14 1e10 2.5E-3 1.5f64 2f32"),
            "Float(3.14) Float(1e+10) Float(0.0025) Float(1.5) Float(2)");
  // `1..5` is a range; `1.max(2)` a method call; `t.0.1` two tuple indexes.
  EXPECT_EQ(Describe("1..5"), "Integer(1) DotDot Integer(5)");
  EXPECT_EQ(Describe("1.max(2)"), "Integer(1) Dot Identifier(max) LeftParen Integer(2) RightParen");
  EXPECT_EQ(Describe("t.0.1"), "Identifier(t) Dot Integer(0) Dot Integer(1)");
  EXPECT_EQ(Describe("18446744073709551615"), "Integer(18446744073709551615)");
}

TEST(LexerTest, MalformedNumbers) {
  EXPECT_EQ(ErrorMessages("18446744073709551616"),
            std::vector<std::string>{"1:1 integer literal is too large"});
  EXPECT_EQ(ErrorMessages("12abc"),
            std::vector<std::string>{"1:1 invalid suffix 'abc' on a number literal"});
  EXPECT_EQ(ErrorMessages("0x"),
            std::vector<std::string>{"1:1 expected digits after the radix prefix of a number"});
  EXPECT_EQ(ErrorMessages("1e999"), std::vector<std::string>{"1:1 float literal is out of range"});
  EXPECT_EQ(Describe("1e-999"), "Float(0)");
}

TEST(LexerTest, Strings) {
  EXPECT_EQ(Describe(R"("a\nb\t\"q\" \\ \0")"),
            "String(a\nb\t\"q\" \\ " + std::string(1, '\0') + ")");
  EXPECT_EQ(Describe(R"("\u{48}\u{e9}\u{1F600}")"), "String(H\xC3\xA9\xF0\x9F\x98\x80)");
  EXPECT_EQ(Describe(R"("keep \q as is")"), "String(keep \\q as is)");
  EXPECT_EQ(Describe("\"multi\nline\""), "String(multi\nline)");
  EXPECT_EQ(Describe("\"join \\\n    lines\""), "String(join lines)");
  EXPECT_EQ(Describe(R"(r"raw \n" r#"has "quotes""#)"), "String(raw \\n) String(has \"quotes\")");
  EXPECT_EQ(Describe(R"(b"bytes" b'a' b'\n')"), "String(bytes) Integer(97) Integer(10)");
  EXPECT_EQ(Describe("\"{x}\""), "String({x})");  // plain strings never interpolate
}

TEST(LexerTest, QuotesCharsStringsAndLabels) {
  EXPECT_EQ(Describe("'a' '\\n' '\\'' ' '"), "Char(a) Char(\n) Char(') Char( )");
  EXPECT_EQ(Describe("'\xC3\xA9'"), "Char(\xC3\xA9)");
  EXPECT_EQ(Describe("'hello'"), "String(hello)");
  EXPECT_EQ(Describe("'outer: loop { break 'outer; }"),
            "Lifetime(outer) Colon Loop LeftBrace Break Lifetime(outer) Semicolon RightBrace");
  // @outer is the other spelling of a label (ref §7.4); elsewhere @ is a binding or a
  // decorator.
  EXPECT_EQ(Describe("@outer: loop { continue @outer }"),
            "Lifetime(outer) Colon Loop LeftBrace Continue Lifetime(outer) RightBrace");
  EXPECT_EQ(Describe("n @ 1 n@x @memo fun a@b::C"),
            "Identifier(n) At Integer(1) Identifier(n) At Identifier(x) At Identifier(memo) Fun "
            "Identifier(a) At Identifier(b) ColonColon Identifier(C)");
  EXPECT_EQ(Describe("fn f<'a>(x: &'a str)"),
            "Fn Identifier(f) Lt Lifetime(a) Gt LeftParen Identifier(x) Colon BitAnd Lifetime(a) "
            "Identifier(str) RightParen");
}

TEST(LexerTest, FStringParts) {
  EXPECT_EQ(Describe(R"(f"plain")"), "TemplateHead(plain) TemplateTail()");
  EXPECT_EQ(Describe(R"(f"a{x}b{y:.2}c")"),
            "TemplateHead(a) Identifier(x) TemplateMiddle(b) Identifier(y) TemplateSpec(.2) "
            "TemplateTail(c)");
  // String literals, maps, indexing and paths inside the braces.
  EXPECT_EQ(Describe(R"(f"{m["k"]}")"),
            "TemplateHead() Identifier(m) LeftBracket String(k) RightBracket TemplateTail()");
  EXPECT_EQ(Describe(R"(f"{Color::Red}")"),
            "TemplateHead() Identifier(Color) ColonColon Identifier(Red) TemplateTail()");
  EXPECT_EQ(Describe(R"(f"{ {a: 1}[0] }")"),
            "TemplateHead() LeftBrace Identifier(a) Colon Integer(1) RightBrace LeftBracket "
            "Integer(0) RightBracket TemplateTail()");
  EXPECT_EQ(Describe(R"(f"{{lit}} {} \n")"), "TemplateHead({lit} {} \n) TemplateTail()");
  EXPECT_EQ(Describe(R"(f"{x:?} {f"{y}"}")"),
            "TemplateHead() Identifier(x) TemplateSpec(?) TemplateMiddle( ) TemplateHead() "
            "Identifier(y) TemplateTail() TemplateTail()");
  EXPECT_EQ(ErrorMessages("f\"{x"), std::vector<std::string>{"1:1 unterminated f-string"});
  EXPECT_EQ(ErrorMessages("f\"abc"), std::vector<std::string>{"1:1 unterminated f-string"});
}

TEST(LexerTest, PositionsCountCharactersAndLines) {
  base::Zone zone;
  AstStringTable strings(&zone);
  Lexed lexed = Lex("let s = \"\xC3\xA9t\xC3\xA9\" + x\n\tnext", &strings);
  ASSERT_GE(lexed.tokens.size(), 7u);
  EXPECT_EQ(lexed.tokens[4].kind, TokenKind::kAdd);
  EXPECT_EQ(lexed.tokens[4].line, 1u);
  EXPECT_EQ(lexed.tokens[4].column, 15u);  // "été" is 3 columns, 5 bytes
  EXPECT_EQ(lexed.tokens[4].offset, 16u);
  EXPECT_EQ(lexed.tokens[6].line, 2u);
  EXPECT_EQ(lexed.tokens[6].column, 2u);
  EXPECT_TRUE(lexed.tokens[6].newline_before);
  EXPECT_FALSE(lexed.tokens[5].newline_before);
}

TEST(LexerTest, BracketsArePaired) {
  base::Zone zone;
  AstStringTable strings(&zone);
  Lexed lexed = Lex("( [ { } ] ) ( ]", &strings);
  EXPECT_EQ(lexed.tokens[0].partner, 5u);
  EXPECT_EQ(lexed.tokens[1].partner, 4u);
  EXPECT_EQ(lexed.tokens[2].partner, 3u);
  EXPECT_EQ(lexed.tokens[5].partner, 0u);
  EXPECT_EQ(lexed.tokens[6].partner, kNoPartner);
  EXPECT_EQ(lexed.tokens[7].partner, kNoPartner);
}

TEST(LexerTest, MalformedInput) {
  EXPECT_EQ(ErrorMessages("\"abc"), std::vector<std::string>{"1:1 unterminated string literal"});
  EXPECT_EQ(ErrorMessages("x /* never closed"),
            std::vector<std::string>{"1:3 unterminated block comment"});
  EXPECT_EQ(ErrorMessages("a $ b"), std::vector<std::string>{"1:3 unexpected character '$'"});
  EXPECT_EQ(ErrorMessages("a $$$$$$ b"), std::vector<std::string>{"1:3 unexpected character '$'"});
  EXPECT_EQ(ErrorMessages(std::string("a \0 b", 5)),
            std::vector<std::string>{"1:3 unexpected NUL byte"});
  EXPECT_EQ(ErrorMessages("a \xFF b"), std::vector<std::string>{"1:3 invalid UTF-8 byte 0xFF"});
  EXPECT_EQ(ErrorMessages("a \xC3\xA9 b"),
            std::vector<std::string>{"1:3 unexpected character '\xC3\xA9' (U+00E9)"});
  EXPECT_EQ(ErrorMessages("\"a\xFF\xFE\""),
            std::vector<std::string>{"1:3 invalid UTF-8 byte 0xFF in string literal"});
  EXPECT_EQ(ErrorMessages("\"\\u{D800}\""), std::vector<std::string>{"1:2 invalid unicode escape"});
  EXPECT_EQ(ErrorMessages("'"), std::vector<std::string>{"1:1 unterminated character literal"});
  // Strings may contain NUL bytes; comments may contain anything.
  EXPECT_TRUE(ErrorMessages(std::string("\"a\0b\"", 5)).empty());
  EXPECT_TRUE(ErrorMessages("// \xFF\xFE\n/* \xC0 */").empty());
}

TEST(LexerTest, ByteOrderMarkIsSkipped) { EXPECT_EQ(Describe("\xEF\xBB\xBFx"), "Identifier(x)"); }

TEST(LexerTest, LargeStringLiteral) {
  std::string big(10 * 1000 * 1000, 'a');
  base::Zone zone;
  AstStringTable strings(&zone);
  Lexed lexed = Lex("\"" + big + "\"", &strings);
  ASSERT_EQ(lexed.tokens[0].kind, TokenKind::kString);
  EXPECT_EQ(lexed.tokens[0].string->length(), big.size());
  EXPECT_TRUE(lexed.errors.empty());
}

TEST(TokenTest, ListIsConsistent) {
  for (int i = 0; i < kTokenKindCount; ++i) {
    TokenKind kind = static_cast<TokenKind>(i);
    EXPECT_NE(std::string(TokenText(kind)), "");
    EXPECT_NE(std::string(TokenName(kind)), "");
    if (IsAssignmentOp(kind) && kind != TokenKind::kAssign) {
      EXPECT_GT(BinaryPrecedence(BinaryOpOfAssignment(kind)), 0) << TokenName(kind);
    }
  }
  // Keywords are recognised through the string table.
  base::Zone zone;
  AstStringTable strings(&zone);
  EXPECT_EQ(strings.Intern("while")->token(), TokenKind::kWhile);
  EXPECT_EQ(strings.Intern("whilst")->token(), TokenKind::kIdentifier);
  EXPECT_EQ(strings.Intern("x"), strings.Intern(std::string("x")));
}

}  // namespace
}  // namespace ruchy::internal::parser
