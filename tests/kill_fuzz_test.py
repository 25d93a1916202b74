#!/usr/bin/env python3
"""Kill-fuzz of `eok tune` (issue 13's acceptance): SIGKILL the whole process group at random
moments, at least 50 times, over several kernels in one run, resuming each time; then check
that the cache is sound (PRAGMA integrity_check), that no search step was recorded twice for a
key, and that the final winners equal those of an uninterrupted run on a fresh cache.

Kept lean for CI: the planted nanclean kernel (6 knob points) and relu (4 LMUL values), no
extra flags, exhaustive strategy, random kill delays of 0.05-1.5 s. EOK_KILL_FUZZ_KILLS and
EOK_KILL_FUZZ_SEED change the count and the random sequence (printed on failure)."""
import os
import random
import signal
import sqlite3
import subprocess
import time
import unittest

from eok_cli import CROSS, EOK, SRC, clean_env, scratch_dir

KERNELS = [os.path.join(SRC, "tests", "tune", "nanclean"), os.path.join(SRC, "kernels", "nn", "relu")]
KILLS = int(os.environ.get("EOK_KILL_FUZZ_KILLS", "50"))
SEED = int(os.environ.get("EOK_KILL_FUZZ_SEED", str(int(time.time()))))


class KillFuzz(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-kill-fuzz-")

    def command(self, name):
        config = os.path.join(self.dir, name + ".toml")
        with open(config, "w") as f:
            f.write(f'[paths]\ncache = "{self.dir}/{name}.sqlite"\nwork = "{self.dir}/{name}-work"\n'
                    '[tune]\nstrategy = "exhaustive"\nbuiltin_flags = false\n'
                    '[eval]\njobs = 2\n')
        return [EOK, "tune", "--config", config, "--cross-file", CROSS, *KERNELS], os.path.join(self.dir, name + ".sqlite")

    def winners(self, cache):
        db = sqlite3.connect(cache)
        try:
            return db.execute("SELECT kernel, source, defines, flags, cycles FROM winners ORDER BY kernel").fetchall()
        finally:
            db.close()

    def test_random_sigkills_lose_nothing_duplicate_nothing_and_change_no_winner(self):
        rng = random.Random(SEED)
        cmd, cache = self.command("killed")
        kills = 0
        finished_early = 0
        while kills < KILLS:
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=clean_env(),
                                 start_new_session=True)
            try:
                p.wait(timeout=rng.uniform(0.05, 1.5))
                finished_early += 1  # the run completed before its kill: start the next one afresh
                self.assertEqual(p.returncode, 0, f"seed {SEED}: an unkilled run failed")
                os.remove(cache)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                kills += 1
        self.assertLess(finished_early, KILLS, f"seed {SEED}: the kill delays never hit a running tune")

        work = os.path.join(self.dir, "killed-work")
        self.assertTrue(os.listdir(work), "the killed runs left scratch behind")
        r = subprocess.run(cmd, capture_output=True, text=True, env=clean_env(), timeout=900)
        self.assertEqual(r.returncode, 0, f"seed {SEED}: {r.stderr}")
        # The scratch of every killed run is gone (removed by the next evaluator), its own too.
        self.assertEqual(os.listdir(work), [], f"seed {SEED}")
        db = sqlite3.connect(cache)
        try:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)], f"seed {SEED}")
            dup = db.execute("SELECT r.key, c.slot, count(*) FROM candidates c JOIN runs r ON r.id = c.run_id "
                             "GROUP BY r.key, c.slot HAVING count(*) > 1").fetchall()
            self.assertEqual(dup, [], f"seed {SEED}: search steps recorded twice")
            steps = db.execute("SELECT count(*) FROM candidates").fetchone()[0]
            self.assertEqual(steps, 6 + 4, f"seed {SEED}")  # every knob point once: nanclean 6, relu 4
        finally:
            db.close()

        ref_cmd, ref_cache = self.command("reference")
        r = subprocess.run(ref_cmd, capture_output=True, text=True, env=clean_env(), timeout=900)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.winners(cache), self.winners(ref_cache), f"seed {SEED}")
        self.assertEqual(len(self.winners(cache)), 2)


if __name__ == "__main__":
    unittest.main()
