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
expect no-file 2 '' 'give a FILE' --
echo 'println("hi")' >"$tmp/hello.ruchy"
expect not-implemented 1 '' 'not implemented yet' -- "$tmp/hello.ruchy"

if [ "$failures" -ne 0 ]; then
  echo "$failures shell checks failed"
  exit 1
fi
