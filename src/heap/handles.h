// Handles: the way C++ code holds heap references across allocations. A Handle<T> points
// at a slot the GC knows (a handle-scope block, a root-table entry, a persistent node);
// the GC updates the slot when the object moves. HandleScope frees the handles made
// inside it; MaybeHandle is the result of anything that can fail (out of memory).
#ifndef RUCHY_HEAP_HANDLES_H_
#define RUCHY_HEAP_HANDLES_H_

#include <type_traits>
#include <vector>

#include "src/base/logging.h"
#include "src/base/macros.h"
#include "src/objects/value.h"

namespace ruchy::internal {

class RootVisitor;

// Per-isolate bookkeeping of the handle blocks.
struct HandleScopeData {
  static constexpr int kBlockSize = 1022;  // slots per block (block = 8 KB minus malloc slack)
  Address* next = nullptr;
  Address* limit = nullptr;
  int level = 0;
  std::vector<Address*> blocks;  // in use, in order; the last one holds `next`

  void Iterate(RootVisitor* visitor);
  ~HandleScopeData();
};

// The isolate's HandleScopeData. Defined in isolate.h, which every user of handles
// includes, so opening and closing scopes and making handles are inline here (built-ins
// open a scope per element and make handles all the time).
inline HandleScopeData* HandleScopeDataOf(Isolate* isolate);

class HandleScope {
 public:
  explicit HandleScope(Isolate* isolate) : isolate_(isolate) {
    HandleScopeData* data = HandleScopeDataOf(isolate);
    prev_next_ = data->next;
    prev_limit_ = data->limit;
    data->level++;
  }
  ~HandleScope() {
    HandleScopeData* data = HandleScopeDataOf(isolate_);
    data->level--;
    if (RUCHY_PREDICT_FALSE(data->limit != prev_limit_)) {
      ReleaseBlocks(data);  // blocks opened inside this scope
    } else {
#ifndef NDEBUG
      ZapRange(prev_next_, data->next);
#endif
    }
    data->next = prev_next_;
    data->limit = prev_limit_;
  }
  RUCHY_DISALLOW_COPY_AND_ASSIGN(HandleScope);

  // A new slot holding `value` in the innermost scope. CHECK-fails without a scope.
  static Address* CreateHandle(Isolate* isolate, Address value) {
    HandleScopeData* data = HandleScopeDataOf(isolate);
    DCHECK(data->level > 0);
    Address* result = data->next;
    if (RUCHY_PREDICT_FALSE(result == data->limit)) result = Extend(isolate);
    data->next = result + 1;
    *result = value;
    return result;
  }
  static int NumberOfHandles(Isolate* isolate);

 protected:
  Isolate* isolate_;
  Address* prev_next_;
  Address* prev_limit_;

 private:
  static Address* Extend(Isolate* isolate);
  void ReleaseBlocks(HandleScopeData* data);
  // Debug builds overwrite freed slots so a stale handle faults at once.
  static void ZapRange(Address* start, Address* end);
};

template <typename T>
class Handle {
 public:
  Handle() : location_(nullptr) {}
  explicit Handle(Address* location) : location_(location) {}
  Handle(T value, Isolate* isolate) : location_(HandleScope::CreateHandle(isolate, value.ptr())) {}
  // Upcasts (Handle<Array> -> Handle<Value>) are implicit.
  template <typename S, typename = std::enable_if_t<std::is_convertible_v<S, T>>>
  Handle(Handle<S> other) : location_(other.location()) {}  // NOLINT

  T operator*() const {
    DCHECK(location_ != nullptr);
    return T::unchecked_cast(Value(*location_));
  }
  // handle->method(): `this` inside the method is the handle's slot itself, so the method
  // sees the object's current address even if evaluating its arguments allocated and moved
  // the object (`array->set(i, *NewNumber())` is safe). Raw objects obtained with `*handle`
  // are not: they must not be held across an allocation.
  T* operator->() const {
    static_assert(sizeof(T) == sizeof(Address) && std::is_standard_layout_v<T>,
                  "object classes are one tagged word");
    DCHECK(location_ != nullptr);
    return reinterpret_cast<T*>(location_);
  }

  Address* location() const { return location_; }
  bool is_null() const { return location_ == nullptr; }
  bool is_identical_to(Handle<T> other) const { return **this == *other; }

  // Downcast; checks the type in debug builds.
  template <typename S>
  static Handle<T> cast(Handle<S> other) {
    if (!other.is_null()) (void)T::cast(*other);
    return Handle<T>(other.location());
  }

 private:
  Address* location_;
};

template <typename T>
Handle<T> handle(T value, Isolate* isolate) {
  return Handle<T>(value, isolate);
}

// A handle that may be empty: the empty state means the operation failed and the isolate
// has a pending exception (today: out of memory).
template <typename T>
class MaybeHandle {
 public:
  MaybeHandle() = default;
  template <typename S, typename = std::enable_if_t<std::is_convertible_v<S, T>>>
  MaybeHandle(Handle<S> handle) : location_(handle.location()) {}  // NOLINT
  template <typename S, typename = std::enable_if_t<std::is_convertible_v<S, T>>>
  MaybeHandle(MaybeHandle<S> other) : location_(other.location_for_cast()) {}  // NOLINT

  bool is_null() const { return location_ == nullptr; }
  [[nodiscard]] bool ToHandle(Handle<T>* out) const {
    if (location_ == nullptr) {
      *out = Handle<T>();
      return false;
    }
    *out = Handle<T>(location_);
    return true;
  }
  Handle<T> ToHandleChecked() const {
    CHECK(location_ != nullptr);
    return Handle<T>(location_);
  }
  Address* location_for_cast() const { return location_; }

  template <typename S>
  static MaybeHandle<T> cast(MaybeHandle<S> other) {
    if (other.is_null()) return MaybeHandle<T>();
    return Handle<T>::cast(other.ToHandleChecked());
  }

 private:
  Address* location_ = nullptr;
};

// A scope whose one result outlives it: Escape copies the value into a slot reserved in
// the enclosing scope.
class EscapableHandleScope : public HandleScope {
 public:
  explicit EscapableHandleScope(Isolate* isolate);
  template <typename T>
  Handle<T> Escape(Handle<T> value) {
    CHECK(!escaped_);
    escaped_ = true;
    *escape_slot_ = value.is_null() ? Value().ptr() : *value.location();
    return value.is_null() ? Handle<T>() : Handle<T>(escape_slot_);
  }
  template <typename T>
  MaybeHandle<T> EscapeMaybe(MaybeHandle<T> value) {
    Handle<T> h;
    if (!value.ToHandle(&h)) return MaybeHandle<T>();
    return Escape(h);
  }

 private:
  Address* escape_slot_;
  bool escaped_ = false;
};

}  // namespace ruchy::internal

#endif  // RUCHY_HEAP_HANDLES_H_
