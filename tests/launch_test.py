#!/usr/bin/env python3
"""The compiler launcher end to end on the NCNN-shaped fixture (tests/ncnn_fixture):
CMake with Ninja and Make, a stored winner substituted for exactly its compile, a
header change invalidating it, an unverified winner ignored, ccache chained after
eok-launch, and a corrupt cache building the original with a warning."""
import json
import os
import shutil
import unittest

from eok_cli import clean_env, nm_tool, run, scratch_dir

EOK = os.environ["EOK_BIN"]
EOK_LAUNCH = os.path.join(os.path.dirname(EOK), "eok-launch")
SRC = os.environ["EOK_SOURCE_ROOT"]
FIXTURE = os.path.join(SRC, "tests", "ncnn_fixture")
MARKER = "eok_fixture_winner_marker"


class Launcher(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-launch-")
        self.src = os.path.join(self.dir, "ncnn")
        shutil.copytree(FIXTURE, self.src)
        self.cache = os.path.join(self.dir, "cache.sqlite")
        self.env = {"CCACHE_DIR": os.path.join(self.dir, "ccache"), "CCACHE_NOHASHDIR": "1"}

    def configure(self, name, generator, launcher):
        build = os.path.join(self.dir, name)
        run(["cmake", "-S", self.src, "-B", build, "-G", generator,
             "-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(self.src, "riscv64-clang.toolchain.cmake"),
             "-DCMAKE_CXX_COMPILER_LAUNCHER=" + ";".join(launcher)], env=clean_env(**self.env))
        return build

    def build(self, build):
        return run(["cmake", "--build", build, "-j", "2"], env=clean_env(**self.env))

    def relu_command(self, build):
        with open(os.path.join(build, "compile_commands.json")) as f:
            entry = next(e for e in json.load(f) if e["file"].endswith("relu_riscv.cpp"))
        return entry

    def put_winner(self, build, verified=True):
        """A correct relu_riscv.cpp that also defines a marker symbol, stored under
        the exact key of the build's own compile command."""
        entry = self.relu_command(build)
        path = os.path.join(self.src, "src", "layer", "riscv", "relu_riscv.cpp")
        with open(path) as f:
            winner = f.read() + f'\nextern "C" {{ int {MARKER} = 1; }}\n'
        wfile = os.path.join(self.dir, "winner.cpp")
        with open(wfile, "w") as f:
            f.write(winner)
        args = [EOK, "launch", "--cache", self.cache, "--put", wfile] + (["--verified"] if verified else [])
        run(args + ["--"] + entry["command"].split(), cwd=entry["directory"])

    def relu_object(self, build):
        entry = self.relu_command(build)
        words = entry["command"].split()
        return os.path.join(entry["directory"], words[words.index("-o") + 1])

    def relu_object_has_marker(self, build):
        obj = self.relu_object(build)
        return MARKER in run([nm_tool(), obj]).stdout

    def stats(self):
        return run([EOK, "launch", "--cache", self.cache, "--stats"]).stdout

    def test_ninja_substitutes_exactly_and_a_header_change_invalidates(self):
        build = self.configure("ninja", "Ninja", [EOK, "launch", "--cache=" + self.cache])
        self.put_winner(build)
        self.build(build)
        self.assertTrue(self.relu_object_has_marker(build))
        s = self.stats()
        self.assertIn("compiles substituted (hits)  1\n", s)
        self.assertIn("relu_riscv.cpp", s)
        self.assertNotIn("clip_riscv.cpp", s)
        # NCNN's own test still passes with the winner linked in
        run(["ctest", "--test-dir", build, "--output-on-failure"])
        # any byte of any included header changes the key: back to the original
        with open(os.path.join(self.src, "src", "layer", "riscv", "riscv_usability.h"), "a") as f:
            f.write("// edited\n")
        self.build(build)
        self.assertFalse(self.relu_object_has_marker(build))
        self.assertIn("compiles substituted (hits)  1\n", self.stats())
        run([EOK, "launch", "--cache", self.cache, "--zero-stats"])
        self.assertIn("compiles substituted (hits)  0\n", self.stats())

    def test_make_through_the_eok_launch_name_and_unverified_winners(self):
        build = self.configure("make", "Unix Makefiles", [EOK_LAUNCH, "--cache=" + self.cache])
        self.put_winner(build, verified=False)
        self.build(build)
        self.assertFalse(self.relu_object_has_marker(build), "an unverified winner reached the build")
        self.put_winner(build, verified=True)
        os.remove(self.relu_object(build))
        self.build(build)
        self.assertTrue(self.relu_object_has_marker(build))
        run(["ctest", "--test-dir", build])

    def test_ccache_chained_after_the_launcher_and_a_corrupt_cache(self):
        if not shutil.which("ccache"):
            self.skipTest("no ccache")
        build = self.configure("ccache", "Ninja", [EOK, "launch", "--cache=" + self.cache, "ccache"])
        self.put_winner(build)
        self.build(build)
        self.assertTrue(self.relu_object_has_marker(build))
        # a clean rebuild comes from ccache and is still the winner
        run(["cmake", "--build", build, "--target", "clean"])
        self.build(build)
        self.assertTrue(self.relu_object_has_marker(build))
        ccache_stats = run(["ccache", "--print-stats"], env=clean_env(**self.env)).stdout
        hits = sum(int(l.split("\t")[1]) for l in ccache_stats.splitlines()
                   if l.startswith(("direct_cache_hit", "preprocessed_cache_hit")))
        self.assertGreater(hits, 0, ccache_stats)
        # a corrupt cache: the original sources (ccache must not hand back the
        # winner's object for them) and a warning per compile, build succeeds
        with open(self.cache, "wb") as f:
            f.write(b"this is not a database" * 100)
        for extra in ("-wal", "-shm"):
            if os.path.exists(self.cache + extra):
                os.remove(self.cache + extra)
        run(["cmake", "--build", build, "--target", "clean"])
        r = self.build(build)
        self.assertFalse(self.relu_object_has_marker(build))
        self.assertIn("eok-launch: warning:", r.stdout + r.stderr)
        self.assertIn("compiling", r.stdout + r.stderr)
        run(["ctest", "--test-dir", build])


if __name__ == "__main__":
    unittest.main(verbosity=2)
