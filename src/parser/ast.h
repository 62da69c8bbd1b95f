// The Ruchy AST: zone-allocated nodes whose kinds come from one X-macro list. Every
// node records one source position (see README.md for which token each kind uses).
// Scope analysis fills in the resolution fields (Identifier, IdentifierPattern,
// declarations, Break/Continue targets, scopes of blocks, arms and functions).
#ifndef RUCHY_PARSER_AST_H_
#define RUCHY_PARSER_AST_H_

#include <cstdint>

#include "src/base/logging.h"
#include "src/base/zone.h"
#include "src/parser/ast-string.h"
#include "src/parser/syntax-error.h"
#include "src/parser/token.h"

namespace ruchy::internal::parser {

class Scope;
class DeclarationScope;
class Variable;

// Expressions (everything that yields a value, including blocks and control flow).
#define RUCHY_AST_EXPRESSION_LIST(V) \
  V(IntLiteral)                      \
  V(FloatLiteral)                    \
  V(StringLiteral)                   \
  V(BoolLiteral)                     \
  V(NilLiteral)                      \
  V(FString)                         \
  V(Identifier)                      \
  V(Path)                            \
  V(ArrayLiteral)                    \
  V(ArrayRepeat)                     \
  V(TupleLiteral)                    \
  V(MapLiteral)                      \
  V(StructLiteral)                   \
  V(Unary)                           \
  V(Binary)                          \
  V(Assign)                          \
  V(Conditional)                     \
  V(Cast)                            \
  V(Range)                           \
  V(Call)                            \
  V(MethodCall)                      \
  V(MacroCall)                       \
  V(Member)                          \
  V(Index)                           \
  V(TryOp)                           \
  V(FunctionLiteral)                 \
  V(Block)                           \
  V(If)                              \
  V(Match)                           \
  V(While)                           \
  V(Loop)                            \
  V(For)                             \
  V(TryCatch)                        \
  V(Return)                          \
  V(Break)                           \
  V(Continue)                        \
  V(Throw)

// Statements and items: only valid directly inside a block (or at top level).
#define RUCHY_AST_STATEMENT_LIST(V) \
  V(Let)                            \
  V(FunctionDeclaration)            \
  V(StructDeclaration)              \
  V(EnumDeclaration)                \
  V(ImplDeclaration)                \
  V(TraitDeclaration)               \
  V(ClassDeclaration)               \
  V(UseDeclaration)                 \
  V(ModuleDeclaration)              \
  V(TypeAlias)

// Patterns (let, match arms, for, parameters, if let / while let, catch).
#define RUCHY_AST_PATTERN_LIST(V) \
  V(WildcardPattern)              \
  V(IdentifierPattern)            \
  V(LiteralPattern)               \
  V(RangePattern)                 \
  V(OrPattern)                    \
  V(TuplePattern)                 \
  V(SlicePattern)                 \
  V(RestPattern)                  \
  V(TupleStructPattern)           \
  V(StructPattern)                \
  V(PathPattern)

#define RUCHY_AST_NODE_LIST(V) \
  RUCHY_AST_EXPRESSION_LIST(V) \
  RUCHY_AST_STATEMENT_LIST(V)  \
  RUCHY_AST_PATTERN_LIST(V)

// `case NodeKind::kName:` for every kind of a list, so a switch can name whole families
// (a switch over NodeKind never has a `default:`; adding a kind must break the build
// where it is not handled).
#define RUCHY_AST_CASE(Name) case NodeKind::k##Name:

enum class NodeKind : uint8_t {
#define RUCHY_NODE_KIND(Name) k##Name,
  RUCHY_AST_NODE_LIST(RUCHY_NODE_KIND)
#undef RUCHY_NODE_KIND
};

#define RUCHY_NODE_FORWARD(Name) class Name;
RUCHY_AST_NODE_LIST(RUCHY_NODE_FORWARD)
#undef RUCHY_NODE_FORWARD

const char* NodeKindName(NodeKind kind);
bool IsExpressionKind(NodeKind kind);
bool IsStatementKind(NodeKind kind);
bool IsPatternKind(NodeKind kind);

// An immutable array in the zone (built by the parser from a scratch buffer).
template <typename T>
class NodeList {
 public:
  NodeList() = default;
  NodeList(T* data, uint32_t length) : data_(data), length_(length) {}
  uint32_t size() const { return length_; }
  bool empty() const { return length_ == 0; }
  T& operator[](uint32_t i) const {
    DCHECK_LT(i, length_);
    return data_[i];
  }
  T* begin() const { return data_; }
  T* end() const { return data_ + length_; }
  T& back() const { return data_[length_ - 1]; }

