#!/usr/bin/env python3
"""Concurrent `eok tune` runs of one kernel sharing work through the cache (issue 13 item 12):

    python3 bench/concurrent_tune_bench.py [--build build] [--procs 3] [--jobs 1] [KERNEL_DIR]

Tunes the kernel (default: the planted tests/tune/nanclean, 6 knob points, exhaustive,
no flag search) once alone on a fresh cache, then with N processes started together on
another fresh cache, and prints each case's wall time and how many points the processes
evaluated themselves versus took from another's claim (`evaluations - reused` in the
JSON reports). Without sharing, N processes evaluate N times the points.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_together(eok, cross, kernel, work, procs, jobs):
    cache = os.path.join(work, f"cache-{procs}.sqlite")
    config = os.path.join(work, f"eok-{procs}.toml")
    with open(config, "w") as f:
        f.write(f'[paths]\ncache = "{cache}"\nwork = "{work}/work"\nideas = "{ROOT}/ideas"\nrag = "{ROOT}/rag_corpus"\n'
                f'[tune]\nstrategy = "exhaustive"\nbuiltin_flags = false\n[eval]\njobs = {jobs}\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_")}
    start = time.monotonic()
    running = []
    for i in range(procs):
        report = os.path.join(work, f"report-{procs}-{i}.json")
        cmd = [eok, "tune", "--config", config, "--cross-file", cross, "--report", report, kernel]
        running.append((subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env), report))
    evaluated = reused = 0
    ends = []
    for p, report in running:
        _, err = p.communicate()
        ends.append(time.monotonic() - start)
        if p.returncode != 0:
            sys.exit(f"eok tune failed: {err.strip()[-400:]}")
        with open(report) as f:
            k = json.load(f)["kernels"][0]
        evaluated += k["evaluations"] - k["reused"]
        reused += k["reused"]
    return max(ends), sum(ends) / len(ends), evaluated, reused


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--procs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="eval.jobs of each process")
    ap.add_argument("kernel", nargs="?", default=os.path.join(ROOT, "tests", "tune", "nanclean"))
    a = ap.parse_args()
    eok = os.path.join(a.build, "driver", "eok")
    cross = os.path.join(ROOT, "cross", "rv64gcv-qemu.ini")
    with tempfile.TemporaryDirectory(prefix="eok-concurrent-bench-") as work:
        print(f"kernel {os.path.relpath(a.kernel, ROOT)}, eval.jobs = {a.jobs}, {os.cpu_count()} cores")
        print(f"{'processes':>9} {'last done s':>12} {'mean done s':>12} {'evaluated':>10} {'reused':>7}")
        for procs in (1, a.procs):
            last, mean, evaluated, reused = run_together(eok, cross, a.kernel, work, procs, a.jobs)
            print(f"{procs:>9} {last:>12.1f} {mean:>12.1f} {evaluated:>10} {reused:>7}")


if __name__ == "__main__":
    main()
