#include "ncnn/tune.hpp"

#include "cache/cache.hpp"
#include "launch/compile_line.hpp"
#include "launch/launch_key.hpp"
#include "ncnn/harness.hpp"
#include "ncnn/integrity.hpp"
#include "perf/runner.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <chrono>

namespace eok::ncnn {

namespace {

using launch::CompileLine;

std::string find_libncnn(const std::string& build_dir)
{
  for (const auto& e : util::fs::recursive_directory_iterator(build_dir)) {
    if (e.path().filename() == "libncnn.a") {
      return e.path().string();
    }
  }
  throw Fatal(build_dir + ": no libncnn.a (build the library first: cmake --build " + build_dir + " --target ncnn)");
}

bool uses_openmp(const std::string& build_dir)
{
  const util::fs::path cache = util::fs::path(build_dir) / "CMakeCache.txt";
  return util::fs::exists(cache) && util::read_file(cache).find("NCNN_OPENMP:BOOL=ON") != std::string::npos;
}

util::ProcessResult run(const std::vector<std::string>& argv, const std::string& cwd, int timeout_s)
{
  util::ProcessSpec spec;
  spec.argv = argv;
  spec.cwd = cwd;
  spec.timeout = std::chrono::seconds(timeout_s);
  return util::run_process(spec);
}

std::string first_lines(const std::string& text)
{
  std::string t = util::trim(text);
  return t.size() > 600 ? t.substr(0, 600) + " …" : t;
}

// nm and objdump on an object (eval/static_checks.hpp reads their output).
ObjectFacts inspect(const target::Target& t, const std::string& obj, const std::string& cwd)
{
  ObjectFacts f;
  const util::ProcessResult undef = run({t.nm, "-P", "-u", obj}, cwd, 120);
  const util::ProcessResult def = run({t.nm, "-P", "--defined-only", obj}, cwd, 120);
  const util::ProcessResult dis = run({t.objdump, "-d", "--no-show-raw-insn", obj}, cwd, 120);
  for (const auto* r : {&undef, &def, &dis}) {
    if (!r->succeeded()) {
      throw Fatal("inspecting " + obj + " failed: " + first_lines(r->err));
    }
  }
  f.undefined = undef.out;
  f.defined = def.out;
  f.disassembly = dis.out;
  f.bytes = util::read_file(obj);
  return f;
}

// One op's evaluation context: its compile command, scratch and harness object.
class OpBench
{
public:
  OpBench(const TuneRequest& req, const OpSpec& op, const CompileEntry& entry, const std::string& libncnn)
    : m_req(req)
    , m_op(op)
    , m_entry(entry)
    , m_line(launch::parse_compile_line(entry.argv))
    , m_libncnn(libncnn)
    , m_scratch("eok-ncnn-" + op.name)
  {
    if (!m_line.is_single_compile()) {
      throw Fatal(entry.file + ": its compile command is not a compile of one source file");
    }
    m_openmp = uses_openmp(req.build_dir);
    const std::string hsrc = (m_scratch.path() / "eok_harness.cpp").string();
    util::write_file_atomic(hsrc, harness_source(op));
    m_harness_obj = (m_scratch.path() / "eok_harness.o").string();
    std::vector<std::string> argv{m_line.compiler()};
    for (const auto& f : m_line.code_flags()) {
      argv.push_back(f);
    }
    argv.insert(argv.end(), {"-fno-fast-math", hsrc, "-o", m_harness_obj});
    const util::ProcessResult r = run(argv, entry.directory, 600);
    if (!r.succeeded()) {
      throw Fatal("the generated harness for " + op.name + " did not compile against " + req.source_dir + ":\n" + first_lines(r.err));
    }
    // the tree's own file, compiled as the build does: what a layer object normally calls and defines
    const std::string ker0_obj = (m_scratch.path() / "ker0_reference.o").string();
    std::vector<std::string> k0{m_line.compiler()};
    for (const auto& f : m_line.code_flags()) {
      k0.push_back(f);
    }
    k0.insert(k0.end(), {entry.file, "-o", ker0_obj});
    const util::ProcessResult k = run(k0, entry.directory, 600);
    if (!k.succeeded()) {
      throw Fatal(entry.file + " does not compile with its own command:\n" + first_lines(k.err));
    }
    m_ker0_facts = inspect(req.target, ker0_obj, entry.directory);
  }

