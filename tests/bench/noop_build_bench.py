#!/usr/bin/env python3
"""Benchmark: a no-op `meson compile` of a project with 50 wrapped kernels, all
cached, against the same project without eok (same run, interleaved), and
`eok tune --ci` over the 50 kernels when everything is cached.

  python3 tests/bench/noop_build_bench.py [--eok build/driver/eok] [--runs 15] [--keep]

Needs the cross toolchain (cross/rv64gcv-qemu.ini). Prints one table."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CROSS = os.path.join(SRC, "cross", "rv64gcv-qemu.ini")
N_KERNELS = 50

KERNEL_C = """// y[i] = a * x[i] + {i}; EOK_UNROLL elements per loop step.
#ifndef EOK_UNROLL
#define EOK_UNROLL 1
#endif
void eok_k{i:02d}(const float* x, float* y, long n, float a)
{{
  long i = 0;
  for (; i + EOK_UNROLL <= n; i += EOK_UNROLL)
    for (int u = 0; u < EOK_UNROLL; ++u)
      y[i + u] = a * x[i + u] + {i}.0f;
  for (; i < n; ++i)
    y[i] = a * x[i] + {i}.0f;
}}
"""
KERNEL_TOML = """[kernel]
name = "k{i:02d}"
suite = "bench"
description = "y[i] = a * x[i] + {i}, fp32"
entry = "eok_k{i:02d}"
source = "k{i:02d}.c"
signature = "void eok_k{i:02d}(const float* x, float* y, long n, float a)"

[sizes]
n = {{ min = 0 }}

[[args]]
name = "x"
type = "f32*"
role = "in"
len = "n"
range = [-8.0, 8.0]

[[args]]
name = "y"
type = "f32*"
role = "out"
len = "n"

[[args]]
name = "n"
type = "i64"
role = "size"

[[args]]
name = "a"
type = "f32"
role = "param"
value = 2.5

[tolerance]
abs = 1e-6
rel = 1e-6

[shapes]
test = [ {{ n = 0 }}, {{ n = 1 }}, {{ n = 7 }}, {{ n = 1000 }} ]
perf = {{ n = 16384 }}

[perf]
flops = "2 * n"

[[knobs]]
name = "EOK_UNROLL"
values = [1, 2, 4]
default = 1
"""


def run(*argv, cwd=None):
    r = subprocess.run(list(argv), capture_output=True, text=True, cwd=cwd)
    if r.returncode != 0:
        sys.exit("%s failed (%d):\n%s%s" % (" ".join(argv), r.returncode, r.stdout, r.stderr))
    return r


def make_project(root, with_eok):
    os.makedirs(os.path.join(root, "kernels"))
    names = []
    for i in range(N_KERNELS):
        d = os.path.join(root, "kernels", "k%02d" % i)
        os.makedirs(d)
        with open(os.path.join(d, "k%02d.c" % i), "w") as f:
            f.write(KERNEL_C.format(i=i))
        with open(os.path.join(d, "kernel.toml"), "w") as f:
            f.write(KERNEL_TOML.format(i=i))
        names.append("'kernels/k%02d/k%02d.c'" % (i, i))
    listing = "kernels = files(%s)\n" % ", ".join(names)
    if with_eok:
        os.makedirs(os.path.join(root, "subprojects"))
        os.symlink(SRC, os.path.join(root, "subprojects", "eok"))
        body = ("eok = subproject('eok', default_options: ['eok_tests=false'])\n" + listing +
                "lib = static_library('kernels', eok.get_variable('eok_optimize').process(kernels))\n")
    else:
        body = listing + "lib = static_library('kernels', kernels)\n"
    with open(os.path.join(root, "meson.build"), "w") as f:
        f.write("project('bench', 'c', default_options: ['buildtype=debugoptimized'])\n" + body)


def timed(argv):
    t = time.perf_counter()
    run(*argv)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eok", default=os.path.join(SRC, "build", "driver", "eok"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    eok = os.path.abspath(a.eok)
    tmp = tempfile.mkdtemp(prefix="eok-bench-")
    try:
        with_eok, plain = os.path.join(tmp, "with-eok"), os.path.join(tmp, "plain")
        make_project(with_eok, True)
        make_project(plain, False)
        cache = os.path.join(tmp, "cache.sqlite")
        b_eok, b_plain = os.path.join(tmp, "b-eok"), os.path.join(tmp, "b-plain")
        run("meson", "setup", b_eok, with_eok, "--cross-file", CROSS, "-Deok:eok_prebuilt=" + eok,
            "-Deok:eok_cache=" + cache)
        run("meson", "setup", b_plain, plain, "--cross-file", CROSS)
        dirs = [os.path.join(with_eok, "kernels", "k%02d" % i) for i in range(N_KERNELS)]
        for d in dirs:
            run(eok, "cache", "put", "--cache", cache, "--build-root", b_eok, "--runner", "model",
                "--define", "EOK_UNROLL=4", "--cycles", "100", "--speedup", "2", "--verified", d)
        out = run("meson", "compile", "-C", b_eok).stdout
        assert out.count("cached winner") == N_KERNELS, out
        run("meson", "compile", "-C", b_plain)
        for b in (b_eok, b_plain):
            assert "no work to do" in run("ninja", "-C", b, "-n").stdout, b
        for label, cmd in (("meson compile -C", ["meson", "compile", "-C"]), ("ninja -C", ["ninja", "-C"])):
            t_eok, t_plain = [], []
            for _ in range(a.runs):  # interleaved, so machine load hits both alike
                t_eok.append(timed(cmd + [b_eok]))
                t_plain.append(timed(cmd + [b_plain]))
            m_eok, m_plain = statistics.median(t_eok), statistics.median(t_plain)
            print("no-op `%s`, %d wrapped kernels all cached, median of %d runs:" % (label, N_KERNELS, a.runs))
            print("  with eok     %.3f s  (min %.3f, max %.3f)" % (m_eok, min(t_eok), max(t_eok)))
            print("  without eok  %.3f s  (min %.3f, max %.3f)" % (m_plain, min(t_plain), max(t_plain)))
            print("  ratio        %.3f" % (m_eok / m_plain))
        argv = [eok, "tune", "--ci", "--cache", cache, "--build-root", b_eok, "--runner", "model"] + dirs
        t = time.perf_counter()
        r = subprocess.run(argv, capture_output=True, text=True)
        dt = time.perf_counter() - t
        if r.returncode == 0:
            print("`eok tune --ci` over %d cached kernels: %.3f s" % (N_KERNELS, dt))
        else:
            print("`eok tune --ci` over %d kernels: exit %d after %.3f s: %s" %
                  (N_KERNELS, r.returncode, dt, (r.stderr.strip().splitlines() or [""])[-1]))
    finally:
        if a.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
