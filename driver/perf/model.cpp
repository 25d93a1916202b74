#include "perf/model.hpp"

#include "perf/profile.hpp"

#include "util/json_write.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
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
    CostTable::InsnCost cost = table.insn_cost(c.mnemonic, c.sew, c.lmul, c.masked);
    if (cost.unit == Unit::marker) {
      continue;
    }
    double cycles = static_cast<double>(c.count) * cost.cycles;
    if (cost.unit == Unit::scalar) {
      b.scalar += cycles;
    } else {
      (cost.unit == Unit::vector_alu ? b.vector_alu : b.vector_mem) += cycles;
      if (cost.origin != "measured") {
        notes.insert(c.mnemonic + (c.sew > 0 ? " e" + std::to_string(c.sew) + c.lmul : "") + (c.masked ? " masked" : "") + ": " +
                     cost.origin);
      }
      b.vector_instructions += c.count;
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

namespace {

// Offset -> the most executed block translated there (QEMU may translate one address more
// than once; its successors are followed through the busiest copy).
std::map<uint64_t, size_t> most_executed_at(const std::vector<BlockCount>& blocks)
{
  std::map<uint64_t, size_t> at;
  for (size_t i = 0; i < blocks.size(); ++i) {
    auto it = at.find(blocks[i].offset);
    if (it == at.end() || blocks[it->second].count < blocks[i].count) {
      at[blocks[i].offset] = i;
    }
  }
  return at;
}

} // namespace

// Σ executions × cycles, with the blocks of each loop scheduled together: QEMU ends a block at
// every vsetvli and CSR read, so a loop's body is often several blocks, and a dependency
// (a vector result a branch waits for, vl after a fault-only-first load) crosses them. A loop
// is found by following each block's more executed successor back to where the walk began;
// its body runs min(executions) times as one unit, the blocks' other executions alone.
double region_cycles(const std::vector<BlockCount>& blocks, const std::vector<BlockCost>& costs)
{
  const std::map<uint64_t, size_t> at = most_executed_at(blocks);
  std::vector<size_t> order(blocks.size());
  for (size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return blocks[x].count > blocks[y].count; });
  constexpr int k_longest_loop = 64; // blocks
  std::vector<bool> done(blocks.size(), false);
  double total = 0;
  for (size_t first : order) {
    if (done[first]) {
      continue;
    }
    std::vector<size_t> walk = {first};
    bool loop = false;
    for (int step = 0; step < k_longest_loop; ++step) {
      size_t cur = walk.back();
      std::optional<size_t> next;
      for (int64_t s : costs[cur].successors) {
        auto it = at.find(blocks[cur].offset + static_cast<uint64_t>(s));
        if (it != at.end() && (!next || blocks[it->second].count > blocks[*next].count)) {
          next = it->second;
        }
      }
      if (!next) {
        break;
      }
      if (*next == first) {
        loop = true;
        break;
      }
      if (done[*next] || std::find(walk.begin(), walk.end(), *next) != walk.end()) {
        break;
      }
      walk.push_back(*next);
    }
    if (!loop) {
      walk = {first};
    }
    uint64_t iterations = blocks[first].count;
    std::vector<const SimInsn*> body;
    for (size_t i : walk) {
      iterations = std::min(iterations, blocks[i].count);
      for (const auto& d : costs[i].insns) {
        body.push_back(&d);
      }
    }
    bool whole = walk.size() > 1 && std::all_of(walk.begin(), walk.end(), [&](size_t i) { return !costs[i].insns.empty(); });
    if (whole) {
      total += static_cast<double>(iterations) * steady_cycles(body);
    }
    for (size_t i : walk) {
      done[i] = true;
      uint64_t alone = whole ? blocks[i].count - iterations : blocks[i].count;
      total += static_cast<double>(alone) * costs[i].cycles;
    }
  }
  return total;
}

// Conditional branches a predictor gets wrong, at least: a branch whose outcomes are independent
// is mispredicted min(taken, not taken) times (the majority direction is the best guess); a loop's
// back edge costs about one. The outcomes come from the block counts: the fall-through (or the
// target) block entered only from this branch executed exactly as often as that edge was taken.
double mispredicted_branches(const std::vector<BlockCount>& blocks, const std::vector<BlockCost>& costs)
{
  const std::map<uint64_t, size_t> at = most_executed_at(blocks);
  std::map<uint64_t, std::set<uint64_t>> predecessors; // offset -> offsets of blocks that may go there
  for (size_t i = 0; i < blocks.size(); ++i) {
    for (int64_t s : costs[i].successors) {
      predecessors[blocks[i].offset + static_cast<uint64_t>(s)].insert(blocks[i].offset);
    }
  }
  double wrong = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const auto& succ = costs[i].successors;
    if (succ.size() != 2 || succ[0] == succ[1]) {
      continue; // not a conditional branch (its target first, then the fall-through)
    }
    uint64_t taken_to = blocks[i].offset + static_cast<uint64_t>(succ[0]);
    uint64_t falls_to = blocks[i].offset + static_cast<uint64_t>(succ[1]);
    uint64_t n = blocks[i].count;
    auto only_from_here = [&](uint64_t to) { return at.count(to) != 0 && predecessors[to].size() == 1; };
    std::optional<uint64_t> not_taken;
    if (at.count(falls_to) == 0) {
      not_taken = 0;
    } else if (at.count(taken_to) == 0) {
      not_taken = n;
    } else if (only_from_here(falls_to)) {
      not_taken = std::min(n, blocks[at.at(falls_to)].count);
    } else if (only_from_here(taken_to)) {
      not_taken = n - std::min(n, blocks[at.at(taken_to)].count);
    }
    if (not_taken) {
      wrong += static_cast<double>(std::min(*not_taken, n - *not_taken));
    }
  }
  return wrong;
}

ModelBreakdown model_cycles_sched(const Counts& counts, const CostTable& table, double working_set, BlockScheduler& sched)
{
  ModelBreakdown b = model_cycles(counts, table, working_set);
  b.model = "sched";
  std::vector<BlockCost> costs = sched.costs(counts.blocks);
  double vector_alu = 0; // cycles the vector arithmetic pipe is busy
  for (size_t i = 0; i < costs.size(); ++i) {
    b.blocks_unscheduled += costs[i].scheduled ? 0 : 1;
    for (const auto& d : costs[i].insns) {
      if (d.kind == SimKind::vector_alu || d.kind == SimKind::vector_to_scalar) {
        vector_alu += static_cast<double>(counts.blocks[i].count) * d.occupancy;
      }
    }
  }
  b.blocks = costs.size();
  if (b.blocks_unscheduled > 0) {
    b.notes.push_back(std::to_string(b.blocks_unscheduled) + " block(s) not fully described by llvm-mca: cost table used");
  }
  b.compute = region_cycles(counts.blocks, costs) + k_mispredict_penalty * mispredicted_branches(counts.blocks, costs);
  // From DRAM, a miss outlasts what the in-order vector unit's queue can hide: loads wait
  // behind vector arithmetic instead of overlapping it, so that arithmetic adds to the
  // memory time (a copy loop has none, so the memcpy fit is unchanged).
  double memory = b.level == "DRAM" ? b.memory + vector_alu : b.memory;
  b.cycles = std::max(b.compute, memory);
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
