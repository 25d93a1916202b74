#include "cache/cache.hpp"

#include "cache/schema.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/scratch.hpp"
#include "util/secrets.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <cstdlib>
#include <unistd.h>

namespace eok::cache {

namespace {

using store::Stmt;
using store::Transaction;

std::string lines(const std::vector<std::string>& v)
{
  for (const auto& e : v) {
    if (e.find('\n') != std::string::npos) {
      throw Fatal("a compile flag or slot name contains a newline: " + util::shell_quote(e));
    }
  }
  return util::join(v, "\n");
}

std::vector<std::string> unlines(const std::string& s)
{
  return s.empty() ? std::vector<std::string>{} : util::split(s, '\n');
}

const char* k_winner_cols = "key, kernel, key_explain, source, defines, flags, cycles, sol_fraction, speedup, runner, "
                            "model_version, verified, created_at, run_uid, candidate_slot, idea, thought, llm_model, "
                            "parent, verdict_json, integrity, provenance_note";
// The same for a read-only file of schema 2 or older (no integrity yet: read as unsealed).
const char* k_winner_cols_v2 = "key, kernel, key_explain, source, defines, flags, cycles, sol_fraction, speedup, runner, "
                               "model_version, verified, created_at, run_uid, candidate_slot, idea, thought, llm_model, "
                               "parent, verdict_json, '' AS integrity, '' AS provenance_note";

Winner read_winner(const Stmt& s)
{
  Winner w;
  w.key = s.column_text(0);
  w.kernel = s.column_text(1);
  w.key_explain = s.column_text(2);
  w.source = s.column_text(3);
  w.defines = parse_defines(s.column_text(4));
  w.flags = unlines(s.column_text(5));
  w.cycles = s.column_double(6);
  w.sol_fraction = s.column_double(7);
  w.speedup = s.column_double(8);
  w.runner = s.column_text(9);
  w.model_version = s.column_text(10);
  w.verified = s.column_int(11) != 0;
  w.created_at = s.column_text(12);
  w.run_uid = s.column_text(13);
  w.candidate_slot = s.column_text(14);
  w.idea = s.column_text(15);
  w.thought = s.column_text(16);
  w.llm_model = s.column_text(17);
  w.parent = s.column_text(18);
  w.verdict_json = s.column_text(19);
  w.integrity = s.column_text(20);
  w.note = s.column_text(21);
  return w;
}

const char* k_candidate_cols = "slot, op, idea, thought, parents, prompt_hash, llm_model, tokens, generated, "
                               "description, source, failure, defines, flags, ok, verdict, reason, cycles, "
                               "sol_fraction, speedup, runner, model_version, verdict_json, created_at";

Candidate read_candidate(const Stmt& s)
{
  Candidate c;
  c.slot = s.column_text(0);
  c.op = s.column_text(1);
  c.idea = s.column_text(2);
  c.thought = s.column_text(3);
  c.parents = unlines(s.column_text(4));
  c.prompt_hash = s.column_text(5);
  c.llm_model = s.column_text(6);
  c.tokens = s.column_int(7);
  c.generated = s.column_int(8) != 0;
  c.description = s.column_text(9);
  c.source = s.column_text(10);
  c.failure = s.column_text(11);
  c.defines = parse_defines(s.column_text(12));
  c.flags = unlines(s.column_text(13));
  c.ok = s.column_int(14) != 0;
  c.verdict = s.column_text(15);
  c.reason = s.column_text(16);
  c.cycles = s.column_double(17);
  c.sol_fraction = s.column_double(18);
  c.speedup = s.column_double(19);
  c.runner = s.column_text(20);
  c.model_version = s.column_text(21);
  c.verdict_json = s.column_text(22);
  c.created_at = s.column_text(23);
  return c;
}

const char* k_run_cols = "id, uid, kernel, key, state, started_at, ended_at, note, settings";

RunState parse_state(const std::string& s)
{
  return s == "complete" ? RunState::complete : s == "aborted" ? RunState::aborted : RunState::running;
}

Run read_run(const Stmt& s)
{
  Run r;
  r.id = s.column_int(0);
  r.uid = s.column_text(1);
  r.kernel = s.column_text(2);
  r.key = s.column_text(3);
  r.state = parse_state(s.column_text(4));
  r.started_at = s.column_text(5);
  r.ended_at = s.column_text(6);
  r.note = s.column_text(7);
  r.settings = s.column_text(8);
  return r;
}

// Text a cache stores may have come from an LLM reply: never with a secret in it.
Candidate redacted(const Candidate& in)
{
  Candidate c = in;
  for (std::string* t : {&c.description, &c.source, &c.failure, &c.reason, &c.verdict_json}) {
    *t = util::redact(*t);
  }
  return c;
}

void insert_candidate(store::Db& db, int64_t run_id, const Candidate& in, bool replace)
{
  const Candidate c = redacted(in);
  Stmt s = db.prepare(std::string(replace ? "INSERT OR REPLACE" : "INSERT OR IGNORE") + " INTO candidates(run_id, " + k_candidate_cols +
                      ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
                      "?19, ?20, ?21, ?22, ?23, ?24, COALESCE(NULLIF(?25, ''), datetime('now')))");
  s.bind_all(run_id, c.slot, c.op, c.idea, c.thought, lines(c.parents), c.prompt_hash, c.llm_model, c.tokens, int64_t{c.generated},
             c.description, c.source, c.failure, defines_text(c.defines), lines(c.flags), int64_t{c.ok}, c.verdict, c.reason, c.cycles,
             c.sol_fraction, c.speedup, c.runner, c.model_version, c.verdict_json, c.created_at);
  s.run();
}

} // namespace

const char* run_state_name(RunState s)
{
  switch (s) {
  case RunState::running:
    return "running";
  case RunState::complete:
    return "complete";
  case RunState::aborted:
    return "aborted";
  }
  return "?";
}

std::string defines_text(const std::map<std::string, int64_t>& d)
{
  std::string s;
  for (const auto& kv : d) {
    s += kv.first + "=" + std::to_string(kv.second) + "\n";
  }
  return s;
}

std::map<std::string, int64_t> parse_defines(const std::string& text)
{
  std::map<std::string, int64_t> d;
  for (const auto& line : util::split(text, '\n')) {
    const size_t eq = line.find('=');
    if (eq != std::string::npos) {
      d[line.substr(0, eq)] = std::strtoll(line.c_str() + eq + 1, nullptr, 10);
    }
  }
  return d;
}

std::string Winner::content_digest() const
{
  util::Sha256 h;
  h.update("source\n").update(std::to_string(source.size())).update("\n").update(source);
  h.update("defines\n").update(defines_text(defines));
  h.update("flags\n").update(lines(flags));
  return h.hex_digest();
}

std::string Winner::integrity_digest() const
{
  util::Sha256 h;
  const std::vector<std::pair<const char*, std::string>> fields = {
      {"format", "eok-winner-1"},
      {"key", key},
      {"kernel", kernel},
      {"content", content_digest()},
      {"cycles", util::exact(cycles)},
      {"sol_fraction", util::exact(sol_fraction)},
      {"speedup", util::exact(speedup)},
      {"runner", runner},
      {"model_version", model_version},
      {"verified", verified ? "1" : "0"},
      {"verdict_json", verdict_json},
  };
  for (const auto& [tag, value] : fields) {
    h.update(tag).update(std::string_view("\0", 1)).update(std::to_string(value.size())).update(std::string_view("\0", 1)).update(value);
  }
  return h.hex_digest();
}

bool better(const Winner& a, const Winner& b)
{
  if (a.verified != b.verified) {
    return a.verified;
  }
  return a.cycles < b.cycles;
}

Cache::Cache(store::Db db, std::string path, bool stamps, int schema)
  : m_db(std::move(db))
  , m_path(std::move(path))
  , m_stamps(stamps)
  , m_schema(schema)
  , m_mutex(std::make_unique<std::recursive_mutex>())
{
}

Cache Cache::open(const std::string& path, const OpenMode& mode)
{
  store::OpenOptions o;
  o.create = mode.create;
  o.read_only = mode.read_only;
  const bool existed = util::fs::exists(path);
  const util::fs::path parent = util::fs::path(path).parent_path();
  if (!existed && mode.create && !mode.read_only && !parent.empty()) {
    util::fs::create_directories(parent); // the default .eok/ and CI cache paths may not exist yet
  }
  store::Db db = store::Db::open(path, o);
  const int latest = static_cast<int>(schema_migrations().size());
  const int found = db.schema_version("cache");
  if (mode.read_only && found == 0 && existed && util::fs::is_regular_file(path) && util::fs::file_size(path) == 0) {
    // An empty file is a cache nobody has written yet (`touch cache.sqlite`): a reader makes it
    // one where it may write there, as eok always did; a read-only place stays an error below.
    const std::string dir = parent.empty() ? "." : parent.string();
    if (::access(path.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0) {
      OpenMode writable = mode;
      writable.read_only = false;
      writable.stamps = false;
      return open(path, writable);
    }
  }
  if (mode.read_only && found >= 1 && found < latest) {
    // An older eok's file (an import, a restored CI cache): its tables are a
    // subset of ours; readers of newer tables check m_schema. Never migrated here.
  } else {
    db.migrate("cache", schema_migrations());
  }
  const bool stamps = mode.stamps && !mode.read_only;
  if (!existed && stamps) {
    // A new cache: stamps left by a deleted one describe winners that are gone.
    std::error_code ec;
    util::fs::remove_all(stamp_dir_for(path), ec);
  }
  const int schema = db.schema_version("cache");
  Cache c(std::move(db), path, stamps, schema);
  if (!mode.read_only && found >= 1 && found < 3) {
    c.seal_unsealed(); // winners an older eok stored were trusted then: sealed as they are
  }
  return c;
}

std::string Cache::stamp_dir_for(const std::string& cache_path)
{
  return cache_path + ".stamps";
}

std::string Cache::stamp_path(const std::string& key) const
{
  return (util::fs::path(stamp_dir_for(m_path)) / (key + ".stamp")).string();
}

void write_stamp_file(const std::string& cache_path, const std::string& key, const std::optional<Winner>& w)
{
  const std::string dir = Cache::stamp_dir_for(cache_path);
  util::fs::create_directories(dir);
  util::write_file_if_changed(util::fs::path(dir) / (key + ".stamp"), (w ? "winner " + w->content_digest() : std::string("none")) + "\n");
}

void Cache::write_stamp(const std::string& key, const std::optional<Winner>& w)
{
  if (m_stamps) {
    write_stamp_file(m_path, key, w);
  }
}

void Cache::sync_stamp(const std::string& key)
{
  const std::lock_guard lock(*m_mutex);
  write_stamp_file(m_path, key, find_winner(key));
}

const char* Cache::winner_cols() const
{
  return m_schema >= 3 ? k_winner_cols : k_winner_cols_v2;
}

void Cache::seal_unsealed()
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  Stmt s = m_db.prepare(std::string("SELECT ") + k_winner_cols + " FROM winners WHERE integrity=''");
  std::vector<Winner> rows;
  while (s.step()) {
    rows.push_back(read_winner(s));
  }
  for (const Winner& w : rows) {
    m_db.prepare("UPDATE winners SET integrity=?2 WHERE key=?1").bind_all(w.key, w.integrity_digest()).run();
  }
  tx.commit();
}

std::optional<Winner> Cache::find_any_winner(const std::string& key)
{
  Stmt s = m_db.prepare(std::string("SELECT ") + winner_cols() + " FROM winners WHERE key=?1");
  s.bind(1, key);
  if (!s.step()) {
    return std::nullopt;
  }
  return read_winner(s);
}

Lookup Cache::lookup_winner(const std::string& key)
{
  const std::lock_guard lock(*m_mutex);
  Lookup l;
  std::optional<Winner> w = find_any_winner(key);
  if (!w) {
    l.why = "no winner";
  } else if (!w->verified) {
    l.why = "the stored winner is unverified (`eok cache verify`)";
  } else if (m_schema >= 3 && !w->intact()) {
    l.why = "the stored winner fails its integrity check (edited outside eok?); `eok cache verify` re-checks it";
    l.tampered = true;
  } else {
    l.winner = std::move(w);
  }
  return l;
}

std::optional<Winner> Cache::find_winner(const std::string& key)
{
  return lookup_winner(key).winner;
}

void Cache::insert_winner(const Winner& in, bool seal)
{
  Winner w = in;
  w.source = util::redact(w.source);
  w.verdict_json = util::redact(w.verdict_json);
  if (seal) {
    w.integrity = w.integrity_digest();
  }
  Stmt s = m_db.prepare(std::string("INSERT OR REPLACE INTO winners(") + k_winner_cols +
                        ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                        "COALESCE(NULLIF(?13, ''), datetime('now')), ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)");
  s.bind_all(w.key, w.kernel, w.key_explain, w.source, defines_text(w.defines), lines(w.flags), w.cycles, w.sol_fraction, w.speedup,
             w.runner, w.model_version, int64_t{w.verified}, w.created_at, w.run_uid, w.candidate_slot, w.idea, w.thought, w.llm_model,
             w.parent, w.verdict_json, w.integrity, w.note);
  s.run();
}

PutResult Cache::put_winner(const Winner& w)
{
  const std::lock_guard lock(*m_mutex);
  PutResult result = PutResult::inserted;
  {
    Transaction tx(m_db);
    const std::optional<Winner> old = find_any_winner(w.key);
    if (old && !better(w, *old) && (m_schema < 3 || old->intact())) {
      return PutResult::kept_existing;
    }
    result = old ? PutResult::replaced : PutResult::inserted;
    insert_winner(w, true);
    tx.commit();
  }
  write_stamp(w.key, find_winner(w.key)); // after commit: a stamp never announces an uncommitted winner
  return result;
}

void Cache::replace_winner(const Winner& w)
{
  const std::lock_guard lock(*m_mutex);
  {
    Transaction tx(m_db);
    insert_winner(w, true);
    tx.commit();
  }
  write_stamp(w.key, find_winner(w.key));
}

std::vector<Winner> Cache::winners()
{
  const std::lock_guard lock(*m_mutex);
  std::vector<Winner> out;
  Stmt s = m_db.prepare(std::string("SELECT ") + winner_cols() + " FROM winners ORDER BY kernel, key");
  while (s.step()) {
    out.push_back(read_winner(s));
  }
  return out;
}

bool Cache::remove_winner(const std::string& key)
{
  const std::lock_guard lock(*m_mutex);
  {
    Transaction tx(m_db);
    m_db.prepare("DELETE FROM winners WHERE key=?1").bind(1, key).run();
    tx.commit();
  }
  const bool removed = m_db.changes() > 0;
  write_stamp(key, std::nullopt);
  return removed;
}

int64_t Cache::begin_run(const std::string& kernel, const std::string& key, const std::string& settings)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  m_db.prepare("INSERT INTO runs(uid, kernel, key, state, started_at, settings, owner_host, owner_pid) "
               "VALUES(lower(hex(randomblob(16))), ?1, ?2, 'running', datetime('now'), ?3, ?4, ?5)")
      .bind_all(kernel, key, settings, util::host_name(), static_cast<int64_t>(::getpid()))
      .run();
  const int64_t id = m_db.last_insert_rowid();
  tx.commit();
  return id;
}

