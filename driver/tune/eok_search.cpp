#include "tune/eok_search.hpp"

// Until the LLM generator is on main (parallel landing), builds without it say so
// instead of failing to link; remove the guard once llm/generator.hpp has landed.
#if __has_include("llm/generator.hpp")
#include "cache/journal.hpp"
#include "eval/evaluator.hpp"
#include "llm/generator.hpp"
#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "rag/knowledge.hpp"
#include "search/engine.hpp"
#include "util/terminal.hpp"

#include <map>
#include <mutex>

namespace eok::tune {

namespace {

// search::Evaluator over the kernel's eval::Evaluator; keeps the SOL fraction the
// engine's record has no field for.
class EvaluatorAdapter : public search::Evaluator
{
public:
  EvaluatorAdapter(EvalPorts& ports, double ker0_cycles)
    : m_ports(ports)
    , m_ker0(ker0_cycles)
  {
  }
  search::Evaluation evaluate(const std::string& code, const std::string& slot) override
  {
    eval::Verdict v = m_ports.evaluator().evaluate(eval::Candidate{code, {}, {}});
    search::Evaluation e;
    e.ok = v.kind == eval::VerdictKind::ok && v.measurement.has_value();
    e.verdict = eval::verdict_name(v.kind);
    e.reason = v.reason;
    if (e.ok) {
      e.cycles = v.measurement->cycles;
      e.speedup = e.cycles > 0 ? m_ker0 / e.cycles : 0;
      std::lock_guard<std::mutex> lock(m_mutex);
      m_sol[slot] = v.measurement->sol_fraction;
    }
    return e;
  }
  double sol(const std::string& slot)
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    auto it = m_sol.find(slot);
    return it == m_sol.end() ? 0 : it->second;
  }

private:
  EvalPorts& m_ports;
  double m_ker0;
  std::mutex m_mutex;
  std::map<std::string, double> m_sol;
};

} // namespace

std::vector<Scored> run_eok_search(const EokContext& ctx, std::string& note)
{
  const config::Config& cfg = ctx.settings.get();
  Figures ker0 = ctx.ports.baseline();
  std::unique_ptr<llm::Provider> provider = llm::make_provider(ctx.settings);
  llm::Meter meter = llm::Meter::from_config(cfg);
  llm::LlmGenerator generator(*provider, &meter, ctx.spec.entry);
  EvaluatorAdapter evaluator(ctx.ports, ker0.cycles);
  cache::RunJournal journal(ctx.cache, ctx.ports.run_id());
  // Idea pool, priors and RAG retrieval; the index lives in the cache file.
  rag::Knowledge knowledge = rag::load_knowledge({cfg.ideas_dir, cfg.rag_dir, cfg.cache_path});
  if (!knowledge.rag_off_reason.empty()) {
    util::Terminal::instance().warn(knowledge.rag_off_reason);
  }

  search::TaskView task;
  task.name = ctx.spec.suite + "/" + ctx.spec.name;
  task.description = ctx.spec.description;
  task.signature = ctx.spec.signature;
  task.entry = ctx.spec.entry;
  task.vlen = ctx.target.vlen;
  task.march = ctx.target.march;

  search::Member base;
  base.slot = "ker0";
  base.description = "ker0: the project's implementation";
  base.code = ctx.spec.source_text;
  base.speedup = 1.0;
  base.cycles = ker0.cycles;

  search::EngineParams params;
  params.parallel = static_cast<int>(cfg.search_parallel);
  params.iterations = static_cast<int>(cfg.search_iterations);
  params.population = static_cast<int>(cfg.search_population);
  params.generations = static_cast<int>(cfg.search_generations);
  params.keep = static_cast<int>(cfg.search_keep);
  params.thoughts = static_cast<int>(cfg.search_thoughts);
  params.seed = cfg.seed;

  search::EnginePorts ports;
  ports.generator = &generator;
  ports.evaluator = &evaluator;
  ports.journal = &journal;
  ports.retrieve = knowledge.retrieve;
  ports.budget_exhausted = [&meter]() { return meter.exhausted(); };
  ports.progress = ctx.progress;

  search::EngineResult result = search::run_search(task, base, knowledge.ideas, knowledge.effectiveness, params, ports);
  llm::Totals totals = meter.totals();
  note = "EoK: " + std::to_string(result.evaluated) + " evaluated, " + std::to_string(result.resumed) + " resumed, " +
         std::to_string(totals.requests) + " LLM requests, " + std::to_string(totals.tokens()) + " tokens" +
         (result.stop_reason.empty() ? "" : ", stopped: " + result.stop_reason);

  std::vector<Scored> out;
  for (const auto& m : result.database) {
    if (m.slot == "ker0") {
      continue;
    }
    Scored s;
    s.variant = {m.slot, m.code, {}};
    s.figures = {true, "ok", "", m.cycles, evaluator.sol(m.slot)};
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace eok::tune

#else
#include "util/error.hpp"

namespace eok::tune {

std::vector<Scored> run_eok_search(const EokContext& /*ctx*/, std::string& /*note*/)
{
  throw Fatal("llm.provider is set, but this build has no LLM generator yet (driver/llm/generator.hpp)");
}

} // namespace eok::tune
#endif
