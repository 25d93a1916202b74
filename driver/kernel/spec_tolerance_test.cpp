#include "kernel/spec.hpp"
#include "kernel/spec_test_support.hpp"

#include <string>

using namespace eok;
using testing::k_unary_spec;
using testing::replaced;
using testing::spec_error;

namespace {

// The unary spec with an integer size `op` (0..3) beside n, an i64 param `mode` taking 1, 2
// and 5, and `cases` appended after its [tolerance] table (from line 38 on).
std::string with_cases(const std::string& cases)
{
  std::string s = replaced(k_unary_spec, "signature = \"void f(const float* x, float* y, long n)\"",
                           "signature = \"void f(const float* x, float* y, long n, long op, long mode)\"");
  s = replaced(s, "n = { min = 0 }", "n = { min = 0 }\nop = { min = 0, max = 3 }");
  s = replaced(s, "role = \"size\"\n",
               "role = \"size\"\n[[args]]\nname = \"op\"\ntype = \"i64\"\nrole = \"size\"\n"
               "[[args]]\nname = \"mode\"\ntype = \"i64\"\nrole = \"param\"\nvalues = [1, 2, 5]\n");
  s = replaced(s, "{ n = 2 }, { n = 3 }", "{ n = 2, op = 0 }, { n = 3, op = 2 }");
  s = replaced(s, "perf = { n = 8 }", "perf = { n = 8, op = 1 }");
  return replaced(s, "ulp = 0\n", "ulp = 0\n" + cases);
}

} // namespace

TEST_SUITE("kernel::tolerance")
{
  TEST_CASE("without cases every run has the base tolerance; old specs parse unchanged")
  {
    kernel::Spec s = kernel::parse_spec(k_unary_spec, "t.toml");
    CHECK(s.tolerance_cases.empty());
    CHECK(&kernel::tolerance_at(s, s.test_shapes[1], 0) == &s.tolerance);
    CHECK(kernel::parse_spec(with_cases(""), "t.toml").tolerance_cases.empty());
  }

  TEST_CASE("a case per size value or integer param value; unset keys come from the base")
  {
    kernel::Spec s = kernel::parse_spec(with_cases("[[tolerance.when]]\nop = [2, 3]\nabs = 0.5\nnan = \"any\"\n"
                                                   "[[tolerance.when]]\nmode = 5\nulp = 4\n"),
                                        "t.toml");
    REQUIRE(s.tolerance_cases.size() == 2);
    const kernel::ToleranceCase& op = s.tolerance_cases[0];
    CHECK(op.key == "op");
    CHECK(op.param == -1);
    CHECK(op.values == std::vector<int64_t>{2, 3});
    CHECK(op.tolerance.abs == 0.5);
    CHECK(op.tolerance.rel == doctest::Approx(1e-2)); // the base's
    CHECK(op.tolerance.nan == "any");
    CHECK(s.tolerance_cases[1].param == 4); // args: x, y, n, op, mode
    CHECK(s.tolerance_cases[1].tolerance.ulp == 4);
    CHECK(s.tolerance_cases[1].tolerance.abs == doctest::Approx(1e-3));
    // Param cases are mode = 1, 2, 5 in order.
    REQUIRE(s.param_cases.size() == 3);
    CHECK(&kernel::tolerance_at(s, s.test_shapes[0], 0) == &s.tolerance);                    // op 0, mode 1
    CHECK(&kernel::tolerance_at(s, s.test_shapes[1], 0) == &op.tolerance);                   // op 2
    CHECK(&kernel::tolerance_at(s, s.test_shapes[0], 2) == &s.tolerance_cases[1].tolerance); // mode 5
    CHECK(&kernel::tolerance_at(s, s.test_shapes[1], 2) == &op.tolerance);                   // the first case wins
    CHECK(&kernel::tolerance_at(s, s.perf_shape, 0) == &s.tolerance);                        // op 1
  }

  TEST_CASE("bad cases are file:line errors")
  {
    auto err = [](const std::string& cases) { return spec_error(with_cases(cases)); };
    CHECK(err("[[tolerance.when]]\nabs = 1.0\n") ==
          "k/kernel.toml:38: tolerance.when: names no size or integer param to select on (e.g. op = [14])");
    CHECK(err("[[tolerance.when]]\nop = 1\nmode = 2\nabs = 1.0\n") ==
          "k/kernel.toml:40: tolerance.when: selects on both 'op' and 'mode'; one case selects on one size or param");
    CHECK(err("[[tolerance.when]]\nopp = 1\nabs = 1.0\n") == "k/kernel.toml:39: tolerance.when: 'opp' is not a size or an integer param");
    CHECK(err("[[tolerance.when]]\nx = 1\nabs = 1.0\n") == "k/kernel.toml:39: tolerance.when: 'x' is not a size or an integer param");
    CHECK(err("[[tolerance.when]]\nop = 4\nabs = 1.0\n") ==
          "k/kernel.toml:39: tolerance.when.op = 4 is a value the size cannot take (see [sizes])");
    CHECK(err("[[tolerance.when]]\nmode = 3\nabs = 1.0\n") == "k/kernel.toml:39: tolerance.when.mode = 3 is not one of the param's values");
    CHECK(err("[[tolerance.when]]\nop = [1, 2.5]\nabs = 1.0\n") == "k/kernel.toml:39: tolerance.when.op: expected integers, found a float");
    CHECK(err("[[tolerance.when]]\nop = []\nabs = 1.0\n") ==
          "k/kernel.toml:39: tolerance.when.op: expected an integer or a non-empty list of integers");
    CHECK(err("[[tolerance.when]]\nop = 1\n") == "k/kernel.toml:38: tolerance.when.op: sets none of abs, rel, nan, inf, ulp");
    CHECK(err("[[tolerance.when]]\nop = [1, 2]\nabs = 1.0\n[[tolerance.when]]\nop = 2\nrel = 1.0\n") ==
          "k/kernel.toml:42: tolerance.when.op = 2 already has a tolerance case (line 39)");
    CHECK(err("[[tolerance.when]]\nop = 1\nabs = -1.0\n") == "k/kernel.toml:40: tolerance.when.op.abs must be a finite number >= 0");
    CHECK(err("[[tolerance.when]]\nop = 1\nabs = \"x\"\n") == "k/kernel.toml:40: tolerance.when.op.abs must be a number, got a string");
    CHECK(err("[[tolerance.when]]\nop = 1\ninf = \"never\"\n") ==
          "k/kernel.toml:40: tolerance.when.op.inf: 'never' is not one of match, any");
    CHECK(err("[[tolerance.when]]\nop = 1\nulp = -2\n") == "k/kernel.toml:40: tolerance.when.op.ulp must be >= 0");
    CHECK(err("when = 3\n") == "k/kernel.toml:38: tolerance.when: expected [[tolerance.when]] tables, got an integer");
  }
}
