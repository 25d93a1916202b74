#include "cluster/slurm.hpp"

#include "llm/json.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <chrono>
#include <cstdlib>
#include <unistd.h>

namespace eok::cluster {

namespace {

double number_of(const std::map<std::string, std::string>& f, const std::string& key)
{
  auto it = f.find(key);
  return it == f.end() || it->second.empty() ? 0.0 : std::strtod(it->second.c_str(), nullptr);
}

using llm::flat_text;

// Slurm's client settings (SLURM_CONF, …) for srun and scancel, whatever environment
// eok gives its children otherwise: they say which cluster, never a secret.
std::vector<std::string> slurm_environment()
{
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    if (util::starts_with(*e, "SLURM_")) {
      out.emplace_back(*e);
    }
  }
  return out;
}

} // namespace

Expected<eval::Verdict> verdict_from_json(const std::string& text)
{
  auto parsed = llm::parse_flat_object(text);
  if (!parsed) {
    return Expected<eval::Verdict>::fail("not a verdict: " + parsed.error());
  }
  const auto& f = parsed.value();
  if (flat_text(f, "schema_version") != std::to_string(eval::k_verdict_schema_version)) {
    return Expected<eval::Verdict>::fail("not a verdict of schema " + std::to_string(eval::k_verdict_schema_version));
  }
  auto kind = eval::verdict_kind(flat_text(f, "verdict"));
  if (!kind) {
    return Expected<eval::Verdict>::fail("unknown verdict '" + flat_text(f, "verdict") + "'");
  }
  eval::Verdict v;
  v.kind = *kind;
  v.reason = flat_text(f, "reason");
  v.seed = static_cast<uint64_t>(std::strtoull(flat_text(f, "seed").c_str(), nullptr, 10));
  v.mismatch_count = static_cast<int64_t>(number_of(f, "mismatch_count"));
  const auto n = static_cast<size_t>(number_of(f, "mismatches.#"));
  for (size_t i = 0; i < n; ++i) {
    const std::string p = "mismatches." + std::to_string(i) + ".";
    v.mismatches.push_back({flat_text(f, p + "shape"), flat_text(f, p + "arg"), static_cast<int64_t>(number_of(f, p + "index")),
                            flat_text(f, p + "expected"), flat_text(f, p + "got")});
  }
  v.compiler_output = flat_text(f, "compiler_output");
  v.program_output = flat_text(f, "program_output");
  v.timing = {number_of(f, "timing.compile_s"), number_of(f, "timing.check_s"), number_of(f, "timing.perf_s")};
  if (f.count("measurement.cycles") != 0) {
    perf::Measurement m;
    m.runner = flat_text(f, "measurement.runner");
    m.model_version = flat_text(f, "measurement.model_version");
    m.cycles = number_of(f, "measurement.cycles");
    m.spread = number_of(f, "measurement.spread");
    m.sol_cycles = number_of(f, "measurement.sol_cycles");
    m.sol_fraction = number_of(f, "measurement.sol_fraction");
    m.bound = flat_text(f, "measurement.bound");
    m.board = flat_text(f, "measurement.board");
    m.profile = flat_text(f, "measurement.profile");
    v.measurement = m;
    v.speedup = number_of(f, "speedup");
  }
  return v;
}

SlurmExecutor::SlurmExecutor(const config::Config& cfg, SlurmJobs jobs)
  : m_cfg(cfg)
  , m_jobs(std::move(jobs))
  , m_shared_dir((util::fs::absolute(cfg.slurm_shared_dir.empty() ? cfg.work_dir : cfg.slurm_shared_dir) / "slurm").string())
{
  std::error_code ec;
  util::fs::create_directories(m_shared_dir, ec);
  if (ec) {
    throw Fatal(located(m_shared_dir, 0, "cannot create the Slurm shared directory: " + ec.message()));
  }
}

