#!/usr/bin/env python3
"""Integration tests of the eok command line: help, config, target, bad input."""
import os
import unittest

from eok_cli import SRC, clean_env, eok, scratch_dir


class Cli(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-cli-")

    def test_help_lists_commands_and_exit_codes(self):
        r = eok("--help")
        self.assertEqual(r.returncode, 0)
        for cmd in ("config", "target"):
            self.assertIn(cmd, r.stdout)
        self.assertIn("3 cache miss in CI mode", r.stdout)

    def test_no_arguments_is_a_usage_error(self):
        self.assertEqual(eok().returncode, 2)

    def test_every_command_has_help(self):
        listing = eok("--help").stdout.split("commands:")[1].split("exit status")[0]
        names = [" ".join(line.split()[:2]) if line.split()[0] in ("cache", "ideas", "llm", "ncnn", "perf", "rag") else line.split()[0]
                 for line in listing.strip().splitlines()]
        for name in names:
            r = eok(*name.split(), "--help")
            self.assertEqual(r.returncode, 0, name)
            self.assertIn("usage: eok " + name, r.stdout)

    def test_unknown_command_and_option(self):
        r = eok("frobnicate")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown command 'frobnicate'", r.stderr)
        r = eok("config", "--frob")
        self.assertEqual(r.returncode, 2)
        self.assertIn("eok config: unknown option '--frob'", r.stderr)

    def test_config_prints_values_with_origins(self):
        path = os.path.join(self.dir, "eok.toml")
        with open(path, "w") as f:
            f.write("[llm]\nmodel = \"m1\"\n")
        r = eok("config", "--config", path, "--set", "search.parallel=3", env=clean_env(EOK_LLM_TIMEOUT_S="9"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f'(project {path}:2) llm.model = "m1"', r.stdout)
        self.assertIn("(cli --set) search.parallel = 3", r.stdout)
        self.assertIn("(env EOK_LLM_TIMEOUT_S) llm.timeout_s = 9", r.stdout)
        self.assertIn("(default) search.generations = 2", r.stdout)

    def test_config_errors_are_one_clear_line(self):
        path = os.path.join(self.dir, "eok.toml")
        cases = {
            "[llm]\nmodel = 'x\n": f"eok: error: {path}:2: ",
            "[llm]\nmodle = 'x'\n": f"eok: error: {path}:2: unknown key 'llm.modle'",
            "[search]\nparallel = true\n": f"eok: error: {path}:2: search.parallel: expected an integer, got a boolean",
        }
        for text, want in cases.items():
            with open(path, "w") as f:
                f.write(text)
            r = eok("config", "--config", path)
            self.assertEqual(r.returncode, 1, text)
            self.assertTrue(r.stderr.startswith(want), (text, r.stderr))
            self.assertEqual(len(r.stderr.strip().splitlines()), 1, r.stderr)

    def test_secret_is_not_printed(self):
        r = eok("config", env=clean_env(EOK_API_KEY="sk-secret-123"))
        self.assertEqual(r.returncode, 0)
        self.assertNotIn("sk-secret-123", r.stdout + r.stderr)
        self.assertIn("(env EOK_API_KEY) llm.api_key = <set, hidden>", r.stdout)

    def test_target_reads_the_default_cross_file(self):
        r = eok("target", "--cross-file", os.path.join(SRC, "cross/rv64gcv-qemu.ini"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("vlen        = 256", r.stdout)
        self.assertIn("march       = rv64gcv_zfh_zvfh", r.stdout)
        self.assertIn("qemu-riscv64", r.stdout)

    def test_missing_cross_file_and_missing_compiler(self):
        r = eok("target", "--cross-file", "/nonexistent.ini")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.strip(), "eok: error: /nonexistent.ini: cross file not found")
        broken = os.path.join(self.dir, "broken.ini")
        with open(broken, "w") as f:
            f.write("[binaries]\nc = 'clang-404'\n[properties]\neok_vlen = 256\n")
        r = eok("target", "--cross-file", broken)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stderr.strip(), f"eok: error: {broken}:2: c: 'clang-404' is not installed (not found on PATH)")


if __name__ == "__main__":
    unittest.main(verbosity=2)
