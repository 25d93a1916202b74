// The two Runner implementations behind make_runner (runner.hpp).
#pragma once

#include "perf/block_sched.hpp"
#include "perf/cost_table.hpp"
#include "perf/counts.hpp"
#include "perf/runner.hpp"

#include <chrono>
#include <mutex>

namespace eok::perf {

// Where the QEMU plugin is: $EOK_QEMU_PLUGIN, else the path the build baked in.
// Throws Fatal (saying how to fix it) when the file is missing.
std::string qemu_plugin_path();

class ModelRunner : public Runner
{
public:
  ModelRunner(target::Target target, const CostTable& table, std::string plugin);
  [[nodiscard]] std::string kind() const override { return "model"; }
  [[nodiscard]] std::string version() const override;
  [[nodiscard]] Expected<Measurement> measure(const std::vector<std::string>& program, const SolInputs& sol) override;
  // What the plugin counted in one run of `program` (measure() = count() + the model).
  [[nodiscard]] Expected<Counts> count(const std::vector<std::string>& program) const;
  [[nodiscard]] const CostTable& table() const { return m_table; }
  // Model "sched"'s block scheduler (nullptr for model "table").
  [[nodiscard]] BlockScheduler* scheduler() const { return m_sched.get(); }

private:
  target::Target m_target;
  const CostTable& m_table;
  std::string m_plugin;
  std::unique_ptr<BlockScheduler> m_sched;
};

struct WallOptions
{
  int warm = 10; // unmeasured runs (EoK paper: 10)
  int runs = 50; // measured runs (EoK paper: 50)
  std::chrono::milliseconds timeout{std::chrono::minutes(10)};
};

// Real boards: runs the harness in wall mode through the exe_wrapper as it is.
// Its figures mean something only on the hardware the wrapper reaches.
class WallRunner : public Runner
{
public:
  WallRunner(target::Target target, WallOptions options);
  [[nodiscard]] std::string kind() const override { return "wall"; }
  [[nodiscard]] std::string version() const override;
  [[nodiscard]] Expected<Measurement> measure(const std::vector<std::string>& program, const SolInputs& sol) override;

private:
  target::Target m_target;
  WallOptions m_options;
  std::mutex m_board; // one timed run at a time: concurrent runs would disturb each other
};

std::string wall_version(const target::Target& target, const WallOptions& options);

// Parses `eok-wall-ns <ns>` / `eok-wall-cycles <c>` lines into a Measurement (cycles:
// median cycles, or median ns x the core clock when rdcycle is unavailable).
Expected<Measurement> wall_measurement(const std::string& output, int runs, const std::string& board, const SolInputs& sol,
                                       const CostTable* table, const std::string& version);

} // namespace eok::perf
