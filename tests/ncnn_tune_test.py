#!/usr/bin/env python3
"""eok ncnn tune end to end on the NCNN-shaped fixture (tests/ncnn_fixture): ker0 is
the tree's src/layer/riscv/clip_riscv.cpp; a wrong candidate is rejected against the
naive layer and never stored, a faster correct one wins and is stored under the
launcher's key; the next build substitutes it and the fixture's own test passes;
--ci reports cached ops and exits 3 for an op with no winner. Layers with weights
(InnerProduct), with two inputs (BinaryOp) and the fp16 storage task (relu_riscv_zfh.cpp):
candidates wrong in ways only the weights, the second input, the packed layout or
fp16 data show are rejected and ker0 stays. Broadcast inputs (input_forms) and Cast's
element types (input_type, output_type): ker0 passes and is measured, a candidate wrong in
the way only that form or type shows is rejected."""
import json
import os
import shutil
import unittest

from eok_cli import nm_tool, run, scratch_dir

EOK = os.environ["EOK_BIN"]
SRC = os.environ["EOK_SOURCE_ROOT"]
FIXTURE = os.path.join(SRC, "tests", "ncnn_fixture")
CROSS = os.path.join(SRC, "cross", "rv64gcv-qemu.ini")


class NcnnTune(unittest.TestCase):
    def setUp(self):
        self.dir = scratch_dir(self, "eok-ncnn-tune-")
        self.src = os.path.join(self.dir, "ncnn")
        shutil.copytree(FIXTURE, self.src)
        self.cache = os.path.join(self.dir, "cache.sqlite")
        self.build = os.path.join(self.dir, "build")
        run(["cmake", "-S", self.src, "-B", self.build, "-G", "Ninja",
             "-DCMAKE_TOOLCHAIN_FILE=" + os.path.join(self.src, "riscv64-clang.toolchain.cmake"),
             "-DCMAKE_CXX_COMPILER_LAUNCHER=" + ";".join([EOK, "launch", "--cache=" + self.cache])])
        run(["cmake", "--build", self.build])

    def candidate(self, name, transform, marker, file="clip_riscv.cpp"):
        with open(os.path.join(self.src, "src", "layer", "riscv", file)) as f:
            original = f.read()
        text = transform(original)
        self.assertNotEqual(text, original, name)
        # a local read-only marker: visible to nm, no writable data, no new global symbol
        text += f'\n__attribute__((used)) static const int {marker} = 1;\n'
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def clip_object(self):
        with open(os.path.join(self.build, "compile_commands.json")) as f:
            entry = next(e for e in json.load(f) if e["file"].endswith("clip_riscv.cpp"))
        words = entry["command"].split()
        return os.path.join(entry["directory"], words[words.index("-o") + 1])

    def tune(self, *args, check=True):
        return run([EOK, "ncnn", "tune", "--source", self.src, "--build", self.build, "--cache", self.cache,
                    "--cross-file", CROSS, *args], check=check)

    def test_wrong_never_stored_fast_wins_and_the_build_uses_it(self):
        # upper bound dropped: right on most of [-4, 4] but not above max = 2.5
        wrong = self.candidate("wrong.cpp", lambda s: s.replace("v = __riscv_vfmin_vf_f32m1(v, max, vl);", ""),
                               "eok_wrong_marker")
        # LMUL 8: the same results in fewer instructions
        fast = self.candidate("fast.cpp", lambda s: s.replace("m1", "m8"), "eok_fast_marker")
        r = self.tune("--op", "clip", "--no-flags", "--candidate", wrong, "--candidate", fast)
        self.assertIn("clip wrong.cpp: wrong_output", r.stderr)
        self.assertIn("clip fast.cpp: ok", r.stderr)
        row = next(l for l in r.stdout.splitlines() if l.startswith("ncnn/clip"))
        self.assertIn("tuned", row)
        self.assertIn("fast.cpp", row)
        speedup = float(row.split()[3].rstrip("x"))
        self.assertGreater(speedup, 1.0, row)
        # the tuned file's object was removed, so the build compiles it again
        self.assertFalse(os.path.exists(self.clip_object()))
        run(["cmake", "--build", self.build])
        symbols = run([nm_tool(), self.clip_object()]).stdout
        self.assertIn("eok_fast_marker", symbols)
        self.assertNotIn("eok_wrong_marker", symbols)
        run(["ctest", "--test-dir", self.build, "--output-on-failure"])
        stats = run([EOK, "launch", "--cache", self.cache, "--stats"]).stdout
        self.assertIn("clip_riscv.cpp  ncnn/clip", stats)
        # CI mode: clip is cached, relu was never tuned
        r = self.tune("--op", "clip", "--ci")
        self.assertIn("cached", r.stdout)
        r = self.tune("--op", "clip", "--op", "relu", "--ci", check=False)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("miss", next(l for l in r.stdout.splitlines() if l.startswith("ncnn/relu")))

    def test_cheating_layers_are_rejected_before_they_run(self):
        fwd = "int Clip_riscv::forward_inplace(Mat& m, const Option&) const\n{\n"
        cheats = {
            # marks its own region for the model
            "marker.cpp": lambda s: s.replace(fwd, fwd + '  __asm__ volatile("slti x0, x0, 2");\n'),
            # keeps state between calls
            "state.cpp": lambda s: s.replace(fwd, "static int g_calls;\n" + fwd + "  g_calls++;\n"),
            # reads the environment
            "getenv.cpp": lambda s: "#include <cstdlib>\n" + s.replace(fwd, fwd + '  if (std::getenv("EOK_X")) return 0;\n'),
            # replaces the naive reference with itself
            "naive.cpp": lambda s: s + "namespace ncnn {\nLayer* create_layer_naive(const char* t)\n{\n  return create_layer_cpu(t);\n}\n}\n",
        }
        args = ["--op", "clip", "--no-flags"]
        for name, transform in cheats.items():
            args += ["--candidate", self.candidate(name, transform, "eok_" + name[:-4] + "_marker")]
        r = self.tune(*args)
        self.assertIn("clip ker0: ok", r.stderr)
        reasons = {"marker.cpp": "region marker", "state.cpp": "writable data", "getenv.cpp": "getenv",
                   "naive.cpp": "create_layer_naive"}
        for name, reason in reasons.items():
            line = next((l for l in r.stderr.splitlines() if l.startswith(f"clip {name}:")), "")
            self.assertIn(": rejected", line, r.stderr)
            self.assertIn(reason, line)
        self.assertIn("ker0 stays", next(l for l in r.stdout.splitlines() if l.startswith("ncnn/clip ")))

    def test_weights_inputs_packing_and_fp16(self):
        cases = [
            # the bias (second weight blob) left out
            ("innerproduct", "innerproduct_riscv.cpp", "nobias.cpp",
             lambda s: s.replace("bias_term ? static_cast<const float*>(bias_data.data)[o] : 0.f", "0.f")),
            # packed input read as if planar: right at elempack 1 only
            ("innerproduct", "innerproduct_riscv.cpp", "planar.cpp", lambda s: s.replace("if (ep == 1) {", "if (true) {")),
            # the first input twice
            ("binaryop", "binaryop_riscv.cpp", "first_twice.cpp", lambda s: s.replace("vle32_v_f32m4(y + i", "vle32_v_f32m4(x + i")),
            # the fp16 path ignores the slope
            ("relu_fp16", "relu_riscv_zfh.cpp", "noslope.cpp", lambda s: s.replace("if (slope == 0.f) {", "if (true) {")),
        ]
        by_op = {}
        for op, file, name, transform in cases:
            by_op.setdefault(op, []).append(self.candidate(name, transform, "eok_" + name[:-4] + "_marker", file))
        for op, paths in by_op.items():
            args = ["--op", op, "--no-flags"]
            for p in paths:
                args += ["--candidate", p]
            r = self.tune(*args)
            self.assertIn(f"{op} ker0: ok", r.stderr)
            for p in paths:
                self.assertIn(f"{op} {os.path.basename(p)}: wrong_output", r.stderr)
            row = next(l for l in r.stdout.splitlines() if l.startswith("ncnn/" + op + " "))
            self.assertIn("ker0 stays", row)

    def op_file(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_broadcast_inputs_and_cast_types(self):
        common = "shapes = [[7, 3, 5], [5, 5, 16], [9, 1, 8]]\nperf_shape = [8, 8, 16]\nseeds = 1\n"
        ops = {
            # b one value per channel (input_forms): the packed path must use each lane's own value
            "binaryop_channel": ('type = "BinaryOp"\nfile = "src/layer/riscv/binaryop_riscv.cpp"\nparams = [[0, 2]]\n'
                                 'inputs = 2\ninput_forms = ["same", "channel"]\n' + common,
                                 "binaryop_riscv.cpp", "lane0.cpp",
                                 lambda s: s.replace("__riscv_vle32_v_f32m4(y, vl)", "__riscv_vfmv_v_f_f32m4(y[0], vl)")),
            # fp16 bottom blobs for both layers (input_type): one element off
            "cast_f16_f32": ('type = "Cast"\nfile = "src/layer/riscv/cast_riscv_zfh.cpp"\nparams = [[0, 2], [1, 1]]\n'
                             'input_type = "fp16"\nrange = [-70000.0, 70000.0]\n' + common,
                             "cast_riscv_zfh.cpp", "offbyone.cpp",
                             lambda s: s.replace("__riscv_vle16_v_f16m4(in + i, vl)", "__riscv_vle16_v_f16m4(in + i + 1, vl)")),
            # int8 bottom blobs: the sign bit dropped
            "cast_i8_f32": ('type = "Cast"\nfile = "src/layer/riscv/cast_riscv.cpp"\nparams = [[0, 3], [1, 1]]\n'
                            'input_type = "int8"\nrange = [-200.0, 200.0]\n' + common,
                            "cast_riscv.cpp", "unsigned.cpp",
                            lambda s: s.replace("__riscv_vsext_vf4_i32m4(x, vl)",
                                                "__riscv_vsext_vf4_i32m4(__riscv_vand_vx_i8m1(x, 0x7f, vl), vl)")),
            # bf16 bottom blobs: shifted one bit short
            "cast_bf16_f32": ('type = "Cast"\nfile = "src/layer/riscv/cast_riscv.cpp"\nparams = [[0, 4], [1, 1]]\n'
                              'input_type = "bf16"\n' + common,
                              "cast_riscv.cpp", "shift15.cpp",
                              lambda s: s.replace("__riscv_vzext_vf2_u32m4(x, vl), 16, vl)", "__riscv_vzext_vf2_u32m4(x, vl), 15, vl)")),
            # a bf16 output (output_type): rounding where NCNN truncates
            "cast_f32_bf16": ('type = "Cast"\nfile = "src/layer/riscv/cast_riscv.cpp"\nparams = [[0, 1], [1, 4]]\n'
                              'output_type = "bf16"\n' + common,
                              "cast_riscv.cpp", "rounding.cpp",
                              lambda s: s.replace("__riscv_vnsrl_wx_u16m2(x, 16, vl)",
                                                  "__riscv_vnsrl_wx_u16m2(__riscv_vadd_vx_u32m4(x, 0x8000, vl), 16, vl)")),
        }
        for op, (desc, file, name, transform) in ops.items():
            wrong = self.candidate(op + "_" + name, transform, "eok_" + name[:-4] + "_marker", file)
            r = self.tune("--op-file", self.op_file(op + ".toml", desc), "--no-flags", "--candidate", wrong)
            self.assertIn(f"{op} ker0: ok", r.stderr)
            self.assertIn(f"{op} {op}_{name}: wrong_output", r.stderr)
            row = next(l for l in r.stdout.splitlines() if l.startswith("ncnn/" + op + " "))
            self.assertIn("ker0 stays", row)
            self.assertGreater(float(row.split()[1]), 0, row)  # ker0 measured at the perf shape
        # without input_type the fixture's Cast gets fp32 blobs, which it refuses: the type reaches the layer
        r = self.tune("--op-file", self.op_file("cast_plain.toml", 'type = "Cast"\nfile = "src/layer/riscv/cast_riscv.cpp"\n'
                                                "params = [[0, 3], [1, 1]]\n" + common), "--baseline", check=False)
        self.assertIn("failed", next(l for l in r.stdout.splitlines() if l.startswith("ncnn/cast_plain ")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
