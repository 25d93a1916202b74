// `eok cache export|import|merge|gc`: move tuning results between caches (CI
// jobs, machines) and drop what no kernel uses any more.
#include "app/cache_setup.hpp"
#include "app/cmd_cache_verify.hpp"
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>
#include <optional>
#include <set>

namespace eok::app {

Command cache_export_command()
{
  return {"cache export", "write a portable copy of the whole cache (a SQLite file) to OUT", "[--cache FILE] OUT", cache_flags(),
          [](Context& ctx, const Args& args) {
            if (args.positional().size() != 1) {
              throw UsageError("eok cache export: expected OUT");
            }
            const CacheSetup s = cache_setup(ctx, args);
            cache::OpenMode mode;
            mode.create = false;
            cache::Cache c = cache::Cache::open(s.cache_path, mode);
            c.export_to(args.positional()[0]);
            std::printf("exported %zu winners, %zu runs to %s\n", c.winners().size(), c.runs().size(), args.positional()[0].c_str());
            return k_exit_ok;
          }};
}

namespace {

int merge_files(Context& ctx, const Args& args, const char* verb)
{
  if (args.positional().empty()) {
    throw UsageError(std::string("eok cache ") + verb + ": expected FILE...");
  }
  const CacheSetup s = cache_setup(ctx, args);
  cache::Cache c = cache::Cache::open(s.cache_path);
  // What comes from elsewhere is re-verified here before a build can substitute it
  // (DESIGN.md invariant 9), unless the user vouches for it with --no-verify.
  std::optional<tune::WinnerVerifier> verifier;
  if (!args.has("--no-verify")) {
    verifier.emplace(make_verifier(ctx, args, s, {}));
  }
  int rejected = 0;
  for (const auto& f : args.positional()) {
    const int changed = verifier ? c.merge_from(f, verifying_admit(*verifier, rejected)) : c.merge_from(f);
    std::printf("%s %s: %d winners added or improved\n", verb, f.c_str(), changed);
  }
  if (rejected > 0) {
    std::printf("%d winners rejected by verification (not brought in)\n", rejected);
  }
  return rejected > 0 ? k_exit_failure : k_exit_ok;
}

std::vector<FlagSpec> merge_flags()
{
  auto flags = verify_flags();
  flags.push_back({"--no-verify", false, false, "bring winners in as they are, without re-running them here"});
  return flags;
}

} // namespace

Command cache_import_command()
{
  return {"cache import", "import an exported cache file; its winners are verified here first (better verified winner per key)",
          "[--cache FILE] [--kernels DIR]... [--no-verify] FILE...", merge_flags(),
          [](Context& ctx, const Args& args) { return merge_files(ctx, args, "import"); }};
}

Command cache_merge_command()
{
  return {"cache merge", "merge other caches into this one (runs, candidates; winners verified here first, better per key)",
          "[--cache FILE] [--kernels DIR]... [--no-verify] OTHER...", merge_flags(),
          [](Context& ctx, const Args& args) { return merge_files(ctx, args, "merge"); }};
}

Command cache_gc_command()
{
  auto flags = cache_flags();
  flags.push_back({"--dry-run", false, false, "only list what would be removed"});
  return {"cache gc", "remove winners and runs whose key matches none of the given kernels (current target, runner)",
          "[--cache FILE] [--build-root DIR | --cross-file FILE...] [--dry-run] (KERNEL_DIR | SOURCE)...", flags,
          [](Context& ctx, const Args& args) {
            const CacheSetup s = cache_setup(ctx, args);
            const target::Target t = s.target();
            std::set<std::string> live;
            for (const auto& k : args.positional()) {
              const cache::KeyInputs in =
                  util::fs::is_directory(k) ? cache::inputs_for_kernel_dir(k, t, s.runner) : cache::inputs_for_source(k, t, s.runner);
              live.insert(cache::make_key(in).hex);
            }
            cache::OpenMode mode;
            mode.create = false;
            cache::Cache c = cache::Cache::open(s.cache_path, mode);
            const bool dry = args.has("--dry-run");
            size_t winners = 0;
            for (const auto& w : c.winners()) {
              if (live.count(w.key) == 0) {
                std::printf("%s winner %s %s\n", dry ? "would remove" : "removed", w.key.substr(0, 12).c_str(), w.kernel.c_str());
                if (!dry) {
                  c.remove_winner(w.key);
                }
                ++winners;
              }
            }
            size_t runs = 0;
            for (const auto& r : c.runs()) {
              if (live.count(r.key) == 0) {
                ++runs;
                if (!dry) {
                  c.remove_run(r.id);
                }
              }
            }
            std::printf("%s %zu winners and %zu runs (with their candidates); %zu kept\n", dry ? "would remove" : "removed", winners, runs,
                        c.winners().size() - (dry ? winners : 0));
            return k_exit_ok;
          }};
}

} // namespace eok::app