void Cache::end_run(int64_t run_id, RunState state, const std::string& note)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  m_db.prepare("UPDATE runs SET state=?2, ended_at=datetime('now'), note=?3 WHERE id=?1")
      .bind_all(run_id, std::string(run_state_name(state)), note)
      .run();
  if (m_db.changes() == 0) {
    throw Fatal(located(m_path, 0, "no run " + std::to_string(run_id) + " to end"));
  }
  tx.commit();
}

std::vector<Run> Cache::runs()
{
  const std::lock_guard lock(*m_mutex);
  std::vector<Run> out;
  Stmt s = m_db.prepare(std::string("SELECT ") + k_run_cols + " FROM runs ORDER BY id");
  while (s.step()) {
    out.push_back(read_run(s));
  }
  return out;
}

void Cache::remove_run(int64_t run_id)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  if (m_schema >= 2) { // what the run started from and applied: only a resume reads it
    m_db.prepare("DELETE FROM learning_runs WHERE run_uid=(SELECT uid FROM runs WHERE id=?1)").bind(1, run_id).run();
  }
  m_db.prepare("DELETE FROM runs WHERE id=?1").bind(1, run_id).run(); // candidates: ON DELETE CASCADE
  tx.commit();
}

std::optional<Run> Cache::find_run(int64_t run_id)
{
  const std::lock_guard lock(*m_mutex);
  Stmt s = m_db.prepare(std::string("SELECT ") + k_run_cols + " FROM runs WHERE id=?1");
  s.bind(1, run_id);
  return s.step() ? std::optional<Run>(read_run(s)) : std::nullopt;
}

