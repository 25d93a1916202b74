#!/usr/bin/env python3
"""Is eok's own baseline as good as NCNN's? For every kernels/nn/<name> with an NCNN
counterpart in TABLE, measure eok's ker0 (`eok eval --json`, its kernel.toml perf shape)
and NCNN's RISC-V layer on the same number of elements (`eok ncnn tune --baseline`,
nothing stored, the build left alone), both under the X60 model, and print the cycles.

    python3 bench/ncnn_baseline.py --source NCNN_TREE --build NCNN_RISCV_BUILD [--eok build/driver/eok] [--only KERNEL]...

Kernels with no row in TABLE are listed as unmapped, so new kernels show up; add a row
(NCNN layer type and ParamDict entries matching the kernel's parameters) to compare them.
Layers with weights or several inputs are in SHAPED: their NCNN description is written at
the eok kernel's own perf shape.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from bench_cli import ROOT, kernel_layout

# eok kernel -> (NCNN op file stem, layer type, ParamDict entries, why/how it matches).
# Elementwise kernels over n floats map to an NCNN blob of w = n / 16, h = 1, c = 16
# (packed at elempack packn, as NCNN runs it).
TABLE = {
    "relu": ("relu", "ReLU", [], "slope 0 (its perf value): max(x, 0)"),
    "gelu": ("gelu", "GELU", [], "fast_gelu 0 (its perf value, NCNN's default): the erfc form"),
    "clip": ("clip", "Clip", [[0, -1.5], [1, 4.25]], "lo/hi of kernels/nn/clip"),
    "sigmoid": ("sigmoid", "Sigmoid", [], ""),
    "mish": ("mish", "Mish", [], ""),
    "swish": ("swish", "Swish", [], ""),
    "unaryop": ("unaryop", "UnaryOp", [[0, 6]], "op_type 6 RSQRT, the perf shape's op"),
}
# Layers with weights or several inputs: the NCNN description (ncnn/ops/FORMAT.md) written at
# the eok kernel's own perf shape, so both sides do the same work; (file stem, description, note).
SHAPED = {
    "batchnorm": ("batchnorm", 'type = "BatchNorm"\nparams = [[0, 16], [1, 0.001]]\n'
                  "weights = [[16, -2.0, 2.0], [16, -1.0, 1.0], [16, 0.1, 2.0], [16, -1.0, 1.0]]\n"
                  "shapes = [[5, 3, 16]]\nperf_shape = [32, 32, 16]\n", "c 16, 32x32, elempack 8 on both sides"),
    "bias": ("bias", 'type = "Bias"\nparams = [[0, 16]]\nweights = [[16, -2.0, 2.0]]\n'
             "shapes = [[5, 3, 16]]\nperf_shape = [32, 32, 16]\n", "c 16, 32x32, planar (NCNN's Bias_riscv has no packed path)"),
    "prelu": ("prelu", 'type = "PReLU"\nparams = [[0, 64]]\nweights = [[64, -1.0, 1.0]]\n'
              "shapes = [[5, 3, 64]]\nperf_shape = [16, 16, 64]\n", "c 64, 16x16, elempack 8, per-channel slopes"),
    "eltwise": ("eltwise", 'type = "Eltwise"\nparams = [[0, 1]]\ninputs = 2\n'
                "shapes = [[5, 3, 16]]\nperf_shape = [6272, 1, 16]\n", "SUM of 2 inputs, n = 100352"),
    "convdw": ("convolutiondepthwise", 'type = "ConvolutionDepthWise"\n'
               "params = [[0, 96], [1, 3], [11, 3], [2, 1], [3, 2], [4, 0], [5, 1], [6, 864], [7, 96]]\n"
               "weights = [[864, -1.0, 1.0], [96, -1.0, 1.0]]\nshapes = [[9, 7, 96]]\nperf_shape = [113, 113, 96]\n",
               "96 channels (cg 12), 113x113 bordered input, 3x3 stride 2, bias"),
    "innerproduct": ("innerproduct", 'type = "InnerProduct"\nparams = [[0, 1000], [1, 1], [2, 1280000]]\n'
                     "weights = [[1280000, -1.0, 1.0], [1000, -1.0, 1.0]]\nshapes = [[1280, 1, 1]]\nperf_shape = [1280, 1, 1]\n"
                     "atol = 1e-3\nrtol = 1e-3\n", "nin 1280, nout 1000, bias"),
}
# Known and not comparable yet.
NOT_YET = {
    "sigmoid_f16": "fp16 storage (NCNN's _zfh file) not in this comparison yet",
    "convdw3x3s1": "its perf shape is a single plane (n = h*w), not an NCNN blob",
    "quantize_u8": "int8 Quantize not in the NCNN harness yet",
    "cast_f32_f16": "fp16 output (NCNN's _zfh Cast path) not in the NCNN harness yet",
    "cast_f16_f32": "fp16 input (NCNN's _zfh Cast path) not in the NCNN harness yet",
    "cast_f32_bf16": "bf16 output not in the NCNN harness yet (NCNN's RVV Cast runs bf16 in the generic scalar loop)",
    "cast_bf16_f32": "bf16 input not in the NCNN harness yet (NCNN's RVV Cast runs bf16 in the generic scalar loop)",
    "concat": "several inputs of different shapes not in the NCNN harness yet",
    "binaryop": "its perf case broadcasts b per channel; the NCNN harness gives every input the same shape",
}


def perf_n(kernel_dir):
    text = open(os.path.join(kernel_dir, kernel_layout.SPEC)).read()
    m = re.search(r"^perf\s*=\s*\{\s*n\s*=\s*(\d+)\s*\}", text, re.M)
    return int(m.group(1)) if m else None


def eok_cycles(eok, kernel_dir, cross):
    r = subprocess.run([eok, "eval", "--kernel", kernel_dir, "--candidate", kernel_layout.source_of(kernel_dir),
                        "--cross-file", cross, "--json"], capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(r.stdout)["measurement"]["cycles"]
    except (ValueError, KeyError):
        sys.stderr.write(f"eok eval {kernel_dir} failed:\n{r.stdout}\n{r.stderr}\n")
        return None


def ncnn_cycles(eok, args, op, desc_text, tmp, cross):
    desc = os.path.join(tmp, op + ".toml")
    with open(desc, "w") as f:
        f.write(f'file = "src/layer/riscv/{op}_riscv.cpp"\n{desc_text}specials = false\nseeds = 1\n')
        if "atol" not in desc_text:
            f.write("atol = 1e-5\nrtol = 1e-4\n")
    r = subprocess.run([eok, "ncnn", "tune", "--baseline", "--source", args.source, "--build", args.build,
                        "--op-file", desc, "--cache", os.path.join(tmp, "cache.sqlite"), "--cross-file", cross],
                       capture_output=True, text=True, cwd=ROOT)
    for line in r.stdout.splitlines():
        if line.startswith("ncnn/" + op) and "measured" in line:
            return float(line.split()[1])
    sys.stderr.write(f"eok ncnn tune --baseline {op} failed:\n{r.stdout}\n{r.stderr}\n")
    return None


def elementwise_desc(layer_type, params, n):
    c = 16 if n % 16 == 0 else 1
    return (f'type = "{layer_type}"\nparams = {json.dumps(params)}\n'
            f"shapes = [[7, 3, 16], [13, 1, 5]]\nperf_shape = [{n // c}, 1, {c}]\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", required=True, help="NCNN source tree")
    ap.add_argument("--build", required=True, help="its riscv64 build (compile_commands.json, libncnn.a)")
    ap.add_argument("--eok", default=os.path.join(ROOT, "build", "driver", "eok"))
    ap.add_argument("--cross-file", default=os.path.join(ROOT, "cross", "rv64gcv-qemu.ini"))
    ap.add_argument("--only", action="append", default=[], help="KERNEL: compare only these kernels (repeatable)")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="eok-ncnn-baseline-") as tmp:
        for suite, name, kdir in kernel_layout.kernels(ROOT):
            if suite != "nn":
                continue
            if name in SHAPED:
                op, desc_text, note = SHAPED[name]
                only = args.only and name not in args.only
                if only:
                    continue
                ours = eok_cycles(args.eok, kdir, args.cross_file)
                theirs = ncnn_cycles(args.eok, args, op, desc_text, tmp, args.cross_file)
                rows.append((name, ours, theirs, note))
                continue
            if name not in TABLE:
                if not args.only:
                    rows.append((name, None, None, NOT_YET.get(name, "no NCNN mapping in TABLE")))
                continue
            if args.only and name not in args.only:
                continue
            op, layer_type, params, note = TABLE[name]
            n = perf_n(kdir)
            if n is None:
                rows.append((name, None, None, "perf shape is not { n = N }"))
                continue
            ours = eok_cycles(args.eok, kdir, args.cross_file)
            theirs = ncnn_cycles(args.eok, args, op, elementwise_desc(layer_type, params, n), tmp, args.cross_file)
            rows.append((name, ours, theirs, f"n = {n}, NCNN {layer_type} {n // 16}x1x16" + (f"; {note}" if note else "")))
    print(f"{'kernel':<14} {'eok ker0':>10} {'NCNN layer':>11} {'NCNN/eok':>9}  note")
    for name, ours, theirs, note in rows:
        ratio = f"{theirs / ours:.2f}x" if ours and theirs else "-"
        ours_s = f"{ours:.0f}" if ours else "-"
        theirs_s = f"{theirs:.0f}" if theirs else "-"
        print(f"{'nn/' + name:<14} {ours_s:>10} {theirs_s:>11} {ratio:>9}  {note}")


if __name__ == "__main__":
    main()
