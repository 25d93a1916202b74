#include "perf/profile.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <vector>

namespace eok::perf {

namespace {

std::string percent(double part, double whole)
{
  return whole > 0 ? util::fixed(100.0 * part / whole, 0) + "%" : "0%";
}

// vl<N>re<EEW>.v / vs<N>r.v: whole-register-group moves, which compilers emit to spill
// and refill vector registers (kernels rarely use them on purpose).
bool whole_register_move(const std::string& m)
{
  auto digits_then = [&m](size_t at, const std::string& rest) {
    size_t i = at;
    while (i < m.size() && m[i] >= '0' && m[i] <= '9') {
      ++i;
    }
    return i > at && m.compare(i, rest.size(), rest) == 0;
  };
  return (m.rfind("vl", 0) == 0 && digits_then(2, "re")) || (m.rfind("vs", 0) == 0 && digits_then(2, "r.v"));
}

struct Cost
{
  std::string name;
  double cycles = 0;
};

} // namespace

std::string profile_summary(const Counts& counts, const CostTable& table, const ModelBreakdown& b, const SolBound& sol, size_t top)
{
  // Cycles per instruction class by the cost table (the sched model's block costs do not
  // split by instruction; the table's split says where the work is all the same).
  std::vector<Cost> costs;
  double total = 0;
  uint64_t spills = 0;
  for (const auto& c : counts.insns) {
    CostTable::InsnCost cost = table.insn_cost(c.mnemonic, c.sew, c.lmul, c.masked);
    if (cost.unit == Unit::marker) {
      continue;
    }
    double one = cost.cycles;
    std::string vt = c.sew > 0 ? " e" + std::to_string(c.sew) + c.lmul : "";
    costs.push_back({c.mnemonic + vt + (c.masked ? " masked" : ""), one * static_cast<double>(c.count)});
    total += costs.back().cycles;
    spills += whole_register_move(c.mnemonic) ? c.count : 0;
  }
  std::stable_sort(costs.begin(), costs.end(), [](const Cost& x, const Cost& y) { return x.cycles > y.cycles; });

  const double instr = b.vector_alu + b.vector_mem + b.scalar;
  std::string s = util::fixed(b.cycles, 0) + " cycles (" + b.model + " model); instruction cost: vector ALU " +
                  percent(b.vector_alu, instr) + ", vector memory " + percent(b.vector_mem, instr) + ", scalar " +
                  percent(b.scalar, instr) + "; ";
  if (b.memory > 0) {
    s += "memory (" + b.level + ") " + util::fixed(b.memory, 0) + " cycles vs compute " + util::fixed(b.compute, 0) + ": " +
         (b.memory >= b.compute ? "memory-bound" : "compute-bound") + ".\n";
  } else {
    s += "working set in L1: compute-bound.\n";
  }
  if (sol.cycles > 0 && b.cycles > 0) {
    s += "Speed of light " + util::fixed(sol.cycles, 0) + " cycles (" + sol.bound + " bound), " + percent(sol.cycles, b.cycles) +
         " of it reached.\n";
  }
  if (!costs.empty()) {
    s += "Costliest:";
    for (size_t i = 0; i < costs.size() && i < top; ++i) {
      s += std::string(i ? "," : "") + " " + costs[i].name + " " + percent(costs[i].cycles, total);
    }
    s += ".\n";
  }
  if (spills > 0) {
    s += std::to_string(spills) + " whole-register vector loads/stores (register spills?).\n";
  }
  if (s.size() > k_profile_max_chars) { // never crowd the code out: cut at a line end
    size_t cut = s.rfind('\n', k_profile_max_chars - 1);
    s = s.substr(0, cut == std::string::npos ? k_profile_max_chars : cut + 1);
  }
  return s;
}

} // namespace eok::perf