 private:
  T* data_ = nullptr;
  uint32_t length_ = 0;
};

class Node {
 public:
  NodeKind kind() const { return kind_; }
  const SourcePosition& position() const { return position_; }
  void set_position(SourcePosition position) { position_ = position; }

#define RUCHY_NODE_CAST(Name)                                  \
  bool Is##Name() const { return kind_ == NodeKind::k##Name; } \
  Name* As##Name() {                                           \
    DCHECK(Is##Name());                                        \
    return reinterpret_cast<Name*>(this);                      \
  }                                                            \
  const Name* As##Name() const {                               \
    DCHECK(Is##Name());                                        \
    return reinterpret_cast<const Name*>(this);                \
  }
  RUCHY_AST_NODE_LIST(RUCHY_NODE_CAST)
#undef RUCHY_NODE_CAST

 protected:
  Node(NodeKind kind, SourcePosition position) : kind_(kind), position_(position) {}

 private:
  NodeKind kind_;
  SourcePosition position_;
};

#define RUCHY_NODE_CONSTRUCTOR(Name) \
  explicit Name(SourcePosition position) : Node(NodeKind::k##Name, position) {}

// ---------------------------------------------------------------------------
// Literals

class IntLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(IntLiteral)
  int64_t value = 0;
};

class FloatLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(FloatLiteral)
  double value = 0;
};

class StringLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(StringLiteral)
  const AstString* value = nullptr;
  bool is_char = false;  // written 'c' (still a one-character string at run time)
};

class BoolLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(BoolLiteral)
  bool value = false;
};

class NilLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(NilLiteral)
};

// One piece of an f-string: literal text (expression == nullptr) or an interpolation
// with an optional format spec kept as written after the ':' (".2", "?", ">8").
struct FStringPart {
  const AstString* text = nullptr;
  Node* expression = nullptr;
  const AstString* spec = nullptr;
};

class FString : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(FString)
  NodeList<FStringPart> parts;
};

// ---------------------------------------------------------------------------
// Names

enum class VariableAccess : uint8_t {
  kRead,
  kWrite,      // `x = e`, destructuring assignment
  kReadWrite,  // compound assignment, root of an assigned or mutated place, `&mut x`
};

enum class VariableLocation : uint8_t {
  kUnallocated,
  kParameter,  // index = parameter index (self is parameter 0 of a method)
  kRegister,   // index = register of the function
  kContext,    // index = slot; the reference's context_depth says how many hops
  kGlobal,     // looked up by name
};

// A use of a name. After scope analysis `variable` is the declaration it refers to,
// or nullptr for a global that no top-level declaration binds (built-ins, `nil`...).
class Identifier : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Identifier)
  const AstString* name = nullptr;
  Variable* variable = nullptr;
  VariableAccess access = VariableAccess::kRead;
  // Context hops from the current context at this point to the variable's context.
  uint16_t context_depth = 0;
  // A read after which no path reads the variable again before it is reassigned or
  // dies: the value may be moved instead of shared. Never set for globals, context
  // variables or in-out parameters (LastUseAnalysis).
  bool is_last_use = false;
  // `Self`, resolved to the enclosing impl/struct/class/enum type's name.
  bool is_self_alias = false;

  VariableLocation location() const;
  // The name to look up when location() is kGlobal.
  const AstString* global_name() const { return name; }
};

