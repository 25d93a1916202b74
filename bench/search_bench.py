#!/usr/bin/env python3
"""Benchmark of the EoK (LLM) search end to end with instant replies (issue 6), one command:

    python3 bench/search_bench.py [--build build] [--set KEY=VALUE]... [KERNEL...]

Starts the project's loopback LLM server (tests/llm_server.py) answering every prompt at once
with scripted code (tests/scripted_llm.py; each reply's code is made unique, so every step is
really compiled, checked and measured), runs `eok tune` on the kernels (default: relu, mish,
convdw3x3s1) with a fresh cache, and prints per kernel the search steps (LLM requests), the
evaluations, the time, the evaluator's busy time (its own per-candidate timing, from the
verdicts in the cache) and the steps per minute, then how much of the P evaluation slots went
to anything but evaluation. The pure engine overhead (no HTTP, no evaluator) is measured by
bench/search_overhead_bench (README, "Search overhead").
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

from bench_cli import ROOT, add_build_args, eok_of
from scripted_llm import Server, script


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_args(ap)
    ap.add_argument("--set", action="append", default=[], help="eok setting, e.g. search.iterations=3 (repeatable)")
    ap.add_argument("kernels", nargs="*", default=["relu", "mish", "convdw3x3s1"])
    args = ap.parse_args()
    parallel = 2  # search.parallel's default, unless --set changes it
    for setting in args.set:
        if setting.startswith("search.parallel="):
            parallel = int(setting.split("=", 1)[1])
    eok = eok_of(args)
    env = {k: v for k, v in os.environ.items() if not k.startswith("EOK_")}
    env["EOK_API_KEY"] = "sk-bench"

    with tempfile.TemporaryDirectory(prefix="eok-search-bench-") as tmp:
        server = Server(tmp, script(args.kernels, unique=True, transient=False))
        try:
            cache = os.path.join(tmp, "cache.sqlite")
            config = os.path.join(tmp, "eok.toml")
            with open(config, "w") as f:
                f.write(f'[paths]\ncache = "{cache}"\nwork = "{tmp}/work"\nideas = "{ROOT}/ideas"\nrag = "{ROOT}/rag_corpus"\n'
                        f'[llm]\nprovider = "openai"\nbase_url = "{server.url}"\nmodel = "bench"\n'
                        '[tune]\nbuiltin_flags = false\n')
            sets = [x for s in args.set for x in ("--set", s)]
            report = os.path.join(tmp, "report.json")
            dirs = [os.path.join(ROOT, "kernels", "nn", k) for k in args.kernels]
            start = time.monotonic()
            r = subprocess.run([eok, "tune", "--config", config, "--cross-file", args.cross_file, "--report", report, *sets,
                                *dirs], capture_output=True, text=True, env=env)
            wall = time.monotonic() - start
            if r.returncode != 0:
                sys.exit(f"eok tune failed ({r.returncode}):\n{r.stderr}")
            with open(report) as f:
                kernels = json.load(f)["kernels"]
            con = sqlite3.connect(cache)
            print(f"eok tune, EoK search with instant scripted replies: {len(args.kernels)} kernels, {wall:.1f} s wall")
            print(f"{'kernel':16} {'steps':>5} {'evals':>5} {'no code':>7} {'post':>5} {'seconds':>8} {'eval s':>7} {'steps/min':>9}  "
                  "LLM best -> winner")
            total_steps = total_evals = 0
            total_seconds = total_busy = 0.0
            total_post = 0
            for k in kernels:
                rows = con.execute("SELECT c.op, c.generated, c.verdict_json FROM candidates c JOIN runs r ON r.id = c.run_id "
                                   "WHERE r.kernel = ?", (k["kernel"],)).fetchall()
                steps = sum(1 for op, _, _ in rows if op != "knobs/flags")
                no_code = sum(1 for op, gen, _ in rows if op != "knobs/flags" and not gen)
                post = sum(1 for op, _, _ in rows if op == "knobs/flags")
                # The evaluator's own timing of each candidate (compile, checks, performance run).
                busy = sum(sum(json.loads(v)["timing"].values()) for _, _, v in rows if v)
                total_busy += busy
                total_post += post
                evals = steps - no_code + post
                note = re.search(r"EoK: (\d+) evaluated \((\d+) identical", k["detail"])
                if note:
                    evals -= int(note.group(2))  # identical sources reused a verdict
                total_steps += steps
                total_evals += evals
                total_seconds += k["seconds"]
                llm = k["ker0_cycles"] / k["llm_cycles"] if k["llm_cycles"] else 0
                print(f"{k['kernel']:16} {steps:5} {evals:5} {no_code:7} {post:5} {k['seconds']:8.1f} {busy:7.1f} "
                      f"{60 * steps / k['seconds']:9.1f}  {llm:.3f}x -> {k['speedup']:.3f}x")
            con.close()
            requests = [q for q in server.requests() if q["path"].endswith("/chat/completions")]
            print(f"{'total':16} {total_steps:5} {total_evals:5} {'':7} {'':5} {total_seconds:8.1f} {total_busy:7.1f} "
                  f"{60 * total_steps / total_seconds:9.1f}  ({len(requests)} LLM requests served)")
            # P searches (and eval.jobs post-pass evaluations) run at once: P evaluation slots per second.
            slots = parallel * total_seconds
            print(f"\nevaluation slots: {parallel} x {total_seconds:.1f} s = {slots:.1f} s, evaluator busy {total_busy:.1f} s "
                  f"({100 * total_busy / slots:.0f}%); the rest ({slots - total_busy:.1f} s, "
                  f"{1000 * (slots - total_busy) / max(1, total_steps + total_post):.0f} ms per candidate) is everything else: "
                  "baseline and flag probe, prompts, RAG, journal, HTTP, and searches waiting at the iteration barrier")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
