// `eok perf validate`: the X60 model against the published figures it was built from.
// `eok perf bench`: evaluation time under QEMU with and without the counting plugin.
// `eok perf measure`: one program (with the region-of-interest markers) through a runner.
#include "app/commands_list.hpp"

#include "perf/mca.hpp"
#include "perf/runner.hpp"
#include "perf/validate.hpp"
#include "target/target.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace eok::app {

namespace {

void print_rows(const char* header, const std::vector<perf::ValidationRow>& rows, const char* format)
{
  std::printf("%s\n", header);
  double sum = 0, worst = 0;
  for (const auto& r : rows) {
    std::printf(format, r.name.c_str(), r.published, r.model, 100 * r.error(), r.note.c_str());
    sum += std::fabs(r.error());
    worst = std::max(worst, std::fabs(r.error()));
  }
  std::printf("mean |error| %.1f%%, max |error| %.1f%% over %zu rows\n\n",
              rows.empty() ? 0.0 : 100 * sum / static_cast<double>(rows.size()), 100 * worst, rows.size());
}

// The whole-kernel rows under both models, side by side (same rows, same order).
void print_models(const std::vector<perf::ValidationRow>& table, const std::vector<perf::ValidationRow>& sched)
{
  std::printf("Whole kernels the models were not fitted on, elements (bytes; byteswap: 4-byte words) per cycle (rvv-bench's\n"
              "byteswap32, memreverse, strlen, utf8_count, LUT4, mergelines 2/3; eok's own equivalents, driver/perf/x60_kernels.c):\n"
              "model \"table\" (v1: per-instruction costs) vs \"sched\" (v2: loops on an in-order dual-issue X60 pipeline model\n"
              "with LLVM's X60 latencies from llvm-mca-22, a decoupled vector unit and its round trip to the scalar pipe)\n"
              "kernel                                 published     table    error     sched    error  level\n");
  double sum[2] = {0, 0}, worst[2] = {0, 0};
  for (size_t i = 0; i < table.size() && i < sched.size(); ++i) {
    const auto& a = table[i];
    const auto& b = sched[i];
    std::printf("%-37s %10.3f %9.3f %+7.1f%% %9.3f %+7.1f%%  %s\n", a.name.c_str(), a.published, a.model, 100 * a.error(), b.model,
                100 * b.error(), a.note.c_str());
    sum[0] += std::fabs(a.error());
    sum[1] += std::fabs(b.error());
    worst[0] = std::max(worst[0], std::fabs(a.error()));
    worst[1] = std::max(worst[1], std::fabs(b.error()));
  }
  auto n = static_cast<double>(std::max<size_t>(1, table.size()));
  std::printf("table: mean |error| %.1f%%, max |error| %.1f%%; sched: mean |error| %.1f%%, max |error| %.1f%% over %zu rows\n",
              100 * sum[0] / n, 100 * worst[0], 100 * sum[1] / n, 100 * worst[1], table.size());
  // Per implementation family (the kernel and its scalar or RVV-at-some-LMUL form, all sizes):
  // the target is that no family is off by more than 30% on average.
  std::map<std::string, std::array<double, 3>> family; // |error| sums (table, sched), rows
  for (size_t i = 0; i < table.size() && i < sched.size(); ++i) {
    std::string name = table[i].name.substr(0, table[i].name.find(" n="));
    size_t m = name.rfind("_m");
    std::string key = name.find("scalar") != std::string::npos ? name : name.substr(0, m == std::string::npos ? name.size() : m);
    auto& f = family[key];
    f[0] += std::fabs(table[i].error());
    f[1] += std::fabs(sched[i].error());
    f[2] += 1;
  }
  std::printf("by implementation family, mean |error| (table / sched):");
  for (const auto& [name, f] : family) {
    std::printf("\n  %-30s %6.1f%% %6.1f%%", name.c_str(), 100 * f[0] / f[2], 100 * f[1] / f[2]);
  }
  std::printf("\n\n");
}

target::Target load(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  target::Target t = target::load_target({ctx.settings().get().cross_file});
  if (!ctx.settings().get().perf_model.empty()) {
    t.model = ctx.settings().get().perf_model;
  }
  return t;
}

auto progress = [](const std::string& what) { util::Terminal::instance().progress(what); };

} // namespace

