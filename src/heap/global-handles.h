// Persistent (global) handles: slots that stay valid across handle scopes until
// explicitly destroyed. The GC visits every live node as a root and updates it.
#ifndef RUCHY_HEAP_GLOBAL_HANDLES_H_
#define RUCHY_HEAP_GLOBAL_HANDLES_H_

#include <memory>
#include <vector>

#include "src/base/macros.h"
#include "src/heap/handles.h"

namespace ruchy::internal {

class GlobalHandles {
 public:
  GlobalHandles() = default;
  RUCHY_DISALLOW_COPY_AND_ASSIGN(GlobalHandles);

  Address* Create(Address value);
  void Destroy(Address* location);
  void Iterate(RootVisitor* visitor);
  size_t count() const { return count_; }

 private:
  // `value` must stay the first member: a handle location is the node's address.
  struct Node {
    Address value;
    Node* next_free;
    bool in_use;
  };
  static constexpr int kBlockSize = 256;
  std::vector<std::unique_ptr<Node[]>> blocks_;
  Node* free_list_ = nullptr;
  size_t count_ = 0;
};

// RAII owner of one global handle.
template <typename T>
class Persistent {
 public:
  Persistent() = default;
  Persistent(Isolate* isolate, Handle<T> value) { Reset(isolate, value); }
  ~Persistent() { Reset(); }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Persistent);

  inline void Reset(Isolate* isolate, Handle<T> value);
  inline void Reset();
  bool IsEmpty() const { return location_ == nullptr; }
  // A handle onto the persistent slot itself (valid while this Persistent lives).
  Handle<T> Get() const { return Handle<T>(location_); }

 private:
  GlobalHandles* owner_ = nullptr;
  Address* location_ = nullptr;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_GLOBAL_HANDLES_H_
