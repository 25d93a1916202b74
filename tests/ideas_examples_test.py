#!/usr/bin/env python3
"""Every thought's example code in ideas/*.toml compiles on its own for rv64gcv + Zfh/Zvfh.

usage: ideas_examples_test.py IDEAS_DIR CC [CC_ARGS...]   (CC: the cross C compiler command)
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import tomllib

FLAGS = ["-march=rv64gcv_zfh_zvfh", "-O2", "-std=c11", "-Wall", "-Wextra", "-Werror", "-c"]


def main():
    ideas_dir, cc = pathlib.Path(sys.argv[1]), sys.argv[2:]
    failures, count = [], 0
    with tempfile.TemporaryDirectory(prefix="eok-ideas-") as tmp:
        for path in sorted(ideas_dir.glob("*.toml")):
            with open(path, "rb") as f:
                doc = tomllib.load(f)
            for thought in doc.get("thought", []):
                count += 1
                src = os.path.join(tmp, thought["id"] + ".c")
                with open(src, "w") as f:
                    f.write(thought["code"])
                r = subprocess.run(cc + FLAGS + [src, "-o", src + ".o"], capture_output=True, text=True, timeout=120)
                if r.returncode != 0:
                    failures.append(f"{path.name}: thought '{thought['id']}':\n{r.stderr}")
    for f in failures:
        print(f)
    print(f"{count - len(failures)}/{count} example codes compile")
    if count < 30:
        print(f"expected at least 30 thoughts, found {count}")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
