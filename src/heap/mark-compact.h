// The full collector: marks everything reachable (all generations), sweeps old-space
// pages into free lists, evacuates new space (everything surviving is promoted) and the
// fragmented old pages chosen as evacuation candidates, then rewrites every pointer to a
// moved object. Afterwards new space is empty, so all remembered sets are cleared.
#ifndef RUCHY_HEAP_MARK_COMPACT_H_
#define RUCHY_HEAP_MARK_COMPACT_H_

#include <vector>

#include "src/heap/heap.h"

namespace ruchy::internal {

class MarkCompactCollector {
 public:
  MarkCompactCollector(Heap* heap, bool force_compaction)
      : heap_(heap), force_compaction_(force_compaction) {}
  void Run();

  void MarkSlot(ObjectSlot slot) {
    Value value = slot.load();
    if (value.IsHeapObject()) MarkObject(HeapObject::unchecked_cast(value));
  }
  void MarkObject(HeapObject object);
  // Rewrites `slot` if it points to an object that has moved.
  static void UpdateSlot(ObjectSlot slot) {
    Value value = slot.load();
    if (!value.IsHeapObject()) return;
    Page* page = Page::FromAddress(value.ptr());
    if ((page->flags() & (Page::kEvacuationCandidate | Page::kInYoung)) == 0) return;
    ShapeWord word = HeapObject::unchecked_cast(value).shape_word();
    DCHECK(word.IsForwardingAddress());
    if (word.IsForwardingAddress()) slot.store(word.ToForwardingAddress());
  }

 private:
  void Prepare();
  void MarkLiveObjects();
  void DrainWorklist();
  void ClearWeakReferences();
  void SelectEvacuationCandidates();
  void SweepOldSpace();
  void EvacuateObject(Address address);
  void Evacuate();
  void UpdatePointers();
  void UpdateObjectBody(HeapObject object);
  void Finish();

  Heap* heap_;
  bool force_compaction_;
  std::vector<HeapObject> worklist_;
  std::vector<Page*> candidates_;
  // Without evacuation candidates: the promoted young objects (new addresses) and young
  // large objects, whose fields UpdatePointers must visit.
  std::vector<HeapObject> moved_;
  size_t live_bytes_ = 0;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_MARK_COMPACT_H_
