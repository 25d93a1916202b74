// KernelPorts over the real pieces: eval::Evaluator (compile, check against ker0,
// measure) and cache::Cache (winner for the key, every candidate recorded as it
// finishes in a run, so an interrupted run resumes without repeating work).
#pragma once

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "config/config.hpp"
#include "kernel/spec.hpp"
#include "search/engine.hpp"
#include "target/target.hpp"
#include "tune/tune_run.hpp"

#include <memory>
#include <mutex>

namespace eok::eval {
class Evaluator;
struct Candidate;
struct Verdict;
} // namespace eok::eval
namespace eok::cluster {
class SlurmExecutor;
}

namespace eok::tune {

class EvaluatorCachePorts : public KernelPorts
{
public:
  EvaluatorCachePorts(const kernel::Spec& spec, const target::Target& target, const config::Config& cfg, cache::Cache& cache,
                      cache::Key key);
  ~EvaluatorCachePorts() override;

  std::optional<StoredWinner> cached_winner() override;
  Figures baseline() override;
  Figures evaluate(const Variant& v, bool& reused) override;
  // An LLM candidate through the configured executor as written (no defines: knobs it
  // still reads keep their own defaults, as in the build), for the EoK search.
  search::Evaluation evaluate_as_written(const std::string& code);
  void store(const Scored& winner, const Figures& ker0) override;

  // The run this kernel's candidates go to (resumed when an earlier one did not finish).
  int64_t run_id();
  eval::Evaluator& evaluator();
  // One candidate through the configured executor: this machine's evaluator
  // (eval.executor = local) or a Slurm job (slurm). ker0's baseline stays local.
  eval::Verdict run_evaluation(const eval::Candidate& c);
  void finish(bool complete);

private:
  const kernel::Spec& m_spec;
  const target::Target& m_target;
  const config::Config& m_cfg;
  cache::Cache& m_cache;
  cache::Key m_key;
  std::mutex m_mutex;
  std::unique_ptr<eval::Evaluator> m_evaluator;
  std::unique_ptr<cluster::SlurmExecutor> m_slurm;
  std::optional<int64_t> m_run;
  double m_ker0_cycles = 0;
};

// One evaluator verdict as the search, the journal and the knob/flag search keep it: ok
// only with a measurement, the measurement's figures whenever there is one (an implausible
// candidate keeps them), speedup over `ker0_cycles` when ok, and the full verdict JSON.
search::Evaluation evaluation_of(const eval::Verdict& v, double ker0_cycles);
// The knob/flag search's view of a recorded evaluation.
Figures figures_of(const search::Evaluation& e);

// Stable slot of a knob/flag variant in a run: "kf/<origin>/<defines and flags>".
std::string variant_slot(const Variant& v);

} // namespace eok::tune
