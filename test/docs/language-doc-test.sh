#!/usr/bin/env bash
# Runs tools/run-doc-tests over docs/language.md with the built ruchyd, every variant.
set -u
ruchyd="$1"
junit=()
[ -n "${XML_OUTPUT_FILE:-}" ] && junit=(--junit "$XML_OUTPUT_FILE")
exec python3 tools/run-doc-tests --ruchyd "$ruchyd" -j "${RUCHY_TEST_JOBS:-2}" --timeout 120 \
  "${junit[@]}"
