#!/usr/bin/env python3
"""Self-test for tools/run-tests: drives the runner against a fake ruchyd on throw-away test
folders and checks verdicts, diffs, reproduce commands, variants, the status file and timeouts.
Run with `python3 tools/run-tests-selftest.py`; exits non-zero (unittest) when the runner is wrong.

The fake ruchyd understands `--help` (listing the flags named in $FAKE_RUCHYD_FLAGS in ruchyd's
help format), rejects other flags as the real shell does, and otherwise executes `//! VERB ARG`
directive lines of the test file: out, err, flags, exit, sleep, crash, fail-if-flag.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "run-tests")

FAKE_RUCHYD = r'''
import os, signal, sys, time
supported = [f for f in os.environ.get("FAKE_RUCHYD_FLAGS", "help,version").split(",") if f]
args = sys.argv[1:]
if "--help" in args:
    print("Usage: ruchyd [FLAGS] FILE [ARGS...]\n\nFlags:")
    for f in supported:
        kind = "int" if f.startswith("max-") else "bool"
        print(f"  --{f} (the {f} flag)\n        type: {kind}  default: false")
    sys.exit(0)
flags, files = [], []
for a in args:
    if a.startswith("--"):
        name = a[2:].split("=")[0]
        ok = name in supported or (name.startswith("no-") and name[3:] in supported)
        if not ok:
            print(f"ruchyd: unknown flag '{a}'", file=sys.stderr)
            sys.exit(2)
        flags.append(a)
    else:
        files.append(a)
with open(files[0]) as f:
    lines = f.read().splitlines()
for line in lines:
    if not line.startswith("//! "):
        continue
    verb, _, arg = line[4:].partition(" ")
    if verb == "out":
        print(arg, flush=True)
    elif verb == "err":
        print(arg, file=sys.stderr, flush=True)
    elif verb == "flags":
        print(" ".join(flags), flush=True)
    elif verb == "exit":
        sys.exit(int(arg))
    elif verb == "sleep":
        time.sleep(float(arg))
    elif verb == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif verb == "fail-if-flag":
        if arg in flags:
            print(f"saw {arg}", file=sys.stderr)
            sys.exit(1)
'''

SUMMARY_RE = re.compile(r"^\d+ passed, \d+ failed(, \d+ skipped)?$")


class RunnerTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="run-tests-selftest-")
        self.root = os.path.join(self.dir, "corpus")
        os.makedirs(self.root)
        self.fake = os.path.join(self.dir, "fake-ruchyd")
        with open(self.fake, "w") as f:
            f.write(f"#!{sys.executable}\n" + FAKE_RUCHYD)
        os.chmod(self.fake, 0o755)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def run_runner(self, *args, flags="help,version,jitless", status=None, timeout=60):
        env = dict(os.environ, FAKE_RUCHYD_FLAGS=flags)
        cmd = [sys.executable, RUNNER, "--ruchyd", self.fake, "--test-root", self.root]
        if status is not None:
            cmd += ["--status", self.write("status.txt", status)]
        cmd += list(args)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
        out = proc.stdout
        lines = out.rstrip("\n").splitlines()
        last = lines[-1] if lines else ""
        return proc.returncode, out, proc.stderr, last

    def assertSummary(self, last, passed, failed, skipped=None):
        self.assertRegex(last, SUMMARY_RE)
        want = f"{passed} passed, {failed} failed"
        if skipped:
            want += f", {skipped} skipped"
        self.assertEqual(last, want)

    # --- verdicts -------------------------------------------------------------------------

    def test_pass(self):
        self.write("a/ok.ruchy", "// prints two lines\n//! out hello\n//! out world\n")
        self.write("a/ok.out", "hello\nworld\n")
        rc, out, err, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 0, out + err)
        self.assertSummary(last, 1, 0)
        self.assertNotIn("FAIL", out)

    def test_missing_out_means_empty_stdout(self):
        self.write("quiet.ruchy", "// prints nothing\n")
        self.write("noisy.ruchy", "//! out surprise\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 1, 1)
        self.assertIn("=== FAIL noisy.ruchy [default]", out)
        self.assertIn("+surprise", out)

    def test_stdout_mismatch_prints_diff_and_command(self):
        self.write("b/bad.ruchy", "//! out alpha\n//! out BETA\n")
        self.write("b/bad.out", "alpha\nbeta\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 0, 1)
        self.assertIn("=== FAIL b/bad.ruchy [default]", out)
        self.assertIn("--- expected stdout bad.out", out)
        self.assertIn("+++ actual stdout", out)
        self.assertIn("-beta\n", out)
        self.assertIn("+BETA\n", out)
        self.assertIn(" alpha\n", out)
        command = [l for l in out.splitlines() if l.startswith("Command: ")]
        self.assertEqual(len(command), 1, out)
        self.assertIn(self.fake, command[0])
        self.assertIn(os.path.join(self.root, "b", "bad.ruchy"), command[0])
        # The printed command must actually reproduce the failing output.
        shell = command[0][len("Command: "):]
        env = dict(os.environ, FAKE_RUCHYD_FLAGS="help,version,jitless")
        rerun = subprocess.run(shell, shell=True, capture_output=True, text=True, env=env)
        self.assertEqual(rerun.stdout, "alpha\nBETA\n")

    def test_nonzero_exit_fails_and_shows_stderr(self):
        self.write("c.ruchy", "//! out fine\n//! err something broke\n//! exit 3\n")
        self.write("c.out", "fine\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 0, 1)
        self.assertIn("exit status 3, expected 0", out)
        self.assertIn("something broke", out)

    def test_crash_reports_signal(self):
        self.write("crash.ruchy", "//! crash\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertIn("killed by signal SIGSEGV", out)
        self.assertSummary(last, 0, 1)

    # --- expected errors ------------------------------------------------------------------

    def test_err_file(self):
        self.write("e/good.ruchy", "//! out before\n//! err Error: boom\n//! exit 1\n")
        self.write("e/good.out", "before\n")
        self.write("e/good.err", "Error: boom\n")
        self.write("e/wrong-text.ruchy", "//! err Error: bang\n//! exit 1\n")
        self.write("e/wrong-text.err", "Error: boom\n")
        self.write("e/wrong-status.ruchy", "//! err Error: boom\n//! exit 0\n")
        self.write("e/wrong-status.err", "Error: boom\n")
        self.write("e/status-two.ruchy", "//! err Error: boom\n//! exit 2\n")
        self.write("e/status-two.err", "Error: boom\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 1, 3)
        self.assertNotIn("FAIL e/good.ruchy", out)
        self.assertIn("=== FAIL e/wrong-text.ruchy", out)
        self.assertIn("-Error: boom", out)
        self.assertIn("+Error: bang", out)
        self.assertIn("=== FAIL e/wrong-status.ruchy", out)
        self.assertIn("exit status 0, expected 1", out)
        self.assertIn("exit status 2, expected 1", out)

    def test_expect_error_header(self):
        self.write("h/good.ruchy", "// Expect-error: Division by zero\n"
                   "//! err Error: Evaluation error: Division by zero\n"
                   "//! err     at main (x.ruchy:1:1)\n//! exit 1\n")
        self.write("h/missing.ruchy", "// Expect-error: Division by zero\n"
                   "//! err Error: Evaluation error: Stack overflow\n//! exit 1\n")
        self.write("h/no-error.ruchy", "// Expect-error: Division by zero\n//! out 5\n")
        self.write("h/no-error.out", "5\n")
        self.write("h/two.ruchy", "// Expect-error: first part\n// Expect-error: second part\n"
                   "//! err first part only\n//! exit 1\n")
        self.write("h/stdout.ruchy", "// Expect-error: boom\n//! out printed\n"
                   "//! err boom\n//! exit 1\n")
        self.write("h/stdout.out", "expected something else\n")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 1, 4)
        self.assertNotIn("FAIL h/good.ruchy", out)
        self.assertIn("=== FAIL h/missing.ruchy", out)
        self.assertIn("stderr does not contain: Division by zero", out)
        self.assertIn("Stack overflow", out)
        self.assertIn("=== FAIL h/no-error.ruchy", out)
        self.assertIn("exit status 0, expected 1", out)
        self.assertIn("=== FAIL h/two.ruchy", out)
        self.assertIn("stderr does not contain: second part", out)
        self.assertNotIn("stderr does not contain: first part", out)
        self.assertIn("=== FAIL h/stdout.ruchy", out)
        self.assertIn("+printed", out)

    # --- flags and variants ---------------------------------------------------------------

    def test_flags_header(self):
        self.write("f.ruchy", "// Flags: --jitless --max-heap-size=64\n//! flags\n")
        self.write("f.out", "--jitless --max-heap-size=64\n")
        rc, out, _, last = self.run_runner("--variants", "default",
                                           flags="help,jitless,max-heap-size")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 1, 0)

    def test_variant_flags_are_passed(self):
        self.write("v.ruchy", "//! flags\n")
        self.write("v.out", "--jitless\n")
        rc, out, _, last = self.run_runner("--variants", "jitless")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 1, 0)
        self.assertNotIn("not supported", out)

    def test_no_flag_spelling_of_bool_flag_is_supported(self):
        self.write("n.ruchy", "//! flags\n")
        self.write("n.out", "--no-opt\n")
        rc, out, _, last = self.run_runner("--variants", "no-opt", flags="help,opt")
        self.assertEqual(rc, 0, out)
        self.assertNotIn("not supported", out)
        self.assertSummary(last, 1, 0)

    def test_unsupported_variant_falls_back_and_says_so_once(self):
        for i in range(3):
            self.write(f"u{i}.ruchy", "//! out same\n")
            self.write(f"u{i}.out", "same\n")
        rc, out, _, last = self.run_runner("--variants", "default,jitless,stress-opt,stress-gc")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 12, 0)
        msg = ("variant stress-opt: --stress-opt not supported by this build; "
               "running with default flags")
        self.assertEqual(out.count(msg), 1, out)
        self.assertEqual(out.count("variant stress-gc: --stress-gc not supported"), 1, out)
        self.assertNotIn("variant jitless:", out)
        self.assertNotIn("variant default:", out)

    def test_unsupported_flag_is_really_dropped(self):
        # The fake rejects unknown flags with status 2, so passing --stress-gc would fail.
        self.write("d.ruchy", "//! flags\n")
        self.write("d.out", "\n")
        rc, out, _, last = self.run_runner("--variants", "stress-gc")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 1, 0)

    def test_all_variants_by_default(self):
        self.write("all.ruchy", "//! out x\n")
        self.write("all.out", "x\n")
        rc, out, _, last = self.run_runner(
            flags="help,jitless,opt,always-baseline,stress-opt,stress-gc")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 6, 0)
        self.assertNotIn("not supported", out)

    def test_failure_names_variant_and_its_flags_in_command(self):
        self.write("fv.ruchy", "//! fail-if-flag --jitless\n")
        rc, out, _, last = self.run_runner("--variants", "default,jitless")
        self.assertEqual(rc, 1)
        self.assertSummary(last, 1, 1)
        self.assertIn("=== FAIL fv.ruchy [jitless]", out)
        self.assertNotIn("FAIL fv.ruchy [default]", out)
        cmd_line = [l for l in out.splitlines() if l.startswith("Command: ")][0]
        self.assertIn(" --jitless ", cmd_line)

    def test_unknown_variant_is_a_usage_error(self):
        self.write("x.ruchy", "")
        rc, _, err, _ = self.run_runner("--variants", "turbo")
        self.assertEqual(rc, 2)
        self.assertIn("unknown variant", err)

    # --- status file ----------------------------------------------------------------------

    def test_status_file(self):
        self.write("s/known-bad.ruchy", "//! out wrong\n")
        self.write("s/known-bad.out", "right\n")
        self.write("s/fixed.ruchy", "//! out right\n")
        self.write("s/fixed.out", "right\n")
        self.write("s/slow.ruchy", "//! sleep 30\n")
        self.write("s/only-jitless.ruchy", "//! fail-if-flag --jitless\n")
        status = ("# known failures\n"
                  "s/known-bad.ruchy * FAIL  # needs the string table\n"
                  "s/fixed FAIL  # was broken\n"
                  "s/slow.ruchy SKIP  # hangs\n"
                  "s/only-* jitless FAIL  # jitless bug\n")
        rc, out, _, last = self.run_runner("--variants", "default,jitless", status=status)
        # known-bad: 2 expected failures (pass); fixed: 2 unexpected passes (fail);
        # slow: 2 skipped; only-jitless: default passes, jitless expected failure.
        self.assertSummary(last, 4, 2, 2)
        self.assertEqual(rc, 1)
        self.assertIn("s/fixed.ruchy [default] unexpectedly passed", out)
        self.assertIn("s/fixed.ruchy [jitless] unexpectedly passed", out)
        self.assertIn("status.txt:3", out)
        self.assertNotIn("known-bad.ruchy [default] unexpectedly", out)
        self.assertNotIn("FAIL s/known-bad", out)
        self.assertNotIn("only-jitless.ruchy [default] unexpectedly", out)
        self.assertIn("3 of the passed runs are known failures", out)

    def test_status_last_matching_entry_wins_and_stale_entries_noted(self):
        self.write("p/a.ruchy", "//! out a\n")
        self.write("p/a.out", "a\n")
        status = "p/* SKIP  # whole folder\np/a.ruchy default FAIL  # but a runs\n" \
                 "gone/*.ruchy FAIL  # removed test\n"
        rc, out, _, last = self.run_runner("--variants", "default", status=status)
        self.assertEqual(rc, 1)
        self.assertSummary(last, 0, 1)
        self.assertIn("p/a.ruchy [default] unexpectedly passed", out)
        self.assertIn("(gone/*.ruchy) matches no test", out)

    def test_malformed_status_is_a_usage_error(self):
        self.write("m.ruchy", "")
        rc, _, err, _ = self.run_runner(status="m.ruchy default BROKEN\n")
        self.assertEqual(rc, 2)
        self.assertIn("outcome must be FAIL or SKIP", err)
        rc, _, err, _ = self.run_runner(status="m.ruchy warp FAIL\n")
        self.assertEqual(rc, 2)
        self.assertIn("unknown variant 'warp'", err)

    # --- timeouts and parallelism ---------------------------------------------------------

    def test_timeout_is_a_failure_and_kills_the_test(self):
        self.write("t/hang.ruchy", "//! out started\n//! sleep 60\n")
        self.write("t/quick.ruchy", "")
        start = time.monotonic()
        rc, out, _, last = self.run_runner("--variants", "default", "--timeout", "1")
        elapsed = time.monotonic() - start
        self.assertEqual(rc, 1)
        self.assertSummary(last, 1, 1)
        self.assertIn("=== FAIL t/hang.ruchy [default]", out)
        self.assertIn("timed out after 1 s", out)
        self.assertLess(elapsed, 20, "the hanging test was not killed")

    def test_runs_in_parallel(self):
        for i in range(4):
            self.write(f"par{i}.ruchy", "//! sleep 1.5\n")
        start = time.monotonic()
        rc, out, _, last = self.run_runner("--variants", "default", "-j", "4")
        elapsed = time.monotonic() - start
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 4, 0)
        self.assertLess(elapsed, 5.5, "4 x 1.5 s tests with -j 4 took as long as a serial run")

    # --- selection and maintenance --------------------------------------------------------

    def test_filters_select_by_path_substring(self):
        for name in ("strings/a", "strings/b", "arrays/a"):
            self.write(name + ".ruchy", "")
        rc, out, _, last = self.run_runner("--variants", "default", "strings/")
        self.assertEqual(rc, 0)
        self.assertSummary(last, 2, 0)
        rc, out, _, last = self.run_runner("--variants", "default", "arrays", "strings/b")
        self.assertSummary(last, 2, 0)
        rc, _, err, _ = self.run_runner("--variants", "default", "nothing-matches")
        self.assertEqual(rc, 2)
        self.assertIn("no tests match", err)

    def test_helper_modules_are_not_run(self):
        self.write("mod/lib.ruchy", "// Helper: imported by user.ruchy\n//! out should not run\n")
        self.write("mod/user.ruchy", "")
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 1, 0)

    def test_update_expected(self):
        self.write("w/new.ruchy", "//! out fresh\n")
        self.write("w/stale.ruchy", "//! out now\n")
        self.write("w/stale.out", "then\n")
        self.write("w/err.ruchy", "// Expect-error: nope\n//! out partial\n//! err bad\n"
                   "//! exit 1\n")
        rc, out, _, last = self.run_runner("--update-expected")
        with open(os.path.join(self.root, "w/new.out")) as f:
            self.assertEqual(f.read(), "fresh\n")
        with open(os.path.join(self.root, "w/stale.out")) as f:
            self.assertEqual(f.read(), "now\n")
        self.assertIn("updated w/new.out", out)
        # The stdout part of the error test is written, but its stderr expectation still fails.
        self.assertSummary(last, 2, 1)
        self.assertIn("stderr does not contain: nope", out)
        rc, out, _, last = self.run_runner("--variants", "default")
        self.assertSummary(last, 2, 1)

    def test_missing_ruchyd_is_a_clear_error(self):
        self.write("x.ruchy", "")
        env = dict(os.environ)
        proc = subprocess.run([sys.executable, RUNNER, "--ruchyd", "/nonexistent/ruchyd",
                               "--test-root", self.root], capture_output=True, text=True,
                              env=env)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("no executable ruchyd at /nonexistent/ruchyd", proc.stderr)
        self.assertIn("bazel build //tools/ruchyd", proc.stderr)

    def test_last_line_and_status_with_only_passes_and_skips(self):
        self.write("k/a.ruchy", "")
        self.write("k/b.ruchy", "//! exit 5\n")
        rc, out, _, last = self.run_runner("--variants", "default",
                                           status="k/b.ruchy SKIP  # broken\n")
        self.assertEqual(rc, 0, out)
        self.assertSummary(last, 1, 0, 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
