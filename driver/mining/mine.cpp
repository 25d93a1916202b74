#include "mining/mine.hpp"

#include "rag/index.hpp"
#include "store/sqlite_db.hpp"
#include "util/error.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace eok::mining {

std::vector<Commit> read_commits(const std::string& repo, const std::string& rev, size_t limit, const std::vector<std::string>& paths)
{
  util::ProcessSpec spec;
  // Fields separated by US, records by RS: commit messages may contain anything else.
  spec.argv = {"git", "-C", repo, "log", "--no-color", "--format=%H%x1f%s%x1f%b%x1e", "-n", std::to_string(limit), rev, "--"};
  spec.argv.insert(spec.argv.end(), paths.begin(), paths.end());
  spec.timeout = std::chrono::seconds(120);
  spec.output_cap = size_t{64} << 20;
  util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    std::string why = r.status == util::ProcessResult::Status::spawn_failed ? r.error : util::trim(r.err);
    throw Fatal(located(repo, 0, "git log " + rev + " failed: " + (why.empty() ? r.describe() : why)));
  }
  std::vector<Commit> out;
  for (const auto& record : util::split(r.out, '\x1e')) {
    auto fields = util::split(util::trim(record), '\x1f');
    if (fields.size() < 2 || fields[0].empty()) {
      continue;
    }
    out.push_back({fields[0], fields[1], fields.size() > 2 ? util::trim(fields[2]) : "", ""});
  }
  return out;
}

std::string read_diff(const std::string& repo, const std::string& hash, size_t cap, const std::vector<std::string>& paths)
{
  util::ProcessSpec spec;
  // First parent only: a merge shows what it brought in, once.
  spec.argv = {"git", "-C", repo, "show", "--no-color", "--no-ext-diff", "--first-parent", "--format=", "-U3", hash, "--"};
  static const char* const k_sources[] = {"c", "h", "cc", "cpp", "cxx", "hpp", "hh", "S", "s", "inc", "asm"};
  for (const std::string& dir : paths.empty() ? std::vector<std::string>{""} : paths) {
    std::string base = util::trim(dir);
    while (!base.empty() && base.back() == '/') {
      base.pop_back();
    }
    for (const char* ext : k_sources) { // glob magic: `**/` is any depth, zero included
      spec.argv.push_back(":(glob)" + (base.empty() ? "" : base + "/") + "**/*." + ext);
    }
  }
  spec.timeout = std::chrono::seconds(60);
  spec.output_cap = size_t{256} << 20; // huge commits (vendored code) are read, then cut
  util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    std::string why = r.status == util::ProcessResult::Status::spawn_failed ? r.error : util::trim(r.err);
    throw Fatal(located(repo, 0, "git show " + hash + " failed: " + (why.empty() ? r.describe() : why)));
  }
  if (r.out.size() <= cap) {
    return r.out;
  }
  size_t cut = r.out.rfind('\n', cap);
  cut = cut == std::string::npos ? cap : cut + 1;
  return r.out.substr(0, cut) + "[diff cut: " + std::to_string(r.out.size() - cut) + " of " + std::to_string(r.out.size()) +
         " bytes left out]\n";
}

bool looks_like_optimisation(const Commit& c)
{
  static const std::vector<std::string> words = {
      "optimi",  "speed",      "faster",    "perf",  "vectori", "rvv",   "simd",   "intrinsic", "unroll",    "prefetch", "lmul",
      "latency", "throughput", "bandwidth", "cache", "fma",     "fused", "kernel", "tun",       "accelerat", "slow",     "cycles",
  };
  std::string text = c.subject + "\n" + c.body;
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return std::any_of(words.begin(), words.end(), [&text](const std::string& w) { return text.find(w) != std::string::npos; });
}

MineResult mine(const ideas::Pool& pool, const std::vector<Commit>& commits, double min_score)
{
  store::Db db = store::Db::open_memory();
  rag::Index index(db);
  index.rebuild(rag::chunk_thoughts(pool), "mine");
  MineResult res;
  res.scanned = commits.size();
  for (const auto& c : commits) {
    if (!looks_like_optimisation(c)) {
      continue;
    }
    res.kept.push_back(c);
    auto hits = index.query(c.subject + "\n" + c.body, 1);
    if (!hits.empty() && -hits[0].score >= min_score) {
      res.assigned[hits[0].chunk.title.substr(std::string("thought ").size())].push_back(c);
    } else {
      res.unassigned.push_back(c);
    }
  }
  return res;
}

} // namespace eok::mining
