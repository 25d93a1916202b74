// The EoK (LLM) search of one kernel (issue 6), wired from the pieces on main:
// the configured LLM provider and generator, the evaluator (through EvaluatorCachePorts),
// the run's journal in the cache (resume), the idea pool and RAG retrieval.
// Returns the passed candidates of DataBaseK, best first, for the knob/flag post-pass,
// and the evaluations spent (budget.evals counts them: the search stops there).
// Progress is shown on util::Terminal (tune/search_progress).
#pragma once

#include "config/config.hpp"
#include "kernel/spec.hpp"
#include "search/prompts.hpp"
#include "target/target.hpp"
#include "tune/evaluator_cache_ports.hpp"

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

// What the prompts say about the task: the kernel's name, description, signature, entry and
// the target's VLEN and -march.
search::TaskView search_task(const kernel::Spec& spec, const target::Target& target);

} // namespace eok::tune
