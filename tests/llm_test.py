#!/usr/bin/env python3
"""Integration tests of the LLM client over real HTTP: `eok llm ask` against the
project's loopback server (tests/llm_server.py) with scripted replies and failures."""
import json
import os
import unittest

from eok_cli import clean_env, eok, llm_server_args, settings, scratch_dir
from scripted_llm import loopback_server

KEY = "sk-test-0123456789"

KERNEL = "void relu(float* x, size_t n)\n{\n  for (size_t i = 0; i < n; ++i) x[i] = x[i] > 0 ? x[i] : 0;\n}\n"
GOOD = "{Clamp at zero, one pass.}\n```c\n" + KERNEL + "```\n"


class Llm(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-llm-")

    def server(self, replies):
        return loopback_server(self, self.dir, {"replies": replies})

    def prompt(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def eok(self, *args, server=None, sets=()):
        server_args = llm_server_args(server) if server else []
        r = eok(*args, *server_args, *settings(*sets), cwd=self.dir, env=clean_env(EOK_API_KEY=KEY), timeout=120)
        self.assertNotIn(KEY, r.stdout + r.stderr)  # the key is never printed
        return r

    def ask_json(self, *args, **kw):
        r = self.eok("llm", "ask", "--json", *args, **kw)
        return r, json.loads(r.stdout) if r.stdout.strip() else None

    def test_one_prompt_code_description_tokens(self):
        s = self.server([{"content": GOOD, "usage": [120, 30]}])
        p = self.prompt("p.txt", "make relu faster")
        r, out = self.ask_json("--prompt-file", p, "--entry", "relu", server=s, sets=["llm.temperature=0.25"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(out["schema_version"], 1)
        res = out["results"][0]
        self.assertTrue(res["ok"])
        self.assertEqual(res["code"], KERNEL)
        self.assertEqual(res["description"], "Clamp at zero, one pass.")
        self.assertEqual((res["prompt_tokens"], res["completion_tokens"], res["attempts"]), (120, 30, 1))
        self.assertEqual(res["model"], "test-model")
        self.assertEqual(out["totals"]["requests"], 1)
        reqs = s.requests()
        self.assertEqual(len(reqs), 1)
        self.assertEqual(reqs[0]["path"], "/v1/chat/completions")
        self.assertEqual(reqs[0]["authorization"], "Bearer " + KEY)
        self.assertEqual(reqs[0]["user"], "make relu faster")
        self.assertEqual(reqs[0]["temperature"], 0.25)
        # Text output: the code as it would be compiled.
        r = self.eok("llm", "ask", "--prompt-file", p, "--entry", "relu", server=s,
                     sets=[])
        self.assertEqual(r.returncode, 1)  # the script is used up: 400 "no scripted reply" is not retried
        self.assertIn("failed: llm: HTTP 400: llm_server: no scripted reply", r.stdout)

    def test_every_failure_mode_is_retried_and_retry_after_is_honoured(self):
        s = self.server([
            {"mode": "status", "status": 429, "headers": {"Retry-After": "1"}, "message": "slow down"},
            {"mode": "status", "status": 500},
            {"mode": "drop"},
            {"mode": "truncated", "content": GOOD},
            {"mode": "short", "content": GOOD},
            {"mode": "empty_choices"},
            {"mode": "status", "status": 503},
            {"content": GOOD},
        ])
        p = self.prompt("p.txt", "go")
        r, out = self.ask_json("--prompt-file", p, "--entry", "relu", server=s, sets=["llm.max_retries=7"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(out["results"][0]["ok"])
        self.assertEqual(out["results"][0]["attempts"], 8)
        reqs = s.requests()
        self.assertEqual([q["entry"] for q in reqs], list(range(8)))
        self.assertGreaterEqual(reqs[1]["time"] - reqs[0]["time"], 1.0)  # waited what Retry-After asked
        for what in ("HTTP 429: slow down; retry 1 of 7 in 1.0 s (Retry-After)", "HTTP 500: scripted 500; retry 2 of 7",
                     "malformed reply: not valid JSON", "malformed reply: reply has an empty `choices` array", "HTTP 503"):
            self.assertIn(what, r.stderr)

    def test_retries_run_out_into_a_recorded_failure(self):
        s = self.server([{"mode": "status", "status": 502, "repeat": True}])
        p = self.prompt("p.txt", "go")
        r, out = self.ask_json("--prompt-file", p, server=s, sets=["llm.max_retries=2"])
        self.assertEqual(r.returncode, 1)
        res = out["results"][0]
        self.assertFalse(res["ok"])
        self.assertEqual(res["failure"], "llm: HTTP 502: scripted 502 (3 attempts)")
        self.assertEqual(len(s.requests()), 3)

    def test_timeout_is_respected_and_retried(self):
        s = self.server([{"content": GOOD, "delay": 30}, {"content": GOOD}])
        p = self.prompt("p.txt", "go")
        r, out = self.ask_json("--prompt-file", p, "--entry", "relu", server=s, sets=["llm.timeout_s=1"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(out["results"][0]["attempts"], 2)
        self.assertIn("no reply within 1.0 s; retry 1 of 4", r.stderr)
        reqs = s.requests()
        # The retry came long before the slow reply would have: the client gave up on it.
        self.assertLess(reqs[1]["time"] - reqs[0]["time"], 20)

    def test_budget_stops_cleanly_before_the_next_prompt(self):
        s = self.server([{"content": GOOD, "usage": [100, 50], "repeat": True}])
        ps = [self.prompt(f"p{i}.txt", f"prompt {i}") for i in range(3)]
        args = [a for p in ps for a in ("--prompt-file", p)]
        r, out = self.ask_json(*args, server=s, sets=["budget.tokens=120", "llm.concurrency=1"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual([x["sent"] for x in out["results"]], [True, False, False])
        self.assertEqual(out["stopped"], "token budget reached: 150 of 120 tokens")
        self.assertEqual(len(s.requests()), 1)
        # Cost budget from the price table.
        r, out = self.ask_json(*args, server=s, sets=["budget.cost=0.003", "llm.price_input=10", "llm.price_output=20",
                                                      "llm.concurrency=1"])
        self.assertEqual([x["sent"] for x in out["results"]], [True, True, False])  # 0.002 per prompt
        self.assertEqual(out["stopped"], "cost budget reached: 0.0040 of 0.0030")
        self.assertEqual(out["totals"]["cost"], 0.004)

    def test_concurrency_limit_holds_over_http(self):
        s = self.server([{"content": GOOD, "delay": 0.3, "repeat": True}])
        ps = [self.prompt(f"p{i}.txt", f"prompt {i}") for i in range(6)]
        args = [a for p in ps for a in ("--prompt-file", p)]
        r, out = self.ask_json(*args, server=s, sets=["llm.concurrency=2"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(all(x["ok"] for x in out["results"]))
        reqs = s.requests()
        self.assertEqual(len(reqs), 6)
        self.assertLessEqual(max(q["in_flight"] for q in reqs), 2)

    def test_record_then_replay_without_the_server(self):
        s = self.server([{"match": "first", "content": GOOD, "usage": [11, 22]},
                         {"match": "second", "content": "Sorry, no code today."},
                         {"match": "third", "mode": "status", "status": 500, "repeat": True}])
        ps = [self.prompt("a.txt", "first prompt"), self.prompt("b.txt", "second prompt"), self.prompt("c.txt", "third prompt")]
        args = [a for p in ps for a in ("--prompt-file", p)] + ["--entry", "relu"]
        transcript = os.path.join(self.dir, "rec", "transcript.jsonl")
        r1, live = self.ask_json(*args, "--record", transcript, server=s, sets=["llm.max_retries=1"])
        self.assertEqual(r1.returncode, 1)  # the second and third prompts gave no code
        s.stop()
        r2, replay = self.ask_json(*args, sets=["llm.provider=replay", f"llm.replay_file={transcript}"])
        self.assertEqual(r2.returncode, 1, r2.stderr)
        self.assertEqual(live["provider"], "openai+record")
        self.assertEqual(replay["provider"], "replay")
        keys = ("prompt_hash", "ok", "description", "code", "failure", "model", "prompt_tokens", "completion_tokens")
        self.assertEqual([{k: x[k] for k in keys} for x in live["results"]], [{k: x[k] for k in keys} for x in replay["results"]])
        self.assertEqual([x["failure"] for x in replay["results"]],
                         ["", "reply: no code block in reply", "llm: HTTP 500: scripted 500 (2 attempts)"])
        # A prompt that was never recorded: a failure naming the prompt and the transcript.
        other = self.prompt("d.txt", "never recorded")
        r3, miss = self.ask_json("--prompt-file", other, sets=["llm.provider=replay", f"llm.replay_file={transcript}"])
        self.assertEqual(r3.returncode, 1)
        self.assertIn("llm: replay: no recorded reply for prompt ", miss["results"][0]["failure"])
        self.assertIn(transcript, miss["results"][0]["failure"])

    def test_bad_credentials_end_the_run_with_one_error(self):
        s = self.server([{"mode": "status", "status": 401, "message": "invalid api key", "repeat": True}])
        p = self.prompt("p.txt", "go")
        r = self.eok("llm", "ask", "--prompt-file", p, server=s)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.strip(), f"eok: error: {s.url}/chat/completions: HTTP 401: invalid api key "
                                           "(check the API key: llm.api_key_env / llm.api_key_file)")
        self.assertEqual(len(s.requests()), 1)

    def test_key_from_a_file_and_no_usage_reported(self):
        s = self.server([{"content": GOOD, "mode": "no_usage"}])
        keyfile = self.prompt("key.txt", "sk-from-file\n")
        p = self.prompt("p.txt", "go")
        r = self.eok("llm", "ask", "--prompt-file", p, "--entry", "relu", server=s,
                     sets=["llm.api_key_env=NO_SUCH_VAR", f"llm.api_key_file={keyfile}"])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("sk-from-file", r.stdout + r.stderr)
        self.assertIn("(estimated)", r.stdout)
        self.assertIn("description: Clamp at zero, one pass.\n" + KERNEL, r.stdout)
        self.assertEqual(s.requests()[0]["authorization"], "Bearer sk-from-file")

    def test_embeddings(self):
        s = self.server([])
        r = self.eok("llm", "embed", "alpha", "beta", server=s)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("1: 8 dimensions:", r.stdout)
        self.assertIn("2: 8 dimensions:", r.stdout)
        self.assertEqual(s.requests()[0]["input"], ["alpha", "beta"])

    def test_unconfigured_provider_is_a_clear_error(self):
        p = self.prompt("p.txt", "go")
        r = self.eok("llm", "ask", "--prompt-file", p)
        self.assertEqual(r.returncode, 1)
        self.assertIn('eok: error: llm.provider is "none": set llm.provider = "openai"', r.stderr)
        r = self.eok("llm", "ask", "--prompt-file", p, sets=["llm.provider=openai"])
        self.assertIn("eok: error: llm.base_url is not set", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
