#include "eval/compare.hpp"
#include "eval/harness.hpp"
#include "kernel/spec.hpp"
#include "kernel/spec_test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <vector>

using namespace eok;

namespace {

using testing::k_unary_spec;

std::string floats(const std::vector<float>& v)
{
  std::string s(v.size() * 4, '\0');
  std::memcpy(s.data(), v.data(), s.size());
  return s;
}

} // namespace

TEST_SUITE("eval::compare")
{
  TEST_CASE("output layout: shapes in order, out/inout arguments only")
  {
    kernel::Spec spec = kernel::parse_spec(k_unary_spec, "t.toml");
    size_t total = 0;
    std::vector<eval::OutputBlock> blocks = eval::output_layout(spec, total);
    REQUIRE(blocks.size() == 3);
    CHECK(blocks[0].arg == 1);
    CHECK(blocks[1].offset == 8);
    CHECK(blocks[2].offset == 20); // the perf shape's output comes last, checked like the others
    CHECK(total == 52);
  }

  TEST_CASE("tolerance: abs + rel, NaN and Inf rules, ULPs")
  {
    kernel::Tolerance t;
    t.abs = 1e-3;
    t.rel = 1e-2;
    using kernel::ElemType;
    CHECK(eval::within_tolerance(t, ElemType::f32, 100.0, 100.9));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, 100.0, 101.1));
    CHECK(eval::within_tolerance(t, ElemType::f32, 0.0, 0.0009));
    CHECK(eval::within_tolerance(t, ElemType::f32, NAN, NAN));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, NAN, 0.0));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, 0.0, NAN));
    CHECK(eval::within_tolerance(t, ElemType::f32, INFINITY, INFINITY));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, INFINITY, -INFINITY));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, INFINITY, 3.4e38));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, 3.4e38, INFINITY));
    t.nan = "any";
    t.inf = "any";
    CHECK(eval::within_tolerance(t, ElemType::f32, NAN, 1.0));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f32, 1.0, NAN)); // any: only where ker0 gives NaN
    CHECK(eval::within_tolerance(t, ElemType::f32, INFINITY, 1.0));
    kernel::Tolerance exact;
    CHECK_FALSE(eval::within_tolerance(exact, ElemType::f32, 1.0, std::nextafter(1.0f, 2.0f)));
    exact.ulp = 1;
    CHECK(eval::within_tolerance(exact, ElemType::f32, 1.0, std::nextafter(1.0f, 2.0f)));
    CHECK_FALSE(eval::within_tolerance(exact, ElemType::f32, 1.0, std::nextafter(std::nextafter(1.0f, 2.0f), 2.0f)));
    CHECK(eval::within_tolerance(exact, ElemType::f32, 0.0, -0.0));
    CHECK(eval::within_tolerance(exact, ElemType::i32, 7, 7));
    CHECK_FALSE(eval::within_tolerance(exact, ElemType::i32, 7, 8));
  }

  TEST_CASE("fp16 ULPs count fp16 values, also subnormal ones and across zero")
  {
    using kernel::ElemType;
    kernel::Tolerance t;
    t.ulp = 2;
    // Normal range: 1 + k * 2^-10.
    CHECK(eval::within_tolerance(t, ElemType::f16, 1.0, 1.0 + 2 * 0x1p-10));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 1.0, 1.0 + 3 * 0x1p-10));
    CHECK(eval::within_tolerance(t, ElemType::f16, 1.0, 1.0 - 2 * 0x1p-11)); // below 1 the step halves
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 1.0, 1.0 - 3 * 0x1p-11));
    // Subnormals are multiples of 2^-24 (fp32 is still normal there).
    CHECK(eval::within_tolerance(t, ElemType::f16, 0x1p-24, 3 * 0x1p-24));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 0x1p-24, 4 * 0x1p-24));
    CHECK(eval::within_tolerance(t, ElemType::f16, 0x1p-24, -0x1p-24));
    CHECK(eval::within_tolerance(t, ElemType::f16, 0.0, 2 * 0x1p-24));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 0.0, -3 * 0x1p-24));
    // The largest subnormal and the smallest normal are neighbours; so are the two largest.
    t.ulp = 1;
    CHECK(eval::within_tolerance(t, ElemType::f16, 0x1p-14 - 0x1p-24, 0x1p-14));
    CHECK(eval::within_tolerance(t, ElemType::f16, 65504.0, 65472.0));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 65504.0, 65440.0));
    CHECK_FALSE(eval::within_tolerance(t, ElemType::f16, 65504.0, INFINITY));
  }

  TEST_CASE("mismatches name the shape, argument, index, expected and got")
  {
    kernel::Spec spec = kernel::parse_spec(k_unary_spec, "t.toml");
    std::string want = floats({1, 2, 3, NAN, INFINITY});
    std::string got = floats({1, 2, 3, 0, INFINITY});
    eval::Comparison c = eval::compare_outputs(spec, want, got);
    REQUIRE(c.count == 1);
    CHECK(c.first[0].shape == "n=3");
    CHECK(c.first[0].arg == "y");
    CHECK(c.first[0].index == 1);
    CHECK(c.first[0].expected == "nan");
    CHECK(c.first[0].got == "0");
    CHECK(eval::compare_outputs(spec, want, want).count == 0);
    eval::Comparison all = eval::compare_outputs(spec, floats({1, 2, 3, 4, 5}), floats({9, 9, 9, 9, 9}), 2);
    CHECK(all.count == 5);
    CHECK(all.first.size() == 2);
  }

  TEST_CASE("a [[tolerance.when]] case loosens only the runs it selects")
  {
    // n = 3 (the second test shape) gets abs 0.5; n = 2 keeps the base (abs 1e-3, rel 1e-2).
    std::string text = testing::replaced(k_unary_spec, "ulp = 0\n", "ulp = 0\n[[tolerance.when]]\nn = 3\nabs = 0.5\n");
    kernel::Spec spec = kernel::parse_spec(text, "t.toml");
    std::string want = floats({1, 2, 3, 4, 5});
    CHECK(eval::compare_outputs(spec, want, floats({1, 2, 3.4f, 4.4f, 5.4f})).count == 0);
    eval::Comparison c = eval::compare_outputs(spec, want, floats({1.4f, 2, 3.6f, 4, 5}));
    CHECK(c.count == 2);
    CHECK(c.first[0].shape == "n=2");
    CHECK(c.first[1].shape == "n=3");
  }
}
