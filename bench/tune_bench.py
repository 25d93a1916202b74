#!/usr/bin/env python3
"""Benchmark of the offline knob/flag search (issue 7), one command:

    python3 bench/tune_bench.py [--build build] [--set KEY=VALUE]... [KERNEL_DIR...]

Runs `eok tune` with no LLM on the shipped kernels (default: every kernels/*/*/),
with a fresh cache in a temporary directory so nothing is reused, and prints a
table: ker0 and best cycles (X60 model), speedup, SOL fraction, what won, the
evaluations made and the tuning time per kernel, plus the geometric mean speedup.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

from bench_cli import ROOT, add_build_args, eok_of, kernel_layout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_args(ap)
    ap.add_argument("--set", action="append", default=[], help="eok setting, e.g. budget.evals=8 (repeatable)")
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    eok = eok_of(args)
    kernels = args.kernels or kernel_layout.kernel_dirs(ROOT)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_")}
    with tempfile.TemporaryDirectory(prefix="eok-bench-") as tmp:
        report = os.path.join(tmp, "report.json")
        cmd = [eok, "tune", "--cross-file", args.cross_file, "--cache", os.path.join(tmp, "cache.sqlite"),
               "--set", "paths.work=" + os.path.join(tmp, "work"), "--set", "llm.provider=none", "--report", report]
        for s in args.set:
            cmd += ["--set", s]
        start = time.monotonic()
        r = subprocess.run(cmd + kernels, env=env, stdout=subprocess.DEVNULL, stderr=sys.stderr)
        total = time.monotonic() - start
        if r.returncode != 0 or not os.path.exists(report):
            print(f"eok tune failed (exit {r.returncode})", file=sys.stderr)
            return 1
        data = json.load(open(report))
    rows = data["kernels"]
    print("| kernel | ker0 cycles | best cycles | speedup | SOL | what won | evals | strategy | time (s) |")
    print("|---|---:|---:|---:|---:|---|---:|---|---:|")
    for k in rows:
        print(f"| {k['kernel']} | {k['ker0_cycles']:.0f} | {k['best_cycles']:.0f} | {k['speedup']:.3f}x | "
              f"{k['sol_fraction']:.3f} | {k['what']} | {k['evaluations']} | {k['strategy']} | {k['seconds']:.1f} |")
    speedups = [k["speedup"] for k in rows if k["speedup"] > 0]
    if speedups:
        geo = math.exp(sum(math.log(s) for s in speedups) / len(speedups))
        print(f"\ngeometric mean speedup {geo:.3f}x over {len(speedups)} kernels; "
              f"{sum(k['evaluations'] for k in rows)} evaluations; total {total:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
