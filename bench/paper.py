#!/usr/bin/env python3
"""The EoK paper's experiment (arXiv 2509.14265, Tables 2-4) for what can be run here, one command:

    python3 bench/paper.py [--build build] [--seeds 3] [--set KEY=VALUE]... [--replay T.jsonl] [KERNEL_DIR...]

Methods, each a real eok setting (README "The paper's experiment"):
  offline   knob/flag search only, no LLM (the Kernel Tuner analogue)      llm.provider = none
  eoh       the same LLM search with no idea pool and no RAG                search.ideas = false, search.rag = false
  eok-norag EoK without retrieval                                           search.rag = false
  eok       EoK                                                             defaults
  eok+      EoK with eok's additions: verdict feedback and repair (R)       search.repair = true
The paper's three LLM methods run with search.repair = false (the paper's searches drop a failed
candidate without a word); the profile lines in prompts stay (they are part of eok's RAG).
Each method runs with --seeds seeds (search.seed = 1..S) on a fresh cache per run. The LLM methods
need an endpoint: the LLM settings of the user's eok.toml / EOK_* environment (llm.provider =
openai), or --replay FILE (a transcript recorded with llm.record_file). Without either, only the
offline method runs and the table says the others need an endpoint.

Prints per method and seed the paper's summary (mean, max, 75%, 50%, 25% speedup over ker0 with
ker0 staying at 1.0x; tasks improved / total; tasks with at least one correct candidate), then
the median over seeds per method, with the date, eok's model version and the kernels run.
"""
import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from bench_cli import ROOT, add_build_args, eok_of, kernel_layout
METHODS = [
    ("offline", ["llm.provider=none"]),
    ("eoh", ["search.ideas=false", "search.rag=false", "search.repair=false"]),
    ("eok-norag", ["search.rag=false", "search.repair=false"]),
    ("eok", ["search.repair=false"]),
    ("eok+", ["search.repair=true"]),
]


def quantile(values, p):
    v = sorted(values)
    pos = p * (len(v) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def summary(kernels):
    speedups = [k["speedup"] if k["status"] in ("tuned", "ker0 stays") and k["speedup"] > 0 else 1.0 for k in kernels]
    if not speedups:
        return None
    return {
        "tasks": len(speedups),
        "improved": sum(1 for s in speedups if s > 1.0),
        "succeeded": sum(1 for k in kernels if k["status"] in ("tuned", "ker0 stays")),
        "mean": sum(speedups) / len(speedups),
        "max": max(speedups),
        "p75": quantile(speedups, 0.75),
        "p50": quantile(speedups, 0.50),
        "p25": quantile(speedups, 0.25),
    }


def llm_configured(eok, env):
    r = subprocess.run([eok, "config"], capture_output=True, text=True, env=env)
    for line in r.stdout.splitlines():
        if line.split(")")[-1].strip().startswith("llm.provider ="):
            return line.split("=", 1)[1].strip().strip('"') != "none"
    return False


def run(eok, cross, kernels, settings, env, tmp, tag):
    report = os.path.join(tmp, tag + ".json")
    cache = os.path.join(tmp, tag + ".sqlite")
    cmd = [eok, "tune", "--cross-file", cross, "--cache", cache, "--set", "paths.work=" + os.path.join(tmp, "work"),
           "--report", report]
    for s in settings:
        cmd += ["--set", s]
    start = time.monotonic()
    r = subprocess.run(cmd + kernels, capture_output=True, text=True, env=env)
    seconds = time.monotonic() - start
    if not os.path.exists(report):
        sys.exit(f"{' '.join(cmd)}: exit {r.returncode}, no report\n{r.stderr[-3000:]}")
    with open(report) as f:
        data = json.load(f)
    versions = subprocess.run(["sqlite3", cache, "SELECT DISTINCT model_version FROM winners"], capture_output=True,
                              text=True).stdout.split("\n")
    return data["kernels"], seconds, [v for v in versions if v]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_args(ap)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--methods", default=",".join(m for m, _ in METHODS), help="comma-separated subset")
    ap.add_argument("--replay", help="answer the LLM methods from this recorded transcript")
    ap.add_argument("--set", action="append", default=[], help="eok setting for every run, e.g. budget.evals=16")
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    eok = eok_of(args)
    kernels = args.kernels or kernel_layout.kernel_dirs(ROOT)
    env = dict(os.environ)
    llm = ["llm.provider=replay", "llm.replay_file=" + os.path.abspath(args.replay)] if args.replay else []
    have_llm = bool(args.replay) or llm_configured(eok, env)
    wanted = args.methods.split(",")
    unknown = [m for m in wanted if m not in dict(METHODS)]
    if unknown:
        sys.exit(f"unknown method(s): {', '.join(unknown)} (offline, eoh, eok-norag, eok)")
    print(f"# eok paper experiment, {datetime.date.today().isoformat()}: {len(kernels)} kernels, "
          f"{args.seeds} seed(s), settings {args.set or 'default'}")
    rows, skipped, versions = [], [], set()
    with tempfile.TemporaryDirectory(prefix="eok-paper-") as tmp:
        for method, settings in METHODS:
            if method not in wanted:
                continue
            if method != "offline" and not have_llm:
                skipped.append(method)
                continue
            per_seed = []
            for seed in range(1, args.seeds + 1):
                extra = settings + (llm if method != "offline" else []) + args.set + [f"search.seed={seed}"]
                result, seconds, v = run(eok, args.cross_file, kernels, extra, env, tmp, f"{method}-{seed}")
                versions.update(v)
                s = summary(result)
                per_seed.append(s)
                rows.append((method, str(seed), s, seconds))
                print(f"  {method} seed {seed}: {seconds:.0f} s", file=sys.stderr)
            if len(per_seed) > 1:
                med = {k: statistics.median(s[k] for s in per_seed) for k in per_seed[0]}
                rows.append((method, "median", med, None))
    print(f"# model: {', '.join(sorted(versions)) or 'unknown'}")
    print()
    print("| method | seed | improved / tasks | correct | mean | max | 75% | 50% | 25% | time |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for method, seed, s, seconds in rows:
        t = f"{seconds:.0f} s" if seconds is not None else ""
        print(f"| {method} | {seed} | {s['improved']:g} / {s['tasks']:g} | {s['succeeded']:g} | {s['mean']:.3f}x | {s['max']:.3f}x "
              f"| {s['p75']:.3f}x | {s['p50']:.3f}x | {s['p25']:.3f}x | {t} |")
    for m in skipped:
        print(f"| {m} | - | needs an LLM endpoint (llm.provider = openai) or --replay FILE | | | | | | | |")


if __name__ == "__main__":
    main()
