#!/usr/bin/env python3
"""Write chosen thoughts' example code from ideas/*.toml to C files (one per thought).

usage: extract_thought_code.py IDEAS_DIR OUTDIR THOUGHT_ID...   (writes OUTDIR/<id>.c)
"""
import pathlib
import sys
import tomllib


def main():
    ideas_dir, outdir, wanted = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3:]
    code = {}
    for path in sorted(ideas_dir.glob("*.toml")):
        with open(path, "rb") as f:
            for t in tomllib.load(f).get("thought", []):
                code[t["id"]] = t["code"]
    missing = [w for w in wanted if w not in code]
    if missing:
        print("no such thought:", ", ".join(missing))
        return 1
    for w in wanted:
        (outdir / (w + ".c")).write_text(code[w])
    return 0


if __name__ == "__main__":
    sys.exit(main())
