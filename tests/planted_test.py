#!/usr/bin/env python3
"""The evaluator catches every planted wrong candidate with the right verdict.

Data-driven: each tests/planted/<dir>/verdicts.tsv lists (kernel, candidate, verdict,
reason text); adding a planted candidate is a file plus a row, adding a kernel's set is a
directory (tests/meson.build makes one test per directory, so they run in parallel). Every
kernel named in a table also evaluates its own ker0 (which must be ok), with two seeds.
Usage: planted_test.py DIR (a directory name under tests/planted/).
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import unittest

from eok_cli import EOK, SRC, clean_env, kernel_layout, scratch_dir

PLANTED = kernel_layout.planted_root(SRC)
TIMEOUT_S = 10  # eval.timeout_s for these runs: the infinite loop's verdict comes after this


DIR = None  # set from argv in __main__


def load_table():
    rows = []
    table = os.path.join(PLANTED, DIR, "verdicts.tsv")
    with open(table) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 3)
            if len(parts) < 3:
                raise ValueError(f"{table}:{number}: expected kernel candidate verdict [reason]")
            rows.append((number, parts[0], os.path.join(DIR, parts[1]), parts[2], parts[3] if len(parts) > 3 else ""))
    return rows


def evaluate(workdir, kernel, candidate, *extra, measure=False):
    env = clean_env()
    env["XDG_CONFIG_HOME"] = workdir  # no user eok.toml
    # Only a measurement can be implausible or show the measured call's own outputs: those rows run the model too.
    perf = [] if measure else ["--no-perf"]
    r = subprocess.run([EOK, "eval", "--kernel", os.path.join(SRC, "kernels", kernel), "--candidate", candidate,
                        "--json", *perf, "--set", f"eval.timeout_s={TIMEOUT_S}", *extra],
                       capture_output=True, text=True, cwd=workdir, env=env, timeout=600)
    if r.returncode not in (0, 1) or not r.stdout.startswith("{"):
        raise AssertionError(f"eok eval {kernel} {candidate}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
    return r.returncode, json.loads(r.stdout)


class Planted(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-planted-")

    def test_every_planted_candidate_gets_its_verdict(self):
        rows = load_table()
        self.assertTrue(rows)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            futures = {pool.submit(evaluate, self.dir, k, os.path.join(PLANTED, c), measure=v == "implausible" or "(the measured call" in why): (n, k, c, v, why)
                       for n, k, c, v, why in rows}
            for fut, (n, kernel, cand, verdict, why) in futures.items():
                code, j = fut.result()
                with self.subTest(row=n, candidate=cand):
                    self.assertEqual(j["schema_version"], 1)
                    self.assertEqual(j["verdict"], verdict, f"{DIR}/verdicts.tsv:{n}: {cand}: {j['reason']}")
                    self.assertIn(why, j["reason"], f"{DIR}/verdicts.tsv:{n}: {cand}")
                    self.assertEqual(code, 0 if verdict == "ok" else 1)
                    if verdict == "wrong_output":
                        self.assertGreater(j["mismatch_count"], 0)
                        m = j["mismatches"][0]
                        self.assertEqual(set(m), {"shape", "arg", "index", "expected", "got"})
                    if verdict == "implausible":  # recorded with both figures, never a speedup
                        self.assertLess(j["measurement"]["cycles"], j["measurement"]["sol_cycles"])
                        self.assertEqual(j["speedup"], 0)
                    if verdict == "compile_failed":
                        self.assertIn("error", j["compiler_output"])
                    # No placeholder figures: without a measurement there is no measurement field.
                    if "measurement" not in j and verdict != "implausible":
                        self.assertNotIn("speedup", j)

    def test_ker0_of_every_kernel_in_the_table_passes(self):
        kernels = sorted({k for _, k, _, _, _ in load_table()})
        for kernel in kernels:
            source = kernel_layout.source_of(os.path.join(SRC, "kernels", kernel))
            for seed in ("1", "12345"):
                code, j = evaluate(self.dir, kernel, source, "--seed", seed)
                with self.subTest(kernel=kernel, seed=seed):
                    self.assertEqual(j["verdict"], "ok", j["reason"] + j["program_output"])
                    self.assertEqual(j["seed"], int(seed))


class EvalOptions(unittest.TestCase):
    """Knobs, flags and seeds reach the evaluator (run with the relu set)."""

    def setUp(self):
        if DIR != "relu":
            self.skipTest("runs with the relu set only")
        self.dir = scratch_dir(self, "eok-planted-")

    def test_knobs_and_flags_reach_the_compiler(self):
        relu = os.path.join(SRC, "kernels", "nn", "relu", "relu.c")
        for lmul in ("1", "2", "4", "8"):
            code, j = evaluate(self.dir, "nn/relu", relu, "--define", f"EOK_LMUL={lmul}", "--flag", "-O3")
            self.assertEqual(j["verdict"], "ok", j["reason"])
        code, j = evaluate(self.dir, "nn/relu", relu, "--define", "EOK_LMUL=3")
        self.assertEqual(j["verdict"], "rejected")
        self.assertEqual(j["reason"], "knob EOK_LMUL=3 is not one of its values")
        code, j = evaluate(self.dir, "nn/relu", relu, "--flag", "-fplugin=/tmp/x.so")
        self.assertEqual(j["verdict"], "rejected")

    def test_seed_changes_the_inputs_and_is_reported(self):
        bad = os.path.join(PLANTED, "relu", "nan_passthrough.c")
        _, a = evaluate(self.dir, "nn/relu", bad, "--seed", "1")
        _, b = evaluate(self.dir, "nn/relu", bad, "--seed", "2")
        _, a2 = evaluate(self.dir, "nn/relu", bad, "--seed", "1")
        self.assertEqual(a["mismatches"], a2["mismatches"])
        self.assertNotEqual(a["mismatches"], b["mismatches"])


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isfile(os.path.join(PLANTED, sys.argv[1], "verdicts.tsv")):
        sys.exit("usage: planted_test.py DIR (a directory of tests/planted/ with a verdicts.tsv)")
    DIR = sys.argv.pop(1)
    unittest.main(verbosity=2)
