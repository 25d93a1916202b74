#!/usr/bin/env python3
"""The evaluator's confinement (util/sandbox.hpp) against a candidate that passes every static
check yet creates a file outside its scratch directory, through an `ecall; ret` pair in the C
library it is linked with (tests/sandbox/escape_to_file.c). Confined, the file never appears;
with eval.sandbox = false (the control) it does, so the test can tell the two apart."""
import os
import subprocess
import unittest

from eok_cli import CROSS, EOK, SRC, clean_env, scratch_dir


def _probe():
    # The kernel answers the ABI-version query of landlock_create_ruleset (syscall 444).
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.syscall(444, None, 0, 1) > 0


class Sandbox(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-sandbox-")
        self.target = os.path.join(self.dir, "outside", "escaped.txt")
        os.makedirs(os.path.dirname(self.target))
        with open(os.path.join(SRC, "tests", "sandbox", "escape_to_file.c")) as f:
            code = f.read().replace("ESCAPE_PATH", self.target)
        self.candidate = os.path.join(self.dir, "escape.c")
        with open(self.candidate, "w") as f:
            f.write(code)

    def eval(self, *sets):
        env = clean_env()
        cmd = [EOK, "eval", "--kernel", os.path.join(SRC, "kernels", "nn", "relu"), "--candidate", self.candidate,
               "--cross-file", CROSS, "--set", f"paths.work={self.dir}/work"]
        for s in sets:
            cmd += ["--set", s]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)

    def test_a_confined_candidate_cannot_write_outside_its_scratch_directory(self):
        if not _probe():
            self.skipTest("this kernel has no Landlock")
        r = self.eval()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"verdict\s+ok")  # its output is right: only confinement stops it
        self.assertFalse(os.path.exists(self.target))
        self.assertNotIn("unconfined", r.stderr)

        # The control: unconfined, the same candidate does write the file.
        r = self.eval("eval.sandbox=false")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.exists(self.target))
        with open(self.target) as f:
            self.assertEqual(f.read(), "escaped\n")


if __name__ == "__main__":
    unittest.main()
