// Label: a position in code being assembled, bound once, referenced any number of times
// before or after binding. Unresolved references live in the assembler's fixup list.
#ifndef RUCHY_CODEGEN_LABEL_H_
#define RUCHY_CODEGEN_LABEL_H_

#include "src/base/logging.h"
#include "src/base/macros.h"

namespace ruchy::internal::codegen {

class Label {
 public:
  // How far a forward jump may reach: kNear uses an 8-bit displacement and fails (CHECK)
  // at bind time if the target is out of range; kFar always uses 32 bits. Backward jumps
  // pick the short form by themselves whenever it fits.
  enum Distance { kNear, kFar };

  Label() = default;
  // A label that was jumped to must be bound before it dies, or the jumps would
  // silently land on their own displacement bytes.
  ~Label() { DCHECK(!is_linked()); }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Label);

  bool is_bound() const { return pos_ >= 0; }
  bool is_linked() const { return link_ >= 0; }
  bool is_unused() const { return !is_bound() && !is_linked(); }

  // Offset from the start of the code; valid once bound.
  int pos() const {
    DCHECK(is_bound());
    return pos_;
  }

 private:
  friend class Assembler;
  int pos_ = -1;
  int link_ = -1;  // index of the latest unresolved reference in the assembler's fixups
};

}  // namespace ruchy::internal::codegen

#endif  // RUCHY_CODEGEN_LABEL_H_
