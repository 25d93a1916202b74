// `eok perf validate` and `eok perf bench`: the model against the published X60
// figures it was built from (microkernels per instruction, the memcpy curve by
// size), and what the counting plugin costs in evaluation time. The app prints.
#pragma once

#include "target/target.hpp"

#include <functional>
#include <string>
#include <vector>

namespace eok::perf {

struct ValidationRow
{
  std::string name;     // "vfdiv.vv e32m8", "memcpy 64 KiB"
  double published = 0; // cycles per instruction, or bytes copied per cycle
  double model = 0;     // the same quantity from plugin counts + the model
  std::string note;     // memcpy: the level the model put the working set in
  [[nodiscard]] double error() const { return published != 0 ? (model - published) / published : 0; }
};

struct Validation
{
  std::vector<ValidationRow> instructions; // self-consistency: the table vs the figures it was built from
  std::vector<ValidationRow> memcpy;
  std::vector<ValidationRow> kernels;       // whole kernels the table was not fitted on (x60_kernels.csv), n / cycles
  std::vector<ValidationRow> kernels_sched; // the same rows under model "sched" (empty without llvm-mca-22)
};

// Builds the microkernels with the target's compiler in `work_dir` and measures them with
// the model runner; `progress` is told what runs. Throws Fatal on infrastructure faults.
Validation validate_model(const target::Target& target, const std::string& work_dir,
                          const std::function<void(const std::string&)>& progress);

struct BenchRow
{
  std::string shape;        // "relu e32m8 n=4096"
  double plain_seconds = 0; // qemu alone (median of repetitions)
  double model_seconds = 0; // qemu with the counting plugin
};

std::vector<BenchRow> bench_plugin(const target::Target& target, const std::string& work_dir, int repetitions,
                                   const std::function<void(const std::string&)>& progress);

} // namespace eok::perf
