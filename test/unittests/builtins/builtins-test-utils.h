// Fixture for the built-in library tests. Values are written as literals ("[1, 'a', 2.5]",
// "{a: 1}", "Some(3)", "1..=3", "set{1, 2}"), calls return the result's text in REPL form
// (strings quoted) or "error: <message>", and Ruchy callbacks are C++ test doubles named
// "fn:double", "fn:add"... run by a call handler installed on the isolate.
#ifndef RUCHY_TEST_UNITTESTS_BUILTINS_BUILTINS_TEST_UTILS_H_
#define RUCHY_TEST_UNITTESTS_BUILTINS_BUILTINS_TEST_UTILS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/builtins/builtins.h"
#include "src/objects/builtin-enums.h"
#include "src/runtime/value-ops.h"
#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {

class BuiltinsTest : public HeapTest {
 public:
  using H = Handle<Value>;
  // A test callback: gets the isolate and the arguments, returns the result (or empty
  // with an error pending).
  using Callback = std::function<MaybeHandle<Value>(Isolate*, int, const H*)>;

 protected:
  void SetUp() override;
  void TearDown() override;
  // Restarts on a fresh isolate that collects garbage at every allocation.
  void UseStressHeap();

  // --- Values.
  // Parses a literal: integers, floats (1.5, 2.0, inf, -inf, nan), 'strings' or "strings",
  // true/false/nil, [arrays], (tuples,) with a trailing comma for one element, {maps}
  // with identifier or literal keys, set{...}, Some(v)/None/Ok(v)/Err(v),
  // Less/Equal/Greater, ranges a..b / a..=b / a.. / ..b, and fn:NAME callbacks.
  H V(std::string_view literal);
  H Int(int64_t v) { return HeapTest::Int(v); }
  H Nil() { return factory()->nil_value(); }
  // A second place holding the same value (`let b = a`): a new handle slot, so writing
  // one place back leaves the other alone.
  H Slot(H value) { return handle(*value, isolate()); }
  // The REPL text of a value (strings quoted), as tests compare against.
  std::string Show(H value) { return ToText(*value, TextForm::kRepl); }

  // --- Calls. Each returns the result's REPL text or "error: <message>".
  std::string Fn(std::string_view name, const std::vector<std::string>& args = {},
                 std::string_view type_hint = "");
  std::string FnValues(std::string_view name, std::vector<H> args, std::string_view type_hint = "");
  // A method on a literal receiver (a temporary place).
  std::string M(std::string_view receiver, std::string_view name,
                const std::vector<std::string>& args = {}, std::string_view type_hint = "");
  // A method on a place: *place is updated as the interpreter would write it back.
  std::string MP(H* place, std::string_view name, const std::vector<std::string>& args = {},
                 std::string_view type_hint = "");
  std::string MethodValues(H* place, std::string_view name, std::vector<H> args,
                           std::string_view type_hint = "");
  // Output of a free function call on stdout/stderr ("error: ..." appended on failure).
  std::string Stdout(std::string_view name, const std::vector<std::string>& args,
                     std::vector<std::pair<std::string, std::string>> named = {});
  std::string Stderr(std::string_view name, const std::vector<std::string>& args);

  // --- Callbacks.
  // Registers `callback` and returns its callable (a Smi the test call handler knows).
  H Callable(Callback callback);
  int callback_calls() const { return callback_calls_; }

  std::string TakeError();
  std::string Result(MaybeHandle<Value> result);

 private:
  H ParseValue(std::string_view* text);
  void InstallStandardCallbacks();
  std::unique_ptr<HandleScope> scope_;
  int callback_calls_ = 0;
};

}  // namespace ruchy::internal

#endif  // RUCHY_TEST_UNITTESTS_BUILTINS_BUILTINS_TEST_UTILS_H_
