#!/usr/bin/env python3
"""`eok cache put|list|show|explain|gc|merge|export` as users run them."""
import functools
import os
import shutil
import unittest

import eok_cli
from eok_cli import CROSS, SRC, clean_env, scratch_dir

# Here a failing command fails the test unless the call says check=False.
eok = functools.partial(eok_cli.eok, check=True, timeout=120)


def text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class CacheCli(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-cache-cli-")
        shutil.copytree(os.path.join(SRC, "tests", "consumer", "kernels"), os.path.join(self.dir, "kernels"))
        self.cache = os.path.join(self.dir, "c.sqlite")

    def k(self, name):
        return os.path.join(self.dir, "kernels", name)

    def common(self, cache=None):
        return ["--cache", cache or self.cache, "--cross-file", CROSS, "--runner", "model"]

    def put(self, name, cycles, *extra, cache=None):
        return eok("cache", "put", *self.common(cache), "--cycles", str(cycles), "--speedup", str(400 / cycles),
                   *extra, self.k(name)).stdout

    def test_put_list_show_explain(self):
        self.assertIn("stored a winner for", self.put("scale", 200, "--verified", "--define", "EOK_UNROLL=4"))
        self.assertIn("kept the better stored winner", self.put("scale", 300, "--verified"))
        self.put("addc", 100, "--flag=-O3")  # not --verified: stored, never applied
        listing = eok("cache", "list", "--cache", self.cache).stdout
        self.assertIn("2 winners, 0 runs", listing)
        self.assertIn("EOK_UNROLL=4", listing)
        self.assertIn("(unverified: never applied)", listing)
        explain = eok("cache", "explain", *self.common(), self.k("scale")).stdout
        for tag in ("kernel.source", "kernel.toml", "compiler.version", "target.identity", "runner.kind", "runner.version"):
            self.assertIn("  " + tag + " = ", explain)
        self.assertIn("winner, 2.00x over ker0", explain)
        key = explain.split()[2]
        self.assertIn("no verified winner", eok("cache", "explain", *self.common(), self.k("addc")).stdout)
        shown = eok("cache", "show", "--cache", self.cache, key[:10]).stdout
        self.assertIn("key           = " + key, shown)
        self.assertIn("parent manual", shown)
        self.assertIn("void eok_scale_f32", shown)
        self.assertEqual(eok("cache", "explain", "--cache", self.cache, key[:10]).stdout.splitlines()[0], "key = " + key)
        r = eok("cache", "show", "--cache", self.cache, "ffffffff", check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("no winner with a key starting ffffffff", r.stderr)

    def test_substitute_reads_perf_model_from_the_settings(self):
        # A winner tuned under perf.model = "table" (eok.toml) is substituted by a build that reads the same
        # eok.toml, and not by one under the cross file's default model, sched (its key names another model).
        toml = os.path.join(self.dir, "eok.toml")
        with open(toml, "w") as f:
            f.write('[perf]\nmodel = "table"\n')
        self.put("scale", 200, "--verified", "--define", "EOK_UNROLL=4", "--config", toml)
        src = os.path.join(self.k("scale"), "scale.c")
        out, dep = os.path.join(self.dir, "scale.eok.c"), os.path.join(self.dir, "scale.eok.d")

        def substitute(*extra, env=None):
            r = eok("substitute", *self.common(), *extra, src, out, dep, timeout=120, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            return r.stdout + r.stderr

        self.assertIn("cached winner", substitute("--config", toml))
        self.assertIn("#define EOK_UNROLL 4", text(out))
        self.assertIn("cached winner", substitute(env=clean_env(EOK_PERF_MODEL="table")))
        self.assertIn("original (no winner for key", substitute())
        self.assertNotIn("#define EOK_UNROLL 4", text(out))

    def test_gc_keeps_only_the_given_kernels(self):
        self.put("scale", 200, "--verified")
        self.put("addc", 100, "--verified")
        self.assertIn("would remove 1 winners", eok("cache", "gc", *self.common(), "--dry-run", self.k("scale")).stdout)
        self.assertIn("2 winners", eok("cache", "list", "--cache", self.cache).stdout)
        eok("cache", "gc", *self.common(), self.k("scale"))
        listing = eok("cache", "list", "--cache", self.cache).stdout
        self.assertIn("1 winners", listing)
        self.assertIn("scale", listing)
        # An edited source no longer matches its winner: gc drops it.
        with open(os.path.join(self.k("scale"), "scale.c"), "a") as f:
            f.write("// edited\n")
        eok("cache", "gc", *self.common(), self.k("scale"))
        self.assertIn("0 winners", eok("cache", "list", "--cache", self.cache).stdout)

    def test_merge_keeps_the_better_verified_winner(self):
        other = os.path.join(self.dir, "other.sqlite")
        self.put("scale", 200, "--verified")
        self.put("scale", 150, "--verified", "--define", "EOK_UNROLL=8", cache=other)
        self.put("addc", 100, "--verified", cache=other)
        self.assertIn("2 winners added or improved", eok("cache", "merge", "--no-verify", "--cache", self.cache, other).stdout)
        self.assertIn("0 winners added or improved", eok("cache", "merge", "--no-verify", "--cache", self.cache, other).stdout)
        listing = eok("cache", "list", "--cache", self.cache).stdout
        self.assertIn("EOK_UNROLL=8", listing)
        out = os.path.join(self.dir, "out.sqlite")
        eok("cache", "export", "--cache", self.cache, out)
        self.assertIn("2 winners", eok("cache", "list", "--cache", out).stdout)
        r = eok("cache", "export", "--cache", self.cache, out, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("exists already", r.stderr)

    def test_missing_and_foreign_files(self):
        r = eok("cache", "list", "--cache", os.path.join(self.dir, "none.sqlite"), check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("none.sqlite: no such database file", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "none.sqlite")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
