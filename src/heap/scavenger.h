// The scavenger: a Cheney-style copying collection of new space. Survivors are copied
// into the fresh to-space, or promoted to old space once they survived one scavenge.
// Young large objects are never copied: they stay in place after their first survival
// and are promoted in place (their page changes spaces) after their second.
// Roots are the isolate's roots, the root providers, the external (code) space and the
// old-to-new remembered set.
#ifndef RUCHY_HEAP_SCAVENGER_H_
#define RUCHY_HEAP_SCAVENGER_H_

#include <vector>

#include "src/heap/heap.h"

namespace ruchy::internal {

class Scavenger {
 public:
  explicit Scavenger(Heap* heap) : heap_(heap), new_space_(heap->new_space()) {}
  void Run();

  // Updates `slot` if it points into from-space (copying the object on first visit).
  void ScavengeSlot(ObjectSlot slot) {
    Value value = slot.load();
    if (!value.IsHeapObject()) return;
    if (!Page::FromAddress(value.ptr())->IsFlagSet(Page::kInFromSpace)) return;
    slot.store(Evacuate(HeapObject::unchecked_cast(value)));
  }

 private:
  HeapObject Evacuate(HeapObject object);
  void KeepLargeObject(HeapObject object, Page* page);
  // Scavenges the object's fields; returns its size (the Cheney scan's step).
  int ScavengeBody(HeapObject object, bool record_old_to_new);
  template <bool kRecordOldToNew>
  void ScavengeRange(Page* host_page, Address start, Address end);
  void ProcessWorklists();

  Heap* heap_;
  NewSpace* new_space_;
  std::vector<HeapObject> promoted_;
  std::vector<HeapObject> young_large_;  // surviving young large objects to scan
  int scan_page_ = 0;
  Address scan_ = kNullAddress;
  size_t copied_bytes_ = 0;
  size_t promoted_bytes_ = 0;
  size_t large_kept_bytes_ = 0;
  size_t large_promoted_bytes_ = 0;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_SCAVENGER_H_
