// Interned strings of a parse: identifiers, cooked string literals and f-string parts.
// Equal text means the same AstString*, so names compare by pointer.
#ifndef RUCHY_PARSER_AST_STRING_H_
#define RUCHY_PARSER_AST_STRING_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "src/base/zone.h"
#include "src/parser/token.h"

namespace ruchy::internal::parser {

class Variable;

class AstString {
 public:
  std::string_view view() const { return std::string_view(chars_, length_); }
  const char* chars() const { return chars_; }
  uint32_t length() const { return length_; }
  uint32_t hash() const { return hash_; }
  // kIdentifier, or the keyword's token kind when this text is a reserved word.
  TokenKind token() const { return token_; }

 private:
  friend class AstStringTable;
  friend class ScopeResolver;
  const char* chars_;
  uint32_t length_;
  uint32_t hash_;
  TokenKind token_;
  // The innermost declaration of this name visible at the resolver's current point
  // (a shadow stack threaded through Variable::shadowed). Only the scope resolver
  // touches it, and it is null again when resolution finishes.
  mutable Variable* binding_ = nullptr;
};

// Names the front end looks for (contextual keywords, special identifiers).
#define RUCHY_AST_STRING_CONSTANTS(V) \
  V(underscore, "_")                  \
  V(self, "self")                     \
  V(Self, "Self")                     \
  V(type, "type")                     \
  V(where, "where")                   \
  V(move, "move")                     \
  V(async, "async")                   \
  V(await, "await")                   \
  V(dyn, "dyn")                       \
  V(impl, "impl")                     \
  V(requires, "requires")             \
  V(ensures, "ensures")               \
  V(invariant, "invariant")           \
  V(decreases, "decreases")           \
  V(crate, "crate")                   \
  V(super, "super")                   \
  V(extern, "extern")                 \
  V(None, "None")                     \
  V(matches, "matches")               \
  V(new_, "new")                      \
  V(empty, "")

class AstStringTable {
 public:
  explicit AstStringTable(base::Zone* zone);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(AstStringTable);

  const AstString* Intern(std::string_view text);
  size_t size() const { return count_; }

#define RUCHY_AST_STRING_ACCESSOR(name, text) \
  const AstString* name##_string() const { return name##_; }
  RUCHY_AST_STRING_CONSTANTS(RUCHY_AST_STRING_ACCESSOR)
#undef RUCHY_AST_STRING_ACCESSOR

 private:
  static uint32_t Hash(std::string_view text);
  void Grow();

  base::Zone* zone_;
  std::vector<AstString*> slots_;  // open addressing, power-of-two capacity
  size_t count_ = 0;
#define RUCHY_AST_STRING_FIELD(name, text) const AstString* name##_;
  RUCHY_AST_STRING_CONSTANTS(RUCHY_AST_STRING_FIELD)
#undef RUCHY_AST_STRING_FIELD
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_AST_STRING_H_
