#include "tune/strategy.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cmath>
#include <set>

using namespace eok::tune;

namespace {

// Knobs A in {1,2,4,8} (default 8) and B in {1,2,4} (default 1), constraint A*B <= 8,
// plus one flag option: 4*3*2 = 24 points, 9*2 = 18 valid.
Space small_space()
{
  return Space({{"A", {1, 2, 4, 8}, 8}, {"B", {1, 2, 4}, 1}}, {{"unroll", {{}, {"-funroll-loops"}}}},
               [](const std::map<std::string, int64_t>& v) { return v.at("A") * v.at("B") <= 8; });
}

// Six knobs of 6 values and two flag options: 186,624 points, about half valid.
Space large_space()
{
  std::vector<KnobDim> knobs;
  for (int i = 0; i < 6; ++i) {
    knobs.push_back({"K" + std::to_string(i), {0, 1, 2, 3, 4, 5}, 0});
  }
  return Space(knobs, {{"f1", {{}, {"-a"}}}, {"f2", {{}, {"-b"}}}},
               [](const std::map<std::string, int64_t>& v) { return v.at("K0") + v.at("K1") <= 6; });
}

// A smooth synthetic objective with its optimum at K_i = i (K0 = 0 ... K5 = 5), f1 on, f2 off.
Outcome large_objective(const Space& s, const Point& p)
{
  Setting st = s.setting(p);
  double c = 1000;
  for (int i = 0; i < 6; ++i) {
    double d = static_cast<double>(st.defines.at("K" + std::to_string(i)) - i);
    c += 10 * d * d;
  }
  c -= std::count(st.flags.begin(), st.flags.end(), "-a") * 50.0;
  c += std::count(st.flags.begin(), st.flags.end(), "-b") * 30.0;
  return {true, c, "ok"};
}

} // namespace

TEST_SUITE("tune::space")
{
  TEST_CASE("a constrained knob space: only points satisfying the constraint are valid")
  {
    Space s = small_space();
    CHECK(s.cardinality() == 24);
    auto valid = s.valid_points();
    CHECK(valid.size() == 18);
    for (const auto& p : valid) {
      Setting st = s.setting(p);
      CHECK(st.defines.at("A") * st.defines.at("B") <= 8);
    }
    Point ker0 = s.default_point();
    CHECK(s.valid(ker0));
    CHECK(s.setting(ker0).defines == std::map<std::string, int64_t>{{"A", 8}, {"B", 1}});
    CHECK(s.setting(ker0).flags.empty());
    CHECK(s.describe(ker0) == "defaults");
    Point p = {3, 2, 1}; // A=8, B=4
    CHECK_FALSE(s.valid(p));
    CHECK(s.describe({1, 2, 1}) == "A=2 B=4 -funroll-loops");
    CHECK_FALSE(s.valid({0, 3, 0})); // out of range
  }

  TEST_CASE("valid_points: exactly the valid points, in index order, knobs and flags mixed")
  {
    for (const Space& s : {small_space(), large_space()}) {
      std::vector<Point> brute;
      for (uint64_t i = 0; i < s.cardinality(); ++i) {
        if (s.valid(s.point_at(i))) {
          brute.push_back(s.point_at(i));
        }
      }
      CHECK(s.valid_points() == brute);
    }
    CHECK(Space({}, {}, {}).valid_points() == std::vector<Point>{Point{}}); // nothing to tune: ker0 only
  }

  TEST_CASE("bad spaces are refused")
  {
    CHECK_THROWS_WITH(Space({{"A", {1, 2}, 4}}, {}, {}), "knob A: values must be non-empty and contain the default");
    CHECK_THROWS_WITH(Space({}, {{"f", {{"-x"}}}}, {}), "flag option f: the first choice must be none");
  }
}

