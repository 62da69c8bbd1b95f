// Per-construct parser tests: each checks the tree (dumped without positions) that a
// small program produces.
#include "src/parser/parser.h"

#include "gtest/gtest.h"
#include "test/unittests/parser/parser-test-helpers.h"

namespace ruchy::internal::parser {
namespace {

using testing::Dump;
using testing::Errors;
using testing::ParseOrFail;

TEST(ParserTest, Literals) {
  EXPECT_EQ(Dump("42\n0xFF\n1_000\n255u8;\n-7\n1.5;\n-2.5\n1e3"),
            "IntLiteral 42\nIntLiteral 255\nIntLiteral 1000\nIntLiteral 255\nIntLiteral -7\n"
            "FloatLiteral 1.5\nFloatLiteral -2.5\nFloatLiteral 1000.0\n");
  EXPECT_EQ(Dump("\"a\\nb\"\n'c'\n'word'\nr\"x\\y\"\ntrue\nfalse\nnil\nnull\n()"),
            "StringLiteral \"a\\nb\"\nStringLiteral \"c\" char\nStringLiteral \"word\"\n"
            "StringLiteral \"x\\\\y\"\nBoolLiteral true\nBoolLiteral false\nNilLiteral\n"
            "NilLiteral\nNilLiteral\n");
  EXPECT_EQ(Dump("-9223372036854775808"), "IntLiteral -9223372036854775808\n");
  EXPECT_EQ(Dump("9223372036854775807"), "IntLiteral 9223372036854775807\n");
}

TEST(ParserTest, PrecedenceAndAssociativity) {
  EXPECT_EQ(Dump("1 + 2 * 3"),
            "Binary +\n  IntLiteral 1\n  Binary *\n    IntLiteral 2\n    IntLiteral 3\n");
  // ** is left-associative and binds looser than unary minus.
  EXPECT_EQ(Dump("2 ** 3 ** 2"),
            "Binary **\n  Binary **\n    IntLiteral 2\n    IntLiteral 3\n  IntLiteral 2\n");
  EXPECT_EQ(Dump("-x ** 2"), "Binary **\n  Unary -\n    Identifier x\n  IntLiteral 2\n");
  EXPECT_EQ(Dump("a || b && c"),
            "Binary ||\n  Identifier a\n  Binary &&\n    Identifier b\n    Identifier c\n");
  EXPECT_EQ(Dump("a ?? b || c"),
            "Binary ||\n  Binary ??\n    Identifier a\n    Identifier b\n  Identifier c\n");
  EXPECT_EQ(Dump("a && b |> f"),
            "Binary |>\n  Binary &&\n    Identifier a\n    Identifier b\n  Identifier f\n");
  EXPECT_EQ(Dump("a | b ^ c & d"),
            "Binary |\n  Identifier a\n  Binary ^\n    Identifier b\n    Binary &\n      "
            "Identifier c\n      Identifier d\n");
  EXPECT_EQ(Dump("a == b < c"),
            "Binary ==\n  Identifier a\n  Binary <\n    Identifier b\n    Identifier c\n");
  EXPECT_EQ(Dump("1 << 2 + 3"),
            "Binary <<\n  IntLiteral 1\n  Binary +\n    IntLiteral 2\n    IntLiteral 3\n");
  // Ranges bind looser than arithmetic and `|`, tighter than `&&`.
  EXPECT_EQ(Dump("0..n + 1"),
            "Range ..\n  from: IntLiteral 0\n  to: Binary +\n    Identifier n\n    IntLiteral 1\n");
  EXPECT_EQ(Dump("a..=b"), "Range ..=\n  from: Identifier a\n  to: Identifier b\n");
  EXPECT_EQ(Dump("..5"), "Range ..\n  to: IntLiteral 5\n");
  EXPECT_EQ(Dump("x[2..]"),
            "Index\n  object: Identifier x\n  index: Range ..\n    from: IntLiteral 2\n");
  EXPECT_EQ(Dump("x[..]"), "Index\n  object: Identifier x\n  index: Range ..\n");
  // `as` binds tighter than unary operators; the cast type keeps its last segment.
  EXPECT_EQ(Dump("-x as f64"), "Unary -\n  Cast as f64\n    Identifier x\n");
  EXPECT_EQ(Dump("x as usize as std::primitive::u8"),
            "Cast as u8\n  Cast as usize\n    Identifier x\n");
  EXPECT_EQ(Dump("i as usize < n"),
            "Binary <\n  Cast as usize\n    Identifier i\n  Identifier n\n");
  // Assignment is right-associative.
  EXPECT_EQ(Dump("a = b = 1"),
            "Assign =\n  target: Identifier a\n  value: Assign =\n    target: Identifier b\n"
            "    value: IntLiteral 1\n");
}

TEST(ParserTest, UnaryOperators) {
  EXPECT_EQ(Dump("!a"), "Unary !\n  Identifier a\n");
  EXPECT_EQ(Dump("~a"), "Unary ~\n  Identifier a\n");
  EXPECT_EQ(Dump("*a"), "Unary deref\n  Identifier a\n");
  EXPECT_EQ(Dump("&a"), "Unary &\n  Identifier a\n");
  EXPECT_EQ(Dump("&mut a"), "Unary &mut\n  Identifier a\n");
  EXPECT_EQ(Dump("&&a"), "Unary &\n  Unary &\n    Identifier a\n");
  EXPECT_EQ(Dump("- -1"), "Unary -\n  IntLiteral -1\n");
  EXPECT_EQ(Dump("-5.abs()"), "Unary -\n  MethodCall abs\n    receiver: IntLiteral 5\n");
}

TEST(ParserTest, TernaryAndTry) {
  EXPECT_EQ(Dump("c ? a : b"),
            "Conditional\n  condition: Identifier c\n  then: Identifier a\n  else: Identifier b\n");
  EXPECT_EQ(Dump("c ? 1 : d ? 2 : 3"),
            "Conditional\n  condition: Identifier c\n  then: IntLiteral 1\n  else: Conditional\n"
            "    condition: Identifier d\n    then: IntLiteral 2\n    else: IntLiteral 3\n");
  EXPECT_EQ(Dump("f()?"), "TryOp\n  Call\n    callee: Identifier f\n");
  EXPECT_EQ(
      Dump("f()?.g()?"),
      "TryOp\n  MethodCall g\n    receiver: TryOp\n      Call\n        callee: Identifier f\n");
  EXPECT_EQ(Dump("let v = parse(s)?\nv"),
            "Let let\n  pattern: IdentifierPattern v\n  value: TryOp\n    Call\n      callee: "
            "Identifier parse\n      arg: Identifier s\n"
            "Identifier v\n");
  EXPECT_EQ(Dump("x? + 1"), "Binary +\n  TryOp\n    Identifier x\n  IntLiteral 1\n");
  EXPECT_EQ(Dump("c\n  ? a\n  : b"),
            "Conditional\n  condition: Identifier c\n  then: Identifier a\n  else: Identifier b\n");
}

TEST(ParserTest, PostfixChains) {
  EXPECT_EQ(Dump("a.b.c(1)[2].0"),
            "Member 0\n  Index\n    object: MethodCall c\n      receiver: Member b\n        "
            "Identifier a\n      arg: IntLiteral 1\n    index: IntLiteral 2\n");
  EXPECT_EQ(Dump("t.0.1"), "Member 1\n  Member 0\n    Identifier t\n");
  EXPECT_EQ(Dump("x.parse::<i32>()"), "MethodCall parse\n  receiver: Identifier x\n");
  EXPECT_EQ(Dump("Vec::<i32>::new()"), "Call\n  callee: Path ::new\n    root: Identifier Vec\n");
  EXPECT_EQ(Dump("std::f64::consts::PI"), "Path ::f64::consts::PI\n  root: Identifier std\n");
  EXPECT_EQ(Dump("fut.await"), "Identifier fut\n");
  EXPECT_EQ(Dump("greet(name = \"Bob\", 1)"),
            "Call\n  callee: Identifier greet\n  arg name: StringLiteral \"Bob\"\n  arg: "
            "IntLiteral 1\n");
  EXPECT_EQ(Dump("x |> f |> g(2)"),
            "Binary |>\n  Binary |>\n    Identifier x\n    Identifier f\n  Call\n    callee: "
            "Identifier g\n    arg: IntLiteral 2\n");
}

TEST(ParserTest, NewlineRules) {
  // `(` and `[` on a new line start a new statement.
  EXPECT_EQ(Dump("f\n(1)"), "Identifier f\nIntLiteral 1\n");
  EXPECT_EQ(Dump("a\n[1]"), "Identifier a\nArrayLiteral\n  IntLiteral 1\n");
  EXPECT_EQ(Dump("f(\n1\n)"), "Call\n  callee: Identifier f\n  arg: IntLiteral 1\n");
  // A closure on the next line is not an `||` operand.
  EXPECT_EQ(Dump("let n = 0\n|| n"),
            "Let let\n  pattern: IdentifierPattern n\n  value: IntLiteral 0\n"
            "FunctionLiteral closure\n  body: Identifier n\n");
  EXPECT_EQ(Dump("(a\n|| b)"), "Binary ||\n  Identifier a\n  Identifier b\n");
  EXPECT_EQ(Dump("let c = m.get(k)\n*c += 1"),
            "Let let\n  pattern: IdentifierPattern c\n  value: MethodCall get\n    receiver: "
            "Identifier m\n    arg: Identifier k\nAssign +=\n  target: Unary deref\n    "
            "Identifier c\n  value: IntLiteral 1\n");
  // After a statement ending with `;` (Rust style), lines continue operator chains.
  EXPECT_EQ(Dump("f();\nlet ok = a\n  || b\n  * c;"),
            "Call\n  callee: Identifier f\nLet let\n  pattern: IdentifierPattern ok\n  value: "
            "Binary ||\n    Identifier a\n    Binary *\n      Identifier b\n      Identifier c\n");
  EXPECT_EQ(Dump("if a\n|| b { }"),
            "If\n  condition: Binary ||\n    Identifier a\n    Identifier b\n  then: Block\n");
  // `return`/`break` values must start on the same line.
  EXPECT_EQ(Dump("fun f() {\nreturn\n1\n}"),
            "FunctionDeclaration f\n  FunctionLiteral function f\n    body: Block\n      "
            "Return\n      IntLiteral 1\n");
  // Binary operators continue across lines.
  EXPECT_EQ(Dump("a\n+ b"), "Binary +\n  Identifier a\n  Identifier b\n");
  EXPECT_EQ(Dump("1\n-7"), "Binary -\n  IntLiteral 1\n  IntLiteral 7\n");
  EXPECT_EQ(Errors("let x = 1 let y = 2"),
            "test.ruchy:1:11: Syntax error: expected ';' or a new line after the statement, "
            "found 'let'\nlet x = 1 let y = 2\n          ^\n");
  EXPECT_EQ(Dump("let x = 1; let y = 2;;"),
            "Let let\n  pattern: IdentifierPattern x\n  value: IntLiteral 1\n"
            "Let let\n  pattern: IdentifierPattern y\n  value: IntLiteral 2\n");
  EXPECT_EQ(Dump("if a { } b"), "If\n  condition: Identifier a\n  then: Block\nIdentifier b\n");
}

TEST(ParserTest, MapsBlocksAndStructLiterals) {
  EXPECT_EQ(Dump("let m = {}"), "Let let\n  pattern: IdentifierPattern m\n  value: MapLiteral\n");
  EXPECT_EQ(Dump("let m = {name: \"Bob\", \"k\": 1, 2: x}"),
            "Let let\n  pattern: IdentifierPattern m\n  value: MapLiteral\n    key: StringLiteral "
            "\"name\"\n      value: StringLiteral \"Bob\"\n    key: StringLiteral \"k\"\n      "
            "value: IntLiteral 1\n    key: IntLiteral 2\n      value: Identifier x\n");
  EXPECT_EQ(Dump("let m = {type: 1}"),
            "Let let\n  pattern: IdentifierPattern m\n  value: MapLiteral\n    key: StringLiteral "
            "\"type\"\n      value: IntLiteral 1\n");
  EXPECT_EQ(Dump("let b = { let x = 1; x }"),
            "Let let\n  pattern: IdentifierPattern b\n  value: Block\n    Let let\n      pattern: "
            "IdentifierPattern x\n      value: IntLiteral 1\n    Identifier x\n");
  EXPECT_EQ(Dump("Point { x: 1, y }"),
            "StructLiteral\n  type: Identifier Point\n  field x: IntLiteral 1\n  field y "
            "(shorthand): Identifier y\n");
  EXPECT_EQ(Dump("Point { x: 1, ..base }"),
            "StructLiteral\n  type: Identifier Point\n  field x: IntLiteral 1\n  base: Identifier "
            "base\n");
  EXPECT_EQ(
      Dump("Shape::Rect { w: 1 }"),
      "StructLiteral\n  type: Path ::Rect\n    root: Identifier Shape\n  field w: IntLiteral 1\n");
  EXPECT_EQ(Dump("Empty {}"), "StructLiteral\n  type: Identifier Empty\n");
  // Not a struct literal in a head; fine inside parentheses there.
  EXPECT_EQ(Dump("if x == MAX { 1 }"),
            "If\n  condition: Binary ==\n    Identifier x\n    Identifier MAX\n  then: Block\n    "
            "IntLiteral 1\n");
  EXPECT_EQ(Dump("while (p == P { a: 1 }) { }"),
            "While\n  condition: Binary ==\n    Identifier p\n    StructLiteral\n      type: "
            "Identifier P\n      field a: IntLiteral 1\n  body: Block\n");
  EXPECT_EQ(Dump("match Color::Red { _ => 1 }"),
            "Match\n  subject: Path ::Red\n    root: Identifier Color\n  arm\n    pattern: "
            "WildcardPattern\n    body: IntLiteral 1\n");
  // A lowercase name before `{` is not a struct literal; `{}` alone is a map.
  EXPECT_EQ(Dump("x\n{ y }\n{}"), "Identifier x\nBlock\n  Identifier y\nMapLiteral\n");
  EXPECT_EQ(Errors("x { }"),
            "test.ruchy:1:3: Syntax error: expected ';' or a new line after the statement, found "
            "'{'\nx { }\n  ^\n");
}

TEST(ParserTest, Closures) {
  EXPECT_EQ(Dump("|x| x + 1"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Binary +\n    "
            "Identifier x\n    IntLiteral 1\n");
  EXPECT_EQ(Dump("|a, b: i32| { a }"),
            "FunctionLiteral closure\n  param: IdentifierPattern a\n  param: IdentifierPattern b\n"
            "  body: Block\n    Identifier a\n");
  EXPECT_EQ(Dump("|| 42"), "FunctionLiteral closure\n  body: IntLiteral 42\n");
  EXPECT_EQ(Dump("move |x| x"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Identifier x\n");
  EXPECT_EQ(Dump("|x: i32| -> i32 { x * 2 }"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Block\n    Binary *\n"
            "      Identifier x\n      IntLiteral 2\n");
  EXPECT_EQ(Dump("|(a, b)| a"),
            "FunctionLiteral closure\n  param: TuplePattern\n    IdentifierPattern a\n    "
            "IdentifierPattern b\n  body: Identifier a\n");
  EXPECT_EQ(Dump("|&x| x"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Identifier x\n");
  EXPECT_EQ(Dump("x => x * 2"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Binary *\n    "
            "Identifier x\n    IntLiteral 2\n");
  EXPECT_EQ(Dump("(acc, x) => acc + x"),
            "FunctionLiteral closure\n  param: IdentifierPattern acc\n  param: IdentifierPattern "
            "x\n  body: Binary +\n    Identifier acc\n    Identifier x\n");
  EXPECT_EQ(Dump("() => 1"), "FunctionLiteral closure\n  body: IntLiteral 1\n");
  EXPECT_EQ(Dump("fun(x) { x }"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Block\n    "
            "Identifier x\n");
  EXPECT_EQ(Dump("|x| {}"),
            "FunctionLiteral closure\n  param: IdentifierPattern x\n  body: Block\n");
  EXPECT_EQ(Dump("xs.map(|x| x * 2)"),
            "MethodCall map\n  receiver: Identifier xs\n  arg: FunctionLiteral closure\n    param: "
            "IdentifierPattern x\n    body: Binary *\n      Identifier x\n      IntLiteral 2\n");
}

TEST(ParserTest, Macros) {
  EXPECT_EQ(Dump("println!(\"{} {}\", a, b)"),
            "MacroCall println!\n  arg: StringLiteral \"{} {}\"\n  arg: Identifier a\n  arg: "
            "Identifier b\n");
  EXPECT_EQ(Dump("vec![1, 2]"), "MacroCall vec!\n  arg: IntLiteral 1\n  arg: IntLiteral 2\n");
  EXPECT_EQ(Dump("vec![0; n]"),
            "MacroCall vec! repeat\n  arg: IntLiteral 0\n  arg: Identifier n\n");
  EXPECT_EQ(Dump("vec![]"), "MacroCall vec!\n");
  EXPECT_EQ(Dump("format!(\"{x}\", x = 1)"),
            "MacroCall format!\n  arg: StringLiteral \"{x}\"\n  arg x: IntLiteral 1\n");
  EXPECT_EQ(Dump("assert_eq!(a, b, \"msg\")"),
            "MacroCall assert_eq!\n  arg: Identifier a\n  arg: Identifier b\n  arg: StringLiteral "
            "\"msg\"\n");
  EXPECT_EQ(Dump("panic!{\"boom\"}"), "MacroCall panic!\n  arg: StringLiteral \"boom\"\n");
  EXPECT_EQ(Dump("matches!(c, Some(n) if n > 0)"),
            "MacroCall matches!\n  arg: Identifier c\n  pattern: TupleStructPattern\n    path: "
            "Identifier Some\n    IdentifierPattern n\n  guard: Binary >\n    Identifier n\n    "
            "IntLiteral 0\n");
  // `{name}` placeholders of the format string are recorded as reads.
  EXPECT_EQ(Dump("println!(\"{a} {b:?} {0} {{c}}\", b = 1)"),
            "MacroCall println!\n  arg: StringLiteral \"{a} {b:?} {0} {{c}}\"\n  arg b: IntLiteral "
            "1\n  format-read: Identifier a\n");
  EXPECT_EQ(Dump("format(\"{x}{x}\")"),
            "Call\n  callee: Identifier format\n  arg: StringLiteral \"{x}{x}\"\n  format-read: "
            "Identifier x\n");
  EXPECT_EQ(Dump("other(\"{x}\")"),
            "Call\n  callee: Identifier other\n  arg: StringLiteral \"{x}\"\n");
  // `a !b` is not a macro call; `!` must touch the name.
  EXPECT_EQ(Errors("a !(b)"),
            "test.ruchy:1:3: Syntax error: expected ';' or a new line after the statement, found "
            "'!'\na !(b)\n  ^\n");
}

// %Name(args) is an intrinsic call only with allow_natives_syntax, and only in expression
// position; elsewhere `%` stays the modulo operator.
TEST(ParserTest, NativesSyntax) {
  ParseOptions natives;
  natives.allow_natives_syntax = true;
  std::unique_ptr<ParseResult> result = Parse("test.ruchy", "%DebugPrint(a, 1)\nx %f(2)", natives);
  ASSERT_TRUE(result->ok()) << result->FormattedErrors();
  AstPrintOptions options;
  options.positions = false;
  std::string out;
  for (const Node* statement : result->script()->body->AsBlock()->statements) {
    out += PrintAst(statement, options);
  }
  EXPECT_EQ(out,
            "MacroCall %DebugPrint\n  arg: Identifier a\n  arg: IntLiteral 1\n"
            "Binary %\n  Identifier x\n  Call\n    callee: Identifier f\n    arg: IntLiteral 2\n");
  // A space after '%' or no parenthesis: not an intrinsic call.
  EXPECT_FALSE(Parse("test.ruchy", "% DebugPrint(1)", natives)->ok());
  EXPECT_FALSE(Parse("test.ruchy", "%DebugPrint", natives)->ok());
  EXPECT_EQ(Errors("%DebugPrint(1)"),
            "test.ruchy:1:1: Syntax error: intrinsic calls (%Name(...)) need "
            "--allow-natives-syntax\n%DebugPrint(1)\n^\n");
}

TEST(ParserTest, FStrings) {
  EXPECT_EQ(Dump("f\"x = {x:.2}, {m[\"k\"]} {{}} {}\""),
            "FString\n  text: \"x = \"\n  interpolation spec=\".2\": Identifier x\n  text: \", \"\n"
            "  interpolation: Index\n    object: Identifier m\n    index: StringLiteral \"k\"\n"
            "  text: \" {} {}\"\n");
  EXPECT_EQ(Dump("f\"{a + b}{f\"{c}\"}\""),
            "FString\n  interpolation: Binary +\n    Identifier a\n    Identifier b\n  "
            "interpolation: FString\n    interpolation: Identifier c\n");
  EXPECT_EQ(Dump("f\"{p.x:>8} {v:?}\""),
            "FString\n  interpolation spec=\">8\": Member x\n    Identifier p\n  text: \" \"\n  "
            "interpolation spec=\"?\": Identifier v\n");
  EXPECT_EQ(Dump("f\"{Color::Red}\""),
            "FString\n  interpolation: Path ::Red\n    root: Identifier Color\n");
  EXPECT_EQ(Dump("f\"\""), "FString\n");
}

TEST(ParserTest, LetForms) {
  EXPECT_EQ(Dump("let mut x: Vec<i32> = vec![]"),
            "Let let\n  pattern: IdentifierPattern x mut\n  value: MacroCall vec!\n");
  EXPECT_EQ(Dump("var y = 1"),
            "Let var\n  pattern: IdentifierPattern y mut\n  value: IntLiteral 1\n");
  EXPECT_EQ(Dump("const MAX: i64 = 10"),
            "Let const\n  pattern: IdentifierPattern MAX\n  value: IntLiteral 10\n");
  EXPECT_EQ(Dump("static mut N: i32 = 0"),
            "Let static\n  pattern: IdentifierPattern N\n  value: IntLiteral 0\n");
  EXPECT_EQ(Dump("let x;"), "Let let\n  pattern: IdentifierPattern x\n");
  EXPECT_EQ(
      Dump("let (a, mut b) = t"),
      "Let let\n  pattern: TuplePattern\n    IdentifierPattern a\n    IdentifierPattern b mut\n"
      "  value: Identifier t\n");
  EXPECT_EQ(Dump("let [first, ..rest] = arr"),
            "Let let\n  pattern: SlicePattern\n    IdentifierPattern first\n    RestPattern\n      "
            "binding: IdentifierPattern rest\n  value: Identifier arr\n");
  EXPECT_EQ(Dump("let Point { x, y: py } = p"),
            "Let let\n  pattern: StructPattern\n    path: Identifier Point\n    field x: "
            "IdentifierPattern x\n    field y: IdentifierPattern py\n  value: Identifier p\n");
  EXPECT_EQ(Dump("let Some(v) = opt else { return }"),
            "Let let\n  pattern: TupleStructPattern\n    path: Identifier Some\n    "
            "IdentifierPattern v\n  value: Identifier opt\n  else: Block\n    Return\n");
  EXPECT_EQ(
      Dump("let x = if c { 1 } else { 2 }"),
      "Let let\n  pattern: IdentifierPattern x\n  value: If\n    condition: Identifier c\n    "
      "then: Block\n      IntLiteral 1\n    else: Block\n      IntLiteral 2\n");
  // `let x = e in body` (ref §7.1) is the block { let x = e; body }, also as an expression.
  EXPECT_EQ(Dump("let x = 5 in x + 1"),
            "Block\n  Let let\n    pattern: IdentifierPattern x\n    value: IntLiteral 5\n  "
            "Binary +\n    Identifier x\n    IntLiteral 1\n");
  EXPECT_EQ(Dump("f(let a = 2 in a)"),
            "Call\n  callee: Identifier f\n  arg: Block\n    Let let\n      pattern: "
            "IdentifierPattern a\n      value: IntLiteral 2\n    Identifier a\n");
  EXPECT_NE(Errors("f(let a = 2)")
                .find("expected 'in' and the body of a `let ... in` "
                      "expression, found ')'"),
            std::string::npos);
}

TEST(ParserTest, ListComprehensions) {
  // [e for p in it if c] (ref §6.4) is a block that builds the list; later clauses nest.
  EXPECT_EQ(Dump("[x * x for x in xs if x > 1]"),
            "Block\n"
            "  Let let\n    pattern: IdentifierPattern $list mut\n    value: ArrayLiteral\n"
            "  For\n    pattern: IdentifierPattern x\n    iterable: Identifier xs\n"
            "    body: Block\n      If\n        condition: Binary >\n          Identifier x\n"
            "          IntLiteral 1\n        then: Block\n          MethodCall push\n"
            "            receiver: Identifier $list\n            arg: Binary *\n"
            "              Identifier x\n              Identifier x\n"
            "  Identifier $list\n");
  EXPECT_EQ(Dump("[(a, b) for a in xs for b in ys]"),
            "Block\n"
            "  Let let\n    pattern: IdentifierPattern $list mut\n    value: ArrayLiteral\n"
            "  For\n    pattern: IdentifierPattern a\n    iterable: Identifier xs\n"
            "    body: Block\n      For\n        pattern: IdentifierPattern b\n"
            "        iterable: Identifier ys\n        body: Block\n          MethodCall push\n"
            "            receiver: Identifier $list\n            arg: TupleLiteral\n"
            "              Identifier a\n              Identifier b\n"
            "  Identifier $list\n");
  EXPECT_NE(Errors("[x for x in]").find("expected an expression, found ']'"), std::string::npos);
  EXPECT_NE(Errors("[x for y]").find("expected 'in', found ']'"), std::string::npos);
}

TEST(ParserTest, Assignment) {
  for (const char* op :
       {"=", "+=", "-=", "*=", "/=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>="}) {
    std::string source = std::string("a[i].f[j] ") + op + " 1";
    EXPECT_EQ(Dump(source), std::string("Assign ") + op +
                                "\n  target: Index\n    object: Member f\n      Index\n        "
                                "object: Identifier a\n        index: Identifier i\n    index: "
                                "Identifier j\n  value: IntLiteral 1\n");
  }
  EXPECT_EQ(Dump("t.0 = 5"),
            "Assign =\n  target: Member 0\n    Identifier t\n  value: IntLiteral 5\n");
  EXPECT_EQ(Dump("*r = 1"),
            "Assign =\n  target: Unary deref\n    Identifier r\n  value: IntLiteral 1\n");
  EXPECT_EQ(Dump("(a, b) = (b, a)"),
            "Assign =\n  target: TupleLiteral\n    Identifier a\n    Identifier b\n  value: "
            "TupleLiteral\n    Identifier b\n    Identifier a\n");
  EXPECT_EQ(Errors("1 = 2"),
            "test.ruchy:1:3: Syntax error: invalid left-hand side of '='\n1 = 2\n  ^\n");
  EXPECT_EQ(
      Errors("(a, b) += 1"),
      "test.ruchy:1:8: Syntax error: invalid left-hand side of '+='\n(a, b) += 1\n       ^\n");
}

TEST(ParserTest, ControlFlow) {
  EXPECT_EQ(Dump("if a { 1 } else if b { 2 } else { 3 }"),
            "If\n  condition: Identifier a\n  then: Block\n    IntLiteral 1\n  else: If\n    "
            "condition: Identifier b\n    then: Block\n      IntLiteral 2\n    else: Block\n      "
            "IntLiteral 3\n");
  EXPECT_EQ(Dump("if (x > 1) { }"),
            "If\n  condition: Binary >\n    Identifier x\n    IntLiteral 1\n  then: Block\n");
  EXPECT_EQ(Dump("if let Some(x) = o { x }"),
            "If let\n  pattern: TupleStructPattern\n    path: Identifier Some\n    "
            "IdentifierPattern x\n  value: Identifier o\n  then: Block\n    Identifier x\n");
  EXPECT_EQ(Dump("while i < 10 { i += 1 }"),
            "While\n  condition: Binary <\n    Identifier i\n    IntLiteral 10\n  body: Block\n    "
            "Assign +=\n      target: Identifier i\n      value: IntLiteral 1\n");
  EXPECT_EQ(
      Dump("while let Some(t) = s.pop() { }"),
      "While let\n  pattern: TupleStructPattern\n    path: Identifier Some\n    "
      "IdentifierPattern t\n  value: MethodCall pop\n    receiver: Identifier s\n  body: Block\n");
  EXPECT_EQ(Dump("let v = loop { break 42 }"),
            "Let let\n  pattern: IdentifierPattern v\n  value: Loop\n    body: Block\n      Break\n"
            "        IntLiteral 42\n");
  EXPECT_EQ(
      Dump("'outer: for i in 0..3 { for j in xs { continue 'outer } }"),
      "For 'outer\n  pattern: IdentifierPattern i\n  iterable: Range ..\n    from: IntLiteral "
      "0\n    to: IntLiteral 3\n  body: Block\n    For\n      pattern: IdentifierPattern j\n"
      "      iterable: Identifier xs\n      body: Block\n        Continue 'outer\n");
  EXPECT_EQ(Dump("'b: { break 'b 1 }"), "Block 'b\n  Break 'b\n    IntLiteral 1\n");
  EXPECT_EQ(Dump("for (i, x) in v.iter().enumerate() { }"),
            "For\n  pattern: TuplePattern\n    IdentifierPattern i\n    IdentifierPattern x\n  "
            "iterable: MethodCall enumerate\n    receiver: MethodCall iter\n      receiver: "
            "Identifier v\n  body: Block\n");
  EXPECT_EQ(Dump("for k, v in m { }"),
            "For\n  pattern: TuplePattern\n    IdentifierPattern k\n    IdentifierPattern v\n  "
            "iterable: Identifier m\n  body: Block\n");
  EXPECT_EQ(Dump("for i in 0.. { break }"),
            "For\n  pattern: IdentifierPattern i\n  iterable: Range ..\n    from: IntLiteral 0\n  "
            "body: Block\n    Break\n");
  EXPECT_EQ(Dump("try { a() } catch (e) { b(e) } finally { c() }"),
            "TryCatch\n  try: Block\n    Call\n      callee: Identifier a\n  catch pattern: "
            "IdentifierPattern e\n  catch: Block\n    Call\n      callee: Identifier b\n      arg: "
            "Identifier e\n  finally: Block\n    Call\n      callee: Identifier c\n");
  EXPECT_EQ(Dump("try { } catch e { }"),
            "TryCatch\n  try: Block\n  catch pattern: IdentifierPattern e\n  catch: Block\n");
  EXPECT_EQ(Dump("throw \"oops\""), "Throw\n  StringLiteral \"oops\"\n");
  EXPECT_EQ(Dump("unsafe { 1 }"), "Block\n  IntLiteral 1\n");
}

TEST(ParserTest, MatchAndPatterns) {
  std::string dump = Dump(
      "match v {\n"
      "  0 => a,\n"
      "  1 | 2 => b,\n"
      "  3..=9 => c\n"
      "  -5..0 => d,\n"
      "  'a'..='z' => e,\n"
      "  n if n < 0 => f,\n"
      "  Shape::Circle(r) => r,\n"
      "  Point { x, y: 0, .. } => x,\n"
      "  [first, .., last] => first,\n"
      "  [head, rest @ ..] => head,\n"
      "  (a, _) => a,\n"
      "  name @ 10..=20 => name,\n"
      "  Color::Red => { }\n"
      "  None => nil,\n"
      "  \"s\" | nil | true => 0,\n"
      "  &x => x,\n"
      "  _ => {}\n"
      "}");
  EXPECT_EQ(
      dump,
      "Match\n  subject: Identifier v\n"
      "  arm\n    pattern: LiteralPattern\n      IntLiteral 0\n    body: Identifier a\n"
      "  arm\n    pattern: OrPattern\n      LiteralPattern\n        IntLiteral 1\n      "
      "LiteralPattern\n        IntLiteral 2\n    body: Identifier b\n"
      "  arm\n    pattern: RangePattern ..=\n      from: IntLiteral 3\n      to: IntLiteral "
      "9\n    body: Identifier c\n"
      "  arm\n    pattern: RangePattern ..\n      from: IntLiteral -5\n      to: IntLiteral "
      "0\n    body: Identifier d\n"
      "  arm\n    pattern: RangePattern ..=\n      from: StringLiteral \"a\" char\n      to: "
      "StringLiteral \"z\" char\n    body: Identifier e\n"
      "  arm\n    pattern: IdentifierPattern n\n    guard: Binary <\n      Identifier n\n    "
      "  IntLiteral 0\n    body: Identifier f\n"
      "  arm\n    pattern: TupleStructPattern\n      path: Path ::Circle\n        root: "
      "Identifier Shape\n      IdentifierPattern r\n    body: Identifier r\n"
      "  arm\n    pattern: StructPattern ..\n      path: Identifier Point\n      field x: "
      "IdentifierPattern x\n      field y: LiteralPattern\n        IntLiteral 0\n    body: "
      "Identifier x\n"
      "  arm\n    pattern: SlicePattern\n      IdentifierPattern first\n      RestPattern\n "
      "     IdentifierPattern last\n    body: Identifier first\n"
      "  arm\n    pattern: SlicePattern\n      IdentifierPattern head\n      RestPattern\n   "
      "     binding: IdentifierPattern rest\n    body: Identifier head\n"
      "  arm\n    pattern: TuplePattern\n      IdentifierPattern a\n      WildcardPattern\n  "
      "  body: Identifier a\n"
      "  arm\n    pattern: IdentifierPattern name\n      @: RangePattern ..=\n        from: "
      "IntLiteral 10\n        to: IntLiteral 20\n    body: Identifier name\n"
      "  arm\n    pattern: PathPattern\n      Path ::Red\n        root: Identifier Color\n    "
      "body: Block\n"
      "  arm\n    pattern: PathPattern\n      Identifier None\n    body: NilLiteral\n"
      "  arm\n    pattern: OrPattern\n      LiteralPattern\n        StringLiteral \"s\"\n     "
      " LiteralPattern\n        NilLiteral\n      LiteralPattern\n        BoolLiteral true\n    "
      "body: IntLiteral 0\n"
      "  arm\n    pattern: IdentifierPattern x\n    body: Identifier x\n"
      "  arm\n    pattern: WildcardPattern\n    body: Block\n");
  // In a guard, `x =>` ends the guard rather than starting a closure.
  EXPECT_EQ(Dump("match v { x if ok => x }"),
            "Match\n  subject: Identifier v\n  arm\n    pattern: IdentifierPattern x\n    guard: "
            "Identifier ok\n    body: Identifier x\n");
}

TEST(ParserTest, Functions) {
  EXPECT_EQ(
      Dump("fun add(a: i32, b: i32) -> i32 { a + b }"),
      "FunctionDeclaration add\n  FunctionLiteral function add\n    param: IdentifierPattern "
      "a\n    param: IdentifierPattern b\n    body: Block\n      Binary +\n        Identifier "
      "a\n        Identifier b\n");
  EXPECT_EQ(Dump("pub fn greet(name, greeting = \"Hi\") { }"),
            "FunctionDeclaration greet\n  FunctionLiteral function greet pub\n    param: "
            "IdentifierPattern name\n    param: IdentifierPattern greeting\n      default: "
            "StringLiteral \"Hi\"\n    body: Block\n");
  EXPECT_EQ(Dump("fun f<T: Display + Clone, 'a, const N: usize>(x: &'a T) -> Vec<T> where T: "
                 "Debug { }"),
            "FunctionDeclaration f\n  FunctionLiteral function f\n    param: IdentifierPattern x\n"
            "    body: Block\n");
  EXPECT_EQ(Dump("fun swap(v: &mut Vec<i32>, (a, b): (usize, usize)) { }"),
            "FunctionDeclaration swap\n  FunctionLiteral function swap\n    param inout: "
            "IdentifierPattern v\n    param: TuplePattern\n      IdentifierPattern a\n      "
            "IdentifierPattern b\n    body: Block\n");
  EXPECT_EQ(Dump("#[test]\nfn t() { }"),
            "FunctionDeclaration t\n  FunctionLiteral function t #[test]\n    body: Block\n");
  EXPECT_EQ(Dump("@memoize\nfun m() { }"),
            "FunctionDeclaration m\n  FunctionLiteral function m #[@memoize]\n    body: Block\n");
  EXPECT_EQ(Dump("async fn a() { }"),
            "FunctionDeclaration a\n  FunctionLiteral function a async\n    body: Block\n");
  EXPECT_EQ(Dump("fun pos(x) requires x > 0 ensures result > 0 { x }"),
            "FunctionDeclaration pos\n  FunctionLiteral function pos\n    param: IdentifierPattern "
            "x\n    body: Block\n      Identifier x\n");
  EXPECT_EQ(Dump("fun outer() { fun inner() { 1 } inner() }"),
            "FunctionDeclaration outer\n  FunctionLiteral function outer\n    body: Block\n      "
            "FunctionDeclaration inner\n        FunctionLiteral function inner\n          body: "
            "Block\n            IntLiteral 1\n      Call\n        callee: Identifier inner\n");
}

TEST(ParserTest, StructsAndEnums) {
  EXPECT_EQ(
      Dump("#[derive(Debug, Clone)]\npub struct Settings<T> { theme: String = \"dark\", pub id: "
           "i32, fun new() -> Self { Self { id: 0 } } }"),
      "StructDeclaration Settings pub #[derive(Debug, Clone)]\n  field theme\n    default: "
      "FunctionLiteral initializer theme\n      body: StringLiteral \"dark\"\n  field id pub\n"
      "  method: FunctionLiteral method new\n    body: Block\n      StructLiteral\n        "
      "type: Identifier Self\n        field id: IntLiteral 0\n");
  EXPECT_EQ(Dump("struct P(i32, pub f64);"), "StructDeclaration P tuple(2)\n");
  EXPECT_EQ(Dump("struct Unit;"), "StructDeclaration Unit tuple(0)\n");
  EXPECT_EQ(Dump("struct Line {\n  a: i32\n  b: i32\n}"),
            "StructDeclaration Line\n  field a\n  field b\n");
  EXPECT_EQ(
      Dump("enum Shape { Circle(f64), Rect(f64, f64), Tri { a: f64, b: f64 }, Unit, }"),
      "EnumDeclaration Shape\n  variant Circle(1)\n  variant Rect(2)\n  variant Tri { a, b }\n"
      "  variant Unit\n");
  EXPECT_EQ(Dump("enum Level { Low = 1, High = 0x10, Neg = -3 }"),
            "EnumDeclaration Level\n  variant Low = 1\n  variant High = 16\n  variant Neg = -3\n");
  EXPECT_EQ(Dump("enum Option<T> { Some(T), None }"),
            "EnumDeclaration Option\n  variant Some(1)\n  variant None\n");
  EXPECT_EQ(
      Errors("enum E { A = x }"),
      "test.ruchy:1:14: Syntax error: an enum discriminant must be an integer literal\nenum E "
      "{ A = x }\n             ^\n");
}

TEST(ParserTest, ImplTraitClass) {
  EXPECT_EQ(
      Dump("impl<T> fmt::Display for Wrapper<T> where T: Clone {\n"
           "  const K: i32 = 1;\n"
           "  type Item = T;\n"
           "  fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, \"x\") }\n"
           "}"),
      "ImplDeclaration\n  type: Identifier Wrapper\n  trait: Identifier Display\n  const K: "
      "FunctionLiteral initializer K\n    body: IntLiteral 1\n  method: FunctionLiteral method "
      "fmt &self\n    param: IdentifierPattern self\n    param inout: IdentifierPattern f\n    "
      "body: Block\n      MacroCall write!\n        arg: Identifier f\n        arg: "
      "StringLiteral \"x\"\n");
  EXPECT_EQ(
      Dump("impl Counter { pub fun inc(&mut self) { self.count += 1 } fn get(self) -> i32 { "
           "self.count } }"),
      "ImplDeclaration\n  type: Identifier Counter\n  method: FunctionLiteral method inc &mut "
      "self pub\n    param inout: IdentifierPattern self\n    body: Block\n      Assign +=\n  "
      "      target: Member count\n          Identifier self\n        value: IntLiteral 1\n  "
      "method: FunctionLiteral method get self\n    param: IdentifierPattern self\n    body: "
      "Block\n      Member count\n        Identifier self\n");
  EXPECT_EQ(Dump("trait Speak: Clone { fn speak(&self) -> String; fn hi(&self) { 1 } type T; }"),
            "TraitDeclaration Speak\n  method: FunctionLiteral method speak &self\n    param: "
            "IdentifierPattern self\n  method: FunctionLiteral method hi &self\n    param: "
            "IdentifierPattern self\n    body: Block\n      IntLiteral 1\n");
  EXPECT_EQ(
      Dump("class Calc : Base {\n  value: i32 = 0\n  new(v: i32) { self.value = v }\n  pub "
           "fun get(&self) -> i32 { self.value }\n}"),
      "ClassDeclaration Calc\n  parent: Identifier Base\n  field value\n    default: "
      "FunctionLiteral initializer value\n      body: IntLiteral 0\n  constructor: "
      "FunctionLiteral constructor new &mut self\n    param inout: IdentifierPattern self\n    "
      "param: IdentifierPattern v\n    body: Block\n      Assign =\n        target: Member "
      "value\n          Identifier self\n        value: Identifier v\n  method: "
      "FunctionLiteral method get &self pub\n    param: IdentifierPattern self\n    body: "
      "Block\n      Member value\n        Identifier self\n");
}

TEST(ParserTest, UseModAndTypeAlias) {
  EXPECT_EQ(
      Dump("use std::collections::HashMap;\nuse std::collections::{HashMap, HashSet};\nuse "
           "utils;\nuse a::b as c;\nuse a::{self, d::e};\nuse m::*;\nmod helpers;\nmod inner { "
           "pub fun f() { } }\ntype Grid = Vec<Vec<i32>>;"),
      "UseDeclaration std::collections::HashMap (ignored)\n"
      "UseDeclaration std::collections::HashMap (ignored)\n"
      "UseDeclaration std::collections::HashSet (ignored)\n"
      "UseDeclaration utils as utils\n"
      "UseDeclaration a::b as c\n"
      "UseDeclaration a::self as a\n"
      "UseDeclaration a::d::e as e\n"
      "UseDeclaration m::*\n"
      "ModuleDeclaration helpers (file)\n"
      "ModuleDeclaration inner\n  body: Block\n    FunctionDeclaration f\n      "
      "FunctionLiteral function f pub\n        body: Block\n"
      "TypeAlias Grid\n");
  EXPECT_EQ(Dump("extern crate foo;\n1"), "IntLiteral 1\n");
}

TEST(ParserTest, TypesAreParsedAndDropped) {
  const char* types[] = {
      "i32",
      "Vec<Vec<i32>>",
      "HashMap<String, Vec<(i32, &'a str)>>",
      "[i32; 3]",
      "&[u8]",
      "fn(i32, i32) -> i32",
      "Box<dyn Fn(i32) -> i32 + Send>",
      "impl Iterator<Item = i32>",
      "Option<Box<Node<T>>>",
      "*const u8",
      "()",
      "!",
      "std::collections::HashMap<K, V>",
      "Result<Vec<String>, Box<dyn std::error::Error>>",
  };
  for (const char* type : types) {
    EXPECT_EQ(Dump(std::string("let x: ") + type + " = 1"),
              "Let let\n  pattern: IdentifierPattern x\n  value: IntLiteral 1\n")
        << type;
  }
  // `>>=` after generic arguments is split into `>` and `>=`... and `>=` into `>` `=`.
  EXPECT_EQ(Dump("let v: Vec<Vec<i32>>= x"),
            "Let let\n  pattern: IdentifierPattern v\n  value: Identifier x\n");
  EXPECT_EQ(Dump("let v: Vec<i32>= x"),
            "Let let\n  pattern: IdentifierPattern v\n  value: Identifier x\n");
}

TEST(ParserTest, CommentsAndAttributes) {
  EXPECT_EQ(Dump("#!/usr/bin/env ruchy\n# comment\n/* a /* nested */ b */\n#![allow(dead_code)]\n"
                 "#[allow(unused)]\nlet x = 1 // trailing\n"),
            "Let let\n  pattern: IdentifierPattern x\n  value: IntLiteral 1\n");
}

TEST(ParserTest, BookAndRustStylePrograms) {
  // Book style: fun, println with {}, no semicolons.
  ParseOrFail(
      "fun main() {\n"
      "    let name = \"Ruchy\"\n"
      "    let mut count = 0\n"
      "    while count < 3 {\n"
      "        println(\"{} {}\", name, count)\n"
      "        count = count + 1\n"
      "    }\n"
      "    let pair = (1, \"a\")\n"
      "    println(pair.0)\n"
      "}\n");
  // Rust style: fn, macros, iterators, &mut, Option/Result, HashMap.
  ParseOrFail(
      "use std::collections::HashMap;\n"
      "fn bump(v: &mut Vec<i32>) { for x in v.iter_mut() { *x += 1; } }\n"
      "fn main() {\n"
      "    let mut v: Vec<i32> = Vec::new();\n"
      "    v.push(1);\n"
      "    bump(&mut v);\n"
      "    let total: i32 = v.iter().map(|x| x * 2).filter(|&x| x > 0).sum();\n"
      "    let mut m: HashMap<String, usize> = HashMap::new();\n"
      "    *m.entry(\"a\".to_string()).or_insert(0) += 1;\n"
      "    if let Some(n) = m.get(\"a\") { println!(\"{:?} {}\", n, total); }\n"
      "    let r: Result<i32, String> = \"5\".parse::<i32>().map_err(|e| e.to_string());\n"
      "    match r { Ok(n) => println!(\"{}\", n), Err(e) => eprintln!(\"{}\", e) }\n"
      "    let s = format!(\"{:>8.3}\", 3.14159);\n"
      "    assert_eq!(s.len(), 8);\n"
      "}\n");
}

}  // namespace
}  // namespace ruchy::internal::parser

namespace ruchy::internal::parser {
namespace {

// Rust's rule: a block-like expression ends its statement when an operator starts the
// next line, even in files that use semicolons (`*m.entry(w).or_insert(0) += 1;`).
TEST(ParserTest, BlockLikeStatementEndsBeforeOperatorOnNextLine) {
  std::string dump = Dump("if c { a; }\n*x += 1;\n");
  EXPECT_EQ(dump.rfind("If", 0), 0u) << dump;
  EXPECT_NE(
      dump.find("\nAssign +=\n  target: Unary deref\n    Identifier x\n  value: IntLiteral 1\n"),
      std::string::npos)
      << dump;
  // On the same line the operator still continues the expression.
  EXPECT_EQ(Dump("if c { 1 } else { 2 } * 3").rfind("Binary *", 0), 0u);
}

}  // namespace
}  // namespace ruchy::internal::parser
