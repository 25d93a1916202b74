// The generated harness's integer generators, counted outputs and scratch buffers, run
// for real: the harness is compiled with the host C compiler around small C kernels
// (plain C, so no cross toolchain or QEMU is needed) and its output file and faults read.
#include "eval/compare.hpp"
#include "eval/harness.hpp"
#include "kernel/spec.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <string>
#include <vector>

using namespace eok;

namespace {

// One input per generator, all copied to y by the kernel, which reports count = 9 * n
// (y's capacity is 10 * n: the last n elements are past the count).
const char* const k_spec = R"TOML([kernel]
name = "gens"
suite = "t"
description = "d"
entry = "f"
source = "f.c"
signature = "void f(const int* u, const int* s, const int* d, const int* q, const int* su, const int* ns, const int* p, const int* o, const int* io, int* y, long* count, int* tmp, long n)"
[sizes]
n = { min = 0 }
[[args]]
name = "u"
type = "i32*"
role = "in"
len = "n"
range = [-5, 5]
[[args]]
name = "s"
type = "i32*"
role = "in"
len = "n"
range = [0, 1000000]
gen = "sorted"
[[args]]
name = "d"
type = "i32*"
role = "in"
len = "n"
range = [0, 1000000]
gen = "sorted_dups"
[[args]]
name = "q"
type = "i32*"
role = "in"
len = "n"
range = [-3, "n - 4"]
gen = "unique"
[[args]]
name = "su"
type = "i32*"
role = "in"
len = "n"
range = [0, "2 * n"]
gen = "sorted_unique"
[[args]]
name = "ns"
type = "i32*"
role = "in"
len = "n"
range = [0, 1000000]
gen = "nearly_sorted"
[[args]]
name = "p"
type = "i32*"
role = "in"
len = "n"
gen = "permutation"
[[args]]
name = "o"
type = "i32*"
role = "in"
len = "n"
range = [0, "3 * n"]
gen = "offsets"
[[args]]
name = "io"
type = "i32*"
role = "in"
len = "n"
range = [7, "n + 7"]
gen = "iota"
[[args]]
name = "y"
type = "i32*"
role = "out"
len = "10 * n"
count = "count"
[[args]]
name = "count"
type = "i64*"
role = "out"
len = "1"
[[args]]
name = "tmp"
type = "i32*"
role = "scratch"
len = "n"
[[args]]
name = "n"
type = "i64"
role = "size"
[shapes]
test = [ { n = 0 }, { n = 1 }, { n = 200 } ]
perf = { n = 10 }
[perf]
flops = "n"
)TOML";

// `tail` runs after the copy: it may break the count protocol.
std::string kernel_source(const std::string& tail)
{
  return "void f(const int* u, const int* s, const int* d, const int* q, const int* su, const int* ns, const int* p,\n"
         "       const int* o, const int* io, int* y, long* count, int* tmp, long n)\n{\n"
         "  const int* in[9] = {u, s, d, q, su, ns, p, o, io};\n"
         "  for (long i = 0; i < n; ++i) tmp[i] = -1; /* scratch is the kernel's to write */\n"
         "  for (int k = 0; k < 9; ++k)\n    for (long i = 0; i < n; ++i) y[k * n + i] = in[k][i];\n"
         "  *count = 9 * n;\n" +
         tail + "}\n";
}

struct Run
{
  util::ProcessResult result;
  std::string output;
};

Run build_and_run(const testing::ScratchDir& dir, const kernel::Spec& spec, const std::string& tail)
{
  util::write_file_atomic(dir.file("harness.c"), eval::generate_harness(spec));
  util::write_file_atomic(dir.file("kernel.c"), kernel_source(tail));
  util::ProcessResult cc = util::run_process(
      {.argv = {"cc", "-O1", "-o", dir.file("h"), dir.file("harness.c"), dir.file("kernel.c")}, .timeout = std::chrono::seconds(60)});
  REQUIRE_MESSAGE(cc.succeeded(), cc.err);
  Run r;
  r.result = util::run_process({.argv = {dir.file("h"), "check", "12345", dir.file("out.bin"), "2"}, .timeout = std::chrono::seconds(60)});
  if (r.result.succeeded()) {
    r.output = util::read_file(dir.file("out.bin"));
  }
  return r;
}

} // namespace

