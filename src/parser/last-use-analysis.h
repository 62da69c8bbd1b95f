// Scope analysis, pass 4: marks the last use of each local variable of one function
// (Identifier::is_last_use), conservatively. Internal to src/parser; run by
// AnalyzeScopes after ScopeResolver.
#ifndef RUCHY_PARSER_LAST_USE_ANALYSIS_H_
#define RUCHY_PARSER_LAST_USE_ANALYSIS_H_

#include <cstdint>
#include <vector>

#include "src/parser/ast.h"
#include "src/parser/scopes.h"

namespace ruchy::internal::parser {

class LastUseAnalysis {
 public:
  explicit LastUseAnalysis(DeclarationScope* function);
  RUCHY_DISALLOW_COPY_AND_ASSIGN(LastUseAnalysis);

  void Run();

 private:
  class LiveSet {
   public:
    void Resize(int bits);
    bool Test(int i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
    void Set(int i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
    void Reset(int i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
    void UnionWith(const LiveSet& other);
    void Subtract(const LiveSet& other);

   private:
    std::vector<uint64_t> words_;
  };
  struct Target {
    const Node* node;
    LiveSet live_after;  // at a `break`
    LiveSet live_head;   // at a `continue` (loops only)
  };

  void NumberVariables(Scope* scope);
  int IndexOf(const Identifier* id) const;
  void Gen(int index);
  void Kill(int index);
  void VisitIdentifier(Identifier* id);
  void GenPlaceRoot(Node* place);
  void DefinePattern(Node* pattern);
  void StoreBackward(Node* target);
  void OperandsBackward(Node* target);
  void VisitFormatReads(const FormatReads& reads);
  void VisitStatements(const NodeList<Node*>& statements);
  void VisitBlock(Block* block);
  [[gnu::noinline]] void VisitLoop(Node* loop, Node* condition, Node* let_pattern, Node* let_value,
                                   Node* for_pattern, Block* body);
  const Target* FindTarget(const Node* target) const;
  void JumpTo(const Node* target, bool to_head);
  void VisitLoopBody(Node* loop, Node* condition, Node* let_pattern, Node* let_value,
                     Node* for_pattern, Block* body, const LiveSet& after, const LiveSet& head);
  // Cases of Visit with sets of their own, kept out of line so that Visit's frame (one
  // per tree level) stays small.
  [[gnu::noinline]] void VisitBinary(Node* node);
  [[gnu::noinline]] void VisitConditional(Node* node);
  [[gnu::noinline]] void VisitIf(Node* node);
  [[gnu::noinline]] void VisitMatch(Node* node);
  [[gnu::noinline]] void VisitTryCatch(Node* node);
  [[gnu::noinline]] void VisitLet(Node* node);
  [[gnu::noinline]] void VisitMacroCall(Node* node);
  [[gnu::noinline]] void VisitCall(Node* node);
  [[gnu::noinline]] void VisitMethodCall(Node* node);
  // Walks `node` backwards: on entry live_ holds what is live after it, on return
  // what is live before it.
  void Visit(Node* node);

  DeclarationScope* function_;
  int count_ = 0;
  LiveSet live_;
  // Live at every point that may throw: what enclosing catch/finally blocks read.
  LiveSet exceptional_;
  std::vector<Target> targets_;      // enclosing loops and labelled blocks
  std::vector<LiveSet> loop_reads_;  // tracked variables read in each enclosing loop
  std::vector<LiveSet> loop_defs_;   // tracked variables declared in each enclosing loop
  // Off while a loop's body is walked only to find what it reads (VisitLoop's first pass).
  bool marking_ = true;
};

}  // namespace ruchy::internal::parser

#endif  // RUCHY_PARSER_LAST_USE_ANALYSIS_H_
