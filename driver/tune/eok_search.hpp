// The EoK (LLM) search of one kernel (issue 6), wired from the pieces on main:
// the configured LLM provider and generator, the evaluator (through EvaluatorCachePorts),
// the run's journal in the cache (resume), the idea pool and RAG retrieval.
// Returns the passed candidates of DataBaseK, best first, for the knob/flag post-pass,
// and the evaluations spent (budget.evals counts them: the search stops there).
// Progress is shown on util::Terminal (tune/search_progress).
#pragma once

#include "config/config.hpp"
#include "kernel/spec.hpp"
#include "search/engine.hpp"
#include "search/prompts.hpp"
#include "target/target.hpp"
#include "tune/evaluator_cache_ports.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace eok::tune {

struct EokContext
{
  const config::Settings& settings;
  const kernel::Spec& spec;
  const target::Target& target;
  EvaluatorCachePorts& ports;
  cache::Cache& cache;
};

LlmSearchResult run_eok_search(const EokContext& ctx, std::string& note);

// What the engine needs of one task, whatever compiles and checks its candidates: a kernel
// (run_eok_search, through EvaluatorCachePorts) or an NCNN layer file (ncnn/tune). Both share the LLM
// provider and meter, the run's journal, the ideas and RAG notes, the budgets, the progress
// board and the learned thought effectiveness.
struct EngineTask
{
  search::TaskView task;
  std::string entry;   // the function a reply's code must define ("": its last C or C++ block)
  search::Member ker0; // the reference as measured (slot "ker0")
  // One candidate compiled, checked and measured (called from the searches' threads, with the
  // slot of the step that first brought this code): ok,
  // verdict, reason, cycles, sol_fraction, runner, model_version and verdict_json. The
  // speedup over ker0 and the prompts' texts (search_feedback) are added here.
  std::function<search::Evaluation(const std::string& code, const std::string& slot)> evaluate;
  int64_t run_id = 0; // the cache's run the steps are journalled to (an unfinished one resumes)
  std::string core;   // the target core, for the learned effectiveness
};

LlmSearchResult run_engine(const config::Settings& settings, cache::Cache& cache, const EngineTask& t, std::string& note);

// What the prompts say about the task: the kernel's name, description, signature, entry and
// the target's VLEN and -march.
search::TaskView search_task(const kernel::Spec& spec, const target::Target& target);

} // namespace eok::tune
