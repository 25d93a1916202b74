// The evaluator (issue 3): one trustworthy verdict per candidate. ker0 and the
// generated harness are built once per Evaluator; each evaluate() call works in
// its own scratch directory, so calls may run concurrently.
#pragma once

#include "config/config.hpp"
#include "eval/verdict.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "target/target.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eok::eval {

struct Candidate
{
  std::string source;
  std::map<std::string, int64_t> defines; // knob values (others take their defaults)
  std::vector<std::string> flags;         // extra compiler flags
};

struct Options
{
  std::string work_dir = ".eok/work";
  std::chrono::milliseconds timeout{60000}; // per program run
  uint64_t memory_limit_bytes = uint64_t{4096} << 20;
  size_t output_cap = 64 * 1024; // per stream of a program run
  bool keep_scratch = false;
  bool sandbox = true;                     // candidate runs may write only their scratch directory (util/sandbox.hpp)
  uint64_t seed = 1;                       // base seed: each evaluation derives its own from it
  std::optional<uint64_t> evaluation_seed; // set: every evaluation uses exactly this seed
};

// The [eval] settings of eok.toml (and search.seed) as evaluator options.
Options options_from(const config::Config& c);

class Evaluator
{
public:
  Evaluator(kernel::Spec spec, target::Target target, std::unique_ptr<perf::Runner> runner, Options options);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // ker0 with default knobs, measured once. Throws Fatal without a runner.
  const perf::Measurement& baseline();
  // Never throws for candidate faults; Fatal only for infrastructure faults (ker0 does not
  // build or run, the compiler is missing, the scratch directory cannot be written).
  Verdict evaluate(const Candidate& candidate);

  [[nodiscard]] const kernel::Spec& spec() const { return m_spec; }
  [[nodiscard]] bool measuring() const { return m_runner != nullptr; }
  // The seed evaluate() will use for this candidate.
  [[nodiscard]] uint64_t seed_for(const Candidate& candidate) const;
  // The perf shape's seed under the model: one per evaluator (ker0's baseline run gives its
  // outputs once, and every candidate's measured call is checked against them).
  [[nodiscard]] uint64_t perf_seed() const { return m_options.evaluation_seed.value_or(m_options.seed); }

private:
  struct Prepared // built once: the harness object and the ker0 program
  {
    std::string harness_object;
    std::string ker0_program;
  };
  const Prepared& prepare();
  [[nodiscard]] std::vector<std::string> compile_command(const std::vector<std::string>& extra) const;
  [[nodiscard]] std::vector<std::string> link_command(const std::vector<std::string>& objects, const std::string& out) const;
  [[nodiscard]] std::vector<std::string> run_command(const std::string& program, const std::vector<std::string>& args) const;
  [[nodiscard]] perf::SolInputs sol_inputs() const;
  std::optional<Verdict> build_candidate(const Candidate& c, const std::string& dir, std::string& program, Verdict& v);
  std::optional<Verdict> run_candidate(const std::string& program, const std::string& dir, uint64_t seed, Verdict& v);
  [[nodiscard]] bool checks_measured_output() const; // the model runner: the measured call writes its outputs
  Verdict measure_candidate(const std::string& program, const std::string& dir, const std::string& expected, const std::string& got_tests,
                            Verdict& v);
  std::optional<Verdict> compare(const std::string& expected, const std::string& got, Verdict& v) const;

  kernel::Spec m_spec;
  target::Target m_target;
  std::unique_ptr<perf::Runner> m_runner;
  Options m_options;
  std::vector<std::string> m_check_wrapper; // exe_wrapper of correctness runs (eval/check_emulator.hpp)
  std::string m_root;                       // work_dir/<suite>-<name>-<pid>-<n>: harness, ker0, scratch dirs

  std::mutex m_prepare_mutex;
  std::unique_ptr<Prepared> m_prepared;
  std::mutex m_baseline_mutex;
  std::optional<perf::Measurement> m_baseline;
  std::string m_ker0_perf_output; // ker0's outputs on the perf shape at perf_seed(), from its baseline run
  std::mutex m_counter_mutex;
  uint64_t m_counter = 0;
};

} // namespace eok::eval