// `a::b::c`: root resolved like an identifier, then named segments.
class Path : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Path)
  Identifier* root = nullptr;
  NodeList<const AstString*> segments;
};

// ---------------------------------------------------------------------------
// Compound literals

class ArrayLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(ArrayLiteral)
  NodeList<Node*> elements;
};

// [value; count]
class ArrayRepeat : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(ArrayRepeat)
  Node* value = nullptr;
  Node* count = nullptr;
};

class TupleLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TupleLiteral)
  NodeList<Node*> elements;
};

// A map entry; an identifier key `{name: 1}` is stored as a StringLiteral.
struct MapEntry {
  Node* key = nullptr;
  Node* value = nullptr;
};

class MapLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(MapLiteral)
  NodeList<MapEntry> entries;
};

struct StructLiteralField {
  const AstString* name = nullptr;
  Node* value = nullptr;  // for the shorthand `{ x }`, an Identifier for x
  SourcePosition position;
  bool shorthand = false;
};

// Point { x: 1, y }  /  Point { x: 1, ..base }
class StructLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(StructLiteral)
  Node* type = nullptr;  // Identifier or Path
  NodeList<StructLiteralField> fields;
  Node* base = nullptr;
};

// ---------------------------------------------------------------------------
// Operators

// op: kSub (negate), kAdd, kBang (not), kTilde (bitwise not), kMul (deref, no-op),
// kBitAnd (reference `&e` / `&mut e`; `&mut` marks an in-out argument).
class Unary : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Unary)
  TokenKind op = TokenKind::kIllegal;
  bool is_mut_ref = false;
  Node* operand = nullptr;
};

// Arithmetic, bitwise, comparison, `&&` `||` `??` (short-circuit) and `|>`.
class Binary : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Binary)
  TokenKind op = TokenKind::kIllegal;
  Node* left = nullptr;
  Node* right = nullptr;
};

// target op value; op is kAssign or a compound kAssignAdd... Targets: Identifier,
// Member, Index, Unary deref, or (for kAssign) a Tuple/ArrayLiteral of targets.
class Assign : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Assign)
  TokenKind op = TokenKind::kAssign;
  Node* target = nullptr;
  Node* value = nullptr;
};

// c ? a : b
class Conditional : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Conditional)
  Node* condition = nullptr;
  Node* then_value = nullptr;
  Node* else_value = nullptr;
};

// e as T; only the last segment of T's path is kept ("i64", "usize", "f64", "char").
class Cast : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Cast)
  Node* operand = nullptr;
  const AstString* type_name = nullptr;
};

class Range : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Range)
  Node* from = nullptr;  // either may be absent: `..b`, `a..`, `..`
  Node* to = nullptr;
  bool inclusive = false;
};

// A call argument; `name` is set for named arguments `f(greeting = "Hi")`.
struct Argument {
  const AstString* name = nullptr;
  Node* value = nullptr;
};

// Variables a format string names in `{name}` / `{name:spec}` placeholders: read when
// the call formats (after the arguments). Set for macros (first string-literal argument)
// and for calls of println/print/eprintln/eprint/format with a literal first argument;
// names given as named arguments are not included.
using FormatReads = NodeList<Identifier*>;

class Call : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Call)
  Node* callee = nullptr;
  NodeList<Argument> arguments;
  FormatReads format_reads;
};

// receiver.name(args); of turbofish arguments only the first type's last path segment is
// kept (`parse::<f64>()` -> "f64"), for built-ins that read it.
class MethodCall : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(MethodCall)
  Node* receiver = nullptr;
  const AstString* name = nullptr;
  const AstString* type_hint = nullptr;
  NodeList<Argument> arguments;
};

