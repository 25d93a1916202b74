#!/usr/bin/env python3
"""What the measurement-integrity guards (issue 12) cost the evaluator, one command:

    python3 bench/guard_cost.py [--before REV | --before-build DIR] [--build build]
                                [--rounds 2] [--count 8] [KERNEL_DIR...]

Runs `eok eval-bench` of a tree without the guards ("before", default 4294d52, built once
into a temporary worktree, or an existing build directory of it) and of this tree ("after")
on the same kernels, alternating the order each round, and prints per kernel the evaluator
throughput (candidates per wall minute, as eval-bench prints it) and the CPU seconds per
candidate (user + system of eval-bench and every process it waited for: clang, lld, objdump,
QEMU). CPU time is the figure to compare on a shared machine: wall time moves with the other
work on the cores, CPU time much less. Ratios are after / before, from the same run.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_KERNELS = ["kernels/nn/relu", "kernels/nn/convdw3x3s1"]


def build_revision(rev, cross):
    """A build of REV's eok and counting plugin in a temporary worktree; returns its build dir."""
    tree = tempfile.mkdtemp(prefix="eok-guard-cost-")
    os.rmdir(tree)
    subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", tree, rev], check=True, capture_output=True)
    build = os.path.join(tree, "build")
    subprocess.run(["meson", "setup", build, "--cross-file", cross], cwd=tree, check=True, capture_output=True)
    for target in ("driver/eok", "driver/perf/eok_count"):
        r = subprocess.run(["meson", "compile", "-C", build, target], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"guard_cost: building {rev} failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return tree, build


def run_bench(build, kernel, count, jobs, cross):
    """One eval-bench run: candidates per wall minute."""
    cmd = [os.path.join(build, "driver", "eok"), "eval-bench", "--cross-file", cross, "--kernel", kernel, "--count",
           str(count), "--jobs", str(jobs)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_")}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    m = re.search(r"([0-9.]+) candidates/min", r.stdout)
    if r.returncode != 0 or not m:
        sys.exit(f"guard_cost: {' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}{r.stderr[-2000:]}")
    return float(m.group(1))


def measure(build, kernel, count, jobs, cross):
    before = os.times()
    wall_rate = run_bench(build, kernel, count, jobs, cross)
    after = os.times()  # children's CPU includes what they waited for: clang, lld, objdump, QEMU
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall_rate, cpu / count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"), help="this tree's Meson build directory")
    ap.add_argument("--before", default="4294d52", help="revision without the guards (built into a temporary worktree)")
    ap.add_argument("--before-build", help="an existing build directory of the revision without the guards")
    ap.add_argument("--cross-file", default=os.path.join(ROOT, "cross", "rv64gcv-qemu.ini"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--count", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    kernels = [os.path.abspath(k) for k in (args.kernels or [os.path.join(ROOT, k) for k in DEFAULT_KERNELS])]
    tree = None
    before_build = args.before_build
    if before_build is None:
        print(f"building {args.before} (without the guards) ...", flush=True)
        tree, before_build = build_revision(args.before, args.cross_file)
    trees = {"before": before_build, "after": args.build}
    results = {(k, t): [] for k in kernels for t in trees}
    try:
        for r in range(args.rounds):
            order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
            for k in kernels:
                for t in order:
                    rate, cpu = measure(trees[t], k, args.count, args.jobs, args.cross_file)
                    results[(k, t)].append((rate, cpu))
                    print(f"round {r + 1} {t:<6} {os.path.relpath(k, ROOT)}: {rate:.1f} candidates/min, "
                          f"{cpu:.2f} CPU s per candidate", flush=True)
    finally:
        if tree is not None:
            subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", tree], capture_output=True)
            shutil.rmtree(tree, ignore_errors=True)

    def mean(xs):
        return sum(xs) / len(xs)

    print()
    print(f"{'kernel':<22} {'before /min':>11} {'after /min':>10} {'ratio':>6} {'before CPU s':>12} {'after CPU s':>11} "
          f"{'CPU cost':>8}")
    for k in kernels:
        b, a = results[(k, "before")], results[(k, "after")]
        b_rate, a_rate = mean([x[0] for x in b]), mean([x[0] for x in a])
        b_cpu, a_cpu = mean([x[1] for x in b]), mean([x[1] for x in a])
        print(f"{os.path.relpath(k, ROOT):<22} {b_rate:>11.1f} {a_rate:>10.1f} {a_rate / b_rate:>6.2f} {b_cpu:>12.2f} "
              f"{a_cpu:>11.2f} {100 * (a_cpu / b_cpu - 1):>+7.1f}%")
    print(f"(means of {args.rounds} rounds, order alternating; --count {args.count}, --jobs {args.jobs}; "
          "CPU s per candidate includes each run's set-up: harness, ker0 and its baseline)")


if __name__ == "__main__":
    main()
