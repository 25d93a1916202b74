#!/usr/bin/env python3
"""Reliability and secrets (issue 13), each through the real path: the built `eok`, real
SQLite files, real clang and QEMU, real signals, and a loopback LLM server that echoes the
API key. One test (or a few) per numbered item of the issue; the kill-fuzz test is in
tests/kill_fuzz_test.py."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import unittest

from eok_cli import CROSS, EOK, SRC, clean_env, eok, scratch_dir
from scripted_llm import loopback_server

PLANTED = os.path.join(SRC, "tests", "tune", "nanclean")
KEY = "sk-live-0123456789abcdef-must-stay-secret"


class Base(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-reliability-")
        self.kernel = os.path.join(self.dir, "nanclean")
        shutil.copytree(PLANTED, self.kernel)
        self.cache = os.path.join(self.dir, "cache.sqlite")

    def config(self, extra="", name="eok.toml"):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(f'[paths]\ncache = "{self.cache}"\nwork = "{self.dir}/work"\n'
                    f'ideas = "{SRC}/ideas"\nrag = "{SRC}/rag_corpus"\n'
                    '[tune]\nstrategy = "exhaustive"\nbuiltin_flags = false\n[eval]\njobs = 2\n' + extra)
        return path

    def eok(self, *args, env=None, timeout=600):
        return eok(*args, env=env, timeout=timeout)

    def tune(self, *args, config=None, env=None, cross=(CROSS,)):
        cross_args = [a for c in cross for a in ("--cross-file", c)]
        return self.eok("tune", "--config", config or self.config(), *cross_args, *args, self.kernel, env=env)

    def rows(self, sql, path=None):
        db = sqlite3.connect(path or self.cache)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()


class WorkerThreads(Base):
    """Item 1: a cache fault while evaluations run on worker threads is a clean error."""

    def test_cache_write_failure_on_a_worker_thread_is_a_clean_exit_1(self):
        r = self.tune("--ci", "--set", "tune.ci_tolerate_misses=true")
        self.assertEqual(r.returncode, 0, r.stderr)
        # Every candidate record now fails, as a full disk or a lock held too long would.
        db = sqlite3.connect(self.cache)
        db.execute("CREATE TRIGGER injected BEFORE INSERT ON candidates BEGIN "
                   "SELECT RAISE(ABORT, 'injected cache fault'); END")
        db.commit()
        db.close()
        r = self.tune("--set", "eval.jobs=2", "--set", "budget.evals=4")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertNotIn("terminate called", r.stderr)
        self.assertIn("injected cache fault", r.stderr)
        self.assertIn("eok: error:", r.stderr)
        self.assertEqual(self.rows("PRAGMA integrity_check"), [("ok",)])


class CommandLine(Base):
    """Item 9: option values, --set values and --runner are usage errors (exit 2) that say what is wrong."""

    def test_usage_errors_exit_2_and_name_the_flag(self):
        r = self.eok("tune", "--cache", "--set", "budget.evals=2", self.kernel)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("option '--cache' needs a value, got the option '--set'", r.stderr)
        self.assertFalse(os.path.exists("--set"))
        r = self.eok("tune", "--set", "budget.evals=abc", self.kernel)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--set", r.stderr)
        r = self.eok("tune", "--runner", "quantum", self.kernel)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--runner: expected model or wall, got 'quantum'", r.stderr)


class CacheLocation(Base):
    """Item 8: a read-only cache directory still serves reads; writes blame the directory;
    a non-regular --cache is refused before SQLite opens it."""

    def as_other_user(self):
        """The command prefix, eok binary, cross file and config for a user the directory's
        permission bits apply to. Root writes through any permission bits, so as root eok runs as
        nobody (setpriv), from copies in this test's own 0755 directory: nobody may not traverse
        the checkout or the build directory (a clone under a 0700 directory, as mktemp makes)."""
        if os.geteuid() != 0:
            return [], EOK, CROSS, self.config()
        reach = os.path.join(self.dir, "reach")
        os.mkdir(reach)
        eok = shutil.copy2(EOK, os.path.join(reach, "eok"))
        cross = shutil.copy2(CROSS, os.path.join(reach, os.path.basename(CROSS)))
        for d in ("ideas", "rag_corpus"):
            shutil.copytree(os.path.join(SRC, d), os.path.join(reach, d))
        config = os.path.join(reach, "eok.toml")
        with open(config, "w") as f:
            f.write(f'[paths]\ncache = "{self.cache}"\nwork = "{self.dir}/work"\n'
                    f'ideas = "{reach}/ideas"\nrag = "{reach}/rag_corpus"\n'
                    '[tune]\nstrategy = "exhaustive"\nbuiltin_flags = false\n[eval]\njobs = 2\n')
        for root, dirs, files in os.walk(reach):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o755)
        os.chmod(reach, 0o755)
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], eok, cross, config

    def test_a_read_only_directory_serves_reads_and_writes_name_the_directory(self):
        store = os.path.join(self.dir, "ro")
        os.mkdir(store)
        cache = os.path.join(store, "cache.sqlite")
        r = self.eok("cache", "put", "--verified", "--cycles", "100", "--speedup", "2", "--cache", cache, "--cross-file", CROSS,
                     self.kernel)
        self.assertEqual(r.returncode, 0, r.stderr)
        os.chmod(self.dir, 0o755)
        os.chmod(cache, 0o666)  # the file is writable: only the directory is not
        os.chmod(store, 0o555)
        try:
            self.check_read_only_store(store, cache)
        finally:
            os.chmod(store, 0o755)

    def check_read_only_store(self, store, cache):
        before = sorted(os.listdir(store))
        user, eok, cross, config = self.as_other_user()

        def run(*args):
            return subprocess.run(user + [eok, *args], capture_output=True, text=True, env=clean_env(), timeout=300)

        r = run("cache", "list", "--cache", cache)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1 winners", r.stdout)
        r = run("tune", "--ci", "--config", config, "--cache", cache, "--cross-file", cross, self.kernel)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("test/nanclean: cached", r.stderr)
        out = os.path.join(self.dir, "out")  # the build-time lookup: the winner is substituted
        os.mkdir(out)
        os.chmod(out, 0o777)
        r = run("substitute", "--cache", cache, "--cross-file", cross, os.path.join(self.kernel, "nanclean.c"),
                os.path.join(out, "nanclean.c"), os.path.join(out, "nanclean.d"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("winner", r.stderr)
        r = run("cache", "put", "--verified", "--cycles", "90", "--speedup", "2", "--cache", cache, "--cross-file", cross,
                self.kernel)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {cache}: cannot write the database: the directory {store} is not writable", r.stderr)
        self.assertEqual(sorted(os.listdir(store)), before)  # no journal, -wal or -shm left
        self.assertEqual(self.rows("SELECT cycles FROM winners", cache), [(100.0,)])

    def test_non_regular_files_are_refused_before_sqlite_opens_them(self):
        fifo = os.path.join(self.dir, "fifo")
        os.mkfifo(fifo)
        link = os.path.join(self.dir, "link")
        os.symlink("/dev/null", link)
        journal_existed = os.path.exists("/dev/null-journal")
        for path, kind in (("/dev/null", "is a character device"), (self.dir, "is a directory"), (fifo, "is a FIFO"),
                           (link, "is a symbolic link to a character device")):
            for args in (("cache", "list"), ("cache", "put", "--cycles", "1", "--speedup", "1", "--cross-file", CROSS, self.kernel)):
                r = self.eok(*args, "--cache", path)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn(f"eok: error: {path}: {kind}, not a database file", r.stderr)
        self.assertEqual(os.path.exists("/dev/null-journal"), journal_existed)
        self.assertFalse(os.path.exists(fifo + "-journal"))


class Scratch(Base):
    """Item 11: scratch of dead processes is removed at start; an unwritable work path is named."""

    def test_stale_scratch_of_dead_processes_is_removed_live_ones_kept(self):
        work = os.path.join(self.dir, "work")
        dead = subprocess.Popen(["true"])
        dead.wait()
        stale = os.path.join(work, f"test-nanclean-{dead.pid}-0")
        live = os.path.join(work, f"test-nanclean-{os.getpid()}-3")
        other = os.path.join(work, "notes-of-the-user")
        for d in (stale, live, other):
            os.makedirs(os.path.join(d, "sub"))
        r = self.eok("eval", "--kernel", self.kernel, "--candidate", os.path.join(self.kernel, "nanclean.c"), "--no-perf",
                     "--cross-file", CROSS, "--set", f"paths.work={work}")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(work)), sorted([os.path.basename(live), os.path.basename(other)]))

    def test_an_unwritable_work_path_is_named(self):
        blocker = os.path.join(self.dir, "blocker")
        with open(blocker, "w") as f:
            f.write("a file where the work directory should go\n")
        work = os.path.join(blocker, "work")
        r = self.eok("eval", "--kernel", self.kernel, "--candidate", os.path.join(self.kernel, "nanclean.c"), "--no-perf",
                     "--cross-file", CROSS, "--set", f"paths.work={work}")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {work}/test-nanclean-", r.stderr)
        self.assertIn("cannot create the evaluation directory: Not a directory", r.stderr)
        r = self.tune("--set", f"paths.work={work}", "--set", "tune.builtin_flags=true", "--set", "budget.evals=1")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {work}/flag-probe-", r.stderr)
        self.assertIn("Not a directory", r.stderr)
        self.assertNotIn("internal error", r.stderr)


class SharedWork(Base):
    """Item 12: concurrent runs of one key claim points in the cache and share verdicts."""

    POINTS = 6  # nanclean's knob points (EOK_A * EOK_B <= 4)

    def start(self, name, config):
        report = os.path.join(self.dir, name + ".json")
        cmd = [EOK, "tune", "--config", config, "--cross-file", CROSS, "--report", report, self.kernel]
        return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env(),
                                start_new_session=True), report

    def evaluated(self, report):
        with open(report) as f:
            k = json.load(f)["kernels"][0]
        return k["evaluations"] - k["reused"], k

    def test_three_concurrent_runs_evaluate_each_point_once_and_agree(self):
        config = self.config("[budget]\nevals = 6\n").replace("jobs = 2", "jobs = 1")
        procs = [self.start(f"run{i}", config) for i in range(3)]
        reports = []
        for p, report in procs:
            _, err = p.communicate(timeout=600)
            self.assertEqual(p.returncode, 0, err)
            reports.append(self.evaluated(report))
        self.assertEqual(sum(n for n, _ in reports), self.POINTS, [k for _, k in reports])
        self.assertEqual({(k["what"], k["best_cycles"]) for _, k in reports}, {(reports[0][1]["what"], reports[0][1]["best_cycles"])})
        self.assertEqual(self.rows("SELECT count(*) FROM winners"), [(1,)])
        self.assertEqual(self.rows("SELECT count(*), count(DISTINCT point), count(run_id) FROM claims"),
                         [(self.POINTS, self.POINTS, self.POINTS)])
        self.assertEqual(self.rows("SELECT run_id, slot FROM candidates GROUP BY run_id, slot HAVING count(*) > 1"), [])
        self.assertEqual(self.rows("SELECT count(*), sum(state = 'complete') FROM runs"), [(3, 3)])
        self.assertEqual(self.rows("PRAGMA integrity_check"), [("ok",)])

    def test_a_killed_claimants_point_is_taken_over(self):
        config = self.config().replace("jobs = 2", "jobs = 1")
        p, _ = self.start("killed", config)
        claimed = []
        deadline = time.time() + 300
        while not claimed and time.time() < deadline and p.poll() is None:
            time.sleep(0.05)
            if os.path.exists(self.cache):
                try:
                    claimed = self.rows("SELECT point, owner_pid FROM claims WHERE run_id IS NULL")
                except sqlite3.OperationalError:
                    pass  # the schema is not there yet
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        self.assertTrue(claimed, "no open claim seen before the run ended")
        point, owner = claimed[0]
        self.assertEqual(owner, p.pid)
        q, report = self.start("after", config)
        _, err = q.communicate(timeout=600)
        self.assertEqual(q.returncode, 0, err)
        self.assertEqual(self.rows(f"SELECT owner_pid, run_id IS NOT NULL FROM claims WHERE point = '{point}'"), [(q.pid, 1)])
        self.assertEqual(self.rows("SELECT count(*) FROM claims WHERE run_id IS NULL"), [(0,)])
        self.assertEqual(self.rows("SELECT count(*) FROM candidates"), [(self.POINTS,)])


class InputChecks(Base):
    """Item 10: signature types, a non-clang cross compiler and a bad eok_vlen are file:line errors."""

    def cross_with(self, old, new):
        path = os.path.join(self.dir, "edited.ini")
        with open(CROSS) as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w") as f:
            f.write(text.replace(old, new))
        lines = text.replace(old, new).splitlines()
        return path, next(i + 1 for i, line in enumerate(lines) if new.splitlines()[0] in line)

    def edit_kernel(self, old, new):
        toml = os.path.join(self.kernel, "kernel.toml")
        with open(toml) as f:
            text = f.read()
        self.assertIn(old, text)
        with open(toml, "w") as f:
            f.write(text.replace(old, new))
        return toml

    def test_signature_types_must_match_the_args(self):
        toml = self.edit_kernel("const float* x", "const double* x")
        r = self.tune("--ci")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {toml}:17: args.x: type f32* is 'const double*' in kernel.signature", r.stderr)
        self.edit_kernel("const double* x, float* y", "const float* x, const float* y")
        r = self.tune("--ci")
        self.assertIn(f"{toml}:25: args.y: role out is written by the kernel, but kernel.signature declares it 'const float*'",
                      r.stderr)

    def test_gcc_as_cross_compiler_and_a_bad_vlen_blame_the_cross_file(self):
        cross, line = self.cross_with("c = ['clang' + llvm, '--target=riscv64-linux-gnu']", "c = ['riscv64-linux-gnu-gcc']")
        r = self.tune("--ci", cross=(cross,))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {cross}:{line}: c: 'riscv64-linux-gnu-gcc' is not clang", r.stderr)
        self.assertIn("RVV 1.0 intrinsics", r.stderr)
        cross, line = self.cross_with("eok_vlen = 256", "eok_vlen = '256'")
        r = self.eok("target", "--cross-file", cross)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"eok: error: {cross}:{line}: eok_vlen: the vector length in bits, an integer", r.stderr)


class Secrets(Base):
    """Items 2 and 3: the key never reaches a child, stderr, the cache or a transcript."""

    def wrapper(self, name, log):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(f'#!/bin/sh\nenv >> "{log}"\necho "----" >> "{log}"\nexec "$@"\n')
        os.chmod(path, 0o755)
        return path

    def test_children_get_a_minimal_environment_without_the_key(self):
        log = os.path.join(self.dir, "children.env")
        cc = self.wrapper("cc-wrapper", log)
        run = self.wrapper("run-wrapper", log)
        # A whole cross file whose compiler and exe_wrapper log their environment first.
        cross = os.path.join(self.dir, "wrapped.ini")
        with open(CROSS) as f:
            text = f.read()
        text = text.replace("c = ['clang' + llvm", f"c = ['{cc}', 'clang' + llvm")
        text = text.replace("exe_wrapper = ['qemu-riscv64'", f"exe_wrapper = ['{run}', 'qemu-riscv64'")
        with open(cross, "w") as f:
            f.write(text)
        env = clean_env(EOK_API_KEY=KEY, MY_PRIVATE_TOKEN=KEY + "-2", LANG="C.UTF-8")
        # The wrappers write their log outside the scratch directory: no Landlock for this one.
        r = self.eok("eval", "--kernel", self.kernel, "--candidate", os.path.join(self.kernel, "nanclean.c"), "--no-perf",
                     "--set", "target.cross_file=" + cross, "--set", "eval.sandbox=false", "--set", f"paths.work={self.dir}/work",
                     env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ok", r.stdout)
        with open(log) as f:
            text = f.read()
        self.assertGreaterEqual(text.count("----"), 4, text)  # compiles and links, ker0's and the candidate's QEMU runs
        self.assertNotIn(KEY, text)
        self.assertNotIn("EOK_API_KEY", text)
        self.assertNotIn("MY_PRIVATE_TOKEN", text)
        self.assertIn("PATH=", text)
        self.assertIn("LANG=C.UTF-8", text)

    def server(self, replies):
        return loopback_server(self, self.dir, {"replies": replies})

    def test_a_401_that_echoes_the_key_is_printed_redacted(self):
        s = self.server([{"mode": "status", "status": 401, "message": "invalid api key @AUTH@", "times": 9}])
        prompt = os.path.join(self.dir, "prompt.txt")
        with open(prompt, "w") as f:
            f.write("write relu\n")
        env = clean_env(EOK_API_KEY=KEY, EOK_LLM_PROVIDER="openai", EOK_LLM_BASE_URL=s.url, EOK_LLM_MODEL="m")
        r = self.eok("llm", "ask", "--prompt-file", prompt, env=env)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("invalid api key [redacted]", r.stderr)
        self.assertNotIn(KEY, r.stderr + r.stdout)
        self.assertTrue(all(req["authorization"] == "Bearer " + KEY for req in s.requests()))

    def test_replies_echoing_the_key_are_stored_and_recorded_redacted(self):
        with open(os.path.join(self.kernel, "nanclean.c")) as f:
            code = f.read()
        content = "{uses the key @AUTH@}\n```c\n// token @AUTH@\n" + code + "```\n"
        s = self.server([{"content": content, "repeat": True}])
        transcript = os.path.join(self.dir, "transcript.jsonl")
        config = self.config(f'[llm]\nprovider = "openai"\nbase_url = "{s.url}"\nmodel = "m"\n'
                             f'record_file = "{transcript}"\n'
                             '[search]\nrepair = false\nparallel = 1\niterations = 1\npopulation = 1\ngenerations = 1\nkeep = 1\n'
                             'thoughts = 1\n[budget]\nevals = 3\n')
        r = self.tune(config=config, env=clean_env(EOK_API_KEY=KEY))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(len(s.requests()), 0)
        self.assertNotIn(KEY, r.stderr + r.stdout)
        rows = self.rows("SELECT source, description, failure, reason, verdict_json FROM candidates")
        self.assertGreater(len(rows), 0)
        stored = json.dumps(rows) + json.dumps(self.rows("SELECT * FROM winners"))
        self.assertNotIn(KEY, stored)
        self.assertIn("[redacted]", stored)
        with open(transcript) as f:
            recorded = f.read()
        self.assertNotIn(KEY, recorded)
        self.assertIn("[redacted]", recorded)


class Verify(Base):
    """Item 4 with issue 12's `eok cache verify`: tampered and imported winners are re-checked here."""

    def cache_cmd(self, *args, cache=None):
        return self.eok("cache", *args, "--cache", cache or self.cache, "--cross-file", CROSS, env=clean_env())

    def test_an_imported_claim_that_does_not_reproduce_is_rejected_an_honest_one_comes_in(self):
        claims = os.path.join(self.dir, "claims.sqlite")
        r = self.cache_cmd("put", "--verified", "--cycles", "10", "--speedup", "50", self.kernel, cache=claims)
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.cache_cmd("merge", "--kernels", self.dir, claims)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("REJECTED: claims 10 cycles, below the speed-of-light bound of", r.stdout)
        self.assertEqual(self.rows("SELECT count(*) FROM winners"), [(0,)])
        # Above the bound but faster than it measures here: the claim does not reproduce.
        claims2 = os.path.join(self.dir, "claims2.sqlite")
        r = self.cache_cmd("put", "--verified", "--cycles", "140", "--speedup", "5", self.kernel, cache=claims2)
        r = self.cache_cmd("import", "--kernels", self.dir, claims2)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        # Model version 3 moved the bound above 140 for nanclean: either rejection keeps it out.
        self.assertRegex(r.stdout, r"REJECTED: claims 140 cycles, (measures \d+ here|below the speed-of-light bound)")
        self.assertEqual(self.rows("SELECT count(*) FROM winners"), [(0,)])
        # --no-verify: the user vouches for it.
        r = self.cache_cmd("merge", "--no-verify", claims)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(self.rows("SELECT cycles FROM winners"), [(10.0,)])
        # ...and `eok cache verify` then rejects it: kept for inspection, never applied.
        r = self.cache_cmd("verify", "--kernels", self.dir, "--all")
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("0 verified, 1 rejected", r.stdout)
        self.assertEqual(self.rows("SELECT verified FROM winners"), [(0,)])

        # An honest tuned cache comes in with the figures measured here.
        honest = os.path.join(self.dir, "honest.sqlite")
        r = self.tune("--set", "budget.evals=2", "--cache", honest)
        self.assertEqual(r.returncode, 0, r.stderr)
        (tuned_cycles,) = self.rows("SELECT cycles FROM winners", honest)[0]
        r = self.cache_cmd("import", "--kernels", self.dir, honest)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("verified: verified here: ok", r.stdout)
        self.assertEqual(self.rows("SELECT verified, cycles FROM winners"), [(1, tuned_cycles)])

    def test_a_winner_edited_in_place_is_not_substituted_and_verify_rejects_it(self):
        r = self.tune("--set", "budget.evals=2")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.cache_cmd("verify", self.kernel)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("1 verified, 0 rejected", r.stdout)
        db = sqlite3.connect(self.cache)
        db.execute("UPDATE winners SET source = replace(source, '2.0f', '3.0f')")
        db.commit()
        db.close()
        out = os.path.join(self.dir, "out.c")
        r = self.eok("substitute", "--cache", self.cache, "--cross-file", CROSS, os.path.join(self.kernel, "nanclean.c"), out,
                     out + ".d")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("fails its integrity check", r.stderr)
        with open(out) as f, open(os.path.join(self.kernel, "nanclean.c")) as g:
            self.assertEqual(f.read(), g.read())
        r = self.cache_cmd("verify", self.kernel)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn("REJECTED: verdict wrong_output", r.stdout)


if __name__ == "__main__":
    unittest.main()
