#!/usr/bin/env python3
"""`eok ideas mine` end to end: a real git repository made here (commits touching C, C++,
assembly and docs), real HTTP to the loopback LLM server (tests/llm_server.py) answering the
distillation prompts from a script and /v1/embeddings with scripted directions, then the
proposal file loaded by eok's strict pool loader. Also: the offline BM25 fallback, the token
budget, and a proposal path inside the pool refused."""
import os
import shutil
import subprocess
import sys
import tomllib
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SHIPPED = os.path.join(os.path.dirname(HERE), "ideas")
sys.path.insert(0, HERE)
from eok_cli import SharedScratch, clean_env, eok, llm_server_args, scratch_dir, settings  # noqa: E402
from scripted_llm import loopback_server  # noqa: E402  (the loopback server, stopped with its test)

KEY = "sk-test-mine"
FMA = "Replace a vector multiply followed by an add"  # fuse-multiply-add's description starts so


def distilled(name, description, idea="Cheaper instructions for the same result.", code="void k(void) {}\n"):
    return ("Reading the diff, the commit does this.\n```toml\nrelevant = true\n"
            f"name = \"{name}\"\nidea = \"{idea}\"\ndescription = \"{description}\"\n"
            f"applicability = \"Float loops.\"\ncode = '''\n#include <riscv_vector.h>\n{code}'''\n```\n")


def reply(subject, content):
    return {"match": "Subject: " + subject, "content": content}


REPLIES = [
    reply("gemm: fuse", distilled("fused-mac", FMA + " in the inner product.")),
    reply("sigmoid:", distilled("exp-table", "Use a table-driven exp: 2^(k/N) from a table, a short polynomial for the rest.")),
    reply("softmax:", distilled("table-exp", "Table lookup for exp in softmax.")),
    reply("transpose:", distilled("segment-loads", "Use segment loads (vlseg) instead of strided loads for interleaved data.")),
    reply("conv:", "Sure! The idea is packing.\n```toml\nidea = \"unterminated\n```\n"),
    reply("pool:", "```toml\nrelevant = false\n```"),
]
EMBEDDINGS = [  # distilled texts point away from every (positive, hashed) existing-thought vector
    {"match": FMA, "vector": [1, 1, 1, 1, 0, 0, 0, 0]},
    {"match": "table-driven exp", "vector": [-1, 0, 0, 0, 0, 0, 0, 0]},
    {"match": "Table lookup for exp", "vector": [-0.95, -0.1, 0, 0, 0, 0, 0, 0]},
    {"match": "segment loads", "vector": [0, -1, 0, 0, 0, 0, 0, 0]},
]


