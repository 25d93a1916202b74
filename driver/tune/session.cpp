#include "tune/session.hpp"

#include "cache/cache.hpp"
#include "cache/key.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "target/build_dir.hpp"
#include "target/target.hpp"
#include "tune/eok_search.hpp"
#include "tune/evaluator_cache_ports.hpp"
#include "tune/flags.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <thread>
#include <unistd.h>

namespace eok::tune {

namespace {

KernelTask make_task(const kernel::Spec& spec, const std::vector<FlagDim>& flags)
{
  KernelTask t;
  t.name = spec.suite + "/" + spec.name;
  t.source = spec.source_text;
  for (const auto& k : spec.knobs) {
    t.knobs.push_back({k.name, k.values, k.default_value});
  }
  t.knobs_valid = [&spec](const std::map<std::string, int64_t>& values) { return kernel::knobs_satisfy(spec, values); };
  t.flags = flags;
  return t;
}

std::string mode_line(const config::Config& cfg)
{
  if (cfg.ci) {
    return "CI mode (tune.ci): cached winners only, no LLM calls, no evaluation";
  }
  if (cfg.llm_provider == "none") {
    return "offline: no LLM configured (llm.provider = none): searching each kernel's knobs and "
           "code-generation flags with the evaluator";
  }
  return "EoK search with the " + cfg.llm_provider + " LLM provider, then a knob/flag post-pass";
}

} // namespace

SessionResult run_session(const SessionOptions& opts)
{
  const config::Config& cfg = opts.cfg;
  SessionResult result;
  result.mode = mode_line(cfg);
  auto& term = util::Terminal::instance();
  term.line("eok tune: " + result.mode);

  const target::Target target = target::resolve_target(opts.cross_files, opts.build_root, cfg.cross_file, cfg.perf_model);
  // CI mode only looks winners up: an existing cache is opened read-only, so a
  // restored cache in a read-only directory works.
  cache::OpenMode cache_mode;
  cache_mode.read_only = cfg.ci && util::fs::exists(cfg.cache_path);
  cache::Cache cache = cache::Cache::open(cfg.cache_path, cache_mode);

  std::vector<FlagDim> flags;
  if (!cfg.ci) {
    std::vector<FlagDim> wanted = cfg.tune_builtin_flags ? builtin_flag_dims(target) : std::vector<FlagDim>{};
    for (auto& d : parse_flag_dims(cfg.tune_flags)) {
      wanted.push_back(std::move(d));
    }
    // Per process (<name>-<pid>-<n>, so util::remove_stale_scratch clears it if this process is
    // killed), removed after probing: concurrent runs never share it and nothing is left behind.
    const std::string probe_dir = (util::fs::path(cfg.work_dir) / ("flag-probe-" + std::to_string(::getpid()) + "-0")).string();
    ProbeReport probe = probe_flag_dims(target, wanted, probe_dir);
    std::error_code probe_rm;
    util::fs::remove_all(probe_dir, probe_rm);
    for (const auto& d : probe.dropped) {
      result.notes.push_back("flag dropped (the compiler rejects it): " + d);
      term.warn("flag dropped (the compiler rejects it): " + d);
    }
    flags = std::move(probe.kept);
  }

  RunOptions ropts;
  ropts.ci = cfg.ci;
  ropts.search.strategy = cfg.tune_strategy;
  ropts.search.options = parse_options(cfg.tune_strategy, cfg.tune_options);
  ropts.search.budget = static_cast<size_t>(std::max<int64_t>(0, cfg.budget_evals));
  ropts.search.seed = cfg.seed;
  ropts.jobs = cfg.jobs > 0 ? static_cast<int>(cfg.jobs) : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  ropts.progress = [&term](const std::string& text) { term.progress(text); };

  for (const auto& dir : opts.kernel_dirs) {
    const kernel::Spec spec = kernel::load_spec(dir);
    cache::Key key = cache::make_key(cache::inputs_for_kernel_dir(dir, target, cfg.runner));
    EvaluatorCachePorts ports(spec, target, cfg, cache, key);
    std::string eok_note;
    if (!cfg.ci && cfg.llm_provider != "none") {
      ports.llm_search = [&]() { return run_eok_search({*opts.settings, spec, target, ports, cache}, eok_note); };
    }
    KernelReport report = tune_kernel(make_task(spec, flags), ports, ropts);
    ports.finish(report.status != KernelStatus::failed && !report.incomplete); // unfinished runs are resumed by the next one
    if (!eok_note.empty()) {
      report.detail = eok_note + (report.detail.empty() ? "" : "; " + report.detail);
    }
    if (report.llm_cycles > 0 && report.best_cycles > 0) {
      // No trials: the candidates read no knob and no flag is searched, or no budget was left.
      report.detail +=
          "; best LLM candidate " + util::fixed(perf::speedup(report.ker0_cycles, report.llm_cycles), 3) + "x over ker0, " +
          (report.trials.empty() ? std::string("no knob/flag post-pass")
                                 : "knob/flag post-pass: " + util::fixed(report.llm_cycles / report.best_cycles, 3) + "x over it");
    }
    term.end_progress();
    if (report.status == KernelStatus::miss) {
      ++result.misses;
    }
    term.line(report.kernel + ": " + kernel_status_name(report.status) + (report.detail.empty() ? "" : " (" + report.detail + ")"));
    result.reports.push_back(std::move(report));
  }
  return result;
}

} // namespace eok::tune
