// `eok ideas mine`: the EoK paper's idea mining over a kernel library's git
// history. Optimisation-like commits (keyword filter) are read with the diff of
// the kernel sources they touched; with an LLM each is distilled into a thought
// (mining/distill), thoughts are embedded and either assigned to the existing
// thought they match or clustered into proposed new thoughts (mining/proposal),
// written as one idea file for review. Without an LLM, BM25 over the commit
// messages assigns commits to existing thoughts (the fallback says so).
#include "app/commands_list.hpp"

#include "ideas/pool.hpp"
#include "llm/client.hpp"
#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "mining/mine.hpp"
#include "mining/proposal.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace eok::app {

namespace {

// A number in [lo, hi], said as the command has always said it.
double number_flag(const Args& args, const std::string& flag, double fallback, double lo, double hi)
{
  return args.number(flag, fallback, lo, hi, "a number in [" + util::fixed(lo, 0) + ", " + util::fixed(hi, 0) + "]");
}

size_t count_flag(const Args& args, const std::string& flag, size_t fallback)
{
  return static_cast<size_t>(args.integer(flag, static_cast<int64_t>(fallback), 1, INT64_MAX, "a positive number"));
}

std::string today()
{
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

void print_commits(const std::vector<mining::Commit>& commits, const char* indent)
{
  for (const auto& c : commits) {
    std::printf("%s%.10s %s\n", indent, c.hash.c_str(), c.subject.c_str());
  }
}

int bm25_fallback(const ideas::Pool& pool, const std::vector<mining::Commit>& commits, double min_score, const std::string& why)
{
  mining::MineResult res = mining::mine(pool, commits, min_score);
  std::printf("%s: BM25 fallback (commit messages matched against thoughts; no distillation, no embeddings, no proposal)\n", why.c_str());
  std::printf("%zu commits read, %zu look like optimisations, %zu assigned to thoughts\n", res.scanned, res.kept.size(),
              res.kept.size() - res.unassigned.size());
  for (const auto& idea : pool.ideas) {
    for (const auto& t : idea.thoughts) {
      auto it = res.assigned.find(t.id);
      if (it != res.assigned.end()) {
        std::printf("%s (%zu):\n", t.id.c_str(), it->second.size());
        print_commits(it->second, "  ");
      }
    }
  }
  if (!res.unassigned.empty()) {
    std::printf("unassigned (%zu, candidates for new thoughts):\n", res.unassigned.size());
    print_commits(res.unassigned, "  ");
  }
  return k_exit_ok;
}

void print_summary(const ideas::Pool& pool, const mining::Proposal& p)
{
  std::printf("%-36s %7s  %s\n", "existing thought", "commits", "best similarity");
  for (const auto& idea : pool.ideas) {
    for (const auto& t : idea.thoughts) {
      auto it = p.assigned.find(t.id);
      if (it == p.assigned.end()) {
        continue;
      }
      double best = 0;
      for (const auto& e : it->second) {
        best = std::max(best, e.similarity);
      }
      std::printf("%-36s %7zu  %s\n", t.id.c_str(), it->second.size(), util::fixed(best, 3).c_str());
      for (const auto& e : it->second) {
        std::printf("    %.10s %s\n", e.commit.hash.c_str(), e.commit.subject.c_str());
      }
    }
  }
  if (p.assigned.empty()) {
    std::printf("  (no distilled thought matched an existing one)\n");
  }
  std::printf("%-36s %7s  %s\n", "proposed new thought", "commits", "effectiveness");
  for (const auto& t : p.proposed) {
    std::printf("%-36s %7zu  %s\n", t.id.c_str(), t.commits.size(), util::fixed(t.effectiveness, 2).c_str());
    print_commits(t.commits, "    ");
  }
  if (p.proposed.empty()) {
    std::printf("  (none)\n");
  }
  for (const auto& f : p.failed) {
    std::printf("failed %.10s: %s\n", f.commit.hash.c_str(), f.result.failure.c_str());
  }
}

int mine(Context& ctx, const Args& args)
{
  if (!args.positional().empty()) {
    throw UsageError("eok ideas mine: unexpected argument '" + args.positional()[0] + "'");
  }
  apply_config_flags(ctx, args);
  const config::Config& cfg = ctx.settings().get();
  const std::string repo = args.required("--repo");
  const std::string rev = args.value("--rev").value_or("HEAD");
  const size_t limit = count_flag(args, "--limit", 2000);
  const double min_score = number_flag(args, "--min-score", 6.0, 0, 1e9);
  const size_t diff_bytes = count_flag(args, "--diff-bytes", 12000);
  mining::ProposeOptions po;
  po.assign_threshold = number_flag(args, "--assign", po.assign_threshold, -1, 1);
  po.cluster_threshold = number_flag(args, "--cluster", po.cluster_threshold, -1, 1);
  const std::string dir = args.value("--dir").value_or(ideas::resolve_data_dir(cfg.ideas_dir));
  const ideas::Pool pool = ideas::load_pool(dir);

  // The proposal is one idea file: its stem is the idea id, and it never lands in the pool itself.
  const std::string out = args.value("--out").value_or("");
  std::string idea_id;
  if (!out.empty()) {
    util::fs::path path(out);
    idea_id = path.stem().string();
    if (path.extension() != ".toml" || mining::slug(idea_id, 200) != idea_id) {
      throw UsageError(
          "eok ideas mine: --out must be NAME.toml with NAME an id (lowercase letters, digits, '-'): the idea id is the file name");
    }
    std::error_code ec;
    util::fs::path parent = util::fs::weakly_canonical(util::fs::absolute(path).parent_path(), ec);
    if (!ec && parent == util::fs::weakly_canonical(util::fs::absolute(pool.dir), ec)) {
      throw Fatal("eok ideas mine: --out " + out + " is inside the idea pool " + pool.dir + "; write the proposal elsewhere and review it");
    }
  }

  const std::vector<std::string> paths = args.values("--path");
  std::vector<mining::Commit> commits = mining::read_commits(repo, rev, limit, paths);
  if (args.has("--no-llm") || cfg.llm_provider == "none") {
    if (!out.empty()) {
      util::Terminal::instance().warn("ideas mine: no proposal without an LLM; " + out + " not written");
    }
    return bm25_fallback(pool, commits, min_score, args.has("--no-llm") ? "--no-llm" : "no LLM configured (llm.provider = none)");
  }
  if (cfg.llm_provider != "openai") {
    throw Fatal("eok ideas mine: needs a live endpoint for embeddings (llm.provider = \"openai\"), not \"" + cfg.llm_provider +
                "\"; --no-llm for the BM25 fallback");
  }

  std::vector<mining::Commit> kept;
  size_t no_source = 0;
  for (auto& c : commits) {
    if (!mining::looks_like_optimisation(c)) {
      continue;
    }
    c.diff = mining::read_diff(repo, c.hash, diff_bytes, paths);
    if (util::trim(c.diff).empty()) {
      ++no_source; // the evidence is code: a commit that changed no kernel source teaches nothing here
      continue;
    }
    kept.push_back(c);
  }
  std::printf("%zu commits read, %zu look like optimisations, %zu changed kernel sources (C, C++, assembly)\n", commits.size(),
              kept.size() + no_source, kept.size());

  std::unique_ptr<llm::Provider> provider = llm::make_provider(ctx.settings());
  llm::Meter meter = llm::Meter::from_config(cfg);
  std::string stopped;
  util::Terminal::instance().progress("ideas mine: distilling " + std::to_string(kept.size()) + " commits");
  std::vector<mining::DistillOutcome> outcomes =
      mining::distill_commits(*provider, meter, kept, static_cast<int>(cfg.llm_concurrency), stopped);
  util::Terminal::instance().end_progress();

  llm::Client embedder(llm::client_options(ctx.settings()));
  int embed_requests = 0;
  mining::Embed embed = [&embedder, &meter,
                         &embed_requests](const std::vector<std::string>& texts) -> Expected<std::vector<mining::Vector>> {
    ++embed_requests;
    auto r = embedder.embed(texts);
    if (!r) {
      return Expected<std::vector<mining::Vector>>::fail(r.error());
    }
    meter.add(r->usage, true, 1);
    return std::move(r->vectors);
  };
  mining::Proposal p = mining::propose(pool, outcomes, embed, po);

  std::printf("%zu distilled, %zu judged not reusable, %zu failed, %zu not sent\n", p.distilled, p.irrelevant.size(), p.failed.size(),
              p.not_sent);
  print_summary(pool, p);
  llm::Totals t = meter.totals();
  std::printf("llm: %lld completions (%lld failed) and %d embedding requests, %lld tokens, cost %s\n",
              static_cast<long long>(t.requests - embed_requests), static_cast<long long>(t.failed), embed_requests,
              static_cast<long long>(t.tokens()), util::fixed(t.cost, 6).c_str());
  if (!stopped.empty()) {
    std::printf("stopped: %s\n", stopped.c_str());
  }
  if (out.empty()) {
    std::printf("no --out: proposal not written\n");
  } else if (p.proposed.empty()) {
    std::printf("no new thought to propose: %s not written\n", out.c_str());
  } else {
    mining::ProposalHeader h{idea_id, repo, rev, cfg.llm_model, today(), commits.size(), kept.size() + no_source, po};
    std::string text = mining::proposal_toml(p, h);
    ideas::parse_idea(text, out); // what a reviewer would load: refuse to write anything the loader rejects
    util::write_file_atomic(out, text);
    std::printf("proposal: %s (%zu thought%s; review before moving into %s)\n", out.c_str(), p.proposed.size(),
                p.proposed.size() == 1 ? "" : "s", pool.dir.c_str());
  }
  return k_exit_ok;
}

} // namespace

Command ideas_mine_command()
{
  auto flags = config_flags();
  flags.push_back({"--dir", true, false, "DIR  idea pool directory (default: paths.ideas)"});
  flags.push_back({"--repo", true, false, "DIR  git repository of a kernel library (required)"});
  flags.push_back({"--rev", true, false, "REV  revision or range to read (default HEAD)"});
  flags.push_back({"--limit", true, false, "N  most recent commits read (default 2000)"});
  flags.push_back({"--path", true, true, "DIR  only commits and diffs under DIR (repeatable), e.g. src/layer/riscv"});
  flags.push_back({"--out", true, false, "NAME.toml  write proposed new thoughts as one idea file (never inside the pool)"});
  flags.push_back({"--diff-bytes", true, false, "N  diff of kernel sources shown per commit, at most (default 12000)"});
  flags.push_back({"--assign", true, false, "C  cosine to an existing thought that makes a commit its evidence (default 0.85)"});
  flags.push_back({"--cluster", true, false, "C  cosine to a cluster that joins it (default 0.85)"});
  flags.push_back({"--no-llm", false, false, "BM25 fallback even when an LLM is configured"});
  flags.push_back({"--min-score", true, false, "S  BM25 score a commit needs to join a thought (fallback; default 6)"});
  return {"ideas mine",
          "mine a library's optimisation commits: LLM-distil each (message + kernel diff) into a thought, assign by embeddings to "
          "existing thoughts or cluster into proposed new ones (--out); BM25 assignment without an LLM",
          "--repo DIR [--rev REV] [--limit N] [--path DIR] [--out NAME.toml]", flags, mine};
}

} // namespace eok::app
