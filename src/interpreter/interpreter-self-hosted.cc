// Self-hosted built-ins: map, filter and fold on arrays, written in Ruchy and run by the dispatch
// loop (the approach of SpiderMonkey's self-hosted JavaScript).
//
// The C++ built-ins call their callback through Interpreter::Call, which enters the
// dispatch loop afresh for every element: about 150 instructions of Execute's entry, 75
// on its exit and 200 in the C++ layers between, where the callback's own body is often
// under 100. Here the loop is bytecode, so each callback is an ordinary interpreted call
// (a frame pushed inline by CallFunction) and each result an inline push.
//
// A map, filter or fold site, once resolved, goes to ResolveMethodCall
// (interpreter-calls.cc), which pushes the self-hosted frame only where it gives exactly
// what the C++ built-in gives (Interpreter::IsSelfHostableCallback): an array receiver
// and an interpreted closure taking exactly one argument (two for fold), none in-out. Anything else
// (ranges, strings, maps, built-in functions as callbacks, arity mismatches, `&mut` parameters)
// goes to the C++ built-in, which also owns every error message. Elements are handed to the
// callback marked shared, as SharedElement does, and the results array is fresh. fold's accumulator
// is moved into each call, as the C++ Fold passes it: `acc = f(acc, x)` is its last use (the write
// follows on every path), so a callback that pushes onto it copies nothing. One difference remains,
// on purpose: recursion through map is bounded by the VM stack, like other recursion, instead of by
// the 1,500 nested C++ entries into the interpreter.
//
// Entering the frame in ResolveMethodCall rather than in the CallMethod handler costs
// one C++ call per map call, not per element. An ENTER_FRAME in the handler's intrinsic
// switch cost the dispatch table its register (+4-8% instructions on every other
// program).
//
// The functions are compiled on first use (startup pays nothing) from one script whose
// value is a tuple of closures, so they define no globals a program could see. Their
// frames are left out of stack traces (BytecodeData::self_hosted): an error in a callback
// reads as if the C++ built-in had called it.
#include "src/interpreter/interpreter.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal::interpreter {

namespace {

// The tuple's order is SelfHostedId's. The loops walk as ForEachElement does: at most the original
// length, re-checking the live one, since a callback may mutate the receiver in place through a
// captured variable. `for` re-reads the length at each step (so it stops early after a pop), and
// `i` stops it at the original length (so elements a callback pushes are not visited). The `for`
// loop marks each element shared before the callback gets it. map and filter reserve the original
// length up front, as MapLike does: growing filter's array by pushes made young copies
// that survived scavenges and doubled the nursery (closures' peak RSS 4.0 -> 6.4 MB).
constexpr char kSelfHostedSource[] = R"ruchy((
    |array, f| {
        let n = array.len()
        let mut out = Vec::with_capacity(n)
        let mut i = 0
        for x in array {
            if i == n {
                break
            }
            out.push(f(x))
            i += 1
        }
        out
    },
    |array, f| {
        let n = array.len()
        let mut out = Vec::with_capacity(n)
        let mut i = 0
        for x in array {
            if i == n {
                break
            }
            if f(x) {
                out.push(x)
            }
            i += 1
        }
        out
    },
    |array, init, f| {
        let n = array.len()
        let mut acc = init
        let mut i = 0
        for x in array {
            if i == n {
                break
            }
            acc = f(acc, x)
            i += 1
        }
        acc
    }
))ruchy";

constexpr const char* kSelfHostedNames[] = {"map", "filter", "fold"};

}  // namespace

bool Interpreter::IsSelfHostableCallback(Value callback, int arity) {
  if (!callback.IsClosure()) return false;
  SharedFunctionInfo shared = Closure::cast(callback).shared();
  if ((shared.flags() & SharedFunctionInfo::kArgumentsReadOnlyBit) == 0) return false;
  Value function_data = shared.function_data();
  if (!function_data.IsBytecodeArray()) return false;
  const BytecodeData* data = BytecodeArray::cast(function_data).data();
  return data->parameter_count == arity && data->required_count == arity && !data->has_self &&
         !data->is_constructor;
}

std::optional<Interpreter::SelfHostedId> Interpreter::SelfHostedFor(CallSite::Intrinsic intrinsic) {
  switch (intrinsic) {
    case CallSite::Intrinsic::kSelfHostedMap:
      return kSelfHostedMap;
    case CallSite::Intrinsic::kSelfHostedFilter:
      return kSelfHostedFilter;
    case CallSite::Intrinsic::kSelfHostedFold:
      return kSelfHostedFold;
    default:
      return std::nullopt;
  }
}

Address Interpreter::SelfHostedClosure(SelfHostedId id) {
  static_assert(std::size(kSelfHostedNames) == kSelfHostedCount);
  int cell = self_hosted_cells_[id];
  if (cell >= 0) return globals_[cell];
  if (cell == -2) return kNullAddress;
  // Compile and run the script once for all of them. A failure (out of memory while
  // compiling) leaves the C++ built-ins in charge for the rest of the isolate's life.
  for (int& c : self_hosted_cells_) c = -2;
  HandleScope scope(isolate_);
  std::string error;
  Handle<SharedFunctionInfo> script;
  Handle<Value> tuple;
  if (!Compile("<self-hosted>", kSelfHostedSource, /*call_main=*/false, &error).ToHandle(&script) ||
      !RunScript(script).ToHandle(&tuple)) {
    // Only running out of memory gets here (test/ruchy/closures/self-hosted-* would fail
    // on a source error): the next allocation reports it again.
    isolate_->clear_pending_exception();
    return kNullAddress;
  }
  CHECK(tuple->IsTuple() && Tuple::cast(*tuple).length() == kSelfHostedCount);
  for (int i = 0; i < kSelfHostedCount; ++i) {
    Closure closure = Closure::cast(Tuple::cast(*tuple).get(i));
    BytecodeData* data = BytecodeArray::cast(closure.shared().function_data()).data();
    data->self_hosted = true;
    data->name = kSelfHostedNames[i];
    closure.set_bytecode_data(data);  // frames entered inline read it from the closure
    int index = GlobalIndex(std::string("%self-hosted ") + kSelfHostedNames[i]);
    globals_[index] = closure.ptr();
    self_hosted_cells_[i] = index;
  }
  return globals_[self_hosted_cells_[id]];
}

}  // namespace ruchy::internal::interpreter