TEST_SUITE("tune::strategy")
{
  TEST_CASE("exhaustive finds the known best and never evaluates an invalid point")
  {
    Space s = small_space();
    std::atomic<int> invalid_calls{0};
    Port port;
    port.jobs = 3;
    port.evaluate = [&](const Point& p) {
      Setting st = s.setting(p);
      int64_t a = st.defines.at("A");
      int64_t b = st.defines.at("B");
      if (a * b > 8) {
        ++invalid_calls;
        return Outcome{true, 1.0, "ok"}; // would win if the constraint were ignored
      }
      if (a == 1 && b == 1) {
        return Outcome{false, 0, "wrong_output"}; // fastest-looking but wrong: never wins
      }
      double unroll = st.flags.empty() ? 0 : -5;
      return Outcome{true, 100.0 + std::abs(static_cast<double>(a * b - 4)) * 10 + static_cast<double>(b) + unroll, "ok"};
    };
    Request req;
    req.strategy = "exhaustive";
    Result r = run_strategy(s, req, port);
    CHECK(invalid_calls == 0);
    CHECK(r.trials.size() == 18);
    CHECK(r.stop_reason == "space exhausted");
    CHECK(r.trials.front().point == s.default_point());
    REQUIRE(r.best);
    CHECK(s.describe(r.trials[*r.best].point) == "A=4 -funroll-loops");
    CHECK(r.trials[*r.best].outcome.cycles == doctest::Approx(96));
  }

  TEST_CASE("auto: exhaustive on a small space, evolutionary on a large one or a small budget")
  {
    Port port;
    port.evaluate = [](const Point&) { return Outcome{true, 1, "ok"}; };
    Request req;
    CHECK(run_strategy(small_space(), req, port).strategy == "exhaustive");
    req.budget = 5;
    CHECK(run_strategy(small_space(), req, port).strategy == "evolutionary");
    req.budget = 0;
    Space big = large_space();
    Result r = run_strategy(big, req, port);
    CHECK(r.strategy == "evolutionary");
    CHECK(r.trials.size() == 48); // the evolutionary default budget
  }

  TEST_CASE("the budget is respected by every strategy, with any number of jobs")
  {
    Space s = large_space();
    for (const std::string name : {"exhaustive", "random", "evolutionary", "auto"}) {
      for (int jobs : {1, 4}) {
        CAPTURE(name);
        CAPTURE(jobs);
        std::atomic<int> calls{0};
        Port port;
        port.jobs = jobs;
        port.evaluate = [&](const Point& p) {
          ++calls;
          return large_objective(s, p);
        };
        Request req;
        req.strategy = name;
        req.budget = 13;
        Result r = run_strategy(s, req, port);
        CHECK(calls == 13);
        CHECK(r.trials.size() == 13);
        CHECK(r.stop_reason == "budget");
        std::set<Point> distinct;
        for (const auto& t : r.trials) {
          CHECK(s.valid(t.point));
          distinct.insert(t.point);
        }
        CHECK(distinct.size() == 13); // no point evaluated twice
      }
    }
  }

  TEST_CASE("the same seed gives the same trials whatever the jobs; another seed differs")
  {
    Space s = large_space();
    auto run = [&s](const std::string& strategy, uint64_t seed, int jobs) {
      Port port;
      port.jobs = jobs;
      port.evaluate = [&s](const Point& p) { return large_objective(s, p); };
      Request req;
      req.strategy = strategy;
      req.seed = seed;
      req.budget = 40;
      std::vector<Point> points;
      for (const auto& t : run_strategy(s, req, port).trials) {
        points.push_back(t.point);
      }
      return points;
    };
    for (const std::string name : {"random", "evolutionary"}) {
      CAPTURE(name);
      CHECK(run(name, 7, 1) == run(name, 7, 1));
      CHECK(run(name, 7, 1) == run(name, 7, 3));
      CHECK(run(name, 7, 1) != run(name, 8, 1));
    }
  }

  TEST_CASE("evolutionary search improves on random search on a smooth objective (fixed seeds)")
  {
    Space s = large_space();
    auto best = [&s](const std::string& strategy, uint64_t seed) {
      Port port;
      port.evaluate = [&s](const Point& p) { return large_objective(s, p); };
      Request req;
      req.strategy = strategy;
      req.seed = seed;
      req.budget = 150;
      Result r = run_strategy(s, req, port);
      return r.trials[*r.best].outcome.cycles;
    };
    double evo = 0;
    double rnd = 0;
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      evo += best("evolutionary", seed);
      rnd += best("random", seed);
    }
    CHECK(evo < rnd);
    CHECK(evo / 3 < 1000); // the optimum is 950; ker0's point is 1550
  }

  TEST_CASE("a generation limit stops the evolutionary search")
  {
    Space s = large_space();
    Port port;
    port.evaluate = [&s](const Point& p) { return large_objective(s, p); };
    Request req;
    req.strategy = "evolutionary";
    req.options = parse_options("evolutionary", "population=4, generations=2");
    Result r = run_strategy(s, req, port);
    CHECK(r.stop_reason == "generations");
    CHECK(r.trials.size() == 4 + 2 * 2); // elite 2 carried over, 2 children per generation
  }

  TEST_CASE("when nothing passes there is no best")
  {
    Port port;
    port.evaluate = [](const Point&) { return Outcome{false, 0, "compile_failed"}; };
    Request req;
    req.strategy = "random";
    Result r = run_strategy(small_space(), req, port);
    CHECK(r.trials.size() == 18);
    CHECK_FALSE(r.best);
  }

  TEST_CASE("options: the table has defaults; unknown names and bad values are errors")
  {
    bool has_auto = strategy_table().front().name == "auto";
    CHECK(has_auto);
    CHECK(parse_options("auto", "population=6,exhaustive_limit=10").at("population") == 6);
    CHECK_THROWS_WITH(parse_options("random", "population=3"),
                      "tune options: 'population' is not an option of strategy random (see eok tune --strategies)");
    CHECK_THROWS_WITH(parse_options("evolutionary", "mutation=x"), "tune options: mutation needs a non-negative number, got 'x'");
    Port port;
    port.evaluate = [](const Point&) { return Outcome{true, 1, "ok"}; };
    Request req;
    req.strategy = "annealing";
    CHECK_THROWS_WITH(run_strategy(small_space(), req, port),
                      "unknown tune strategy 'annealing' (known: auto, exhaustive, random, evolutionary)");
  }
}
