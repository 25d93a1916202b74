#!/usr/bin/env python3
"""End-to-end tests of `eok tune` with the LLM (EoK) search (issue 6): the real client over
HTTP to the project's loopback server (tests/llm_server.py), the real idea pool and RAG
index, the real evaluator (clang, QEMU, the X60 model) and a real SQLite cache.

The server answers by kernel and operator: each EoH operator and the thought-guided init
get a fixed kind of reply (slower correct, wrong but faster, not compiling, no code at all,
faster correct, unchanged), so what the search sees does not depend on which request
arrives first, and a transient 500 and a 429 with Retry-After are thrown in."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import time
import unittest

import eok_cli
from eok_cli import CROSS, EOK, llm_search_config, scratch_dir
from scripted_llm import KERNELS, PLAN, candidates, script, loopback_server


def clean_env():
    return eok_cli.clean_env(EOK_API_KEY="sk-test-tune")


def kind_of(source, code):
    for kind, text in code.items():
        if source == text:
            return kind
    return None


class TuneLlm(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-tune-llm-")

    def server(self, kernels, **kw):
        return loopback_server(self, self.dir, script(kernels, **kw))

    def config(self, name, server, extra=""):
        """A project eok.toml: T=2 iterations of P=2 searches, 2 thoughts, one EoH generation."""
        cache = os.path.join(self.dir, name + ".sqlite")
        path = llm_search_config(os.path.join(self.dir, name + ".toml"), os.path.join(self.dir, name + "-work"), server,
                                 dict(repair=False, parallel=2, iterations=2, population=2, generations=1, keep=2, thoughts=2,
                                      seed=7), cache=cache, llm=dict(concurrency=2), extra=extra)
        return path, cache

    def tune(self, config, kernels, *args, popen=False):
        report = os.path.join(self.dir, "report.json")
        if os.path.exists(report):
            os.remove(report)
        cmd = [EOK, "tune", "--config", config, "--cross-file", CROSS, "--report", report, *args,
               *[os.path.join(KERNELS, k) for k in kernels]]
        if popen:
            with open(os.path.join(self.dir, "killed.stderr"), "w") as err:
                return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=clean_env(), start_new_session=True)
        r = subprocess.run(cmd, capture_output=True, text=True, env=clean_env(), timeout=1500)
        data = None
        if os.path.exists(report):
            with open(report) as f:
                data = json.load(f)
        return r, data

    @staticmethod
    def wait_for_steps(cache, n, proc):
        """True once `n` search steps are in the cache while `proc` still runs."""
        deadline = time.time() + 600
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if not os.path.exists(cache):
                continue
            try:
                con = sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=5)
                recorded = con.execute("SELECT count(*) FROM candidates WHERE op <> 'knobs/flags'").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if recorded >= n:
                return proc.poll() is None
        return False

    @staticmethod
    def db(path):
        con = sqlite3.connect(path)
        con.row_factory = sqlite3.Row
        return con

    def llm_rows(self, con, kernel):
        return con.execute("SELECT c.* FROM candidates c JOIN runs r ON r.id = c.run_id "
                           "WHERE r.kernel = ? AND c.op <> 'knobs/flags' ORDER BY c.slot", (f"nn/{kernel}",)).fetchall()

    def winner(self, con, kernel):
        return con.execute("SELECT * FROM winners WHERE kernel = ?", (f"nn/{kernel}",)).fetchone()

    def test_fastest_correct_wins_wrong_never_and_same_seed_same_winners(self):
        kernels = ["relu", "mish", "convdw3x3s1"]
        code = candidates()
        server = self.server(kernels)
        config, cache = self.config("first", server)
        r, data = self.tune(config, kernels)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("EoK search with the openai LLM provider", r.stderr)
        reports = {k["kernel"]: k for k in data["kernels"]}
        requests = [q for q in server.requests() if q["path"].endswith("/chat/completions")]
        # Both transient failures were retried; every other request found its scripted reply.
        self.assertEqual([q["entry"] for q in requests].count(0), 1)
        self.assertEqual([q["entry"] for q in requests].count(1), 1)
        self.assertTrue(all(q["entry"] is not None for q in requests))

        con = self.db(cache)
        # 2 iterations x 2 searches x (2 thoughts + 5 operators) steps per kernel.
        steps = 2 * 2 * (2 + 5)
        answered = len(requests) - 2
        self.assertEqual(answered, steps * len(kernels))
        for k in kernels:
            rows = self.llm_rows(con, k)
            report = reports[f"nn/{k}"]
            with self.subTest(kernel=k):
                # The database records every step with its lineage.
                self.assertEqual(len(rows), steps, [x["slot"] for x in rows])
                self.assertEqual(len({x["slot"] for x in rows}), steps)
                prompts = {q["user"] for q in requests if f"Task: nn/{k}:" in q["user"]}
                self.assertEqual(len(rows), sum(1 for q in requests if f"Task: nn/{k}:" in q["user"] and q["entry"] > 1))
                for x in rows:
                    self.assertRegex(x["slot"], r"^t[01]/p[01]/(init[01]|g0/(E1|E2|M1|M2|M3))$")
                    self.assertRegex(x["prompt_hash"], r"^[0-9a-f]{64}$")
                    self.assertNotEqual(x["idea"], "")
                    self.assertNotEqual(x["parents"], "")
                    self.assertEqual(x["llm_model"], "scripted-model")
                    self.assertGreater(x["tokens"], 0)
                    op = x["op"]
                    kind = PLAN[op]
                    if op == "init":
                        self.assertNotEqual(x["thought"], "")
                    if kind == "garbage":
                        self.assertEqual(x["verdict"], "no_code")
                        self.assertEqual(x["generated"], 0)
                        continue
                    self.assertEqual(kind_of(x["source"], code[k]), kind, x["slot"])
                    self.assertEqual(x["description"], f"scripted {kind} candidate")
                    expect = {"wrong": "wrong_output", "broken": "compile_failed"}.get(kind, "ok")
                    self.assertEqual(x["verdict"], expect, (x["slot"], x["reason"][:400]))
                    self.assertEqual(bool(x["ok"]), expect == "ok")
                    if expect == "ok":
                        self.assertGreater(x["cycles"], 0)
                        self.assertGreater(x["sol_fraction"], 0)
                        self.assertIn('"schema_version"', x["verdict_json"])
                self.assertEqual(len(prompts), len({x["prompt_hash"] for x in rows}))

                # Every ok candidate of the run (LLM and post-pass) against the winner.
                passed = con.execute("SELECT c.* FROM candidates c JOIN runs r ON r.id = c.run_id "
                                     "WHERE r.kernel = ? AND c.ok = 1", (f"nn/{k}",)).fetchall()
                w = self.winner(con, k)
                self.assertIsNotNone(w)
                self.assertIn("core/spacemit-x60", w["model_version"])
                ker0 = report["ker0_cycles"]
                if k == "relu":
                    # On the memory bound already: every correct candidate is at best as fast.
                    self.assertEqual(report["status"], "ker0 stays", report)
                    self.assertGreaterEqual(min(x["cycles"] for x in passed), ker0)
                    self.assertEqual(w["candidate_slot"], "")
                    continue
                self.assertEqual(report["status"], "tuned", report)
                fastest = min(x["cycles"] for x in passed)
                self.assertEqual(w["cycles"], fastest)
                self.assertLess(w["cycles"], ker0)
                self.assertEqual(report["best_cycles"], fastest)
                # The winner descends from the scripted faster kernel, never from a wrong one.
                llm_fast = [x for x in rows if x["ok"] and kind_of(x["source"], code[k]) == "fast"]
                self.assertTrue(llm_fast)
                self.assertEqual(w["source"], code[k]["fast"])
                self.assertTrue(w["parent"].endswith("/g0/M2"), w["parent"])
                self.assertEqual(w["thought"] == "", True)
                self.assertNotEqual(w["idea"], "")
                self.assertEqual(w["llm_model"], "scripted-model")
                self.assertLess(min(x["cycles"] for x in llm_fast), min(
                    x["cycles"] for x in rows if x["ok"] and kind_of(x["source"], code[k]) != "fast"))
                self.assertIn("LLM t", report["what"])

        # Same seed, same replies, fresh cache: the same winners and the same steps.
        first = {k: dict(self.winner(con, k)) for k in kernels}
        first_steps = {k: [(x["slot"], x["prompt_hash"], x["verdict"], x["cycles"]) for x in self.llm_rows(con, k)]
                       for k in kernels}
        con.close()
        config2, cache2 = self.config("second", server)
        r, _ = self.tune(config2, kernels)
        self.assertEqual(r.returncode, 0, r.stderr)
        con2 = self.db(cache2)
        for k in kernels:
            w = dict(self.winner(con2, k))
            for field in ("key", "source", "defines", "flags", "cycles", "candidate_slot", "parent", "idea"):
                self.assertEqual(w[field], first[k][field], (k, field))
            self.assertEqual([(x["slot"], x["prompt_hash"], x["verdict"], x["cycles"]) for x in self.llm_rows(con2, k)],
                             first_steps[k])
        con2.close()

    def test_a_recorded_run_replays_without_a_server_and_the_build_gets_the_winner(self):
        server = self.server(["mish"])
        transcript = os.path.join(self.dir, "mish.transcript.jsonl")
        config, cache = self.config("live", server)
        r, data = self.tune(config, ["mish"], "--set", f"llm.record_file={transcript}")
        self.assertEqual(r.returncode, 0, r.stderr)
        live = data["kernels"][0]
        self.assertEqual(live["status"], "tuned")
        asked = len([q for q in server.requests() if q["path"].endswith("/chat/completions") and q["entry"] > 1])
        with open(transcript) as f:
            self.assertEqual(len(f.readlines()), asked)
        server.stop()

        # The replay provider answers from the transcript by prompt hash: no server at all.
        replay, replay_cache = self.config("replay", server)
        r, data = self.tune(replay, ["mish"], "--set", "llm.provider=replay", "--set", f"llm.replay_file={transcript}")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("EoK search with the replay LLM provider", r.stderr)
        again = data["kernels"][0]
        self.assertEqual((again["status"], again["what"], again["best_cycles"]), (live["status"], live["what"], live["best_cycles"]))
        con, con2 = self.db(cache), self.db(replay_cache)
        self.assertEqual(dict(self.winner(con, "mish"))["source"], dict(self.winner(con2, "mish"))["source"])
        self.assertEqual([(x["slot"], x["prompt_hash"], x["verdict"]) for x in self.llm_rows(con, "mish")],
                         [(x["slot"], x["prompt_hash"], x["verdict"]) for x in self.llm_rows(con2, "mish")])
        con.close()
        con2.close()

        # The build's worker writes the LLM-born winner in place of ker0.
        src = os.path.join(KERNELS, "mish", "mish.c")
        out, dep = os.path.join(self.dir, "mish.eok.c"), os.path.join(self.dir, "mish.eok.c.d")
        r = subprocess.run([EOK, "substitute", "--config", replay, "--cross-file", CROSS, src, out, dep],
                           capture_output=True, text=True, env=clean_env(), timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(out) as f:
            self.assertIn(candidates()["mish"]["fast"], f.read())

    def test_budgets_end_the_search_cleanly_with_everything_recorded(self):
        server = self.server(["mish"])
        # budget.evals is per kernel: the LLM search stops at it (the P searches may each be one
        # step past the check), and the post-pass gets only what is left.
        config, cache = self.config("evals", server, extra="[budget]\nevals = 6\n")
        r, data = self.tune(config, ["mish"])
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertIn("stopped: budget.evals reached", k["detail"])
        con = self.db(cache)
        rows = self.llm_rows(con, "mish")
        with_code = [x for x in rows if x["generated"]]
        post = con.execute("SELECT count(*) FROM candidates WHERE op = 'knobs/flags'").fetchone()[0]
        self.assertGreaterEqual(len(with_code), 6)
        self.assertLessEqual(len(with_code), 6 + 1)
        self.assertEqual(post, max(0, 6 - len(with_code)))
        self.assertEqual(con.execute("SELECT state FROM runs").fetchone()[0], "complete")
        self.assertIsNotNone(self.winner(con, "mish"))
        con.close()

        # A token budget: the run ends before the next request, the winner so far is stored, and
        # the cache answers the next run.
        config, cache = self.config("tokens", server, extra="[budget]\ntokens = 20000\n")
        r, data = self.tune(config, ["mish"])
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertRegex(k["detail"], r"stopped: token budget")
        tokens = int(re.search(r"(\d+) tokens", k["detail"]).group(1))
        con = self.db(cache)
        rows = self.llm_rows(con, "mish")
        self.assertLess(len(rows), 2 * 2 * 7)
        # Each step's tokens are recorded; the run used at most one round of requests past the limit.
        self.assertEqual(sum(x["tokens"] for x in rows), tokens)
        self.assertLess(tokens - max(x["tokens"] for x in rows) * 2, 20000)
        self.assertEqual(con.execute("SELECT state FROM runs").fetchone()[0], "complete")
        con.close()
        r, data = self.tune(config, ["mish"])
        self.assertEqual(data["kernels"][0]["status"], "cached")

    def test_an_llm_outage_fails_the_kernel_keeps_the_steps_and_the_next_run_resumes(self):
        server = self.server(["mish"], delay=0.2)
        config, cache = self.config("outage", server, extra="[budget]\nseconds = 600\n")
        p = self.tune(config, ["mish"], "--set", "llm.failure_limit=3", popen=True)
        # The endpoint goes away mid-run (connection refused from then on).
        self.assertTrue(self.wait_for_steps(cache, 5, p))
        server.stop()
        self.assertEqual(p.wait(timeout=600), 1)
        with open(os.path.join(self.dir, "killed.stderr")) as f:
            err = f.read()
        self.assertIn("the LLM gave no reply to 3 requests in a row", err)
        with open(os.path.join(self.dir, "report.json")) as f:
            k = json.load(f)["kernels"][0]
        self.assertEqual(k["status"], "failed")
        self.assertIn("the steps done are kept and the next run resumes", k["detail"])
        con = self.db(cache)
        self.assertIsNone(self.winner(con, "mish"))  # a partial search is not this key's answer
        self.assertEqual(con.execute("SELECT state FROM runs").fetchone()[0], "aborted")
        kept = {x["slot"] for x in self.llm_rows(con, "mish")}
        self.assertGreaterEqual(len(kept), 5)
        self.assertLess(len(kept), 28)
        self.assertTrue(all(x["verdict"] != "no_reply" for x in self.llm_rows(con, "mish")))
        con.close()

        # The endpoint is back (at a new address): the run resumes where it stopped.
        back = self.server(["mish"])
        config, _ = self.config("outage", back)
        r, data = self.tune(config, ["mish"])
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertEqual(k["status"], "tuned", k)
        self.assertRegex(k["detail"], rf"\b{len(kept)} resumed")
        asked = [q for q in back.requests() if q["path"].endswith("/chat/completions") and q["entry"] > 1]
        self.assertEqual(len(asked), 28 - len(kept))
        con = self.db(cache)
        self.assertEqual(len(self.llm_rows(con, "mish")), 28)
        self.assertEqual(con.execute("SELECT state FROM runs").fetchone()[0], "complete")
        con.close()

    def test_sigkill_mid_iteration_resumes_without_repeating_work(self):
        server = self.server(["mish"], delay=0.2)
        config, cache = self.config("killed", server, extra="")
        p = self.tune(config, ["mish"], popen=True)
        # Kill the whole process group (eok and its QEMU children) once 9 steps are recorded:
        # the first iteration has 14, so this is mid-iteration.
        if self.wait_for_steps(cache, 9, p):
            os.killpg(p.pid, signal.SIGKILL)
        p.wait(timeout=60)
        self.assertEqual(p.returncode, -signal.SIGKILL, "the run ended before it could be killed")
        con = sqlite3.connect(cache)
        before = {row[0] for row in con.execute("SELECT slot FROM candidates WHERE op <> 'knobs/flags'")}
        self.assertEqual(con.execute("SELECT state FROM runs").fetchone()[0], "running")
        con.close()
        self.assertGreaterEqual(len(before), 9)
        self.assertLess(len(before), 14)
        asked_before = len([q for q in server.requests() if q["path"].endswith("/chat/completions") and q["entry"] > 1])

        r, data = self.tune(config, ["mish"])
        self.assertEqual(r.returncode, 0, r.stderr)
        k = data["kernels"][0]
        self.assertEqual(k["status"], "tuned", k)
        note = re.search(r"EoK: (\d+) evaluated \((\d+) identical [^)]*\), \d+ repaired, (\d+) resumed, (\d+) LLM requests", k["detail"])
        self.assertIsNotNone(note, k["detail"])
        evaluated, identical, resumed, asked = (int(g) for g in note.groups())
        steps = 2 * 2 * (2 + 5)
        # Every step recorded before the kill is taken from the database, none asked or evaluated again.
        self.assertEqual(resumed, len(before))
        self.assertEqual(asked, steps - len(before))
        con = self.db(cache)
        runs = con.execute("SELECT * FROM runs").fetchall()
        self.assertEqual(len(runs), 1)  # the killed run continued, not a new one
        self.assertEqual(runs[0]["state"], "complete")
        rows = self.llm_rows(con, "mish")
        self.assertEqual(len(rows), steps)
        # The second run asked only for the steps it had no record of (plus at most the P requests
        # that were in flight when the first run died, which it never recorded).
        asked_total = len([q for q in server.requests() if q["path"].endswith("/chat/completions") and q["entry"] > 1])
        self.assertEqual(asked_total - asked_before, asked)
        self.assertLessEqual(asked_before - len(before), 2)
        # No code-bearing step was evaluated twice: evaluations = steps with code not in the journal.
        with_code = [x for x in rows if x["generated"] and x["slot"] not in before]
        self.assertEqual(evaluated, len(with_code))
        # Each scripted kind's code was already evaluated before the kill (the first iteration
        # asks every operator): every later identical source reuses its verdict instead of a rerun.
        self.assertEqual(identical, evaluated - len({x["source"] for x in with_code} - {
            x["source"] for x in rows if x["slot"] in before}))
        self.assertEqual(self.winner(con, "mish")["source"], candidates()["mish"]["fast"])
        con.close()


if __name__ == "__main__":
    unittest.main()
