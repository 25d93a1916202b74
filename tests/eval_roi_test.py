#!/usr/bin/env python3
"""Candidates that execute the region-of-interest markers themselves (inline asm, a data
word, a second begin) never get a measurement: the model runner counts only markers from
the harness's own eok_measured_call and wants the region entered and left once, so such
a run is verdict roi_violation (or rejected, where a static scan finds the encoding first)."""
import concurrent.futures
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from eok_cli import EOK, SRC, clean_env

RELU = os.path.join(SRC, "kernels", "nn", "relu")
CHEATS = ["relu_asm_end.c", "relu_word_end.c", "relu_asm_begin.c"]


def evaluate(candidate):
    workdir = tempfile.mkdtemp(prefix="eok-roi-")
    env = clean_env()
    env["XDG_CONFIG_HOME"] = workdir
    r = subprocess.run([EOK, "eval", "--kernel", RELU, "--candidate", os.path.join(SRC, "tests", "roi", candidate), "--json"],
                       capture_output=True, text=True, cwd=workdir, env=env, timeout=600)
    shutil.rmtree(workdir, ignore_errors=True)
    if not r.stdout.startswith("{"):
        raise AssertionError(f"{candidate}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
    return json.loads(r.stdout)


class RoiGuard(unittest.TestCase):
    def test_candidate_markers_never_measure(self):
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            verdicts = dict(zip(CHEATS, pool.map(evaluate, CHEATS)))
        for name, v in verdicts.items():
            with self.subTest(candidate=name):
                self.assertIn(v["verdict"], ("roi_violation", "rejected"), v["reason"])
                self.assertNotIn("measurement", v)
                if v["verdict"] == "roi_violation":
                    self.assertIn("region of interest violated", v["reason"])


if __name__ == "__main__":
    unittest.main()