// name!(args), name![args], name!{args}; `vec![v; n]` has is_repeat and arguments
// [v, n]; `matches!(e, P)` has arguments [e] and `pattern` P (with an optional guard).
// Arguments may be named, as in format!("{x}", x = 1). With --allow-natives-syntax,
// %Name(args) is a MacroCall with is_native set (an engine intrinsic).
class MacroCall : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(MacroCall)
  const AstString* name = nullptr;  // without the '!'
  NodeList<Argument> arguments;
  bool is_repeat = false;
  bool is_native = false;  // %Name(args) (--allow-natives-syntax)
  Node* pattern = nullptr;
  Node* guard = nullptr;
  Scope* scope = nullptr;  // matches!: the pattern's bindings, seen by the guard
  FormatReads format_reads;
};

// object.name or object.0 (tuple_index >= 0).
class Member : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Member)
  Node* object = nullptr;
  const AstString* name = nullptr;
  int64_t tuple_index = -1;
};

class Index : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Index)
  Node* object = nullptr;
  Node* index = nullptr;
};

// e?  (Ok(v) → v; Err / None returns early)
class TryOp : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TryOp)
  Node* operand = nullptr;
};

// ---------------------------------------------------------------------------
// Functions

enum class FunctionKind : uint8_t {
  kScript,            // the whole file
  kFunction,          // fun/fn declaration
  kMethod,            // in impl/struct/trait/class bodies (self or not)
  kConstructor,       // class constructor `new(...) { }` (self is implicit)
  kClosure,           // |x| e, x => e, fun(x) { } as an expression
  kFieldInitializer,  // a struct/class field default or impl const, as a thunk
};

enum class SelfKind : uint8_t { kNone, kValue, kRef, kMutRef };

struct Parameter {
  Node* pattern = nullptr;  // IdentifierPattern for plain names, any pattern otherwise
  Node* default_value = nullptr;
  SourcePosition position;
  // Declared `&mut T` (or `&mut self`): the final value is written back to the
  // caller's place, so the parameter is live at every exit.
  bool is_inout = false;
  bool is_self = false;
};

class FunctionLiteral : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(FunctionLiteral)
  const AstString* name = nullptr;  // null for closures
  FunctionKind kind = FunctionKind::kFunction;
  SelfKind self_kind = SelfKind::kNone;  // methods: how `self` is received
  NodeList<Parameter> parameters;        // includes `self` as parameter 0
  // A Block for fun/methods, any expression for closures; null for a trait method
  // without a default body.
  Node* body = nullptr;
  NodeList<const AstString*> attributes;  // "test", "derive(Debug)", decorators "@memoize"
  bool is_pub = false;
  bool is_async = false;
  DeclarationScope* scope = nullptr;
};

// ---------------------------------------------------------------------------
// Blocks and control flow

// { statements }. The value is the last statement's value (even after `;`); nil when
// empty. The scope holds the block's declarations, and for the body of a for /
// while let / if let / catch also the bindings of that construct's pattern.
class Block : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Block)
  NodeList<Node*> statements;
  const AstString* label = nullptr;  // 'a: { ... break 'a v ... }
  Scope* scope = nullptr;
};

// if c { } else ...  /  if let P = v { } else ...
class If : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(If)
  Node* condition = nullptr;    // null for if-let
  Node* let_pattern = nullptr;  // if-let: bindings live in then_block's scope
  Node* let_value = nullptr;
  Block* then_block = nullptr;
  Node* else_branch = nullptr;  // Block, If or null
};

struct MatchArm {
  Node* pattern = nullptr;
  Node* guard = nullptr;
  Node* body = nullptr;
  SourcePosition position;
  Scope* scope = nullptr;  // the arm's bindings; guard and body resolve in it
};

class Match : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Match)
  Node* subject = nullptr;
  NodeList<MatchArm> arms;
};

// while c { }  /  while let P = v { }  (bindings live in body's scope)
class While : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(While)
  const AstString* label = nullptr;
  Node* condition = nullptr;
  Node* let_pattern = nullptr;
  Node* let_value = nullptr;
  Block* body = nullptr;
};

