// `eok eval --kernel DIR --candidate FILE`: one verdict for one candidate (issue 3).
#include "app/commands_list.hpp"
#include "app/eval_setup.hpp"

#include "eval/evaluator.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

int64_t parse_int(const std::string& text, const std::string& what)
{
  try {
    size_t used = 0;
    long long v = std::stoll(text, &used, 10);
    if (used == text.size()) {
      return v;
    }
  } catch (const std::exception&) {
  }
  throw UsageError("eok eval: " + what + ": '" + text + "' is not an integer");
}

void print_block(const char* title, const std::string& text)
{
  if (util::trim(text).empty()) {
    return;
  }
  std::printf("%s:\n", title);
  for (const auto& line : util::split(util::trim(text), '\n')) {
    std::printf("  %s\n", line.c_str());
  }
}

void print_verdict(const eval::Verdict& v)
{
  std::printf("verdict  %s\n", eval::verdict_name(v.kind));
  std::printf("reason   %s\n", v.reason.c_str());
  std::printf("seed     %llu\n", static_cast<unsigned long long>(v.seed));
  if (!v.mismatches.empty()) {
    std::printf("mismatches (%lld, first %zu):\n", static_cast<long long>(v.mismatch_count), v.mismatches.size());
    for (const auto& m : v.mismatches) {
      std::printf("  shape %s  %s[%lld]  expected %s  got %s\n", m.shape.c_str(), m.arg.c_str(), static_cast<long long>(m.index),
                  m.expected.c_str(), m.got.c_str());
    }
  }
  if (v.measurement) {
    const perf::Measurement& m = *v.measurement;
    std::printf("cycles   %s (%s runner %s), speed of light %s (%s-bound, %s%%)\n", util::fixed(m.cycles, 0).c_str(), m.runner.c_str(),
                m.model_version.c_str(), util::fixed(m.sol_cycles, 0).c_str(), m.bound.c_str(),
                util::fixed(100 * m.sol_fraction, 1).c_str());
    if (v.ok()) {
      std::printf("speedup  %s over ker0\n", util::fixed(v.speedup, 3).c_str());
    } else {
      std::printf("speedup  none: an implausible measurement is not believed\n");
    }
  }
  std::printf("time     compile %s s, correctness %s s, performance %s s\n", util::fixed(v.timing.compile, 2).c_str(),
              util::fixed(v.timing.check, 2).c_str(), util::fixed(v.timing.perf, 2).c_str());
  if (!v.ok()) {
    print_block("compiler output", v.compiler_output);
    print_block("program output", v.program_output);
  }
}

int run(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  std::string kernel_dir = args.required("--kernel");
  std::string candidate_path = args.required("--candidate");
  kernel::Spec spec = kernel::load_spec(kernel_dir);
  eval::Candidate c;
  c.source = util::read_file(candidate_path);
  for (const auto& d : args.values("--define")) {
    size_t eq = d.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError("eok eval: --define expects NAME=VALUE, got '" + d + "'");
    }
    c.defines[d.substr(0, eq)] = parse_int(d.substr(eq + 1), "--define " + d.substr(0, eq));
  }
  c.flags = args.values("--flag");
  eval::Options o = eval_options(ctx);
  if (auto s = args.value("--seed")) {
    o.evaluation_seed = static_cast<uint64_t>(parse_int(*s, "--seed"));
  }
  target::Target t = load_eval_target(ctx, kernel_dir);
  // Measured only with a runner (target.runner); --no-perf gives the verdict alone.
  std::unique_ptr<perf::Runner> runner = args.has("--no-perf") ? nullptr : perf::make_runner(ctx.settings().get().runner, t);
  eval::Evaluator ev(spec, t, std::move(runner), o);
  eval::Verdict v = ev.evaluate(c);
  if (args.has("--json")) {
    std::fputs(eval::verdict_json(v).c_str(), stdout);
  } else {
    print_verdict(v);
  }
  return v.ok() ? k_exit_ok : k_exit_failure;
}

} // namespace

Command eval_command()
{
  auto flags = config_flags();
  flags.push_back(flag::kernel(false));
  flags.push_back({"--candidate", true, false, "FILE  candidate C source"});
  flags.push_back(flag::json("the verdict"));
  flags.push_back({"--define", true, true, "NAME=VALUE  knob value (repeatable)"});
  flags.push_back({"--flag", true, true, "FLAG  extra compiler flag (repeatable)"});
  flags.push_back({"--no-perf", false, false, "correctness only: no performance run, no measurement"});
  flags.push_back({"--seed", true, false, "S  input seed (default: derived from search.seed and the candidate)"});
  return {"eval", "one verdict for one candidate: static checks, correctness against ker0, performance",
          "--kernel DIR --candidate FILE [--json] [--define N=V]... [--flag F]... [--seed S] [--no-perf]", flags, run};
}

} // namespace eok::app
