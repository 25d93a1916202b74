#!/usr/bin/env python3
"""Model v1 ("table") vs v2 ("sched") on the shipped kernels (issue 14), one command:

    python3 bench/model_bench.py [--build build] [KERNEL_DIR...]

Runs `eok eval` on each kernel's own implementation (ker0) once per model
(`--set perf.model=table|sched`) and prints ker0's modelled cycles under both, their
ratio, and the model run time per candidate (the verdict's timing.perf_s): table, sched
with an empty block cache (cold: llvm-mca for every block) and sched again (warm: block
costs read from the on-disk cache, as every candidate after the first in practice).
The block cache is a fresh temporary XDG_CACHE_HOME, so the user's is left alone.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

from bench_cli import ROOT, add_build_args, eok_of, kernel_layout


def measure(eok, cross, kernel_dir, source, model, cache):
    cmd = [eok, "eval", "--cross-file", cross, "--kernel", kernel_dir, "--candidate", source, "--json",
           "--set", "perf.model=" + model]
    r = subprocess.run(cmd, capture_output=True, text=True, check=False, env=dict(os.environ, XDG_CACHE_HOME=cache))
    try:
        d = json.loads(r.stdout)
        return d["measurement"]["cycles"], d["timing"]["perf_s"]
    except (ValueError, KeyError, TypeError):
        sys.stderr.write(f"{kernel_dir} ({model}): {r.stderr.strip()[-300:]}\n")
        return None, None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_args(ap)
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    eok = eok_of(args)
    kernels = args.kernels or kernel_layout.kernel_dirs(ROOT)
    cache = tempfile.mkdtemp(prefix="eok-model-bench-")
    print(f"{'kernel':<28} {'table cycles':>14} {'sched cycles':>14} {'sched/table':>11} {'table s':>8} "
          f"{'sched cold s':>12} {'sched warm s':>12}")
    ratios, times = [], {"table": [], "cold": [], "warm": []}
    for k in kernels:
        src = kernel_layout.source_of(k)
        if src is None:
            continue
        t_cycles, t_s = measure(eok, args.cross_file, k, src, "table", cache)
        s_cycles, cold_s = measure(eok, args.cross_file, k, src, "sched", cache)
        w_cycles, warm_s = measure(eok, args.cross_file, k, src, "sched", cache)
        if t_cycles is None or s_cycles is None or w_cycles is None:
            continue
        if w_cycles != s_cycles:
            sys.stderr.write(f"{k}: sched cycles differ between a cold and a warm block cache ({s_cycles} vs {w_cycles})\n")
        ratios.append(s_cycles / t_cycles)
        times["table"].append(t_s)
        times["cold"].append(cold_s)
        times["warm"].append(warm_s)
        print(f"{os.path.basename(k):<28} {t_cycles:>14.0f} {s_cycles:>14.0f} {s_cycles / t_cycles:>11.2f} {t_s:>8.3f} "
              f"{cold_s:>12.3f} {warm_s:>12.3f}")
    shutil.rmtree(cache, ignore_errors=True)
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        mean = {k: sum(v) / len(v) for k, v in times.items()}
        print(f"\n{len(ratios)} kernels: geometric mean sched/table {geo:.2f}; model run time per candidate (mean): "
              f"table {mean['table']:.3f} s, sched cold {mean['cold']:.3f} s ({mean['cold'] / mean['table']:.2f}x), "
              f"sched warm {mean['warm']:.3f} s ({mean['warm'] / mean['table']:.2f}x)")


if __name__ == "__main__":
    main()
