// Learned thought effectiveness in the cache (tables of migration 2, schema.cpp).
//
// A run records the values its search started from (learning_runs.start); when it
// finishes it adds its change to what is stored now, instead of overwriting it, so
// two `eok tune` processes learning at once both count. learning_runs.applied
// remembers how much of the run's change is in thought_learning already: a resumed
// run replays the same search from the same start and applies only the remainder
// (nothing, when it had finished before).
#include "cache/cache.hpp"

#include <algorithm>

namespace eok::cache {

namespace {

using store::Stmt;
using store::Transaction;

constexpr int k_learning_schema = 2;

} // namespace

std::map<std::string, double> Cache::start_learning(const std::string& run_uid, const std::string& core,
                                                    const std::map<std::string, double>& priors)
{
  const std::lock_guard lock(*m_mutex);
  std::map<std::string, double> start = priors;
  if (m_schema < k_learning_schema) {
    return start; // an older eok's read-only file: nothing learned to read, nowhere to record
  }
  Transaction tx(m_db);
  std::map<std::string, double> recorded;
  Stmt rec = m_db.prepare("SELECT thought, start FROM learning_runs WHERE run_uid=?1 AND core=?2");
  rec.bind_all(run_uid, core);
  while (rec.step()) {
    recorded[rec.column_text(0)] = rec.column_double(1);
  }
  Stmt learned = m_db.prepare("SELECT thought, value FROM thought_learning WHERE core=?1");
  learned.bind(1, core);
  std::map<std::string, double> now;
  while (learned.step()) {
    now[learned.column_text(0)] = learned.column_double(1);
  }
  Stmt insert = m_db.prepare("INSERT INTO learning_runs(run_uid, core, thought, start, applied) VALUES(?1, ?2, ?3, ?4, ?4)");
  for (auto& [id, value] : start) {
    if (auto r = recorded.find(id); r != recorded.end()) {
      value = r->second; // resumed: the values this run started with
      continue;
    }
    if (auto l = now.find(id); l != now.end()) {
      value = l->second;
    }
    // New run, or a thought added to the pool since the run started.
    insert.bind_all(run_uid, core, id, value);
    insert.run();
    insert.reset();
  }
  tx.commit();
  return start;
}

int Cache::finish_learning(const std::string& run_uid, const std::string& core, const std::map<std::string, double>& end,
                           const std::map<std::string, int>& updates)
{
  const std::lock_guard lock(*m_mutex);
  if (m_schema < k_learning_schema) {
    return 0;
  }
  int changed = 0;
  Transaction tx(m_db); // IMMEDIATE: the reads below see no writer until commit
  Stmt mine = m_db.prepare("SELECT start, applied, applied_updates FROM learning_runs WHERE run_uid=?1 AND core=?2 AND thought=?3");
  Stmt stored = m_db.prepare("SELECT value FROM thought_learning WHERE core=?1 AND thought=?2");
  Stmt upsert = m_db.prepare("INSERT INTO thought_learning(core, thought, value, updates, last_run_uid, updated_at) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, datetime('now')) "
                             "ON CONFLICT(core, thought) DO UPDATE SET value=excluded.value, updates=updates+excluded.updates, "
                             "last_run_uid=excluded.last_run_uid, updated_at=excluded.updated_at");
  Stmt mark = m_db.prepare("UPDATE learning_runs SET applied=?4, applied_updates=?5 WHERE run_uid=?1 AND core=?2 AND thought=?3");
  for (const auto& [id, n] : updates) {
    auto e = end.find(id);
    if (n <= 0 || e == end.end()) {
      continue;
    }
    mine.bind_all(run_uid, core, id);
    const bool known = mine.step();
    const double start = known ? mine.column_double(0) : 0;
    const double applied = known ? mine.column_double(1) : 0;
    const int64_t applied_updates = known ? mine.column_int(2) : 0;
    mine.reset();
    if (!known) {
      continue; // not a thought this run started with (renamed, or no start_learning)
    }
    const int64_t new_updates = std::max<int64_t>(0, n - applied_updates);
    const double delta = e->second - applied;
    if (new_updates == 0 && delta == 0) {
      continue; // applied before (a resumed run that had finished)
    }
    stored.bind_all(core, id);
    const double base = stored.step() ? stored.column_double(0) : start;
    stored.reset();
    upsert.bind_all(core, id, std::clamp(base + delta, 0.0, 1.0), new_updates, run_uid);
    upsert.run();
    upsert.reset();
    mark.bind_all(run_uid, core, id, e->second, std::max<int64_t>(n, applied_updates));
    mark.run();
    mark.reset();
    ++changed;
  }
  tx.commit();
  return changed;
}

std::vector<LearnedValue> Cache::learned(const std::string& core)
{
  const std::lock_guard lock(*m_mutex);
  std::vector<LearnedValue> out;
  if (m_schema < k_learning_schema) {
    return out;
  }
  Stmt s = m_db.prepare("SELECT core, thought, value, updates, last_run_uid, updated_at FROM thought_learning "
                        "WHERE ?1='' OR core=?1 ORDER BY core, thought");
  s.bind(1, core);
  while (s.step()) {
    out.push_back({s.column_text(0), s.column_text(1), s.column_double(2), s.column_int(3), s.column_text(4), s.column_text(5)});
  }
  return out;
}

int Cache::reset_learning(const std::string& core, const std::string& thought)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  m_db.prepare("DELETE FROM thought_learning WHERE (?1='' OR core=?1) AND (?2='' OR thought=?2)").bind_all(core, thought).run();
  const auto removed = static_cast<int>(m_db.changes());
  tx.commit();
  return removed;
}

void Cache::merge_learning_from(Cache& other)
{
  if (m_schema < k_learning_schema || other.m_schema < k_learning_schema) {
    return;
  }
  // Per core and thought the value backed by more updates wins (a tie keeps ours):
  // the two histories cannot be added without double counting what they share.
  Stmt put = m_db.prepare("INSERT INTO thought_learning(core, thought, value, updates, last_run_uid, updated_at) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(core, thought) DO UPDATE SET value=excluded.value, "
                          "updates=excluded.updates, last_run_uid=excluded.last_run_uid, updated_at=excluded.updated_at "
                          "WHERE excluded.updates > thought_learning.updates");
  for (const LearnedValue& l : other.learned()) {
    put.bind_all(l.core, l.thought, l.value, l.updates, l.last_run_uid, l.updated_at);
    put.run();
    put.reset();
  }
  // The runs' records come along with the runs: an imported unfinished run resumes
  // here from the values it started with.
  Stmt runs = other.m_db.prepare("SELECT run_uid, core, thought, start, applied, applied_updates FROM learning_runs");
  Stmt add = m_db.prepare("INSERT OR IGNORE INTO learning_runs(run_uid, core, thought, start, applied, applied_updates) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  while (runs.step()) {
    add.bind_all(runs.column_text(0), runs.column_text(1), runs.column_text(2), runs.column_double(3), runs.column_double(4),
                 runs.column_int(5));
    add.run();
    add.reset();
  }
}

} // namespace eok::cache
