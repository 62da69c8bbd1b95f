// DisallowGarbageCollection: the only place a raw (unhandled) object reference may be
// held. In debug builds any allocation while such a scope is active CHECK-fails, which
// with --stress-gc turns "this raw pointer may move" bugs into immediate failures.
#ifndef RUCHY_HEAP_DISALLOW_GC_H_
#define RUCHY_HEAP_DISALLOW_GC_H_

#include "src/base/logging.h"
#include "src/base/macros.h"

namespace ruchy::internal {

class DisallowGarbageCollection {
 public:
#ifdef NDEBUG
  DisallowGarbageCollection() {}  // user-provided: an unused scope is not a warning
  static bool IsAllowed() { return true; }
#else
  DisallowGarbageCollection() { ++depth_; }
  ~DisallowGarbageCollection() { --depth_; }
  static bool IsAllowed() { return depth_ == 0; }
#endif
  RUCHY_DISALLOW_COPY_AND_ASSIGN(DisallowGarbageCollection);

 private:
#ifndef NDEBUG
  static thread_local int depth_;
#endif
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_DISALLOW_GC_H_
