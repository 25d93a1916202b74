#!/usr/bin/env python3
"""Is eok's own baseline as good as NCNN's? For every kernels/nn/<name> with an NCNN
counterpart, measure eok's ker0 (`eok eval --json`, its kernel.toml perf shape) and NCNN's
RISC-V layer on the same tensors (`eok ncnn tune --baseline`, nothing stored, the build left
alone), both under the X60 model, and print the cycles.

    python3 bench/ncnn_baseline.py --source NCNN_TREE --build NCNN_RISCV_BUILD [--eok build/driver/eok] [--only KERNEL]...

Element-wise kernels are in ELEMENTWISE (layer type and ParamDict entries); layers with
weights, several inputs, broadcasts, element types or shapes of their own are in SHAPED (the
NCNN description, ncnn/ops/FORMAT.md, written at the eok kernel's perf shape). A kernel named
<op>_f16 is the fp16 storage task (NCNN's _zfh file). The comparison keys (tolerances, range)
are the shipped ncnn/ops description's. Kernels with no row, and layers the build has not
enabled (WITH_LAYER_*), are listed as such, so new kernels show up.
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
# Elementwise kernels over n values map to an NCNN blob of w = n / 16, h = 1, c = 16, packed
# as NCNN runs it (elempack 8 in fp32, 16 in fp16). A kernel named <op>_f16 is the fp16
# storage task: NCNN's <op>_riscv_zfh.cpp with opt.use_fp16_storage (fp16 = true).
ELEMENTWISE = {
    "absval": ("absval", "AbsVal", [], ""),
    "bnll": ("bnll", "BNLL", [], ""),
    "celu": ("celu", "CELU", [[0, 0.75]], "alpha 0.75"),
    "clip": ("clip", "Clip", [[0, -1.5], [1, 4.25]], "lo/hi of kernels/nn/clip"),
    "dropout": ("dropout", "Dropout", [[0, 0.8]], "scale 0.8"),
    "gelu": ("gelu", "GELU", [], "fast_gelu 0 (its perf value, NCNN's default): the erfc form"),
    "hardsigmoid": ("hardsigmoid", "HardSigmoid", [[0, 0.16666667], [1, 0.5]], "alpha 1/6, beta 0.5"),
    "hardswish": ("hardswish", "HardSwish", [[0, 0.16666667], [1, 0.5]], "alpha 1/6, beta 0.5"),
    "mish": ("mish", "Mish", [], ""),
    "relu": ("relu", "ReLU", [], "slope 0 (its perf value): max(x, 0)"),
    "selu": ("selu", "SELU", [[0, 1.67326324], [1, 1.050700987]], ""),
    "sigmoid": ("sigmoid", "Sigmoid", [], ""),
    "swish": ("swish", "Swish", [], ""),
    "tanh": ("tanh", "TanH", [], ""),
    "unaryop": ("unaryop", "UnaryOp", [[0, 6]], "op_type 6 RSQRT, the perf shape's op"),
}
for _k in ["absval", "bnll", "celu", "clip", "hardsigmoid", "hardswish", "mish", "relu", "sigmoid", "swish", "tanh",
           "unaryop"]:
    ELEMENTWISE[_k + "_f16"] = ELEMENTWISE[_k]
TABLE = ELEMENTWISE  # the element-wise rows (kept under the old name for --only users)


def conv_params(out, k, stride, pad, bias, wsize, group=None, extra=()):
    p = [[0, out], [1, k], [11, k], [2, 1], [12, 1], [3, stride], [13, stride], [4, pad], [5, bias], [6, wsize]]
    if group:
        p.append([7, group])
    return p + list(extra)


def shaped(type_, params, perf, weights=(), inputs=1, extra="", dims=3):
    """An NCNN description at the eok kernel's perf shape (its correctness shapes are given
    beside it in SHAPED: the input channels the weights were sized for)."""
    text = f'type = "{type_}"\nparams = {json.dumps(params)}\n'
    if weights:
        text += f"weights = {json.dumps([list(w) for w in weights])}\n"
    if inputs > 1:
        text += f"inputs = {inputs}\n"
    if dims != 3:
        text += f"dims = {dims}\n"
    return text + extra + f"perf_shape = {json.dumps(perf)}\n"


# Where eok's kernel reads a planar input that NCNN packs (its channel count divides packn),
# NCNN is measured as it runs: its create_pipeline lays the weights out for the packed input,
# so the planar path cannot be forced (unpacked_inputs gives wrong results there).
# Layers with weights, several inputs, broadcasts or their own shapes: the NCNN description
# (ncnn/ops/FORMAT.md) written at the eok kernel's own perf shape, so both sides do the same
# work; kernel -> (NCNN op file stem, description, correctness shapes, note).
SHAPED = {
    "batchnorm": ("batchnorm", shaped("BatchNorm", [[0, 16], [1, 0.001]], [32, 32, 16],
                                      [[16, -2.0, 2.0], [16, -1.0, 1.0], [16, 0.1, 2.0], [16, -1.0, 1.0]]),
                  [[5, 3, 16]], "c 16, 32x32, elempack 8 (16 in fp16) on both sides"),
    "bias": ("bias", shaped("Bias", [[0, 16]], [32, 32, 16], [[16, -2.0, 2.0]]), [[5, 3, 16]],
             "c 16, 32x32, planar (NCNN's Bias_riscv has no packed path)"),
    "prelu": ("prelu", shaped("PReLU", [[0, 64]], [16, 16, 64], [[64, -1.0, 1.0]]), [[5, 3, 64]],
              "c 64, 16x16, elempack 8 (16), per-channel slopes"),
    "eltwise": ("eltwise", shaped("Eltwise", [[0, 1]], [6272, 1, 16], inputs=2), [[5, 3, 16]],
                "SUM of 2 inputs, n = 100352"),
    "binaryop": ("binaryop", shaped("BinaryOp", [[0, 2]], [28, 28, 72], inputs=2,
                                    extra='input_forms = ["same", "channel"]\n'), [[5, 3, 16], [7, 1, 3]],
                 "MUL, b per channel (form 2): a 28x28x72, b 1x1x72, elempack 8"),
    "binaryop_f16": ("binaryop", shaped("BinaryOp", [[0, 2]], [14, 14, 480], inputs=2,
                                        extra='input_forms = ["same", "channel"]\n'), [[5, 3, 32], [7, 1, 3]],
                     "MUL, b per channel (form 2): a 14x14x480, b 1x1x480, elempack 16"),
    "concat": ("concat", shaped("Concat", [[0, 0]], [20, 20, 256], inputs=2), [[5, 3, 16], [7, 1, 3]],
               "axis 0 (channels), two 20x20x256 blobs at elempack 8"),
    "crop": ("crop", shaped("Crop", [[0, 1], [1, 1], [2, 0], [3, 26], [4, 26], [5, 64]], [28, 28, 64]),
             [[28, 28, 64]], "28x28x64 to 26x26x64 at offset (1, 1), elempack 8"),
    "flatten": ("flatten", shaped("Flatten", [], [7, 7, 512]), [[5, 3, 16]], "7x7x512 at elempack 8"),
    "padding": ("padding", shaped("Padding", [[0, 1], [1, 1], [2, 1], [3, 1], [4, 0], [5, 0.0]], [56, 56, 64]),
                [[5, 3, 16]], "56x56x64, 1 on each side, constant 0, elempack 8"),
    "softmax": ("softmax", shaped("Softmax", [[0, 2], [1, 1]], [1000, 8, 1]), [[37, 3, 2]],
                "8 rows of 1000 along w (axis 2), planar"),
    "instancenorm": ("instancenorm", shaped("InstanceNorm", [[0, 64], [1, 1e-5], [2, 1]], [32, 32, 64],
                                            [[64, 0.5, 2.0], [64, -1.0, 1.0]]), [[5, 3, 64]],
                     "c 64, 32x32, affine, eps 1e-5, elempack 8 (16)"),
    "pooling": ("pooling", shaped("Pooling", [[0, 0], [1, 3], [11, 3], [2, 2], [12, 2], [3, 1], [13, 1], [14, 1],
                                              [15, 1], [4, 0], [5, 0]], [112, 112, 64]),
                [[9, 7, 16]], "max 3x3 stride 2 pad 1, 112x112x64, elempack 8 (16)"),
    "interp": ("interp", shaped("Interp", [[0, 2], [3, 56], [4, 56], [6, 0]], [28, 28, 128]), [[5, 3, 16]],
               "bilinear 28x28 to 56x56, 128 channels, elempack 8 (16)"),
    "convdw": ("convolutiondepthwise", shaped("ConvolutionDepthWise", conv_params(96, 3, 2, 0, 1, 864, 96), [113, 113, 96],
                                              [[864, -1.0, 1.0], [96, -1.0, 1.0]]), [[9, 7, 96]],
               "96 channels (cg 12), 113x113 bordered input, 3x3 stride 2, bias"),
    "convdw3x3s1": ("convolutiondepthwise", shaped("ConvolutionDepthWise", conv_params(32, 3, 1, 0, 1, 288, 32), [58, 58, 32],
                                                   [[288, -1.0, 1.0], [32, -1.0, 1.0]]), [[9, 7, 32]],
                    "32 channels 58x58, 3x3 stride 1, bias; NCNN packs the 32 channels at 8, eok's kernel is planar"),
    "deconvdw": ("deconvolutiondepthwise", shaped("DeconvolutionDepthWise", conv_params(64, 4, 2, 1, 1, 1024, 64), [40, 40, 64],
                                                  [[1024, -1.0, 1.0], [64, -1.0, 1.0]]), [[5, 4, 64]],
                 "64 channels 40x40, 4x4 stride 2 pad 1, bias, elempack 8 (16)"),
    "conv": ("convolution", shaped("Convolution", conv_params(32, 3, 2, 0, 1, 864), [226, 226, 3],
                                   [[864, -0.1, 0.1], [32, -1.0, 1.0]]), [[9, 7, 3]],
             "3 to 32 channels, 226x226 bordered input, 3x3 stride 2, bias"),
    "innerproduct": ("innerproduct", shaped("InnerProduct", [[0, 1000], [1, 1], [2, 1280000]], [1280, 1, 1],
                                            [[1280000, -1.0, 1.0], [1000, -1.0, 1.0]], extra="atol = 1e-3\nrtol = 1e-3\n"),
                     [[1280, 1, 1]], "nin 1280, nout 1000, bias"),
    # within fp16's range: past 65504 NCNN's naive cast saturates where the RVV one gives Inf
    "cast_f32_f16": ("cast", shaped("Cast", [[0, 1], [1, 2]], [9408, 1, 16], extra="range = [-60000.0, 60000.0]\n"),
                     [[7, 3, 16]],
                     "fp32 -> fp16, n = 150528 (9408x1x16, elempack 8)"),
    "cast_f16_f32": ("cast", shaped("Cast", [[0, 2], [1, 1]], [3920, 1, 16], extra='input_type = "fp16"\n'), [[7, 3, 16]],
                     "fp16 -> fp32, n = 62720 (3920x1x16, elempack 8)"),
    "cast_i8_f32": ("cast", shaped("Cast", [[0, 3], [1, 1]], [6272, 1, 16], extra='input_type = "int8"\nrange = [-300.0, 300.0]\n'), [[7, 3, 16]],
                    "int8 -> fp32, n = 100352 (6272x1x16, elempack 8)"),
    "cast_f32_bf16": ("cast", shaped("Cast", [[0, 1], [1, 4]], [9408, 1, 16], extra='output_type = "bf16"\n'), [[7, 3, 16]],
                      "fp32 -> bf16, n = 150528: NCNN's generic scalar Cast (its RVV layer has no bf16 path)"),
    "cast_bf16_f32": ("cast", shaped("Cast", [[0, 4], [1, 1]], [3920, 1, 16], extra='input_type = "bf16"\n'), [[7, 3, 16]],
                      "bf16 -> fp32, n = 62720: NCNN's generic scalar Cast (its RVV layer has no bf16 path)"),
    "packing": ("packing", shaped("Packing", [[0, 8]], [56, 56, 64], extra="unpacked_inputs = true\n"), [[5, 3, 16]],
                "56x56x64 from elempack 1 to 8"),
    "conv1d": ("convolution1d", shaped("Convolution1D", [[0, 384], [1, 3], [2, 1], [3, 1], [4, 0], [5, 1], [6, 92160]],
                                       [102, 80, 1], [[92160, -1.0, 1.0], [384, -1.0, 1.0]], dims=2), [[20, 80, 1]],
               "80 to 384 channels, w 102, kernel 3, bias; NCNN packs the 80 input channels (its pack-n path), "
               "eok's kernel is NCNN's planar-input path"),
    "deconv": ("deconvolution", shaped("Deconvolution", conv_params(32, 4, 2, 1, 1, 32768), [16, 16, 64],
                                       [[32768, -1.0, 1.0], [32, -1.0, 1.0]]), [[5, 4, 64]],
               "64 to 32 channels, 16x16, 4x4 stride 2 pad 1, bias; NCNN packs the input, eok's kernel reads it planar"),
    "deconv_f16": ("deconvolution", shaped("Deconvolution", conv_params(32, 3, 2, 1, 1, 9216, extra=[[18, 1]]),
                                           [16, 16, 32], [[9216, -1.0, 1.0], [32, -1.0, 1.0]]),
                   [[5, 4, 32]], "32 to 32 channels, 16x16, 3x3 stride 2 pad 1 output pad 1, bias; NCNN packs the input, "
                   "eok's kernel reads it planar"),
    "gemm": ("gemm", shaped("Gemm", [[5, 1], [8, 512], [9, 128]], [128, 64, 1], [[65536, -1.0, 1.0]], dims=2),
             [[128, 5, 1]], "A 64x128 (input) times B 128x512 constant in NCNN (packed in create_pipeline, outside the "
             "region; eok's ker0 packs its input B per call), NCNN without eok's per-row c"),
    "gru": ("gru", shaped("GRU", [[0, 96], [1, 32832], [2, 0]], [114, 100, 1],
                          [[32832, -0.5, 0.5], [384, -0.5, 0.5], [27648, -0.5, 0.5]], dims=2), [[114, 5, 1]],
            "T 100, size 114, 96 outputs, forward"),
}
# fp16 storage tasks of the shaped layers: the same description at the fp16 kernel's perf shape
for _k, _perf in [("batchnorm", None), ("bias", None), ("prelu", None), ("eltwise", None), ("instancenorm", None),
                  ("innerproduct", None), ("pooling", None), ("interp", None), ("deconvdw", None), ("conv", None),
                  ("convdw", None), ("conv1d", None), ("gru", None)]:
    _op, _desc, _shapes, _note = SHAPED[_k]
    SHAPED[_k + "_f16"] = (_op, _desc, _shapes, _note)
# fp16 tasks that are NCNN's fp16-arithmetic path (forward_fp16sa: opt.use_fp16_arithmetic, NCNN's
# default); the others are its fp16-storage path with fp32 arithmetic (fp16s), or the layer has one
for _k in ["conv_f16", "convdw_f16", "deconvdw_f16", "interp_f16"]:
    _op, _desc, _shapes, _note = SHAPED[_k]
    SHAPED[_k] = (_op, _desc + "fp16_arithmetic = true\n", _shapes, _note + "; fp16 arithmetic (NCNN's fp16sa path)")
# Known and not comparable yet, with the reason.
NOT_YET = {
    "quantize_u8": "NCNN's Quantize needs an NCNN_INT8=ON build (int8 paths in most layers); not built here",
}
# Layers the NCNN build must have (WITH_LAYER_*): a kernel whose layer is not in the build is
# listed as such rather than failed.


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


def shipped_tolerance(stem):
    """The shipped description's comparison keys (ncnn/ops/<stem>.toml): its tolerances were
    set for that layer's arithmetic, so the baseline's check is the suite's own."""
    path = os.path.join(ROOT, "ncnn", "ops", stem + ".toml")
    if not os.path.exists(path):
        return ""
    keep = ("atol", "rtol", "ulps", "range", "huge", "nan")
    return "".join(l for l in open(path) if l.split("=")[0].strip() in keep)


