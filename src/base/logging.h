// CHECK and DCHECK: invariants that stop the process with file, line and the failed
// condition. CHECKs stay in release builds; DCHECKs compile away under NDEBUG.
#ifndef RUCHY_BASE_LOGGING_H_
#define RUCHY_BASE_LOGGING_H_

#include <cstdint>
#include <sstream>
#include <string>

namespace ruchy::base {

// Prints "# Fatal error in FILE, line LINE" and the message to stderr, then aborts.
[[noreturn]] void FatalError(const char* file, int line, const std::string& message);

// Builds the "a op b (x vs. y)" message for the binary CHECK forms.
template <typename A, typename B>
std::string MakeCheckOpMessage(const A& a, const B& b, const char* expr) {
  std::ostringstream out;
  out << expr << " (" << a << " vs. " << b << ")";
  return out.str();
}

// The failure paths of CHECK and CHECK_OP, out of line and cold: built inline, the
// message's std::string temporaries gave every function with a CHECK a stack frame and a
// stack-protector canary on its fast path too.
[[noreturn]] __attribute__((cold, noinline)) void CheckFailed(const char* file, int line,
                                                              const char* condition);
template <typename A, typename B>
[[noreturn]] __attribute__((cold, noinline)) void CheckOpFailed(const char* file, int line, A a,
                                                                B b, const char* expr) {
  FatalError(file, line, "Check failed: " + MakeCheckOpMessage(a, b, expr));
}

}  // namespace ruchy::base

#define RUCHY_PREDICT_FALSE(x) __builtin_expect(!!(x), 0)
#define RUCHY_PREDICT_TRUE(x) __builtin_expect(!!(x), 1)

#define FATAL(msg) ::ruchy::base::FatalError(__FILE__, __LINE__, (msg))
#define UNREACHABLE() FATAL("unreachable code")
#define UNIMPLEMENTED() FATAL("unimplemented code")

#define CHECK(cond)                                          \
  do {                                                       \
    if (RUCHY_PREDICT_FALSE(!(cond))) {                      \
      ::ruchy::base::CheckFailed(__FILE__, __LINE__, #cond); \
    }                                                        \
  } while (false)

#define RUCHY_CHECK_OP(a, op, b)                                                     \
  do {                                                                               \
    const auto& ruchy_check_a = (a);                                                 \
    const auto& ruchy_check_b = (b);                                                 \
    if (RUCHY_PREDICT_FALSE(!(ruchy_check_a op ruchy_check_b))) {                    \
      ::ruchy::base::CheckOpFailed(__FILE__, __LINE__, ruchy_check_a, ruchy_check_b, \
                                   #a " " #op " " #b);                               \
    }                                                                                \
  } while (false)

#define CHECK_EQ(a, b) RUCHY_CHECK_OP(a, ==, b)
#define CHECK_NE(a, b) RUCHY_CHECK_OP(a, !=, b)
#define CHECK_LT(a, b) RUCHY_CHECK_OP(a, <, b)
#define CHECK_LE(a, b) RUCHY_CHECK_OP(a, <=, b)
#define CHECK_GT(a, b) RUCHY_CHECK_OP(a, >, b)
#define CHECK_GE(a, b) RUCHY_CHECK_OP(a, >=, b)

#ifdef NDEBUG
#define RUCHY_DEBUG_BOOL false
#define DCHECK(cond) ((void)0)
#define DCHECK_EQ(a, b) ((void)0)
#define DCHECK_NE(a, b) ((void)0)
#define DCHECK_LT(a, b) ((void)0)
#define DCHECK_LE(a, b) ((void)0)
#define DCHECK_GT(a, b) ((void)0)
#define DCHECK_GE(a, b) ((void)0)
#else
#define RUCHY_DEBUG_BOOL true
#define DCHECK(cond) CHECK(cond)
#define DCHECK_EQ(a, b) CHECK_EQ(a, b)
#define DCHECK_NE(a, b) CHECK_NE(a, b)
#define DCHECK_LT(a, b) CHECK_LT(a, b)
#define DCHECK_LE(a, b) CHECK_LE(a, b)
#define DCHECK_GT(a, b) CHECK_GT(a, b)
#define DCHECK_GE(a, b) CHECK_GE(a, b)
#endif

#endif  // RUCHY_BASE_LOGGING_H_