TEST_SUITE("eval::harness_gen")
{
  TEST_CASE("every integer generator draws what FORMAT.md promises, in range")
  {
    if (util::find_program("cc").empty()) {
      MESSAGE("no host C compiler; skipped");
      return;
    }
    testing::ScratchDir dir;
    kernel::Spec spec = kernel::parse_spec(k_spec, "k/kernel.toml");
    Run run = build_and_run(dir, spec, "");
    REQUIRE_MESSAGE(run.result.succeeded(), run.result.describe() << "\n" << run.result.err);
    size_t total = 0;
    std::vector<eval::OutputBlock> blocks = eval::output_layout(spec, total);
    REQUIRE(run.output.size() == total);
    // Shape n = 200: y is the third shape's first block.
    const eval::OutputBlock& yb = blocks[4];
    REQUIRE(yb.length == 2000);
    const long n = 200;
    std::vector<int32_t> y(static_cast<size_t>(yb.length));
    std::memcpy(y.data(), run.output.data() + yb.offset, y.size() * 4);
    auto col = [&](int k) { return std::vector<int32_t>(y.begin() + k * n, y.begin() + (k + 1) * n); };
    auto u = col(0);
    CHECK(*std::min_element(u.begin(), u.end()) == -5);
    CHECK(*std::max_element(u.begin(), u.end()) == 5);
    auto sorted = col(1);
    CHECK(std::is_sorted(sorted.begin(), sorted.end()));
    auto d = col(2);
    CHECK(std::is_sorted(d.begin(), d.end()));
    CHECK(std::set<int32_t>(d.begin(), d.end()).size() < static_cast<size_t>(n) * 2 / 3); // runs of 1..8
    auto q = col(3);
    CHECK(std::set<int32_t>(q.begin(), q.end()).size() == static_cast<size_t>(n));
    CHECK(*std::min_element(q.begin(), q.end()) == -3); // n distinct values from [-3, n-4]: all of them
    CHECK(!std::is_sorted(q.begin(), q.end()));
    auto su = col(4);
    CHECK(std::adjacent_find(su.begin(), su.end(), [](int a, int b) { return a >= b; }) == su.end());
    CHECK(su.back() <= 2 * n);
    auto ns = col(5);
    CHECK(!std::is_sorted(ns.begin(), ns.end()));
    int descents = 0;
    for (size_t i = 1; i < ns.size(); ++i) {
      descents += ns[i] < ns[i - 1];
    }
    CHECK(descents <= 2 * (n / 16 + 1));
    auto p = col(6);
    std::vector<int32_t> sorted_p = p;
    std::sort(sorted_p.begin(), sorted_p.end());
    for (int32_t i = 0; i < n; ++i) {
      CHECK(sorted_p[static_cast<size_t>(i)] == i);
    }
    CHECK(!std::is_sorted(p.begin(), p.end()));
    auto o = col(7);
    CHECK(o.front() == 0);
    CHECK(o.back() == 3 * n);
    CHECK(std::is_sorted(o.begin(), o.end()));
    CHECK(o[1] == o[0]); // empty first segment
    auto io = col(8);
    for (int32_t i = 0; i < n; ++i) {
      CHECK(io[static_cast<size_t>(i)] == 7 + i);
    }
    // The count block follows y; y past the count stayed as the harness left it.
    int64_t count = 0;
    std::memcpy(&count, run.output.data() + blocks[5].offset, 8);
    CHECK(count == 9 * n);
  }

  TEST_CASE("a write past the reported count, and a count beyond the capacity, are faults")
  {
    if (util::find_program("cc").empty()) {
      MESSAGE("no host C compiler; skipped");
      return;
    }
    testing::ScratchDir dir;
    kernel::Spec spec = kernel::parse_spec(k_spec, "k/kernel.toml");
    Run past = build_and_run(dir, spec, "  if (n > 0) y[9 * n] = 0;\n");
    CHECK(past.result.exit_code == eval::k_fault_exit);
    CHECK(past.result.err.find("eok-fault past_count shape=1 arg=y index=9 count=9") != std::string::npos);
    Run over = build_and_run(dir, spec, "  *count = 10 * n + 1;\n");
    CHECK(over.result.exit_code == eval::k_fault_exit);
    CHECK(over.result.err.find("eok-fault bad_count shape=0 arg=count index=1 capacity=0") != std::string::npos);
    Run negative = build_and_run(dir, spec, "  *count = -1;\n");
    CHECK(negative.result.err.find("eok-fault bad_count shape=0 arg=count index=-1 capacity=0") != std::string::npos);
    Run scratch_oob = build_and_run(dir, spec, "  tmp[n] = 1;\n");
    // Past the end of a scratch buffer: the no-access page after it (or, placed the other way, its guard zone).
    CHECK(scratch_oob.result.exit_code == eval::k_fault_exit);
    const bool oob = scratch_oob.result.err.find("eok-fault out_of_bounds_access shape=0 arg=tmp index=0") != std::string::npos ||
                     scratch_oob.result.err.find("eok-fault out_of_bounds shape=0 arg=tmp index=0") != std::string::npos;
    CHECK(oob);
  }
}