std::optional<Run> Cache::find_unfinished_run(const std::string& key)
{
  const std::lock_guard lock(*m_mutex);
  Stmt s = m_db.prepare(std::string("SELECT ") + k_run_cols +
                        ", owner_host, owner_pid FROM runs WHERE key=?1 AND state<>'complete' ORDER BY id DESC");
  s.bind(1, key);
  while (s.step()) {
    // Another live process on this host is running it (concurrent tune): not ours to resume.
    const int64_t pid = s.column_int(10);
    if (s.column_text(9) == util::host_name() && pid != ::getpid() && util::process_running(pid)) {
      continue;
    }
    return read_run(s);
  }
  return std::nullopt;
}

void Cache::record_candidate(int64_t run_id, const Candidate& c)
{
  const std::lock_guard lock(*m_mutex);
  Transaction tx(m_db);
  insert_candidate(m_db, run_id, c, true);
  tx.commit();
}

std::optional<Candidate> Cache::find_candidate(int64_t run_id, const std::string& slot)
{
  const std::lock_guard lock(*m_mutex);
  Stmt s = m_db.prepare(std::string("SELECT ") + k_candidate_cols + " FROM candidates WHERE run_id=?1 AND slot=?2");
  s.bind_all(run_id, slot);
  return s.step() ? std::optional<Candidate>(read_candidate(s)) : std::nullopt;
}

