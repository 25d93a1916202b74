#!/usr/bin/env python3
"""Fail when the unit test binary has a doctest suite that tests/meson.build does not register."""
import subprocess
import sys

binary, registered = sys.argv[1], set(sys.argv[2:])
out = subprocess.run([binary, "--list-test-suites", "--no-intro"], capture_output=True, text=True, check=True).stdout
found = set()
for line in out.splitlines():
    line = line.strip()
    if not line or line.startswith("[doctest]") or line.startswith("=") or line.startswith("#"):
        continue
    found.add(line)
missing = sorted(found - registered)
stale = sorted(registered - found)
if missing:
    print("suites not registered in tests/meson.build:", ", ".join(missing))
if stale:
    print("registered suites that do not exist:", ", ".join(stale))
sys.exit(1 if missing or stale else 0)
