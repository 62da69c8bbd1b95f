// A randomized test: builds object graphs next to a C++ model of what they should hold,
// drops and rewires parts, collects (scavenges, full and compacting GCs), and checks that
// every object reachable from the roots still has exactly the modelled contents and that
// shared nodes are still shared.
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

struct Content {
  enum Kind { kSmi, kRef, kNumber, kBigInt, kString } kind = kSmi;
  int64_t integer = 0;
  double number = 0;
  std::string text;
  int ref = -1;
};

struct NodeModel {
  bool is_tuple = false;
  std::vector<Content> slots;  // heap slot i + 1 holds slots[i]; slot 0 holds the id
};

class RandomGraphTest : public HeapTest, public ::testing::WithParamInterface<int> {
 protected:
  static constexpr int kRoots = 48;

  // Even seeds run with a collection every few allocations (every fourth of those a
  // compacting full GC), odd seeds with the normal policy plus explicit collections.
  void SetUp() override {
    HeapOptions options = SmallHeapOptions();
    options.verify_heap = true;
    if (GetParam() % 2 == 0) {
      options.gc_interval = 5;
      options.always_compact = true;
    }
    SetUpIsolate(options);
    rng_.seed(GetParam());
  }

  int Random(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  // A random node reachable from the roots: its id and a handle to it.
  bool RandomReachable(Handle<FixedArray> roots, int* id, Handle<HeapObject>* object) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      int r = Random(kRoots);
      if (root_model_[r] < 0) continue;
      int current = root_model_[r];
      HeapObject heap_node = HeapObject::cast(roots->get(r));
      int steps = Random(4);
      for (int s = 0; s < steps; ++s) {
        const NodeModel& node = nodes_[current];
        int slot = Random(static_cast<int>(node.slots.size()));
        if (node.slots[slot].kind != Content::kRef) break;
        current = node.slots[slot].ref;
        heap_node = HeapObject::cast(NodeSlot(heap_node, slot + 1));
      }
      *id = current;
      *object = handle(heap_node, isolate());
      return true;
    }
    return false;
  }

  static Value NodeSlot(HeapObject node, int index) {
    if (node.IsTuple()) return Tuple::cast(node).get(index);
    return FixedArray::cast(node).get(index);
  }
  static void SetNodeSlot(HeapObject node, int index, Value value) {
    if (node.IsTuple()) {
      Tuple::cast(node).set(index, value);
    } else {
      FixedArray::cast(node).set(index, value);
    }
  }

  // Makes random content (and the heap value for it) that may reference reachable nodes.
  Handle<Value> MakeContent(Handle<FixedArray> roots, Content* content) {
    switch (Random(6)) {
      case 0:
      case 1: {
        int id;
        Handle<HeapObject> target;
        if (RandomReachable(roots, &id, &target)) {
          content->kind = Content::kRef;
          content->ref = id;
          return target;
        }
        [[fallthrough]];
      }
      case 2:
        content->kind = Content::kSmi;
        content->integer = Random(1000000) - 500000;
        return handle(Value(Smi::FromInt(content->integer)), isolate());
      case 3:
        content->kind = Content::kNumber;
        content->number = Random(100000) / 7.0;
        return Float(content->number);
      case 4:
        content->kind = Content::kBigInt;
        content->integer = kSmiMaxValue + 1 + Random(1000);
        return Int(content->integer);
      default: {
        content->kind = Content::kString;
        content->text = "s" + std::to_string(Random(1000000));
        Handle<String> s = Str(content->text);
        if (Random(2) == 0) {  // sometimes a rope
          std::string tail(30 + Random(20), 'x');
          content->text += tail;
          s = Check(factory()->NewConsString(s, Str(tail)));
        }
        return s;
      }
    }
  }

  Handle<HeapObject> NewNode(Handle<FixedArray> roots, int* id_out) {
    int id = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    int count = 1 + Random(6);
    bool tuple = Random(2) == 0;
    nodes_[id].is_tuple = tuple;
    Handle<HeapObject> node;
    if (tuple) {
      node = Check(factory()->NewTuple(count + 1));
    } else {
      node = Check(factory()->NewFixedArray(count + 1));
    }
    SetNodeSlot(*node, 0, Smi::FromInt(id));
    for (int i = 0; i < count; ++i) {
      HandleScope scope(isolate());
      Content content;
      Handle<Value> value = MakeContent(roots, &content);
      SetNodeSlot(*node, i + 1, *value);
      nodes_[id].slots.push_back(content);
    }
    *id_out = id;
    return node;
  }

  void CheckContent(const Content& content, Value value, std::unordered_map<int, Address>* seen,
                    std::vector<std::pair<int, Value>>* pending) {
    switch (content.kind) {
      case Content::kSmi:
        ASSERT_TRUE(value.IsSmi());
        ASSERT_EQ(Smi::ToInt(value), content.integer);
        break;
      case Content::kNumber:
        ASSERT_TRUE(value.IsHeapNumber());
        ASSERT_EQ(HeapNumber::cast(value).value(), content.number);
        break;
      case Content::kBigInt:
        ASSERT_TRUE(value.IsHeapInt());
        ASSERT_EQ(HeapInt::cast(value).value(), content.integer);
        break;
      case Content::kString:
        ASSERT_TRUE(value.IsString());
        ASSERT_EQ(String::cast(value).ToStdString(), content.text);
        break;
      case Content::kRef: {
        auto it = seen->find(content.ref);
        if (it != seen->end()) {
          ASSERT_EQ(it->second, value.ptr()) << "shared node " << content.ref << " was split";
        } else {
          pending->emplace_back(content.ref, value);
        }
        break;
      }
    }
  }

  // Walks everything reachable from the roots, in the model and the heap together.
  void CheckAll(Handle<FixedArray> roots) {
    DisallowGarbageCollection no_gc;
    std::unordered_map<int, Address> seen;
    std::vector<std::pair<int, Value>> pending;
    for (int r = 0; r < kRoots; ++r) {
      if (root_model_[r] < 0) {
        ASSERT_TRUE(roots->get(r).IsSmi());
        continue;
      }
      Content root_ref;
      root_ref.kind = Content::kRef;
      root_ref.ref = root_model_[r];
      CheckContent(root_ref, roots->get(r), &seen, &pending);
    }
    while (!pending.empty()) {
      auto [id, value] = pending.back();
      pending.pop_back();
      auto it = seen.find(id);
      if (it != seen.end()) {
        ASSERT_EQ(it->second, value.ptr());
        continue;
      }
      seen[id] = value.ptr();
      const NodeModel& node = nodes_[id];
      ASSERT_EQ(value.IsTuple(), node.is_tuple);
      HeapObject object = HeapObject::cast(value);
      ASSERT_EQ(Smi::ToInt(NodeSlot(object, 0)), id);
      for (size_t i = 0; i < node.slots.size(); ++i) {
        CheckContent(node.slots[i], NodeSlot(object, static_cast<int>(i) + 1), &seen, &pending);
      }
    }
    checked_nodes_ += seen.size();
  }

  std::mt19937 rng_;
  std::vector<NodeModel> nodes_;
  int root_model_[kRoots];
  size_t checked_nodes_ = 0;
};

