#!/usr/bin/env python3
"""Evaluations per minute with the local executor and with Slurm on the same slots, one run:

    python3 bench/slurm_bench.py [--build build] [--evals 8] [--slots 2] [KERNEL_DIR]

Starts a private Slurm cluster on this machine (tests/slurm_cluster.py; needs root, slurm-wlm and
munge), tunes the kernel offline with a fresh cache under each executor with the same seed and
budget, and prints evaluations per minute, the per-evaluation time the evaluator itself spent
(from the verdicts' timing) and the per-job overhead of Slurm. Then an estimate for a larger
cluster: evaluations per minute = slots x 60 / (per-evaluation time + per-job overhead), and
the time the 80-task suite would take at a given evaluation count per task.
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from slurm_cluster import Cluster  # noqa: E402


def tune(eok, cache, kernel, extra, env, work, evals, slots):
    cmd = [eok, "tune", "--cache", cache, "--cross-file", os.path.join(ROOT, "cross", "rv64gcv-qemu.ini"),
           "--set", f"paths.work={work}", "--set", f"budget.evals={evals}", "--set", f"eval.jobs={slots}",
           "--set", "tune.strategy=random", "--set", "search.seed=11", *extra, kernel]
    start = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.monotonic() - start
    if r.returncode != 0:
        sys.exit(f"eok tune failed: {r.stderr[-3000:]}")
    con = sqlite3.connect(cache)
    verdicts = [json.loads(v) for (v,) in con.execute("SELECT verdict_json FROM candidates WHERE verdict_json <> ''")]
    con.close()
    busy = sum(v["timing"]["compile_s"] + v["timing"]["check_s"] + v["timing"]["perf_s"] for v in verdicts)
    return len(verdicts), wall, busy


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--evals", type=int, default=8)
    ap.add_argument("--slots", type=int, default=2)
    ap.add_argument("--suite-evals", type=int, default=200, help="evaluations per task for the 80-task estimate")
    ap.add_argument("kernel", nargs="?", default=os.path.join(ROOT, "kernels", "nn", "clip"))
    args = ap.parse_args()
    why = Cluster.available()
    if why:
        sys.exit(f"cannot start the test cluster: {why}")
    eok = os.path.join(args.build, "driver", "eok")
    with tempfile.TemporaryDirectory(prefix="eok-slurm-bench-") as tmp:
        with Cluster(tmp, cpus=args.slots) as c:
            env = {k: v for k, v in c.env.items() if not k.startswith("EOK_")}
            n_l, wall_l, busy_l = tune(eok, os.path.join(tmp, "l.sqlite"), args.kernel, [], env, tmp + "/w1", args.evals, args.slots)
            n_s, wall_s, busy_s = tune(eok, os.path.join(tmp, "s.sqlite"), args.kernel,
                                       ["--set", "eval.executor=slurm", "--set", f"slurm.shared_dir={tmp}/shared"], env,
                                       tmp + "/w2", args.evals, args.slots)
    per_eval = busy_l / n_l
    # Each slot is busy wall * slots seconds; what the evaluator did not use is overhead per evaluation.
    overhead_l = max(0.0, wall_l * args.slots / n_l - per_eval)
    overhead_s = max(0.0, wall_s * args.slots / n_s - busy_s / n_s)
    print(f"kernel {os.path.relpath(args.kernel, ROOT)}, {args.slots} slots, {args.evals} evaluations each")
    print(f"{'executor':<8} {'evals':>5} {'wall s':>7} {'evals/min':>9} {'eval s':>7} {'overhead s/eval':>15}")
    print(f"{'local':<8} {n_l:>5} {wall_l:>7.1f} {n_l * 60 / wall_l:>9.1f} {per_eval:>7.2f} {overhead_l:>15.2f}")
    print(f"{'slurm':<8} {n_s:>5} {wall_s:>7.1f} {n_s * 60 / wall_s:>9.1f} {busy_s / n_s:>7.2f} {overhead_s:>15.2f}")
    print(f"slurm / local throughput: {(n_s / wall_s) / (n_l / wall_l):.2f}")
    for nodes, cores in ((100, 8),):
        slots = nodes * cores
        rate = slots * 60 / (busy_s / n_s + overhead_s)
        total = 80 * args.suite_evals
        print(f"estimate: {nodes} nodes x {cores} slots: {rate:.0f} evaluations/min; the 80-task suite at "
              f"{args.suite_evals} evaluations per task ({total}) in {total / rate:.1f} min "
              f"(element-wise-sized evaluations; convolutions cost more per evaluation)")


if __name__ == "__main__":
    main()
