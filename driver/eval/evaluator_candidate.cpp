// One candidate through the Evaluator (Evaluator::evaluate): static checks, build,
// correctness runs, comparison, measurement.
#include "eval/compare.hpp"
#include "eval/emulator_fault.hpp"
#include "eval/evaluator.hpp"
#include "eval/harness.hpp"
#include "eval/static_checks.hpp"
#include "eval/tool_run.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace eok::eval {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
using Status = util::ProcessResult::Status;

double seconds_since(Clock::time_point t0)
{
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

util::ProcessResult run_bounded(const std::vector<std::string>& argv, const std::string& cwd, const Options& o, uint64_t stack_bytes)
{
  util::ProcessSpec ps;
  ps.stack_limit_bytes = stack_bytes;
  ps.argv = argv;
  ps.cwd = cwd;
  ps.timeout = o.timeout;
  ps.output_cap = o.output_cap;
  ps.memory_limit_bytes = o.memory_limit_bytes;
  ps.sandbox = o.sandbox;
  ps.sandbox_writable = {cwd};
  return util::run_process(ps);
}

Verdict& finish(Verdict& v, VerdictKind kind, std::string reason)
{
  v.kind = kind;
  v.reason = std::move(reason);
  return v;
}

// "eok-fault out_of_bounds shape=3 arg=y index=7" → verdict.
bool parse_fault(const std::string& err, const kernel::Spec& spec, Verdict& v)
{
  size_t at = err.find("eok-fault ");
  if (at == std::string::npos) {
    return false;
  }
  std::istringstream in(err.substr(at + 10));
  std::string kind;
  std::string shape;
  std::string arg;
  std::string index;
  std::string extra; // bad_count: capacity=<len>; past_count: count=<n>
  in >> kind >> shape >> arg >> index >> extra;
  size_t run = std::stoul(shape.substr(shape.find('=') + 1));
  size_t cases = param_case_count(spec);
  std::string shape_text = describe_run(spec, run / cases, run % cases);
  arg = arg.substr(arg.find('=') + 1);
  index = index.substr(index.find('=') + 1);
  if (kind == "out_of_bounds") {
    finish(v, VerdictKind::out_of_bounds, "wrote " + arg + "[" + index + "], outside the buffer (shape " + shape_text + ")");
  } else if (kind == "out_of_bounds_read") {
    finish(v, VerdictKind::out_of_bounds, "read " + arg + "[" + index + "], outside the buffer (shape " + shape_text + ")");
  } else if (kind == "out_of_bounds_access") {
    finish(v, VerdictKind::out_of_bounds, "read or wrote " + arg + "[" + index + "], outside the buffer (shape " + shape_text + ")");
  } else if (kind == "stack_overflow") {
    finish(v, VerdictKind::crashed,
           "stack overflow: used more than the target's " + std::to_string(std::stoull(index) >> 20) + " MiB of stack (shape " +
               shape_text + ")");
  } else if (kind == "modified_input") {
    finish(v, VerdictKind::modified_input, "changed input " + arg + "[" + index + "] (shape " + shape_text + ")");
  } else if (kind == "bad_count") {
    // The count is an output element that is wrong whatever ker0 says: one mismatch.
    std::string capacity = extra.substr(extra.find('=') + 1);
    v.mismatches = {Mismatch{shape_text, arg, 0, "0.." + capacity, index}};
    v.mismatch_count = 1;
    finish(v, VerdictKind::wrong_output, "reported " + arg + " = " + index + ", outside 0.." + capacity + " (shape " + shape_text + ")");
  } else if (kind == "past_count") {
    finish(v, VerdictKind::out_of_bounds,
           "wrote " + arg + "[" + index + "], past the reported count " + extra.substr(extra.find('=') + 1) + " (shape " + shape_text +
               ")");
  } else if (kind == "nondeterministic") {
    finish(v, VerdictKind::nondeterministic, "two runs on the same input differ at " + arg + "[" + index + "] (shape " + shape_text + ")");
  } else {
    return false;
  }
  return true;
}

} // namespace

