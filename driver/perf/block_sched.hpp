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
// (bytes, SEW, LMUL) for the scheduler's lifetime and, when a cache directory is given,
// on disk (one small file per block, written atomically), so later processes (each
// `eok eval`, each tuning run) schedule only blocks never seen before. llvm-mca is
// deterministic, so a cached figure is the figure llvm-mca would give again.
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
  // Throws Fatal when llvm-mc-22 or llvm-mca-22 is not installed. disk_cache: directory
  // for block costs ("" for none); its name must change whenever the costs could (the
  // runner passes one named by the model version).
  explicit BlockScheduler(const CostTable& table, std::string disk_cache = "");
  // Costs of `blocks` (same order); schedules the ones not seen before in one llvm-mca run.
  std::vector<BlockCost> costs(const std::vector<BlockCount>& blocks);

private:
  using Key = std::tuple<std::vector<unsigned char>, int, std::string>;
  const CostTable& m_table;
  std::string m_mc, m_mca, m_disk;
  [[nodiscard]] std::string disk_path(const Key& key) const;
  bool load(const Key& key);
  void store(const Key& key, const BlockCost& cost) const;
  std::mutex m_lock;
  std::map<Key, BlockCost> m_cache;
};

// The default on-disk block cache: $XDG_CACHE_HOME/eok/blocks (else ~/.cache/eok/blocks)
// under a directory named by `version`; "" when neither variable is set.
std::string default_block_cache(const std::string& version);

// The disassembly of a block's bytes, one instruction per line ("vadd.vv\tv2, v6, v5").
std::vector<std::string> disassemble_block(const std::string& llvm_mc, const std::vector<unsigned char>& bytes);

} // namespace eok::perf
