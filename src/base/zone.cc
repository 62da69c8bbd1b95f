// Segment management for Zone: segments grow geometrically up to kMaxSegmentSize;
// an allocation larger than that gets a segment of its own.
#include "src/base/zone.h"

#include <cstdlib>

namespace ruchy::base {

Zone::~Zone() {
  for (void* segment : segments_) std::free(segment);
}

void* Zone::AllocateSlow(size_t size, size_t alignment) {
  CHECK_LE(alignment, 4 * KB);
  CHECK_LE(size, SIZE_MAX / 2);
  size_t needed = size + alignment;
  size_t segment_size = next_segment_size_;
  if (needed > segment_size) segment_size = RoundUp(needed, 4 * KB);
  void* segment = std::malloc(segment_size);
  if (segment == nullptr) FATAL("Zone: out of memory allocating a segment");
  segments_.push_back(segment);
  segment_bytes_ += segment_size;
  if (next_segment_size_ < kMaxSegmentSize) next_segment_size_ *= 2;

  uintptr_t start = reinterpret_cast<uintptr_t>(segment);
  uintptr_t result = RoundUp(start, alignment);
  uintptr_t end = start + segment_size;
  // A dedicated (oversized) segment must not replace a current segment that still
  // has more room than it would leave.
  if (end - (result + size) >= limit_ - position_) {
    position_ = result + size;
    limit_ = end;
  }
  allocated_ += size;
  return reinterpret_cast<void*>(result);
}

}  // namespace ruchy::base
