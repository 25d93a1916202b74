// Model "sched": each executed block of the region described with LLVM's SpacemiT X60
// scheduling model (llvm-mca-22 -mcpu=spacemit-x60: every instruction's latency and
// reciprocal throughput), for the in-order pipeline model (perf/inorder) to schedule.
//
// A block's instructions come from its bytes (llvm-mc-22 --disassemble); its vector
// instructions are described at the SEW/LMUL it was translated for (llvm-mca's RISC-V
// instrument comments, so no vsetvli is added to the block). A block's own cycles are the
// steady state of the block repeated back to back; model_cycles_sched schedules the blocks
// of a loop together. An instruction llvm-mca cannot describe gets latency 1 and the cost
// table's throughput (the block is noted as not scheduled). Descriptions are cached by
// (bytes, SEW, LMUL) for the scheduler's lifetime and, when a cache directory is given,
// on disk (one small file per block, written atomically), so later processes (each
// `eok eval`, each tuning run) run llvm-mca only on blocks never seen before. llvm-mca is
// deterministic, so a cached description is the one llvm-mca would give again.
#pragma once

#include "perf/cost_table.hpp"
#include "perf/counts.hpp"
#include "perf/inorder.hpp"

#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace eok::perf {

struct BlockCost
{
  double cycles = 0; // per execution of the block, alone
  int instructions = 0;
  bool scheduled = false;     // false: llvm-mc or llvm-mca could not describe all its instructions
  std::vector<SimInsn> insns; // empty when the bytes did not disassemble (then 1 cycle each)
  // Where control may go next, relative to the block's start (the fall-through, a direct
  // branch's target); empty after a return or an indirect jump.
  std::vector<int64_t> successors;
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
  void store(const Key& key, const std::vector<std::string>& lines, const std::vector<std::pair<int, double>>& figures,
             bool scheduled) const;
  std::mutex m_lock;
  std::map<Key, BlockCost> m_cache;
};

// The default on-disk block cache: $XDG_CACHE_HOME/eok/blocks (else ~/.cache/eok/blocks)
// under a directory named by `version`; "" when neither variable is set.
std::string default_block_cache(const std::string& version);

// The disassembly of a block's bytes, one instruction per line ("vadd.vv\tv2, v6, v5").
std::vector<std::string> disassemble_block(const std::string& llvm_mc, const std::vector<unsigned char>& bytes);

} // namespace eok::perf
