// Implementation of RegistersToClearOnEntry.
#include "src/interpreter/bytecode-register-init.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "src/interpreter/bytecode-iterator.h"

namespace ruchy::internal::interpreter {

int RegistersToClearOnEntry(const BytecodeArrayData& data,
                            bool (*never_returns)(uint16_t runtime_id)) {
  const int registers = data.register_count;
  if (registers == 0) return 0;
  const int size = static_cast<int>(data.bytes.size());
  // Decode into flat arrays: per instruction its offset, jump target, whether it falls
  // through, and its register reads and writes in `effects` (reads first).
  std::vector<int> index_at(size + 1, -1);
  std::vector<int> offsets, targets, effects, effects_begin, reads_end;
  std::vector<bool> falls_through;
  for (BytecodeIterator it(data.bytes.data(), data.bytes.size()); !it.done(); it.Advance()) {
    if (!it.current_is_valid()) return registers;
    Bytecode bytecode = it.current_bytecode();
    index_at[it.current_offset()] = static_cast<int>(offsets.size());
    offsets.push_back(it.current_offset());
    targets.push_back(Bytecodes::IsJump(bytecode) ? it.GetJumpTargetOffset() : -1);
    falls_through.push_back(!Bytecodes::IsUnconditionalExit(bytecode) &&
                            !(bytecode == Bytecode::kCallRuntime && never_returns != nullptr &&
                              never_returns(static_cast<uint16_t>(it.GetOperand(0)))));
    effects_begin.push_back(static_cast<int>(effects.size()));
    auto add = [&](int64_t r) {
      if (r >= 0 && r < registers) effects.push_back(static_cast<int>(r));
    };
    int count = Bytecodes::NumberOfOperands(bytecode);
    for (int i = 0; i < count; ++i) {
      OperandType type = Bytecodes::GetOperandType(bytecode, i);
      if (type == OperandType::kReg) {
        add(it.GetRegisterOperand(i).index());
      } else if (type == OperandType::kRegList) {
        int64_t first = it.GetRegisterOperand(i).index();
        int64_t n = it.GetOperand(i + 1);
        for (int64_t r = std::max<int64_t>(first, 0); r < first + n && r < registers; ++r) add(r);
      }
    }
    // A register effect no operand type describes: the for-in step reads the index in
    // the register after the iterable's.
    if (bytecode == Bytecode::kJumpIfForInDone) add(it.GetRegisterOperand(1).index() + 1);
    reads_end.push_back(static_cast<int>(effects.size()));
    for (int i = 0; i < count; ++i) {
      if (Bytecodes::GetOperandType(bytecode, i) == OperandType::kRegOut) {
        add(it.GetRegisterOperand(i).index());
      }
    }
  }
  const int n = static_cast<int>(offsets.size());
  if (n == 0) return 0;
  effects_begin.push_back(static_cast<int>(effects.size()));
  index_at[size] = n;
  for (int& target : targets) {
    if (target < 0) continue;
    if (target >= size || index_at[target] < 0) return registers;
    target = index_at[target];
  }
  // Exception handlers: an instruction in a handler's range may throw before it writes,
  // so the state before it flows to the handler, which reads its context register.
  struct Handler {
    int start, end, target, context;
  };
  std::vector<Handler> handlers;
  for (const HandlerTableEntry& h : data.handlers) {
    if (h.start < 0 || h.end > size || h.handler < 0 || h.handler >= size ||
        index_at[h.start] < 0 || index_at[h.end] < 0 || index_at[h.handler] < 0) {
      return registers;
    }
    handlers.push_back(
        {index_at[h.start], index_at[h.end], index_at[h.handler], h.context.index()});
  }

  // "Definitely written before each instruction": the greatest fixpoint, so states start
  // full and only shrink; `reached` tells the unreachable ones apart.
  const int words = (registers + 63) / 64;
  std::vector<uint64_t> state(static_cast<size_t>(n) * words, ~uint64_t{0});
  std::vector<uint64_t> out(words);
  std::vector<bool> reached(n, false), queued(n, false);
  std::vector<int> worklist;
  auto word = [&](int i, int w) -> uint64_t& { return state[static_cast<size_t>(i) * words + w]; };
  auto flow = [&](int to, const uint64_t* from) {
    if (to >= n) return;
    bool changed = !reached[to];
    reached[to] = true;
    for (int w = 0; w < words; ++w) {
      uint64_t v = word(to, w) & from[w];
      changed |= v != word(to, w);
      word(to, w) = v;
    }
    if (changed && !queued[to]) {
      queued[to] = true;
      worklist.push_back(to);
    }
  };
  std::vector<uint64_t> none(words, 0);
  flow(0, none.data());
  while (!worklist.empty()) {
    int i = worklist.back();
    worklist.pop_back();
    queued[i] = false;
    for (const Handler& h : handlers) {
      if (i >= h.start && i < h.end) flow(h.target, &word(i, 0));
    }
    for (int w = 0; w < words; ++w) out[w] = word(i, w);
    for (int e = reads_end[i]; e < effects_begin[i + 1]; ++e) {
      out[effects[e] >> 6] |= uint64_t{1} << (effects[e] & 63);
    }
    if (falls_through[i]) flow(i + 1, out.data());
    if (targets[i] >= 0) flow(targets[i], out.data());
  }

  int clear = 0;
  auto read = [&](int i, int r) {
    if (r >= 0 && r < registers && ((word(i, r >> 6) >> (r & 63)) & 1) == 0) {
      clear = std::max(clear, r + 1);
    }
  };
  for (int i = 0; i < n; ++i) {
    if (!reached[i]) continue;
    for (int e = effects_begin[i]; e < reads_end[i]; ++e) read(i, effects[e]);
  }
  for (const Handler& h : handlers) {
    if (reached[h.target]) read(h.target, h.context);
  }
  return clear;
}

}  // namespace ruchy::internal::interpreter
