#!/usr/bin/env python3
"""eok ncnn tune with an LLM (the EoK search of `eok tune`, loopback server) on the NCNN-shaped
fixture: the prompts show the layer's file and the NCNN headers it includes and ask for a whole
replacement of it; the scripted replies are an honest faster Clip, a wrong one and three cheats
(its own region marker, work skipped at the measured size only, a call counter). Only the honest
one passes and is stored under the launcher's key with its search step's provenance; the next
fixture build substitutes it and the fixture's own test passes. Real client, compiler, QEMU, X60
model, SQLite cache and CMake build."""
import json
import os
import shutil
import sqlite3
import unittest

from eok_cli import nm_tool, run, scratch_dir

from scripted_llm import OPS, loopback_server

EOK = os.environ["EOK_BIN"]
SRC = os.environ["EOK_SOURCE_ROOT"]
FIXTURE = os.path.join(SRC, "tests", "ncnn_fixture")
CROSS = os.path.join(SRC, "cross", "rv64gcv-qemu.ini")
FWD = "int Clip_riscv::forward_inplace(Mat& m, const Option&) const\n{\n"
HONEST_MARKER = "__attribute__((used)) static const int eok_llm_honest = 1;\n"


def replies(ker0):
    """Per operator: (expected verdict, the file the reply gives)."""
    def edit(old, new):
        assert old in ker0, old
        return ker0.replace(old, new)
    honest = edit("m1", "m8") + HONEST_MARKER  # LMUL 8: the same results in fewer instructions
    return honest, {
        "init": ("ok", honest),
        # the upper bound dropped: right on most of the range, not above max = 2.5
        "E1": ("wrong_output", edit("      v = __riscv_vfmin_vf_f32m1(v, max, vl);\n", "")),
        # marks its own region for the model
        "E2": ("rejected", edit(FWD, FWD + '  __asm__ volatile("slti x0, x0, 2");\n')),
        # half the channels at the measured size only (the check shapes are smaller): the
        # measured call's own output is checked
        "M1": ("perf_failed", edit("  for (int q = 0; q < m.c; q++) {", "  for (int q = 0; q < (size >= 4096 ? m.c / 2 : m.c); q++) {")),
        # a call counter: nothing after the first calls
        "M2": ("rejected", edit(FWD, "static int g_calls;\n" + FWD + "  if (++g_calls > 8) return 0;\n")),
    }


def reply(kind, code):
    return "{" + f"scripted {kind} Clip" + "}\n\nThe whole file:\n```cpp\n" + code + "```\n"


class NcnnLlm(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-ncnn-llm-")
        self.src = os.path.join(self.dir, "ncnn")
        shutil.copytree(FIXTURE, self.src)
        self.cache = os.path.join(self.dir, "cache.sqlite")
        self.build = os.path.join(self.dir, "build")
        run(["cmake", "-S", self.src, "-B", self.build, "-G", "Ninja",
             "-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(self.src, "riscv64-clang.toolchain.cmake"),
             "-DCMAKE_CXX_COMPILER_LAUNCHER=" + ";".join([EOK, "launch", "--cache=" + self.cache])])
        run(["cmake", "--build", self.build])

    def clip_object(self):
        with open(os.path.join(self.build, "compile_commands.json")) as f:
            entry = next(e for e in json.load(f) if e["file"].endswith("clip_riscv.cpp"))
        words = entry["command"].split()
        return os.path.join(entry["directory"], words[words.index("-o") + 1])

    def test_llm_candidates_replace_the_file_and_only_the_honest_one_is_stored(self):
        with open(os.path.join(self.src, "src", "layer", "riscv", "clip_riscv.cpp")) as f:
            ker0 = f.read()
        honest, offered = replies(ker0)
        self.server = loopback_server(self, self.dir, {"replies": [
            {"match": ["Task: ncnn/clip:", OPS[op]], "content": reply(op, code), "repeat": True}
            for op, (_, code) in offered.items()]})
        config = os.path.join(self.dir, "eok.toml")
        with open(config, "w") as f:
            f.write(f'[paths]\nwork = "{self.dir}/work"\nideas = "{SRC}/ideas"\nrag = "{SRC}/rag_corpus"\n'
                    f'[llm]\nprovider = "openai"\nbase_url = "{self.server.url}"\nmodel = "scripted-model"\nbackoff_ms = 10\n'
                    '[search]\nrepair = false\nparallel = 1\niterations = 1\npopulation = 2\ngenerations = 1\nkeep = 2\n'
                    'thoughts = 1\nseed = 7\n')
        env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_")}
        env["EOK_API_KEY"] = "sk-test-ncnn"
        r = run([EOK, "ncnn", "tune", "--config", config, "--source", self.src, "--build", self.build, "--cache", self.cache,
                 "--cross-file", CROSS, "--op", "clip", "--no-flags"], env=env)
        row = next(l for l in r.stdout.splitlines() if l.startswith("ncnn/clip "))
        self.assertIn("tuned", row)
        self.assertGreater(float(row.split()[3].rstrip("x")), 1.0, row)
        self.assertIn("EoK:", r.stderr)

        # what the LLM was shown: the whole file to replace and the headers it includes
        prompts = [q["user"] for q in self.server.requests() if "Task: ncnn/clip:" in q.get("user", "")]
        self.assertTrue(prompts, self.server.requests()[:1])
        first = prompts[0]
        self.assertIn("File to replace: src/layer/riscv/clip_riscv.cpp", first)
        self.assertIn(FWD, first)  # the layer's own source
        self.assertIn("// src/layer/riscv/clip_riscv.h", first)  # its header, found as the compiler does
        self.assertIn("// src/layer.h", first)  # and the NCNN headers behind it
        self.assertIn("```cpp", first)

        con = sqlite3.connect(self.cache)
        con.row_factory = sqlite3.Row
        rows = con.execute("SELECT c.* FROM candidates c JOIN runs r ON r.id = c.run_id WHERE r.kernel = 'ncnn/clip'").fetchall()
        seen = set()
        for x in rows:
            if x["op"] in offered:
                verdict, code = offered[x["op"]]
                self.assertEqual(x["source"].rstrip(), code.rstrip(), x["op"])
                self.assertEqual(x["verdict"], verdict, (x["op"], x["reason"][:300]))
                seen.add(x["op"])
        self.assertEqual(seen, set(offered))
        w = con.execute("SELECT * FROM winners WHERE kernel = 'ncnn/clip'").fetchone()
        self.assertEqual(w["source"].rstrip(), honest.rstrip())
        self.assertEqual(w["llm_model"], "scripted-model")
        self.assertIn("/init", w["candidate_slot"])
        con.close()

        # the next build compiles the honest file in place of the tree's, and the layer's own test passes
        self.assertFalse(os.path.exists(self.clip_object()))
        run(["cmake", "--build", self.build])
        symbols = run([nm_tool(), self.clip_object()]).stdout
        self.assertIn("eok_llm_honest", symbols)
        run(["ctest", "--test-dir", self.build, "--output-on-failure"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
