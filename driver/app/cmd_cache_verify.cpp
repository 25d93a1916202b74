// `eok cache verify [--all | KERNEL_DIR...]`: re-run stored winners through the
// evaluator here (tune/verify.hpp), and the verification `eok cache import` and
// `eok cache merge` run on what they bring in (unless --no-verify).
#include "app/cmd_cache_verify.hpp"
#include "app/cache_setup.hpp"
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "kernel/layout.hpp"
#include "tune/verify.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

std::vector<std::string> kernel_roots(const Args& args)
{
  std::vector<std::string> roots = args.values("--kernels");
  if (roots.empty() && util::fs::is_directory("kernels")) {
    roots.emplace_back("kernels");
  }
  return roots;
}

void report(const cache::Winner& w, const tune::VerifyOutcome& o)
{
  std::printf("%-12s  %-22s %s: %s\n", w.key.substr(0, 12).c_str(), w.kernel.c_str(), tune::verify_status_name(o.status), o.reason.c_str());
}

} // namespace

std::vector<FlagSpec> verify_flags()
{
  auto flags = cache_flags();
  flags.push_back({"--kernels", true, true, "DIR  kernel directories below DIR are what winners may belong to (default: ./kernels)"});
  return flags;
}

tune::WinnerVerifier make_verifier(Context& ctx, const Args& args, const CacheSetup& s, const std::vector<std::string>& kernel_dirs)
{
  std::vector<std::string> dirs = kernel_dirs;
  for (const auto& root : kernel_roots(args)) {
    for (auto& d : kernel::find_kernel_dirs(root)) {
      dirs.push_back(std::move(d));
    }
  }
  config::Config cfg = ctx.settings().get();
  cfg.runner = s.runner;
  return tune::WinnerVerifier(dirs, s.target(), cfg);
}

cache::Cache::Admit verifying_admit(tune::WinnerVerifier& verifier, int& rejected)
{
  return [&verifier, &rejected](const cache::Winner& w) -> std::optional<cache::Winner> {
    tune::VerifyOutcome o = verifier.verify(w);
    report(w, o);
    if (o.status == tune::VerifyOutcome::Status::passed) {
      return o.winner;
    }
    if (o.status == tune::VerifyOutcome::Status::failed) {
      ++rejected;
      return std::nullopt;
    }
    // Kept for the target it was tuned for, never applied until verified there.
    cache::Winner pending = w;
    pending.verified = false;
    pending.note = "imported, not verified here: `eok cache verify --all` with its target";
    return pending;
  };
}

Command cache_verify_command()
{
  auto flags = verify_flags();
  flags.push_back({"--all", false, false, "every stored winner (kernels found under --kernels)"});
  return {"cache verify", "re-run correctness and the measurement of stored winners here; reject those that fail or do not reproduce",
          "[--cache FILE] [--build-root DIR | --cross-file FILE...] [--kernels DIR]... (--all | KERNEL_DIR...)", flags,
          [](Context& ctx, const Args& args) {
            const bool all = args.has("--all");
            if (all == !args.positional().empty()) {
              throw UsageError("eok cache verify: expected --all or KERNEL_DIR...");
            }
            const CacheSetup s = cache_setup(ctx, args);
            cache::OpenMode mode;
            mode.create = false;
            cache::Cache c = cache::Cache::open(s.cache_path, mode);
            tune::WinnerVerifier verifier = make_verifier(ctx, args, s, args.positional());
            int passed = 0;
            int failed = 0;
            int skipped = 0;
            for (const auto& w : c.winners()) {
              if (!all && !verifier.kernel_for(w.key)) {
                continue;
              }
              const tune::VerifyOutcome o = verifier.verify(w);
              report(w, o);
              if (o.status == tune::VerifyOutcome::Status::passed) {
                c.replace_winner(o.winner);
                ++passed;
              } else if (o.status == tune::VerifyOutcome::Status::failed) {
                cache::Winner rejected = w;
                rejected.verified = false; // kept for inspection, never applied
                rejected.note = "rejected by eok cache verify: " + o.reason;
                c.replace_winner(rejected);
                ++failed;
              } else {
                ++skipped;
              }
            }
            std::printf("%d verified, %d rejected, %d not verifiable here\n", passed, failed, skipped);
            return failed > 0 ? k_exit_failure : k_exit_ok;
          }};
}

} // namespace eok::app
