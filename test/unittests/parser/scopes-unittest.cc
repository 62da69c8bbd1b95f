// Scope analysis: where each name lives (register, parameter, context slot, global),
// what closures capture, register and context counts, jump targets, and the
// conservative last-use marks, including loops, branches, try and mutated places.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "src/parser/parser.h"
#include "src/parser/scopes.h"
#include "test/unittests/parser/parser-test-helpers.h"

namespace ruchy::internal::parser {
namespace {

using testing::Declarations;
using testing::DumpScopes;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Uses;

// The scope of the first function declared at top level.
DeclarationScope* FirstFunctionScope(ParseResult* result) {
  for (Node* statement : result->script()->body->AsBlock()->statements) {
    if (statement->IsFunctionDeclaration())
      return statement->AsFunctionDeclaration()->function->scope;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Resolution and allocation

TEST(ScopeResolutionTest, TopLevelDeclarationsAreGlobals) {
  std::string source =
      "fun f() { g() + x + println }\n"
      "let x = 1\n"
      "fun g() { x }\n"
      "struct P { a: i32 }\n"
      "const K = P\n";
  EXPECT_THAT(Uses(source, "g"), ElementsAre("global"));
  EXPECT_THAT(Uses(source, "x"), ElementsAre("global", "global"));
  EXPECT_THAT(Uses(source, "println"), ElementsAre("global (unbound)"));
  EXPECT_THAT(Uses(source, "P"), ElementsAre("global"));
  EXPECT_THAT(Declarations(source, "x"), ElementsAre("global"));
  // Redeclaring at top level rebinds the same global.
  EXPECT_THAT(Declarations("let y = 1\nlet y = y + 1", "y"), ElementsAre("global", "global"));
}

TEST(ScopeResolutionTest, LocalsAndParametersUseRegisters) {
  std::string source = "fun f(a, b) { let c = a; { let d = b; d } { let e = c; e } }";
  EXPECT_THAT(Declarations(source, "a"), ElementsAre("param 0"));
  EXPECT_THAT(Declarations(source, "b"), ElementsAre("param 1"));
  EXPECT_THAT(Declarations(source, "c"), ElementsAre("register r0"));
  // Sibling blocks reuse registers.
  EXPECT_THAT(Declarations(source, "d"), ElementsAre("register r1"));
  EXPECT_THAT(Declarations(source, "e"), ElementsAre("register r1"));
  std::unique_ptr<ParseResult> result = Parse("t.ruchy", source);
  AnalyzeScopes(result.get());
  DeclarationScope* scope = FirstFunctionScope(result.get());
  ASSERT_NE(scope, nullptr);
  EXPECT_EQ(scope->num_parameters(), 2);
  EXPECT_EQ(scope->num_registers(), 2);
  EXPECT_EQ(scope->num_context_slots(), 0);
  EXPECT_FALSE(scope->needs_context());
}

TEST(ScopeResolutionTest, ShadowingCreatesNewVariables) {
  std::string source = "fun f() { let x = 1; let x = x + 1; x }";
  EXPECT_THAT(Declarations(source, "x"), ElementsAre("register r0", "register r1"));
  EXPECT_THAT(Uses(source, "x"), ElementsAre("register r0 last-use", "register r1 last-use"));
}

TEST(ScopeResolutionTest, CapturedVariablesLiveInContexts) {
  std::string source =
      "fun make_counter() {\n"
      "  let mut count = 0\n"
      "  || { count += 1; count }\n"
      "}";
  EXPECT_THAT(Declarations(source, "count"), ElementsAre("context slot=0 captured"));
  EXPECT_THAT(Uses(source, "count"),
              ElementsAre("context depth=0 slot=0 read-write", "context depth=0 slot=0"));
  std::string dump = DumpScopes(source);
  EXPECT_THAT(dump, HasSubstr("FunctionLiteral function make_counter [params=0 registers=0 "
                              "context-slots=1]"));
  EXPECT_THAT(dump, HasSubstr("FunctionLiteral closure [params=0 registers=0 context-slots=0 "
                              "captures=count]"));
}

TEST(ScopeResolutionTest, ContextDepthCountsIntermediateContexts) {
  std::string source =
      "fun f() {\n"
      "  let a = 1\n"
      "  let g = || {\n"
      "    let b = 2\n"
      "    let h = || a + b\n"
      "    h\n"
      "  }\n"
      "  g\n"
      "}";
  EXPECT_THAT(Uses(source, "a"), ElementsAre("context depth=1 slot=0"));
  EXPECT_THAT(Uses(source, "b"), ElementsAre("context depth=0 slot=0"));
  std::string dump = DumpScopes(source);
  // g captures a on behalf of h.
  EXPECT_THAT(dump, HasSubstr("FunctionLiteral closure [params=0 registers=1 context-slots=1 "
                              "captures=a]"));
  EXPECT_THAT(dump, HasSubstr("FunctionLiteral closure [params=0 registers=0 context-slots=0 "
                              "captures=a,b]"));
}

TEST(ScopeResolutionTest, BlockContextsForCapturesInLoops) {
  std::string source =
      "fun f(fs) {\n"
      "  for i in 0..3 {\n"
      "    let j = i * 2\n"
      "    fs.push(|| j)\n"
      "  }\n"
      "}";
  EXPECT_THAT(Declarations(source, "i"), ElementsAre("register r0"));
  EXPECT_THAT(Declarations(source, "j"), ElementsAre("context slot=0 captured"));
  // The loop body block gets a context (one per iteration).
  EXPECT_THAT(DumpScopes(source), HasSubstr("body: Block [context-slots=1]"));
}

TEST(ScopeResolutionTest, CapturedParametersAreCopiedToContext) {
  std::string source = "fun adder(n) { |x| x + n }";
  EXPECT_THAT(Declarations(source, "n"), ElementsAre("context slot=0 captured"));
  EXPECT_THAT(Declarations(source, "x"), ElementsAre("param 0"));
  std::unique_ptr<ParseResult> result = Parse("t.ruchy", source);
  AnalyzeScopes(result.get());
  DeclarationScope* scope = FirstFunctionScope(result.get());
  ASSERT_EQ(scope->parameters().size(), 1u);
  EXPECT_EQ(scope->parameters()[0]->location(), VariableLocation::kContext);
  EXPECT_EQ(scope->parameters()[0]->parameter_index(), 0);
  EXPECT_EQ(scope->num_context_slots(), 1);
}

TEST(ScopeResolutionTest, TopLevelCapturesAreGlobalsNotContexts) {
  std::string source = "let total = 0\nlet add = |x| { total += x }\nfor i in 0..3 { add(i) }";
  EXPECT_THAT(Uses(source, "total"), ElementsAre("global read-write"));
  EXPECT_THAT(Declarations(source, "i"), ElementsAre("register r0"));
}

TEST(ScopeResolutionTest, HoistingInsideBlocks) {
  std::string source = "fun f() { g(); fun g() { h() } fun h() { 1 } }";
  // g and h are locals of f; h is used from g, so it lives in f's context.
  EXPECT_THAT(Uses(source, "g"), ElementsAre("register r0"));
  EXPECT_THAT(Uses(source, "h"), ElementsAre("context depth=0 slot=0"));
}

TEST(ScopeResolutionTest, SelfResolvesToTheImplType) {
  std::string source =
      "struct Point { x: i32 }\n"
      "impl Point { fn new() -> Self { Self { x: 0 } } fn origin() -> Point { Self::new() } }";
  EXPECT_THAT(Uses(source, "Self=Point"), ElementsAre("global", "global"));
  EXPECT_THAT(Uses(source, "self"), ElementsAre());
  EXPECT_THAT(Uses("impl P { fn get(&self) { self.x } }", "self"), ElementsAre("param 0 last-use"));
}

TEST(ScopeResolutionTest, PatternsDeclareInTheirScopes) {
  std::string source =
      "fun f(v) {\n"
      "  match v { Some((a, b)) | Pair(a, b) => a + b, n if n > 0 => n, _ => 0 }\n"
      "  if let [first, ..rest] = v { first }\n"
      "  let Some(w) = v else { return 0 }\n"
      "  w\n"
      "}";
  // Both alternatives of the or-pattern bind the same a and b.
  EXPECT_THAT(Declarations(source, "a"), ElementsAre("register r1", "register r1"));
  EXPECT_THAT(Declarations(source, "n"), ElementsAre("register r1"));
  EXPECT_THAT(Declarations(source, "first"), ElementsAre("register r1"));
  EXPECT_THAT(Declarations(source, "rest"), ElementsAre("register r2"));
  EXPECT_THAT(Declarations(source, "w"), ElementsAre("register r0"));
}

TEST(ScopeResolutionTest, DestructuredParameters) {
  std::string source = "let f = |(a, b), c| a + b + c";
  EXPECT_THAT(Declarations(source, "a"), ElementsAre("register r0"));
  EXPECT_THAT(Declarations(source, "c"), ElementsAre("param 1"));
  EXPECT_THAT(DumpScopes(source), HasSubstr("closure [params=2 registers=2"));
}

TEST(ScopeResolutionTest, JumpTargets) {
  std::string dump = DumpScopes(
      "fun f() {\n"
      "  'outer: for i in 0..3 {\n"
      "    while true { if i > 1 { continue 'outer } break }\n"
      "  }\n"
      "  'b: { break 'b 1 }\n"
      "  break\n"
      "}");
  EXPECT_THAT(dump, HasSubstr("Continue 'outer [target For]"));
  EXPECT_THAT(dump, HasSubstr("Break [target While]"));
  EXPECT_THAT(dump, HasSubstr("Break 'b [target Block]"));
  EXPECT_THAT(dump, HasSubstr("Break [target none]"));
}

TEST(ScopeResolutionTest, InlineModulesAndUses) {
  std::string source = "use helpers\nmod m { fun a() { b() } fun b() { helpers::x() } }\nm::a()";
  EXPECT_THAT(Uses(source, "b"), ElementsAre("context depth=0 slot=0"));
  EXPECT_THAT(Uses(source, "helpers"), ElementsAre("global"));
  EXPECT_THAT(Uses(source, "m"), ElementsAre("global"));
}

TEST(ScopeResolutionTest, HoistedDeclarationsAreListedInSourceOrder) {
  std::unique_ptr<ParseResult> result =
      Parse("t.ruchy", "let a = 1\nfun f() {}\nstruct S;\nimpl S {}\nconst C = 2\nuse x\nmod m;");
  AnalyzeScopes(result.get());
  const Scope* scope = result->script()->scope;
  std::vector<std::string> kinds;
  for (const Node* node : scope->hoisted_declarations())
    kinds.push_back(NodeKindName(node->kind()));
  EXPECT_THAT(kinds, ElementsAre("FunctionDeclaration", "StructDeclaration", "ImplDeclaration",
                                 "Let", "UseDeclaration", "ModuleDeclaration"));
}

// ---------------------------------------------------------------------------
// Last uses

TEST(LastUseTest, StraightLine) {
  std::string source = "fun f(v) { let a = v; g(a); a }";
  EXPECT_THAT(Uses(source, "v"), ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses(source, "a"), ElementsAre("register r0", "register r0 last-use"));
}

TEST(LastUseTest, BothBranchesAndReadsBeforeThem) {
  EXPECT_THAT(Uses("fun f(x, c) { if c { g(x) } else { h(x) } }", "x"),
              ElementsAre("param 0 last-use", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x, c) { g(x); if c { h(x) } }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x, c) { let y = c ? g(x) : 0; x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
}

TEST(LastUseTest, SeveralReadsInOneExpression) {
  EXPECT_THAT(Uses("fun f(x) { g(x, x) }", "x"), ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { [x, x] }", "x"), ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("let f = |x| x + x", "x"), ElementsAre("param 0", "param 0 last-use"));
}

TEST(LastUseTest, ReassignmentEndsLiveness) {
  // The read feeding the new value is the last use of the old one.
  EXPECT_THAT(Uses("fun f(v) { v = g(v); v }", "v"),
              ElementsAre("param 0 write", "param 0 last-use", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(v) { let w = v; v = []; g(v); w }", "v"),
              ElementsAre("param 0 last-use", "param 0 write", "param 0 last-use"));
  // Compound assignment reads and writes; the right side is read first.
  EXPECT_THAT(Uses("fun f(s, t) { s += t; s }", "t"), ElementsAre("param 1 last-use"));
  EXPECT_THAT(Uses("fun f(s, t) { s += t; s }", "s"),
              ElementsAre("param 0 read-write", "param 0 last-use"));
}

TEST(LastUseTest, MutatedPlacesAreReadAgainAtTheWrite) {
  // `v.push(v)`: the receiver is written back after the argument is read.
  EXPECT_THAT(Uses("fun f(v) { v.push(v) }", "v"), ElementsAre("param 0 read-write", "param 0"));
  EXPECT_THAT(Uses("fun f(v, x) { v.push(x) }", "x"), ElementsAre("param 1 last-use"));
  // `a[i] = a` writes into `a` after reading it.
  EXPECT_THAT(Uses("fun f(a) { a[0] = a }", "a"), ElementsAre("param 0 read-write", "param 0"));
  // `&mut x` is read and written back around the call.
  EXPECT_THAT(Uses("fun f(x) { g(&mut x, x) }", "x"), ElementsAre("param 0 read-write", "param 0"));
  EXPECT_THAT(Uses("fun f(x) { g(x); h(&mut x) }", "x"),
              ElementsAre("param 0", "param 0 read-write"));
}

TEST(LastUseTest, NeverForCapturedGlobalOrInOutVariables) {
  EXPECT_THAT(Uses("fun f() { let a = 1; let c = || a; g(a) }", "a"),
              ElementsAre("context depth=0 slot=0", "context depth=0 slot=0"));
  EXPECT_THAT(Uses("let g = 1\nh(g)", "g"), ElementsAre("global"));
  EXPECT_THAT(Uses("fun f(v: &mut Vec<i32>) { let w = v; w }", "v"), ElementsAre("param 0"));
  EXPECT_THAT(Uses("fun f(v: &mut Vec<i32>) { let w = v; w }", "w"),
              ElementsAre("register r0 last-use"));
  EXPECT_THAT(Uses("impl S { fn m(&mut self) { g(self) } }", "self"), ElementsAre("param 0"));
  EXPECT_THAT(Uses("impl S { fn m(self) { g(self) } }", "self"), ElementsAre("param 0 last-use"));
  // A constructor returns its `self`.
  EXPECT_THAT(Uses("class C { new(v) { self.v = v; register(self) } }", "self"),
              ElementsAre("param 0 read-write", "param 0"));
}

TEST(LastUseTest, Loops) {
  // A variable from outside the loop that the loop reads is live at every back edge.
  EXPECT_THAT(Uses("fun f(v) { let mut i = 0; while i < 3 { g(v); i += 1 } }", "v"),
              ElementsAre("param 0"));
  // ... unless a write follows the read on every path to the next iteration.
  EXPECT_THAT(Uses("fun f(xs) { let mut s = \"\"; for x in xs { s = s + x }; s }", "s"),
              ElementsAre("register r0 write", "register r0 last-use", "register r0 last-use"));
  EXPECT_THAT(Uses("fun f(xs, a, g) { for x in xs { a = g(a, x) }; a }", "a"),
              ElementsAre("param 1 write", "param 1 last-use", "param 1 last-use"));
  EXPECT_THAT(Uses("fun f(xs, a, g) { for x in xs { if c() { a = g(a, x) } }; a }", "a"),
              ElementsAre("param 1 write", "param 1 last-use", "param 1 last-use"));
  // A path that skips the write keeps it live: a `continue`, or a branch without one.
  EXPECT_THAT(
      Uses("fun f(xs, a, g) { for x in xs { h(a); if c() { continue } a = g(x) }; 0 }", "a"),
      ElementsAre("param 1", "param 1 write"));
  EXPECT_THAT(Uses("fun f(xs, a, g) { for x in xs { h(a); if c() { a = g(x) } } }", "a"),
              ElementsAre("param 1", "param 1 write"));
  // The read is the loop's last only once nothing after the loop reads it.
  EXPECT_THAT(Uses("fun f(xs, a) { for x in xs { h(a); a = x } }", "a"),
              ElementsAre("param 1 last-use", "param 1 write"));
  EXPECT_THAT(Uses("fun f(xs, a) { for x in xs { h(a); if c() { break } a = x }; a }", "a"),
              ElementsAre("param 1", "param 1 write", "param 1 last-use"));
  // Declared inside the body: fresh each iteration.
  EXPECT_THAT(Uses("fun f() { loop { let t = mk(); g(t); if c() { break } } }", "t"),
              ElementsAre("register r0 last-use"));
  EXPECT_THAT(Uses("fun f() { loop { let t = mk(); g(t); h(t) } }", "t"),
              ElementsAre("register r0", "register r0 last-use"));
  EXPECT_THAT(Uses("fun f() { loop { let t = mk(); if c() { continue } g(t) } }", "t"),
              ElementsAre("register r0 last-use"));
  // The iterable is read once, before the loop.
  EXPECT_THAT(Uses("fun f(v) { for x in v { g(x) } }", "v"), ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses("fun f(v) { for x in v { g(x) } }", "x"), ElementsAre("register r0 last-use"));
  EXPECT_THAT(Uses("fun f(v) { for x in v { g(x) }; v }", "v"),
              ElementsAre("param 0", "param 0 last-use"));
  // Read inside the loop and after it: not the last use before the loop either.
  EXPECT_THAT(Uses("fun f(v) { g(v); while c() { h(v) }; }", "v"),
              ElementsAre("param 0", "param 0"));
  // A while condition runs every iteration.
  EXPECT_THAT(Uses("fun f(n) { while n > 0 { n -= 1 } }", "n"),
              ElementsAre("param 0", "param 0 read-write"));
  // ... and is the last use when the body writes before reading.
  EXPECT_THAT(Uses("fun f(n) { while g(n) { n = 1 } }", "n"),
              ElementsAre("param 0 last-use", "param 0 write"));
  EXPECT_THAT(Uses("fun f(n) { while let Some(m) = g(n) { n = m } }", "n"),
              ElementsAre("param 0 last-use", "param 0 write"));
  // Nested loops: a body variable of the outer loop is outer to the inner one.
  EXPECT_THAT(Uses("fun f() { loop { let t = mk(); for i in r() { g(t) }; h(t) } }", "t"),
              ElementsAre("register r0", "register r0 last-use"));
  EXPECT_THAT(Uses("fun f(a) { loop { for i in r() { g(a) }; a = mk() } }", "a"),
              ElementsAre("param 0", "param 0 write"));
  EXPECT_THAT(Uses("fun f(a) { loop { for i in r() { a = g(a) }; h(a) } }", "a"),
              ElementsAre("param 0 write", "param 0 last-use", "param 0"));
  // A labelled continue goes to the outer loop's head, where the outer loop's reads live.
  EXPECT_THAT(Uses("fun f(a) { 'o: loop { h(a); for i in r() { a = g(a); continue 'o } } }", "a"),
              ElementsAre("param 0", "param 0 write", "param 0 last-use"));
  // Leaving by `break`: only what is live after the loop stays live.
  EXPECT_THAT(Uses("fun f() { let t = mk(); let r = loop { break t }; r }", "t"),
              ElementsAre("register r0 last-use"));
  EXPECT_THAT(Uses("fun f() { let t = mk(); let r = loop { break t }; r }", "r"),
              ElementsAre("register r1 last-use"));
}

TEST(LastUseTest, JumpsAndShortCircuits) {
  EXPECT_THAT(Uses("fun f(x, c) { if c { return g(x) } h(x) }", "x"),
              ElementsAre("param 0 last-use", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x, c) { c && g(x); x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x, c) { c ?? g(x); x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { let y = g(x)?; x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { 'a: { if c() { break 'a g(x) } h(x) } }", "x"),
              ElementsAre("param 0 last-use", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { 'a: { if c() { break 'a g(x) } h(1) }; x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
}

TEST(LastUseTest, MatchArmsAndGuards) {
  std::string source = "fun f(x, v) { match v { 1 if g(x) => h(x), _ => k(x) } }";
  EXPECT_THAT(Uses(source, "x"), ElementsAre("param 0", "param 0 last-use", "param 0 last-use"));
  EXPECT_THAT(Uses(source, "v"), ElementsAre("param 1 last-use"));
  EXPECT_THAT(Uses("fun f(v) { match v { Some(n) => n + n, None => 0 } }", "n"),
              ElementsAre("register r0", "register r0 last-use"));
}

TEST(LastUseTest, TryCatchFinally) {
  EXPECT_THAT(Uses("fun f(x) { try { g(x) } catch (e) { h(x) } }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { try { g(x) } catch (e) { h(e) } }", "x"),
              ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { try { g(x) } finally { h(x) } }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { try { g(x) } finally { h() } }", "x"),
              ElementsAre("param 0 last-use"));
  // A throw inside the catch still runs the finally.
  EXPECT_THAT(Uses("fun f(x) { try { a() } catch (e) { g(x); throw e } finally { h(x) } }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  // Everything after a write inside try stays live if the handler reads it.
  EXPECT_THAT(Uses("fun f(x) { try { x = g(x); k(x) } catch (e) { h(x) } }", "x"),
              ElementsAre("param 0 write", "param 0", "param 0", "param 0 last-use"));
}

TEST(LastUseTest, LetElseDefaultsAndShorthand) {
  EXPECT_THAT(Uses("fun f(o) { let Some(v) = o else { return 0 }; v }", "o"),
              ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses("fun f(o, d) { let Some(v) = o else { return d }; d }", "d"),
              ElementsAre("param 1 last-use", "param 1 last-use"));
  EXPECT_THAT(Uses("fun f(a, b = a) { a }", "a"), ElementsAre("param 0", "param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { P { x } }", "x"), ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { f\"{x} {x}\" }", "x"), ElementsAre("param 0", "param 0 last-use"));
}

TEST(LastUseTest, FormatStringPlaceholdersAreReads) {
  // `{x}` in a format string reads x when the call formats, after the arguments.
  std::string source = "fun f() { let x = [1]; let mut y = x; y.push(2); println!(\"{x} {y:?}\") }";
  EXPECT_THAT(Uses(source, "x"), ElementsAre("register r0", "register r0 last-use"));
  EXPECT_THAT(Uses(source, "y"), ElementsAre("register r1 read-write", "register r1 last-use"));
  EXPECT_THAT(Uses("fun f(x) { let y = x; format(\"{x}\"); y }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
  // Named arguments, positional and empty placeholders and {{ }} are not reads.
  EXPECT_THAT(Uses("fun f(n) { let m = n; println!(\"{n} {0} {} {{n}}\", n = 1); m }", "n"),
              ElementsAre("param 0 last-use"));
  EXPECT_THAT(Uses("fun f(x) { write!(out, \"{x:>8}\"); x }", "x"),
              ElementsAre("param 0", "param 0 last-use"));
}

}  // namespace
}  // namespace ruchy::internal::parser
