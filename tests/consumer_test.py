#!/usr/bin/env python3
"""The consumer project (tests/consumer) uses eok as a subproject: winners from the
cache are substituted into its build, stale or missing ones are not, a no-op build
stays a no-op and one changed winner rebuilds one kernel. Runs its own test under
the cross file's exe_wrapper."""
import os
import shutil
import subprocess
import unittest

from eok_cli import CROSS, EOK, SRC, scratch_dir


def run(*argv, cwd=None, check=True):
    r = subprocess.run(list(argv), capture_output=True, text=True, cwd=cwd, timeout=600)
    if check and r.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s\n%s" % (" ".join(argv), r.returncode, r.stdout, r.stderr))
    return r


class Consumer(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-consumer-")
        self.proj = os.path.join(self.dir, "proj")
        shutil.copytree(os.path.join(SRC, "tests", "consumer"), self.proj)
        os.makedirs(os.path.join(self.proj, "subprojects"))
        os.symlink(SRC, os.path.join(self.proj, "subprojects", "eok"))
        self.build = os.path.join(self.dir, "build")
        self.cache_dir = os.path.join(self.dir, "eokcache")
        self.cache = os.path.join(self.cache_dir, "cache.sqlite")
        run("meson", "setup", self.build, self.proj, "--cross-file", CROSS, "-Deok:eok_prebuilt=" + EOK,
            "-Deok:eok_cache=" + self.cache)

    def kernel(self, name):
        return os.path.join(self.proj, "kernels", name)

    def put(self, cache, name, unroll, cycles, flags=()):
        argv = [EOK, "cache", "put", "--cache", cache, "--build-root", self.build, "--runner", "model",
                "--define", "EOK_UNROLL=%d" % unroll, "--cycles", str(cycles), "--speedup", str(1000.0 / cycles),
                "--verified"]
        for f in flags:
            argv += ["--flag=" + f]
        return run(*argv, self.kernel(name)).stdout

    def compile(self):
        return run("meson", "compile", "-C", self.build)

    def program_output(self):
        r = run("meson", "test", "-C", self.build, "--print-errorlogs", "-v")
        line = [l for l in r.stdout.splitlines() if "scale unroll=" in l]
        self.assertTrue(line, r.stdout)
        return line[0][line[0].index("scale unroll="):].strip()

    def plan(self):
        return run("ninja", "-C", self.build, "-n").stdout

    def test_winners_substituted_stale_and_missing_ones_not(self):
        # Winners come in through an export/import, as from a CI job (hand-made figures: --no-verify).
        other = os.path.join(self.dir, "from-ci.sqlite")
        self.put(other, "scale", 4, 250)
        self.put(other, "addc", 8, 200, flags=["-O3", "-funroll-loops"])
        exported = os.path.join(self.dir, "export.sqlite")
        run(EOK, "cache", "export", "--cache", other, exported)
        self.assertIn("2 winners added or improved", run(EOK, "cache", "import", "--no-verify", "--cache", self.cache, exported).stdout)

        r = self.compile()
        self.assertIn("scale.c: cached winner", r.stdout + r.stderr)
        self.assertIn("addc.c: cached winner", r.stdout + r.stderr)
        self.assertEqual(self.program_output(), "scale unroll=4 addc unroll=8")
        gen = os.path.join(self.build, "consumer.p")
        addc_out = [os.path.join(d, f) for d, _, fs in os.walk(self.build) for f in fs if f == "addc.eok.c"][0]
        with open(addc_out) as f:
            self.assertIn("__asm__(", f.read())  # flag winner: the measured code, as assembly

        # A no-op build is a no-op.
        self.assertIn("no work to do", self.plan())

        # A better winner for one kernel recompiles that kernel only. (Substitution depends on the
        # cache file too, so that deleting or replacing it is seen; it re-runs cheaply for every
        # kernel, and Ninja's restat keeps an unchanged substituted source from recompiling.)
        self.put(self.cache, "scale", 2, 100)
        r = self.compile()
        self.assertIn("scale.c: cached winner", r.stdout)
        self.assertIn("meson-generated_scale.eok.c.o", r.stdout)
        self.assertNotIn("meson-generated_addc.eok.c.o", r.stdout)
        self.assertEqual(self.program_output(), "scale unroll=2 addc unroll=8")
        self.assertIn("no work to do", self.plan())
        # A worse one compiles nothing.
        self.put(self.cache, "addc", 1, 900)
        r = self.compile()
        self.assertNotIn("Compiling", r.stdout)
        self.assertIn("no work to do", self.plan())

        # Editing a kernel's source makes its winner stale: the original is compiled.
        with open(os.path.join(self.kernel("scale"), "scale.c"), "a") as f:
            f.write("/* edited */\n")
        r = self.compile()
        self.assertIn("scale.c: original (no winner for key", r.stdout)
        self.assertEqual(self.program_output(), "scale unroll=1 addc unroll=8")

        # Deleting the cache (the file and its stamps beside it): originals, and the build succeeds.
        shutil.rmtree(self.cache_dir)
        r = self.compile()
        self.assertIn("addc.c: original (no cache at", r.stdout)
        self.assertEqual(self.program_output(), "scale unroll=1 addc unroll=1")
        self.assertIn("no work to do", self.plan())

    def test_corrupt_cache_is_a_clear_error_and_left_alone(self):
        os.makedirs(self.cache_dir)
        junk = b"this is not a database\n" * 300
        with open(self.cache, "wb") as f:
            f.write(junk)
        # A damaged cache never breaks the build (DESIGN.md invariant 5): the originals, one warning.
        r = run("meson", "compile", "-C", self.build, check=False)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("not a SQLite database, or its header is damaged", r.stdout + r.stderr)
        self.assertIn("original", r.stdout + r.stderr)
        r = run(EOK, "cache", "list", "--cache", self.cache, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn(self.cache + ": not a SQLite database", r.stderr)
        with open(self.cache, "rb") as f:
            self.assertEqual(f.read(), junk)


if __name__ == "__main__":
    unittest.main(verbosity=2)
