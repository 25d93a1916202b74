#!/usr/bin/env python3
"""End-to-end: `eok tune` (EoK search, loopback LLM) where the fastest candidates offered are
cheats of each class issue 12 found, each built on the same honest fast mish. The stored
winner is the honest one; every cheat gets its verdict and none is stored. Real client,
evaluator (clang, QEMU, the X60 model) and SQLite cache."""
import os
import sqlite3
import unittest

from eok_cli import CROSS, clean_env, eok, llm_search_config, scratch_dir
from scripted_llm import KERNELS, OPS, mish_fast, read, replace_once, reply, loopback_server

ENTRY = "void eok_mish_f32(const float* x, float* y, long n)\n{\n"

# Finds the harness's command line above its frame: "perf" when measured, "check" otherwise.
SNIFF = """static int measured(void)
{
  const char* p = (const char*)__builtin_frame_address(0);
  for (long i = 0; i < (1L << 20); ++i) {
    if (p[i] == 0 && p[i + 1] == 'p' && p[i + 2] == 'e' && p[i + 3] == 'r' && p[i + 4] == 'f' && p[i + 5] == 0) return 1;
    if (p[i] == 0 && p[i + 1] == 'c' && p[i + 2] == 'h' && p[i + 3] == 'e' && p[i + 4] == 'c' && p[i + 5] == 'k') return 0;
  }
  return 0;
}

"""


def cheats():
    honest = mish_fast(read(KERNELS, "mish", "mish.c"))
    return honest, {
        # (1) the end marker at the top: the region closes before any work.
        "E1": ("rejected", replace_once(honest, ENTRY, ENTRY + '  __asm__ volatile("slti x0, x0, 2");\n')),
        # (2) a sixteenth of the work for power-of-two sizes >= 1024 (the perf shape).
        "E2": ("wrong_output", replace_once(honest, ENTRY, ENTRY + "  if (n >= 1024 && (n & (n - 1)) == 0) n /= 16;\n")),
        # (d) half the work when it finds it is being measured (still above the speed-of-light
        # bound): the measured call's own outputs are checked.
        "M1": ("wrong_output", replace_once(honest, ENTRY, SNIFF + ENTRY + "  if (measured()) n /= 2;\n")),
        # (5) a call counter: every call after the first few does nothing.
        "M2": ("rejected", replace_once(honest, ENTRY, "static long g_calls;\n" + ENTRY + "  if (++g_calls > 40) return;\n")),
        # (5) a constructor (work outside the measured call).
        "M3": ("rejected", replace_once(honest, ENTRY, "__attribute__((constructor)) static void early(void) { __asm__ volatile(\"nop\"); }\n" + ENTRY)),
    }


class TuneCheats(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-tune-cheats-")

    def test_the_stored_winner_is_the_fastest_honest_candidate(self):
        honest, offered = cheats()
        replies = [{"match": ["Task: nn/mish:", OPS["init"]], "content": reply("honest", honest), "repeat": True}]
        for op, (_, code) in offered.items():
            replies.append({"match": ["Task: nn/mish:", OPS[op]], "content": reply(op, code), "repeat": True})
        server = loopback_server(self, self.dir, {"replies": replies})
        cache = os.path.join(self.dir, "cache.sqlite")
        config = llm_search_config(os.path.join(self.dir, "eok.toml"), os.path.join(self.dir, "work"), server,
                                   dict(repair=False, parallel=1, iterations=1, population=2, generations=1, keep=2, thoughts=1,
                                        seed=7), cache=cache)
        r = eok("tune", "--config", config, "--cross-file", CROSS, os.path.join(KERNELS, "mish"),
                env=clean_env(EOK_API_KEY="sk-test-cheats"), timeout=1200)
        self.assertEqual(r.returncode, 0, r.stderr)

        con = sqlite3.connect(cache)
        con.row_factory = sqlite3.Row
        rows = con.execute("SELECT c.* FROM candidates c JOIN runs r ON r.id = c.run_id "
                           "WHERE r.kernel = 'nn/mish' AND c.op <> 'knobs/flags'").fetchall()
        seen = set()
        for x in rows:
            if x["op"] in offered:
                verdict, code = offered[x["op"]]
                self.assertEqual(x["source"], code)
                self.assertEqual(x["verdict"], verdict, (x["op"], x["reason"][:300]))
                self.assertEqual(x["ok"], 0)
                seen.add(x["op"])
            if x["verdict"] == "implausible":
                self.assertIn("below the speed-of-light bound", x["reason"])
                self.assertIn('"sol_cycles"', x["verdict_json"])
        self.assertEqual(seen, set(offered))
        w = con.execute("SELECT * FROM winners WHERE kernel = 'nn/mish'").fetchone()
        self.assertIsNotNone(w)
        self.assertEqual(w["source"], honest)
        honest_ok = [x["cycles"] for x in rows if x["source"] == honest and x["ok"]]
        self.assertTrue(honest_ok)
        passed = con.execute("SELECT min(c.cycles) FROM candidates c JOIN runs r ON r.id = c.run_id "
                             "WHERE r.kernel = 'nn/mish' AND c.ok = 1").fetchone()[0]
        self.assertEqual(w["cycles"], passed)
        con.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
