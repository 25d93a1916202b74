#include "ncnn/tune.hpp"

#include "cache/cache.hpp"
#include "launch/compile_line.hpp"
#include "launch/launch_key.hpp"
#include "ncnn/harness.hpp"
#include "ncnn/integrity.hpp"
#include "ncnn/layer_context.hpp"
#include "perf/runner.hpp"
#include "tune/eok_search.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/json_write.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <chrono>
#include <mutex>
#include <utility>

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

  // One at a time (the LLM search's threads share the bench); `measured` receives the
  // measurement of a candidate that passed.
  CandidateReport evaluate(const std::string& name, const std::string& source, const std::vector<std::string>& flags,
                           perf::Measurement* measured = nullptr)
  {
    std::lock_guard<std::mutex> lock(m_mutex);
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
    if (measured != nullptr) {
      *measured = *m;
    }
    return rep;
  }

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
  std::mutex m_mutex;
};

struct Choice
{
  std::string name, source;
  std::vector<std::string> flags;
  CandidateReport report;
  perf::Measurement measurement;
  std::optional<tune::Variant> step; // an LLM candidate: the search's variant, with its step's provenance
};

// A verdict as the search keeps it, in the fields the kernel evaluator's JSON has for the
// prompts' feedback and profile (tune/search_feedback.hpp), so a resumed run's prompts are
// the same text.
search::Evaluation to_evaluation(const CandidateReport& r, const perf::Measurement& m)
{
  search::Evaluation e;
  e.ok = r.verdict == "ok";
  e.verdict = r.verdict;
  e.reason = r.detail.substr(0, r.detail.find('\n'));
  std::string json = "{\"verdict\": " + util::json_quote(r.verdict) + ", \"reason\": " + util::json_quote(e.reason);
  if (!r.detail.empty()) {
    json +=
        std::string(", \"") + (r.verdict == "compile_failed" ? "compiler_output" : "program_output") + "\": " + util::json_quote(r.detail);
  }
  if (e.ok) {
    e.cycles = r.cycles;
    e.sol_fraction = m.sol_fraction;
    e.runner = m.runner;
    e.model_version = m.model_version;
    json += ", \"measurement\": {\"runner\": " + util::json_quote(m.runner) + ", \"model_version\": " + util::json_quote(m.model_version) +
            ", \"cycles\": " + util::json_number(m.cycles) + ", \"sol_fraction\": " + util::json_number(m.sol_fraction) +
            ", \"profile\": " + util::json_quote(m.profile) + "}";
  }
  e.verdict_json = json + "}";
  return e;
}

// The last -march of the command, as the compiler takes it.
std::string march_of(const CompileEntry& entry)
{
  std::string march;
  for (const auto& a : entry.argv) {
    if (util::starts_with(a, "-march=")) {
      march = a.substr(7);
    }
  }
  return march;
}

std::string shape_text(const Shape& s)
{
  return std::to_string(s.w) + "x" + std::to_string(s.h) + "x" + std::to_string(s.c);
}

} // namespace

const char* op_status_name(OpStatus s)
{
  switch (s) {
  case OpStatus::tuned:
    return "tuned";
  case OpStatus::ker0_stays:
    return "ker0 stays";
  case OpStatus::cached:
    return "cached";
  case OpStatus::miss:
    return "miss";
  case OpStatus::skipped:
    return "skipped";
  case OpStatus::failed:
    return "failed";
  case OpStatus::measured:
    return "measured";
  }
  return "unknown";
}

std::optional<OpStatus> op_status(const std::string& name)
{
  return util::enum_from_name(op_status_name, name);
}

