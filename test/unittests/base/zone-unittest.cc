// Tests for the zone allocator: alignment, growth, large allocations, STL use.
#include "src/base/zone.h"

#include <cstring>

#include "gtest/gtest.h"

namespace ruchy::base {
namespace {

TEST(ZoneTest, AllocationsAreAlignedAndDistinct) {
  Zone zone;
  void* a = zone.Allocate(1);
  void* b = zone.Allocate(3);
  void* c = zone.Allocate(16, 16);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % Zone::kAlignment, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % Zone::kAlignment, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(c) % 16, 0u);
  EXPECT_NE(a, b);
  EXPECT_GE(reinterpret_cast<uintptr_t>(b), reinterpret_cast<uintptr_t>(a) + 1);
  EXPECT_EQ(zone.allocation_size(), 20u);
}

TEST(ZoneTest, ManySmallAllocationsGrowSegmentsGeometrically) {
  Zone zone;
  std::vector<uint64_t*> cells;
  for (int i = 0; i < 100000; ++i) {
    uint64_t* cell = zone.New<uint64_t>(static_cast<uint64_t>(i) * 7);
    cells.push_back(cell);
  }
  for (int i = 0; i < 100000; ++i) ASSERT_EQ(*cells[i], static_cast<uint64_t>(i) * 7);
  // 800 KB of payload in geometrically growing segments: few segments, little waste.
  EXPECT_LE(zone.segment_count(), 10u);
  EXPECT_LE(zone.segment_bytes(), 4 * zone.allocation_size());
}

TEST(ZoneTest, LargeAllocationGetsItsOwnSegmentAndKeepsCurrentOne) {
  Zone zone;
  char* small = static_cast<char*>(zone.Allocate(8));
  char* large = static_cast<char*>(zone.Allocate(4 * MB));
  std::memset(large, 0xAB, 4 * MB);
  char* next = static_cast<char*>(zone.Allocate(8));
  // The next small allocation continues in the first segment, right after `small`.
  EXPECT_EQ(next, small + 8);
  EXPECT_EQ(static_cast<unsigned char>(large[4 * MB - 1]), 0xAB);
}

TEST(ZoneTest, ZoneVectorWorksWithStlAlgorithms) {
  Zone zone;
  ZoneVector<int> v(&zone);
  for (int i = 0; i < 1000; ++i) v.push_back(1000 - i);
  std::sort(v.begin(), v.end());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(v[i], i + 1);
}

struct Node {
  Node(int value, Node* next) : value(value), next(next) {}
  int value;
  Node* next;
};

TEST(ZoneTest, NewConstructsObjects) {
  Zone zone;
  Node* list = nullptr;
  for (int i = 0; i < 10; ++i) list = zone.New<Node>(i, list);
  int sum = 0;
  for (Node* n = list; n != nullptr; n = n->next) sum += n->value;
  EXPECT_EQ(sum, 45);
}

}  // namespace
}  // namespace ruchy::base
