#!/usr/bin/env python3
"""`eok perf validate` under the default cross target: the model reproduces the published
X60 per-instruction figures, and states its error against the memcpy curve."""
import os
import re
import shutil
import subprocess
import unittest

EOK = os.environ["EOK_BIN"]
SRC = os.environ["EOK_SOURCE_ROOT"]


def eok(*args, env=None):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_") or k == "EOK_BIN"}
    full_env.update(env or {})
    return subprocess.run([EOK, *args], capture_output=True, text=True, cwd=SRC, env=full_env, timeout=300)


class PerfValidate(unittest.TestCase):
    def test_reproduces_published_instruction_figures(self):
        r = eok("perf", "validate", "--cross-file", os.path.join(SRC, "cross", "rv64gcv-qemu.ini"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("rvv-bench", r.stdout)
        rows = re.findall(r"^(\S+ e\d+m\w+(?: v0\.t)?)\s+([\d.]+)\s+([\d.]+)\s+([+-][\d.]+)%$", r.stdout, re.M)
        self.assertGreaterEqual(len(rows), 15)
        for name, published, model, error in rows:
            # The loop overhead (addi + bnez per 64 instructions) is the only difference.
            self.assertLess(abs(float(error)), 3.0, name)
            self.assertGreaterEqual(float(model), float(published), name)
        memcpy = re.findall(r"^memcpy (\d+ [KM]iB)\s+([\d.]+)\s+([\d.]+)\s+([+-][\d.]+)%\s+(L1|L2|DRAM)$", r.stdout, re.M)
        self.assertEqual(len(memcpy), 9)
        self.assertEqual([m[4] for m in memcpy][-1], "DRAM")
        self.assertRegex(r.stdout, r"mean \|error\| [\d.]+%, max \|error\| [\d.]+% over 9 rows")
        if shutil.which("llvm-mca-22"):
            self.assertRegex(r.stdout, r"relu e32m8 loop\s+[\d.]+\s+[\d.]+\s+[+-][\d.]+%")
        else:
            self.assertIn("llvm-mca-22 is not installed", r.stdout)

    def test_missing_plugin_is_a_clear_error(self):
        r = eok("perf", "validate", "--cross-file", os.path.join(SRC, "cross", "rv64gcv-qemu.ini"),
                env={"EOK_QEMU_PLUGIN": "/nonexistent/libeok_count.so"})
        self.assertEqual(r.returncode, 1)
        self.assertIn("the model runner's QEMU plugin is missing: /nonexistent/libeok_count.so", r.stderr)

    def test_bench_prints_both_shapes_with_and_without_the_plugin(self):
        r = eok("perf", "bench", "--repeat", "1", "--cross-file", os.path.join(SRC, "cross", "rv64gcv-qemu.ini"))
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = re.findall(r"^memcpy e8m8 (\d+ [KM]iB)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)x$", r.stdout, re.M)
        self.assertEqual([row[0] for row in rows], ["16 KiB", "64 MiB"])

    def test_measure_needs_a_program_and_a_region_of_interest(self):
        cross = os.path.join(SRC, "cross", "rv64gcv-qemu.ini")
        self.assertEqual(eok("perf", "measure", "--cross-file", cross).returncode, 2)
        smoke = os.path.join(os.environ["EOK_BUILD_ROOT"], "tests", "rvv_smoke")  # no ROI markers
        r = eok("perf", "measure", "--cross-file", cross, "--runner", "model", "--", smoke)
        self.assertEqual(r.returncode, 1)
        self.assertIn("never entered its region of interest (`slti x0,x0,1` before the kernel call", r.stderr)


if __name__ == "__main__":
    unittest.main()
