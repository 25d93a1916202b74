#!/usr/bin/env python3
"""Lists the shipped kernels for Meson: one line per kernel directory, sorted.

  list_kernels.py sources KERNELS_DIR   ->  <suite>/<name>/<source file>
  list_kernels.py names KERNELS_DIR     ->  <suite> <name>

A kernel is a directory kernels/<suite>/<name>/ with a kernel.toml; its ker0 file is the
spec's `source` key. Adding a kernel is adding its directory: no list to edit.
"""
import glob
import os
import re
import sys


def kernels(root):
    for toml in sorted(glob.glob(os.path.join(root, "*", "*", "kernel.toml"))):
        kdir = os.path.dirname(toml)
        name = os.path.basename(kdir)
        suite = os.path.basename(os.path.dirname(kdir))
        source = None
        with open(toml) as f:
            for line in f:
                m = re.match(r'\s*source\s*=\s*"([^"]+)"', line)
                if m:
                    source = m.group(1)
                    break
        if source is None:
            sys.exit(f"{toml}: no source key")
        yield suite, name, source


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sources", "names"):
        sys.exit(__doc__)
    for suite, name, source in kernels(sys.argv[2]):
        print(f"{suite}/{name}/{source}" if sys.argv[1] == "sources" else f"{suite} {name}")


if __name__ == "__main__":
    main()