TEST_P(RandomGraphTest, ReachableObjectsKeepTheirContents) {
  HandleScope scope(isolate());
  Handle<FixedArray> roots = Check(factory()->NewFixedArray(kRoots));
  for (int r = 0; r < kRoots; ++r) {
    roots->set(r, Smi::zero());
    root_model_[r] = -1;
  }
  constexpr int kSteps = 4000;
  int collections = 0;
  for (int step = 0; step < kSteps; ++step) {
    HandleScope step_scope(isolate());
    int op = Random(100);
    if (op < 45) {
      int id;
      Handle<HeapObject> node = NewNode(roots, &id);
      int reachable_id;
      Handle<HeapObject> parent;
      if (Random(3) == 0 && RandomReachable(roots, &reachable_id, &parent)) {
        NodeModel& model = nodes_[reachable_id];
        int slot = Random(static_cast<int>(model.slots.size()));
        model.slots[slot] = Content{Content::kRef, 0, 0, "", id};
        SetNodeSlot(*parent, slot + 1, *node);
      } else {
        int r = Random(kRoots);
        root_model_[r] = id;
        roots->set(r, *node);
      }
    } else if (op < 60) {
      int r = Random(kRoots);
      root_model_[r] = -1;
      roots->set(r, Smi::zero());
    } else if (op < 95) {
      int id;
      Handle<HeapObject> node;
      if (!RandomReachable(roots, &id, &node)) continue;
      Content content;
      Handle<Value> value = MakeContent(roots, &content);
      int slot = Random(static_cast<int>(nodes_[id].slots.size()));
      nodes_[id].slots[slot] = content;
      SetNodeSlot(*node, slot + 1, *value);
    } else {
      ++collections;
      switch (Random(3)) {
        case 0:
          Scavenge();
          break;
        case 1:
          FullGc();
          break;
        default:
          CompactingGc();
          break;
      }
    }
    if (step % 500 == 499) CheckAll(roots);
  }
  CompactingGc();
  CheckAll(roots);
  EXPECT_GT(collections, 50);
  EXPECT_GT(heap()->stats().scavenges, 50);
  EXPECT_GT(checked_nodes_, 1000u);
  if (GetParam() % 2 == 0) {
    EXPECT_GT(heap()->stats().mark_compacts, 300);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomGraphTest, ::testing::Values(1, 2, 3, 4));

}  // namespace
}  // namespace ruchy::internal
