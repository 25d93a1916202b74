#include "tune/evaluator_cache_ports.hpp"

#include "cache/journal.hpp"
#include "cluster/slurm.hpp"
#include "eval/evaluator.hpp"
#include "perf/runner.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <chrono>
#include <thread>

namespace eok::tune {

std::string variant_slot(const Variant& v)
{
  Setting full = v.setting;
  std::string text;
  for (const auto& [name, value] : full.defines) {
    text += name + "=" + std::to_string(value) + " ";
  }
  return "kf/" + v.origin + "/" + text + util::join(full.flags, " ");
}

search::Evaluation evaluation_of(const eval::Verdict& v, double ker0_cycles)
{
  search::Evaluation e;
  e.ok = v.ok() && v.measurement.has_value();
  e.verdict = eval::verdict_name(v.kind);
  e.reason = v.reason;
  if (v.measurement) {
    e.cycles = v.measurement->cycles;
    e.sol_fraction = v.measurement->sol_fraction;
    e.runner = v.measurement->runner;
    e.model_version = v.measurement->model_version;
  }
  e.speedup = e.ok ? perf::speedup(ker0_cycles, e.cycles) : 0;
  e.verdict_json = eval::verdict_json(v);
  return e;
}

Figures figures_of(const search::Evaluation& e)
{
  return {e.ok, e.verdict, e.reason, e.cycles, e.sol_fraction, e.model_version};
}

namespace {

// How long a claim holds against an owner on another host sharing the cache file
// (owners on this host are checked directly): longer than any one evaluation.
constexpr int k_claim_lease_seconds = 1800;

} // namespace

EvaluatorCachePorts::EvaluatorCachePorts(const kernel::Spec& spec, const target::Target& target, const config::Config& cfg,
                                         cache::Cache& cache, cache::Key key)
  : m_spec(spec)
  , m_target(target)
  , m_cfg(cfg)
  , m_cache(cache)
  , m_key(std::move(key))
{
}

EvaluatorCachePorts::~EvaluatorCachePorts() = default;

std::optional<StoredWinner> EvaluatorCachePorts::cached_winner()
{
  // A run that stopped on its time budget stored its best so far and stays unfinished: tuning
  // goes on with it (CI and builds use the stored winner meanwhile).
  if (!m_cfg.ci && m_cache.find_unfinished_run(m_key.hex)) {
    return std::nullopt;
  }
  auto w = m_cache.find_winner(m_key.hex);
  if (!w) {
    return std::nullopt;
  }
  StoredWinner s;
  if (w->candidate_slot.empty()) {
    s.what = "ker0 (nothing faster passed)";
  } else {
    // What differs from ker0, as the tuning run reported it.
    Setting shown;
    for (const auto& k : m_spec.knobs) {
      auto it = w->defines.find(k.name);
      if (it != w->defines.end() && it->second != k.default_value) {
        shown.defines[k.name] = it->second;
      }
    }
    shown.flags = w->flags;
    std::string knobs = describe_setting(shown);
    bool from_ker0 = w->parent == "ker0" || w->parent.empty();
    s.what = from_ker0 ? knobs : "LLM " + w->parent + (knobs == "defaults" ? "" : " + " + knobs);
  }
  s.cycles = w->cycles;
  s.ker0_cycles = w->speedup > 0 ? w->cycles * w->speedup : w->cycles;
  s.sol_fraction = w->sol_fraction;
  return s;
}

eval::Evaluator& EvaluatorCachePorts::evaluator()
{
  std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_evaluator) {
    m_evaluator = std::make_unique<eval::Evaluator>(m_spec, m_target, perf::make_runner(m_cfg.runner, m_target), eval::options_from(m_cfg));
  }
  return *m_evaluator;
}

int64_t EvaluatorCachePorts::run_id()
{
  std::lock_guard<std::mutex> lock(m_mutex);
  if (!m_run) {
    auto unfinished = m_cache.find_unfinished_run(m_key.hex);
    m_run = unfinished ? unfinished->id : m_cache.begin_run(m_spec.suite + "/" + m_spec.name, m_key.hex, "eok tune");
    if (unfinished && m_cfg.eval_executor == "slurm") {
      // A killed run may have left jobs behind: their verdicts were never recorded, so they are asked again.
      cluster::SlurmExecutor::cancel_jobs(m_cfg, "eok-" + unfinished->uid);
    }
  }
  return *m_run;
}

eval::Verdict EvaluatorCachePorts::run_evaluation(const eval::Candidate& c)
{
  if (m_cfg.eval_executor != "slurm") {
    return evaluator().evaluate(c);
  }
  const int64_t run = run_id();
  cluster::SlurmExecutor* slurm = nullptr;
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_slurm) {
      cluster::SlurmJobs jobs;
      jobs.eok_binary = util::fs::read_symlink("/proc/self/exe").string();
      jobs.kernel_dir = util::fs::absolute(m_spec.dir).string();
      for (const auto& f : m_target.files) {
        jobs.cross_files.push_back(util::fs::absolute(f).string());
      }
      jobs.job_name = "eok-" + m_cache.find_run(run)->uid;
      m_slurm = std::make_unique<cluster::SlurmExecutor>(m_cfg, jobs);
    }
    slurm = m_slurm.get();
  }
  return slurm->evaluate(c);
}

