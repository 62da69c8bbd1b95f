// BytecodeArrayBuilder collects bytecodes as nodes with unscaled operands, then lays them
// out in Finalize(): each node gets the smallest operand scale its operands need, and jump
// offsets are relaxed to a fixed point (starting small, growing only), so forward jumps need
// no reserved space. Source positions and try ranges are attached to nodes and labels and
// resolved to bytecode offsets at the same time.
#ifndef RUCHY_INTERPRETER_BYTECODE_ARRAY_BUILDER_H_
#define RUCHY_INTERPRETER_BYTECODE_ARRAY_BUILDER_H_

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "src/interpreter/bytecode-register.h"
#include "src/interpreter/bytecodes.h"

namespace ruchy::internal::interpreter {

// A bytecode offset mapped to the source byte offset it came from. Statement positions
// are where a debugger or stack trace would stop; expression positions refine them.
struct SourcePositionEntry {
  int bytecode_offset;
  int source_offset;
  bool is_statement;
};

// A try range [start, end) whose exceptions go to `handler`, with the context register to
// restore. Lookup picks the last entry containing the throwing offset: inner ranges are
// always opened after the ranges that enclose them.
struct HandlerTableEntry {
  int start;
  int end;
  int handler;
  Register context;
};

// The finished, position-resolved bytecode of one function, before it becomes a heap
// BytecodeArray (with its constant pool) in the generator.
struct BytecodeArrayData {
  std::vector<uint8_t> bytes;
  int parameter_count = 0;
  int register_count = 0;
  std::vector<SourcePositionEntry> source_positions;
  std::vector<HandlerTableEntry> handlers;
};

class BytecodeLabel {
 public:
  BytecodeLabel() = default;
  bool is_valid() const { return id_ >= 0; }

 private:
  friend class BytecodeArrayBuilder;
  explicit BytecodeLabel(int id) : id_(id) {}
  int id_ = -1;
};

class BytecodeArrayBuilder {
 public:
  BytecodeArrayBuilder(int parameter_count, int register_count);

  // Emits a non-jump bytecode with its operands (signed operands as 32-bit patterns).
  void Emit(Bytecode bytecode, std::initializer_list<uint32_t> operands = {});
  // Emits a jump to `label`; `extra` are the operands after the offset (JumpLoop only).
  void EmitJump(Bytecode bytecode, BytecodeLabel label, std::initializer_list<uint32_t> extra = {});

  BytecodeLabel NewLabel();
  // Binds `label` to the next bytecode emitted.
  void Bind(BytecodeLabel label);
  bool IsBound(BytecodeLabel label) const;

  // The next emitted bytecode gets this source position.
  void SetStatementPosition(int source_offset) { SetPosition(source_offset, true); }
  void SetExpressionPosition(int source_offset) { SetPosition(source_offset, false); }

  // Try ranges: labels for start, end and handler; the handler label is bound by the caller.
  void AddHandler(BytecodeLabel start, BytecodeLabel end, BytecodeLabel handler, Register context);

  int parameter_count() const { return parameter_count_; }
  int register_count() const { return register_count_; }
  void set_register_count(int count) { register_count_ = count; }
  // Whether the last emitted bytecode never falls through (for "missing return" logic).
  bool LastIsUnconditionalExit() const;

  // Rewrites what has been emitted into fewer, cheaper bytecodes with the same meaning:
  // removes dead accumulator loads and reloads of the register just stored, turns boolean
  // jumps after a comparison into plain ones, and jumps to a Return into Returns. Labels
  // and source positions move with the code. Optional, so tests can pin exact output.
  void Peephole();

  // Lays out and returns the bytecode. The builder cannot be used afterwards.
  BytecodeArrayData Finalize();

 private:
  struct Node {
    Bytecode bytecode;
    uint8_t operand_count;
    uint32_t operands[kMaxOperands];
    int label = -1;  // jump target label for jumps
    OperandScale scale = OperandScale::kSingle;
    int offset = 0;  // assigned by layout
    int source_offset = -1;
    bool is_statement = false;
  };
  struct Handler {
    int start_label, end_label, handler_label;
    Register context;
  };

  void SetPosition(int source_offset, bool is_statement);
  void AddNode(Node node);
  int NodeSize(const Node& node) const;
  bool PeepholeRound();  // whether anything changed
  void Compact(const std::vector<bool>& removed);
  void Layout();
  int LabelOffset(int label) const;

  int parameter_count_;
  int register_count_;
  std::vector<Node> nodes_;
  std::vector<int> label_nodes_;  // label id -> index of the node it precedes, -1 if unbound
  std::vector<Handler> handlers_;
  int pending_source_offset_ = -1;
  bool pending_is_statement_ = false;
  bool finalized_ = false;
};

}  // namespace ruchy::internal::interpreter

#endif  // RUCHY_INTERPRETER_BYTECODE_ARRAY_BUILDER_H_
