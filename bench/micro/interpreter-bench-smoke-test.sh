#!/bin/bash
# Smoke test of interpreter-bench: runs every benchmark for a moment and fails when the
# binary fails (a wrong answer or an exception) or a listed benchmark reports no result.
set -u
binary="$1"
listed="$("$binary" --benchmark_list_tests)" || { echo "FAIL: cannot list benchmarks"; exit 1; }
count=$(printf '%s\n' "$listed" | grep -c .)
if [[ $count -lt 16 ]]; then
  echo "FAIL: only $count benchmarks listed"; exit 1
fi
output="$("$binary" --benchmark_min_time=0.001 --benchmark_format=console 2>&1)"
status=$?
printf '%s\n' "$output"
if [[ $status -ne 0 ]]; then
  echo "FAIL: interpreter-bench exited with $status"; exit 1
fi
while IFS= read -r name; do
  if ! printf '%s\n' "$output" | grep -E "^$name +[0-9.]+ us .*per_op=" >/dev/null; then
    echo "FAIL: no result for $name"; exit 1
  fi
done <<<"$listed"
echo "PASS: $count benchmarks"