std::vector<std::string> SlurmExecutor::command(const std::string& candidate_file, const eval::Candidate& c) const
{
  std::vector<std::string> argv = util::split(m_cfg.slurm_srun, ' ');
  // --export: the job gets PATH and HOME, never eok's environment (an API key must not reach a node).
  argv.insert(argv.end(), {"--quiet", "--export=PATH,HOME", "--job-name=" + m_jobs.job_name, "--nodes=1", "--ntasks=1",
                           "--time=" + std::to_string(m_cfg.slurm_time_min)});
  if (!m_cfg.slurm_partition.empty()) {
    argv.push_back("--partition=" + m_cfg.slurm_partition);
  }
  if (!m_cfg.slurm_account.empty()) {
    argv.push_back("--account=" + m_cfg.slurm_account);
  }
  if (m_cfg.slurm_mem_mb > 0) {
    argv.push_back("--mem=" + std::to_string(m_cfg.slurm_mem_mb));
  }
  // Every setting that decides the verdict is given here (the job has no EOK_* environment).
  argv.insert(argv.end(), {"--", m_jobs.eok_binary, "eval", "--kernel", m_jobs.kernel_dir, "--candidate", candidate_file, "--json"});
  for (const auto& f : m_jobs.cross_files) {
    argv.push_back("--cross-file=" + f);
  }
  for (const auto& [name, value] : c.defines) {
    argv.push_back("--define=" + name + "=" + std::to_string(value));
  }
  for (const auto& flag : c.flags) {
    argv.push_back("--flag=" + flag);
  }
  const std::vector<std::pair<std::string, std::string>> settings = {
      {"search.seed", std::to_string(m_cfg.seed)},
      {"target.runner", m_cfg.runner},
      {"eval.timeout_s", std::to_string(m_cfg.eval_timeout_s)},
      {"eval.memory_mb", std::to_string(m_cfg.eval_memory_mb)},
      {"eval.sandbox", m_cfg.eval_sandbox ? "true" : "false"},
      {"paths.work", m_shared_dir + "/work"},
  };
  for (const auto& [key, value] : settings) {
    argv.push_back("--set=" + key + "=" + value);
  }
  return argv;
}

eval::Verdict SlurmExecutor::evaluate(const eval::Candidate& c)
{
  const std::string file = m_shared_dir + "/" + util::sha256_hex(c.source).substr(0, 24) + ".c";
  if (!util::fs::exists(file)) {
    util::write_file_atomic(file, c.source);
  }
  std::string last;
  for (int64_t attempt = 0; attempt <= m_cfg.slurm_retries; ++attempt) {
    (attempt == 0 ? m_submitted : m_resubmitted)++;
    util::ProcessSpec spec;
    spec.argv = command(file, c);
    spec.timeout = std::chrono::seconds(m_cfg.slurm_time_min * 60 + 120); // queueing beyond the job's own limit
    spec.output_cap = 16 << 20;
    spec.env_add = slurm_environment();
    const util::ProcessResult r = util::run_process(spec);
    // `eok eval` exits 0 (ok) or 1 (any other verdict) with the verdict on stdout;
    // anything else is the cluster's doing (srun's own errors go to stderr).
    if (r.status == util::ProcessResult::Status::exited && (r.exit_code == 0 || r.exit_code == 1)) {
      if (auto v = verdict_from_json(r.out)) {
        return v.value();
      }
    }
    last = (r.error.empty() ? r.describe() : r.error) + ": " + util::trim(r.err.substr(0, 400));
  }
  eval::Verdict v;
  v.kind = eval::VerdictKind::executor_fault;
  v.reason = "the Slurm job was lost " + std::to_string(m_cfg.slurm_retries + 1) + " times (" + last + ")";
  return v;
}

void SlurmExecutor::cancel_jobs(const config::Config& cfg, const std::string& job_name)
{
  std::vector<std::string> srun = util::split(cfg.slurm_srun, ' ');
  util::ProcessSpec spec;
  // The scancel beside an absolute srun, else the one on PATH (a site wrapper for srun has none beside it).
  const util::fs::path beside = util::fs::path(srun.front()).parent_path() / "scancel";
  spec.argv = {srun.front().find('/') != std::string::npos && util::fs::exists(beside) ? beside.string() : "scancel", "--name=" + job_name};
  spec.timeout = std::chrono::seconds(30);
  spec.env_add = slurm_environment();
  util::run_process(spec); // nothing to cancel, or no scancel: the new jobs still run
}

} // namespace eok::cluster
