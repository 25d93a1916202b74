#!/usr/bin/env python3
"""Prompt size per search operator, before and after profiles and failure accounts (issue 19),
measured in one run:

    python3 bench/prompt_bench.py [--build build] [KERNEL_DIR...]   (default: relu, mish, convdw3x3s1)

For each kernel, `eok prompts --kernel K --failed F` builds every operator's prompt from real
inputs (ker0 and its model profile, the idea pool, RAG), once as today and once with
--no-feedback (the prompts as they were before: no profile, no failure account, no repair).
F is a candidate that fails (tests/planted/<kernel>/, the first wrong_output there). Prints
characters and estimated tokens (characters / 4: no tokenizer here; real counts depend on the
model) per operator, and the growth."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

from bench_cli import ROOT, add_build_args, eok_of, kernel_layout


def failing_candidate(kernel):
    name = os.path.basename(kernel.rstrip("/"))
    planted = kernel_layout.planted_dir(name, ROOT)
    table = os.path.join(planted, "verdicts.tsv")
    if not os.path.exists(table):
        return None
    for line in open(table):
        cols = line.split()
        if len(cols) >= 3 and not line.startswith("#") and cols[2] == "wrong_output":
            return os.path.join(planted, cols[1])
    return None


def prompts(eok, kernel, failed, plain, work):
    args = [eok, "prompts", "--kernel", kernel, "--set", f"paths.cache={work}/cache.sqlite", "--set", f"paths.work={work}/w"]
    if failed:
        args += ["--failed", failed]
    if plain:
        args.append("--no-feedback")
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    sizes = {}
    for m in re.finditer(r"^==== (\S+): system\n(.*?)\n==== \1: user\n(.*?)(?=^==== |\Z)", out, re.S | re.M):
        sizes[m.group(1)] = len(m.group(2)) + len(m.group(3))
    return sizes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_build_args(ap, cross_file=False)
    ap.add_argument("kernels", nargs="*")
    args = ap.parse_args()
    eok = eok_of(args)
    kernels = args.kernels or [os.path.join(ROOT, "kernels", "nn", k) for k in ("relu", "mish", "convdw3x3s1")]
    print(f"{'kernel':<14} {'op':<5} {'before':>8} {'after':>8} {'tokens before':>14} {'tokens after':>13} {'growth':>7}")
    with tempfile.TemporaryDirectory(prefix="eok-prompt-bench-") as work:
        for k in kernels:
            failed = failing_candidate(k)
            before = prompts(eok, k, failed, True, work)
            after = prompts(eok, k, failed, False, work)
            for op, size in after.items():
                b = before.get(op)
                grow = f"{(size / b - 1) * 100:+.0f}%" if b else "new"
                print(f"{os.path.basename(k):<14} {op:<5} {b or 0:>8} {size:>8} {(b or 0) // 4:>14} {size // 4:>13} {grow:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
