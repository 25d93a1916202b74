#include "cache/schema.hpp"

namespace eok::cache {

const std::vector<store::Migration>& schema_migrations()
{
  static const std::vector<store::Migration> m = {
      {1, "winners, runs, candidates, idea statistics", R"sql(
CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(name, value) VALUES('cache_uid', lower(hex(randomblob(16))));

CREATE TABLE winners(
  key TEXT PRIMARY KEY,
  kernel TEXT NOT NULL,
  key_explain TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  defines TEXT NOT NULL DEFAULT '',      -- "NAME=VALUE" lines
  flags TEXT NOT NULL DEFAULT '',        -- one flag per line
  cycles REAL NOT NULL,
  sol_fraction REAL NOT NULL DEFAULT 0,
  speedup REAL NOT NULL DEFAULT 0,
  runner TEXT NOT NULL,
  model_version TEXT NOT NULL DEFAULT '',
  verified INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  run_uid TEXT NOT NULL DEFAULT '',
  candidate_slot TEXT NOT NULL DEFAULT '',
  idea TEXT NOT NULL DEFAULT '',
  thought TEXT NOT NULL DEFAULT '',
  llm_model TEXT NOT NULL DEFAULT '',
  parent TEXT NOT NULL DEFAULT '',
  verdict_json TEXT NOT NULL DEFAULT ''
);

CREATE TABLE runs(
  id INTEGER PRIMARY KEY,
  uid TEXT NOT NULL UNIQUE,
  kernel TEXT NOT NULL,
  key TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('running', 'complete', 'aborted')),
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT ''
);
CREATE INDEX runs_key ON runs(key);

CREATE TABLE candidates(
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  slot TEXT NOT NULL,
  op TEXT NOT NULL DEFAULT '',
  idea TEXT NOT NULL DEFAULT '',
  thought TEXT NOT NULL DEFAULT '',
  parents TEXT NOT NULL DEFAULT '',      -- one slot per line
  prompt_hash TEXT NOT NULL DEFAULT '',
  llm_model TEXT NOT NULL DEFAULT '',
  tokens INTEGER NOT NULL DEFAULT 0,
  generated INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  failure TEXT NOT NULL DEFAULT '',
  defines TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  ok INTEGER NOT NULL DEFAULT 0,
  verdict TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  cycles REAL NOT NULL DEFAULT 0,
  sol_fraction REAL NOT NULL DEFAULT 0,
  speedup REAL NOT NULL DEFAULT 0,
  runner TEXT NOT NULL DEFAULT '',
  model_version TEXT NOT NULL DEFAULT '',
  verdict_json TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE(run_id, slot)
);

-- Idea statistics are a view over the candidates, so merging caches keeps them exact.
CREATE VIEW idea_stats AS
  SELECT idea, thought, count(*) AS uses, sum(ok) AS passed,
         max(CASE WHEN ok THEN speedup ELSE 0 END) AS best_speedup
  FROM candidates WHERE idea <> '' GROUP BY idea, thought;
)sql"},
      {2, "learned thought effectiveness per target core, and what each run applied", R"sql(
-- What tuning runs learned about each thought of ideas/*.toml, per target core
-- (eok_core of the cross file): a run on one core does not steer another. The
-- value overrides the thought's prior; ids no longer in the pool are ignored.
CREATE TABLE thought_learning(
  core TEXT NOT NULL,
  thought TEXT NOT NULL,
  value REAL NOT NULL CHECK(value >= 0 AND value <= 1),
  updates INTEGER NOT NULL DEFAULT 0,    -- times the update rule moved it (iterations that sampled it)
  last_run_uid TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY(core, thought)
);

-- Per run and thought: the value the run's search started from (a resumed run
-- samples exactly as before) and the value and update count it has applied to
-- thought_learning so far (a resumed or repeated finish applies only the rest).
CREATE TABLE learning_runs(
  run_uid TEXT NOT NULL,
  core TEXT NOT NULL,
  thought TEXT NOT NULL,
  start REAL NOT NULL,
  applied REAL NOT NULL,
  applied_updates INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(run_uid, core, thought)
);
)sql"},
      {3, "winner integrity: a digest over key, code and verdict, checked before substitution", R"sql(
-- Winner::integrity_digest() of the row as eok wrote it; a row edited by hand (or
-- brought in with figures that do not match its own digest) is never substituted.
-- Rows of older files are sealed as they are when eok opens them writable.
ALTER TABLE winners ADD COLUMN integrity TEXT NOT NULL DEFAULT '';
-- How the winner came to be trusted here: "tuned", "verified <date>: ..." (eok cache verify).
ALTER TABLE winners ADD COLUMN provenance_note TEXT NOT NULL DEFAULT '';
)sql"},
      {4, "claims: concurrent runs of one key share their evaluations; runs record their owner", R"sql(
-- A tuning process claims a point (the key and Winner::content_digest() of the
-- candidate) before evaluating it; a second process finding the claim waits for
-- the verdict instead of evaluating it again (claims.cpp). Done: run_id/slot name
-- the candidate row with the verdict. A claim whose owner died (same host, pid
-- gone) or whose lease passed (expires_at, unix seconds) is taken over.
CREATE TABLE claims(
  key TEXT NOT NULL,
  point TEXT NOT NULL,
  owner_host TEXT NOT NULL,
  owner_pid INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  slot TEXT,
  PRIMARY KEY(key, point)
);
-- The process running a run: a live owner's run is not resumed by another process.
ALTER TABLE runs ADD COLUMN owner_host TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN owner_pid INTEGER NOT NULL DEFAULT 0;
)sql"},
  };
  return m;
}

} // namespace eok::cache
