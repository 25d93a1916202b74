#!/usr/bin/env python3
"""tests/eok_cli.py's scratch directories: removed after a passing test, kept (as evidence)
after a failing or erroring one. Runs an inner suite of three tests and looks afterwards."""
import io
import os
import shutil
import unittest

from eok_cli import SharedScratch, scratch_dir


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

            def test_subtest_fails(self):
                made["subtest"] = scratch_dir(self, "eok-cli-test-")
                with self.subTest(case=1):
                    self.fail("planted subtest failure")

        suite = unittest.defaultTestLoader.loadTestsFromTestCase(Inner)
        result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
        try:
            self.assertEqual((result.testsRun, len(result.failures), len(result.errors)), (4, 2, 1))
            self.assertEqual({k: os.path.isdir(v) for k, v in made.items()},
                             {"passes": False, "fails": True, "errors": True, "subtest": True})
        finally:
            for path in made.values():
                shutil.rmtree(path, ignore_errors=True)


def run_shared(fail_test=False, fail_setup=False):
    """Runs a two-test SharedScratch class; returns whether its directory is still there."""
    made = []

    class Inner(SharedScratch):
        @classmethod
        def setUpClass(cls):
            made.append(cls.shared_scratch_dir("eok-cli-test-shared-"))
            if fail_setup:
                raise RuntimeError("planted setUpClass error")

        def test_a(self):
            pass

        def test_b(self):
            if fail_test:
                self.fail("planted failure")

    suite = unittest.defaultTestLoader.loadTestsFromTestCase(Inner)
    unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
    kept = os.path.isdir(made[0])
    shutil.rmtree(made[0], ignore_errors=True)
    return kept


class SharedScratchDir(unittest.TestCase):
    def test_kept_only_when_setup_or_a_test_did_not_pass(self):
        self.assertEqual([run_shared(), run_shared(fail_test=True), run_shared(fail_setup=True)], [False, True, True])


if __name__ == "__main__":
    unittest.main()