def in_build(build, op, fp16):
    """NCNN builds only the layers WITH_LAYER_* enables: the naive layer's object is the sign."""
    return os.path.exists(os.path.join(build, "src", "CMakeFiles", "ncnn.dir", "layer", op + ".cpp.o"))


# When NCNN's layer misses the shipped tolerance at these parameters, it is measured once more
# under this one and the note says so: the figure is a speed, its accuracy is reported apart.
LOOSE = {"atol": "1e-2", "rtol": "1e-2", "ulps": "64"}


def ncnn_cycles(eok, args, op, fp16, desc_text, tmp, cross, loose=False):
    stem = op + ("_fp16" if fp16 else "")
    desc = os.path.join(tmp, stem + ".toml")
    with open(desc, "w") as f:
        if "file =" not in desc_text:
            f.write(f'file = "src/layer/riscv/{op}_riscv{"_zfh" if fp16 else ""}.cpp"\n')
        f.write(desc_text + ("fp16 = true\n" if fp16 else "") + "specials = false\nseeds = 1\n")
        given = {l.split("=")[0].strip() for l in desc_text.splitlines() if "=" in l}
        if loose:
            desc_text = "".join(l for l in desc_text.splitlines(True) if l.split("=")[0].strip() not in LOOSE)
            f.write("".join(f"{k} = {v}\n" for k, v in LOOSE.items() if k != "ulps" or fp16))
            given |= set(LOOSE)
        tol = shipped_tolerance(stem)
        f.write("".join(l for l in tol.splitlines(True) if l.split("=")[0].strip() not in given))
        if not tol and "atol" not in given:
            f.write("atol = 1e-5\nrtol = 1e-4\n")
    r = subprocess.run([eok, "ncnn", "tune", "--baseline", "--source", args.source, "--build", args.build,
                        "--op-file", desc, "--cache", os.path.join(tmp, "cache.sqlite"), "--cross-file", cross],
                       capture_output=True, text=True, cwd=ROOT)
    for line in r.stdout.splitlines():
        if line.startswith("ncnn/" + stem + " ") and "measured" in line:
            return float(line.split()[1]), ""
    sys.stderr.write(f"eok ncnn tune --baseline {stem} failed:\n{r.stdout}\n{r.stderr}\n")
    mismatch = re.search(r"eok-mismatch[^)]*", r.stderr)
    # a value off the naive layer (in the checks, or at the perf shape: perf_failed, exit 1)
    off = (mismatch and "naive" in mismatch.group(0)) or re.search(r"perf_failed \(model runner: .* exit 1\)", r.stderr)
    if not loose and off:
        cycles, why = ncnn_cycles(eok, args, op, fp16, desc_text, tmp, cross, loose=True)
        if cycles:
            where = mismatch.group(0)[len("eok-mismatch "):] if mismatch else "at the perf shape"
            sys.stderr.write(f"{stem}: NCNN's layer off the naive one beyond the shipped tolerance: {where}\n")
            return cycles, ("NCNN's layer beyond the shipped tolerance, measured at atol/rtol 1e-2" +
                            (", 64 fp16 steps" if fp16 else ""))
        return None, why
    why = next((l.split(None, 2)[-1] for l in r.stdout.splitlines() if l.startswith("ncnn/" + stem + " ")), "")
    return None, "NCNN layer failed: " + (mismatch.group(0) if mismatch else why[:120] or "see stderr")


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
            if args.only and name not in args.only:
                continue
            fp16 = name.endswith("_f16") and not name.startswith("cast_")  # Cast's pairs name types, not storage
            if name in SHAPED:
                op, desc_text, shapes, note = SHAPED[name]
                desc_text += f"shapes = {json.dumps(shapes)}\n"
            elif name in ELEMENTWISE:
                op, layer_type, params, note = ELEMENTWISE[name]
                n = perf_n(kdir)
                if n is None:
                    rows.append((name, None, None, "perf shape is not { n = N }"))
                    continue
                desc_text = elementwise_desc(layer_type, params, n)
                note = f"n = {n}, NCNN {layer_type} {n // 16}x1x16" + (f"; {note}" if note else "")
            else:
                rows.append((name, None, None, NOT_YET.get(name, "no NCNN mapping in ELEMENTWISE or SHAPED")))
                continue
            if not in_build(args.build, op, fp16):
                rows.append((name, None, None, f"NCNN layer {op} not in this build (WITH_LAYER_{op}=OFF)"))
                continue
            ours = eok_cycles(args.eok, kdir, args.cross_file)
            theirs, why = ncnn_cycles(args.eok, args, op, fp16, desc_text, tmp, args.cross_file)
            rows.append((name, ours, theirs, note + (f"; {why}" if why else "")))
            sys.stderr.write(f"{name}: eok {ours} NCNN {theirs}\n")
    print(f"{'kernel':<20} {'eok ker0':>10} {'NCNN layer':>11} {'NCNN/eok':>9}  note")
    for name, ours, theirs, note in rows:
        ratio = f"{theirs / ours:.2f}x" if ours and theirs else "-"
        ours_s = f"{ours:.0f}" if ours else "-"
        theirs_s = f"{theirs:.0f}" if theirs else "-"
        print(f"{'nn/' + name:<20} {ours_s:>10} {theirs_s:>11} {ratio:>9}  {note}")


if __name__ == "__main__":
    main()
