#!/usr/bin/env python3
"""tests/check_includes.py keeps ARCHITECTURE.md's module map true: it passes on the tree and
fails on a planted include the map does not allow, on a folder with no row and on a row with no folder."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHECK = os.path.join(HERE, "check_includes.py")


def check(root):
    return subprocess.run([sys.executable, CHECK, root], capture_output=True, text=True)


class CheckIncludes(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="eok-includes-")
        shutil.copy(os.path.join(ROOT, "ARCHITECTURE.md"), self.dir)
        shutil.copytree(os.path.join(ROOT, "driver"), os.path.join(self.dir, "driver"),
                        ignore=shutil.ignore_patterns("*.py", "*.csv", "*.build"))

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_the_tree_follows_the_map(self):
        r = check(ROOT)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_a_planted_bad_include_fails(self):
        r = check(self.dir)
        self.assertEqual(r.returncode, 0, r.stdout)
        bad = os.path.join(self.dir, "driver", "util", "bad.cpp")
        with open(bad, "w") as f:
            f.write('#include "util/error.hpp"\n#include "cache/cache.hpp"\n')
        r = check(self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn("driver/util/bad.cpp:2: includes cache/", r.stdout)

    def test_a_folder_without_a_row_and_a_row_without_a_folder_fail(self):
        os.makedirs(os.path.join(self.dir, "driver", "newmod"))
        shutil.rmtree(os.path.join(self.dir, "driver", "report"))
        r = check(self.dir)
        self.assertEqual(r.returncode, 1)
        self.assertIn("driver/newmod/: no row", r.stdout)
        self.assertIn("row `report/` names no driver/ folder", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
