// UTF-8 decoding and encoding, and the character classes and case mappings the string
// methods need. Classification covers ASCII, Latin, Greek, Cyrillic and the common
// scripts by block ranges rather than the full Unicode tables: enough for is_alphabetic,
// to_uppercase and split_whitespace on real text, not a complete Unicode database.
#ifndef RUCHY_BUILTINS_UNICODE_H_
#define RUCHY_BUILTINS_UNICODE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ruchy::internal::unicode {

// Decodes the code point starting at text[*position] and advances *position past it.
// Malformed bytes decode as themselves, one byte at a time (U+FFFD is not substituted,
// so text round-trips byte for byte).
char32_t Next(std::string_view text, size_t* position);
void Append(std::string* out, char32_t c);

bool IsWhitespace(char32_t c);
bool IsAlphabetic(char32_t c);
bool IsNumeric(char32_t c);
bool IsUppercase(char32_t c);
bool IsLowercase(char32_t c);
// Appends the upper/lower case form (one or more code points: "ß" upper-cases to "SS").
void AppendUppercase(std::string* out, char32_t c);
void AppendLowercase(std::string* out, char32_t c);

}  // namespace ruchy::internal::unicode

#endif  // RUCHY_BUILTINS_UNICODE_H_
