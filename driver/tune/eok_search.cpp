#include "tune/eok_search.hpp"

#include "cache/journal.hpp"
#include "eval/evaluator.hpp"
#include "llm/generator.hpp"
#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "perf/runner.hpp"
#include "rag/knowledge.hpp"
#include "search/engine.hpp"
#include "tune/search_feedback.hpp"
#include "tune/search_progress.hpp"
#include "util/sha256.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>

namespace eok::tune {

namespace {

// search::Evaluator over the task's evaluate function. LLMs often answer two prompts with
// the same code; the verdict is a function of the source (inputs are seeded from it), so
// an identical source reuses the earlier one, including those recorded by an interrupted
// run of the same key.
class EvaluatorAdapter : public search::Evaluator
{
public:
  EvaluatorAdapter(const EngineTask& t, const std::vector<cache::Candidate>& recorded)
    : m_task(t)
  {
    for (const auto& c : recorded) {
      if (c.generated && c.op != "knobs/flags" && !c.verdict.empty()) {
        std::promise<search::Evaluation> done;
        search::Evaluation e = cache::to_record(c).evaluation;
        add_search_feedback(e);
        done.set_value(e);
        m_seen.emplace(util::sha256_hex(c.source), done.get_future().share());
      }
    }
  }
  search::Evaluation evaluate(const std::string& code, const std::string& slot) override
  {
    const std::string key = util::sha256_hex(code);
    std::promise<search::Evaluation> mine;
    std::shared_future<search::Evaluation> theirs;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      ++m_calls;
      auto [it, fresh] = m_seen.emplace(key, mine.get_future().share());
      if (!fresh) {
        ++m_identical;
        theirs = it->second;
      }
    }
    if (theirs.valid()) {
      return theirs.get(); // parallel searches often ask for the same code at once: wait for that run
    }
    try {
      search::Evaluation e = m_task.evaluate(code, slot);
      e.speedup = e.ok ? perf::speedup(m_task.ker0.cycles, e.cycles) : 0;
      add_search_feedback(e);
      mine.set_value(e);
      return e;
    } catch (...) {
      mine.set_exception(std::current_exception()); // infrastructure fault: every waiter sees it
      throw;
    }
  }
  int identical()
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_identical;
  }
  size_t calls()
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_calls;
  }

private:
  const EngineTask& m_task;
  std::mutex m_mutex;
  std::map<std::string, std::shared_future<search::Evaluation>> m_seen; // source hash -> verdict
  int m_identical = 0;
  size_t m_calls = 0; // evaluate() calls in this process (identical sources included)
};

// The run's journal, with each resumed record's prompt texts (profile, failure account)
// rebuilt from its verdict JSON exactly as a fresh evaluation's are.
class FeedbackJournal : public search::Journal
{
public:
  explicit FeedbackJournal(search::Journal& inner)
    : m_inner(inner)
  {
  }
  std::optional<search::Record> find(const std::string& slot) override
  {
    std::optional<search::Record> r = m_inner.find(slot);
    if (r) {
      add_search_feedback(r->evaluation);
    }
    return r;
  }
  void record(const search::Record& r) override { m_inner.record(r); }

private:
  search::Journal& m_inner;
};

} // namespace

search::TaskView search_task(const kernel::Spec& spec, const target::Target& target)
{
  search::TaskView task;
  task.name = spec.suite + "/" + spec.name;
  task.description = spec.description;
  task.signature = spec.signature;
  task.entry = spec.entry;
  task.vlen = target.vlen;
  task.march = target.march;
  return task;
}

LlmSearchResult run_eok_search(const EokContext& ctx, std::string& note)
{
  EngineTask t;
  t.task = search_task(ctx.spec, ctx.target);
  t.entry = ctx.spec.entry;
  const Figures ker0 = ctx.ports.baseline();
  t.ker0.slot = "ker0";
  t.ker0.description = "ker0: the project's implementation";
  t.ker0.code = ctx.spec.source_text;
  t.ker0.speedup = 1.0;
  t.ker0.cycles = ker0.cycles;
  t.ker0.profile = ctx.ports.evaluator().baseline().profile;
  EvaluatorCachePorts& ports = ctx.ports;
  t.evaluate = [&ports](const std::string& code, const std::string& /*slot*/) { return ports.evaluate_as_written(code); };
  t.run_id = ctx.ports.run_id();
  t.core = ctx.target.core;
  return run_engine(ctx.settings, ctx.cache, t, note);
}

