// Global handle nodes: allocated in blocks, recycled through a free list.
#include "src/heap/global-handles.h"

#include "src/execution/isolate.h"  // HandleScopeDataOf, for handles.h
#include "src/heap/visitors.h"

namespace ruchy::internal {

Address* GlobalHandles::Create(Address value) {
  if (free_list_ == nullptr) {
    auto block = std::make_unique<Node[]>(kBlockSize);
    for (int i = kBlockSize - 1; i >= 0; --i) {
      block[i].value = 0;
      block[i].in_use = false;
      block[i].next_free = free_list_;
      free_list_ = &block[i];
    }
    blocks_.push_back(std::move(block));
  }
  Node* node = free_list_;
  free_list_ = node->next_free;
  node->value = value;
  node->in_use = true;
  node->next_free = nullptr;
  ++count_;
  return &node->value;
}

void GlobalHandles::Destroy(Address* location) {
  Node* node = reinterpret_cast<Node*>(location);
  CHECK(node->in_use);
  node->in_use = false;
  node->value = 0;
  node->next_free = free_list_;
  free_list_ = node;
  --count_;
}

void GlobalHandles::Iterate(RootVisitor* visitor) {
  for (auto& block : blocks_) {
    for (int i = 0; i < kBlockSize; ++i) {
      if (block[i].in_use) visitor->VisitRootPointer("global handle", ObjectSlot(&block[i].value));
    }
  }
}

}  // namespace ruchy::internal
