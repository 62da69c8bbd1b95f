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
  "$ruchyd" "$@" >"$tmp/out" 2>"$tmp/err"
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
# Without a FILE, piped input runs as one program whose value is printed (like -e).
expect_stdin() {
  local name="$1" input="$2" want_out="$3"
  shift 3
  local out
  out="$(printf '%b' "$input" | "$ruchyd" "$@" 2>&1)"
  if [ "$out" = "$(printf '%b' "$want_out")" ]; then
    echo "PASS $name"
  else
    echo "FAIL $name: got:"
    echo "$out"
    echo "want:"
    printf '%b\n' "$want_out"
    failures=$((failures + 1))
  fi
}
expect_stdin stdin-program 'let a = 2\na * 21\n' '42'
expect_stdin stdin-main 'fun main() { println("main") }\n' 'main'
# ruchyd repl: each input runs in one session (names persist, also types and impls added
# later); non-nil values print in REPL form; errors print as Error: MESSAGE and the session
# goes on; incomplete input continues on the next line.
expect_stdin repl-session 'let v = [1, 2]\nv.push(3)\nv\nfun sq(n) {\n  n * n\n}\nsq(4)\n"s"\nnope\nstruct P { a: i32 }\nimpl P { fun get(&self) { self.a } }\nP { a: 7 }.get()\n:quit\n9\n' '[1, 2]\n[1, 2, 3]\n16\n"s"\nError: Runtime error: Undefined variable: nope\n7' repl
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
# Frames of main() run after top-level code, and of closures called by built-ins, stay in
# the trace (the exception passes through an outer activation of the dispatch loop).
printf 'fun helper(x) { x / 0 }\nfun main() {\n  helper(2)\n}\n' >"$tmp/main-err.ruchy"
expect stack-trace-main-helper 1 '' "^    at helper \\(.*main-err.ruchy:1:19\\)$" -- "$tmp/main-err.ruchy"
expect stack-trace-main 1 '' "^    at main \\(.*main-err.ruchy:3:9\\)$" -- "$tmp/main-err.ruchy"
expect stack-trace-callback 1 '' "^    at <closure> \\(<eval>:1:18\\)$" -- -e '[1, 2].map(|x| x / 0)'
# ruchyd test: top-level code runs, then each #[test] function; failures set status 1.
printf '#[test]\nfun adds() { assert_eq(1 + 1, 2) }\n#[test]\nfun fails() { assert_eq(1, 2) }\nfun main() { println("not run") }\n' >"$tmp/tests.ruchy"
expect test-pass-line 1 '^test adds \.\.\. ok$' '' -- test "$tmp/tests.ruchy"
expect test-fail-line 1 '^test fails \.\.\. FAILED$' '' -- test "$tmp/tests.ruchy"
expect test-summary 1 '^test result: FAILED\. 1 passed; 1 failed$' '' -- test "$tmp/tests.ruchy"
printf '#[test]\nfun adds() { assert_eq(1 + 1, 2) }\n' >"$tmp/pass.ruchy"
expect test-all-pass 0 '^test result: ok\. 1 passed; 0 failed$' '' -- test "$tmp/pass.ruchy"
expect uncaught-throw 1 '' '^Error: Evaluation error: Uncaught exception: "boom"$' -- -e 'throw "boom"'
expect print-bytecode 0 'LdaSmi \[1\]' '' -- --print-bytecode -e 'let a = 1'
expect deep-recursion 0 '^10000$' '' -- -e 'fun d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }; d(10000)'
expect stack-overflow 1 '' '^Error: Evaluation error: Stack overflow$' -- -e 'fun d(n) { 1 + d(n + 1) }; d(0)'
expect small-stack 1 '' 'Stack overflow' -- --stack-size=64 -e 'fun d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }; d(10000)'
expect program-args 0 '^\["<eval>", "a", "b"\]$' '' -- -e 'std::env::args()' a b

if [ "$failures" -ne 0 ]; then
  echo "$failures shell checks failed"
  exit 1
fi
