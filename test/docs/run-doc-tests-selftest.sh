#!/usr/bin/env bash
# Checks that tools/run-doc-tests fails what it must: a wrong output, a missing expected
# output, a wrong error text, a console mismatch and built-in tables that do not match the list.
set -u
ruchyd="$1"
dir="${TEST_TMPDIR:-/tmp}/doc-selftest"
mkdir -p "$dir"
doc="$dir/sample-language.md"
cat > "$doc" <<'DOC'
```ruchy
println(1 + 1)
```
```output
2
```

```ruchy
println("wrong")
```
```output
right
```

```ruchy
println("no expected output")
```

```ruchy
[1][3]
```
```error
Error: Evaluation error: Runtime error: not the message
```

```console
$ ruchyd -e '2 * 3'
7
```

```ruchy norun
this is not run
```

<!-- builtins: functions -->
| function | what |
| --- | --- |
| `println(x)` | documented |
| `no_such_builtin()` | not in the list |
<!-- builtins: end -->
DOC
out="$(python3 tools/run-doc-tests --ruchyd "$ruchyd" --variants default -j 1 "$doc")"
status=$?
echo "$out"
fail() { echo "SELFTEST FAILED: $1"; exit 1; }
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
# 5 examples + 13 built-in sections (12 with nothing documented, functions mismatched).
echo "$out" | grep -qx "1 passed, 17 failed" || fail "expected '1 passed, 17 failed'"
echo "$out" | grep -q "without an \`\`\`output" || fail "missing-output block not reported"
echo "$out" | grep -q "documented but not declared in builtins-list.h: no_such_builtin" ||
  fail "extra built-in not reported"
echo "$out" | grep -q "^+right\|^-right" || fail "output diff not shown"
echo "selftest passed"