std::optional<Verdict> Evaluator::build_candidate(const Candidate& c, const std::string& dir, std::string& program, Verdict& v)
{
  if (c.source.size() > k_max_source_bytes) {
    return finish(v, VerdictKind::rejected,
                  "source is " + std::to_string(c.source.size()) + " bytes (limit " + std::to_string(k_max_source_bytes) + ")");
  }
  if (auto why = check_flags(c.flags)) {
    return finish(v, VerdictKind::rejected, *why);
  }
  if (auto why = check_defines(m_spec, c.defines)) {
    return finish(v, VerdictKind::rejected, *why);
  }
  std::string src = dir + "/candidate.c";
  std::string obj = dir + "/candidate.o";
  util::write_file_atomic(src, c.source);
  std::vector<std::string> extra = c.flags;
  // Only the defines asked for: a knob left out keeps the candidate's own `#ifndef`
  // default, exactly as the build compiles a stored winner (an LLM rewrite may have
  // changed that default, and what is measured must be what gets built).
  for (const auto& d : c.defines) {
    extra.push_back("-D" + d.first + "=" + std::to_string(d.second));
  }
  extra.insert(extra.end(), {"-c", src, "-o", obj});
  util::ProcessResult r = run_tool(compile_command(extra), dir);
  v.compiler_output = tool_output(r);
  if (!r.succeeded()) {
    return finish(v, VerdictKind::compile_failed, "the compiler failed (" + r.describe() + ")");
  }
  if (fs::file_size(obj) > k_max_object_bytes) {
    return finish(v, VerdictKind::rejected,
                  "object is " + std::to_string(fs::file_size(obj)) + " bytes (limit " + std::to_string(k_max_object_bytes) + ")");
  }
  util::ProcessResult undef = run_tool({m_target.nm, "-P", "-u", obj}, dir);
  util::ProcessResult def = run_tool({m_target.nm, "-P", "--defined-only", obj}, dir);
  util::ProcessResult dis = run_tool({m_target.objdump, "-d", "--no-show-raw-insn", obj}, dir);
  for (const auto* t : {&undef, &def, &dis}) {
    if (!t->succeeded()) {
      throw Fatal("inspecting the candidate object failed: " + tool_output(*t));
    }
  }
  if (auto why = check_symbols(undef.out, def.out, m_spec.entry)) {
    return finish(v, VerdictKind::rejected, *why);
  }
  if (auto why = check_disassembly(dis.out)) {
    return finish(v, VerdictKind::rejected, *why);
  }
  if (auto why = check_object(util::read_file(obj))) {
    return finish(v, VerdictKind::rejected, *why);
  }
  program = dir + "/candidate";
  r = run_tool(link_command({prepare().harness_object, obj}, program), dir);
  if (!r.succeeded()) {
    v.compiler_output += tool_output(r);
    return finish(v, VerdictKind::compile_failed, "linking with the harness failed (" + r.describe() + ")");
  }
  return std::nullopt;
}

bool Evaluator::checks_measured_output() const
{
  return m_runner && m_runner->kind() == "model";
}

std::optional<Verdict> Evaluator::run_candidate(const std::string& program, const std::string& dir, uint64_t seed, Verdict& v)
{
  std::string out = dir + "/candidate.out";
  std::vector<std::string> args = {"check", std::to_string(seed), out, "2"};
  if (checks_measured_output()) {
    args.emplace_back("noperf"); // the measured call's own outputs are checked instead
  }
  util::ProcessResult r = run_bounded(run_command(program, args), dir, m_options, m_target.stack_bytes);
  if (!r.succeeded() && emulator_fault_line(r.out + r.err)) {
    r = run_bounded(run_command(program, args), dir, m_options, m_target.stack_bytes); // once more
    if (auto line = emulator_fault_line(r.out + r.err); line && !r.succeeded()) {
      v.program_output = r.out + r.err;
      return finish(v, VerdictKind::emulator_fault, "the emulator failed twice (infrastructure, not the candidate): " + *line);
    }
  }
  v.program_output = r.out + r.err;
  switch (r.status) {
  case Status::spawn_failed:
    throw Fatal("cannot run the candidate program: " + r.error);
  case Status::timed_out:
    return finish(v, VerdictKind::timeout, r.describe());
  case Status::output_limit:
    return finish(v, VerdictKind::output_limit, r.describe());
  case Status::signaled:
    return finish(v, VerdictKind::crashed, r.describe());
  case Status::exited:
    break;
  }
  if (r.exit_code == k_fault_exit && parse_fault(r.err, m_spec, v)) {
    return v;
  }
  if (r.exit_code != 0) {
    return finish(v, VerdictKind::crashed, r.describe());
  }
  return std::nullopt;
}