  CandidateReport evaluate(const std::string& name, const std::string& source, const std::vector<std::string>& flags)
  {
    CandidateReport rep;
    rep.name = name;
    const util::fs::path dir = m_scratch.path() / ("c" + std::to_string(m_count++));
    util::fs::create_directories(dir);
    const std::string src = (dir / util::fs::path(m_entry.file).filename()).string();
    util::write_file_atomic(src, source);
    const std::string obj = (dir / "candidate.o").string();
    // exactly what the launcher will run for this winner (launcher.cpp)
    std::vector<std::string> compile{m_line.compiler()};
    for (const auto& f : m_line.code_flags()) {
      compile.push_back(f);
    }
    compile.insert(compile.end(), {"-iquote", util::fs::path(m_entry.file).parent_path().string()});
    compile.insert(compile.end(), flags.begin(), flags.end());
    compile.insert(compile.end(), {src, "-o", obj});
    util::ProcessResult r = run(compile, m_entry.directory, 600);
    if (!r.succeeded()) {
      return fail(rep, "compile_failed", r.err);
    }
    if (auto why = check_layer_object(inspect(m_req.target, obj, m_entry.directory), m_ker0_facts)) {
      return fail(rep, "rejected", *why);
    }
    const std::string exe = (dir / "harness").string();
    std::vector<std::string> link{m_line.compiler()};
    const auto code = m_line.code_flags();
    for (size_t k = 0; k < code.size(); ++k) {
      if (util::starts_with(code[k], "--target") || util::starts_with(code[k], "--sysroot") || util::starts_with(code[k], "-march=")) {
        link.push_back(code[k]);
      } else if ((code[k] == "-target" || code[k] == "--sysroot") && k + 1 < code.size()) {
        link.push_back(code[k]);
        link.push_back(code[++k]);
      }
    }
    link.insert(link.end(), m_req.target.link_args.begin(), m_req.target.link_args.end());
    // the candidate's object in front of the archive: its layer replaces the archive's
    link.insert(link.end(), {m_harness_obj, obj, m_libncnn, "-lpthread", "-lm", "-o", exe});
    if (m_openmp) {
      link.emplace_back("-fopenmp");
    }
    r = run(link, m_entry.directory, 600);
    if (!r.succeeded()) {
      return fail(rep, "link_failed", r.err);
    }
    for (int s = 0; s < m_op.seeds; ++s) {
      util::ProcessSpec spec;
      spec.argv = m_req.target.exe_wrapper;
      spec.argv.insert(spec.argv.end(), {exe, "check", std::to_string(m_req.seed * 1000 + static_cast<uint64_t>(s))});
      spec.cwd = dir.string();
      spec.timeout = std::chrono::seconds(300);
      spec.output_cap = size_t{1} << 20;
      spec.sandbox = true;
      spec.sandbox_writable = {dir.string()};
      r = util::run_process(spec);
      if (r.status == util::ProcessResult::Status::timed_out) {
        return fail(rep, "timeout", r.describe());
      }
      if (r.status != util::ProcessResult::Status::exited) {
        return fail(rep, "crashed", r.describe() + "\n" + r.err);
      }
      if (r.exit_code != 0 || r.out.find("eok-check-ok") == std::string::npos) {
        return fail(rep, "wrong_output", r.out + r.err);
      }
    }
    perf::SolInputs sol;
    // one operation per input value and two per weight; every input read, one output written
    const double n = double(m_op.perf_shape.w) * m_op.perf_shape.h * m_op.perf_shape.c;
    double weights = 0;
    for (const auto& w : m_op.weights) {
      weights += w.size;
    }
    sol.flops = n * m_op.inputs + 2 * weights;
    sol.bytes = (m_op.fp16 ? 2 : 4) * n * (m_op.inputs + 1) + 4 * weights;
    sol.bytes_written = (m_op.fp16 ? 2 : 4) * n;
    sol.bytes_read = sol.bytes - sol.bytes_written;
    auto m = runner().measure({exe, "perf", std::to_string(m_req.seed)}, sol);
    if (!m.ok()) {
      return fail(rep, "perf_failed", m.error());
    }
    rep.verdict = "ok";
    rep.cycles = m->cycles;
    m_last = *m;
    return rep;
  }

  [[nodiscard]] const perf::Measurement& last_measurement() const { return m_last; }
  [[nodiscard]] const CompileLine& line() const { return m_line; }

private:
  static CandidateReport fail(CandidateReport rep, const std::string& verdict, const std::string& detail)
  {
    rep.verdict = verdict;
    rep.detail = first_lines(detail);
    return rep;
  }

  perf::Runner& runner()
  {
    if (!m_runner) {
      m_runner = perf::make_runner(m_req.runner_kind, m_req.target);
    }
    return *m_runner;
  }

