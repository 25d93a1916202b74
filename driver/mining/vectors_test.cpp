#include "mining/vectors.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace eok;

TEST_SUITE("mining::vectors")
{
  TEST_CASE("cosine: same direction 1, orthogonal 0, opposite -1, degenerate inputs 0")
  {
    CHECK(mining::cosine({1, 2, 3}, {2, 4, 6}) == doctest::Approx(1.0));
    CHECK(mining::cosine({1, 0}, {0, 5}) == doctest::Approx(0.0));
    CHECK(mining::cosine({1, -1}, {-3, 3}) == doctest::Approx(-1.0));
    CHECK(mining::cosine({3, 4}, {4, 3}) == doctest::Approx(24.0 / 25.0));
    CHECK(mining::cosine({0, 0}, {1, 1}) == 0);
    CHECK(mining::cosine({}, {}) == 0);
    CHECK(mining::cosine({1, 2}, {1, 2, 3}) == 0); // dimensions changed: matches nothing
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    CHECK(mining::cosine({nan, 1}, {1, 1}) == 0);
    CHECK(mining::cosine({inf, 1}, {1, 1}) == 0);
    // Tiny and huge magnitudes keep the direction (computed in double).
    CHECK(mining::cosine({1e-30F, 1e-30F}, {1, 1}) == doctest::Approx(1.0));
    CHECK(mining::cosine({1e30F, 0}, {1e30F, 1e30F}) == doctest::Approx(std::sqrt(0.5)));
  }

  TEST_CASE("nearest: the most similar, the first on ties, nothing in an empty set")
  {
    std::vector<mining::Vector> set = {{1, 0}, {0, 1}, {0, 2}};
    mining::Nearest n = mining::nearest({0.1F, 1}, set);
    CHECK(n.index == 1);
    CHECK(n.similarity == doctest::Approx(mining::cosine({0.1F, 1}, {0, 1})));
    CHECK(mining::nearest({1, 0}, {}).similarity == -2);
    CHECK(mining::nearest({0, 0}, set).index == 0); // all 0: the first
  }

  TEST_CASE("greedy clustering groups directions, in input order, with a central representative")
  {
    std::vector<mining::Vector> v = {{1, 0, 0}, {0, 1, 0}, {0.9F, 0.1F, 0}, {0, 0.95F, 0.05F}, {0, 0, 1}, {1, 0.05F, 0}};
    auto c = mining::cluster_greedy(v, 0.9);
    REQUIRE(c.size() == 3);
    CHECK(c[0].members == std::vector<size_t>{0, 2, 5});
    CHECK(c[1].members == std::vector<size_t>{1, 3});
    CHECK(c[2].members == std::vector<size_t>{4});
    CHECK(c[2].representative == 4);
    CHECK(c[0].representative == 5); // between the other two

    CHECK(mining::cluster_greedy(v, 1.01).size() == v.size()); // nothing is that similar
    CHECK(mining::cluster_greedy(v, -1.0).size() == 1);        // everything is
    CHECK(mining::cluster_greedy({}, 0.5).empty());
  }

  TEST_CASE("fuzz: every input lands in exactly one cluster, whatever the vectors")
  {
    std::mt19937 rng(12345);
    std::uniform_real_distribution<float> value(-1, 1);
    for (int round = 0; round < 200; ++round) {
      const size_t n = rng() % 30;
      const size_t dim = 1 + rng() % 6;
      std::vector<mining::Vector> v(n, mining::Vector(dim));
      for (auto& x : v) {
        for (auto& f : x) {
          f = rng() % 7 == 0 ? 0.0F : value(rng);
        }
      }
      const double threshold = std::uniform_real_distribution<double>(-1, 1)(rng);
      std::multiset<size_t> seen;
      for (const auto& c : mining::cluster_greedy(v, threshold)) {
        REQUIRE_FALSE(c.members.empty());
        CHECK(std::find(c.members.begin(), c.members.end(), c.representative) != c.members.end());
        seen.insert(c.members.begin(), c.members.end());
      }
      REQUIRE(seen.size() == n);
      for (size_t i = 0; i < n; ++i) {
        CHECK(seen.count(i) == 1);
      }
    }
  }
}
