#!/usr/bin/env bash
# End-to-end checks of the ruchyd binary's command line: exit statuses and messages.
set -u
ruchyd="$1"
failures=0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS STDOUT_PATTERN STDERR_PATTERN -- ARGS...
expect() {
  local name="$1" want_status="$2" out_pattern="$3" err_pattern="$4"
  shift 5
  "$ruchyd" "$@" >"$tmp/out" 2>"$tmp/err" <"${stdin_file:-/dev/null}"
  local status=$?
  local ok=1
  [ "$status" -eq "$want_status" ] || ok=0
  [ -z "$out_pattern" ] || grep -qE -- "$out_pattern" "$tmp/out" || ok=0
  [ -z "$err_pattern" ] || grep -qE -- "$err_pattern" "$tmp/err" || ok=0
  if [ "$ok" = 1 ]; then
    echo "PASS $name"
  else
    echo "FAIL $name: status $status (want $want_status)"
    echo "  stdout: $(cat "$tmp/out")"
    echo "  stderr: $(cat "$tmp/err")"
    failures=$((failures + 1))
  fi
}

expect version 0 '^ruchyd [0-9]+\.[0-9]+\.[0-9]+$' '' -- --version
expect help 0 '--version \(print the version and exit\)' '' -- --help
expect unknown-flag 2 '' '^ruchyd: unknown flag --versoin; did you mean --version\?$' -- --versoin
expect bad-bool 2 '' 'expects true or false' -- --help=maybe
expect no-file 2 '' 'give a FILE' --
echo 'println("hi")' >"$tmp/hello.ruchy"
expect run-file 0 '^hi$' '' -- "$tmp/hello.ruchy"
expect eval-prints-value 0 '^3$' '' -- -e '1 + 2'
expect eval-quotes-strings 0 '^"ab"$' '' -- -e '"a" + "b"'
expect eval-nil-prints-nothing 0 '' '' -- -e 'let x = 1'
expect jitless 0 '^hi$' '' -- --jitless "$tmp/hello.ruchy"
printf 'fun inner(x) { x / 0 }\nfun outer() { inner(1) }\nprintln("start")\nouter()\n' >"$tmp/err.ruchy"
expect runtime-error 1 '^start$' '^Error: Evaluation error: Division by zero$' -- "$tmp/err.ruchy"
expect stack-trace-inner 1 '' "^    at inner \\(.*err.ruchy:1:18\\)$" -- "$tmp/err.ruchy"
expect stack-trace-outer 1 '' "^    at outer \\(.*err.ruchy:2:20\\)$" -- "$tmp/err.ruchy"
expect stack-trace-script 1 '' "^    at <script> \\(.*err.ruchy:4:6\\)$" -- "$tmp/err.ruchy"
# Through a callback: the walk crosses the entry frame the built-in map re-enters with.
printf 'fun inner(x) { x / 0 }\nfun mid(v) { v.iter().map(|x| inner(x)).collect::<Vec<i64>>() }\nmid(vec![1])\n' >"$tmp/cb.ruchy"
expect stack-trace-callback-closure 1 '' "^    at <closure> \\(.*cb.ruchy:2:36\\)$" -- "$tmp/cb.ruchy"
expect stack-trace-callback-caller 1 '' "^    at mid \\(.*cb.ruchy:2:23\\)$" -- "$tmp/cb.ruchy"
expect stack-trace-callback-script 1 '' "^    at <script> \\(.*cb.ruchy:3:4\\)$" -- "$tmp/cb.ruchy"
expect uncaught-throw 1 '' '^Error: Evaluation error: Uncaught exception: "boom"$' -- -e 'throw "boom"'
expect print-bytecode 0 'LdaSmi \[1\]' '' -- --print-bytecode -e 'let a = 1'
expect deep-recursion 0 '^10000$' '' -- -e 'fun d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }; d(10000)'
expect stack-overflow 1 '' '^Error: Evaluation error: Stack overflow$' -- -e 'fun d(n) { 1 + d(n + 1) }; d(0)'
expect small-stack 1 '' 'Stack overflow' -- --stack-size=64 -e 'fun d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }; d(10000)'
expect program-args 0 '^\["<eval>", "a", "b"\]$' '' -- -e 'std::env::args()' a b