Verdict Evaluator::evaluate(const Candidate& c)
{
  Verdict v;
  v.seed = seed_for(c);
  const Prepared& p = prepare(); // once per Evaluator: not part of this candidate's time
  bool measured_output = checks_measured_output();
  // ker0's perf-shape outputs come from its baseline run, once per Evaluator too.
  const std::string& ker0_perf = measured_output ? (baseline(), m_ker0_perf_output) : std::string();
  Clock::time_point t0 = Clock::now();
  util::TempDir scratch("eval", m_root);
  if (m_options.keep_scratch) {
    scratch.keep();
  }
  std::string dir = scratch.path().string();
  std::string program;
  if (auto done = build_candidate(c, dir, program, v)) {
    done->timing.compile = seconds_since(t0);
    return *done;
  }
  v.timing.compile = seconds_since(t0);
  t0 = Clock::now();
  if (auto done = run_candidate(program, dir, v.seed, v)) {
    done->timing.check = seconds_since(t0);
    return *done;
  }
  // ker0's outputs come from a separate process, in a directory the candidate never ran in,
  // after the candidate's check run; the file is gone before its measured run starts.
  std::string ker0_dir = dir + "/ker0";
  fs::create_directories(ker0_dir);
  std::string expected_path = ker0_dir + "/ker0.out";
  std::vector<std::string> args = {"check", std::to_string(v.seed), expected_path, "1"};
  if (measured_output) {
    args.emplace_back("noperf");
  }
  util::ProcessResult r = run_bounded(run_command(p.ker0_program, args), ker0_dir, m_options, m_target.stack_bytes);
  if (!r.succeeded()) {
    throw Fatal(m_spec.source_path + ": ker0 failed its own harness (seed " + std::to_string(v.seed) + "): " + r.describe() + "\n" + r.err);
  }
  v.timing.check = seconds_since(t0);
  size_t total = 0;
  (void)output_layout(m_spec, total);
  std::string expected = util::read_file(expected_path) + ker0_perf;
  fs::remove_all(ker0_dir);
  std::string got = util::read_file(dir + "/candidate.out");
  if (expected.size() != total) {
    throw Fatal(m_spec.source_path + ": ker0's harness wrote " + std::to_string(expected.size()) + " output bytes, expected " +
                std::to_string(total));
  }
  if (got.size() + ker0_perf.size() != total) {
    return finish(v, VerdictKind::crashed,
                  "the harness wrote " + std::to_string(got.size()) + " output bytes, expected " +
                      std::to_string(total - ker0_perf.size()));
  }
  // Test shapes first (the perf shape's block is ker0's on both sides until it is measured).
  if (auto done = compare(expected, got + ker0_perf, v)) {
    return *done;
  }
  size_t cases = param_case_count(m_spec);
  finish(v, VerdictKind::ok,
         "matches ker0 on " + std::to_string(m_spec.test_shapes.size()) + " test shapes" +
             (cases > 1 ? " x " + std::to_string(cases) + " param values" : "") +
             (measured_output ? " and in the measured call on the perf shape" : " and the perf shape"));
  if (m_runner) {
    return measure_candidate(program, dir, expected, got, v);
  }
  return v;
}

