// `eok ncnn tune`: tune the RISC-V layers of a user's NCNN tree and build in
// place (driver/ncnn/tune.hpp); winners go to the cache under the compiler
// launcher's keys, so the next build with `eok-launch` compiles them.
#include "app/commands_list.hpp"

#include "ncnn/tune.hpp"
#include "target/build_dir.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

void print_table(const std::vector<ncnn::OpReport>& reports)
{
  std::printf("%-14s %12s %12s %8s %6s  %-11s %s\n", "op", "ker0 cycles", "best cycles", "speedup", "SOL", "status", "what won");
  for (const auto& r : reports) {
    auto num = [](double v, int d) { return v > 0 ? util::fixed(v, d) : std::string("-"); };
    std::printf("%-14s %12s %12s %7sx %6s  %-11s %s\n", ("ncnn/" + r.op).c_str(), num(r.ker0_cycles, 0).c_str(),
                num(r.best_cycles, 0).c_str(), num(r.speedup, 3).c_str(), num(r.sol_fraction, 3).c_str(), ncnn::op_status_name(r.status),
                r.what.c_str());
  }
}

} // namespace

Command ncnn_tune_command()
{
  return {"ncnn tune",
          "tune an NCNN build's RISC-V layers in place (ker0 = the tree's src/layer/riscv/<op>_riscv.cpp, checked "
          "against NCNN's naive layer; the EoK search over whole replacements of the file when an LLM is configured); "
          "winners are used by builds through eok-launch",
          "--source DIR --build DIR (--op NAME... | --suite) [--candidate FILE]... [--ci] [--cache FILE]",
          {{"--source", true, false, "DIR  the NCNN source tree"},
           {"--build", true, false, "DIR  its configured riscv64 build (compile_commands.json, libncnn.a)"},
           {"--op", true, true, "NAME  an operation described in ncnn/ops/NAME.toml (repeatable)"},
           {"--suite", false, false, "every shipped operation description"},
           {"--op-file", true, true, "FILE  an operation description of your own (repeatable)"},
           {"--candidate", true, true, "FILE  a replacement of the op's file to evaluate too (one op only)"},
           {"--no-flags", false, false, "do not try ker0 under code-generation flags"},
           {"--baseline", false, false, "measure each op's ker0 only: store nothing, leave the build alone"},
           {"--ci", false, false, "evaluate nothing: report cached winners, exit 3 on a miss"},
           flag::cache("winners cache"),
           flag::cross_files(),
           flag::config(),
           flag::set()},
          [](Context& ctx, const Args& args) {
            apply_settings_flags(ctx, args);
            const auto& cfg = ctx.settings().get();
            ncnn::TuneRequest req;
            // absolute: compiles and links run in the directories of compile_commands.json
            req.source_dir = util::fs::absolute(args.required("--source")).string();
            req.build_dir = util::fs::absolute(args.required("--build")).string();
            req.cache_path = util::fs::absolute(args.value("--cache").value_or(cfg.cache_path)).string();
            req.ci = args.has("--ci");
            req.baseline = args.has("--baseline");
            req.seed = cfg.seed;
            req.runner_kind = cfg.runner;
            std::vector<std::string> names = args.values("--op");
            if (args.has("--suite")) {
              names = ncnn::shipped_op_names();
            }
            for (const auto& n : names) {
              const std::string path = ncnn::shipped_ops_dir() + "/" + n + ".toml";
              if (!util::fs::exists(path)) {
                throw UsageError("eok ncnn tune: no description for op '" + n + "' (" + path + ")");
              }
              req.ops.push_back(ncnn::load_op_spec(path));
            }
            for (const auto& f : args.values("--op-file")) {
              req.ops.push_back(ncnn::load_op_spec(f));
            }
            if (req.ops.empty()) {
              throw UsageError("eok ncnn tune: give --op NAME, --op-file FILE or --suite");
            }
            req.candidate_files = args.values("--candidate");
            if (!req.candidate_files.empty() && req.ops.size() != 1) {
              throw UsageError("eok ncnn tune: --candidate needs exactly one op");
            }
            if (!req.ci) {
              req.target = target::resolve_target(args.values("--cross-file"), "", cfg.cross_file, cfg.perf_model);
              req.flag_search = !args.has("--no-flags");
              req.settings = &ctx.settings(); // llm.provider decides whether the EoK search runs
            }
            const auto reports = ncnn::tune_ops(req, [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); });
            print_table(reports);
            int misses = 0, failed = 0;
            for (const auto& r : reports) {
              misses += r.status == ncnn::OpStatus::miss ? 1 : 0;
              failed += r.status == ncnn::OpStatus::failed ? 1 : 0;
            }
            if (req.ci && misses > 0) {
              std::fprintf(stderr, "eok ncnn tune --ci: %d op(s) without a cached winner for their exact key\n", misses);
              return cfg.ci_tolerate_misses ? k_exit_ok : k_exit_cache_miss;
            }
            return failed > 0 ? k_exit_failure : k_exit_ok;
          }};
}

} // namespace eok::app
