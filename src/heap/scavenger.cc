// Scavenger implementation. Nothing here recurses: to-space is scanned linearly (Cheney)
// and promoted objects wait in a worklist, so object graphs of any depth are safe.
#include "src/heap/scavenger.h"

#include <cstring>

#include "src/objects/objects-inl.h"

namespace ruchy::internal {

namespace {

class ScavengeRootVisitor final : public RootVisitor, public ObjectVisitor {
 public:
  explicit ScavengeRootVisitor(Scavenger* scavenger) : scavenger_(scavenger) {}
  void VisitRootPointers(const char*, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) scavenger_->ScavengeSlot(slot);
  }
  void VisitPointers(HeapObject, ObjectSlot start, ObjectSlot end) override {
    for (ObjectSlot slot = start; slot < end; ++slot) scavenger_->ScavengeSlot(slot);
  }

 private:
  Scavenger* scavenger_;
};

}  // namespace

void Scavenger::KeepLargeObject(HeapObject object, Page* page) {
  // Live: no longer in from-space, so later visits leave the slot alone.
  page->ClearFlag(Page::kInFromSpace);
  int size = static_cast<int>(page->high_water() - page->area_start());
  if (page->IsFlagSet(Page::kBelowAgeMark)) {
    // Second survival: old now (LargeObjectSpace::FinishScavenge moves the page). Its
    // slots that stay young go to the remembered set when its body is scanned.
    page->ClearFlag(Page::kBelowAgeMark);
    page->ClearFlag(Page::kInYoung);
    promoted_bytes_ += size;
    large_promoted_bytes_ += size;
    promoted_.push_back(object);
  } else {
    page->SetFlag(Page::kBelowAgeMark);
    copied_bytes_ += size;
    large_kept_bytes_ += size;
    young_large_.push_back(object);
  }
}

HeapObject Scavenger::Evacuate(HeapObject object) {
  Page* page = Page::FromHeapObject(object);
  if (page->IsFlagSet(Page::kLargeObject)) {
    KeepLargeObject(object, page);
    return object;
  }
  ShapeWord word = object.shape_word();
  if (word.IsForwardingAddress()) return word.ToForwardingAddress();
  int size = object.SizeFromShape(word.ToShape());
  AllocationResult target = AllocationResult::Failure();
  bool promote = new_space_->ShouldBePromoted(object.address());
  if (!promote) {
    target = new_space_->AllocateSlow(size);
    // To-space can fill before from-space is empty when page tails are wasted differently.
    promote = target.IsFailure();
  }
  if (promote) {
    target = size > kMaxRegularObjectSize ? heap_->lo_space()->AllocateRaw(size, true)
                                          : heap_->old_space()->AllocateForGC(size);
    if (target.IsFailure()) FATAL("system out of memory during scavenge");
  }
  Address dst = target.address();
  std::memcpy(reinterpret_cast<void*>(dst), reinterpret_cast<void*>(object.address()), size);
  object.set_shape_word(ShapeWord::FromForwardingAddress(dst));
  HeapObject copy = HeapObject::FromAddress(dst);
  if (promote) {
    promoted_bytes_ += size;
    promoted_.push_back(copy);
  } else {
    copied_bytes_ += size;
  }
  return copy;
}

int Scavenger::ScavengeBody(HeapObject object, bool record_old_to_new) {
  Shape shape = object.shape();
  int size = object.SizeFromShape(shape);
  int start = TaggedBodyStart(shape.instance_type());
  if (start < 0) return size;
  Address first = object.address() + start;
  Address end = object.address() + size;
  if (record_old_to_new) {
    ScavengeRange<true>(Page::FromHeapObject(object), first, end);
  } else {
    ScavengeRange<false>(nullptr, first, end);
  }
  return size;
}

template <bool kRecordOldToNew>
void Scavenger::ScavengeRange(Page* host_page, Address start, Address end) {
  // One load and one tag test per Smi: large young objects (hash tables, arrays) are
  // scanned whole, and are mostly Smis.
  for (Address address = start; address < end; address += kTaggedSize) {
    ObjectSlot slot(address);
    Value value = slot.load();
    if (!value.IsHeapObject()) continue;
    Page* page = Page::FromAddress(value.ptr());
    if (page->IsFlagSet(Page::kInFromSpace)) {
      value = Evacuate(HeapObject::unchecked_cast(value));
      slot.store(value);
      page = Page::FromAddress(value.ptr());
    }
    if (kRecordOldToNew && page->InYoung()) host_page->RecordOldToNewSlot(address);
  }
}

void Scavenger::ProcessWorklists() {
  const std::vector<Page*>& pages = new_space_->to_space_pages();
  while (true) {
    // Cheney scan of to-space up to the current allocation top, which moves as we copy.
    while (true) {
      int current = new_space_->current_page_index();
      Address end =
          scan_page_ == current ? new_space_->lab()->top : pages[scan_page_]->high_water();
      if (scan_ < end) {
        scan_ += ScavengeBody(HeapObject::FromAddress(scan_), false);
        continue;
      }
      if (scan_page_ < current) {
        ++scan_page_;
        scan_ = pages[scan_page_]->area_start();
        continue;
      }
      break;
    }
    if (promoted_.empty() && young_large_.empty()) break;
    while (!promoted_.empty()) {
      HeapObject object = promoted_.back();
      promoted_.pop_back();
      ScavengeBody(object, true);
    }
    while (!young_large_.empty()) {
      HeapObject object = young_large_.back();
      young_large_.pop_back();
      ScavengeBody(object, false);
    }
  }
}

void Scavenger::Run() {
  heap_->old_space()->RetireLab();
  new_space_->Flip();
  // Young large objects are evacuated in place: each one reached loses the flag.
  for (Page* page : heap_->new_lo_space()->pages()) page->SetFlag(Page::kInFromSpace);
  scan_page_ = 0;
  scan_ = new_space_->to_space_pages()[0]->area_start();

  ScavengeRootVisitor visitor(this);
  heap_->IterateRoots(&visitor);
  if (heap_->external_space() != nullptr) heap_->external_space()->IterateSlots(&visitor);

  // Old-to-new slots: keep those that still point into new space after the update.
  auto process_page = [this](Page* page) {
    page->IterateOldToNewSlots([this](Address slot_address) {
      ObjectSlot slot(slot_address);
      ScavengeSlot(slot);
      return Heap::InYoungGeneration(slot.load());
    });
  };
  // Copies of the page lists: promotion may add pages while the sets are processed.
  std::vector<Page*> old_pages = heap_->old_space()->pages();
  std::vector<Page*> lo_pages = heap_->lo_space()->pages();
  for (Page* page : old_pages) process_page(page);
  for (Page* page : lo_pages) process_page(page);

  ProcessWorklists();

  heap_->new_lo_space()->FinishScavenge(heap_->lo_space());
  new_space_->SetAgeMark();
  new_space_->FinishScavenge();
  heap_->stats_.copied_bytes = copied_bytes_;
  heap_->stats_.promoted_bytes = promoted_bytes_;
  heap_->stats_.large_kept_bytes = large_kept_bytes_;
  heap_->stats_.large_promoted_bytes = large_promoted_bytes_;
}

}  // namespace ruchy::internal
