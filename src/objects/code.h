// Code: machine code objects. Only the type is declared here — the layout, allocation
// and GC visiting belong to src/codegen's code space, which plugs into the heap as an
// ExternalSpace (see src/heap/README.md). The heap never allocates or moves Code.
#ifndef RUCHY_OBJECTS_CODE_H_
#define RUCHY_OBJECTS_CODE_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

class Code : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(Code, HeapObject)

 public:
  // Marks the seam: body visiting is delegated to the owning ExternalSpace.
  static constexpr int kTaggedBodyStart = -1;
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_CODE_H_
