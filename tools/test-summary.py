#!/usr/bin/env python3
"""Counts the test cases of the last `bazel test //...` from each target's test.xml and
prints "N passed, N failed". A test target with no result (it failed to build) counts as
one failure. Exits non-zero when anything failed."""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def main():
    bazel_status = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    targets = subprocess.run(
        ["bazel", "query", "tests(//...)", "--output=label"],
        capture_output=True, text=True, check=True).stdout.split()
    testlogs = subprocess.run(["bazel", "info", "bazel-testlogs"],
                              capture_output=True, text=True, check=True).stdout.strip()
    passed = failed = 0
    for label in targets:
        package, name = label[2:].split(":")
        xml_path = os.path.join(testlogs, package, name, "test.xml")
        if not os.path.exists(xml_path):
            print(f"tools/test: no result for {label}", file=sys.stderr)
            failed += 1
            continue
        root = ET.parse(xml_path).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            for case in suite.iter("testcase"):
                bad = case.find("failure") is not None or case.find("error") is not None
                if case.get("status") == "notrun":
                    continue
                if bad:
                    failed += 1
                else:
                    passed += 1
    if bazel_status not in (0, 3, 4) and failed == 0:
        failed = 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or bazel_status not in (0, 4) else 0)


if __name__ == "__main__":
    main()
