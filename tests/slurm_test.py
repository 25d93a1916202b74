#!/usr/bin/env python3
"""eval.executor = slurm against a real Slurm cluster started by the test (tests/slurm_cluster.py:
munged, slurmctld and slurmd on loopback): `eok tune` sends every evaluation as an `srun` job of
`eok eval --json`, and gets the same verdicts, figures and winner as the local executor; a job
cancelled with scancel is resubmitted; a node drained and resumed mid-run delays but changes
nothing; a SIGKILLed eok resumes, cancels the jobs it left behind, and ends with the same winner."""
import os
import signal
import sqlite3
import subprocess
import time
import unittest

from eok_cli import CROSS, EOK, SRC, SharedScratch, settings
from slurm_cluster import Cluster

KERNEL = os.path.join(SRC, "kernels", "nn", "clip")
SETTINGS = settings("budget.evals=5", "eval.jobs=2", "search.seed=4", "tune.strategy=random")


def rows(cache):
    con = sqlite3.connect(cache)
    try:
        cands = con.execute("SELECT slot, verdict, cycles, sol_fraction, speedup FROM candidates ORDER BY slot").fetchall()
        winners = con.execute("SELECT kernel, source, defines, flags, cycles, speedup FROM winners").fetchall()
        return cands, winners
    finally:
        con.close()


@unittest.skipIf(Cluster.available(), Cluster.available())
class Slurm(SharedScratch):
    @classmethod
    def setUpClass(cls):
        cls.dir = cls.shared_scratch_dir("eok-slurm-")
        cls.cluster = Cluster(cls.dir).__enter__()
        cls.addClassCleanup(cls.cluster.__exit__, None, None, None)
        cls.env = {k: v for k, v in cls.cluster.env.items() if not k.startswith("EOK_")}
        cls.env["XDG_CONFIG_HOME"] = cls.dir
        # srun through a logging wrapper, so the test sees every submission.
        cls.srun_log = os.path.join(cls.dir, "srun.log")
        cls.srun = os.path.join(cls.dir, "srun-logged")
        with open(cls.srun, "w") as f:
            f.write(f"#!/bin/sh\necho \"$@\" >> {cls.srun_log}\nexec srun \"$@\"\n")
        os.chmod(cls.srun, 0o755)
        cls.local = os.path.join(cls.dir, "local.sqlite")
        cls.tune(cls.local, [])

    @classmethod
    def command(cls, cache, extra):
        return [EOK, "tune", "--cache", cache, "--cross-file", CROSS, "--set", f"paths.work={cls.dir}/work",
                *SETTINGS, *extra, KERNEL]

    @classmethod
    def tune(cls, cache, extra):
        r = subprocess.run(cls.command(cache, extra), capture_output=True, text=True, env=cls.env, cwd=cls.dir, timeout=900)
        if r.returncode != 0:
            raise AssertionError(f"exit {r.returncode}\n{r.stdout}\n{r.stderr}\n{cls.cluster.logs()}")
        return r

    def slurm_settings(self, shared):
        return settings("eval.executor=slurm", f"slurm.srun={self.srun}", f"slurm.shared_dir={shared}", "slurm.time_min=5")

    def submissions(self):
        if not os.path.exists(self.srun_log):
            return 0
        with open(self.srun_log) as f:
            return sum(1 for _ in f)

    def wait_for_job(self, proc, timeout=300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            jobs = [j for j in self.cluster.jobs() if j[1].startswith("eok-")]
            if jobs:
                return jobs
            self.assertIsNone(proc.poll(), "eok tune ended before any job was seen")
            time.sleep(0.2)
        self.fail("no eok job appeared in squeue")

    def test_same_verdicts_and_winner_as_local(self):
        cache = os.path.join(self.dir, "slurm.sqlite")
        before = self.submissions()
        self.tune(cache, self.slurm_settings(os.path.join(self.dir, "shared1")))
        self.assertEqual(rows(cache), rows(self.local))
        cands, _ = rows(cache)
        self.assertEqual(self.submissions() - before, len(cands))  # one job per evaluation
        with open(self.srun_log) as f:
            line = f.readline()
        self.assertIn("--export=PATH,HOME", line)
        self.assertIn(" eval --kernel ", line)

    def test_a_cancelled_job_is_resubmitted_and_a_drained_node_only_delays(self):
        cache = os.path.join(self.dir, "cancel.sqlite")
        before = self.submissions()
        proc = subprocess.Popen(self.command(cache, self.slurm_settings(os.path.join(self.dir, "shared2"))), env=self.env,
                                cwd=self.dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            jobs = self.wait_for_job(proc)
            subprocess.run(["scancel", jobs[0][0]], check=True, env=self.cluster.env)
            subprocess.run(["scontrol", "update", f"nodename={self.cluster.node}", "state=drain", "reason=eok-test"], check=True,
                           env=self.cluster.env)
            time.sleep(3)
            subprocess.run(["scontrol", "update", f"nodename={self.cluster.node}", "state=resume"], check=True, env=self.cluster.env)
            out, err = proc.communicate(timeout=900)
        finally:
            if proc.poll() is None:
                proc.kill()
        self.assertEqual(proc.returncode, 0, err + self.cluster.logs())
        self.assertEqual(rows(cache), rows(self.local))  # no executor_fault, same figures
        cands, _ = rows(cache)
        self.assertGreater(self.submissions() - before, len(cands))  # the cancelled job went again

    def test_a_killed_run_resumes_cancels_its_leftover_jobs_and_ends_the_same(self):
        cache = os.path.join(self.dir, "killed.sqlite")
        settings = self.slurm_settings(os.path.join(self.dir, "shared3"))
        proc = subprocess.Popen(self.command(cache, settings), env=self.env, cwd=self.dir, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        self.wait_for_job(proc)
        os.kill(proc.pid, signal.SIGKILL)  # eok only: its srun steps live on as orphans
        proc.wait()
        leftovers = [j[0] for j in self.cluster.jobs() if j[1].startswith("eok-")]
        log = self.cluster.path("log", "slurmctld.log")
        mark = os.path.getsize(log)
        self.tune(cache, settings)
        with open(log) as f:
            f.seek(mark)
            after = f.read()
        for job in leftovers:  # still queued or running when the run resumed: cancelled, not waited for
            self.assertIn(f"_slurm_rpc_kill_job: REQUEST_KILL_JOB JobId={job} ", after)
        self.assertEqual(rows(cache), rows(self.local))
        deadline = time.monotonic() + 30
        while [j for j in self.cluster.jobs() if j[1].startswith("eok-")] and time.monotonic() < deadline:
            time.sleep(0.5)
        self.assertEqual([j for j in self.cluster.jobs() if j[1].startswith("eok-")], [])
        con = sqlite3.connect(cache)
        try:
            states = con.execute("SELECT state FROM runs").fetchall()
        finally:
            con.close()
        self.assertEqual(states, [("complete",)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
