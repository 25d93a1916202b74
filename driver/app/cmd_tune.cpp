// `eok tune`: search for faster versions of the given kernels and store winners
// in the cache (issues 5, 6, 7); the worker of `meson compile -C build eok-tune`.
// `--strategies` prints the knob/flag strategy table.
#include "app/commands_list.hpp"

#include "report/report.hpp"
#include "tune/session.hpp"
#include "tune/strategy.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <cstdio>
#include <vector>

namespace eok::app {

namespace {

void print_strategies()
{
  std::printf("%-14s %-18s %-9s %s\n", "strategy", "option", "default", "meaning");
  for (const auto& s : tune::strategy_table()) {
    std::printf("%-14s %s\n", s.name.c_str(), s.summary.c_str());
    for (const auto& o : s.options) {
      int decimals = o.default_value == static_cast<double>(static_cast<int64_t>(o.default_value)) ? 0 : 2;
      std::printf("%-14s %-18s %-9s %s\n", "", o.name.c_str(), util::fixed(o.default_value, decimals).c_str(), o.help.c_str());
    }
  }
  std::printf("\nchoose with tune.strategy (auto); options with tune.options=\"name=value,...\";\n"
              "budget.evals (meson option eok_budget_evals) overrides max_fevals.\n");
}

std::vector<FlagSpec> tune_flags()
{
  return {
      flag::config(),
      flag::set(),
      flag::cross_files(),
      {"--ci", false, false, "CI mode: cached winners only, no LLM calls; exit 3 on misses (tune.ci)"},
      flag::cache("winners cache"),
      flag::build_root("relative paths.work resolves here"),
      flag::runner(" (default: target.runner)"),
      {"--native-build", false, false, "set by a native Meson build: there is no target to tune for"},
      {"--report", true, false, "FILE  also write the results as JSON (schema_version 1)"},
      {"--strategies", false, false, "list the knob/flag search strategies with their options and defaults"},
  };
}

int run_tune(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  const auto cross = args.values("--cross-file");
  if (args.has("--ci")) {
    ctx.load.cli_sets.emplace_back("tune.ci=true");
  }
  if (auto c = args.value("--cache")) {
    ctx.load.cli_sets.push_back("paths.cache=" + *c);
  }
  if (auto r = runner_flag(args)) {
    ctx.load.cli_sets.push_back("target.runner=" + *r);
  }
  if (args.has("--native-build")) {
    throw Fatal("eok tune: this is a native Meson build; kernels are tuned for a cross target "
                "(meson setup build --cross-file cross/rv64gcv-qemu.ini)");
  }
  if (args.has("--strategies")) {
    print_strategies();
    return k_exit_ok;
  }
  if (args.positional().empty()) {
    throw UsageError("eok tune: give at least one kernel directory");
  }
  tune::SessionOptions opts;
  opts.settings = &ctx.settings();
  opts.cfg = ctx.settings().get();
  opts.cross_files = cross;
  opts.kernel_dirs = args.positional();
  opts.build_root = args.value("--build-root").value_or("");
  if (auto root = args.value("--build-root"); root && util::fs::path(opts.cfg.work_dir).is_relative()) {
    opts.cfg.work_dir = (util::fs::path(*root) / opts.cfg.work_dir).string();
  }
  tune::SessionResult result = tune::run_session(opts);
  std::printf("%s", tune::format_table(result.reports).c_str());
  std::vector<double> speedups; // the paper's summary (its Tables 2-4) over the kernels with figures
  for (const auto& r : result.reports) {
    if (r.ker0_cycles > 0) {
      speedups.push_back(r.speedup());
    }
  }
  if (!speedups.empty()) {
    report::Summary s = report::summarize(speedups);
    auto x = [](double v) { return util::fixed(v, 3) + "x"; };
    std::printf("summary: %d of %d improved; speedup mean %s, max %s, 75%% %s, 50%% %s, 25%% %s\n", s.improved, s.tasks, x(s.mean).c_str(),
                x(s.max).c_str(), x(s.p75).c_str(), x(s.p50).c_str(), x(s.p25).c_str());
  }
  std::fflush(stdout);
  if (auto path = args.value("--report")) {
    util::write_file_atomic(*path, tune::reports_json(result.reports));
  }
  bool failed = false;
  for (const auto& r : result.reports) {
    failed = failed || r.status == tune::KernelStatus::failed;
  }
  if (result.misses > 0) {
    std::string what = std::to_string(result.misses) + " kernel(s) without a cached winner for their exact key";
    if (!opts.cfg.ci_tolerate_misses) {
      util::Terminal::instance().line("eok tune: " + what + " (CI mode: exit 3; tune.ci_tolerate_misses = true warns instead)");
      return k_exit_cache_miss;
    }
    util::Terminal::instance().warn(what + " (tolerated: tune.ci_tolerate_misses)");
  }
  return failed ? k_exit_failure : k_exit_ok;
}

} // namespace

Command tune_command()
{
  return {"tune", "search for faster kernels and store the winners in the cache",
          "[--ci] [--cache FILE] [--cross-file FILE]... [--build-root DIR] [--report FILE] KERNEL_DIR... | --strategies", tune_flags(),
          run_tune};
}

} // namespace eok::app
