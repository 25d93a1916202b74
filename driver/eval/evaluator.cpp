// The Evaluator's set-up: compile, link and run commands, ker0's harness and baseline,
// seeds and speed-of-light inputs. One candidate's evaluation is evaluator_candidate.cpp.
#include "eval/evaluator.hpp"

#include "eval/check_emulator.hpp"
#include "eval/harness.hpp"
#include "eval/tool_run.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sandbox.hpp"
#include "util/scratch.hpp"
#include "util/sha256.hpp"
#include "util/terminal.hpp"

#include <atomic>
#include <filesystem>
#include <mutex>
#include <unistd.h>

namespace eok::eval {

namespace fs = std::filesystem;

namespace {

std::atomic<int> g_instances{0};

std::vector<std::string> define_flags(const kernel::Spec& spec, const std::map<std::string, int64_t>& overrides)
{
  std::map<std::string, int64_t> all = kernel::default_knobs(spec);
  for (const auto& d : overrides) {
    all[d.first] = d.second;
  }
  std::vector<std::string> out;
  for (const auto& d : all) {
    out.push_back("-D" + d.first + "=" + std::to_string(d.second));
  }
  return out;
}

} // namespace

util::ProcessResult run_tool(const std::vector<std::string>& argv, const std::string& cwd)
{
  util::ProcessSpec ps;
  ps.argv = argv;
  ps.cwd = cwd;
  ps.timeout = std::chrono::seconds(300);
  ps.output_cap = size_t{8} << 20;
  return util::run_process(ps);
}

std::string tool_output(const util::ProcessResult& r)
{
  std::string s = r.out + r.err;
  return r.status == util::ProcessResult::Status::exited ? s : s + (s.empty() ? "" : "\n") + r.describe();
}

Options options_from(const config::Config& c)
{
  Options o;
  o.work_dir = c.work_dir;
  o.timeout = std::chrono::milliseconds(c.eval_timeout_s * 1000);
  o.memory_limit_bytes = static_cast<uint64_t>(c.eval_memory_mb) << 20;
  o.keep_scratch = c.keep_scratch;
  o.sandbox = c.eval_sandbox;
  o.seed = c.seed;
  return o;
}

Evaluator::Evaluator(kernel::Spec spec, target::Target target, std::unique_ptr<perf::Runner> runner, Options options)
  : m_spec(std::move(spec))
  , m_target(std::move(target))
  , m_runner(std::move(runner))
  , m_options(std::move(options))
  , m_check_wrapper(check_wrapper(m_target.exe_wrapper))
{
  fs::path root = fs::absolute(m_options.work_dir) /
                  (m_spec.suite + "-" + m_spec.name + "-" + std::to_string(::getpid()) + "-" + std::to_string(g_instances++));
  std::error_code ec;
  util::remove_stale_scratch(fs::absolute(m_options.work_dir).string()); // left by killed runs
  fs::create_directories(root, ec);
  if (ec) {
    throw Fatal(root.string() + ": cannot create the evaluation directory: " + ec.message());
  }
  static std::once_flag warned;
  if (m_options.sandbox && util::landlock_abi() == 0) {
    std::call_once(warned, [] {
      util::Terminal::instance().warn("candidate programs run unconfined (" + util::sandbox_status() +
                                      "): only the time, memory and output limits hold them");
    });
  }
  m_root = root.string();
}

Evaluator::~Evaluator()
{
  if (!m_options.keep_scratch) {
    std::error_code ec;
    fs::remove_all(m_root, ec);
  }
}

std::vector<std::string> Evaluator::compile_command(const std::vector<std::string>& extra) const
{
  std::vector<std::string> argv = m_target.cc;
  argv.insert(argv.end(), m_target.c_args.begin(), m_target.c_args.end());
  argv.emplace_back("-O2");
  argv.insert(argv.end(), extra.begin(), extra.end());
  return argv;
}

std::vector<std::string> Evaluator::link_command(const std::vector<std::string>& objects, const std::string& out) const
{
  std::vector<std::string> argv = m_target.cc;
  argv.insert(argv.end(), m_target.c_args.begin(), m_target.c_args.end());
  argv.insert(argv.end(), m_target.link_args.begin(), m_target.link_args.end());
  // Static: the program runs the same under QEMU and on a board whatever its libc.
  argv.emplace_back("-static");
  argv.insert(argv.end(), objects.begin(), objects.end());
  argv.insert(argv.end(), {"-lm", "-o", out});
  return argv;
}

std::vector<std::string> Evaluator::run_command(const std::string& program, const std::vector<std::string>& args) const
{
  // Correctness runs only: the model's runs keep the cross file's QEMU (its plugin).
  std::vector<std::string> argv = m_check_wrapper;
  argv.push_back(program);
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

const Evaluator::Prepared& Evaluator::prepare()
{
  std::lock_guard lock(m_prepare_mutex);
  if (m_prepared) {
    return *m_prepared;
  }
  auto p = std::make_unique<Prepared>();
  std::string harness_c = m_root + "/harness.c";
  util::write_file_atomic(harness_c, generate_harness(m_spec));
  p->harness_object = m_root + "/harness.o";
  util::ProcessResult r = run_tool(compile_command({"-c", harness_c, "-o", p->harness_object}), m_root);
  if (!r.succeeded()) {
    throw Fatal(m_spec.toml_path + ": the generated harness does not compile:\n" + tool_output(r));
  }
  std::vector<std::string> ker0_args = define_flags(m_spec, {});
  ker0_args.insert(ker0_args.end(), {"-I", m_spec.dir, "-c", m_spec.source_path, "-o", m_root + "/ker0.o"});
  r = run_tool(compile_command(ker0_args), m_root);
  if (!r.succeeded()) {
    throw Fatal(m_spec.source_path + ": ker0 does not compile:\n" + tool_output(r));
  }
  p->ker0_program = m_root + "/ker0";
  r = run_tool(link_command({p->harness_object, m_root + "/ker0.o"}, p->ker0_program), m_root);
  if (!r.succeeded()) {
    throw Fatal(m_spec.source_path + ": ker0 does not link with the harness:\n" + tool_output(r));
  }
  m_prepared = std::move(p);
  return *m_prepared;
}

uint64_t Evaluator::seed_for(const Candidate& c) const
{
  if (m_options.evaluation_seed) {
    return *m_options.evaluation_seed;
  }
  // Derived from the candidate itself: deterministic (DESIGN invariant 6), yet no
  // candidate can know its inputs when it is written.
  util::Sha256 h;
  h.update("eok-eval-seed\n").update(std::to_string(m_options.seed)).update("\nsource\n").update(c.source);
  for (const auto& d : c.defines) {
    h.update("\ndefine\n" + d.first + "=" + std::to_string(d.second));
  }
  for (const auto& f : c.flags) {
    h.update("\nflag\n" + f);
  }
  std::array<uint8_t, 32> d = h.digest();
  uint64_t seed = 0;
  for (int i = 0; i < 8; ++i) {
    seed = seed << 8 | d[static_cast<size_t>(i)];
  }
  return seed;
}

perf::SolInputs Evaluator::sol_inputs() const
{
  const kernel::Shape& shape = m_spec.perf_shape;
  auto lookup = [&shape](const std::string& name) -> std::optional<int64_t> {
    auto it = shape.find(name);
    return it == shape.end() ? std::nullopt : std::optional(it->second);
  };
  perf::SolInputs sol;
  sol.flops = static_cast<double>(m_spec.flops_expr.eval(lookup).value());
  double bytes = 0, read = 0, written = 0;
  for (const auto& a : m_spec.args) {
    if (!a.pointer || a.role == kernel::Role::scratch) {
      continue; // scratch traffic is the kernel's choice, not necessary work
    }
    double size = static_cast<double>(kernel::arg_length(a, shape)) * kernel::elem_bytes(a.elem);
    bytes += a.role == kernel::Role::inout ? 2 * size : size;
    read += a.role == kernel::Role::out ? 0 : size;
    // A counted output's length is known only after the run: the bound counts none of it.
    written += a.role == kernel::Role::in || !a.count.empty() ? 0 : size;
    if (a.elem == kernel::ElemType::f16) {
      sol.element_bits = 16;
    }
  }
  if (m_spec.bytes_expr) { // a declared total: its read/write split is not known
    sol.bytes = static_cast<double>(m_spec.bytes_expr->eval(lookup).value());
  } else {
    sol.bytes = bytes;
    sol.bytes_read = read;
    sol.bytes_written = written;
  }
  return sol;
}

const perf::Measurement& Evaluator::baseline()
{
  std::lock_guard lock(m_baseline_mutex);
  if (m_baseline) {
    return *m_baseline;
  }
  if (!m_runner) {
    throw Fatal("no performance runner: the ker0 baseline cannot be measured");
  }
  const Prepared& p = prepare();
  std::vector<std::string> argv = {p.ker0_program, "perf", std::to_string(perf_seed())};
  std::string out = m_root + "/ker0-perf.out";
  if (checks_measured_output()) {
    argv.push_back(out);
  }
  Expected<perf::Measurement> m = m_runner->measure(argv, sol_inputs());
  if (!m) {
    throw Fatal(m_spec.source_path + ": measuring ker0 failed: " + m.error());
  }
  if (checks_measured_output()) {
    // Kept in this process only: no file of ker0's results exists while a candidate runs.
    m_ker0_perf_output = util::read_file(out);
    fs::remove(out);
  }
  m_baseline = *m;
  return *m_baseline;
}

} // namespace eok::eval
