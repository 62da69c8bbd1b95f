#!/bin/bash
# tools/ruchyd is built on the embedding API alone: its sources include nothing from src/
# (only include/ruchy/ruchy.h, its own headers, std/absl/readline), and its BUILD file
# depends on //src/api and readline only.
set -u
root="${TEST_SRCDIR:-}/${TEST_WORKSPACE:-}"
[[ -d "$root/tools/ruchyd" ]] || root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/tools/ruchyd"
failures=0

shopt -s nullglob
sources=("$dir"/*.cc "$dir"/*.h)
if (( ${#sources[@]} < 4 )); then
  echo "FAIL: found only ${#sources[@]} sources under $dir"
  exit 1
fi
for file in "${sources[@]}"; do
  while IFS= read -r line; do
    header="${line#*\"}"
    header="${header%%\"*}"
    case "$header" in
      include/ruchy/*|tools/ruchyd/*) ;;
      *) echo "FAIL: $(basename "$file") includes \"$header\""; failures=$((failures + 1)) ;;
    esac
  done < <(grep -E '^\s*#\s*include\s+"' "$file")
  while IFS= read -r line; do
    header="${line#*<}"
    header="${header%%>*}"
    case "$header" in
      */*) case "$header" in
             readline/*|absl/*|sys/*) ;;
             *) echo "FAIL: $(basename "$file") includes <$header>"; failures=$((failures + 1)) ;;
           esac ;;
      *) ;;  # the C and C++ standard libraries, POSIX (<unistd.h>)
    esac
  done < <(grep -E '^\s*#\s*include\s+<' "$file")
done

build="$dir/BUILD.bazel"
while IFS= read -r dep; do
  case "$dep" in
    //src/api|//third_party:readline|:shell) ;;
    *) echo "FAIL: tools/ruchyd/BUILD.bazel depends on $dep"; failures=$((failures + 1)) ;;
  esac
done < <(awk '/deps = \[/ { in_deps = 1 } in_deps { print } in_deps && /\]/ { in_deps = 0 }' "$build" |
         grep -oE '"(//|:)[^"]*"' | tr -d '"')

if (( failures > 0 )); then
  echo "$failures forbidden dependencies"
  exit 1
fi
echo "PASS: ${#sources[@]} files include only the embedding API"
