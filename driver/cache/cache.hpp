// The winners cache: one SQLite file holding, per key, the best verified winner,
// every evaluated candidate of every tuning run (the search's DataBaseK and
// journal, with lineage), the runs themselves and idea statistics.
//
// Next to the file, `<cache>.stamps/<key>` holds a digest of that key's winner
// (or "none"); it is rewritten only when the winner changes, so the build's
// substitution step for one kernel depends on its own stamp, never on the whole
// database (docs: a tuning run rebuilds only the kernels whose winner changed).
#pragma once

#include "store/sqlite_db.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eok::cache {

struct Winner
{
  std::string key;         // 64 hex digits (cache::Key::hex)
  std::string kernel;      // "suite/name", for people
  std::string key_explain; // Key::explain() at the time it was stored
  std::string source;
  std::map<std::string, int64_t> defines; // prepended as `#define NAME VALUE`
  std::vector<std::string> flags;         // extra compile flags
  double cycles = 0;                      // lower is better (same key: same runner and version)
  double sol_fraction = 0;                // speed-of-light bound / cycles
  double speedup = 0;                     // over ker0
  std::string runner, model_version;
  bool verified = true;   // passed every correctness check of the evaluator
  std::string created_at; // UTC "YYYY-MM-DD HH:MM:SS"; set by put_winner when empty
  // provenance
  std::string run_uid, candidate_slot, idea, thought, llm_model, parent;
  std::string verdict_json;
  std::string integrity; // integrity_digest() when stored (put_winner sets it)
  std::string note;      // how it came to be trusted ("tuned here", "verified here …")

  // Digest of what the build would compile (source, defines, flags).
  [[nodiscard]] std::string content_digest() const;
  // Tagged digest over key, content_digest(), figures, runner, verified and the
  // verdict: a row edited after eok wrote it no longer matches (issue 13 item 4).
  [[nodiscard]] std::string integrity_digest() const;
  [[nodiscard]] bool intact() const { return integrity == integrity_digest(); }
};

// What the build may substitute for a key, and why not when it may not.
struct Lookup
{
  std::optional<Winner> winner; // verified and intact
  std::string why;              // without a winner: "no verified winner", "winner fails its integrity check", …
  bool tampered = false;        // a row exists but fails its integrity check
};

// Is `a` a better winner than `b` for the same key? Verified beats unverified,
// then fewer cycles; a tie keeps what is there.
bool better(const Winner& a, const Winner& b);

enum class PutResult {
  inserted,
  replaced,
  kept_existing,
};

enum class RunState {
  running,
  complete,
  aborted,
};
const char* run_state_name(RunState s);

struct Run
{
  int64_t id = 0;
  std::string uid; // stable across export/import
  std::string kernel, key;
  RunState state = RunState::running;
  std::string started_at, ended_at, note, settings;
};

// One evaluated (or failed-to-generate) candidate of a run: a search step.
struct Candidate
{
  std::string slot; // stable name of the search step, unique within a run
  std::string op, idea, thought;
  std::vector<std::string> parents; // slots ("ker0", "db:<n>", …)
  std::string prompt_hash;
  std::string llm_model;
  int64_t tokens = 0;
  bool generated = false; // the generator produced usable code
  std::string description, source, failure;
  std::map<std::string, int64_t> defines;
  std::vector<std::string> flags;
  bool ok = false;     // passed every correctness check
  std::string verdict; // verdict kind name
  std::string reason;
  double cycles = 0, sol_fraction = 0, speedup = 0;
  std::string runner, model_version, verdict_json;
  std::string created_at;
};

struct IdeaStat
{
  std::string idea, thought;
  int64_t uses = 0, passed = 0; // candidates built from it / that passed every check
  double best_speedup = 0;
};

// What the runs on one target core learned about one thought (learning.cpp).
struct LearnedValue
{
  std::string core, thought;
  double value = 0;    // effectiveness in [0, 1]; overrides the thought's prior
  int64_t updates = 0; // times the update rule moved it
  std::string last_run_uid, updated_at;
};

struct OpenMode
{
  bool create = true;     // false: a missing file is an error
  bool read_only = false; // no writes; a file an older eok wrote is read as it is (no migration)
  bool stamps = true;     // maintain <cache>.stamps/ (off for scratch copies)
};

class Cache
{
public:
  // Opens (creating and migrating when allowed). Throws Fatal for a foreign,
  // damaged or newer-schema file, which is left untouched.
  static Cache open(const std::string& path, const OpenMode& mode = {});

  [[nodiscard]] const std::string& path() const { return m_path; }
  static std::string stamp_dir_for(const std::string& cache_path);
  [[nodiscard]] std::string stamp_path(const std::string& key) const;

  // Winners. put_winner keeps the better of the stored and the given winner.
  PutResult put_winner(const Winner& w);
  std::optional<Winner> find_winner(const std::string& key); // verified and intact only
  Lookup lookup_winner(const std::string& key);
  // Store `w` as the key's winner whatever is there (eok cache verify's outcome).
  void replace_winner(const Winner& w);
  std::vector<Winner> winners(); // every stored winner, by kernel
  bool remove_winner(const std::string& key);
  // Rewrite `key`'s stamp from the database if it differs (creates it if
  // missing); works on read-only connections too (the substitution step).
  void sync_stamp(const std::string& key);

