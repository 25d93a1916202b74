#include "perf/model.hpp"

#include "perf/profile.hpp"

#include "util/json_write.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace eok::perf {

namespace {

std::string json_number(double v)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

} // namespace

ModelBreakdown model_cycles(const Counts& counts, const CostTable& table, double working_set)
{
  ModelBreakdown b;
  std::set<std::string> notes;
  for (const auto& c : counts.insns) {
    InsnInfo info = describe_insn(c.mnemonic, c.sew);
    auto n = static_cast<double>(c.count);
    switch (info.unit) {
    case Unit::marker:
      continue;
    case Unit::scalar:
      b.scalar += n * table.scalar_cost(info.scalar_class);
      break;
    case Unit::vector_alu:
    case Unit::vector_mem: {
      VectorCost vc = table.vector_cost(c.mnemonic, c.sew, c.lmul, c.masked);
      (info.unit == Unit::vector_alu ? b.vector_alu : b.vector_mem) += n * vc.cycles;
      if (vc.origin != "measured") {
        notes.insert(c.mnemonic + (c.sew > 0 ? " e" + std::to_string(c.sew) + c.lmul : "") + (c.masked ? " masked" : "") + ": " +
                     vc.origin);
      }
      b.vector_instructions += c.count;
      break;
    }
    }
    b.instructions += c.count;
  }
  b.traffic = traffic_of(counts);
  b.compute = b.vector_alu + b.vector_mem + b.scalar;
  b.working_set = working_set > 0 ? working_set : static_cast<double>(b.traffic.total());
  const MemLevel& level = table.level_for(b.working_set);
  b.level = level.name;
  b.memory = level.cycles(static_cast<double>(b.traffic.read), static_cast<double>(b.traffic.written));
  b.cycles = std::max(b.compute, b.memory);
  b.notes.assign(notes.begin(), notes.end());
  return b;
}

ModelBreakdown model_cycles_sched(const Counts& counts, const CostTable& table, double working_set, BlockScheduler& sched)
{
  ModelBreakdown b = model_cycles(counts, table, working_set);
  b.model = "sched";
  std::vector<BlockCost> costs = sched.costs(counts.blocks);
  double compute = 0;
  for (size_t i = 0; i < costs.size(); ++i) {
    compute += static_cast<double>(counts.blocks[i].count) * costs[i].cycles;
    b.blocks_unscheduled += costs[i].scheduled ? 0 : 1;
  }
  b.blocks = costs.size();
  if (b.blocks_unscheduled > 0) {
    b.notes.push_back(std::to_string(b.blocks_unscheduled) + " block(s) not scheduled by llvm-mca: cost table used");
  }
  b.compute = compute;
  b.cycles = std::max(b.compute, b.memory);
  return b;
}

SolBound speed_of_light(const SolInputs& sol, const CostTable& table)
{
  SolBound s;
  s.compute = sol.flops / table.peak_flops(sol.element_bits);
  // The model's memory term charges reads and writes at their own rates (writes are faster on
  // the X60), so the bound does too: a single copy rate put kernels that write more than they
  // read (fp16 -> fp32 casts) above their honest cycles, and they were called implausible.
  const MemLevel& level = table.level_for(sol.bytes);
  if (sol.bytes > 0) {
    s.memory =
        sol.bytes_read >= 0 && sol.bytes_written >= 0 ? level.cycles(sol.bytes_read, sol.bytes_written) : level.cycles_any_split(sol.bytes);
  }
  s.cycles = std::max(s.compute, s.memory);
  if (s.cycles > 0) {
    s.bound = s.memory >= s.compute ? "memory" : "compute";
  }
  return s;
}

Measurement model_measurement(const Counts& counts, const CostTable& table, const SolInputs& sol, const std::string& version,
                              BlockScheduler* sched)
{
  ModelBreakdown b = sched != nullptr ? model_cycles_sched(counts, table, sol.bytes, *sched) : model_cycles(counts, table, sol.bytes);
  SolBound s = speed_of_light(sol, table);
  Measurement m;
  m.runner = "model";
  m.model_version = version;
  m.cycles = b.cycles;
  m.sol_cycles = s.cycles;
  m.sol_fraction = b.cycles > 0 ? s.cycles / b.cycles : 0;
  m.bound = s.bound;
  m.profile = profile_summary(counts, table, b, s);

  std::string notes;
  for (const auto& n : b.notes) {
    notes += (notes.empty() ? "" : ", ") + util::json_quote(n);
  }
  std::string classes;
  for (const auto& c : counts.insns) {
    if (!classes.empty()) {
      classes += ", ";
    }
    std::string vt = c.sew > 0 ? " e" + std::to_string(c.sew) + c.lmul : c.sew < 0 ? " e?" : "";
    classes += util::json_quote(c.mnemonic + vt + (c.masked ? " v0.t" : "")) + ": " + std::to_string(c.count);
  }
  m.detail_json = "{\"schema_version\": 1, \"model\": " + util::json_quote(b.model) + ", \"blocks\": " + std::to_string(b.blocks) +
                  ", \"cycles\": " + json_number(b.cycles) + ", \"compute_cycles\": " + json_number(b.compute) +
                  ", \"vector_alu_cycles\": " + json_number(b.vector_alu) + ", \"vector_mem_cycles\": " + json_number(b.vector_mem) +
                  ", \"scalar_cycles\": " + json_number(b.scalar) + ", \"memory_cycles\": " + json_number(b.memory) +
                  ", \"level\": " + util::json_quote(b.level) + ", \"working_set_bytes\": " + json_number(b.working_set) +
                  ", \"bytes_read\": " + std::to_string(b.traffic.read) + ", \"bytes_written\": " + std::to_string(b.traffic.written) +
                  ", \"instructions\": " + std::to_string(b.instructions) +
                  ", \"vector_instructions\": " + std::to_string(b.vector_instructions) +
                  ", \"roi_entries\": " + std::to_string(counts.roi_entries) + ", \"sol_compute_cycles\": " + json_number(s.compute) +
                  ", \"sol_memory_cycles\": " + json_number(s.memory) + ", \"notes\": [" + notes + "], \"counts\": {" + classes + "}}";
  return m;
}

} // namespace eok::perf
