#!/usr/bin/env python3
"""README.md's command table is generated from eok's own command table, so it lists every
command and cannot drift: between the markers below, one row per command with its usage and
summary as `eok <command> --help` prints them.

    readme_commands.py EOK README.md           check (exit 1 with a diff when they differ)
    readme_commands.py EOK README.md --write   regenerate the table in place
"""
import difflib
import re
import subprocess
import sys

BEGIN = "<!-- commands: generated from `eok --help` by tests/readme_commands.py --write; do not edit by hand -->"
END = "<!-- end of commands -->"


def commands(eok):
    out = subprocess.run([eok, "--help"], capture_output=True, text=True).stdout
    names = []
    section = False
    for line in out.splitlines():
        if line.startswith("commands:"):
            section = True
            continue
        if section:
            if not line.startswith("  "):
                break
            # "  cache put          store ..." : the name is one or two words before the summary's column
            m = re.match(r"  (\S+(?: [a-z][a-z-]*)?)\s{2,}", line)
            if not m:
                m = re.match(r"  (\S+ \S+) ", line)  # a two-word name longer than the column
            names.append(m.group(1))
    rows = []
    for name in names:
        text = subprocess.run([eok, *name.split(" "), "--help"], capture_output=True, text=True).stdout.splitlines()
        usage = text[0].removeprefix("usage: ").strip()
        summary = next((l.strip() for l in text[1:] if l.strip()), "")
        rows.append((usage, summary))
    return rows


def table(rows):
    def cell(s):
        return s.replace("|", "\\|")
    lines = [BEGIN, "| command | what it does |", "|---|---|"]
    lines += [f"| `{cell(u)}` | {cell(s)} |" for u, s in rows]
    return "\n".join(lines + [END])


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    eok, readme = sys.argv[1], sys.argv[2]
    with open(readme) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit(f"{readme}: the command table markers are missing ({BEGIN} ... {END})")
    a = text.index(BEGIN)
    b = text.index(END) + len(END)
    want = table(commands(eok))
    if len(sys.argv) == 4 and sys.argv[3] == "--write":
        with open(readme, "w") as f:
            f.write(text[:a] + want + text[b:])
        return
    if text[a:b] != want:
        sys.stdout.writelines(difflib.unified_diff(text[a:b].splitlines(True), want.splitlines(True), "README.md", "eok --help"))
        sys.exit(f"\n{readme}: the command table differs from eok's commands; run tests/readme_commands.py {eok} {readme} --write")
    print(f"{readme}: the command table lists all {want.count(chr(10)) - 3} commands")


if __name__ == "__main__":
    main()
