// The evaluator's answer about one candidate (DESIGN.md invariant 2): a typed
// verdict with its reason, the first mismatches and the compiler/program output,
// and for `ok` the performance figure. Candidate faults are verdicts, never errors.
#pragma once

#include "perf/runner.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eok::eval {

enum class VerdictKind {
  ok,
  rejected,         // static checks: source/flags/knobs, symbols outside the allow-list, ecall, size
  compile_failed,   // the compiler or linker refused it
  wrong_output,     // outside the spec's tolerance of ker0
  out_of_bounds,    // wrote into a guard zone around a buffer
  modified_input,   // changed an `in` buffer
  nondeterministic, // two runs on the same input differ
  crashed,          // killed by a signal or a non-zero exit
  timeout,          // exceeded the wall-time limit
  output_limit,     // printed more than the output cap
  roi_violation,    // the measured region was entered or left other than once, from the harness's own code
  emulator_fault,   // QEMU itself failed, twice (infrastructure: eval/emulator_fault.hpp), not the candidate
  executor_fault,   // the cluster lost the evaluation job every time it was submitted (infrastructure, never the candidate)
  implausible,      // correct, but measured below the speed-of-light bound: a cheat or a model bug, never a winner
};

// How far below the speed-of-light bound a measurement may fall before it is implausible:
// the model computes both from the same cost table, so only rounding separates a kernel at
// the bound from it (1%); a board measures against figures from published benchmarks,
// which real memory systems can beat by some margin (10%).
constexpr double k_sol_tolerance_model = 0.01;
constexpr double k_sol_tolerance_wall = 0.10;

const char* verdict_name(VerdictKind k);
// The kind named `name` (verdict_name's inverse), if there is one.
std::optional<VerdictKind> verdict_kind(const std::string& name);

struct Mismatch
{
  std::string shape; // "n=7"
  std::string arg;   // output argument
  int64_t index = 0; // element index
  std::string expected;
  std::string got;
};

// Where the evaluation's time went (seconds), for the throughput benchmark.
struct Timing
{
  double compile = 0; // compile + static checks + link
  double check = 0;   // correctness runs (ker0 and candidate)
  double perf = 0;    // performance measurement
};

struct Verdict
{
  VerdictKind kind = VerdictKind::ok;
  std::string reason;
  std::vector<Mismatch> mismatches; // the first few
  int64_t mismatch_count = 0;       // all of them
  std::string compiler_output;
  std::string program_output;
  uint64_t seed = 0; // input generator seed of this evaluation (reproduces it)
  std::optional<perf::Measurement> measurement;
  double speedup = 0; // over ker0 (ok with a measurement only; implausible keeps the measurement, speedup 0)
  Timing timing;

  [[nodiscard]] bool ok() const { return kind == VerdictKind::ok; }
};

constexpr int k_verdict_schema_version = 1;

// {"schema_version": 1, "verdict": "...", ...}; measurement/speedup only when measured.
std::string verdict_json(const Verdict& v);

} // namespace eok::eval
