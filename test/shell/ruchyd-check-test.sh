#!/usr/bin/env bash
# The shell's front-end commands: `ruchyd check` is silent with status 0 when every
# file parses and prints FILE:LINE:COL errors with status 1 otherwise; --print-ast
# dumps the tree; running a program still says plainly that it cannot execute yet.
set -uo pipefail
ruchyd="${TEST_SRCDIR:-.}/ruchyd/tools/ruchyd/ruchyd"
[ -x "$ruchyd" ] || ruchyd="tools/ruchyd/ruchyd"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

printf 'fun main() {\n    println("hi")\n}\n' > "$tmp/good.ruchy"
printf 'let x = 1\nlet y = (2 +\n' > "$tmp/bad.ruchy"
printf 'let ok = 1\n' > "$tmp/good2.ruchy"

out="$("$ruchyd" check "$tmp/good.ruchy" "$tmp/good2.ruchy" 2>&1)"; status=$?
[ "$status" -eq 0 ] || fail "check of good files exited $status"
[ -z "$out" ] || fail "check of good files printed: $out"

err="$("$ruchyd" check "$tmp/good.ruchy" "$tmp/bad.ruchy" 2>&1 >/dev/null)"; status=$?
[ "$status" -eq 1 ] || fail "check of a bad file exited $status"
expected="$tmp/bad.ruchy:3:1: Syntax error: expected an expression, found end of file"
[ "$(printf '%s\n' "$err" | head -1)" = "$expected" ] || fail "unexpected error text: $err"
[ "$(printf '%s\n' "$err" | wc -l)" -eq 3 ] || fail "expected error, source line and caret: $err"

"$ruchyd" check "$tmp/missing.ruchy" >/dev/null 2>"$tmp/err"; status=$?
[ "$status" -eq 1 ] || fail "check of a missing file exited $status"
grep -q "cannot read" "$tmp/err" || fail "no message for a missing file"

"$ruchyd" check >/dev/null 2>&1; status=$?
[ "$status" -eq 2 ] || fail "check without files exited $status"

out="$("$ruchyd" --print-ast "$tmp/good.ruchy")"; status=$?
[ "$status" -eq 0 ] || fail "--print-ast exited $status"
# Matched in bash, not with `printf | grep -q`: under pipefail, grep -q exiting at the first
# match can leave printf with SIGPIPE and fail the pipeline (a flaky failure).
[[ "${out%%$'\n'*}" == "FunctionLiteral @1:1 script"* ]] || fail "dump header: $out"
[[ "$out" == *"Identifier @2:5 println [global (unbound)]"* ]] || fail "dump body: $out"

"$ruchyd" --print-ast "$tmp/bad.ruchy" >/dev/null 2>&1; status=$?
[ "$status" -eq 1 ] || fail "--print-ast of a bad file exited $status"

"$ruchyd" "$tmp/good.ruchy" >/dev/null 2>"$tmp/err"; status=$?
[ "$status" -eq 0 ] || fail "running a program exited $status: $(cat "$tmp/err")"

"$ruchyd" "$tmp/bad.ruchy" >/dev/null 2>"$tmp/err"; status=$?
[ "$status" -eq 1 ] || fail "running a bad program exited $status"
grep -q "Syntax error" "$tmp/err" || fail "running a bad program should report the syntax error"

out="$("$ruchyd" --print-ast -e 'let x = 1')"
[[ "$out" == *"IdentifierPattern @1:5 x [global]"* ]] || fail "--print-ast -e"

out="$("$ruchyd" --help)"
[[ "$out" == *"--print-ast"* ]] || fail "--help lists --print-ast"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all ruchyd front-end shell checks passed"