std::optional<Verdict> Evaluator::compare(const std::string& expected, const std::string& got, Verdict& v) const
{
  Comparison cmp = compare_outputs(m_spec, expected, got);
  if (cmp.count == 0) {
    return std::nullopt;
  }
  v.mismatches = cmp.first;
  v.mismatch_count = cmp.count;
  const Mismatch& m = cmp.first.front();
  return finish(v, VerdictKind::wrong_output,
                std::to_string(cmp.count) + " element(s) outside tolerance; first at shape " + m.shape + ": " + m.arg + "[" +
                    std::to_string(m.index) + "] expected " + m.expected + ", got " + m.got);
}

Verdict Evaluator::measure_candidate(const std::string& program, const std::string& dir, const std::string& expected,
                                     const std::string& got_tests, Verdict& v)
{
  Clock::time_point t0 = Clock::now();
  bool measured_output = checks_measured_output();
  // Under the model the perf shape's inputs are ker0's baseline ones (perf_seed), and the
  // measured call writes its outputs; elsewhere the check run ran the perf shape at v.seed.
  std::vector<std::string> argv = {program, "perf", std::to_string(measured_output ? perf_seed() : v.seed)};
  std::string measured_path = dir + "/measured.out";
  if (measured_output) {
    argv.push_back(measured_path);
  }
  Expected<perf::Measurement> m = m_runner->measure(argv, sol_inputs());
  if (!m && emulator_fault_line(m.error())) {
    m = m_runner->measure(argv, sol_inputs()); // once more
    if (!m && emulator_fault_line(m.error())) {
      v.timing.perf = seconds_since(t0);
      return finish(v, VerdictKind::emulator_fault,
                    "the emulator failed twice in the performance run (infrastructure, not the candidate): " +
                        *emulator_fault_line(m.error()));
    }
  }
  v.timing.perf = seconds_since(t0);
  if (!m && util::starts_with(m.error(), perf::k_roi_violation)) {
    return finish(v, VerdictKind::roi_violation, "the performance run cannot be measured: " + m.error());
  }
  if (!m) {
    Verdict fault = v;
    if (measured_output && m.error().find("eok-fault ") != std::string::npos && parse_fault(m.error(), m_spec, fault)) {
      return finish(v, fault.kind, "in the measured run: " + fault.reason);
    }
    return finish(v, VerdictKind::crashed, "the performance run failed: " + m.error());
  }
  v.measurement = *m;
  if (measured_output) {
    std::error_code ec;
    std::string measured = fs::is_regular_file(measured_path, ec) ? util::read_file(measured_path) : std::string();
    if (got_tests.size() + measured.size() != expected.size()) {
      return finish(v, VerdictKind::crashed,
                    "the measured run wrote " + std::to_string(measured.size()) + " output bytes, expected " +
                        std::to_string(expected.size() - got_tests.size()));
    }
    if (auto done = compare(expected, got_tests + measured, v)) {
      done->reason += " (the measured call's own outputs)";
      return *done;
    }
  }
  double tolerance = m->runner == "wall" ? k_sol_tolerance_wall : k_sol_tolerance_model;
  if (m->sol_cycles > 0 && m->cycles < m->sol_cycles * (1 - tolerance)) {
    char figures[160];
    std::snprintf(figures, sizeof figures,
                  "measured %.0f cycles, below the speed-of-light bound of %.0f cycles (%s-bound, %.0f%% tolerance)", m->cycles,
                  m->sol_cycles, m->bound.c_str(), tolerance * 100);
    util::Terminal::instance().warn(m_spec.suite + "/" + m_spec.name +
                                    ": IMPLAUSIBLE measurement, not believed and never a winner: " + figures +
                                    "; the candidate cheats the measurement or the model is wrong (seed " + std::to_string(v.seed) + ")");
    return finish(v, VerdictKind::implausible, std::string(figures) + ": the candidate fakes its speed or the model is wrong");
  }
  v.speedup = perf::speedup(baseline().cycles, m->cycles);
  return v;
}

} // namespace eok::eval
