// Strings: immutable UTF-8. SeqString holds its bytes inline; ConsString is a rope node
// made by concatenation and flattened on demand. Both cache the hash and the character
// count in the common header. Nothing here recurses on the native stack, so ropes of any
// depth are safe.
#ifndef RUCHY_OBJECTS_STRING_H_
#define RUCHY_OBJECTS_STRING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/macros.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

template <typename T>
class Handle;
template <typename T>
class MaybeHandle;

// A byte-at-a-time hash (FNV-1a with a final avalanche), so a rope hashes the same as its
// flat form without being flattened.
class StringHasher {
 public:
  void Add(const uint8_t* bytes, size_t n) {
    uint64_t h = state_;
    for (size_t i = 0; i < n; ++i) {
      h ^= bytes[i];
      h *= 0x100000001b3ull;
    }
    state_ = h;
  }
  // Never 0: 0 marks "not computed" in the header.
  uint32_t Finish() const {
    uint64_t h = state_;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    uint32_t result = static_cast<uint32_t>(h) & 0x3fffffff;
    return result == 0 ? 1 : result;
  }
  static uint32_t Hash(std::string_view s) {
    StringHasher hasher;
    hasher.Add(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    return hasher.Finish();
  }

 private:
  uint64_t state_ = 0xcbf29ce484222325ull;
};

// Number of UTF-8 characters: bytes that are not continuation bytes (10xxxxxx).
size_t Utf8CharCount(const uint8_t* bytes, size_t n);

class String : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(String, HeapObject)

 public:
  static constexpr int kLengthOffset = 8;      // uint32_t: bytes
  static constexpr int kHashOffset = 12;       // uint32_t: 0 until computed
  static constexpr int kCharCountOffset = 16;  // uint32_t: UTF-8 characters
  static constexpr int kFlagsOffset = 20;      // uint32_t: Flags
  static constexpr int kHeaderSize = 24;
  static constexpr uint32_t kMaxLength = (1u << 30) - 1;

  enum Flags : uint32_t { kInternalized = 1 << 0 };

  uint32_t length() const { return ReadRaw<uint32_t>(kLengthOffset); }
  uint32_t char_count() const { return ReadRaw<uint32_t>(kCharCountOffset); }
  bool IsAscii() const { return char_count() == length(); }
  bool IsInternalized() const { return (ReadRaw<uint32_t>(kFlagsOffset) & kInternalized) != 0; }
  bool HasHash() const { return ReadRaw<uint32_t>(kHashOffset) != 0; }
  uint32_t raw_hash() const { return ReadRaw<uint32_t>(kHashOffset); }
  // Computes (without allocating) and caches the hash.
  uint32_t EnsureHash() const;

  // True for a SeqString, or a ConsString already flattened (second is empty).
  inline bool IsFlat() const;
  // The bytes of a flat string. Valid until the next allocation.
  inline std::string_view FlatContent() const;

  // Calls f(const uint8_t*, size_t) for each chunk of bytes in order, without allocating.
  // Calls f(bytes, n) on each non-empty chunk, in order: the string itself when flat.
  template <typename F>
  RUCHY_ALWAYS_INLINE void ForEachChunk(F f) const;
  template <typename F>
  [[gnu::noinline]] void ForEachChunkOfRope(F f) const;

  std::string ToStdString() const;
  static bool Equals(String a, String b);
  bool EqualsUtf8(std::string_view s) const;

  // Returns a flat string with the same contents. A ConsString is flattened in place too
  // (first becomes the flat copy, second the empty string), so later reads are O(1).
  static MaybeHandle<String> Flatten(Isolate* isolate, Handle<String> string);

  // Header setup for freshly allocated strings.
  void InitializeHeader(uint32_t length, uint32_t char_count, uint32_t hash, uint32_t flags) const {
    WriteRaw<uint32_t>(kLengthOffset, length);
    WriteRaw<uint32_t>(kHashOffset, hash);
    WriteRaw<uint32_t>(kCharCountOffset, char_count);
    WriteRaw<uint32_t>(kFlagsOffset, flags);
  }
  void set_raw_hash(uint32_t hash) const { WriteRaw<uint32_t>(kHashOffset, hash); }
};

class SeqString : public String {
  RUCHY_OBJECT_CONSTRUCTORS(SeqString, String)

 public:
  static constexpr int kCharsOffset = kHeaderSize;
  static constexpr int kTaggedBodyStart = -1;

  static constexpr int SizeFor(uint32_t length) {
    return static_cast<int>(base::RoundUp(kHeaderSize + static_cast<uint64_t>(length), 8));
  }
  uint8_t* chars() const { return reinterpret_cast<uint8_t*>(FieldAddress(kCharsOffset)); }
  std::string_view view() const {
    return std::string_view(reinterpret_cast<const char*>(chars()), length());
  }
};

class ConsString : public String {
  RUCHY_OBJECT_CONSTRUCTORS(ConsString, String)

 public:
  static constexpr int kFirstOffset = kHeaderSize;
  static constexpr int kSecondOffset = kFirstOffset + kTaggedSize;
  static constexpr int kSize = kSecondOffset + kTaggedSize;
  static constexpr int kTaggedBodyStart = kFirstOffset;
  // Concatenations shorter than this are copied flat: a rope node costs more than it saves.
  static constexpr uint32_t kMinLength = 24;
  // Appends to a rope copy its last piece when the result stays within this many bytes
  // (Factory::NewConsString).
  static constexpr uint32_t kMaxAppendChunk = 128;

  inline String first() const;
  inline void set_first(String value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
  inline String second() const;
  inline void set_second(String value, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const;
};

template <typename F>
RUCHY_ALWAYS_INLINE void String::ForEachChunk(F f) const {
  if (IsConsString()) return ForEachChunkOfRope(f);
  // Flat, the common case: inline, without the walk's vector.
  SeqString seq = SeqString::unchecked_cast(*this);
  if (seq.length() != 0) f(static_cast<const uint8_t*>(seq.chars()), size_t{seq.length()});
}

template <typename F>
void String::ForEachChunkOfRope(F f) const {
  // In-order walk with an explicit stack of pending right children: depth costs heap
  // memory, never native stack.
  std::vector<String> pending;
  String current = *this;
  while (true) {
    if (current.IsConsString()) {
      ConsString cons = ConsString::unchecked_cast(current);
      String second = cons.second();
      if (second.length() != 0) pending.push_back(second);
      current = cons.first();
      continue;
    }
    SeqString seq = SeqString::unchecked_cast(current);
    if (seq.length() != 0) f(static_cast<const uint8_t*>(seq.chars()), size_t{seq.length()});
    if (pending.empty()) return;
    current = pending.back();
    pending.pop_back();
  }
}

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_STRING_H_
