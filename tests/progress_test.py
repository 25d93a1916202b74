#!/usr/bin/env python3
"""`eok tune`'s progress display with an LLM search (the loopback server, scripted
replies): on a terminal (a pty) a live block redrawn in place that leaves nothing
behind, colour unless NO_COLOR; on a pipe or with TERM=dumb plain lines, one per step,
no escape sequences, nothing repeated."""
import os
import pty
import re
import subprocess
import threading
import unittest

from eok_cli import CROSS, EOK, SRC, clean_env, llm_search_config, scratch_dir
from scripted_llm import loopback_server

RELU = os.path.join(SRC, "kernels", "nn", "relu")


def relu(lmul):
    return (f"Strip-mined at LMUL {lmul}.\n```c\n#include <riscv_vector.h>\n"
            "void eok_relu_f32(const float* x, float* y, long n, float slope)\n{\n  while (n > 0) {\n"
            f"    size_t vl = __riscv_vsetvl_e32m{lmul}((size_t)n);\n"
            f"    vfloat32m{lmul}_t v = __riscv_vle32_v_f32m{lmul}(x, vl);\n"
            f"    if (slope == 0.f) v = __riscv_vfmax_vf_f32m{lmul}(v, 0.f, vl);\n"
            f"    else v = __riscv_vfmul_vf_f32m{lmul}_mu(__riscv_vmflt_vf_f32m{lmul}_b{32 // lmul}(v, 0.f, vl), v, v, slope, vl);\n"
            f"    __riscv_vse32_v_f32m{lmul}(y, v, vl);\n"
            "    x += vl; y += vl; n -= (long)vl;\n  }\n}\n```\n")


WRONG = ("Copy.\n```c\nvoid eok_relu_f32(const float* x, float* y, long n, float slope)\n{\n"
         "  for (long i = 0; i < n; ++i) y[i] = x[i];\n}\n```\n")
# P = 2 searches, T = 1, one thought, G = 1: 2 x (1 + 5) = 12 steps. The replies read no
# knob and no flag is searched: no knob/flag post-pass.
SLOTS = {f"t0/p{p}/{s}" for p in (0, 1) for s in ["init0"] + [f"g0/{op}" for op in ("E1", "E2", "M1", "M2", "M3")]}


def render(data):
    """The rows a VT100 shows after `data` (cursor up, clear line, CR, LF, SGR ignored)."""
    rows, row, col, i = [""], 0, 0, 0
    while i < len(data):
        m = re.match(r"\x1b\[([0-9;]*)([A-Za-z])", data[i:])
        if m:
            if m.group(2) == "A":
                row = max(0, row - int(m.group(1) or 1))
            elif m.group(2) == "K":
                rows[row] = ""
            i += m.end()
            continue
        c = data[i]
        if c == "\r":
            col = 0
        elif c == "\n":
            row += 1
            if row == len(rows):
                rows.append("")
        else:
            rows[row] = rows[row][:col].ljust(col) + c + rows[row][col + 1:]
            col += 1
        i += 1
    while rows and rows[-1] == "":
        rows.pop()
    return rows


class Progress(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-progress-")
        self.server = loopback_server(self, self.dir, {"replies": [{"content": WRONG}, {"content": "no code today"},
                                                               {"content": relu(4), "repeat": True}]})
        self.runs = 0

    def tune(self, tty, **env_extra):
        """Runs a fresh `eok tune` on relu; returns (exit status, stdout, stderr as written)."""
        self.runs += 1
        work = os.path.join(self.dir, f"run{self.runs}")
        os.makedirs(work)
        config = llm_search_config(os.path.join(work, "eok.toml"), os.path.join(work, "work"), self.server,
                                   dict(repair=False, parallel=2, iterations=1, generations=1, population=2, thoughts=1),
                                   cache=os.path.join(work, "cache.sqlite"))
        env = {k: v for k, v in clean_env().items() if k not in ("NO_COLOR", "TERM")}
        env.update({"EOK_API_KEY": "sk-test", "TERM": "xterm"}, **env_extra)
        cmd = [EOK, "tune", "--config", config, "--cross-file", CROSS, RELU]
        if not tty:
            r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
            return r.returncode, r.stdout, r.stderr
        master, slave = pty.openpty()
        chunks = []

        def drain():
            while True:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: the child side is closed
                    return
                if not data:
                    return
                chunks.append(data)

        reader = threading.Thread(target=drain)
        reader.start()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, env=env, text=True)
        os.close(slave)
        out, _ = p.communicate(timeout=900)
        reader.join(timeout=60)
        os.close(master)
        return p.returncode, out, b"".join(chunks).decode()

    def check_plain(self, err):
        self.assertNotIn("\x1b", err)
        lines = err.splitlines()
        for a, b in zip(lines, lines[1:]):
            self.assertNotEqual(a, b)
        steps = [m.group(1) for m in (re.match(r"nn/relu (t0/p\d/\S+): ", l) for l in lines) if m]
        self.assertEqual(sorted(steps), sorted(SLOTS), err)  # one line per finished step
        self.assertTrue(any(re.match(r"nn/relu t0/p\d/\S+: ok \d\.\d{3}x \(search p\d: \d+ evaluated, best \d\.\d{3}x, "
                                     r"[0-9.]+k? tokens; run: \d+ LLM requests, [0-9.]+k? tokens\)$", l) for l in lines), err)
        self.assertTrue(any(re.search(r": (wrong_output|no_code) \(search", l) for l in lines), err)
        self.assertRegex(err, r"(?m)^nn/relu: (tuned|ker0 stays) \(EoK: 1[0-2] evaluated\b.*, 0 resumed, 12 LLM requests, \d+ tokens\b"
                              r".*best LLM candidate \d\.\d{3}x over ker0, no knob/flag post-pass\)$")

    def test_pipe_gives_plain_lines(self):
        code, out, err = self.tune(tty=False)
        self.assertEqual(code, 0, err)
        self.check_plain(err)
        self.assertIn("nn/relu", out)  # the table on stdout

    def test_term_dumb_gives_plain_lines_on_a_terminal(self):
        code, out, err = self.tune(tty=True, TERM="dumb")
        self.assertEqual(code, 0, err)
        self.check_plain(err.replace("\r\n", "\n"))

    def test_terminal_gets_a_live_block_redrawn_in_place(self):
        code, out, err = self.tune(tty=True)
        self.assertEqual(code, 0, err)
        self.assertIn("\x1b[A\x1b[2K", err)  # redrawn in place
        self.assertRegex(err, r"nn/relu EoK iter 1/1: best ")
        self.assertRegex(err, r"  p0 iter 1/1 (init|gen 1/1 [EM]\d)")
        self.assertRegex(err, r"  p1 iter 1/1 ")
        self.assertIn("\x1b[32mok ", err)  # colour
        self.assertIn("\x1b[31m", err)  # the wrong candidate / the reply without code
        # What stays on the screen: the mode line and the summary; the block is gone.
        screen = render(err)
        self.assertTrue(screen[0].startswith("eok tune: EoK search"), screen)
        self.assertRegex(screen[-1], r"^nn/relu: (tuned|ker0 stays) \(EoK: ")
        self.assertEqual(len(screen), 2, screen)
        self.assertIn("nn/relu", out)

    def test_no_color_keeps_the_live_block_without_colour(self):
        code, out, err = self.tune(tty=True, NO_COLOR="1")
        self.assertEqual(code, 0, err)
        self.assertIn("\x1b[A\x1b[2K", err)
        self.assertNotRegex(err, r"\x1b\[[0-9;]*m")


if __name__ == "__main__":
    unittest.main()
