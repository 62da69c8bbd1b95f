// The generational write barrier: every store of a tagged value into a heap object runs
// it. A store of a young-object pointer into an object that is not young records the slot
// in the host page's old-to-new remembered set, which the scavenger treats as roots.
//
// JIT code emits the same test inline:
//   value is a heap object (low bit 1)
//   && Page::FromAddress(value)->flags & Page::kInYoung
//   && !(Page::FromAddress(host)->flags & Page::kInYoung)  -> call RecordWriteSlow
#ifndef RUCHY_HEAP_WRITE_BARRIER_H_
#define RUCHY_HEAP_WRITE_BARRIER_H_

#include "src/heap/page.h"
#include "src/objects/heap-object.h"

namespace ruchy::internal {

class WriteBarrier {
 public:
  RUCHY_ALWAYS_INLINE static void ForSlot(HeapObject host, Address slot, Value value) {
    if (!value.IsHeapObject()) return;
    if (!Page::FromAddress(value.ptr())->InYoung()) return;
    Page* host_page = Page::FromHeapObject(host);
    if (host_page->InYoung()) return;
    RecordWriteSlow(host_page, slot);
  }
  // Out of line so the inline part stays small; JIT code calls this too.
  static void RecordWriteSlow(Page* host_page, Address slot);
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_WRITE_BARRIER_H_
