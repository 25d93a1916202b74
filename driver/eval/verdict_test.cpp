#include "eval/verdict.hpp"

#include <doctest/doctest.h>

using namespace eok;

TEST_SUITE("eval::verdict")
{
  TEST_CASE("verdict_json golden: schema version, mismatches, no measurement when not measured")
  {
    eval::Verdict v;
    v.kind = eval::VerdictKind::wrong_output;
    v.reason = "1 element(s) outside tolerance";
    v.seed = 42;
    v.mismatch_count = 1;
    v.mismatches.push_back({"n=7", "y", 6, "0", "nan"});
    v.compiler_output = "warning: \"x\"\n";
    v.timing = {0.5, 0.25, 0};
    CHECK(eval::verdict_json(v) == R"({
  "schema_version": 1,
  "verdict": "wrong_output",
  "reason": "1 element(s) outside tolerance",
  "seed": 42,
  "mismatch_count": 1,
  "mismatches": [
    {"shape": "n=7", "arg": "y", "index": 6, "expected": "0", "got": "nan"}
  ],
  "compiler_output": "warning: \"x\"\n",
  "program_output": "",
  "timing": {"compile_s": 0.5, "check_s": 0.25, "perf_s": 0}
}
)");
  }

  TEST_CASE("measured ok verdicts carry the measurement and the speedup")
  {
    eval::Verdict v;
    v.measurement = perf::Measurement{"model", "x60-1", 1000, 0, 250, 0.25, "memory", "", ""};
    v.speedup = 1.5;
    std::string j = eval::verdict_json(v);
    CHECK(j.find("\"verdict\": \"ok\"") != std::string::npos);
    CHECK(
        j.find(
            "\"measurement\": {\"runner\": \"model\", \"model_version\": \"x60-1\", \"cycles\": 1000, \"spread\": 0, \"sol_cycles\": 250, "
            "\"sol_fraction\": 0.25, \"bound\": \"memory\", \"board\": \"\"}") != std::string::npos);
    CHECK(j.find("\"speedup\": 1.5") != std::string::npos);
  }

  TEST_CASE("names; a program's control characters and invalid UTF-8 leave the JSON valid")
  {
    CHECK(std::string(eval::verdict_name(eval::VerdictKind::out_of_bounds)) == "out_of_bounds");
    eval::Verdict v;
    v.program_output = std::string("a\x01\tb\x1b[0m\xff", 9);
    CHECK(eval::verdict_json(v).find("\"program_output\": \"a\\u0001\\tb\\u001b[0m\\ufffd\",") != std::string::npos);
  }
}
