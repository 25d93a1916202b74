// make_runner / runner_version and the model runner: the harness runs once under
// the target's QEMU exe_wrapper with eok's counting plugin; counts -> X60 cycles.
#include "perf/runner.hpp"

#include "perf/counts.hpp"
#include "perf/elf_symbols.hpp"
#include "perf/model.hpp"
#include "perf/plugin_path.hpp"
#include "perf/runner_impl.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace eok::perf {

namespace {

constexpr const char* k_model_version = "model/4 plugin/" EOK_QEMU_PLUGIN_SOURCE_HASH;

std::string tail(const std::string& s, size_t n)
{
  return s.size() <= n ? s : "…" + s.substr(s.size() - n);
}

const CostTable& table_for(const target::Target& t)
{
  const CostTable* table = CostTable::builtin(t.core);
  if (table == nullptr) {
    std::string file = t.files.empty() ? "the cross file" : t.files.back();
    throw Fatal(located(file, 0, "no cost table for eok_core '" + t.core + "' (the model runner knows: spacemit-x60)"));
  }
  return *table;
}

std::string model_version(const target::Target& t)
{
  // sched's figures also depend on LLVM's X60 model (the LLVM major version is named) and
  // on the in-order pipeline model's version (2: loops scheduled whole; 3: a vsetvli that
  // changes SEW/LMUL waits for the vector unit; perf/inorder).
  return std::string(k_model_version) + " core/" + t.core + " table/" + CostTable::builtin_hash(t.core) +
         (t.model == "sched" ? " sched/3 llvm-mca-22" : "");
}

} // namespace

std::string qemu_plugin_path()
{
  const char* env = std::getenv("EOK_QEMU_PLUGIN");
  bool from_env = env != nullptr && *env != 0;
  std::string path = from_env ? env : EOK_QEMU_PLUGIN_BUILT;
  if (!util::fs::is_regular_file(path)) {
    throw Fatal(std::string("the model runner's QEMU plugin is missing: ") + path +
                (from_env ? " (from EOK_QEMU_PLUGIN)" : " (built-in path)") +
                "; build it with `meson compile -C <build dir>` (target eok_count) or point EOK_QEMU_PLUGIN at "
                "libeok_count.so");
  }
  return path;
}

ModelRunner::ModelRunner(target::Target target, const CostTable& table, std::string plugin)
  : m_target(std::move(target))
  , m_table(table)
  , m_plugin(std::move(plugin))
{
  if (m_target.model == "sched") {
    m_sched = std::make_unique<BlockScheduler>(m_table, default_block_cache(version()));
  }
}

std::string ModelRunner::version() const
{
  return model_version(m_target);
}

Expected<Counts> ModelRunner::count(const std::vector<std::string>& program) const
{
  util::TempDir dir("eok-model");
  std::string out = (dir.path() / "counts.txt").string();
  util::ProcessSpec spec;
  spec.argv = m_target.exe_wrapper;
  std::string plugin = m_plugin + ",out=" + out;
  // Which markers are the harness's: its measured-call function (programs without one,
  // e.g. `eok perf validate`'s, are eok's own and count every marker).
  bool guarded = false;
  Expected<std::optional<CodeRange>> range = function_range(program.front(), k_measured_call_symbol);
  if (!range) {
    return Expected<Counts>::fail(std::string(k_roi_violation) + range.error());
  }
  if (*range) {
    char arg[64];
    std::snprintf(arg, sizeof arg, ",roi=%llx-%llx", static_cast<unsigned long long>((*range)->lo),
                  static_cast<unsigned long long>((*range)->hi));
    plugin += arg;
    guarded = true;
  }
  spec.argv.insert(spec.argv.end(), {"-plugin", plugin});
  spec.argv.insert(spec.argv.end(), program.begin(), program.end());
  spec.timeout = std::chrono::minutes(10);
  // The harness runs candidate code here too: confined, writing only the counts and, for
  // `perf <seed> <outfile>`, the measured call's outputs beside the program (the evaluator's
  // scratch directory, where nothing of ker0's is kept).
  spec.sandbox = true;
  spec.sandbox_writable = {dir.path().string()};
  if (program.size() == 4 && program[1] == "perf") {
    spec.sandbox_writable.push_back(util::fs::path(program[3]).parent_path().string());
  }
  util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    // The program's stderr on lines of its own: an emulator's assertion starts a line
    // (eval/emulator_fault.hpp recognises it there).
    return Expected<Counts>::fail("model runner: " + util::join(program, " ") + ": " + r.describe() +
                                  (r.err.empty() ? "" : ":\n" + tail(r.err, 2000)));
  }
  if (!util::fs::is_regular_file(out)) {
    return Expected<Counts>::fail("model runner: the QEMU plugin wrote no counts (" + out + ")");
  }
  Expected<Counts> counts = parse_counts(util::read_file(out));
  if (!counts) {
    return Expected<Counts>::fail("model runner: " + out + ": " + counts.error());
  }
  if (counts->foreign_markers > 0) {
    return Expected<Counts>::fail(std::string(k_roi_violation) + std::to_string(counts->foreign_markers) +
                                  " region marker(s) executed outside the harness's " + k_measured_call_symbol +
                                  " (first at code offset 0x" + counts->first_foreign + ")");
  }
  if (guarded && (counts->roi_begins != 1 || counts->roi_ends != 1)) {
    return Expected<Counts>::fail(std::string(k_roi_violation) + "the region was entered " + std::to_string(counts->roi_begins) +
                                  " and left " + std::to_string(counts->roi_ends) + " time(s), expected once each");
  }
  if (counts->roi_entries == 0) {
    return Expected<Counts>::fail("model runner: " + program.front() +
                                  " never entered its region of interest (`slti x0,x0,1` before the kernel call, "
                                  "`slti x0,x0,2` after it)");
  }
  return counts;
}

Expected<Measurement> ModelRunner::measure(const std::vector<std::string>& program, const SolInputs& sol)
{
  Expected<Counts> counts = count(program);
  if (!counts) {
    return Expected<Measurement>::fail(counts.error());
  }
  return model_measurement(*counts, m_table, sol, version(), m_sched.get());
}

std::string runner_version(const std::string& kind, const target::Target& target)
{
  if (kind == "model") {
    return model_version(target);
  }
  if (kind == "wall") {
    return wall_version(target, WallOptions{});
  }
  throw Fatal("unknown runner '" + kind + "' (expected model or wall)");
}

std::unique_ptr<Runner> make_runner(const std::string& kind, const target::Target& target)
{
  std::string file = target.files.empty() ? "the cross file" : target.files.back();
  if (target.exe_wrapper.empty()) {
    throw Fatal(located(file, 0, "the " + kind + " runner needs an exe_wrapper in [binaries]"));
  }
  if (kind == "model") {
    const CostTable& table = table_for(target);
    if (util::fs::path(target.exe_wrapper.front()).filename().string().find("qemu") == std::string::npos) {
      throw Fatal(located(file, 0,
                          "the model runner needs a QEMU exe_wrapper (qemu-riscv64 …), not '" + target.exe_wrapper.front() +
                              "'; use -Deok_runner=wall for boards"));
    }
    return std::make_unique<ModelRunner>(target, table, qemu_plugin_path());
  }
  if (kind == "wall") {
    return std::make_unique<WallRunner>(target, WallOptions{});
  }
  throw Fatal("unknown runner '" + kind + "' (expected model or wall)");
}

} // namespace eok::perf
