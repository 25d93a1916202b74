#!/usr/bin/env python3
"""End-to-end: the search learns from what it measured (issue 19). `eok tune` on mish with the
EoK search against the loopback LLM, whose every design reply forgets the tail (elements past the
last multiple of 8 are never written). The server answers with the fixed kernel only when a repair
prompt (operator R) carries the failing shape ("wrong at n=..."), so the stored winner can only
come from a repair that saw the evaluator's account. With search.repair = false the same replies
leave ker0 in place. The prompts also carry the parents' profiles on the model and their failed
children. Real client, evaluator (clang, QEMU, the X60 model) and SQLite cache."""
import os
import sqlite3
import unittest

from eok_cli import CROSS, clean_env, eok, llm_search_config, scratch_dir, settings
from scripted_llm import KERNELS, OPS, mish_fast, read, replace_once, reply, loopback_server


def kernels():
    fixed = mish_fast(read(KERNELS, "mish", "mish.c"))
    tail_bug = replace_once(fixed, "size_t left = n > 0 ? (size_t)n : 0;", "size_t left = n > 0 ? (size_t)n & ~(size_t)7 : 0;")
    return fixed, tail_bug


class TuneRepair(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-tune-repair-")
        self.server = None

    def tune(self, name, *sets, replies=None, ci=False):
        fixed, tail_bug = kernels()
        replies = replies or [
            # The fix, only for a repair prompt that says where the output was wrong.
            {"match": ["Task: nn/mish:", OPS["R"], "wrong at n="], "content": reply("fixed", fixed), "repeat": True},
            # Any other prompt (a repair without the account included) gets the tail bug again.
            {"match": "Task: nn/mish:", "content": reply("tail", tail_bug), "repeat": True},
        ]
        if self.server:
            self.server.stop()
        self.server = loopback_server(self, self.dir, {"replies": replies}, name=name)
        cache = os.path.join(self.dir, name.split("-")[0] + ".sqlite")
        config = llm_search_config(os.path.join(self.dir, name + ".toml"), os.path.join(self.dir, "work"), self.server,
                                   dict(parallel=1, iterations=1, population=2, generations=1, keep=2, thoughts=1, seed=5),
                                   cache=cache)
        r = eok("tune", "--config", config, "--cross-file", CROSS, *settings(*sets), *(["--ci"] if ci else []),
                os.path.join(KERNELS, "mish"), env=clean_env(EOK_API_KEY="sk-test-repair"), timeout=1200)
        self.assertEqual(r.returncode, 0, r.stderr)
        con = sqlite3.connect(cache)
        con.row_factory = sqlite3.Row
        return r, con, fixed, tail_bug

    def test_the_winner_comes_from_a_repair_that_carried_the_failing_shape(self):
        r, con, fixed, tail_bug = self.tune("on")
        rows = con.execute("SELECT c.* FROM candidates c JOIN runs r ON r.id = c.run_id "
                           "WHERE r.kernel = 'nn/mish' AND c.op <> 'knobs/flags'").fetchall()
        repairs = [x for x in rows if x["op"] == "R"]
        self.assertTrue(repairs)
        for x in repairs:
            self.assertTrue(x["slot"].endswith("/R"), x["slot"])
            self.assertEqual(x["source"], fixed)
            self.assertEqual(x["verdict"], "ok")
        failed = [x for x in rows if x["op"] != "R"]
        self.assertTrue(failed)
        for x in failed:
            self.assertEqual(x["source"], tail_bug)
            self.assertEqual(x["verdict"], "wrong_output")
        w = con.execute("SELECT * FROM winners WHERE kernel = 'nn/mish'").fetchone()
        self.assertIsNotNone(w)
        self.assertEqual(w["source"], fixed)
        self.assertTrue(w["candidate_slot"].endswith("/R") or w["parent"].endswith("/R"), (w["candidate_slot"], w["parent"]))
        self.assertGreater(w["speedup"], 1.0)
        self.assertIn(" repaired, ", r.stderr)

        prompts = [q for q in self.server.requests() if q["path"].endswith("/chat/completions")]
        fixes = [q for q in prompts if OPS["R"] in q["user"]]
        self.assertEqual(len(fixes), len(repairs))
        for q in fixes:
            self.assertIn("Failed kernel", q["user"])
            self.assertIn("What the evaluator found:\nwrong_output:", q["user"])
            self.assertIn("& ~(size_t)7", q["user"])
        designs = [q for q in prompts if OPS["R"] not in q["user"]]
        # Every design prompt shows its parents' profile on the model...
        for q in designs:
            self.assertIn("Profile on the target model: ", q["user"])
            self.assertIn("cycles (sched model)", q["user"])
            self.assertIn("Costliest:", q["user"])
        # ... and a parent whose children failed is shown with their account.
        self.assertTrue(any("Recent children of this kernel that failed" in q["user"] and "wrong at n=" in q["user"]
                            for q in designs))
        con.close()

    def test_without_repair_the_same_replies_leave_ker0(self):
        r, con, fixed, tail_bug = self.tune("off", "search.repair=false")
        ops = {x["op"] for x in con.execute("SELECT op FROM candidates")}
        self.assertNotIn("R", ops)
        w = con.execute("SELECT * FROM winners WHERE kernel = 'nn/mish'").fetchone()
        self.assertIsNotNone(w)
        self.assertNotEqual(w["source"], fixed)
        self.assertIn("ker0 stays", r.stdout + r.stderr)
        con.close()

    def test_a_time_budget_stores_the_best_so_far_and_the_next_run_goes_on(self):
        fixed, _ = kernels()
        slow = [{"match": "Task: nn/mish:", "content": reply("fixed", fixed), "repeat": True, "delay": 1.5}]
        # budget.seconds = 1: the first answer comes after it, so the search stops after one step.
        r, con, _, _ = self.tune("budget-1", "search.repair=false", "budget.seconds=1", replies=slow)
        self.assertIn("incomplete: time budget reached", r.stdout + r.stderr)
        w = con.execute("SELECT * FROM winners WHERE kernel = 'nn/mish'").fetchone()
        self.assertIsNotNone(w)  # the best so far, for builds and CI meanwhile
        self.assertEqual(w["source"], fixed)
        runs = con.execute("SELECT state FROM runs WHERE kernel = 'nn/mish'").fetchall()
        self.assertEqual([x["state"] for x in runs], ["aborted"])
        steps = con.execute("SELECT count(*) FROM candidates WHERE op <> 'knobs/flags'").fetchone()[0]
        con.close()
        # CI serves the stored winner without asking anything.
        r, con, _, _ = self.tune("budget-ci", "search.repair=false", replies=slow, ci=True)
        self.assertIn("cached", r.stdout)
        con.close()
        # The next run without the limit resumes the same run and finishes it.
        r, con, _, _ = self.tune("budget-2", "search.repair=false", replies=[dict(slow[0], delay=0)])
        self.assertRegex(r.stdout + r.stderr, r"EoK: \d+ evaluated .*, %d resumed" % steps)
        runs = con.execute("SELECT state FROM runs WHERE kernel = 'nn/mish'").fetchall()
        self.assertEqual([x["state"] for x in runs], ["complete"])
        self.assertGreater(con.execute("SELECT count(*) FROM candidates WHERE op <> 'knobs/flags'").fetchone()[0], steps)
        con.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
