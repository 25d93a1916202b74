// `eok cache list|show|explain`: look into the winners cache.
#include "app/cache_setup.hpp"
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

cache::Cache open_existing(const std::string& path)
{
  cache::OpenMode mode;
  mode.create = false;
  mode.read_only = true; // list, show and explain only read: a read-only directory is fine
  mode.stamps = false;
  return cache::Cache::open(path, mode);
}

// The one winner whose key starts with `prefix`; Fatal when none or several.
cache::Winner winner_by_prefix(cache::Cache& c, const std::string& prefix)
{
  std::vector<cache::Winner> hits;
  for (auto& w : c.winners()) {
    if (util::starts_with(w.key, prefix)) {
      hits.push_back(std::move(w));
    }
  }
  if (hits.size() != 1) {
    throw Fatal(located(c.path(), 0, (hits.empty() ? "no winner with a key starting " : "several winners with keys starting ") + prefix));
  }
  return hits.front();
}

bool looks_like_key(const std::string& s)
{
  return s.size() >= 4 && s.size() <= 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos && !util::fs::exists(s);
}

std::string flags_and_defines(const cache::Winner& w)
{
  std::vector<std::string> parts;
  for (const auto& kv : w.defines) {
    parts.push_back(kv.first + "=" + std::to_string(kv.second));
  }
  parts.insert(parts.end(), w.flags.begin(), w.flags.end());
  return parts.empty() ? "-" : util::join(parts, " ");
}

} // namespace

Command cache_list_command()
{
  return {"cache list", "list the winners in the cache", "[--cache FILE]", cache_flags(), [](Context& ctx, const Args& args) {
            const CacheSetup s = cache_setup(ctx, args);
            cache::Cache c = open_existing(s.cache_path);
            std::printf("%-12s  %-22s %8s %12s %6s  %-6s %-19s %s\n", "key", "kernel", "speedup", "cycles", "sol", "runner", "created",
                        "applies");
            for (const auto& w : c.winners()) {
              std::printf("%-12s  %-22s %7sx %12s %6s  %-6s %-19s %s%s\n", w.key.substr(0, 12).c_str(), w.kernel.c_str(),
                          util::fixed(w.speedup, 2).c_str(), util::fixed(w.cycles, 0).c_str(), util::fixed(w.sol_fraction, 3).c_str(),
                          w.runner.c_str(), w.created_at.c_str(), flags_and_defines(w).c_str(),
                          !w.verified   ? "  (unverified: never applied)"
                          : !w.intact() ? "  (fails its integrity check: never applied)"
                                        : "");
            }
            const auto runs = c.runs();
            std::printf("%zu winners, %zu runs\n", c.winners().size(), runs.size());
            return k_exit_ok;
          }};
}

Command cache_show_command()
{
  return {"cache show", "show one winner: figures, provenance, key fields and source", "[--cache FILE] KEY-PREFIX", cache_flags(),
          [](Context& ctx, const Args& args) {
            if (args.positional().size() != 1) {
              throw UsageError("eok cache show: expected one KEY-PREFIX");
            }
            const CacheSetup s = cache_setup(ctx, args);
            cache::Cache c = open_existing(s.cache_path);
            const cache::Winner w = winner_by_prefix(c, args.positional()[0]);
            std::printf("key           = %s\n", w.key.c_str());
            std::printf("kernel        = %s\n", w.kernel.c_str());
            std::printf("verified      = %s\n", w.verified ? "yes" : "no");
            std::printf("integrity     = %s\n", w.intact() ? "intact" : "FAILS (edited outside eok?): never applied; `eok cache verify`");
            std::printf("trusted as    = %s\n", w.note.empty() ? "-" : w.note.c_str());
            std::printf("cycles        = %s\n", util::fixed(w.cycles, 0).c_str());
            std::printf("speedup       = %sx over ker0\n", util::fixed(w.speedup, 3).c_str());
            std::printf("sol_fraction  = %s\n", util::fixed(w.sol_fraction, 3).c_str());
            std::printf("runner        = %s (%s)\n", w.runner.c_str(), w.model_version.c_str());
            std::printf("created       = %s UTC\n", w.created_at.c_str());
            std::printf("applies       = %s\n", flags_and_defines(w).c_str());
            std::printf("provenance    = run %s, slot %s, idea %s, thought %s, llm %s, parent %s\n",
                        w.run_uid.empty() ? "-" : w.run_uid.c_str(), w.candidate_slot.empty() ? "-" : w.candidate_slot.c_str(),
                        w.idea.empty() ? "-" : w.idea.c_str(), w.thought.empty() ? "-" : w.thought.c_str(),
                        w.llm_model.empty() ? "-" : w.llm_model.c_str(), w.parent.empty() ? "-" : w.parent.c_str());
            if (!w.key_explain.empty()) {
              std::printf("\n%s", w.key_explain.c_str());
            }
            std::printf("\n--- source ---\n%s", w.source.c_str());
            return k_exit_ok;
          }};
}

Command cache_explain_command()
{
  return {"cache explain", "print the fields of a kernel's key now (SOURCE or KERNEL_DIR), or of a stored key (KEY-PREFIX)",
          "[--cache FILE] [--build-root DIR | --cross-file FILE...] [--runner KIND] (SOURCE | KERNEL_DIR | KEY-PREFIX)", cache_flags(),
          [](Context& ctx, const Args& args) {
            if (args.positional().size() != 1) {
              throw UsageError("eok cache explain: expected one SOURCE, KERNEL_DIR or KEY-PREFIX");
            }
            const std::string what = args.positional()[0];
            const CacheSetup s = cache_setup(ctx, args);
            if (looks_like_key(what)) {
              cache::Cache c = open_existing(s.cache_path);
              const cache::Winner w = winner_by_prefix(c, what);
              std::printf("%s", w.key_explain.empty() ? ("key = " + w.key + "\n  (fields not recorded)\n").c_str() : w.key_explain.c_str());
              return k_exit_ok;
            }
            const target::Target t = s.target();
            const cache::KeyInputs in = util::fs::is_directory(what) ? cache::inputs_for_kernel_dir(what, t, s.runner)
                                                                     : cache::inputs_for_source(what, t, s.runner);
            const cache::Key key = cache::make_key(in);
            std::printf("%s", key.explain().c_str());
            if (!util::fs::exists(s.cache_path)) {
              std::printf("cache %s: missing\n", s.cache_path.c_str());
              return k_exit_ok;
            }
            cache::Cache c = open_existing(s.cache_path);
            const auto w = c.find_winner(key.hex);
            std::printf("cache %s: %s\n", s.cache_path.c_str(),
                        w ? ("winner, " + util::fixed(w->speedup, 2) + "x over ker0").c_str() : "no verified winner");
            return k_exit_ok;
          }};
}

} // namespace eok::app
