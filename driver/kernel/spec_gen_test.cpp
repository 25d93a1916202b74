// kernel.toml's integer inputs (range expressions, generators), counted outputs and
// scratch buffers (kernels/FORMAT.md, "Integer inputs" and "Data-dependent outputs").
#include "kernel/spec.hpp"
#include "kernel/spec_test_support.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace eok;

namespace {

// A bulk-remove-like kernel: keys, sorted unique indices into them, a counted output and
// a scratch buffer. Tests change one piece and check the exact message.
const char* const k_spec = R"TOML([kernel]
name = "t"
suite = "gp"
description = "d"
entry = "f"
source = "f.c"
signature = "void f(const int* x, long n, const int* idx, long m, int* y, long* count, int* tmp)"

[sizes]
n = { min = 0 }
m = { min = 0 }

[[args]]
name = "x"
type = "i32*"
role = "in"
len = "n"
range = [-50, 50]
gen = "sorted_dups"

[[args]]
name = "n"
type = "i64"
role = "size"

[[args]]
name = "idx"
type = "i32*"
role = "in"
len = "m"
range = [0, "n - 1"]
gen = "sorted_unique"

[[args]]
name = "m"
type = "i64"
role = "size"

[[args]]
name = "y"
type = "i32*"
role = "out"
len = "n"
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
len = "2 * n"

[shapes]
test = [ { n = 0, m = 0 }, { n = 9, m = 4 } ]
perf = { n = 100, m = 30 }

[perf]
flops = "n"
)TOML";

std::string with(const std::string& from, const std::string& to)
{
  return testing::replaced(k_spec, from, to);
}

std::string error_of(const std::string& text)
{
  return testing::spec_error(text);
}

} // namespace

