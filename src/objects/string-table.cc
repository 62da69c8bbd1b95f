// The intern table: open addressing with linear probing over tagged string pointers.
#include "src/objects/string-table.h"

#include <cstring>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

template <typename Matches>
size_t StringTable::FindSlot(uint32_t hash, Matches matches) const {
  size_t mask = slots_.size() - 1;
  size_t index = hash & mask;
  size_t first_deleted = SIZE_MAX;
  while (true) {
    Address slot = slots_[index];
    if (slot == kEmpty) return first_deleted != SIZE_MAX ? first_deleted : index;
    if (slot == kDeleted) {
      if (first_deleted == SIZE_MAX) first_deleted = index;
    } else if (matches(String::unchecked_cast(Value(slot)))) {
      return index;
    }
    index = (index + 1) & mask;
  }
}

void StringTable::Grow() {
  std::vector<Address> old = std::move(slots_);
  size_t capacity = old.size();
  // Grow only when live entries need it; otherwise rehashing just drops tombstones.
  if ((count_ + 1) * 2 > capacity) capacity *= 2;
  slots_.assign(capacity, kEmpty);
  count_ = 0;
  deleted_ = 0;
  for (Address slot : old) {
    if (slot != kEmpty && slot != kDeleted) Insert(String::unchecked_cast(Value(slot)));
  }
}

void StringTable::Insert(String string) {
  if ((count_ + deleted_ + 1) * 4 > slots_.size() * 3) Grow();
  size_t mask = slots_.size() - 1;
  size_t index = string.raw_hash() & mask;
  while (slots_[index] != kEmpty && slots_[index] != kDeleted) index = (index + 1) & mask;
  if (slots_[index] == kDeleted) --deleted_;
  slots_[index] = string.ptr();
  ++count_;
}

String StringTable::TryLookup(String string) const {
  uint32_t hash = string.EnsureHash();
  size_t index = FindSlot(hash, [&](String candidate) {
    return candidate.raw_hash() == hash && String::Equals(candidate, string);
  });
  Address slot = slots_[index];
  if (slot == kEmpty || slot == kDeleted) return String();
  return String::unchecked_cast(Value(slot));
}

MaybeHandle<String> StringTable::LookupUtf8(Isolate* isolate, std::string_view utf8) {
  uint32_t hash = StringHasher::Hash(utf8);
  size_t index = FindSlot(hash, [&](String candidate) {
    return candidate.raw_hash() == hash && candidate.EqualsUtf8(utf8);
  });
  Address slot = slots_[index];
  if (slot != kEmpty && slot != kDeleted)
    return handle(String::unchecked_cast(Value(slot)), isolate);
  if (utf8.size() > String::kMaxLength) {
    isolate->ReportOutOfMemory();
    return {};
  }
  AllocationType type =
      isolate->heap()->setup_finished() ? AllocationType::kOld : AllocationType::kReadOnly;
  Handle<SeqString> string;
  if (!isolate->factory()
           ->NewRawSeqStringWithFlags(static_cast<uint32_t>(utf8.size()), type,
                                      String::kInternalized)
           .ToHandle(&string)) {
    return {};
  }
  if (!utf8.empty()) std::memcpy(string->chars(), utf8.data(), utf8.size());
  Factory::FinishSeqString(*string);
  Insert(*string);
  return string;
}

MaybeHandle<String> StringTable::LookupString(Isolate* isolate, Handle<String> string) {
  if (string->IsInternalized()) return string;
  String existing = TryLookup(*string);
  if (existing.ptr() != 0) return handle(existing, isolate);
  std::string contents = string->ToStdString();
  return LookupUtf8(isolate, contents);
}

}  // namespace ruchy::internal
