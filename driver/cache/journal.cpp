#include "cache/journal.hpp"

namespace eok::cache {

Candidate to_candidate(const search::Record& r)
{
  Candidate c;
  c.slot = r.slot;
  c.op = r.op;
  c.idea = r.idea;
  c.thought = r.thought;
  c.parents = r.parents;
  c.prompt_hash = r.prompt_hash;
  c.generated = r.generation.ok;
  c.description = r.generation.description;
  c.source = r.generation.code;
  c.failure = r.generation.failure;
  c.llm_model = r.generation.model;
  c.tokens = r.generation.tokens;
  c.ok = r.evaluation.ok;
  c.verdict = r.evaluation.verdict;
  c.reason = r.evaluation.reason;
  c.speedup = r.evaluation.speedup;
  c.cycles = r.evaluation.cycles;
  c.sol_fraction = r.evaluation.sol_fraction;
  c.runner = r.evaluation.runner;
  c.model_version = r.evaluation.model_version;
  c.verdict_json = r.evaluation.verdict_json;
  return c;
}

search::Record to_record(const Candidate& c)
{
  search::Record r;
  r.slot = c.slot;
  r.op = c.op;
  r.idea = c.idea;
  r.thought = c.thought;
  r.parents = c.parents;
  r.prompt_hash = c.prompt_hash;
  r.generation.ok = c.generated;
  r.generation.description = c.description;
  r.generation.code = c.source;
  r.generation.failure = c.failure;
  r.generation.model = c.llm_model;
  r.generation.tokens = c.tokens;
  r.evaluation.ok = c.ok;
  r.evaluation.verdict = c.verdict;
  r.evaluation.reason = c.reason;
  r.evaluation.speedup = c.speedup;
  r.evaluation.cycles = c.cycles;
  r.evaluation.sol_fraction = c.sol_fraction;
  r.evaluation.runner = c.runner;
  r.evaluation.model_version = c.model_version;
  r.evaluation.verdict_json = c.verdict_json;
  return r;
}

std::optional<search::Record> RunJournal::find(const std::string& slot)
{
  std::optional<Candidate> c = m_cache.find_candidate(m_run, slot);
  if (!c) {
    return std::nullopt;
  }
  return to_record(*c);
}

void RunJournal::record(const search::Record& r)
{
  m_cache.record_candidate(m_run, to_candidate(r));
}

} // namespace eok::cache
