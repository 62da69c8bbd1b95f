#!/bin/bash
# Runs an embedding example and compares its stdout with the expected text; the example
# must exit 0 and write nothing to stderr.
set -u
binary="$1"
expected="$2"
actual="$("$binary" 2>stderr.txt)"
status=$?
if [[ $status -ne 0 ]]; then
  echo "FAIL: $binary exited with $status"; cat stderr.txt; exit 1
fi
if [[ -s stderr.txt ]]; then
  echo "FAIL: $binary wrote to stderr:"; cat stderr.txt; exit 1
fi
if ! diff -u "$expected" <(printf '%s\n' "$actual"); then
  echo "FAIL: output differs"; exit 1
fi
echo "PASS: $(basename "$binary")"
