// Concurrent `eok tune` runs of one key share their evaluations (issue 13 item 12;
// table `claims`, migration 4). Before evaluating a point a process claims it in
// one IMMEDIATE transaction: the verdict is reused when a run already recorded it,
// the point is left to its owner while that owner lives and its lease holds, and
// otherwise (no claim, a dead owner, an expired lease) the claim becomes ours.
// Liveness is checked directly on this host (a SIGKILLed owner's point is taken
// over at once); the lease covers owners on other hosts sharing the file.
#include "cache/cache.hpp"

#include "util/scratch.hpp"

#include <chrono>
#include <unistd.h>

namespace eok::cache {

namespace {

using store::Stmt;
using store::Transaction;

int64_t unix_now()
{
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

Cache::Claim Cache::claim_point(const std::string& key, const std::string& point, int lease_seconds)
{
  const std::lock_guard lock(*m_mutex);
  const std::string host = util::host_name();
  const int64_t pid = ::getpid();
  const int64_t now = unix_now();
  Transaction tx(m_db);
  Claim out;
  Stmt s = m_db.prepare("SELECT owner_host, owner_pid, expires_at, run_id, slot FROM claims WHERE key=?1 AND point=?2");
  s.bind_all(key, point);
  if (s.step()) {
    const std::string owner_host = s.column_text(0);
    const int64_t owner_pid = s.column_int(1);
    if (auto run = s.column_opt_int(3)) {
      if (auto c = find_candidate(*run, s.column_text(4))) {
        out.state = ClaimState::done;
        out.verdict = std::move(c);
        return out; // nothing written: the transaction rolls back
      }
    }
    const bool me = owner_host == host && owner_pid == pid;
    const bool dead = owner_host == host && !util::process_running(owner_pid);
    if (!me && !dead && s.column_int(2) > now) {
      out.state = ClaimState::busy;
      out.owner = owner_host + ":" + std::to_string(owner_pid);
      return out;
    }
  }
  m_db.prepare("INSERT OR REPLACE INTO claims(key, point, owner_host, owner_pid, expires_at, run_id, slot) "
               "VALUES(?1, ?2, ?3, ?4, ?5, NULL, NULL)")
      .bind_all(key, point, host, pid, now + lease_seconds)
      .run();
  tx.commit();
  return out;
}

void Cache::complete_point(const std::string& key, const std::string& point, int64_t run_id, const std::string& slot)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  m_db.prepare("INSERT OR REPLACE INTO claims(key, point, owner_host, owner_pid, expires_at, run_id, slot) "
               "VALUES(?1, ?2, ?3, ?4, 0, ?5, ?6)")
      .bind_all(key, point, util::host_name(), static_cast<int64_t>(::getpid()), run_id, slot)
      .run();
  tx.commit();
}

void Cache::release_point(const std::string& key, const std::string& point)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  m_db.prepare("DELETE FROM claims WHERE key=?1 AND point=?2 AND run_id IS NULL AND owner_host=?3 AND owner_pid=?4")
      .bind_all(key, point, util::host_name(), static_cast<int64_t>(::getpid()))
      .run();
  tx.commit();
}

} // namespace eok::cache