Command perf_validate_command()
{
  return {"perf validate", "compare the X60 model with published whole-kernel figures, the memcpy curve and the per-instruction figures",
          "[--cross-file FILE]", config_flags(), [](Context& ctx, const Args& args) {
            target::Target t = load(ctx, args);
            util::TempDir dir("eok-validate");
            perf::Validation v = perf::validate_model(t, dir.path().string(), progress);
            util::Terminal::instance().end_progress();
            std::printf("X60 model vs published figures (rvv-bench, camel-cdr/rvv-bench-results, spacemit_x60)\n\n");
            if (v.kernels_sched.empty()) {
              print_rows("Whole kernels the model was not fitted on, elements per cycle (rvv-bench's six whole-kernel "
                         "families; eok's own equivalents; llvm-mca-22 missing: model \"table\" only)\n"
                         "kernel                                 published     model    error  level",
                         v.kernels, "%-37s %10.3f %9.3f %+7.1f%%  %s\n");
            } else {
              print_models(v.kernels, v.kernels_sched);
            }
            print_rows("Self-consistency: the cost table against the per-instruction figures it was built from, cycles\n"
                       "(microkernel: 64 copies x 50 loop iterations, counted by the plugin; says nothing about kernels)\n"
                       "instruction                 published     model    error",
                       v.instructions, "%-26s %10.2f %9.2f %+7.1f%%%s\n");
            print_rows("memcpy rvv e8m8, bytes copied per cycle by size (model working set: source + destination)\n"
                       "size                        published     model    error  level",
                       v.memcpy, "%-26s %10.2f %9.2f %+7.1f%%  %s\n");
            std::string mca = perf::find_mca();
            if (mca.empty()) {
              std::printf("llvm-mca-22 is not installed: no cross-check against LLVM's X60 scheduling model\n");
              return k_exit_ok;
            }
            const perf::CostTable* table = perf::CostTable::builtin(t.core);
            std::printf("Loop bodies, cycles per iteration: this model vs %s -mcpu=spacemit-x60\n"
                        "(the model adds throughput costs; llvm-mca also models latency stalls)\n"
                        "loop                        llvm-mca     model  difference\n",
                        mca.c_str());
            for (const auto& r : perf::mca_crosscheck(*table, mca)) {
              std::printf("%-26s %10.2f %9.2f %+9.1f%%\n", r.name.c_str(), r.mca, r.model,
                          r.mca > 0 ? 100 * (r.model - r.mca) / r.mca : 0.0);
            }
            return k_exit_ok;
          }};
}

Command perf_bench_command()
{
  auto flags = config_flags();
  flags.push_back({"--repeat", true, false, "N  runs per shape and mode, median taken (default 3)"});
  return {"perf bench", "time QEMU runs with and without the model's counting plugin (small and large shape)",
          "[--repeat N] [--cross-file FILE]", flags, [](Context& ctx, const Args& args) {
            target::Target t = load(ctx, args);
            int repeat = std::max(1, std::stoi(args.value("--repeat").value_or("3")));
            util::TempDir dir("eok-bench");
            auto rows = perf::bench_plugin(t, dir.path().string(), repeat, progress);
            util::Terminal::instance().end_progress();
            std::printf("QEMU evaluation time, median of %d runs each (same session)\n", repeat);
            std::printf("%-24s %12s %12s %8s\n", "shape", "plain s", "plugin s", "ratio");
            for (const auto& r : rows) {
              std::printf("%-24s %12.3f %12.3f %7.2fx\n", r.shape.c_str(), r.plain_seconds, r.model_seconds,
                          r.plain_seconds > 0 ? r.model_seconds / r.plain_seconds : 0.0);
            }
            return k_exit_ok;
          }};
}

Command perf_measure_command()
{
  auto flags = config_flags();
  flags.push_back(flag::runner(" (default: target.runner)"));
  flags.push_back({"--flops", true, false, "N  necessary arithmetic, for the speed-of-light bound"});
  flags.push_back({"--bytes", true, false, "N  necessary bytes read + written (also the working set)"});
  flags.push_back({"--bits", true, false, "N  element width of the arithmetic (default 32)"});
  return {"perf measure", "measure one program (ROI marked by slti x0,x0,1 / slti x0,x0,2) with a runner",
          "[--runner KIND] [--flops N] [--bytes N] [--bits N] -- PROGRAM [ARGS...]", flags, [](Context& ctx, const Args& args) {
            if (args.positional().empty()) {
              throw UsageError("eok perf measure: missing PROGRAM (after --)");
            }
            target::Target t = load(ctx, args);
            std::string kind = args.value("--runner").value_or(ctx.settings().get().runner);
            perf::SolInputs sol;
            const double inf = std::numeric_limits<double>::infinity();
            sol.flops = args.number("--flops", 0, 0, inf, "a non-negative number");
            sol.bytes = args.number("--bytes", 0, 0, inf, "a non-negative number");
            const double bits = args.number("--bits", 32, 0, inf, "a non-negative number");
            if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
              throw UsageError("eok perf measure: --bits is the element width: 8, 16, 32 or 64");
            }
            sol.element_bits = static_cast<int>(bits);
            auto runner = perf::make_runner(kind, t);
            auto m = runner->measure(args.positional(), sol);
            if (!m) {
              throw Fatal(m.error());
            }
            std::printf("runner       = %s\n", m->runner.c_str());
            std::printf("version      = %s\n", m->model_version.c_str());
            std::printf("cycles       = %.1f\n", m->cycles);
            std::printf("spread       = %.4f\n", m->spread);
            std::printf("sol_cycles   = %.1f\n", m->sol_cycles);
            std::printf("sol_fraction = %.4f\n", m->sol_fraction);
            std::printf("bound        = %s\n", m->bound.c_str());
            if (!m->board.empty()) {
              std::printf("board        = %s\n", m->board.c_str());
            }
            std::printf("detail       = %s\n", m->detail_json.c_str());
            return k_exit_ok;
          }};
}

} // namespace eok::app
