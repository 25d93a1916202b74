// `eok eval-bench`: evaluator throughput (issue 3 "Benchmark"): candidates evaluated
// per minute on this machine, with the time split into compile, correctness run and
// performance run; independent candidates run in parallel up to eval.jobs.
#include "app/commands_list.hpp"
#include "app/eval_setup.hpp"

#include "eval/evaluator.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"
#include "util/workers.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

namespace eok::app {

namespace {

using Clock = std::chrono::steady_clock;

// Every valid knob combination of the spec, in a fixed order (the candidates cycle through them).
std::vector<std::map<std::string, int64_t>> knob_settings(const kernel::Spec& spec)
{
  std::vector<std::map<std::string, int64_t>> all = {{}};
  for (const auto& k : spec.knobs) {
    std::vector<std::map<std::string, int64_t>> next;
    for (const auto& partial : all) {
      for (int64_t v : k.values) {
        auto m = partial;
        m[k.name] = v;
        next.push_back(m);
      }
    }
    all = next;
  }
  std::vector<std::map<std::string, int64_t>> valid;
  for (const auto& m : all) {
    if (kernel::knobs_satisfy(spec, m)) {
      valid.push_back(m);
    }
  }
  return valid;
}

void bench_kernel(Context& ctx, const std::string& dir, int64_t count, int jobs, bool measure)
{
  kernel::Spec spec = kernel::load_spec(dir);
  target::Target t = load_eval_target(ctx, dir);
  std::unique_ptr<perf::Runner> runner = measure ? perf::make_runner(ctx.settings().get().runner, t) : nullptr;
  eval::Evaluator ev(spec, t, std::move(runner), eval_options(ctx));

  // Set-up once per kernel: harness + ker0 build (+ the baseline measurement).
  Clock::time_point t0 = Clock::now();
  eval::Candidate warm;
  warm.source = spec.source_text;
  eval::Verdict first = ev.evaluate(warm);
  if (!first.ok()) {
    throw Fatal(spec.source_path + ": ker0 is not ok under the evaluator: " + first.reason);
  }
  double setup = std::chrono::duration<double>(Clock::now() - t0).count();

  // ker0 across its knob settings; a comment makes each source (and so each seed) distinct.
  std::vector<std::map<std::string, int64_t>> settings = knob_settings(spec);
  std::vector<eval::Candidate> candidates;
  for (int64_t i = 0; i < count; ++i) {
    eval::Candidate c;
    c.source = "// eval-bench candidate " + std::to_string(i) + "\n" + spec.source_text;
    c.defines = settings[static_cast<size_t>(i) % settings.size()];
    candidates.push_back(c);
  }
  std::vector<eval::Verdict> verdicts(candidates.size());
  t0 = Clock::now();
  util::parallel_for(candidates.size(), jobs, [&](size_t i) { verdicts[i] = ev.evaluate(candidates[i]); });
  double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  eval::Timing sum;
  std::map<std::string, int> kinds;
  for (const auto& v : verdicts) {
    sum.compile += v.timing.compile;
    sum.check += v.timing.check;
    sum.perf += v.timing.perf;
    ++kinds[eval::verdict_name(v.kind)];
  }
  double n = static_cast<double>(verdicts.size());
  std::string kind_text;
  for (const auto& k : kinds) {
    kind_text += (kind_text.empty() ? "" : ", ") + k.first + " " + std::to_string(k.second);
  }
  std::printf("%s/%s: %lld candidates, %d jobs, %s s wall: %s candidates/min\n", spec.suite.c_str(), spec.name.c_str(),
              static_cast<long long>(count), jobs, util::fixed(wall, 1).c_str(), util::fixed(60.0 * n / wall, 1).c_str());
  std::printf("  per candidate (mean): compile %s s, correctness %s s, performance %s s (%s)\n", util::fixed(sum.compile / n, 2).c_str(),
              util::fixed(sum.check / n, 2).c_str(), util::fixed(sum.perf / n, 2).c_str(),
              measure ? ("runner " + ctx.settings().get().runner).c_str() : "not measured");
  double total = sum.compile + sum.check + sum.perf;
  if (total > 0) {
    std::printf("  time split: compile %s%%, correctness %s%%, performance %s%%\n", util::fixed(100 * sum.compile / total, 0).c_str(),
                util::fixed(100 * sum.check / total, 0).c_str(), util::fixed(100 * sum.perf / total, 0).c_str());
  }
  std::printf("  verdicts: %s; set-up once per kernel (harness, ker0%s): %s s\n", kind_text.c_str(), measure ? ", baseline" : "",
              util::fixed(setup, 1).c_str());
}

int run(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  std::vector<std::string> kernels = args.values("--kernel");
  if (kernels.empty()) {
    throw UsageError("eok eval-bench: give at least one --kernel DIR");
  }
  int64_t count = args.integer("--count", 8, 1, INT64_MAX, "a positive integer");
  int64_t jobs = args.integer("--jobs", ctx.settings().get().jobs, 1, INT64_MAX, "a positive integer");
  if (jobs <= 0) {
    jobs = std::max(1u, std::thread::hardware_concurrency());
  }
  for (const auto& k : kernels) {
    bench_kernel(ctx, k, count, static_cast<int>(jobs), !args.has("--no-perf"));
  }
  return k_exit_ok;
}

} // namespace

Command eval_bench_command()
{
  auto flags = config_flags();
  flags.push_back(flag::kernel(true));
  flags.push_back({"--count", true, false, "N  candidates per kernel (default 8)"});
  flags.push_back({"--jobs", true, false, "J  parallel evaluations (default: eval.jobs; 0 there = cores)"});
  flags.push_back({"--no-perf", false, false, "skip the performance runs"});
  return {"eval-bench", "evaluator throughput: candidates per minute, time split compile / correctness / performance",
          "--kernel DIR... [--count N] [--jobs J] [--no-perf]", flags, run};
}

} // namespace eok::app
