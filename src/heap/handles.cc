// Handle scopes: blocks of slots allocated on demand and released when a scope closes.
#include "src/heap/handles.h"

#include <cstdlib>

#include "src/execution/isolate.h"
#include "src/heap/visitors.h"

namespace ruchy::internal {

namespace {

// In debug builds freed handle slots are overwritten so a stale handle reads garbage that
// looks like a heap pointer into unmapped memory and faults at once.
constexpr Address kZappedHandle = 0x1baddead0baddeafull;

}  // namespace

void HandleScope::ZapRange(Address* start, Address* end) {
#ifndef NDEBUG
  for (Address* p = start; p < end; ++p) *p = kZappedHandle;
#else
  (void)start;
  (void)end;
#endif
}

HandleScopeData::~HandleScopeData() {
  for (Address* block : blocks) std::free(block);
}

void HandleScopeData::Iterate(RootVisitor* visitor) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    Address* start = blocks[i];
    Address* end = (i + 1 == blocks.size()) ? next : start + kBlockSize;
    if (end > start) visitor->VisitRootPointers("handle scope", ObjectSlot(start), ObjectSlot(end));
  }
}

void HandleScope::ReleaseBlocks(HandleScopeData* data) {
  // Release blocks opened inside this scope; keep the one prev_next_ points into.
  while (!data->blocks.empty() && data->limit != prev_limit_) {
    Address* block = data->blocks.back();
    ZapRange(block, block + HandleScopeData::kBlockSize);
    std::free(block);
    data->blocks.pop_back();
    data->limit =
        data->blocks.empty() ? nullptr : data->blocks.back() + HandleScopeData::kBlockSize;
  }
  ZapRange(prev_next_, prev_limit_);
}

Address* HandleScope::Extend(Isolate* isolate) {
  HandleScopeData* data = isolate->handle_scope_data();
  CHECK(data->level > 0);  // a handle needs an open HandleScope
  Address* block =
      static_cast<Address*>(std::malloc(HandleScopeData::kBlockSize * sizeof(Address)));
  CHECK(block != nullptr);
  data->blocks.push_back(block);
  data->next = block;
  data->limit = block + HandleScopeData::kBlockSize;
  return block;
}

int HandleScope::NumberOfHandles(Isolate* isolate) {
  HandleScopeData* data = isolate->handle_scope_data();
  if (data->blocks.empty()) return 0;
  return static_cast<int>((data->blocks.size() - 1) * HandleScopeData::kBlockSize +
                          (data->next - data->blocks.back()));
}

EscapableHandleScope::EscapableHandleScope(Isolate* isolate) : HandleScope(isolate) {
  // The escape slot is the first handle of this scope; reopening the scope after it
  // keeps it alive when this scope closes, i.e. it belongs to the enclosing scope.
  escape_slot_ = CreateHandle(isolate, Value().ptr());
  HandleScopeData* data = isolate->handle_scope_data();
  prev_next_ = data->next;
  prev_limit_ = data->limit;
}

}  // namespace ruchy::internal
