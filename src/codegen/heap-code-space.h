// HeapCodeSpace: the executable code space as the heap sees it. It owns a CodeSpace whose
// pages carry heap Page headers (flagged kExternal), makes every installed code object a
// heap object with the code shape, and implements the heap's ExternalSpace hooks so that
// collections mark code, free unreachable code, and rewrite the heap pointers embedded in
// instructions (through the relocation entries) when their targets move.
#ifndef RUCHY_CODEGEN_HEAP_CODE_SPACE_H_
#define RUCHY_CODEGEN_HEAP_CODE_SPACE_H_

#include <string>

#include "src/codegen/code-space.h"
#include "src/heap/visitors.h"

namespace ruchy::internal {
class Isolate;
}

namespace ruchy::internal::codegen {

class HeapCodeSpace : public ExternalSpace {
 public:
  // Registers itself as the isolate heap's external space; unregisters on destruction.
  explicit HeapCodeSpace(Isolate* isolate);
  ~HeapCodeSpace() override;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(HeapCodeSpace);

  // Installs the code and returns it as a heap object (tagged pointer = address + 1).
  HeapObject Install(const CodeDesc& desc, const std::string& name = "");
  static InstalledCode ToInstalledCode(HeapObject code) { return InstalledCode(code.address()); }

  CodeSpace* code_space() { return &code_space_; }

  // ExternalSpace.
  bool Contains(Address address) const override { return code_space_.Contains(address); }
  void IterateSlots(ObjectVisitor* visitor) override;
  void MarkAndVisit(HeapObject object, ObjectVisitor* visitor) override;
  void Sweep() override { code_space_.SweepUnmarked(); }
  size_t SizeOfObjects() const override { return code_space_.SizeOfObjects(); }

 private:
  void VisitCode(InstalledCode code, ObjectVisitor* visitor);

  Isolate* isolate_;
  CodeSpace code_space_;
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_HEAP_CODE_SPACE_H_