LlmSearchResult run_engine(const config::Settings& settings, cache::Cache& cache, const EngineTask& t, std::string& note)
{
  const config::Config& cfg = settings.get();
  std::unique_ptr<llm::Provider> provider = llm::make_provider(settings);
  llm::Meter meter = llm::Meter::from_config(cfg);
  llm::LlmGenerator generator(*provider, &meter, t.entry);
  const std::vector<cache::Candidate> recorded = cache.candidates(t.run_id);
  EvaluatorAdapter evaluator(t, recorded);
  // budget.evals counts every step that brought code to evaluate in this run, an
  // interrupted earlier process of it included, so resuming does not reset the budget.
  const size_t evaluated_before = static_cast<size_t>(
      std::count_if(recorded.begin(), recorded.end(), [](const cache::Candidate& c) { return c.generated && c.op != "knobs/flags"; }));
  cache::RunJournal run_journal(cache, t.run_id);
  FeedbackJournal journal(run_journal);
  // Idea pool, priors and RAG retrieval; the index lives in the cache file.
  rag::Knowledge knowledge = rag::load_knowledge({cfg.ideas_dir, cfg.rag_dir, cfg.cache_path});
  if (!knowledge.rag_off_reason.empty()) {
    util::Terminal::instance().warn(knowledge.rag_off_reason);
  }

  const search::TaskView& task = t.task;
  const search::Member& base = t.ker0;

  search::EngineParams params;
  params.parallel = static_cast<int>(cfg.search_parallel);
  params.iterations = static_cast<int>(cfg.search_iterations);
  params.population = static_cast<int>(cfg.search_population);
  params.generations = static_cast<int>(cfg.search_generations);
  params.keep = static_cast<int>(cfg.search_keep);
  params.thoughts = static_cast<int>(cfg.search_thoughts);
  params.seed = cfg.seed;
  params.kernel_temperature = cfg.search_kernel_temperature;
  params.thought_temperature = cfg.search_thought_temperature;
  params.rag_k = cfg.search_rag ? static_cast<size_t>(cfg.search_rag_k) : 0;
  params.use_ideas = cfg.search_ideas;
  params.repair = cfg.search_repair;
  params.unavailable_limit = static_cast<int>(cfg.llm_failure_limit);

  search::EnginePorts ports;
  ports.generator = &generator;
  ports.evaluator = &evaluator;
  ports.journal = &journal;
  ports.retrieve = knowledge.retrieve;
  const auto eval_budget = static_cast<size_t>(std::max<int64_t>(0, cfg.budget_evals));
  ports.budget_exhausted = [&meter, &evaluator, eval_budget, evaluated_before]() -> std::optional<std::string> {
    if (auto why = meter.exhausted()) {
      return why;
    }
    if (eval_budget > 0 && evaluated_before + evaluator.calls() >= eval_budget) {
      return "budget.evals reached: " + std::to_string(evaluated_before + evaluator.calls()) + " evaluations";
    }
    return std::nullopt;
  };
  SearchBoard board(task.name, params, util::Terminal::instance());
  ports.progress = [&board, &meter](const search::Progress& p) {
    const llm::Totals so_far = meter.totals();
    board.update(p, {so_far.requests, so_far.tokens()});
  };

  // Priors overridden by what earlier runs learned on this core (a resumed run: the
  // values it started with); the run's own learning is added back afterwards.
  const std::string run_uid = cache.find_run(t.run_id)->uid;
  const std::map<std::string, double> start =
      cfg.search_learn ? cache.start_learning(run_uid, t.core, knowledge.effectiveness) : knowledge.effectiveness;
  search::EngineResult result = search::run_search(task, base, knowledge.ideas, start, params, ports);
  if (cfg.search_learn) {
    cache.finish_learning(run_uid, t.core, result.effectiveness, result.updates);
  }
  llm::Totals totals = meter.totals();
  note = "EoK: " + std::to_string(result.evaluated) + " evaluated (" + std::to_string(evaluator.identical()) +
         " identical to an earlier candidate, verdict reused), " + std::to_string(result.repaired) + " repaired, " +
         std::to_string(result.resumed) + " resumed, " + std::to_string(totals.requests) + " LLM requests, " +
         std::to_string(totals.tokens()) + " tokens" + (result.stop_reason.empty() ? "" : ", stopped: " + result.stop_reason);

  LlmSearchResult out;
  out.evaluations = evaluated_before + evaluator.calls();
  out.unavailable = result.unavailable;
  if (result.unavailable.empty() && result.stop_reason.rfind("time budget", 0) == 0) {
    out.incomplete = result.stop_reason; // budget.seconds: per kernel, so a later run may go on
  }
  for (const auto& m : result.database) {
    if (m.slot == "ker0") {
      continue;
    }
    Scored s;
    s.variant = {m.slot, m.code, {}, m.idea, m.thought, m.llm_model};
    s.figures = {true, "ok", "", m.cycles, m.sol_fraction, m.model_version};
    out.passed.push_back(std::move(s));
  }
  return out;
}

} // namespace eok::tune