class Mine(SharedScratch):
    @classmethod
    def setUpClass(cls):
        cls.root = cls.shared_scratch_dir("eok-mine-")
        cls.repo = os.path.join(cls.root, "lib")
        os.makedirs(os.path.join(cls.repo, "src"))
        cls.hashes = {}
        cls.git("init", "-q")
        cls.change("import", {"src/gemm.c": "float dot(const float* a, const float* b, int n);\n", "README.md": "lib\n"})
        cls.change("gemm: fuse multiply and add (faster)", {"src/gemm.c": "/* vfmacc */\nfloat dot(const float* a, const float* b, int n);\n"})
        cls.change("sigmoid: faster exp with a table", {"src/sigmoid.c": "static const float t[64];\n"})
        cls.change("softmax: faster exp by table lookup", {"src/softmax.cpp": "static const float t[64];\n"})
        cls.change("conv: optimise with packing", {"src/conv.cc": "void pack(void);\n"})
        cls.change("docs: faster build instructions", {"README.md": "build with -O3\n"})
        cls.change("Fix typo", {"src/gemm.c": "/* vfmacc. */\nfloat dot(const float* a, const float* b, int n);\n"})
        cls.change("pool: unroll by 2 (perf)", {"src/pool.S": "nop\nnop\n"})
        cls.change("transpose: vectorize with segment loads", {"src/transpose.c": "void tr(void);\n"})

    @classmethod
    def git(cls, *args):
        env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
               "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": cls.root, "PATH": os.environ["PATH"]}
        return subprocess.run(["git", "-C", cls.repo, *args], check=True, capture_output=True, text=True, env=env).stdout

    @classmethod
    def change(cls, subject, files):
        for path, text in files.items():
            with open(os.path.join(cls.repo, path), "w") as f:
                f.write(text)
        cls.git("add", "-A")
        cls.git("commit", "-q", "-m", subject)
        cls.hashes[subject.split(":")[0]] = cls.git("rev-parse", "HEAD").strip()

    def setUp(self):
        self.dir = scratch_dir(self, "run-", dir=self.root)

    def server(self):
        return loopback_server(self, self.dir, {"replies": REPLIES, "embeddings": EMBEDDINGS})

    def eok(self, *args, server=None, sets=()):
        server_args = llm_server_args(server, "llm.max_retries=0") if server else []
        r = eok("ideas", "mine", "--repo", self.repo, *args, *server_args, *settings(*sets), cwd=self.dir,
                env=clean_env(EOK_API_KEY=KEY), timeout=120)
        self.assertNotIn(KEY, r.stdout + r.stderr)
        return r

    def test_distil_assign_cluster_and_propose(self):
        s = self.server()
        r = self.eok("--out", "mined.toml", server=s, sets=["llm.concurrency=2"])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        out = r.stdout
        self.assertIn("9 commits read, 7 look like optimisations, 6 changed kernel sources", out)
        self.assertIn("4 distilled, 1 judged not reusable, 1 failed, 0 not sent", out)
        h = self.hashes
        # One prompt per optimisation commit that changed a kernel source, with its diff (not the docs).
        chats = [q for q in s.requests() if q["path"].endswith("/chat/completions")]
        self.assertEqual(len(chats), 6)
        gemm = next(q["user"] for q in chats if "Subject: gemm: fuse" in q["user"])
        self.assertIn("+++ b/src/gemm.c", gemm)
        self.assertIn("+/* vfmacc */", gemm)
        self.assertFalse(any("docs: faster" in q["user"] or "Fix typo" in q["user"] for q in chats))
        embeds = [q for q in s.requests() if q["path"].endswith("/embeddings")]
        self.assertGreaterEqual(len(embeds), 1)
        self.assertIn(f"llm: 6 completions (0 failed) and {len(embeds)} embedding requests", out)
        # The fused multiply-add commit is evidence for the existing thought.
        self.assertRegex(out, r"fuse-multiply-add\s+1\s+1\.000\n    " + h["gemm"][:10] + " gemm: fuse")
        # The two exp-table commits form one proposal, segment loads another; the garbage reply is a failure.
        # (both exp commits are equally central: either names the cluster)
        self.assertRegex(out, r"mined-(exp-table|table-exp)\s+2\s+0\.50\n")
        self.assertRegex(out, r"mined-segment-loads\s+1\s+0\.40\n")
        self.assertIn(f"failed {h['conv'][:10]}: the TOML block does not parse", out)
        self.assertIn("proposal: mined.toml (2 thoughts", out)

        text = open(os.path.join(self.dir, "mined.toml")).read()
        doc = tomllib.loads(text)
        self.assertEqual(doc["idea"]["id"], "mined")
        by_id = {t["id"]: t for t in doc["thought"]}
        self.assertEqual(len(by_id), 2)
        exp = by_id.get("mined-exp-table") or by_id["mined-table-exp"]
        self.assertIn("mined-segment-loads", by_id)
        self.assertEqual(exp["effectiveness"], 0.5)
        self.assertIn(h["sigmoid"], exp["rationale"])
        self.assertIn(h["softmax"], exp["rationale"])
        self.assertIn("0.3 + 0.1 per supporting commit", exp["rationale"])
        self.assertIn("Applies when: Float loops.", exp["description"])
        self.assertEqual(exp["code"], "#include <riscv_vector.h>\nvoid k(void) {}\n")
        self.assertIn(f"#   fuse-multiply-add: {h['gemm'][:10]} 1.000 gemm: fuse", text)
        self.assertIn(f"#   {h['conv'][:10]}: the TOML block does not parse", text)

        # Strictly loadable by eok's pool loader next to the shipped pool (no id collides).
        pool = os.path.join(self.dir, "pool")
        shutil.copytree(SHIPPED, pool)
        shutil.copy(os.path.join(self.dir, "mined.toml"), pool)
        r = eok("ideas", "list", "--dir", pool)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("mined (2 thoughts)", r.stdout)
        self.assertIn("mined-segment-loads", r.stdout)

        # Never into the pool itself.
        r = self.eok("--dir", pool, "--out", os.path.join(pool, "again.toml"), server=s)
        self.assertEqual(r.returncode, 1)
        self.assertIn("is inside the idea pool", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(pool, "again.toml")))

    def test_token_budget_stops_sending(self):
        s = self.server()
        r = self.eok(server=s, sets=["llm.concurrency=1", "budget.tokens=1"])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(len([q for q in s.requests() if q["path"].endswith("/chat/completions")]), 1)
        self.assertIn("5 not sent", r.stdout)
        self.assertIn("stopped: token budget reached", r.stdout)
        self.assertIn("no --out: proposal not written", r.stdout)

    def test_offline_fallback_is_bm25_and_says_so(self):
        r = self.eok("--out", "mined.toml")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("no LLM configured (llm.provider = none): BM25 fallback", r.stdout)
        self.assertIn("9 commits read, 7 look like optimisations", r.stdout)
        self.assertIn("mined.toml not written", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "mined.toml")))

    def test_bad_out_names_are_usage_errors(self):
        r = self.eok("--out", "Mined Ideas.toml")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--out must be NAME.toml", r.stderr)


if __name__ == "__main__":
    unittest.main()
