// The interfaces through which the GC finds pointers it does not own: root slots held
// by the VM stack, handles and other root holders (RootVisitor / RootProvider), slots
// inside objects (ObjectVisitor), and spaces that live outside the heap (ExternalSpace,
// implemented by src/codegen's code space).
#ifndef RUCHY_HEAP_VISITORS_H_
#define RUCHY_HEAP_VISITORS_H_

#include <cstddef>

#include "src/objects/heap-object.h"

namespace ruchy::internal {

class RootVisitor {
 public:
  virtual ~RootVisitor() = default;
  // [start, end) are tagged slots. The visitor may rewrite them (a moving GC does), so a
  // root holder must report the slots where it keeps values, not copies.
  virtual void VisitRootPointers(const char* description, ObjectSlot start, ObjectSlot end) = 0;
  void VisitRootPointer(const char* description, ObjectSlot slot) {
    VisitRootPointers(description, slot, slot + 1);
  }
};

class ObjectVisitor {
 public:
  virtual ~ObjectVisitor() = default;
  virtual void VisitPointers(HeapObject host, ObjectSlot start, ObjectSlot end) = 0;
};

// Something outside the heap that holds heap references (the VM stack, compile jobs,
// an embedder). Registered with Heap::AddRootProvider; every GC asks it for its slots.
class RootProvider {
 public:
  virtual ~RootProvider() = default;
  virtual void IterateRoots(RootVisitor* visitor) = 0;
};

// A non-moving space owned outside the heap (the executable code space). Its chunks are
// kPageSize-aligned and start with a Page header whose flags include Page::kExternal (and
// never Page::kInYoung), so the write barrier and GC recognize its objects. The heap never
// allocates, moves or frees its objects; it calls these hooks instead.
class ExternalSpace {
 public:
  virtual ~ExternalSpace() = default;
  virtual bool Contains(Address address) const = 0;
  // Every tagged slot of every live object in the space, including pointers embedded in
  // instructions. Called by each scavenge (young pointers held by code are roots) and after
  // a full GC's Sweep (pointers to moved objects are rewritten through the visitor).
  virtual void IterateSlots(ObjectVisitor* visitor) = 0;
  // Full GC reached `object` in this space. If it was not yet marked, mark it and report its
  // slots to `visitor` (the marker follows them).
  virtual void MarkAndVisit(HeapObject object, ObjectVisitor* visitor) = 0;
  // Right after marking: free unmarked objects and clear marks. Called before objects are
  // evacuated, so dead code never sees (or keeps) pointers into freed memory.
  virtual void Sweep() = 0;
  // Bytes of objects, for --trace-gc and heap limits.
  virtual size_t SizeOfObjects() const = 0;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_VISITORS_H_
