#!/usr/bin/env python3
"""`eok eval` measures ok candidates with the configured runner (model: X60 under QEMU)
and reports the speedup over ker0; candidates that are not ok carry no measurement."""
import json
import os
import subprocess
import unittest

from eok_cli import EOK, SRC, clean_env, kernel_layout, scratch_dir

RELU = os.path.join(SRC, "kernels", "nn", "relu")
PLANTED = kernel_layout.planted_dir("relu", SRC)


def evaluate(workdir, candidate, *extra):
    env = clean_env()
    env["XDG_CONFIG_HOME"] = workdir
    r = subprocess.run([EOK, "eval", "--kernel", RELU, "--candidate", candidate, "--json", *extra],
                       capture_output=True, text=True, cwd=workdir, env=env, timeout=600)
    if not r.stdout.startswith("{"):
        raise AssertionError(f"exit {r.returncode}\n{r.stdout}\n{r.stderr}")
    return json.loads(r.stdout)


class EvalPerf(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-evalperf-")

    def test_ker0_against_itself_is_speedup_one_and_scalar_is_slower(self):
        ker0 = evaluate(self.dir, kernel_layout.source_of(RELU))
        self.assertEqual(ker0["verdict"], "ok", ker0["reason"])
        m = ker0["measurement"]
        self.assertEqual(m["runner"], "model")
        self.assertGreater(m["cycles"], 0)
        self.assertGreater(m["sol_cycles"], 0)
        # Same code, same knobs: the model is deterministic and relu's cost is data-independent.
        self.assertAlmostEqual(ker0["speedup"], 1.0, places=9)
        self.assertGreater(ker0["timing"]["perf_s"], 0)

        scalar = evaluate(self.dir, os.path.join(PLANTED, "scalar_slow.c"))
        self.assertEqual(scalar["verdict"], "ok")
        self.assertLess(scalar["speedup"], 1.0)
        self.assertGreater(scalar["measurement"]["cycles"], m["cycles"])

    def test_wrong_candidates_are_not_measured(self):
        j = evaluate(self.dir, os.path.join(PLANTED, "nan_passthrough.c"))
        self.assertEqual(j["verdict"], "wrong_output")
        self.assertNotIn("measurement", j)
        self.assertNotIn("speedup", j)
        self.assertEqual(j["timing"]["perf_s"], 0)

    def test_no_perf_leaves_the_measurement_out(self):
        j = evaluate(self.dir, os.path.join(RELU, "relu.c"), "--no-perf")
        self.assertEqual(j["verdict"], "ok")
        self.assertNotIn("measurement", j)

    def test_eval_bench_runs_candidates_in_parallel_and_prints_the_split(self):
        env = clean_env()
        env["XDG_CONFIG_HOME"] = self.dir
        r = subprocess.run([EOK, "eval-bench", "--kernel", RELU, "--count", "4", "--jobs", "2"],
                           capture_output=True, text=True, cwd=self.dir, env=env, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"nn/relu: 4 candidates, 2 jobs, [0-9.]+ s wall: [0-9.]+ candidates/min")
        self.assertIn("verdicts: ok 4;", r.stdout)
        self.assertRegex(r.stdout, r"time split: compile \d+%, correctness \d+%, performance \d+%")


if __name__ == "__main__":
    unittest.main(verbosity=2)