  const TuneRequest& m_req;
  const OpSpec& m_op;
  const CompileEntry& m_entry;
  CompileLine m_line;
  std::string m_libncnn;
  util::TempDir m_scratch;
  std::string m_harness_obj;
  ObjectFacts m_ker0_facts;
  bool m_openmp = false;
  int m_count = 0;
  std::unique_ptr<perf::Runner> m_runner;
  perf::Measurement m_last;
};

struct Choice
{
  std::string name, source;
  std::vector<std::string> flags;
  CandidateReport report;
  perf::Measurement measurement;
};

} // namespace

std::vector<std::vector<std::string>> default_flag_sets(const CompileEntry& entry, int vlen)
{
  std::vector<std::vector<std::string>> sets{{"-funroll-loops"}};
  std::string march;
  for (const auto& a : entry.argv) {
    if (util::starts_with(a, "-march=")) {
      march = a; // the last one wins, as for the compiler
    }
  }
  if (!march.empty() && vlen > 0 && march.find("zvl") == std::string::npos) {
    sets.push_back({march + "_zvl" + std::to_string(vlen) + "b", "-mrvv-vector-bits=zvl"});
  }
  return sets;
}

std::vector<OpReport> tune_ops(const TuneRequest& req, const std::function<void(const std::string&)>& progress)
{
  const std::string db_path = (util::fs::path(req.build_dir) / "compile_commands.json").string();
  if (!util::fs::exists(db_path)) {
    throw Fatal(db_path + ": missing (configure the build with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  }
  const std::vector<CompileEntry> db = read_compile_db(db_path);
  std::vector<OpReport> reports;
  for (const OpSpec& op : req.ops) {
    OpReport rep;
    rep.op = op.name;
    const CompileEntry* entry = find_entry(db, op.file);
    if (!entry) {
      rep.status = "skipped";
      rep.what = "no compile command for " + op.file + " in " + db_path;
      reports.push_back(rep);
      continue;
    }
    const CompileLine line = launch::parse_compile_line(entry->argv);
    const cache::Key key = launch::launch_key(line, entry->directory);
    rep.key = key.hex;
    std::optional<cache::Winner> stored;
    if (util::fs::exists(req.cache_path)) {
      cache::OpenMode mode;
      mode.create = false;
      mode.read_only = true;
      stored = cache::Cache::open(req.cache_path, mode).find_winner(key.hex);
    }
    if (req.ci || (stored && req.candidate_files.empty() && !req.baseline)) {
      rep.status = stored ? "cached" : "miss";
      if (stored) {
        rep.speedup = stored->speedup;
        rep.best_cycles = stored->cycles;
        rep.what = stored->parent;
      }
      reports.push_back(rep);
      continue;
    }
    OpBench bench(req, op, *entry, find_libncnn(req.build_dir));
    const std::string ker0 = util::read_file(entry->file);
    std::vector<Choice> passed;
    auto consider = [&](const std::string& name, const std::string& source, const std::vector<std::string>& flags) {
      Choice c{name, source, flags, bench.evaluate(name, source, flags), {}};
      progress(op.name + " " + name + ": " + c.report.verdict +
               (c.report.verdict == "ok" ? " " + util::fixed(c.report.cycles, 0) + " cycles" : "") +
               (c.report.detail.empty() ? "" : " (" + c.report.detail.substr(0, 200) + ")"));
      rep.candidates.push_back(c.report);
      if (c.report.verdict == "ok") {
        c.measurement = bench.last_measurement();
        passed.push_back(std::move(c));
      }
    };
    consider("ker0", ker0, {});
    if (passed.empty()) {
      rep.status = "failed";
      rep.what = "ker0 itself did not pass against the naive layer: " + rep.candidates.back().verdict;
      reports.push_back(rep);
      continue;
    }
    const Choice base = passed.front();
    rep.ker0_cycles = base.report.cycles;
    if (req.baseline) {
      rep.status = "measured";
      rep.best_cycles = base.report.cycles;
      rep.sol_fraction = base.measurement.sol_fraction;
      rep.what = "ker0 (--baseline: nothing stored)";
      reports.push_back(rep);
      continue;
    }
    for (const auto& flags : req.flag_search ? default_flag_sets(*entry, req.target.vlen) : std::vector<std::vector<std::string>>{}) {
      consider("ker0 " + util::join(flags, " "), ker0, flags);
    }
    for (const auto& file : req.candidate_files) {
      consider(util::fs::path(file).filename().string(), util::read_file(file), {});
    }
    const Choice* best = &passed.front();
    for (const auto& c : passed) {
      if (c.report.cycles < best->report.cycles) {
        best = &c;
      }
    }
    cache::Winner w;
    w.key = key.hex;
    w.key_explain = key.explain();
    w.kernel = "ncnn/" + op.name;
    w.source = best->source;
    w.flags = best->flags;
    w.cycles = best->report.cycles;
    w.sol_fraction = best->measurement.sol_fraction;
    w.speedup = base.report.cycles / best->report.cycles;
    w.runner = req.runner_kind;
    w.model_version = best->measurement.model_version;
    w.verified = true;
    w.parent = best->name;
    w.llm_model = "none";
    // Recorded even when ker0 stays, so --ci knows this key was tuned.
    cache::Cache c = cache::Cache::open(req.cache_path);
    c.put_winner(w);
    rep.best_cycles = best->report.cycles;
    rep.speedup = w.speedup;
    rep.sol_fraction = w.sol_fraction;
    rep.status = best == &passed.front() ? "ker0 stays" : "tuned";
    rep.what = best->name;
    // The build's object is now stale for the launcher: remove it so the next
    // build compiles the file again (and substitutes the winner).
    const util::fs::path object = util::fs::path(entry->directory) / entry->output;
    std::error_code ec;
    util::fs::remove(object, ec);
    reports.push_back(rep);
  }
  return reports;
}

} // namespace eok::ncnn
