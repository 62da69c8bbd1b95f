// The string interner: open addressing over a power-of-two table, strings copied
// into the parse's zone. Keywords are interned first so lexing an identifier and
// recognising a keyword is one lookup.
#include "src/parser/ast-string.h"

#include <cstring>

namespace ruchy::internal::parser {

AstStringTable::AstStringTable(base::Zone* zone) : zone_(zone), slots_(1024, nullptr) {
#define RUCHY_INTERN_KEYWORD(name, text)                 \
  {                                                      \
    AstString* s = const_cast<AstString*>(Intern(text)); \
    s->token_ = TokenKind::name;                         \
  }
#define RUCHY_IGNORE_TOKEN(name, text)
  RUCHY_TOKEN_LIST(RUCHY_IGNORE_TOKEN, RUCHY_INTERN_KEYWORD)
#undef RUCHY_INTERN_KEYWORD
#undef RUCHY_IGNORE_TOKEN
#define RUCHY_INTERN_CONSTANT(name, text) name##_ = Intern(text);
  RUCHY_AST_STRING_CONSTANTS(RUCHY_INTERN_CONSTANT)
#undef RUCHY_INTERN_CONSTANT
}

uint32_t AstStringTable::Hash(std::string_view text) {
  // FNV-1a: identifiers are short, and this is fast and well spread for them.
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

const AstString* AstStringTable::Intern(std::string_view text) {
  uint32_t hash = Hash(text);
  size_t mask = slots_.size() - 1;
  size_t index = hash & mask;
  while (AstString* s = slots_[index]) {
    if (s->hash_ == hash && s->view() == text) return s;
    index = (index + 1) & mask;
  }
  CHECK_LE(text.size(), UINT32_MAX);
  AstString* s = zone_->New<AstString>();
  char* chars = static_cast<char*>(zone_->Allocate(text.size() + 1, 1));
  if (!text.empty()) std::memcpy(chars, text.data(), text.size());
  chars[text.size()] = '\0';
  s->chars_ = chars;
  s->length_ = static_cast<uint32_t>(text.size());
  s->hash_ = hash;
  s->token_ = TokenKind::kIdentifier;
  slots_[index] = s;
  if (++count_ * 2 > slots_.size()) Grow();
  return s;
}

void AstStringTable::Grow() {
  std::vector<AstString*> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, nullptr);
  size_t mask = slots_.size() - 1;
  for (AstString* s : old) {
    if (s == nullptr) continue;
    size_t index = s->hash_ & mask;
    while (slots_[index] != nullptr) index = (index + 1) & mask;
    slots_[index] = s;
  }
}

}  // namespace ruchy::internal::parser
