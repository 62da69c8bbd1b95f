// Small language helpers used across the engine.
#ifndef RUCHY_BASE_MACROS_H_
#define RUCHY_BASE_MACROS_H_

#include <cstddef>
#include <cstdint>

// For the few helpers of hot loops the compiler must not outline (it gives up inlining in
// very large functions such as the interpreter's dispatch loop).
#define RUCHY_ALWAYS_INLINE inline __attribute__((always_inline))

#define RUCHY_DISALLOW_COPY_AND_ASSIGN(Type) \
  Type(const Type&) = delete;                \
  Type& operator=(const Type&) = delete

namespace ruchy::base {

constexpr bool IsPowerOfTwo(uint64_t x) { return x != 0 && (x & (x - 1)) == 0; }

// Rounds `x` up to a multiple of `alignment`, which must be a power of two.
constexpr uintptr_t RoundUp(uintptr_t x, uintptr_t alignment) {
  return (x + alignment - 1) & ~(alignment - 1);
}

constexpr uintptr_t RoundDown(uintptr_t x, uintptr_t alignment) { return x & ~(alignment - 1); }

constexpr size_t KB = 1024;
constexpr size_t MB = 1024 * KB;

}  // namespace ruchy::base

#endif  // RUCHY_BASE_MACROS_H_
