#!/usr/bin/env python3
"""The kernel-directory layout for Meson, the Python tests and the bench scripts, said once
(the driver's side is driver/kernel/layout.hpp):

  kernels/<suite>/<name>/kernel.toml     a kernel; its [kernel] source names ker0 beside it
  tests/kernels/<name>_test.c, _golden.c ker0's check against a scalar golden (every kernel)
  tests/planted/<name>/verdicts.tsv      the evaluator's planted candidates for it (optional)

Adding a kernel is adding its directory: no list to edit. As a command, for Meson:

  kernel_layout.py sources ROOT  ->  <suite>/<name>/<source file>, one kernel a line, sorted
  kernel_layout.py tested ROOT   ->  <suite> <name> <kernel.toml> <ker0> <test.c> <golden.c>
                                     <planted dir>, paths relative to ROOT (the source tree)
  kernel_layout.py planted ROOT  ->  every tests/planted/<dir> with a verdicts.tsv
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = "kernel.toml"


def kernels_dir(root=ROOT):
    return os.path.join(root, "kernels")


def planted_root(root=ROOT):
    return os.path.join(root, "tests", "planted")


def source_name(kernel_dir):
    """The ker0 file name kernel.toml's [kernel] source gives (exits with file: what when none)."""
    toml = os.path.join(kernel_dir, SPEC)
    with open(toml, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*source\s*=\s*"([^"]+)"', line)
            if m:
                return m.group(1)
    sys.exit(f"{toml}: no source key")


def source_of(kernel_dir):
    """ker0's path in a kernel directory."""
    return os.path.join(kernel_dir, source_name(kernel_dir))


def kernel_dirs(root=ROOT):
    """Every shipped kernel directory, sorted."""
    return [os.path.dirname(t) for t in sorted(glob.glob(os.path.join(kernels_dir(root), "*", "*", SPEC)))]


def kernels(root=ROOT):
    """(suite, name, kernel dir) of every shipped kernel, sorted."""
    return [(os.path.basename(os.path.dirname(d)), os.path.basename(d), d) for d in kernel_dirs(root)]


def golden_pair(name, root=ROOT):
    """ker0's check for kernel `name`: (tests/kernels/<name>_test.c, <name>_golden.c)."""
    return tuple(os.path.join(root, "tests", "kernels", name + suffix) for suffix in ("_test.c", "_golden.c"))


def planted_dir(name, root=ROOT):
    """tests/planted/<name>: the planted candidates of kernel `name` (or a set of that name)."""
    return os.path.join(planted_root(root), name)


def planted_sets(root=ROOT):
    """The names of the planted sets (directories of tests/planted with a verdicts.tsv), sorted."""
    return sorted(os.path.basename(os.path.dirname(p)) for p in glob.glob(os.path.join(planted_root(root), "*", "verdicts.tsv")))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sources", "tested", "planted"):
        sys.exit(__doc__)
    root = os.path.abspath(sys.argv[2])
    if sys.argv[1] == "planted":
        print("\n".join(planted_sets(root)))
        return
    for suite, name, kdir in kernels(root):
        if sys.argv[1] == "sources":
            print(f"{suite}/{name}/{source_name(kdir)}")
        else:
            paths = [os.path.join(kdir, SPEC), source_of(kdir), *golden_pair(name, root), planted_dir(name, root)]
            print(suite, name, *(os.path.relpath(p, root) for p in paths))


if __name__ == "__main__":
    main()