void EvaluatorCachePorts::finish(bool complete)
{
  if (m_run) {
    m_cache.end_run(*m_run, complete ? cache::RunState::complete : cache::RunState::aborted);
  }
}

Figures EvaluatorCachePorts::baseline()
{
  const perf::Measurement& m = evaluator().baseline();
  m_ker0_cycles = m.cycles;
  return {true, "ok", "", m.cycles, m.sol_fraction, m.model_version};
}

Figures EvaluatorCachePorts::evaluate(const Variant& v, bool& reused)
{
  const int64_t run = run_id();
  const std::string slot = variant_slot(v);
  if (auto c = m_cache.find_candidate(run, slot)) {
    reused = true;
    return figures_of(cache::to_record(*c).evaluation);
  }
  // Another process tuning the same key may have evaluated this point, or be
  // evaluating it now: reuse its verdict, or wait for it, rather than repeat it.
  cache::Winner content;
  content.source = v.source;
  content.defines = v.setting.defines;
  content.flags = v.setting.flags;
  const std::string point = content.content_digest();
  for (;;) {
    cache::Cache::Claim claim = m_cache.claim_point(m_key.hex, point, k_claim_lease_seconds);
    if (claim.state == cache::Cache::ClaimState::mine) {
      break;
    }
    if (claim.state == cache::Cache::ClaimState::done) {
      cache::Candidate rec = std::move(*claim.verdict);
      rec.slot = slot; // this run's journal gets the step under its own slot
      rec.parents = {v.origin};
      rec.created_at.clear();
      m_cache.record_candidate(run, rec);
      reused = true;
      return figures_of(cache::to_record(rec).evaluation);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  eval::Candidate cand{v.source, v.setting.defines, v.setting.flags};
  eval::Verdict verdict;
  try {
    verdict = run_evaluation(cand);
  } catch (...) {
    m_cache.release_point(m_key.hex, point); // let a waiting process take it at once
    throw;
  }
  // The point's step in the run's journal, in the search's own record.
  search::Record step;
  step.slot = slot;
  step.op = "knobs/flags";
  step.parents = {v.origin};
  step.generation.ok = true;
  step.generation.description = describe_setting(v.setting);
  step.generation.code = v.source;
  step.evaluation = evaluation_of(verdict, m_ker0_cycles);
  cache::Candidate rec = cache::to_candidate(step);
  rec.defines = v.setting.defines;
  rec.flags = v.setting.flags;
  m_cache.record_candidate(run, rec);
  m_cache.complete_point(m_key.hex, point, run, slot);
  return figures_of(step.evaluation);
}

search::Evaluation EvaluatorCachePorts::evaluate_as_written(const std::string& code)
{
  return evaluation_of(run_evaluation(eval::Candidate{code, {}, {}}), m_ker0_cycles);
}

void EvaluatorCachePorts::store(const Scored& winner, const Figures& ker0)
{
  cache::Winner w;
  w.key = m_key.hex;
  w.kernel = m_spec.suite + "/" + m_spec.name;
  w.key_explain = m_key.explain();
  w.source = winner.variant.source;
  w.defines = winner.variant.setting.defines;
  w.flags = winner.variant.setting.flags;
  w.cycles = winner.figures.cycles;
  w.sol_fraction = winner.figures.sol_fraction;
  w.speedup = winner.figures.cycles > 0 ? perf::speedup(ker0.cycles, winner.figures.cycles) : 1; // unmeasured: ker0 as it is
  w.runner = m_cfg.runner;
  w.verified = true;
  w.note = "tuned here";
  w.run_uid = m_run ? m_cache.find_run(*m_run)->uid : "";
  const bool as_written = winner.variant.setting.defines.empty() && winner.variant.setting.flags.empty();
  const bool from_ker0 = winner.variant.origin == "ker0";
  // The winner's own record: an LLM candidate as written is the search step itself.
  w.candidate_slot = from_ker0 && as_written ? "" : as_written ? winner.variant.origin : variant_slot(winner.variant);
  w.parent = winner.variant.origin;
  // Which model measured it, and an LLM-born winner's idea, thought and model: carried
  // with its figures and variant from the evaluation and the search step.
  w.model_version = winner.figures.model_version;
  w.idea = winner.variant.idea;
  w.thought = winner.variant.thought;
  w.llm_model = winner.variant.llm_model;
  m_cache.put_winner(w);
}

} // namespace eok::tune
