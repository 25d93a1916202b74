// The EoK paper's idea mining (DESIGN.md "The method"), first steps: read a
// kernel library's commit history, keep the commits that look like
// optimisations, and read the diff of the kernel sources each touched. With an
// LLM, distill/proposal turn them into thoughts (distillation,
// embeddings, clustering); without one, `mine` here is the fallback: BM25 over
// the thoughts' descriptions and code (rag/index) assigns each commit
// to the closest thought by its message alone.
#pragma once

#include "ideas/pool.hpp"

#include <map>
#include <string>
#include <vector>

namespace eok::mining {

struct Commit
{
  std::string hash;
  std::string subject;
  std::string body;
  std::string diff; // the kernel sources' diff (read_diff), empty until read
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
// `paths` (optional) limits it to commits touching those directories or files.
std::vector<Commit> read_commits(const std::string& repo, const std::string& rev, size_t limit, const std::vector<std::string>& paths = {});
// `git show` of one commit limited to C, C++ and assembly files (under `paths`
// when given), at most `cap` bytes (cut at a line, with a note saying how much
// was left out); empty when the commit touched none. Throws Fatal "repo: …".
std::string read_diff(const std::string& repo, const std::string& hash, size_t cap, const std::vector<std::string>& paths = {});
// Keyword filter: performance vocabulary in the subject or body.
bool looks_like_optimisation(const Commit& c);
// Filter and assign (the pool's thoughts are indexed in a private in-memory database).
MineResult mine(const ideas::Pool& pool, const std::vector<Commit>& commits, double min_score);

} // namespace eok::mining