  // Runs and their candidates (the search journal).
  int64_t begin_run(const std::string& kernel, const std::string& key, const std::string& settings);
  void end_run(int64_t run_id, RunState state, const std::string& note = {});
  std::vector<Run> runs();
  // Remove a run with its candidates (gc).
  void remove_run(int64_t run_id);
  std::optional<Run> find_run(int64_t run_id);
  // The newest run of `key` that did not complete (to resume it), if any; a run
  // whose owner is a live process on this host is someone else's, not resumed.

  std::optional<Run> find_unfinished_run(const std::string& key);
  // Insert, or replace the candidate of the same slot in this run.
  void record_candidate(int64_t run_id, const Candidate& c);
  std::optional<Candidate> find_candidate(int64_t run_id, const std::string& slot);
  std::vector<Candidate> candidates(int64_t run_id);

  // Work shared by concurrent runs of one key (claims.cpp). `point` is the
  // candidate's Winner::content_digest(). mine: evaluate it, then complete_point
  // (or release_point when the evaluation could not finish); done: `verdict` is
  // the candidate row another run recorded; busy: a live process is evaluating it.
  enum class ClaimState { mine, done, busy };
  struct Claim
  {
    ClaimState state = ClaimState::mine;
    std::optional<Candidate> verdict;
    std::string owner; // busy: "host:pid"
  };
  Claim claim_point(const std::string& key, const std::string& point, int lease_seconds);
  void complete_point(const std::string& key, const std::string& point, int64_t run_id, const std::string& slot);
  void release_point(const std::string& key, const std::string& point);

  // Idea statistics over every recorded candidate (a view: exact after merges).
  std::vector<IdeaStat> idea_stats();

  // Learned thought effectiveness (learning.cpp, ideas/FORMAT.md). The values a
  // run's search starts from: `priors` (thought id -> prior), overridden by what
  // was learned on `core`; ids not in `priors` are ignored. The first call for a
  // run records them; a resumed run gets the same values back (so it samples the
  // same thoughts), whatever other runs learned meanwhile.
  std::map<std::string, double> start_learning(const std::string& run_uid, const std::string& core,
                                               const std::map<std::string, double>& priors);
  // Apply a run's outcome for each thought with updates[id] > 0 (sampled in the
  // run): the stored value moves by the run's change not applied yet (end minus
  // what this run applied before, which is its start value the first time), and
  // its count by the new updates; one IMMEDIATE transaction, so concurrent runs
  // add up and a resumed run never applies the same change twice. Thoughts the
  // run did not start with are ignored. Returns the thoughts changed.
  int finish_learning(const std::string& run_uid, const std::string& core, const std::map<std::string, double>& end,
                      const std::map<std::string, int>& updates);
  // Learned values, by core then thought (every core when `core` is empty).
  std::vector<LearnedValue> learned(const std::string& core = {});
  // Forget learned values (of one core, of one thought, or all); returns rows removed.
  int reset_learning(const std::string& core = {}, const std::string& thought = {});

  // Merge another cache file into this one: every run and candidate it has that
  // this one lacks, and per key the better verified winner. Returns winners changed.
  // `admit` (when set) is asked, before any write and outside any transaction,
  // about each winner of the other cache that would change this one's; it returns
  // the winner to store (e.g. with figures measured here) or nullopt to leave it out.
  using Admit = std::function<std::optional<Winner>(const Winner&)>;
  int merge_from(const std::string& other_path, const Admit& admit = {});
  // Consistent copy of the whole database to a new file (portable: SQLite format).
  void export_to(const std::string& out_path);

  store::Db& db() { return m_db; }

private:
  Cache(store::Db db, std::string path, bool stamps, int schema);
  std::optional<Winner> find_any_winner(const std::string& key);
  [[nodiscard]] const char* winner_cols() const;
  void insert_winner(const Winner& w, bool seal); // inside a transaction
  void seal_unsealed();
  void merge_learning_from(Cache& other); // inside merge_from's transaction
  void write_stamp(const std::string& key, const std::optional<Winner>& w);
  store::Db m_db;
  std::string m_path;
  bool m_stamps;
  int m_schema;                                  // older than the latest only for a read-only file an older eok wrote
  std::unique_ptr<std::recursive_mutex> m_mutex; // one connection shared by the search's threads
};

// Write `<cache_path>.stamps/<key>.stamp` for `w` (nullopt: "none") if it differs.
void write_stamp_file(const std::string& cache_path, const std::string& key, const std::optional<Winner>& w);

// `defines` as "NAME=VALUE" lines and back (the stored form).
std::string defines_text(const std::map<std::string, int64_t>& d);
std::map<std::string, int64_t> parse_defines(const std::string& text);

} // namespace eok::cache
