#include "tune/search_feedback.hpp"

#include "eval/verdict.hpp"

#include <doctest/doctest.h>

using namespace eok;
using namespace eok::tune;

namespace {

search::Evaluation from(const eval::Verdict& v)
{
  search::Evaluation e;
  e.ok = v.ok();
  e.verdict = eval::verdict_name(v.kind);
  e.verdict_json = eval::verdict_json(v);
  return e;
}

} // namespace

TEST_SUITE("tune::search_feedback")
{
  TEST_CASE("a wrong output is told by shape, element, expected and got")
  {
    eval::Verdict v;
    v.kind = eval::VerdictKind::wrong_output;
    v.reason = "3 element(s) outside tolerance";
    v.mismatches = {{"n=7", "y", 6, "0", "nan"}, {"n=33", "y", 32, "1.5", "0"}, {"n=65", "y", 64, "2", "0"}};
    v.mismatch_count = 3;
    search::Evaluation e = from(v);
    add_search_feedback(e);
    CHECK(e.feedback == "wrong_output: 3 element(s) outside tolerance\n  wrong at n=7: y[6] expected 0, got nan\n"
                        "  wrong at n=33: y[32] expected 1.5, got 0\n  (3 element(s) wrong in all)");
    CHECK(e.profile.empty());
  }

  TEST_CASE("a compile error keeps the compiler's first error lines only; long output stays within budget")
  {
    eval::Verdict v;
    v.kind = eval::VerdictKind::compile_failed;
    v.reason = "clang exited with 1";
    v.compiler_output =
        "cand.c:3:1: warning: unused\n/w/.eok/work/nn-relu-7259-0/eval.xGNR5g/cand.c:9:5: error: use of undeclared identifier 'vl'\n" +
        std::string(50, 'x') + "\ncand.c:12:1: error: " + std::string(500, 'y') +
        "\ncand.c:14:1: error: third\ncand.c:15:1: error: fourth\n";
    search::Evaluation e = from(v);
    add_search_feedback(e);
    CHECK(e.feedback.rfind("compile_failed: clang exited with 1\n  cand.c:9:5: error: use of undeclared identifier 'vl'", 0) == 0);
    CHECK(e.feedback.find("warning") == std::string::npos);
    CHECK(e.feedback.find("fourth") == std::string::npos);
    CHECK(e.feedback.size() <= k_feedback_max_chars);
  }

  TEST_CASE("an ok verdict gives the measurement's profile and no feedback; the same JSON the same text")
  {
    eval::Verdict v;
    v.kind = eval::VerdictKind::ok;
    perf::Measurement m;
    m.runner = "model";
    m.cycles = 1234;
    m.profile = "1234 cycles (table model); instruction cost: vector ALU 10%\nCostliest: vle32.v e32m8 50%.\n";
    v.measurement = m;
    search::Evaluation e = from(v);
    add_search_feedback(e);
    CHECK(e.profile == m.profile);
    CHECK(e.feedback.empty());
    search::Evaluation again = from(v);
    add_search_feedback(again);
    CHECK(again.profile == e.profile);
  }

  TEST_CASE("a crash tells the program's first output line; no verdict JSON, no text")
  {
    eval::Verdict v;
    v.kind = eval::VerdictKind::crashed;
    v.reason = "killed by signal 11";
    v.program_output = "eok-harness: shape n=1\nmore\n";
    search::Evaluation e = from(v);
    add_search_feedback(e);
    CHECK(e.feedback == "crashed: killed by signal 11\n  eok-harness: shape n=1");
    search::Evaluation none;
    none.verdict = "no_code";
    add_search_feedback(none);
    CHECK(none.feedback.empty());
  }
}