class Loop : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Loop)
  const AstString* label = nullptr;
  Block* body = nullptr;
};

// for P in iterable { } — P's bindings live in body's scope (fresh each iteration).
class For : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(For)
  const AstString* label = nullptr;
  Node* pattern = nullptr;
  Node* iterable = nullptr;
  Block* body = nullptr;
};

// try { } catch (e) { } finally { }; the catch binding lives in catch_block's scope.
class TryCatch : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TryCatch)
  Block* try_block = nullptr;
  Node* catch_pattern = nullptr;  // may be null: `catch { }`
  Block* catch_block = nullptr;   // may be null when only finally is given
  Block* finally_block = nullptr;
};

class Return : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Return)
  Node* value = nullptr;
};

// break / break 'l / break value. `target` (set by the resolver) is the Loop, While,
// For or labelled Block it leaves; null for a break outside any loop of its function
// (a run-time error, "Break outside of loop").
class Break : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Break)
  const AstString* label = nullptr;
  Node* value = nullptr;
  Node* target = nullptr;
};

class Continue : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Continue)
  const AstString* label = nullptr;
  Node* target = nullptr;
};

class Throw : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Throw)
  Node* value = nullptr;
};

// ---------------------------------------------------------------------------
// Statements and items

enum class LetKind : uint8_t { kLet, kVar, kConst, kStatic };

// let P = value else { }; `let mut x` puts `mut` on the IdentifierPattern. A top-level
// const or static is hoisted (initialized before any statement runs).
class Let : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(Let)
  LetKind let_kind = LetKind::kLet;
  Node* pattern = nullptr;
  Node* value = nullptr;  // may be null: `let x;` binds nil
  Block* else_block = nullptr;
  bool is_pub = false;
  // The annotation's type head (`let s: HashSet<i32> = ...` -> HashSet): a method call
  // value without a turbofish takes it as its type hint (collect, parse).
  const AstString* type_hint = nullptr;
};

// The declarations below are hoisted: bound when their scope is entered, before its
// statements run. `variable` is the binding they create.
class FunctionDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(FunctionDeclaration)
  FunctionLiteral* function = nullptr;
  Variable* variable = nullptr;
};

struct FieldDeclaration {
  const AstString* name = nullptr;
  // A FunctionLiteral of kind kFieldInitializer computing the default, or null.
  FunctionLiteral* default_value = nullptr;
  SourcePosition position;
  bool is_pub = false;
};

class StructDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(StructDeclaration)
  const AstString* name = nullptr;
  NodeList<FieldDeclaration> fields;   // named fields
  int32_t tuple_arity = -1;            // struct P(i32, i32): 2; unit struct: 0
  NodeList<FunctionLiteral*> methods;  // written inside the struct body
  NodeList<const AstString*> attributes;
  bool is_pub = false;
  Variable* variable = nullptr;
};

enum class VariantKind : uint8_t { kUnit, kTuple, kStruct };

struct EnumVariant {
  const AstString* name = nullptr;
  VariantKind kind = VariantKind::kUnit;
  uint32_t arity = 0;                      // tuple variants
  NodeList<const AstString*> field_names;  // struct variants
  bool has_discriminant = false;
  int64_t discriminant = 0;  // `Low = 1`; must be an integer literal
  SourcePosition position;
};

class EnumDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(EnumDeclaration)
  const AstString* name = nullptr;
  NodeList<EnumVariant> variants;
  NodeList<FunctionLiteral*> methods;  // written inside the enum body
  NodeList<const AstString*> attributes;
  bool is_pub = false;
  Variable* variable = nullptr;
};

struct AssociatedConstant {
  const AstString* name = nullptr;
  FunctionLiteral* value = nullptr;  // a kFieldInitializer thunk
  SourcePosition position;
};

