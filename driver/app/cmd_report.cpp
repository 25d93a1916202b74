// `eok report`: one self-contained HTML file (or Markdown for CI logs) from the
// cache: the paper's summary, speedup and SOL per kernel, convergence, the idea
// pool's record, verdicts and each winner's lineage (driver/report/).
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "ideas/pool.hpp"
#include "report/report.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"

#include <cstdio>
#include <optional>

namespace eok::app {

namespace {

cache::Cache open_for_reading(const std::string& path)
{
  if (!util::fs::is_regular_file(path)) {
    throw Fatal(located(path, 0, "no such cache file (tune first, or give --cache FILE)"));
  }
  cache::OpenMode mode;
  mode.create = false;
  mode.read_only = true;
  mode.stamps = false;
  return cache::Cache::open(path, mode);
}

bool all_digits(const std::string& s)
{
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

Command report_command()
{
  auto flags = config_flags();
  flags.push_back(flag::cache("the cache to report on"));
  flags.push_back({"--run", true, false, "ID  one run (eok cache show lists them); default: the newest run of each kernel"});
  flags.push_back({"--last", false, false, "the newest run of each kernel (the default)"});
  flags.push_back(
      {"--compare", true, false, "RUN|FILE  put a second run (an id in the same cache) or another cache's newest runs beside it"});
  flags.push_back({"--format", true, false, "html|md  HTML file (default) or Markdown"});
  flags.push_back({"--out", true, false, "FILE  where to write (default: report.html; Markdown goes to stdout)"});
  return {"report", "write a self-contained HTML (or Markdown) report of tuning runs from the cache",
          "[--cache F] [--run ID | --last] [--compare RUN|FILE] [--format html|md] [--out F]", flags, [](Context& ctx, const Args& args) {
            apply_config_flags(ctx, args);
            if (args.has("--run") && args.has("--last")) {
              throw UsageError("eok report: --run and --last exclude each other");
            }
            const std::string format = args.value("--format").value_or("html");
            if (format != "html" && format != "md") {
              throw UsageError("eok report: --format expects html or md, got '" + format + "'");
            }
            const config::Config& cfg = ctx.settings().get();
            const std::string path = args.value("--cache").value_or(cfg.cache_path);
            cache::Cache c = open_for_reading(path);
            report::Selection sel;
            if (args.has("--run")) {
              sel.run = args.integer("--run", 0, 1, INT64_MAX, "a run id (a positive integer)");
            }
            // The pool gives priors and unused thoughts; a report is still useful without it.
            std::optional<ideas::Pool> pool;
            const std::string ideas_dir = ideas::resolve_data_dir(cfg.ideas_dir);
            if (util::fs::is_directory(ideas_dir)) {
              pool = ideas::load_pool(ideas_dir);
            }
            const report::Report r = report::build(c, sel, pool ? &*pool : nullptr);
            std::optional<report::Report> cmp;
            std::optional<cache::Cache> other;
            if (auto what = args.value("--compare")) {
              if (all_digits(*what) && !util::fs::exists(*what)) {
                cmp = report::build(c, {std::stoll(*what)}, pool ? &*pool : nullptr);
              } else {
                other.emplace(open_for_reading(*what));
                cmp = report::build(*other, {}, pool ? &*pool : nullptr);
              }
            }
            const std::string text = format == "md" ? report::markdown(r, cmp ? &*cmp : nullptr) : report::html(r, cmp ? &*cmp : nullptr);
            const std::optional<std::string> out = args.value("--out");
            if (format == "md" && !out) {
              std::fputs(text.c_str(), stdout);
              return k_exit_ok;
            }
            const std::string file = out.value_or("report.html");
            util::write_file_atomic(file, text);
            std::printf("%s: %zu kernels, %d of %d improved, median %.3fx\n", file.c_str(), r.kernels.size(), r.overall.improved,
                        r.overall.tasks, r.overall.p50);
            return k_exit_ok;
          }};
}

} // namespace eok::app
