#!/usr/bin/env python3
"""Prints the planted candidates of one tests/planted/<name>/ directory that the golden
check also runs: `<file> ok` (must pass the golden) and `<file> wrong_output` (must fail it),
read from its verdicts.tsv. No directory or no table: nothing."""
import os
import sys

table = os.path.join(sys.argv[1], "verdicts.tsv")
if os.path.isfile(table):
    for line in open(table):
        parts = line.split()
        if len(parts) >= 3 and not parts[0].startswith("#") and parts[2] in ("ok", "wrong_output"):
            print(parts[1], parts[2])