TEST_SUITE("eval::harness_gen")
{
  TEST_CASE("counted outputs compare up to the count; integers compare exactly, beyond 2^53 too")
  {
    kernel::Spec spec = kernel::parse_spec(R"TOML([kernel]
name = "c"
suite = "t"
description = "d"
entry = "f"
source = "f.c"
signature = "void f(const long* x, long* y, int* count, long n)"
[sizes]
n = { min = 0 }
[[args]]
name = "x"
type = "i64*"
role = "in"
len = "n"
[[args]]
name = "y"
type = "i64*"
role = "out"
len = "n"
count = "count"
[[args]]
name = "count"
type = "i32*"
role = "out"
len = "1"
[[args]]
name = "n"
type = "i64"
role = "size"
[shapes]
test = [ { n = 4 } ]
perf = { n = 4 }
[perf]
flops = "n"
)TOML",
                                           "k/kernel.toml");
    auto file = [](std::vector<int64_t> y, int32_t count) {
      std::string s(y.size() * 8 + 4, '\0');
      std::memcpy(s.data(), y.data(), y.size() * 8);
      std::memcpy(s.data() + y.size() * 8, &count, 4);
      return s;
    };
    const int64_t big = (int64_t{1} << 60) + 1;
    // Past the count (2) the contents do not matter.
    CHECK(eval::compare_outputs(spec, file({big, 5, 7, 8}, 2), file({big, 5, -1, -2}, 2)).count == 0);
    // 2^60 + 1 and 2^60 are the same double; they are different integers.
    eval::Comparison off = eval::compare_outputs(spec, file({big, 5, 7, 8}, 2), file({big - 1, 5, 7, 8}, 2));
    REQUIRE(off.count == 1);
    CHECK(off.first[0].expected == "1152921504606846977");
    CHECK(off.first[0].got == "1152921504606846976");
    // A different count is a mismatch of the count; the data compares up to the smaller one.
    eval::Comparison shorter = eval::compare_outputs(spec, file({big, 5, 7, 8}, 3), file({big, 5, -1, -2}, 2));
    REQUIRE(shorter.count == 1);
    CHECK(shorter.first[0].arg == "count");
    CHECK(shorter.first[0].expected == "3");
  }
}
