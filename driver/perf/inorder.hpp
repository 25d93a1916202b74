// The X60's pipelines as model "sched" sees them: an in-order, dual-issue scalar pipe that
// hands vector instructions to an in-order vector unit. Each instruction brings LLVM's X60
// figures (latency and reciprocal throughput from llvm-mca-22 -mcpu=spacemit-x60, at the
// block's SEW/LMUL); this module adds what LLVM's tables do not say and the hardware shows:
//
// - A scalar load's result is ready 3 cycles after issue (the C908 manual's "≥ 3", which the
//   X60 is believed to follow; LLVM's 4 (5 when added) was chosen for SPEC scheduling gains,
//   not measured: llvm-project commit adding RISCVSchedSpacemitX60.td, reported in Phoronix,
//   "RISC-V LLVM Scheduler Tuning For SpacemiT-X60", 6 May 2025). A store reads its data
//   late, so it waits only for its address.
// - A scalar result of the vector unit (vfirst.m, vcpop.m, vmv.x.s, vfmv.f.s, and vl after a
//   fault-only-first load, read by csrr) reaches the scalar pipe k_vector_to_scalar cycles
//   after the vector unit produced it; the scalar pipe stalls on its consumer in order, so a
//   branch on a vector result serialises the loop through the vector unit.
// - A vsetvli that changes SEW or LMUL waits until every earlier vector instruction has
//   finished (the vector unit does not hold two vtypes in flight), so a loop that switches
//   element width (words loaded at e32, bytes permuted at e8) runs its vector work serially.
// - Vector instructions start in program order; a load/store pipe and an arithmetic pipe
//   each stay busy for the instruction's reciprocal throughput; the scalar pipe stalls when
//   k_vector_queue vector instructions wait to start.
//
// A loop's cost is the steady state of its body repeated: what one more iteration adds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eok::perf {

enum class SimKind { scalar, load, store, branch, vector_alu, vector_mem, vector_to_scalar };

struct SimInsn
{
  SimKind kind = SimKind::scalar;
  int latency = 1;                         // cycles until the result is usable (LLVM's figure; loads: see above)
  double occupancy = 1;                    // vector: cycles its pipe stays busy (LLVM's reciprocal throughput)
  std::vector<std::string> dst, src, addr; // registers written, read, read for an address
  std::string vtype;                       // vset{i}vl{i}: the SEW/LMUL it sets ("e8,m1"; "?": vsetvl's register)
};

// Vector→scalar round trip beyond the producing instruction's latency, in cycles: fitted on
// the utf8_count and strlen RVV figures (x60_kernels.csv), mergelines held out (README).
constexpr int k_vector_to_scalar = 6;
constexpr int k_scalar_load_latency = 3;
constexpr int k_vector_queue = 4;
// Cycles lost refetching after a mispredicted branch: the C908 (the X60's believed base) is a
// 9-stage in-order pipeline (T-Head, "XuanTie C908", RISC-V International blog, Nov. 2022) and
// resolves branches in execute; not measured on the X60 (README says how it was chosen).
constexpr int k_mispredict_penalty = 5;

// One disassembled instruction ("vle8ff.v\tv8, (a3)", as llvm-mc prints it) with LLVM's figures.
SimInsn decode_insn(const std::string& line, int latency, double occupancy);

// Cycles one more execution of `body` adds when it runs back to back (steady state).
double steady_cycles(const std::vector<const SimInsn*>& body);

// The target of the block's last instruction when it is a direct branch or jump, relative to
// the block's start; false otherwise. `conditional`: it may also fall through.
bool branch_target(const std::string& last_line, int64_t last_offset, int64_t& target, bool& conditional);

} // namespace eok::perf
