#!/bin/bash
# Checks that code written against the embedding API uses nothing else (issue #8, STYLE
# rule 10): every source under each FOLDER includes, in quotes, only include/ruchy/ headers,
# the folder's own files and gtest; in angle brackets only the C/C++ standard library,
# POSIX, absl and readline. With --build, each folder's BUILD.bazel may depend only on
# //src/api, //third_party:readline, //third_party:gtest(_main) and its own targets.
#
#   api-only-test.sh [--build] FOLDER...    (folders relative to the workspace root)
set -u
check_build=0
if [[ "${1:-}" == "--build" ]]; then
  check_build=1
  shift
fi
root="${TEST_SRCDIR:-}/${TEST_WORKSPACE:-}"
[[ -d "$root/include/ruchy" ]] || root="$(cd "$(dirname "$0")/../.." && pwd)"
failures=0
checked=0
shopt -s nullglob

for folder in "$@"; do
  dir="$root/$folder"
  sources=("$dir"/*.cc "$dir"/*.h)
  if (( ${#sources[@]} == 0 )); then
    echo "FAIL: no sources under $folder"
    failures=$((failures + 1))
    continue
  fi
  for file in "${sources[@]}"; do
    checked=$((checked + 1))
    name="$folder/$(basename "$file")"
    while IFS= read -r line; do
      header="${line#*\"}"
      header="${header%%\"*}"
      case "$header" in
        include/ruchy/*|"$folder"/*|gtest/*) ;;
        *) echo "FAIL: $name includes \"$header\""; failures=$((failures + 1)) ;;
      esac
    done < <(grep -E '^\s*#\s*include\s+"' "$file")
    while IFS= read -r line; do
      header="${line#*<}"
      header="${header%%>*}"
      case "$header" in
        */*) case "$header" in
               readline/*|absl/*|sys/*) ;;
               *) echo "FAIL: $name includes <$header>"; failures=$((failures + 1)) ;;
             esac ;;
        *) ;;  # the C and C++ standard libraries, POSIX (<unistd.h>)
      esac
    done < <(grep -E '^\s*#\s*include\s+<' "$file")
  done
  if (( check_build )); then
    while IFS= read -r dep; do
      case "$dep" in
        //src/api|//third_party:readline|//third_party:gtest|//third_party:gtest_main|:*) ;;
        *) echo "FAIL: $folder/BUILD.bazel depends on $dep"; failures=$((failures + 1)) ;;
      esac
    done < <(awk '/deps = \[/ { in_deps = 1 } in_deps { print } in_deps && /\]/ { in_deps = 0 }' \
               "$dir/BUILD.bazel" | grep -oE '"(//|:)[^"]*"' | tr -d '"')
  fi
done

if (( failures > 0 )); then
  echo "$failures forbidden dependencies"
  exit 1
fi
echo "PASS: $checked files in $* use only the embedding API"
