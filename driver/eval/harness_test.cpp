#include "eval/harness.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"

#include <doctest/doctest.h>

using namespace eok;

TEST_SUITE("eval::harness")
{
  TEST_CASE("generated from the spec: prototype, shape table, call with sizes and params")
  {
    kernel::Spec spec = kernel::parse_spec(R"TOML([kernel]
name = "clip"
suite = "nn"
description = "d"
entry = "eok_clip"
source = "clip.c"
signature = "void eok_clip(const float* x, float* y, long n, float lo)"
[sizes]
n = {}
[[args]]
name = "x"
type = "f32*"
role = "in"
len = "n"
range = [-2.0, 2.0]
step = 0.25
special = ["nan", "-inf"]
[[args]]
name = "y"
type = "f32*"
role = "out"
len = "n * 2"
[[args]]
name = "n"
type = "i64"
role = "size"
[[args]]
name = "lo"
type = "f32"
role = "param"
value = -0.5
[shapes]
test = [ { n = 0 }, { n = 7 } ]
perf = { n = 100 }
[perf]
flops = "n"
)TOML",
                                           "k/kernel.toml");
    std::string c = eval::generate_harness(spec);
    CHECK(c.find("void eok_clip(const float* x, float* y, long n, float lo);\n") != std::string::npos);
    CHECK(c.find("#define EOK_NSHAPES 2\n") != std::string::npos);
    CHECK(c.find("  {0, 0, 0, 0}, // n=0\n  {7, 14, 7, 0}, // n=7\n  {100, 200, 100, 0}, // perf: n=100\n") != std::string::npos);
    CHECK(c.find("eok_clip((void*)b[0].data, (void*)b[1].data, (int64_t)k_len[s][2], (float)g_param[c][3]);") != std::string::npos);
    // nan is bit 0, -inf bit 2 of the special mask; only x has specials.
    CHECK(c.find("static const unsigned k_special[EOK_NARGS] = {5, 0, 0, 0};") != std::string::npos);
    CHECK(c.find("static const double k_lo[EOK_NARGS] = {-2, -1, -1000, -1};") != std::string::npos);
    CHECK(c.find("static const double k_step[EOK_NARGS] = {0.25, 0, 0, 0};") != std::string::npos);
    // The ROI markers of perf/runner.hpp surround the kernel call only, inside the
    // function whose markers alone the model counts.
    size_t fn = c.find(std::string("void ") + perf::k_measured_call_symbol + "(Buf* b, int s, int c)");
    REQUIRE(fn != std::string::npos);
    size_t roi = c.find("slti x0, x0, 1");
    CHECK(roi > fn);
    REQUIRE(roi != std::string::npos);
    CHECK(c.find("#define EOK_NCASES 1\n") != std::string::npos);
    CHECK(c.find("static const double k_param[EOK_NCASES][EOK_NARGS] = {\n  {0.0, 0.0, 0.0, -0x1p-1},\n};") != std::string::npos);
    CHECK(c.find("call_kernel(b, s, c);", roi) < c.find("slti x0, x0, 2", roi));
    // The perf shape's check and the perf run make that same call (eok_measured_call).
    size_t check = c.find("static int run_check(");
    size_t perf = c.find("static int run_perf(");
    REQUIRE(check != std::string::npos);
    REQUIRE(perf != std::string::npos);
    CHECK(c.find("eok_measured_call(b, EOK_NSHAPES, 0);", check) < perf);
    CHECK(c.find("eok_measured_call(b, EOK_NSHAPES, 0);", perf) != std::string::npos);
    // Inputs sit next to inaccessible pages; faults there are the kernel's out-of-bounds reads.
    CHECK(c.find("mprotect(b->map, g_page, PROT_NONE)") != std::string::npos);
    // Wall runs restore inout buffers before each call, outside the timed region.
    size_t timed = c.find("int64_t t0 = now_ns();");
    REQUIRE(timed != std::string::npos);
    CHECK(c.rfind("restore_inout(b, initial);", timed) > c.rfind("for (int i = 0; i < runs; ++i)", timed));

    size_t total = 0;
    std::vector<eval::OutputBlock> blocks = eval::output_layout(spec, total);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[1].length == 14);
    CHECK(blocks[2].shape == spec.test_shapes.size()); // the perf shape, last
    CHECK(blocks[2].length == 200);
    CHECK(total == 56 + 800);
    CHECK(eval::describe_run(spec, blocks[2].shape, 0) == "perf n=100");
  }
}
