#!/usr/bin/env python3
"""Integration tests of `eok tune` with the real evaluator (clang, QEMU, the X60 model):
the knob/flag search on a planted kernel, winners stored and found again, CI mode,
resume after a kill, and an offline run on a shipped kernel."""
import json
import os
import re
import shutil
import signal
import subprocess
import unittest

from eok_cli import CROSS, EOK, SRC, clean_env, scratch_dir

PLANTED = os.path.join(SRC, "tests", "tune", "nanclean")


class Tune(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-tune-")
        self.kernel = os.path.join(self.dir, "nanclean")
        shutil.copytree(PLANTED, self.kernel)
        self.config = os.path.join(self.dir, "eok.toml")
        self.cache = os.path.join(self.dir, "cache.sqlite")
        # Only the planted flag: -ffast-math lets clang fold isnan() away, so NaN inputs
        # come out as NaN instead of 0 and every such point must be rejected.
        with open(self.config, "w") as f:
            f.write(f'[paths]\ncache = "{self.cache}"\nwork = "{self.dir}/work"\n'
                    '[tune]\nstrategy = "exhaustive"\nbuiltin_flags = false\nflags = "-ffast-math"\n'
                    '[eval]\njobs = 2\n')

    def tune(self, *args, kernels=None):
        report = os.path.join(self.dir, "report.json")
        if os.path.exists(report):
            os.remove(report)
        cmd = [EOK, "tune", "--config", self.config, "--cross-file", CROSS, "--report", report, *args,
               *(kernels or [self.kernel])]
        r = subprocess.run(cmd, capture_output=True, text=True, env=clean_env(), timeout=1500)
        data = json.load(open(report)) if os.path.exists(report) else None
        return r, data

    def test_search_stores_a_verified_winner_found_again_and_ci_mode(self):
        # CI mode on an empty cache: a miss, exit 3, nothing evaluated.
        r, data = self.tune("--ci")
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(data["kernels"][0]["status"], "miss")
        self.assertIn("CI mode", r.stderr)
        r, data = self.tune("--ci", "--set", "tune.ci_tolerate_misses=true")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("eok: warning: 1 kernel(s) without a cached winner", r.stderr)

        r, data = self.tune()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("offline: no LLM configured (llm.provider = none)", r.stderr)
        k = data["kernels"][0]
        self.assertEqual(k["mode"], "offline knob/flag search")
        self.assertIn(k["status"], ("tuned", "ker0 stays"))
        # EOK_A, EOK_B in {1, 2, 4} with EOK_A * EOK_B <= 4: 6 pairs, times -ffast-math on/off.
        trials = k["trials"]
        self.assertEqual(len(trials), 12)
        for t in trials:
            self.assertLessEqual(t["defines"]["EOK_A"] * t["defines"]["EOK_B"], 4, t)
            if "-ffast-math" in t["flags"]:
                self.assertEqual(t["verdict"], "wrong_output", t)
            else:
                self.assertEqual(t["verdict"], "ok", t)
        self.assertNotIn("-ffast-math", k["what"])
        self.assertGreater(k["ker0_cycles"], 0)
        self.assertGreaterEqual(k["speedup"], 1.0)
        if k["status"] == "tuned":
            best = min(t["cycles"] for t in trials if t["verdict"] == "ok")
            self.assertEqual(k["best_cycles"], best)
        self.assertIn("nanclean", r.stdout)
        self.assertIn("speedup", r.stdout)
        # The paper's summary line over the kernels run (one here: its speedup is every figure).
        s = "%.3fx" % k["speedup"]
        self.assertIn(f"summary: {1 if k['speedup'] > 1 else 0} of 1 improved; speedup mean {s}, max {s}, 75% {s}, "
                      f"50% {s}, 25% {s}", r.stdout)

        # Found again: no evaluation at all.
        r, data = self.tune()
        self.assertEqual(r.returncode, 0, r.stderr)
        k2 = data["kernels"][0]
        self.assertEqual(k2["status"], "cached")
        self.assertEqual(k2["evaluations"], 0)
        self.assertEqual(k2["best_cycles"], k["best_cycles"])
        # CI mode is satisfied now.
        r, data = self.tune("--ci")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(data["kernels"][0]["status"], "cached")

        # Any change of the kernel source is a new key: a miss again.
        with open(os.path.join(self.kernel, "nanclean.c"), "a") as f:
            f.write("\n// edited\n")
        r, data = self.tune("--ci")
        self.assertEqual(r.returncode, 3, r.stderr)

    def test_a_killed_run_resumes_without_repeating_evaluations(self):
        cmd = [EOK, "tune", "--config", self.config, "--cross-file", CROSS, "--set", "eval.jobs=1", self.kernel]
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=clean_env(),
                             start_new_session=True)
        seen = []
        for line in p.stderr:
            seen.append(line)
            if re.search(r"\b3(/\d+)? evaluations", line):
                os.killpg(p.pid, signal.SIGKILL)
                break
        p.wait(timeout=60)
        self.assertTrue(any(re.search(r"\b3(/\d+)? evaluations", s) for s in seen), "".join(seen))
        r, data = self.tune("--set", "eval.jobs=1")
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertGreaterEqual(k["reused"], 3)
        self.assertEqual(k["evaluations"], 12)

    def test_shipped_kernel_offline_with_builtin_flags(self):
        with open(self.config, "w") as f:
            f.write(f'[paths]\ncache = "{self.cache}"\nwork = "{self.dir}/work"\n'
                    '[budget]\nevals = 3\n[eval]\njobs = 2\n')
        r, data = self.tune(kernels=[os.path.join(SRC, "kernels", "nn", "clip")])
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertEqual(k["evaluations"], 3)
        self.assertEqual(k["strategy"], "evolutionary")  # LMUL x 3 flag options is more than 3 points
        # ker0's point first: its default LMUL, no extra flags.
        self.assertEqual(k["trials"][0]["defines"], {"EOK_LMUL": 8})
        self.assertEqual(k["trials"][0]["flags"], [])
        self.assertTrue(all(t["verdict"] == "ok" for t in k["trials"]), k["trials"])


if __name__ == "__main__":
    unittest.main()
