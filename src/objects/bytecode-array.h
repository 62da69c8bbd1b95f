// BytecodeArray: a compiled function's bytecode as the heap sees it. The bytes, the
// source-position table and the handler table live outside the managed heap in an
// interpreter-owned BytecodeData that never moves (so the interpreter's pc and, later,
// baseline code can point into it); the heap object holds a raw pointer to it plus the
// tagged constant pool, which the GC visits.
#ifndef RUCHY_OBJECTS_BYTECODE_ARRAY_H_
#define RUCHY_OBJECTS_BYTECODE_ARRAY_H_

#include "src/objects/heap-object.h"

namespace ruchy::internal {

namespace interpreter {
struct BytecodeData;
}

class BytecodeArray : public HeapObject {
  RUCHY_OBJECT_CONSTRUCTORS(BytecodeArray, HeapObject)

 public:
  static constexpr int kDataOffset = 8;           // raw interpreter::BytecodeData*
  static constexpr int kConstantPoolOffset = 16;  // FixedArray
  static constexpr int kSize = 24;
  static constexpr int kTaggedBodyStart = kConstantPoolOffset;

  interpreter::BytecodeData* data() const {
    return ReadRaw<interpreter::BytecodeData*>(kDataOffset);
  }
  void set_data(interpreter::BytecodeData* data) const {
    WriteRaw<interpreter::BytecodeData*>(kDataOffset, data);
  }
  Value constant_pool() const { return ReadTagged(kConstantPoolOffset); }
  void set_constant_pool(Value v, WriteBarrierMode mode = WriteBarrierMode::kUpdate) const {
    WriteTagged(kConstantPoolOffset, v, mode);
  }
};

}  // namespace ruchy::internal

#endif  // RUCHY_OBJECTS_BYTECODE_ARRAY_H_
