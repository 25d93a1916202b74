// The X60 model: plugin counts + cost table -> cycles, and the speed-of-light bound.
// Pure functions of their inputs (deterministic: same counts, same figures).
#pragma once

#include "perf/block_sched.hpp"
#include "perf/cost_table.hpp"
#include "perf/counts.hpp"
#include "perf/runner.hpp"

#include <string>

namespace eok::perf {

struct ModelBreakdown
{
  double vector_alu = 0;                       // cycles of vector arithmetic
  double vector_mem = 0;                       // cycles of vector loads/stores
  double scalar = 0;                           // cycles of scalar instructions (vset* included)
  double compute = 0;                          // table: vector_alu + vector_mem + scalar (no overlap); sched: Σ blocks
  std::string model = "table";                 // table | sched
  uint64_t blocks = 0, blocks_unscheduled = 0; // sched: distinct blocks, those llvm-mca refused
  double memory = 0;                           // bytes read / written over the working set's level's bandwidths
  double cycles = 0;                           // max(compute, memory)
  std::string level;                           // L1 | L2 | DRAM
  double working_set = 0;
  Traffic traffic;
  uint64_t instructions = 0, vector_instructions = 0;
  std::vector<std::string> notes; // unmeasured or proxied instructions
};

// working_set: bytes the kernel touches (chooses the memory level); 0: bytes moved.
ModelBreakdown model_cycles(const Counts& counts, const CostTable& table, double working_set);
// Model "sched": Σ executions × cycles of the region's blocks, each loop's blocks scheduled
// together at their steady state (perf/inorder), the others alone.
double region_cycles(const std::vector<BlockCount>& blocks, const std::vector<BlockCost>& costs);
// The fewest conditional-branch mispredictions the block counts allow (independent outcomes).
double mispredicted_branches(const std::vector<BlockCount>& blocks, const std::vector<BlockCost>& costs);
// Model "sched": compute = region_cycles + mispredictions × k_mispredict_penalty; memory as above
// (from DRAM, vector arithmetic adds to it).
ModelBreakdown model_cycles_sched(const Counts& counts, const CostTable& table, double working_set, BlockScheduler& sched);

struct SolBound
{
  double cycles = 0;
  std::string bound; // "compute" | "memory" ("" when the inputs say nothing)
  double compute = 0, memory = 0;
};
SolBound speed_of_light(const SolInputs& sol, const CostTable& table);

// The Measurement of a model run (detail_json carries the breakdown).
// sched: nullptr for model "table".
Measurement model_measurement(const Counts& counts, const CostTable& table, const SolInputs& sol, const std::string& version,
                              BlockScheduler* sched = nullptr);

} // namespace eok::perf
