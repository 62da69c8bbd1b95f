// The out-of-line part of the generational write barrier.
#include "src/heap/write-barrier.h"

namespace ruchy::internal {

void WriteBarrier::RecordWriteSlow(Page* host_page, Address slot) {
  // Code space keeps no remembered set: the scavenger visits all of its slots.
  if (host_page->IsFlagSet(Page::kExternal)) return;
  DCHECK(!host_page->IsFlagSet(Page::kReadOnly));
  host_page->RecordOldToNewSlot(slot);
}

void HeapObject::DebugCheckNotMoved() const {
  Page* page = Page::FromAddress(address());
  // Young large objects never move.
  if (page->InYoung() && !page->IsFlagSet(Page::kInToSpace) &&
      !page->IsFlagSet(Page::kLargeObject)) {
    FATAL(
        "store into a young object that has moved: a raw object was held across an "
        "allocation");
  }
}

}  // namespace ruchy::internal
