// Mark-compact implementation. Marking uses an explicit worklist (no recursion), so deep
// structures (million-node ropes or lists) are safe.
#include "src/heap/mark-compact.h"

#include <cstring>

#include "src/execution/isolate.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

// Old pages with less live data than this fraction of their area are compacted.
constexpr double kCompactionThreshold = 0.5;
constexpr double kForcedCompactionThreshold = 0.9;

class MarkingVisitor final : public RootVisitor, public ObjectVisitor {
 public:
  explicit MarkingVisitor(MarkCompactCollector* collector) : collector_(collector) {}
  void VisitRootPointers(const char*, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) collector_->MarkSlot(slot);
  }
  void VisitPointers(HeapObject, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) collector_->MarkSlot(slot);
  }

 private:
  MarkCompactCollector* collector_;
};

class UpdatingVisitor final : public RootVisitor, public ObjectVisitor {
 public:
  void VisitRootPointers(const char*, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) MarkCompactCollector::UpdateSlot(slot);
  }
  void VisitPointers(HeapObject, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) MarkCompactCollector::UpdateSlot(slot);
  }
};

void FreeRange(Heap* heap, Page* page, Address start, Address end) {
  if (end <= start) return;
  CreateFillerObject(heap, start, end - start);
  heap->old_space()->free_list()->Add(start, end - start);
  // Slots of dead objects leave the remembered set, which then names only slots of live
  // objects: UpdatePointers relies on it, and evacuated objects may land here.
  page->ClearOldToNewSlotsInRange(start, end);
}

}  // namespace

void MarkCompactCollector::Run() {
  Prepare();
  MarkLiveObjects();
  ClearWeakReferences();
  // The external space frees its dead objects now, so the pointer update below only
  // visits the slots of live ones.
  if (heap_->external_space() != nullptr) heap_->external_space()->Sweep();
  SelectEvacuationCandidates();
  SweepOldSpace();
  Evacuate();
  UpdatePointers();
  Finish();
}

void MarkCompactCollector::Prepare() {
  heap_->old_space()->RetireLab();
  heap_->new_space()->SyncHighWater();
  for (Page* page : heap_->old_space()->pages()) page->set_live_bytes(0);
  for (Page* page : heap_->new_space()->to_space_pages()) page->set_live_bytes(0);
}

void MarkCompactCollector::MarkObject(HeapObject object) {
  Page* page = Page::FromHeapObject(object);
  uintptr_t flags = page->flags();
  if (flags & Page::kReadOnly) return;
  if (flags & Page::kExternal) {
    MarkingVisitor visitor(this);
    heap_->external_space()->MarkAndVisit(object, &visitor);
    return;
  }
  if (!page->Mark(object.address())) return;
  // Leaves (strings, numbers: no tagged body) whose shape is read-only have nothing left
  // to visit: count them now instead of going through the worklist.
  Shape shape = object.shape();
  if (TaggedBodyStart(shape.instance_type()) < 0 &&
      Page::FromHeapObject(shape)->IsFlagSet(Page::kReadOnly)) {
    int size = object.SizeFromShape(shape);
    page->add_live_bytes(size);
    live_bytes_ += size;
    return;
  }
  worklist_.push_back(object);
}

void MarkCompactCollector::DrainWorklist() {
  while (!worklist_.empty()) {
    HeapObject object = worklist_.back();
    worklist_.pop_back();
    Shape shape = object.shape();
    int size = object.SizeFromShape(shape);
    Page::FromHeapObject(object)->add_live_bytes(size);
    live_bytes_ += size;
    MarkSlot(object.RawField(HeapObject::kShapeOffset));
    int start = TaggedBodyStart(shape.instance_type());
    if (start < 0) continue;
    for (int offset = start; offset < size; offset += kTaggedSize)
      MarkSlot(object.RawField(offset));
  }
}

void MarkCompactCollector::MarkLiveObjects() {
  MarkingVisitor visitor(this);
  heap_->IterateRoots(&visitor);
  DrainWorklist();
}

void MarkCompactCollector::ClearWeakReferences() {
  // Internalized strings are held weakly by the intern table.
  heap_->isolate()->string_table()->RemoveDead([](HeapObject string) {
    Page* page = Page::FromHeapObject(string);
    return page->IsFlagSet(Page::kReadOnly) || page->IsMarked(string.address());
  });
}

void MarkCompactCollector::SelectEvacuationCandidates() {
  double fraction = force_compaction_ ? kForcedCompactionThreshold : kCompactionThreshold;
  size_t threshold = static_cast<size_t>(Page::RegularAreaSize() * fraction);
  for (Page* page : heap_->old_space()->pages()) {
    // Empty pages are simply released by the sweeper.
    if (page->live_bytes() > 0 && page->live_bytes() < threshold) {
      page->SetFlag(Page::kEvacuationCandidate);
      candidates_.push_back(page);
    }
  }
}

