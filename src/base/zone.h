// Zone: an arena for compiler-lifetime data (AST, bytecode builder, graphs).
// Allocation is a pointer bump; everything is freed at once when the zone dies.
// Destructors of zone objects never run, so they must not own outside memory.
#ifndef RUCHY_BASE_ZONE_H_
#define RUCHY_BASE_ZONE_H_

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "src/base/logging.h"
#include "src/base/macros.h"

namespace ruchy::base {

class Zone {
 public:
  static constexpr size_t kAlignment = 8;
  static constexpr size_t kMinSegmentSize = 8 * KB;
  static constexpr size_t kMaxSegmentSize = 1 * MB;

  Zone() = default;
  ~Zone();
  RUCHY_DISALLOW_COPY_AND_ASSIGN(Zone);

  // Returns `size` bytes aligned to `alignment` (a power of two, at most 4 KB).
  void* Allocate(size_t size, size_t alignment = kAlignment) {
    DCHECK(IsPowerOfTwo(alignment));
    uintptr_t result = RoundUp(position_, alignment);
    if (RUCHY_PREDICT_FALSE(result + size > limit_ || result < position_)) {
      return AllocateSlow(size, alignment);
    }
    position_ = result + size;
    allocated_ += size;
    return reinterpret_cast<void*>(result);
  }

  // Constructs a T in the zone. T's destructor never runs.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    void* memory = Allocate(sizeof(T), alignof(T) < kAlignment ? kAlignment : alignof(T));
    return new (memory) T(std::forward<Args>(args)...);
  }

  template <typename T>
  T* NewArray(size_t length) {
    static_assert(std::is_trivially_default_constructible_v<T>);
    CHECK_LE(length, SIZE_MAX / sizeof(T));
    return static_cast<T*>(
        Allocate(length * sizeof(T), alignof(T) < kAlignment ? kAlignment : alignof(T)));
  }

  // Bytes handed out so far, and bytes reserved from the system (segment sizes).
  size_t allocation_size() const { return allocated_; }
  size_t segment_bytes() const { return segment_bytes_; }
  size_t segment_count() const { return segments_.size(); }

 private:
  void* AllocateSlow(size_t size, size_t alignment);

  std::vector<void*> segments_;
  uintptr_t position_ = 0;
  uintptr_t limit_ = 0;
  size_t allocated_ = 0;
  size_t segment_bytes_ = 0;
  size_t next_segment_size_ = kMinSegmentSize;
};

// An STL allocator over a zone; deallocation is a no-op.
template <typename T>
class ZoneAllocator {
 public:
  using value_type = T;

  explicit ZoneAllocator(Zone* zone) : zone_(zone) {}
  template <typename U>
  ZoneAllocator(const ZoneAllocator<U>& other) : zone_(other.zone()) {}  // NOLINT

  T* allocate(size_t n) {
    CHECK_LE(n, SIZE_MAX / sizeof(T));
    return static_cast<T*>(zone_->Allocate(
        n * sizeof(T), alignof(T) < Zone::kAlignment ? Zone::kAlignment : alignof(T)));
  }
  void deallocate(T*, size_t) {}

  Zone* zone() const { return zone_; }

  template <typename U>
  bool operator==(const ZoneAllocator<U>& other) const {
    return zone_ == other.zone();
  }

 private:
  Zone* zone_;
};

template <typename T>
class ZoneVector : public std::vector<T, ZoneAllocator<T>> {
 public:
  explicit ZoneVector(Zone* zone) : std::vector<T, ZoneAllocator<T>>(ZoneAllocator<T>(zone)) {}
};

}  // namespace ruchy::base

#endif  // RUCHY_BASE_ZONE_H_
