#!/usr/bin/env python3
"""Model v1 ("table") vs v2 ("sched") on the shipped kernels (issue 14), one command:

    python3 bench/model_bench.py [--build build] [KERNEL_DIR...]

Runs `eok eval` on each kernel's own implementation (ker0) once per model
(`--set perf.model=table|sched`) and prints ker0's modelled cycles under both, their
ratio, and the model run time per candidate (the verdict's timing.perf_s) for both.
Each eval is a fresh process, so "sched" pays llvm-mca for every block here; inside a
search the block cache is shared by all candidates of the run.
"""
import argparse
import glob
import json
import math
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def source_of(kernel_dir):
    with open(os.path.join(kernel_dir, "kernel.toml"), encoding="utf-8") as f:
        m = re.search(r'^source\s*=\s*"([^"]+)"', f.read(), re.M)
    return os.path.join(kernel_dir, m.group(1)) if m else None


def measure(eok, cross, kernel_dir, source, model):
    cmd = [eok, "eval", "--cross-file", cross, "--kernel", kernel_dir, "--candidate", source, "--json",
           "--set", "perf.model=" + model]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        d = json.loads(r.stdout)
        return d["measurement"]["cycles"], d["timing"]["perf_s"]
    except (ValueError, KeyError, TypeError):
        sys.stderr.write(f"{kernel_dir} ({model}): {r.stderr.strip()[-300:]}\n")
        return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="Meson build directory holding driver/eok")
    ap.add_argument("--cross-file", default=os.path.join(ROOT, "cross", "rv64gcv-qemu.ini"))
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    eok = os.path.join(args.build, "driver", "eok")
    kernels = args.kernels or sorted(os.path.dirname(p) for p in glob.glob(os.path.join(ROOT, "kernels", "*", "*", "kernel.toml")))
    print(f"{'kernel':<28} {'table cycles':>14} {'sched cycles':>14} {'sched/table':>11} {'table s':>8} {'sched s':>8}")
    ratios, times = [], {"table": [], "sched": []}
    for k in kernels:
        src = source_of(k)
        if src is None:
            continue
        t_cycles, t_s = measure(eok, args.cross_file, k, src, "table")
        s_cycles, s_s = measure(eok, args.cross_file, k, src, "sched")
        if t_cycles is None or s_cycles is None:
            continue
        ratios.append(s_cycles / t_cycles)
        times["table"].append(t_s)
        times["sched"].append(s_s)
        print(f"{os.path.basename(k):<28} {t_cycles:>14.0f} {s_cycles:>14.0f} {s_cycles / t_cycles:>11.2f} {t_s:>8.3f} {s_s:>8.3f}")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"\n{len(ratios)} kernels: geometric mean sched/table {geo:.2f}; model run time per candidate: "
              f"table {sum(times['table']) / len(ratios):.3f} s, sched {sum(times['sched']) / len(ratios):.3f} s (mean)")


if __name__ == "__main__":
    main()