# check_exact NAME STATUS WANT_STDOUT_FILE STDERR_PATTERN -- ARGS...: stdout must match exactly.
check_exact() {
  local name="$1" want_status="$2" want_out="$3" err_pattern="$4"
  shift 5
  "$ruchyd" "$@" >"$tmp/out" 2>"$tmp/err" <"${stdin_file:-/dev/null}"
  local status=$?
  local ok=1
  [ "$status" -eq "$want_status" ] || ok=0
  cmp -s "$want_out" "$tmp/out" || ok=0
  [ -z "$err_pattern" ] || grep -qE -- "$err_pattern" "$tmp/err" || ok=0
  if [ "$ok" = 1 ]; then
    echo "PASS $name"
  else
    echo "FAIL $name: status $status (want $want_status)"
    diff "$want_out" "$tmp/out" | sed 's/^/  /'
    echo "  stderr: $(cat "$tmp/err")"
    failures=$((failures + 1))
  fi
}

# --- The REPL over a pipe: no prompts, one result per complete input. A let's value is
# the bound value (ref §7.1), so it echoes like any other non-nil result.
stdin_file="$tmp/repl-in"
printf 'let x = 2\nx * 21\n' >"$stdin_file"
printf '2\n42\n' >"$tmp/want"
check_exact repl-pipe 0 "$tmp/want" '' -- repl
printf 'fun add(a, b) {\n  let s = a + b\n  s\n}\nlet y = [1,\n  2]\nadd(y[0], y[1])\n"text"\nnil\nlet z = 5\n' >"$stdin_file"
printf '[1, 2]\n3\n"text"\n5\n' >"$tmp/want"
check_exact repl-continuation 0 "$tmp/want" '' -- repl
printf 'let a = 10\n1 / 0\nundefined_name\nlet = 3\na + 1\n' >"$stdin_file"
printf '10\n11\n' >"$tmp/want"
check_exact repl-error-continues 0 "$tmp/want" '^Error: Evaluation error: Division by zero$' -- repl
expect repl-syntax-error 0 '^11$' 'Syntax error' -- repl
expect repl-undefined 0 '^11$' 'Undefined variable: undefined_name' -- repl
printf ':help\n' >"$stdin_file"
expect repl-help 0 ':quit' '' -- repl
printf '1 + 1\n:quit\n2 + 2\n' >"$stdin_file"
printf '2\n' >"$tmp/want"
check_exact repl-quit 0 "$tmp/want" '' -- repl
printf 'fun f() {\n  1\n' >"$stdin_file"
expect repl-eof-incomplete 0 '' 'expected .\}.' -- repl
printf ':bogus\n' >"$stdin_file"
expect repl-unknown-command 0 '' 'Unknown command :bogus' -- repl
printf 'fun main() { println("main") }\n"after"\n' >"$stdin_file"
printf '"after"\n' >"$tmp/want"
check_exact repl-no-main 0 "$tmp/want" '' -- repl
printf 'let s = "two\nlines"\ns.len()\n' >"$stdin_file"
printf '"two\nlines"\n9\n' >"$tmp/want"
check_exact repl-multiline-string 0 "$tmp/want" '' -- repl
unset stdin_file

# --- ruchyd test.
mkdir -p "$tmp/tests/sub"
cat >"$tmp/tests/good.ruchy" <<'RUCHY'
let base = 10
fun helper(x) { x + base }
#[test]
fun adds() { assert_eq!(helper(1), 11) }
#[test]
fun second() { assert!(helper(0) == base) }
fun main() { println("main must not run") }
RUCHY
cat >"$tmp/tests/sub/bad.ruchy" <<'RUCHY'
let mut counter = 0
#[test]
fun bumps() { counter += 1; assert_eq!(counter, 1) }
#[test]
fun bumps_again() { counter += 1; assert_eq!(counter, 1) }
#[test]
fun fails() { assert_eq!(1 + 1, 3) }
#[test]
fun throws() { throw "boom" }
fun not_a_test() { throw "never called" }
RUCHY
printf 'running 2 tests in %s\ntest adds ... ok\ntest second ... ok\n2 passed, 0 failed\n' \
  "$tmp/tests/good.ruchy" >"$tmp/want"
