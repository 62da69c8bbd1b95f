// String operations that never recurse: hashing, comparison and flattening walk ropes
// with explicit stacks.
#include "src/objects/string.h"

#include <cstring>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

// Yields a string's bytes chunk by chunk (one chunk per rope leaf), in order.
class ChunkIterator {
 public:
  explicit ChunkIterator(String string) : current_(string), has_current_(true) {}

  bool Next(const uint8_t** data, size_t* size) {
    while (true) {
      if (!has_current_) {
        if (pending_.empty()) return false;
        current_ = pending_.back();
        pending_.pop_back();
        has_current_ = true;
      }
      if (current_.IsConsString()) {
        ConsString cons = ConsString::unchecked_cast(current_);
        if (cons.second().length() != 0) pending_.push_back(cons.second());
        current_ = cons.first();
        continue;
      }
      SeqString seq = SeqString::unchecked_cast(current_);
      has_current_ = false;
      if (seq.length() == 0) continue;
      *data = seq.chars();
      *size = seq.length();
      return true;
    }
  }

 private:
  String current_;
  bool has_current_;
  std::vector<String> pending_;
};

}  // namespace

size_t Utf8CharCount(const uint8_t* bytes, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) count += (bytes[i] & 0xC0) != 0x80;
  return count;
}

uint32_t String::EnsureHash() const {
  uint32_t hash = raw_hash();
  if (hash != 0) return hash;
  StringHasher hasher;
  ForEachChunk([&hasher](const uint8_t* data, size_t n) { hasher.Add(data, n); });
  hash = hasher.Finish();
  set_raw_hash(hash);
  return hash;
}

std::string String::ToStdString() const {
  std::string out;
  out.reserve(length());
  ForEachChunk([&out](const uint8_t* data, size_t n) {
    out.append(reinterpret_cast<const char*>(data), n);
  });
  return out;
}

bool String::Equals(String a, String b) {
  if (a == b) return true;
  if (a.length() != b.length()) return false;
  if (a.IsInternalized() && b.IsInternalized()) return false;
  if (a.HasHash() && b.HasHash() && a.raw_hash() != b.raw_hash()) return false;
  if (a.IsFlat() && b.IsFlat()) {
    return a.FlatContent() == b.FlatContent();
  }
  ChunkIterator left(a), right(b);
  const uint8_t* l = nullptr;
  const uint8_t* r = nullptr;
  size_t ln = 0, rn = 0;
  while (true) {
    if (ln == 0 && !left.Next(&l, &ln)) return rn == 0 && !right.Next(&r, &rn);
    if (rn == 0 && !right.Next(&r, &rn)) return false;
    size_t n = ln < rn ? ln : rn;
    if (std::memcmp(l, r, n) != 0) return false;
    l += n;
    r += n;
    ln -= n;
    rn -= n;
  }
}

bool String::EqualsUtf8(std::string_view s) const {
  if (length() != s.size()) return false;
  size_t position = 0;
  bool equal = true;
  ForEachChunk([&](const uint8_t* data, size_t n) {
    if (equal && std::memcmp(data, s.data() + position, n) != 0) equal = false;
    position += n;
  });
  return equal;
}

MaybeHandle<String> String::Flatten(Isolate* isolate, Handle<String> string) {
  if (string->IsSeqString()) return string;
  ConsString cons = ConsString::cast(*string);
  if (cons.second().length() == 0) return handle(cons.first(), isolate);
  Handle<SeqString> flat;
  if (!isolate->factory()->NewRawSeqString(string->length()).ToHandle(&flat)) return {};
  DisallowGarbageCollection no_gc;
  uint8_t* dst = flat->chars();
  string->ForEachChunk([&dst](const uint8_t* data, size_t n) {
    std::memcpy(dst, data, n);
    dst += n;
  });
  flat->WriteRaw<uint32_t>(kCharCountOffset, string->char_count());
  flat->set_raw_hash(string->HasHash() ? string->raw_hash() : StringHasher::Hash(flat->view()));
  string->set_raw_hash(flat->raw_hash());
  ConsString rope = ConsString::cast(*string);
  rope.set_first(*flat);
  rope.set_second(isolate->empty_string());
  return flat;
}

}  // namespace ruchy::internal
