// Evaluations on a Slurm cluster (eval.executor = slurm): each candidate is one
// `srun` job that runs this same eok binary's `eok eval --json` on a node, with
// the kernel, target and evaluator settings of the tuning run, so its verdict is
// the JSON the local evaluator writes, read back into an eval::Verdict. Every
// node must see the eok binary, the kernel directory, the cross files and
// slurm.shared_dir (a shared file system, as clusters have). The same seed gives
// the same verdict and figures as a local evaluation (the job derives the
// candidate's seed from search.seed and the source exactly as eval::Evaluator).
//
// Faults of the cluster, never of the candidate: a job that is cancelled, whose
// node fails, that is preempted or runs out of its time limit, or whose output
// is not a verdict, is resubmitted up to slurm.retries times, then recorded as
// verdict executor_fault (infrastructure: it never wins and is not the
// candidate's failure). Jobs are named after the run, so a resumed run cancels
// what a killed one left behind instead of waiting for it.
#pragma once

#include "config/config.hpp"
#include "eval/evaluator.hpp"
#include "eval/verdict.hpp"

#include <atomic>
#include <string>
#include <vector>

namespace eok::cluster {

struct SlurmJobs
{
  std::string eok_binary;               // the eok the nodes run (this binary)
  std::string kernel_dir;               // absolute
  std::vector<std::string> cross_files; // absolute: the tuning run's target
  std::string job_name;                 // "eok-<run uid>": cancel_jobs() finds leftovers by it
};

class SlurmExecutor
{
public:
  SlurmExecutor(const config::Config& cfg, SlurmJobs jobs);

  // One candidate's verdict from a cluster job. Never throws for cluster faults.
  eval::Verdict evaluate(const eval::Candidate& c);

  // The srun command line of one evaluation (for tests and --dry runs).
  [[nodiscard]] std::vector<std::string> command(const std::string& candidate_file, const eval::Candidate& c) const;

  // Jobs submitted and resubmitted so far (the benchmark and tests read them).
  [[nodiscard]] int submitted() const { return m_submitted.load(); }
  [[nodiscard]] int resubmitted() const { return m_resubmitted.load(); }

  // Cancel every job named `job_name` still queued or running (a killed run's leftovers).
  static void cancel_jobs(const config::Config& cfg, const std::string& job_name);

private:
  const config::Config& m_cfg;
  SlurmJobs m_jobs;
  std::string m_shared_dir;
  std::atomic<int> m_submitted{0};
  std::atomic<int> m_resubmitted{0};
};

// A verdict from the JSON `eok eval --json` writes (eval::verdict_json). Fails on
// text that is not such a document.
Expected<eval::Verdict> verdict_from_json(const std::string& text);

} // namespace eok::cluster
