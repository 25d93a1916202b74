#!/usr/bin/env python3
"""tests/eok_cli.py's scratch directories: removed after a passing test, kept (as evidence)
after a failing or erroring one. Runs an inner suite of three tests and looks afterwards."""
import io
import os
import shutil
import unittest

from eok_cli import scratch_dir


class ScratchDir(unittest.TestCase):
    def test_kept_only_when_the_test_did_not_pass(self):
        made = {}

        class Inner(unittest.TestCase):
            def test_passes(self):
                made["passes"] = scratch_dir(self, "eok-cli-test-")

            def test_fails(self):
                made["fails"] = scratch_dir(self, "eok-cli-test-")
                self.fail("planted failure")

            def test_errors(self):
                made["errors"] = scratch_dir(self, "eok-cli-test-")
                raise RuntimeError("planted error")

        suite = unittest.defaultTestLoader.loadTestsFromTestCase(Inner)
        result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
        try:
            self.assertEqual((result.testsRun, len(result.failures), len(result.errors)), (3, 1, 1))
            self.assertEqual({k: os.path.isdir(v) for k, v in made.items()}, {"passes": False, "fails": True, "errors": True})
        finally:
            for path in made.values():
                shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