TEST_SUITE("kernel::spec_gen")
{
  TEST_CASE("integer ranges are expressions over sizes, evaluated per shape; generators, counts and scratch parse")
  {
    kernel::Spec s = kernel::parse_spec(k_spec, "k/kernel.toml");
    REQUIRE(s.args.size() == 7);
    CHECK(s.args[0].gen == kernel::Gen::sorted_dups);
    CHECK(s.args[2].gen == kernel::Gen::sorted_unique);
    CHECK(kernel::int_range_at(s.args[0], s.test_shapes[1]) == std::pair<int64_t, int64_t>(-50, 50));
    CHECK(kernel::int_range_at(s.args[2], s.test_shapes[1]) == std::pair<int64_t, int64_t>(0, 8));
    CHECK(kernel::int_range_at(s.args[2], s.perf_shape) == std::pair<int64_t, int64_t>(0, 99));
    CHECK(s.args[4].count == "count");
    CHECK(kernel::count_arg_index(s, s.args[4]) == 5);
    CHECK(kernel::count_arg_index(s, s.args[0]) == -1);
    CHECK(s.args[6].role == kernel::Role::scratch);
    // Without a range: the type's default; uniform is the default generator.
    kernel::Spec d = kernel::parse_spec(with("range = [-50, 50]\ngen = \"sorted_dups\"\n", ""), "k/kernel.toml");
    CHECK(d.args[0].gen == kernel::Gen::uniform);
    CHECK(kernel::int_range_at(d.args[0], d.perf_shape) == std::pair<int64_t, int64_t>(-1000, 1000));
  }

  TEST_CASE("rule: gen from the list, only on integer inputs; offsets need a range, a permutation takes none")
  {
    CHECK(error_of(with("gen = \"sorted_dups\"", "gen = \"shuffled\"")) ==
          "k/kernel.toml:19: args.x.gen: 'shuffled' is not one of uniform sorted sorted_dups unique sorted_unique nearly_sorted "
          "permutation offsets iota");
    CHECK(error_of(with("count = \"count\"", "gen = \"sorted\"")) == "k/kernel.toml:44: args.y.gen is only for in/inout integer pointers");
    CHECK(error_of(with("range = [-50, 50]\ngen = \"sorted_dups\"", "gen = \"offsets\"")) ==
          "k/kernel.toml:13: args.x: gen 'offsets' needs a range (the first offset and the total)");
    CHECK(error_of(with("gen = \"sorted_dups\"", "gen = \"permutation\"")) ==
          "k/kernel.toml:18: args.x.range: a permutation is always of 0 .. len-1, it takes no range");
  }

  TEST_CASE("rule: integer range bounds are integers or size expressions, hold the generator's values, fit the type")
  {
    CHECK(error_of(with("[-50, 50]", "[-50, 1.5]")) ==
          "k/kernel.toml:18: args.x.range: bounds of an integer input are integers or expressions over sizes (\"n - 1\")");
    CHECK(error_of(with("[-50, 50]", "[-50]")) == "k/kernel.toml:18: args.x.range: expected [low, high]");
    CHECK(error_of(with("[0, \"n - 1\"]", "[0, \"k - 1\"]")) ==
          "k/kernel.toml:31: args.idx.range uses 'k', which is not declared in [sizes]");
    CHECK(error_of(with("[0, \"n - 1\"]", "[0, \"n < 1\"]")) == "k/kernel.toml:31: args.idx.range 'n < 1' is a condition, not a value");
    // m = 4 distinct indices need n >= 4.
    CHECK(error_of(with("{ n = 9, m = 4 }", "{ n = 3, m = 4 }")) ==
          "k/kernel.toml:59: shapes.test[2]: args.idx.range [0, 2] has fewer than len = 4 distinct values");
    // An empty range is fine only for an empty input (n = 0, m = 0 above).
    CHECK(error_of(with("gen = \"sorted_unique\"", "gen = \"uniform\"")
                       .replace(with("gen = \"sorted_unique\"", "gen = \"uniform\"").find("{ n = 9, m = 4 }"), 16, "{ n = 0, m = 4 }")) ==
          "k/kernel.toml:59: shapes.test[2]: args.idx.range [0, -1] is empty");
    CHECK(error_of(with("[-50, 50]", "[-50, 3000000000]")) ==
          "k/kernel.toml:59: shapes.test[1]: args.x.range [-50, 3000000000] is outside i32* (or beyond 2^53 for i64)");
    CHECK(error_of(with("[-50, 50]\ngen = \"sorted_dups\"", "[0, 5]\ngen = \"iota\"")) ==
          "k/kernel.toml:59: shapes.test[2]: args.x.range [0, 5] cannot hold iota's 9 values from 0");
  }

  TEST_CASE("rule: count names an out i32*/i64* argument of one element, only on out/inout")
  {
    CHECK(error_of(with("count = \"count\"", "count = \"total\"")) == "k/kernel.toml:39: args.y.count: 'total' is not an argument");
    CHECK(error_of(with("count = \"count\"", "count = \"x\"")) ==
          "k/kernel.toml:39: args.y.count: 'x' must be an out i32* or i64* argument");
    CHECK(error_of(with("count = \"count\"", "count = \"y\"")) == "k/kernel.toml:44: args.y.count names the argument itself");
    CHECK(error_of(with("gen = \"sorted_dups\"", "gen = \"sorted_dups\"\ncount = \"count\"")) ==
          "k/kernel.toml:20: args.x.count is only for out/inout pointers");
    CHECK(error_of(with("len = \"1\"", "len = \"m\"")) ==
          "k/kernel.toml:59: shapes.test[1]: args.count holds a count, its len must be 1 (is 0)");
  }

  TEST_CASE("rule: scratch is a pointer role")
  {
    CHECK(error_of(with("name = \"n\"\ntype = \"i64\"\nrole = \"size\"", "name = \"n\"\ntype = \"i64\"\nrole = \"scratch\"")) ==
          "k/kernel.toml:24: args.n: role 'scratch' is for pointers, a scalar is size or param");
    CHECK(error_of(with("role = \"scratch\"\nlen = \"2 * n\"", "role = \"scratch\"\nlen = \"2 * n\"\nrange = [0, 1]")) ==
          "k/kernel.toml:57: args.tmp.range is only for in/inout pointers and params");
  }
}
