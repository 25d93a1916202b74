// Model "sched": each executed block of the region scheduled on LLVM's SpacemiT X60
// scheduling model (llvm-mca-22 -mcpu=spacemit-x60), so in-order latency stalls and
// dual issue show in the cycles, unlike the cost table's independent sums.
//
// A block's instructions come from its bytes (llvm-mc-22 --disassemble); its vector
// instructions are costed at the SEW/LMUL it was translated for (llvm-mca's RISC-V
// instrument comments, so no vsetvli is added to the block). Cycles per execution are
// the steady state of the block repeated back to back: (cycles of 2 copies − cycles
// of 1 copy) / iterations, so pipeline fill is not charged. A block llvm-mca cannot
// schedule is costed with the cost table instead (noted). Results are cached by
// (bytes, SEW, LMUL) for the scheduler's lifetime. llvm-mca is deterministic.
#pragma once

#include "perf/cost_table.hpp"
#include "perf/counts.hpp"

#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace eok::perf {

struct BlockCost
{
  double cycles = 0; // per execution of the block
  int instructions = 0;
  bool scheduled = false; // false: llvm-mca refused it; costed with the cost table
};

class BlockScheduler
{
public:
  // Throws Fatal when llvm-mc-22 or llvm-mca-22 is not installed.
  explicit BlockScheduler(const CostTable& table);
  // Costs of `blocks` (same order); schedules the ones not seen before in one llvm-mca run.
  std::vector<BlockCost> costs(const std::vector<BlockCount>& blocks);

private:
  using Key = std::tuple<std::vector<unsigned char>, int, std::string>;
  const CostTable& m_table;
  std::string m_mc, m_mca;
  std::mutex m_lock;
  std::map<Key, BlockCost> m_cache;
};

// The disassembly of a block's bytes, one instruction per line ("vadd.vv\tv2, v6, v5").
std::vector<std::string> disassemble_block(const std::string& llvm_mc, const std::vector<unsigned char>& bytes);

} // namespace eok::perf
