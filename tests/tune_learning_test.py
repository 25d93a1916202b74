#!/usr/bin/env python3
"""End-to-end test of learned thought effectiveness (issue 6, ideas/FORMAT.md "Learned
effectiveness"): `eok tune` with the LLM search against the loopback server stores what its
run learned in the cache under the target's core, the next run starts from it, a resumed run
never applies its change twice, and search.learn = false leaves it alone. (Learning on one core
not steering another is unit-tested in cache::learning: the model runner knows one core only.)

The scripted init replies are slower than ker0 (tests/scripted_llm.py PLAN), so every sampled
thought scores 0 on each update: value = prior * (1 - 0.3) ** updates (search/effectiveness.hpp)."""
import glob
import os
import sqlite3
import tomllib
import unittest

from eok_cli import CROSS, SRC, clean_env, eok, llm_search_config, scratch_dir
from scripted_llm import KERNELS, script, loopback_server


def priors():
    out = {}
    for path in glob.glob(os.path.join(SRC, "ideas", "*.toml")):
        with open(path, "rb") as f:
            for t in tomllib.load(f)["thought"]:
                out[t["id"]] = t["effectiveness"]
    return out


class TuneLearning(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-tune-learning-")
        self.server = loopback_server(self, self.dir, script(["relu"], transient=False))
        self.cache = os.path.join(self.dir, "cache.sqlite")
        self.config = llm_search_config(os.path.join(self.dir, "eok.toml"), os.path.join(self.dir, "work"), self.server,
                                        dict(repair=False, parallel=2, iterations=1, population=2, generations=1, keep=2,
                                             thoughts=2, seed=3), cache=self.cache)

    def tune(self, *args):
        r = eok("tune", "--config", self.config, "--cross-file", CROSS, *args, os.path.join(KERNELS, "relu"),
                env=clean_env(EOK_API_KEY="sk-test"), timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def query(self, sql, *params):
        con = sqlite3.connect(self.cache)
        try:
            rows = con.execute(sql, params).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def learned(self, core="spacemit-x60"):
        return {t: (v, n) for t, v, n in self.query("SELECT thought, value, updates FROM thought_learning WHERE core = ?", core)}

    def check_rule(self, learned):
        p = priors()
        for thought, (value, updates) in learned.items():
            self.assertAlmostEqual(value, p[thought] * 0.7 ** updates, places=9, msg=thought)

    def test_learning_persists_per_core_and_a_resumed_run_applies_it_once(self):
        self.tune()
        first = self.learned()
        # Exactly the thoughts the run's init steps applied, one update per search that sampled each.
        sampled = self.query("SELECT thought, count(DISTINCT substr(slot, 1, instr(slot, '/init') - 1)) FROM candidates "
                             "WHERE thought <> '' GROUP BY thought")
        self.assertTrue(sampled)
        self.assertEqual({t: n for t, n in sampled}, {t: n for t, (_, n) in first.items()})
        self.check_rule(first)
        r = eok("ideas", "list", "--dir", os.path.join(SRC, "ideas"), "--cache", self.cache)
        self.assertEqual(r.returncode, 0, r.stderr)
        for thought, (value, _) in first.items():
            self.assertRegex(r.stdout, rf"  \d\.\d\d  {thought} .*\n        learned {value:.2f} on spacemit-x60 ")

        # Killed after its learning was stored but before it was marked complete: the next
        # `eok tune` resumes that run (every step from the journal) and learns nothing twice.
        self.query("UPDATE runs SET state = 'running'")
        self.query("DELETE FROM winners")  # else the next `eok tune` serves the cached result
        asked = len(self.server.requests())
        r = self.tune()
        self.assertIn(" resumed", r.stderr)
        self.assertEqual(len(self.server.requests()), asked)
        self.assertEqual(len(self.query("SELECT id FROM runs")), 1)
        self.assertEqual(self.learned(), first)

        # A new run starts from the learned values and adds its own updates.
        self.query("DELETE FROM winners")
        self.tune()
        self.assertEqual(len(self.query("SELECT id FROM runs")), 2)
        new_uid = self.query("SELECT uid FROM runs ORDER BY id DESC LIMIT 1")[0][0]
        starts = dict(self.query("SELECT thought, start FROM learning_runs WHERE run_uid = ?", new_uid))
        for thought, (value, _) in first.items():
            self.assertAlmostEqual(starts[thought], value, places=12)
        second = self.learned()
        self.assertGreater(sum(n for _, n in second.values()), sum(n for _, n in first.values()))
        self.check_rule(second)

        # search.learn = false: the run starts from the priors and stores nothing.
        self.query("DELETE FROM winners")
        self.tune("--set", "search.learn=false")
        self.assertEqual(len(self.query("SELECT id FROM runs")), 3)
        self.assertEqual(self.learned(), second)
        self.assertEqual(self.query("SELECT DISTINCT core FROM thought_learning"), [("spacemit-x60",)])


if __name__ == "__main__":
    unittest.main()