std::vector<Candidate> Cache::candidates(int64_t run_id)
{
  const std::lock_guard lock(*m_mutex);
  std::vector<Candidate> out;
  Stmt s = m_db.prepare(std::string("SELECT ") + k_candidate_cols + " FROM candidates WHERE run_id=?1 ORDER BY id");
  s.bind(1, run_id);
  while (s.step()) {
    out.push_back(read_candidate(s));
  }
  return out;
}

std::vector<IdeaStat> Cache::idea_stats()
{
  const std::lock_guard lock(*m_mutex);
  std::vector<IdeaStat> out;
  Stmt s = m_db.prepare("SELECT idea, thought, uses, passed, best_speedup FROM idea_stats ORDER BY idea, thought");
  while (s.step()) {
    out.push_back({s.column_text(0), s.column_text(1), s.column_int(2), s.column_int(3), s.column_double(4)});
  }
  return out;
}

int Cache::merge_from(const std::string& other_path, const Admit& admit)
{
  OpenMode ro;
  ro.create = false;
  ro.read_only = true;
  Cache other = Cache::open(other_path, ro);
  // Winners that would change ours, decided before any write: admitting one may
  // take an evaluation (eok cache verify), never inside a write transaction.
  std::vector<Winner> incoming;
  for (const Winner& w : other.winners()) {
    if (other.m_schema >= 3 && !w.intact()) {
      continue; // edited after eok wrote it: never brought in
    }
    const std::optional<Winner> mine = find_any_winner(w.key);
    if (mine && !better(w, *mine) && (m_schema < 3 || mine->intact())) {
      continue;
    }
    if (!admit) {
      incoming.push_back(w);
    } else if (std::optional<Winner> ok = admit(w)) {
      incoming.push_back(std::move(*ok));
    }
  }
  const std::lock_guard lock(*m_mutex);
  std::vector<std::string> changed;
  {
    Transaction tx(m_db);
    for (const Run& r : other.runs()) {
      Stmt find = m_db.prepare("SELECT id FROM runs WHERE uid=?1");
      find.bind(1, r.uid);
      int64_t local = 0;
      if (find.step()) {
        local = find.column_int(0);
        m_db.prepare("UPDATE runs SET state=?2, ended_at=?3, note=?4 WHERE id=?1 AND state='running' AND ?2<>'running'")
            .bind_all(local, std::string(run_state_name(r.state)), r.ended_at, r.note)
            .run();
      } else {
        m_db.prepare("INSERT INTO runs(uid, kernel, key, state, started_at, ended_at, note, settings) "
                     "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind_all(r.uid, r.kernel, r.key, std::string(run_state_name(r.state)), r.started_at, r.ended_at, r.note, r.settings)
            .run();
        local = m_db.last_insert_rowid();
      }
      for (const Candidate& c : other.candidates(r.id)) {
        insert_candidate(m_db, local, c, false);
      }
    }
    for (const Winner& w : incoming) {
      const std::optional<Winner> mine = find_any_winner(w.key); // again: another writer may have been faster
      if (mine && !better(w, *mine) && (m_schema < 3 || mine->intact())) {
        continue;
      }
      changed.push_back(w.key);
      // Admitted winners were checked here and are sealed anew; the rest keep their own seal.
      insert_winner(w, static_cast<bool>(admit) || w.integrity.empty());
    }
    merge_learning_from(other);
    tx.commit();
  }
  for (const auto& key : changed) {
    write_stamp(key, find_winner(key));
  }
  return static_cast<int>(changed.size());
}

void Cache::export_to(const std::string& out_path)
{
  const std::lock_guard lock(*m_mutex);
  if (util::fs::exists(out_path)) {
    throw Fatal(located(out_path, 0, "exists already; eok does not overwrite an export"));
  }
  // Written under a temporary name and renamed when complete: a killed export
  // never leaves a partial file under the final name (one left by an earlier
  // killed export is replaced).
  const std::string partial = out_path + ".eok-partial";
  std::error_code ec;
  util::fs::remove(partial, ec);
  util::fs::remove(partial + "-journal", ec);
  try {
    m_db.prepare("VACUUM INTO ?1").bind(1, partial).run();
    util::fs::rename(partial, out_path);
  } catch (...) {
    util::fs::remove(partial, ec);
    throw;
  }
}

} // namespace eok::cache
