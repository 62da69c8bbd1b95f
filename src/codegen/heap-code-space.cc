// The ExternalSpace adapter between the heap and the code space.
#include "src/codegen/heap-code-space.h"

#include "src/execution/isolate.h"
#include "src/heap/heap.h"
#include "src/heap/page.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::codegen {

// The code space mirrors the heap's page protocol in heap-layout.h so that the
// MacroAssembler's write barrier does not depend on the heap; here both are visible.
static_assert(kHeapPageSize == kPageSize);
static_assert(kPageExternalFlag == Page::kExternal);

namespace {

CodeSpaceOptions OptionsFor(Isolate* isolate) {
  CodeSpaceOptions options;
  options.page_size = kPageSize;
  options.page_header_size = Page::HeaderSize();
  options.page_flags = Page::kExternal;
  Heap* heap = isolate->heap();
  options.on_page_allocated = [heap](Address base, size_t size) {
    Page::Initialize(base, size, heap, SpaceKind::kExternal, Page::kExternal);
  };
  options.on_page_released = [](Address base) { Page::FromAddress(base)->ReleaseSideTables(); };
  return options;
}

}  // namespace

HeapCodeSpace::HeapCodeSpace(Isolate* isolate)
    : isolate_(isolate), code_space_(OptionsFor(isolate)) {
  CHECK(isolate->heap()->external_space() == nullptr);
  isolate->heap()->SetExternalSpace(this);
}

HeapCodeSpace::~HeapCodeSpace() { isolate_->heap()->SetExternalSpace(nullptr); }

HeapObject HeapCodeSpace::Install(const CodeDesc& desc, const std::string& name) {
  InstalledCode code = code_space_.Install(desc, name);
  {
    CodeSpace::WritableScope writable(&code_space_, code);
    HeapObject::FromAddress(code.address()).set_shape(isolate_->code_shape());
  }
  return HeapObject::FromAddress(code.address());
}

void HeapCodeSpace::VisitCode(InstalledCode code, ObjectVisitor* visitor) {
  HeapObject host = HeapObject::FromAddress(code.address());
  // Code objects live in read+execute memory, so every slot goes through a local cell.
  // The shape is a read-only-space object and never moves.
  Address shape_cell = ObjectSlot(code.address()).load().ptr();
  visitor->VisitPointers(host, ObjectSlot(&shape_cell), ObjectSlot(&shape_cell) + 1);
  CHECK_EQ(shape_cell, ObjectSlot(code.address()).load().ptr());
  // Embedded pointers are copied to a cell, visited, and written back only if they moved,
  // so unchanged code pages are never made writable.
  code_space_.UpdateEmbeddedPointers(code, [&](Address old_value) {
    Address cell = old_value;
    visitor->VisitPointers(host, ObjectSlot(&cell), ObjectSlot(&cell) + 1);
    return cell;
  });
}

void HeapCodeSpace::IterateSlots(ObjectVisitor* visitor) {
  code_space_.ForEachCode([&](InstalledCode code) { VisitCode(code, visitor); });
}

void HeapCodeSpace::MarkAndVisit(HeapObject object, ObjectVisitor* visitor) {
  InstalledCode code(object.address());
  if (code_space_.Mark(code)) VisitCode(code, visitor);
}

}  // namespace ruchy::internal::codegen
