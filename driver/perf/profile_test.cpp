#include "perf/profile.hpp"

#include <doctest/doctest.h>

using namespace eok::perf;

namespace {

const CostTable& x60()
{
  const CostTable* t = CostTable::builtin("spacemit-x60");
  REQUIRE(t != nullptr);
  return *t;
}

Counts loop(uint64_t n, const std::string& lmul)
{
  Counts c;
  c.roi_entries = 1;
  c.insns = {{"addi", 0, "", false, 3 * n, 0},    {"bnez", 0, "", false, n, 0},           {"roi.begin", 0, "", false, 1, 0},
             {"vfmax.vf", 32, lmul, false, n, 0}, {"vle32.v", 32, lmul, false, n, 8 * n}, {"vse32.v", 32, lmul, false, n, 8 * n},
             {"vsetvli", 32, lmul, false, n, 0}};
  return c;
}

} // namespace

TEST_SUITE("perf::profile")
{
  TEST_CASE("the summary says where the cycles go, the same text for the same counts")
  {
    Counts c = loop(512, "m1");
    ModelBreakdown b = model_cycles(c, x60(), 16384 * 8);
    SolBound sol = speed_of_light({16384, 16384 * 8, 32}, x60());
    std::string s = profile_summary(c, x60(), b, sol);
    CHECK(s == profile_summary(c, x60(), model_cycles(c, x60(), 16384 * 8), sol));
    CHECK(s.find("cycles (table model)") != std::string::npos);
    CHECK(s.find("vector memory") != std::string::npos);
    CHECK(s.find("memory (L2)") != std::string::npos);
    CHECK(s.find("Speed of light") != std::string::npos);
    CHECK(s.find("(memory bound)") != std::string::npos);
    // The loads and stores cost most: they come first among the costliest classes.
    size_t costliest = s.find("Costliest: ");
    REQUIRE(costliest != std::string::npos);
    std::string first = s.substr(costliest + 11, 6);
    CHECK((first == "vle32." || first == "vse32."));
    CHECK(s.find("roi.begin") == std::string::npos); // markers are not work
    CHECK(s.find("spills") == std::string::npos);
  }

  TEST_CASE("whole-register moves are reported as likely spills; the text keeps its budget")
  {
    Counts c = loop(64, "m8");
    c.insns.push_back({"vl8re32.v", 32, "m8", false, 7, 7 * 64});
    c.insns.push_back({"vs8r.v", 32, "m8", false, 5, 5 * 64});
    ModelBreakdown b = model_cycles(c, x60(), 1024);
    std::string s = profile_summary(c, x60(), b, speed_of_light({2048, 8192, 32}, x60()));
    CHECK(s.find("12 whole-register vector loads/stores") != std::string::npos);
    CHECK((s.find("in L1") != std::string::npos || s.find("memory (L1)") != std::string::npos)); // the level is named

    // Many classes with long names: at most `top` listed and never past the budget.
    for (int i = 0; i < 40; ++i) {
      c.insns.push_back(
          {"vfwmaccbf16.vv" + std::string(static_cast<size_t>(i % 5), 'x'), 16, "mf2", true, 1000u + static_cast<uint64_t>(i), 0});
    }
    s = profile_summary(c, x60(), model_cycles(c, x60(), 1024), speed_of_light({2048, 8192, 32}, x60()), 30);
    CHECK(s.size() <= k_profile_max_chars);
    CHECK(s.back() == '\n');
  }
}