void MarkCompactCollector::SweepOldSpace() {
  OldSpace* space = heap_->old_space();
  space->free_list()->Reset();
  std::vector<Page*> pages = space->pages();
  for (Page* page : pages) {
    if (page->IsFlagSet(Page::kEvacuationCandidate)) continue;
    Address cursor = page->area_start();
    size_t live = 0;
    page->ForEachMarked([&](Address address) {
      FreeRange(heap_, page, cursor, address);
      int size = HeapObject::FromAddress(address).Size();
      cursor = address + size;
      live += size;
    });
    FreeRange(heap_, page, cursor, page->area_end());
    page->set_live_bytes(live);
    if (live == 0) space->ReleasePage(page);
  }
}

void MarkCompactCollector::EvacuateObject(Address address) {
  HeapObject object = HeapObject::FromAddress(address);
  int size = object.Size();
  AllocationResult target = heap_->old_space()->AllocateForGC(size);
  if (target.IsFailure()) FATAL("system out of memory during compaction");
  Address dst = target.address();
  std::memcpy(reinterpret_cast<void*>(dst), reinterpret_cast<void*>(address), size);
  Page* dst_page = Page::FromAddress(dst);
  dst_page->Mark(dst);
  dst_page->add_live_bytes(size);
  object.set_shape_word(ShapeWord::FromForwardingAddress(dst));
  if (!candidates_.empty()) return;
  moved_.push_back(HeapObject::FromAddress(dst));
}

void MarkCompactCollector::Evacuate() {
  // Every live young object is promoted: afterwards new space is empty.
  NewSpace* new_space = heap_->new_space();
  const std::vector<Page*>& to_pages = new_space->to_space_pages();
  for (int i = 0; i <= new_space->current_page_index(); ++i) {
    to_pages[i]->ForEachMarked([this](Address a) { EvacuateObject(a); });
  }
  // Live young large objects are promoted in place, the dead ones freed. Without
  // candidates UpdatePointers visits only moved objects: the promoted ones are among them.
  if (candidates_.empty()) {
    for (Page* page : heap_->new_lo_space()->pages()) {
      if (page->IsMarked(page->area_start())) moved_.push_back(LargeObjectSpace::ObjectOf(page));
    }
  }
  heap_->new_lo_space()->PromoteMarkedTo(heap_->lo_space());
  for (Page* page : candidates_) {
    page->ForEachMarked([this](Address a) { EvacuateObject(a); });
  }
  heap_->old_space()->RetireLab();
  heap_->stats_.evacuated_pages = candidates_.size();
}

void MarkCompactCollector::UpdateObjectBody(HeapObject object) {
  UpdateSlot(object.RawField(HeapObject::kShapeOffset));
  Shape shape = object.shape();
  int size = object.SizeFromShape(shape);
  int start = TaggedBodyStart(shape.instance_type());
  if (start < 0) return;
  for (int offset = start; offset < size; offset += kTaggedSize) {
    UpdateSlot(object.RawField(offset));
  }
}

void MarkCompactCollector::UpdatePointers() {
  UpdatingVisitor visitor;
  heap_->IterateRoots(&visitor);
  if (heap_->external_space() != nullptr) heap_->external_space()->IterateSlots(&visitor);
  if (candidates_.empty()) {
    // Only young objects moved. Pointers to them are in roots, in the remembered set
    // (old-to-new slots of live old objects: the sweep dropped the others) and in the
    // formerly young objects themselves; the rest of the heap need not be walked.
    auto update = [](Address slot) {
      UpdateSlot(ObjectSlot(slot));
      return true;
    };
    for (Page* page : heap_->old_space()->pages()) page->IterateOldToNewSlots(update);
    for (Page* page : heap_->lo_space()->pages()) {
      if (page->IsMarked(page->area_start())) page->IterateOldToNewSlots(update);
    }
    for (HeapObject object : moved_) UpdateObjectBody(object);
    return;
  }
  for (Page* page : heap_->old_space()->pages()) {
    if (page->IsFlagSet(Page::kEvacuationCandidate)) continue;
    page->ForEachMarked([this](Address a) { UpdateObjectBody(HeapObject::FromAddress(a)); });
  }
  for (Page* page : heap_->lo_space()->pages()) {
    if (page->IsMarked(page->area_start())) {
      UpdateObjectBody(LargeObjectSpace::ObjectOf(page));
    }
  }
  heap_->isolate()->string_table()->UpdateEntries([](HeapObject string) {
    Page* page = Page::FromHeapObject(string);
    if (page->IsFlagSet(Page::kEvacuationCandidate)) {
      return string.shape_word().ToForwardingAddress();
    }
    return string;
  });
}

void MarkCompactCollector::Finish() {
  OldSpace* old_space = heap_->old_space();
  old_space->ReleaseEvacuationCandidates();
  heap_->new_space()->ResetToEmpty();
  heap_->lo_space()->FreeUnmarked();
  size_t live = 0;
  for (Page* page : old_space->pages()) {
    page->ClearMarkBits();
    page->ClearOldToNewSlots();
    live += page->live_bytes();
  }
  for (Page* page : heap_->lo_space()->pages()) {
    page->ClearOldToNewSlots();
    live += page->high_water() - page->area_start();
  }
  heap_->stats_.live_bytes_after_full = live;
}

}  // namespace ruchy::internal
