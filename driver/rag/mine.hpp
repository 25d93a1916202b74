// The first steps of the EoK paper's idea mining (DESIGN.md "The method"): read
// a kernel library's commit history, keep the commits that look like
// optimisations, and assign each to the closest existing thought. Closeness is
// BM25 over the thoughts' descriptions and code (this module's index) instead
// of the paper's embeddings; commits no thought explains are reported as
// candidates for new thoughts. Not done here: embedding clustering, LLM
// distillation of new thoughts, and effectiveness from benchmark history.
#pragma once

#include "ideas/pool.hpp"

#include <map>
#include <string>
#include <vector>

namespace eok::rag {

struct Commit
{
  std::string hash;
  std::string subject;
  std::string body;
};

struct MineOptions
{
  std::string repo;         // a git work tree or bare repository
  std::string rev = "HEAD"; // revision or range for `git log`
  size_t limit = 2000;      // most recent commits read
  double min_score = 6.0;   // -bm25 a commit needs to be assigned to a thought
};

struct MineResult
{
  size_t scanned = 0;
  std::vector<Commit> kept;                            // optimisation-like commits, newest first
  std::map<std::string, std::vector<Commit>> assigned; // thought id -> commits
  std::vector<Commit> unassigned;                      // candidates for new thoughts
};

// `git log` through util::run_process; throws Fatal "repo: …" when git fails.
std::vector<Commit> read_commits(const std::string& repo, const std::string& rev, size_t limit);
// Keyword filter: performance vocabulary in the subject or body.
bool looks_like_optimisation(const Commit& c);
// Filter and assign (the pool's thoughts are indexed in a private in-memory database).
MineResult mine(const ideas::Pool& pool, const std::vector<Commit>& commits, double min_score);

} // namespace eok::rag
