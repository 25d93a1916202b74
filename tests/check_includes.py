#!/usr/bin/env python3
"""ARCHITECTURE.md's module map is true: every `#include "<module>/..."` in driver/<module>/
is allowed by that module's "may include" cell. Fails (listing file:line) on an include the
table does not allow, on a driver/ folder the table lacks, and on a table row with no folder.

    check_includes.py SOURCE_ROOT
"""
import os
import re
import sys


def table(root):
    rows = {}
    with open(os.path.join(root, "ARCHITECTURE.md")) as f:
        for line in f:
            m = re.match(r"\|\s*`([a-z_]+)/`\s*\|.*\|\s*([^|]*)\|\s*$", line)
            if m:
                rows[m.group(1)] = m.group(2).strip()
    return rows


def allowed(cell, modules):
    if cell.startswith("everything"):
        return set(modules)
    if cell.startswith("nothing"):
        return set()
    out = set()
    cell = re.sub(r"\([^)]*\)", "", cell)  # "search (prompts, engine ports)" -> "search"
    for part in cell.split(","):
        word = part.strip().split(" ")[0].strip("`/")
        if word:
            out.add(word)
    return out


def main():
    root = sys.argv[1]
    rows = table(root)
    driver = os.path.join(root, "driver")
    modules = sorted(d for d in os.listdir(driver) if os.path.isdir(os.path.join(driver, d)))
    problems = []
    for m in modules:
        if m not in rows:
            problems.append(f"driver/{m}/: no row in ARCHITECTURE.md's module map")
    for m in rows:
        if m not in modules:
            problems.append(f"ARCHITECTURE.md: row `{m}/` names no driver/ folder")
        else:
            for word in allowed(rows[m], modules):
                if word not in modules:
                    problems.append(f"ARCHITECTURE.md: `{m}/` may include '{word}', which is not a module")
    for m in modules:
        if m not in rows:
            continue
        ok = allowed(rows[m], modules) | {m}
        folder = os.path.join(driver, m)
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith((".cpp", ".hpp", ".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, errors="replace") as f:
                    for n, line in enumerate(f, 1):
                        inc = re.match(r'\s*#\s*include\s+"([a-z_]+)/', line)
                        if inc and inc.group(1) in modules and inc.group(1) not in ok:
                            problems.append(f"{os.path.relpath(path, root)}:{n}: includes {inc.group(1)}/, "
                                            f"which ARCHITECTURE.md does not allow `{m}/` (may include: {rows[m]})")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"{len(modules)} modules: every include is one ARCHITECTURE.md allows")


if __name__ == "__main__":
    main()