// impl T { } / impl Trait for T { }. `type` and `trait` are references resolved like
// identifiers (null trait for an inherent impl).
class ImplDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(ImplDeclaration)
  Identifier* type = nullptr;
  Identifier* trait = nullptr;
  NodeList<FunctionLiteral*> methods;
  NodeList<AssociatedConstant> constants;
};

class TraitDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TraitDeclaration)
  const AstString* name = nullptr;
  NodeList<FunctionLiteral*> methods;  // body null when there is no default
  NodeList<AssociatedConstant> constants;
  bool is_pub = false;
  Variable* variable = nullptr;
};

class ClassDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(ClassDeclaration)
  const AstString* name = nullptr;
  Identifier* parent = nullptr;  // class C : Parent
  NodeList<FieldDeclaration> fields;
  NodeList<FunctionLiteral*> constructors;  // kind kConstructor
  NodeList<FunctionLiteral*> methods;
  bool is_pub = false;
  Variable* variable = nullptr;
};

// use a::b::c;  use a::b as x;  use a::*;  (`use a::{b, c}` becomes one node per name).
// std/core/alloc paths bind nothing (accepted and ignored); otherwise `bound_name`
// (the alias or last segment) is declared.
class UseDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(UseDeclaration)
  NodeList<const AstString*> path;
  const AstString* bound_name = nullptr;  // null when nothing is bound
  bool is_glob = false;
  Variable* variable = nullptr;
};

// mod name;  (file module)  or  mod name { items }  (inline module: `body`).
class ModuleDeclaration : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(ModuleDeclaration)
  const AstString* name = nullptr;
  Block* body = nullptr;
  bool is_pub = false;
  Variable* variable = nullptr;
};

// type Name = T;  (types are ignored; kept so the printer shows it)
class TypeAlias : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TypeAlias)
  const AstString* name = nullptr;
};

// ---------------------------------------------------------------------------
// Patterns

class WildcardPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(WildcardPattern)
};

// name, mut name, ref name, name @ subpattern. Declares `variable`.
class IdentifierPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(IdentifierPattern)
  const AstString* name = nullptr;
  bool is_mut = false;
  Node* subpattern = nullptr;
  Variable* variable = nullptr;
};

// 1, -1, 2.5, "s", 'c', true, nil: matched by strict equality.
class LiteralPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(LiteralPattern)
  Node* literal = nullptr;
};

// a..b, a..=b, a.. (bounds are literals).
class RangePattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(RangePattern)
  Node* from = nullptr;
  Node* to = nullptr;
  bool inclusive = false;
};

class OrPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(OrPattern)
  NodeList<Node*> alternatives;
};

// (a, b, ..) — at most one RestPattern among the elements.
class TuplePattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TuplePattern)
  NodeList<Node*> elements;
};

// [a, b], [first, ..rest], [.., last]
class SlicePattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(SlicePattern)
  NodeList<Node*> elements;
};

// `..`, `..rest` or `rest @ ..` inside a tuple or slice pattern.
class RestPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(RestPattern)
  IdentifierPattern* binding = nullptr;
};

// Some(p), Shape::Circle(r), Point(x, y)
class TupleStructPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(TupleStructPattern)
  Node* path = nullptr;  // Identifier or Path
  NodeList<Node*> elements;
};

struct StructPatternField {
  const AstString* name = nullptr;
  Node* pattern = nullptr;  // shorthand `{ x }` is an IdentifierPattern x
  SourcePosition position;
};

// Point { x, y: p, .. }
class StructPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(StructPattern)
  Node* path = nullptr;
  NodeList<StructPatternField> fields;
  bool has_rest = false;
};

// Color::Red, None, Self::X: compared against the value (unit variants, constants).
class PathPattern : public Node {
 public:
  RUCHY_NODE_CONSTRUCTOR(PathPattern)
  Node* path = nullptr;  // Identifier or Path
};

#undef RUCHY_NODE_CONSTRUCTOR

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_AST_H_
