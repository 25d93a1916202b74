#!/usr/bin/env python3
"""Integration tests of `eok ideas`: the shipped pool loads and is complete; errors are located."""
import os
import re
import sqlite3
import subprocess
import unittest

from eok_cli import SRC, eok, scratch_dir

POOL = os.path.join(SRC, "ideas")


class IdeasCli(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-ideas-")

    def test_shipped_pool_has_enough_ideas_and_thoughts(self):
        r = eok("ideas", "list", "--dir", POOL)
        self.assertEqual(r.returncode, 0, r.stderr)
        m = re.search(r"^(\d+) ideas, (\d+) thoughts in ", r.stdout, re.M)
        self.assertIsNotNone(m, r.stdout)
        self.assertGreaterEqual(int(m.group(1)), 8)
        self.assertGreaterEqual(int(m.group(2)), 30)
        for topic in ("lmul-m8-streaming", "reciprocal-estimate-newton", "fp16-native-zvfh", "zicbop-prefetch",
                      "avoid-vrgather-high-lmul", "reduce-once-after-loop", "exp-range-reduction"):
            self.assertIn(topic, r.stdout)

    def test_show_thought_prints_code_and_rationale(self):
        r = eok("ideas", "show", "reciprocal-estimate-newton", "--dir", POOL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("idea arithmetic-strength", r.stdout)
        self.assertIn("__riscv_vfrec7_v_f32m4", r.stdout)
        self.assertIn("rationale:", r.stdout)

    def test_show_idea_lists_its_thoughts(self):
        r = eok("ideas", "show", "memory-access", "--dir", POOL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("principle:", r.stdout)
        self.assertIn("unit-stride-over-strided", r.stdout)

    def test_default_directory_comes_from_configuration(self):
        r = eok("ideas", "list", "--set", "paths.ideas=" + POOL, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        # ./ideas does not exist here: the pool shipped with eok is used.
        r = eok("ideas", "list", cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(" thoughts in " + os.path.join(SRC, "ideas"), r.stdout)
        # A configured directory that exists nowhere is an error naming it.
        r = eok("ideas", "list", "--set", "paths.ideas=no-such-pool", cwd=self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no-such-pool: idea pool directory not found (paths.ideas)", r.stderr)

    def test_unknown_id_and_malformed_file_are_errors(self):
        r = eok("ideas", "show", "no-such-thing", "--dir", POOL)
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown idea or thought 'no-such-thing'", r.stderr)
        bad = os.path.join(self.dir, "bad.toml")
        with open(bad, "w") as f:
            f.write('[idea]\nid = "bad"\nprinciple = "p"\n\n[[thought]]\nid = "t"\ndescription = "d"\n'
                    'effectiveness = 2.0\nrationale = "r"\ncode = "int x;"\n')
        r = eok("ideas", "list", "--dir", self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn(bad + ":8: thought[0].effectiveness: 2.000 is outside [0, 1]", r.stderr)

    def test_mine_assigns_optimisation_commits_to_thoughts(self):
        repo = os.path.join(self.dir, "lib")
        os.mkdir(repo)
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": self.dir,
               "PATH": os.environ.get("PATH", "")}
        subprocess.run(["git", "-C", repo, "init", "-q"], check=True, env=env)
        for msg in ["Initial import",
                    "exp: vector exp by range reduction and a polynomial instead of libm (faster)",
                    "Update copyright year",
                    "Speed up the quokka shuffler"]:
            subprocess.run(["git", "-C", repo, "commit", "-q", "--allow-empty", "-m", msg], check=True, env=env)
        r = eok("ideas", "mine", "--repo", repo, "--dir", POOL)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("4 commits read, 2 look like optimisations, 1 assigned to thoughts", r.stdout)
        self.assertRegex(r.stdout, r"exp-range-reduction \(1\):\n  [0-9a-f]{10} exp: vector exp")
        self.assertRegex(r.stdout, r"unassigned \(1, candidates for new thoughts\):\n  [0-9a-f]{10} Speed up the quokka")
        self.assertIn("no LLM configured (llm.provider = none): BM25 fallback", r.stdout)

    def test_mine_errors(self):
        r = eok("ideas", "mine", "--dir", POOL)
        self.assertEqual(r.returncode, 2)
        r = eok("ideas", "mine", "--repo", self.dir, "--limit", "0", "--dir", POOL)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--limit expects a positive number", r.stderr)
        r = eok("ideas", "mine", "--repo", self.dir, "--dir", POOL)  # not a git repository
        self.assertEqual(r.returncode, 1)
        self.assertIn(self.dir + ": git log HEAD failed: ", r.stderr)
    def test_learned_effectiveness_is_listed_beside_the_prior_and_can_be_reset(self):
        cache = os.path.join(self.dir, "cache.sqlite")
        open(cache, "w").close()  # an empty file: eok makes it a cache
        r = eok("cache", "list", "--cache", cache)
        self.assertEqual(r.returncode, 0, r.stderr)
        # What `eok tune` stores after a run (unit-tested in cache::learning), written directly.
        db = sqlite3.connect(cache)
        db.executemany("INSERT INTO thought_learning(core, thought, value, updates, last_run_uid, updated_at) "
                       "VALUES(?, ?, ?, ?, ?, '2026-01-02 03:04:05')",
                       [("spacemit-x60", "lmul-m8-streaming", 0.91, 4, "abcdef0123"),
                        ("other-core", "lmul-m8-streaming", 0.11, 1, "fedcba9876"),
                        ("spacemit-x60", "renamed-thought", 0.3, 2, "abcdef0123")])
        db.commit()
        db.close()
        r = eok("ideas", "list", "--dir", POOL, "--cache", cache)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"  0\.\d\d  lmul-m8-streaming .*\n"
                                   r"        learned 0\.11 on other-core \(1 update, last run fedcba98, 2026-01-02 03:04:05\)\n"
                                   r"        learned 0\.91 on spacemit-x60 \(4 updates, last run abcdef01, ")
        self.assertIn("3 learned values in " + cache, r.stdout)
        self.assertIn("not in the pool (renamed or removed; ignored): renamed-thought", r.stdout)
        r = eok("ideas", "show", "lmul-m8-streaming", "--dir", POOL, "--cache", cache, "--core", "spacemit-x60")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("(prior)\n        learned 0.91 on spacemit-x60", r.stdout)
        self.assertNotIn("other-core", r.stdout)
        r = eok("ideas", "reset-learning", "--cache", cache, "--core", "spacemit-x60")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("forgot 2 learned values", r.stdout)
        r = eok("ideas", "list", "--dir", POOL, "--cache", cache)
        self.assertIn("1 learned value in ", r.stdout)
        self.assertNotIn("spacemit-x60", r.stdout)
        r = eok("ideas", "list", "--dir", POOL, "--cache", os.path.join(self.dir, "none.sqlite"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("none.sqlite: no such cache file", r.stderr)


if __name__ == "__main__":
    unittest.main()
