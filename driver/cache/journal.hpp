// The search engine's Journal port over the cache: every step of a tuning run
// is a candidate row of that run, so a killed run resumes from the cache and
// the candidates stay as the search's database (DataBaseK) and lineage.
#pragma once

#include "cache/cache.hpp"
#include "search/engine.hpp"

namespace eok::cache {

class RunJournal : public search::Journal
{
public:
  RunJournal(Cache& cache, int64_t run_id)
    : m_cache(cache)
    , m_run(run_id)
  {
  }
  std::optional<search::Record> find(const std::string& slot) override;
  void record(const search::Record& r) override;

private:
  Cache& m_cache; // thread-safe itself
  int64_t m_run;
};

Candidate to_candidate(const search::Record& r);
search::Record to_record(const Candidate& c);

} // namespace eok::cache