check_exact test-pass 0 "$tmp/want" '' -- test "$tmp/tests/good.ruchy"
expect test-fail-status 1 '^2 passed, 2 failed$' '' -- test "$tmp/tests/sub/bad.ruchy"
expect test-fresh-state 1 '^test bumps_again \.\.\. ok$' '' -- test "$tmp/tests/sub/bad.ruchy"
expect test-failed-line 1 '^test fails \.\.\. FAILED$' '' -- test "$tmp/tests/sub/bad.ruchy"
expect test-failure-text 1 'Assertion failed' '' -- test "$tmp/tests/sub/bad.ruchy"
expect test-throw-text 1 'Uncaught exception: "boom"' '' -- test "$tmp/tests/sub/bad.ruchy"
expect test-folder 1 '^4 passed, 2 failed$' '' -- test "$tmp/tests"
expect test-no-main 1 '' '' -- test "$tmp/tests"
if grep -q 'main must not run' "$tmp/out"; then
  echo "FAIL test-no-main: main() ran during a test run"
  failures=$((failures + 1))
fi
expect test-missing 1 '^0 passed, 0 failed$' 'cannot read' -- test "$tmp/tests/none.ruchy"
expect test-no-args 2 '' 'needs at least one' -- test
printf '#[test]\nfun broken( {\n' >"$tmp/broken.ruchy"
expect test-syntax-error 1 '' 'Syntax error' -- test "$tmp/broken.ruchy"

# --- --allow-natives-syntax.
expect natives-status 0 '^"interpreted"$' '' -- --allow-natives-syntax -e 'fun f() { 1 }; f(); %GetOptimizationStatus(f)'
expect natives-builtin-status 0 '^"builtin"$' '' -- --allow-natives-syntax -e '%GetOptimizationStatus(println)'
expect natives-status-type 1 '' 'expects a function' -- --allow-natives-syntax -e '%GetOptimizationStatus(1)'
expect natives-debug-print 0 '^DebugPrint: \[1, "a"\]$' '' -- --allow-natives-syntax -e '%DebugPrint([1, "a"]); nil'
expect natives-debug-type 0 '^ - heap type: Array$' '' -- --allow-natives-syntax -e '%DebugPrint([1, "a"]); nil'
expect natives-debug-smi 0 '^ - heap type: Smi' '' -- --allow-natives-syntax -e '%DebugPrint(7); nil'
expect natives-gc 0 '^\[1, 2\]$' '' -- --allow-natives-syntax -e 'let a = [1, 2]; %CollectGarbage(); a'
expect natives-unknown 1 '' 'unknown intrinsic %NoSuchThing' -- --allow-natives-syntax -e '%NoSuchThing(1)'
expect natives-arity 1 '' '%DebugPrint takes 1 argument, got 2' -- --allow-natives-syntax -e '%DebugPrint(1, 2)'
expect natives-disabled 1 '' 'need --allow-natives-syntax' -- -e '%DebugPrint(1)'
expect natives-modulo 0 '^1$' '' -- --allow-natives-syntax -e 'let DebugPrint = 3; 7 %DebugPrint'
printf 'let v = 5\n%%DebugPrint(v)\n' >"$tmp/natives-repl"
stdin_file="$tmp/natives-repl"
expect natives-repl 0 '^DebugPrint: 5$' '' -- --allow-natives-syntax repl
unset stdin_file

if [ "$failures" -ne 0 ]; then
  echo "$failures shell checks failed"
  exit 1
fi