std::string task_description(const OpSpec& op)
{
  std::string s = "NCNN's " + op.type + " layer, " +
                  (op.fp16 ? std::string("fp16 storage (the layer's _zfh file)") + (op.fp16_arithmetic ? " with fp16 arithmetic" : "")
                           : std::string("fp32 storage")) +
                  "; parameters (ParamDict id=value):";
  for (const auto& p : op.params) {
    s += " " + std::to_string(p.id) + "=" + (p.is_int ? std::to_string(static_cast<long long>(p.value)) : util::fixed(p.value, 6));
  }
  if (!op.weights.empty()) {
    s += "; weight blobs in load_model order, sizes:";
    for (const auto& w : op.weights) {
      s += " " + std::to_string(w.size);
    }
  }
  s += "; " + std::to_string(op.inputs) + " input blob(s), " + (op.dims == 2 ? "2-D (w x h)" : "3-D (w x h x c)");
  if (!op.input_forms.empty()) {
    s += " of the forms";
    for (const auto& f : op.input_forms) {
      s += " " + f;
    }
  }
  if (op.input_type != "fp32") {
    s += ", stored as " + op.input_type;
  }
  if (op.output_type == "bf16") {
    s += ", output stored as bf16";
  }
  s += ", checked on";
  for (const auto& sh : op.shapes) {
    s += " " + shape_text(sh);
  }
  return s + ", measured at " + shape_text(op.perf_shape) + ".";
}

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
      rep.status = OpStatus::skipped;
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
      rep.status = stored ? OpStatus::cached : OpStatus::miss;
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
    auto note = [&](const std::string& name, const CandidateReport& r) {
      progress(op.name + " " + name + ": " + r.verdict + (r.verdict == "ok" ? " " + util::fixed(r.cycles, 0) + " cycles" : "") +
               (r.detail.empty() ? "" : " (" + r.detail.substr(0, 200) + ")"));
    };
    auto consider = [&](const std::string& name, const std::string& source, const std::vector<std::string>& flags) {
      Choice c{name, source, flags, {}, {}, std::nullopt};
      c.report = bench.evaluate(name, source, flags, &c.measurement);
      note(name, c.report);
      rep.candidates.push_back(c.report);
      if (c.report.verdict == "ok") {
        passed.push_back(std::move(c));
      }
    };
    consider("ker0", ker0, {});
    if (passed.empty()) {
      rep.status = OpStatus::failed;
      rep.what = "ker0 itself did not pass against the naive layer: " + rep.candidates.back().verdict;
      reports.push_back(rep);
      continue;
    }
    const Choice base = passed.front();
    rep.ker0_cycles = base.report.cycles;
    if (req.baseline) {
      rep.status = OpStatus::measured;
      rep.best_cycles = base.report.cycles;
      rep.sol_fraction = base.measurement.sol_fraction;
      rep.what = "ker0 (--baseline: nothing stored)";
      reports.push_back(rep);
      continue;
    }
    const std::vector<std::vector<std::string>> flag_sets =
        req.flag_search ? default_flag_sets(*entry, req.target.vlen) : std::vector<std::vector<std::string>>{};
    std::string run_uid;
    if (req.settings != nullptr && req.settings->get().llm_provider != "none") {
      // The EoK search of `eok tune`, over whole replacements of the file.
      cache::Cache c = cache::Cache::open(req.cache_path);
      const std::optional<cache::Run> unfinished = c.find_unfinished_run(key.hex);
      const int64_t run = unfinished ? unfinished->id : c.begin_run("ncnn/" + op.name, key.hex, "eok ncnn tune");
      run_uid = c.find_run(run)->uid;
      tune::EngineTask t;
      t.task.name = "ncnn/" + op.name;
      t.task.description = task_description(op);
      t.task.file = op.file;
      t.task.context = context_block(included_headers(*entry, req.source_dir, req.build_dir));
      t.task.vlen = req.target.vlen;
      t.task.march = march_of(*entry);
      t.ker0 = {"ker0",
                "ker0: the tree's own file",
                ker0,
                1.0,
                base.report.cycles,
                base.measurement.sol_fraction,
                base.measurement.profile,
                {},
                {},
                {},
                {}};
      std::mutex seen_mutex;
      t.evaluate = [&](const std::string& code, const std::string& slot) {
        perf::Measurement m;
        CandidateReport r = bench.evaluate(slot, code, {}, &m);
        std::lock_guard<std::mutex> lock(seen_mutex);
        note(slot, r);
        rep.candidates.push_back(r);
        return to_evaluation(r, m);
      };
      t.run_id = run;
      t.core = req.target.core;
      tune::LlmSearchResult found = tune::run_engine(*req.settings, c, t, rep.search_note);
      progress(op.name + " " + rep.search_note);
      if (!found.unavailable.empty()) {
        c.end_run(run, cache::RunState::aborted, found.unavailable); // resumed by the next run
        rep.status = OpStatus::failed;
        rep.what = found.unavailable;
        reports.push_back(rep);
        continue;
      }
      for (const auto& f : found.passed) {
        Choice ch{f.variant.origin, f.variant.source, {}, {f.variant.origin, "ok", "", f.figures.cycles}, {}, f.variant};
        ch.measurement.cycles = f.figures.cycles;
        ch.measurement.sol_fraction = f.figures.sol_fraction;
        ch.measurement.model_version = f.figures.model_version;
        passed.push_back(std::move(ch));
      }
      c.end_run(run, found.incomplete.empty() ? cache::RunState::complete : cache::RunState::aborted, found.incomplete);
      if (!found.passed.empty()) {
        // the knob/flag post-pass: the flag sets on the best LLM candidate too
        const tune::Scored& top = found.passed.front();
        for (const auto& flags : flag_sets) {
          const size_t before = passed.size();
          consider(top.variant.origin + " " + util::join(flags, " "), top.variant.source, flags);
          if (passed.size() > before) {
            passed.back().step = top.variant;
          }
        }
      }
    }
    for (const auto& flags : flag_sets) {
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
    w.speedup = perf::speedup(base.report.cycles, best->report.cycles);
    w.runner = req.runner_kind;
    w.model_version = best->measurement.model_version;
    w.verified = true;
    w.parent = best->name;
    w.llm_model = "none";
    w.run_uid = run_uid;
    if (best->step) {
      // an LLM-born winner: its search step's provenance
      w.parent = best->step->origin;
      w.candidate_slot = best->flags.empty() ? best->step->origin : "";
      w.idea = best->step->idea;
      w.thought = best->step->thought;
      w.llm_model = best->step->llm_model;
    }
    // Recorded even when ker0 stays, so --ci knows this key was tuned.
    cache::Cache c = cache::Cache::open(req.cache_path);
    c.put_winner(w);
    rep.best_cycles = best->report.cycles;
    rep.speedup = w.speedup;
    rep.sol_fraction = w.sol_fraction;
    rep.status = best == &passed.front() ? OpStatus::ker0_stays : OpStatus::tuned;
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
