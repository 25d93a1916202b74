#include "report/report.hpp"

#include "util/error.hpp"
#include "util/test_support.hpp"

using eok::cache::Cache;
using eok::cache::Candidate;
using eok::cache::RunState;
using eok::testing::ScratchDir;
namespace report = eok::report;

namespace {

Candidate cand(const std::string& slot, const std::string& op, const std::string& parent, const std::string& verdict, double cycles,
               double ker0, const std::string& source, int64_t tokens = 0)
{
  Candidate c;
  c.slot = slot;
  c.op = op;
  c.parents = {parent};
  c.verdict = verdict;
  c.ok = verdict == "ok";
  c.generated = verdict != "no_code";
  c.cycles = c.ok ? cycles : 0;
  c.speedup = c.ok ? ker0 / cycles : 0;
  c.sol_fraction = c.ok ? 250.0 / cycles : 0; // SOL bound 250 cycles
  c.source = source;
  c.tokens = tokens;
  c.idea = op == "knobs/flags" ? "" : "vector-width";
  c.thought = op == "knobs/flags" ? "" : "lmul-up";
  c.model_version = "m2";
  return c;
}

} // namespace

TEST_SUITE("report")
{
  TEST_CASE("summary in the paper's form: mean, max, quartiles by linear interpolation, improved count")
  {
    const report::Summary s = report::summarize({1.0, 2.0, 1.5, 1.0, 3.0});
    CHECK(s.tasks == 5);
    CHECK(s.improved == 3);
    CHECK(s.mean == doctest::Approx(1.7));
    CHECK(s.max == doctest::Approx(3.0));
    CHECK(s.p50 == doctest::Approx(1.5));
    CHECK(s.p25 == doctest::Approx(1.0));
    CHECK(s.p75 == doctest::Approx(2.0));
    const report::Summary even = report::summarize({1.0, 2.0, 4.0, 3.0});
    CHECK(even.p50 == doctest::Approx(2.5));
    CHECK(even.p25 == doctest::Approx(1.75));
    CHECK(report::summarize({}).tasks == 0);
  }

  TEST_CASE("unified diff: hunks with context, empty for equal texts")
  {
    CHECK(report::unified_diff("a\nb\n", "a\nb\n").empty());
    const std::string d = report::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
    CHECK(d == "--- parent\n+++ step\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    const std::string added = report::unified_diff("", "x\n");
    CHECK(added.find("+x\n") != std::string::npos);
  }

  TEST_CASE("a run's figures, convergence, verdicts and lineage come from its candidates")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    const int64_t run = c.begin_run("nn/k", std::string(64, 'a'), "eok tune");
    // ker0 = 1000 cycles. Order of evaluation: slow init, no code, wrong, faster M2, knob point on M2.
    c.record_candidate(run, cand("t0/p0/init0", "init", "ker0", "ok", 1250, 1000, "v1\nslow\n", 100));
    c.record_candidate(run, cand("t0/p0/g0/M1", "M1", "t0/p0/init0", "no_code", 0, 1000, "", 50));
    c.record_candidate(run, cand("t0/p0/g0/E1", "E1", "t0/p0/init0", "wrong_output", 0, 1000, "v1\nwrong\n", 70));
    c.record_candidate(run, cand("t0/p0/g0/M2", "M2", "t0/p0/init0", "ok", 800, 1000, "v1\nfast\n", 80));
    Candidate knob = cand("kf/t0/p0/g0/M2/EOK_LMUL=4 ", "knobs/flags", "t0/p0/g0/M2", "ok", 500, 1000, "v1\nfast\n");
    knob.defines = {{"EOK_LMUL", 4}};
    c.record_candidate(run, knob);
    c.end_run(run, RunState::complete);

    const report::Report r = report::build(c, {}, nullptr);
    REQUIRE(r.kernels.size() == 1);
    const report::KernelResult& k = r.kernels[0];
    CHECK(k.kernel == "nn/k");
    CHECK(k.suite == "nn");
    CHECK(k.has_figures);
    CHECK(k.ker0_cycles == doctest::Approx(1000));
    CHECK(k.best_cycles == doctest::Approx(500));
    CHECK(k.speedup == doctest::Approx(2.0));
    CHECK(k.sol_fraction == doctest::Approx(0.5));
    CHECK(k.ker0_sol_fraction == doctest::Approx(0.25));
    CHECK(k.what_won == "kf/t0/p0/g0/M2/EOK_LMUL=4 ");
    CHECK(k.evaluations == 4); // the no-code step is not an evaluation
    CHECK(k.tokens == 300);
    REQUIRE(k.curve.size() == 4);
    CHECK(k.curve[0].best == doctest::Approx(1.0)); // slower than ker0: ker0 stays the best
    CHECK(k.curve[2].best == doctest::Approx(1.25));
    CHECK(k.curve[3].best == doctest::Approx(2.0));
    CHECK(k.curve[3].tokens == 300);
    CHECK(k.verdicts.at("E1").at("wrong_output") == 1);
    CHECK(k.verdicts.at("M1").at("no_code") == 1);
    REQUIRE(k.lineage.size() == 4); // ker0, init0, M2, knob point
    CHECK(k.lineage[1].slot == "t0/p0/init0");
    CHECK(k.lineage[2].slot == "t0/p0/g0/M2");
    CHECK(k.lineage[2].diff.find("-slow\n+fast\n") != std::string::npos);
    CHECK(k.lineage[3].setting == "EOK_LMUL=4");
    CHECK(k.lineage[3].diff.find("+#define EOK_LMUL 4\n") != std::string::npos);
    CHECK_FALSE(k.lineage_note.empty()); // ker0's code is not in this run
    CHECK(r.overall.tasks == 1);
    CHECK(r.overall.improved == 1);
    REQUIRE(r.thoughts.size() == 1);
    CHECK(r.thoughts[0].sampled == 4);
    CHECK(r.thoughts[0].passed == 2);
    CHECK(r.thoughts[0].improved == 1);

    const std::string h = report::html(r, &r);
    CHECK(h.find("<svg id=\"speedup-chart\"") != std::string::npos);
    CHECK(h.find("class=\"convergence\"") != std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("http://") == h.find("http://www.w3.org/2000/svg")); // only the SVG namespace
    const std::string md = report::markdown(r, nullptr);
    CHECK(md.find("| nn/k | 1000 | 500 | 2.000x | 0.500 |") != std::string::npos);
    CHECK(md.find("| all tasks | 1 / 1 | 2.000x |") != std::string::npos);
  }

  TEST_CASE("the newest run per kernel is selected; an unknown run is an error; names are escaped")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    const int64_t old_run = c.begin_run("nn/<b>", std::string(64, 'a'), "eok tune");
    c.record_candidate(old_run, cand("kf/ker0/x", "knobs/flags", "ker0", "ok", 900, 1000, "k\n"));
    const int64_t new_run = c.begin_run("nn/<b>", std::string(64, 'a'), "eok tune");
    c.record_candidate(new_run, cand("kf/ker0/y", "knobs/flags", "ker0", "ok", 400, 1000, "k\n"));
    const report::Report r = report::build(c, {}, nullptr);
    REQUIRE(r.kernels.size() == 1);
    CHECK(r.kernels[0].run.id == new_run);
    CHECK(r.kernels[0].speedup == doctest::Approx(2.5));
    const report::Report one = report::build(c, {old_run}, nullptr);
    CHECK(one.kernels[0].speedup == doctest::Approx(1000.0 / 900.0));
    CHECK(one.kernels[0].lineage_note.empty()); // a knob point from ker0 kept ker0's source
    CHECK_THROWS_AS(report::build(c, {987}, nullptr), eok::Fatal);
    const std::string h = report::html(r, nullptr);
    CHECK(h.find("nn/<b>") == std::string::npos);
    CHECK(h.find("nn/&lt;b&gt;") != std::string::npos);
  }
}
