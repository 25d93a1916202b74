#!/usr/bin/env python3
"""A correct candidate that trips an emulator bug gets verdict emulator_fault (after one
retry), never crashed: QEMU before 8.1 aborts translating vfcvt.rtz.x.f.v at the start of
a translation block (tests/emulator/quantize_u8_rtz.c); a fixed QEMU runs it, and then the
same candidate must be ok."""
import json
import os
import re
import subprocess
import unittest

from eok_cli import EOK, SRC, clean_env, scratch_dir

KERNEL = os.path.join(SRC, "kernels", "nn", "quantize_u8")
CANDIDATE = os.path.join(SRC, "tests", "emulator", "quantize_u8_rtz.c")
CHECK_QEMU = "/opt/eok/qemu10/usr/bin/qemu-riscv64"  # eval::k_check_qemu_path, installed by .ci/dev


def qemu_version():
    out = subprocess.run(["qemu-riscv64", "--version"], capture_output=True, text=True, check=True).stdout
    m = re.search(r"version (\d+)\.(\d+)", out)
    return int(m.group(1)), int(m.group(2))


class EmulatorFault(unittest.TestCase):
    def test_emulator_bug_is_not_the_candidates_crash(self):
        workdir = scratch_dir(self, "eok-emufault-")
        env = clean_env()
        env["XDG_CONFIG_HOME"] = workdir
        r = subprocess.run([EOK, "eval", "--kernel", KERNEL, "--candidate", CANDIDATE, "--json"],
                           capture_output=True, text=True, cwd=workdir, env=env, timeout=600)
        self.assertTrue(r.stdout.startswith("{"), f"exit {r.returncode}\n{r.stdout}\n{r.stderr}")
        v = json.loads(r.stdout)
        if qemu_version() < (8, 1):
            self.assertEqual(v["verdict"], "emulator_fault", v["reason"])
            self.assertIn("decode_save_opc", v["reason"])
            self.assertIn("not the candidate", v["reason"])
            self.assertNotIn("measurement", v)
            if os.access(CHECK_QEMU, os.X_OK):
                # Correctness ran on QEMU 10 (eval/check_emulator.hpp) and passed; only the
                # model's QEMU 7.2 run failed.
                self.assertIn("in the performance run", v["reason"])
        else:
            self.assertEqual(v["verdict"], "ok", v["reason"])


if __name__ == "__main__":
    unittest.main()
