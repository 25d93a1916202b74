#include "perf/mca.hpp"
#include "perf/model.hpp"

#include "util/error.hpp"

#include <doctest/doctest.h>

using namespace eok::perf;

namespace {

const CostTable& x60()
{
  const CostTable* t = CostTable::builtin("spacemit-x60");
  REQUIRE(t != nullptr);
  return *t;
}

Counts counts_of(std::vector<InsnCount> insns)
{
  Counts c;
  c.roi_entries = 1;
  c.insns = std::move(insns);
  return c;
}

// A block for region_cycles / mispredicted_branches: its instructions with LLVM-like figures
// typed in, its successors (relative to its start) as block_sched derives them.
BlockCost block_of(const std::vector<std::string>& lines, std::vector<int64_t> successors)
{
  BlockCost c;
  for (const auto& l : lines) {
    c.insns.push_back(decode_insn(l, l[0] == 'v' && l.rfind("vset", 0) != 0 ? 4 : 1, l[0] == 'v' ? 2 : 0.5));
  }
  std::vector<const SimInsn*> body;
  for (const auto& d : c.insns) {
    body.push_back(&d);
  }
  c.cycles = steady_cycles(body);
  c.instructions = static_cast<int>(lines.size());
  c.scheduled = true;
  c.successors = std::move(successors);
  return c;
}

} // namespace

TEST_SUITE("perf::model")
{
  TEST_CASE("sched: a loop split into blocks is scheduled whole; vector results it waits for serialise it")
  {
    // strlen's loop as QEMU splits it (it ends a block at vsetvli and CSR reads):
    // L@0 [vle8ff, csrr vl] → T@8 [mv, vsetvli] → H@16 [vmseq, vfirst, add, bltz → L], exit at 32.
    std::vector<BlockCount> blocks = {{0, 8, "m1", 100, {}}, {8, 8, "m1", 100, {}}, {16, 8, "m1", 100, {}}};
    std::vector<BlockCost> costs = {block_of({"vle8ff.v\tv8, (a3)", "csrr\ta3, vl"}, {8}),
                                    block_of({"mv\ta1, a3", "vsetvli\ta2, zero, e8, m1, ta, ma"}, {8}),
                                    block_of({"vmseq.vi\tv8, v8, 0", "vfirst.m\ta2, v8", "add\ta3, a3, a1", "bltz\ta2, -16"}, {-16, 16})};
    double whole = region_cycles(blocks, costs);
    MESSAGE("strlen-shaped loop, 100 iterations: " << whole << " cycles");
    // Per iteration, in order: the load (latency 4) and vl's round trip before csrr; mv, vsetvli
    // and vmseq issue, vmseq starts a cycle later (2) and takes 4, vfirst 4 and its round trip,
    // then bltz and the next load's hand-off (2): 16 cycles plus two round trips.
    CHECK(whole == doctest::Approx(100 * (16 + 2 * k_vector_to_scalar)));
    CHECK(mispredicted_branches(blocks, costs) == 0); // the loop's branch: its exit never ran
    CHECK(region_cycles(blocks, costs) == whole);     // deterministic
  }

  TEST_CASE("sched: mispredictions from block counts: an independent branch at min(taken, not taken), a loop's back edge free")
  {
    // A loop of 1000: [A: lbu, bne → C] [B: addi] [C: addi, bne → A].
    BlockCount a{0, 0, "", 1000, {}}, b{8, 0, "", 300, {}}, c{12, 0, "", 1000, {}};
    BlockCost ca = block_of({"lbu\ta3, 0(a0)", "bne\ta3, a4, 8"}, {12, 8}); // target C, falls into B
    BlockCost cb = block_of({"addi\ta5, a5, 1"}, {4});                      // falls into C
    BlockCost cc = block_of({"addi\ta0, a0, 1", "bne\ta0, a1, -12"}, {-12, 8});
    // B is entered only from A: A fell through 300 times, jumped 700 times: 300 mispredicted;
    // C's back edge: the exit block (offset 20) never ran, so never mispredicted.
    CHECK(mispredicted_branches({a, b, c}, {ca, cb, cc}) == doctest::Approx(300));
    // When neither side is entered only from the branch, the counts cannot tell: not charged.
    BlockCount d{40, 0, "", 5, {}};
    BlockCost cd = block_of({"j\t-32"}, {-32}); // D jumps into B: B has two predecessors now
    CHECK(mispredicted_branches({a, b, c, d}, {ca, cb, cc, cd}) == doctest::Approx(0));
  }

  TEST_CASE("the built-in X60 table holds the rvv-bench figures")
  {
    const CostTable& t = x60();
    CHECK(t.vector_cost("vfdiv.vv", 32, "m8", false).cycles == doctest::Approx(307.05));
    CHECK(t.vector_cost("vfdiv.vv", 32, "m8", false).origin == "measured");
    CHECK(t.vector_cost("vle32.v", 32, "m1", false).cycles == doctest::Approx(2.45));
    CHECK(t.vector_cost("vfmacc.vv", 32, "m8", false).cycles == doctest::Approx(8.0));
    CHECK(t.scalar_cost("int_alu") == doctest::Approx(0.5));
    CHECK(t.peak_flops(32) == doctest::Approx(16.0));
    CHECK(t.peak_flops(16) == doctest::Approx(32.0));
    CHECK(t.level_for(16 * 1024).name == "L1");
    CHECK(t.level_for(32 * 1024 + 1).name == "L2");
    CHECK(t.level_for(8.0 * 1024 * 1024).name == "DRAM");
    CHECK(t.memcpy_curve().size() > 100);
    CHECK(CostTable::builtin("sifive-u74") == nullptr);
    CHECK(CostTable::builtin_hash("spacemit-x60").size() == 16);
  }

  TEST_CASE("unmeasured instructions fall back as the table documents")
  {
    const CostTable& t = x60();
    CHECK(t.vector_cost("vluxei8.v", 32, "m2", false).origin == "proxy vlse32.v");
    CHECK(t.vector_cost("vluxei8.v", 32, "m2", false).cycles == doctest::Approx(16.0));
    CHECK(t.vector_cost("vl8re32.v", 32, "m1", false).origin == "proxy vle32.v");
    CHECK(t.vector_cost("vl8re32.v", 32, "m1", false).cycles == doctest::Approx(16.52));
    CHECK(t.vector_cost("vxor.vv", -1, "?", false).origin == "measured (vtype unknown: e32 m1)");
    auto unknown = t.vector_cost("vfoo.vv", 32, "m4", false);
    CHECK(unknown.origin == "unmeasured");
    CHECK(unknown.cycles == doctest::Approx(4.0));
  }

  TEST_CASE("cycles: vector and scalar work add up, memory bounds from below")
  {
    const CostTable& t = x60();
    // 10 x (vle32 m8 + vfmax.vf m8 + vse32 m8 + 4 int ALU + 1 branch + 1 vsetvli)
    auto c = counts_of({{"addi", 0, "", false, 40, 0},
                        {"bnez", 0, "", false, 10, 0},
                        {"vfmax.vf", 32, "m8", false, 10, 0},
                        {"vle32.v", 32, "m8", false, 10, 640},
                        {"vse32.v", 32, "m8", false, 10, 640},
                        {"vsetvli", 32, "m8", false, 10, 0}});
    ModelBreakdown l1 = model_cycles(c, t, 5120);
    CHECK(l1.vector_alu == doctest::Approx(80.0));
    CHECK(l1.vector_mem == doctest::Approx(10 * (16.52 + 19.70)));
    CHECK(l1.scalar == doctest::Approx(20 + 10 + 10));
    CHECK(l1.level == "L1");
    CHECK(l1.traffic.total() == 5120);
    // Reads and writes over the level's own bandwidths (fitted on memcpy/memset), in L1 too.
    const MemLevel& l1_level = t.level_for(5120);
    CHECK(l1.memory == doctest::Approx(2560 / l1_level.read_per_cycle + 2560 / l1_level.write_per_cycle));
    CHECK(l1.memory > 0);
    CHECK(l1.cycles == doctest::Approx(std::max(l1.compute, l1.memory)));
    ModelBreakdown l2 = model_cycles(c, t, 100000);
    CHECK(l2.level == "L2");
    CHECK(l2.memory == doctest::Approx(t.level_for(100000).cycles(2560, 2560)));
    CHECK(l2.cycles == doctest::Approx(std::max(l2.compute, l2.memory)));
    // The same counts with a DRAM-sized working set are memory-bound.
    ModelBreakdown dram = model_cycles(c, t, 64e6);
    CHECK(dram.level == "DRAM");
    CHECK(dram.cycles == doctest::Approx(dram.memory));
    CHECK(dram.cycles > l1.cycles);
  }

  TEST_CASE("speed of light: the larger of compute and memory bounds")
  {
    const CostTable& t = x60();
    SolBound mem = speed_of_light({1024, 8192, 32}, t);
    CHECK(mem.bound == "memory");
    const MemLevel& l1 = t.level_for(8192);
    CHECK(mem.cycles == doctest::Approx(8192 / std::max(l1.read_per_cycle, l1.write_per_cycle))); // split unknown
    SolBound comp = speed_of_light({2.0 * 64 * 64 * 64, 3 * 64 * 64 * 4, 32}, t);
    CHECK(comp.bound == "compute");
    CHECK(comp.cycles == doctest::Approx(2.0 * 64 * 64 * 64 / 16));
    CHECK(speed_of_light({}, t).bound.empty());
  }

  TEST_CASE("speed of light: reads and writes at their own rates, never above an honest run's memory term")
  {
    const CostTable& t = x60();
    const MemLevel& l1 = t.level_for(6144);
    // fp16 -> fp32 of 1024 values: 2 KiB read, 4 KiB written. Writes are faster than reads on
    // the X60, so a single copy rate for all 6 KiB put this bound above the model's own memory
    // term for the least traffic, and an honest cast was "implausible".
    SolInputs widen{0, 6144, 32, 2048, 4096};
    SolBound s = speed_of_light(widen, t);
    CHECK(s.memory == doctest::Approx(l1.cycles(2048, 4096)));
    CHECK(s.memory <= l1.cycles(2048, 4096) + 1e-9);
    // Unknown split: every byte at the faster rate, below either split's cost.
    SolInputs total{0, 6144, 32};
    SolBound u = speed_of_light(total, t);
    CHECK(u.memory <= l1.cycles(6144, 0));
    CHECK(u.memory <= l1.cycles(0, 6144));
    CHECK(u.memory <= s.memory);
  }

  TEST_CASE("a measurement reports cycles, SOL and its fraction, and is deterministic")
  {
    const CostTable& t = x60();
    auto c = counts_of({{"vfdiv.vv", 32, "m8", false, 100, 0}, {"vsetvli", 32, "m8", false, 1, 0}});
    Measurement a = model_measurement(c, t, {6400, 0, 32}, "v");
    Measurement b = model_measurement(c, t, {6400, 0, 32}, "v");
    CHECK(a.cycles == doctest::Approx(100 * 307.05 + 1));
    CHECK(a.sol_cycles == doctest::Approx(400));
    CHECK(a.sol_fraction == doctest::Approx(400 / a.cycles));
    CHECK(a.bound == "compute");
    CHECK(a.runner == "model");
    CHECK(a.detail_json == b.detail_json);
    CHECK(a.detail_json.find("\"vfdiv.vv e32m8\": 100") != std::string::npos);
  }

  TEST_CASE("the detail JSON escapes what the plugin reported: quotes and control characters")
  {
    Measurement m = model_measurement(counts_of({{"v\x01\"x", 32, "m1", false, 1, 0}}), x60(), {4, 0, 32}, "v");
    CHECK(m.detail_json.find("\"v\\u0001\\\"x e32m1\": 1") != std::string::npos);
    CHECK(m.detail_json.find('\x01') == std::string::npos);
  }

  TEST_CASE("a malformed table names file and line")
  {
    CHECK_THROWS_WITH_AS(CostTable::parse("# x\nmem,L1,12\n", "t.csv"), "t.csv:2: 'mem' needs 5 fields", eok::Fatal);
    CHECK_THROWS_WITH_AS(CostTable::parse("scalar,int_alu,fast\n", "t.csv"), "t.csv:1: not a number: 'fast'", eok::Fatal);
    CHECK_THROWS_WITH_AS(CostTable::parse("bogus,1\n", "t.csv"), "t.csv:1: unknown record kind 'bogus'", eok::Fatal);
  }
}

TEST_SUITE("perf::model")
{
  TEST_CASE("an assembly loop body becomes counts with SEW/LMUL from its vsetvli")
  {
    Counts c = counts_of_body("vsetvli t0, a2, e16, mf2, ta, ma\nvle16.v v8, (a1)\nvadd.vv v8, v8, v9, v0.t\n"
                              "vadd.vv v8, v8, v9, v0.t\naddi a0, a0, 4\nbnez a2, .L\n");
    REQUIRE(c.insns.size() == 5);
    CHECK(c.insns[0].mnemonic == "addi");
    CHECK(c.insns[0].sew == 0);
    const InsnCount& vadd = c.insns[2];
    CHECK(vadd.mnemonic == "vadd.vv");
    CHECK(vadd.sew == 16);
    CHECK(vadd.lmul == "mf2");
    CHECK(vadd.masked);
    CHECK(vadd.count == 2);
    ModelBreakdown b = model_cycles(c, x60(), 0);
    CHECK(b.cycles == doctest::Approx(1 + x60().vector_cost("vle16.v", 16, "mf2", false).cycles +
                                      2 * x60().vector_cost("vadd.vv", 16, "mf2", true).cycles + 0.5 + 1));
  }

  TEST_CASE("where llvm-mca-22 is installed, LLVM's X60 model agrees at LMUL 8 within 10%")
  {
    std::string mca = find_mca();
    if (mca.empty()) {
      MESSAGE("llvm-mca-22 not installed");
      return;
    }
    for (const auto& row : mca_crosscheck(x60(), mca)) {
      CAPTURE(row.name);
      CHECK(row.mca > 0);
      if (row.name == "relu e32m8 loop" || row.name == "vfdiv e32m8 x8" || row.name == "vredsum e32m8 x4") {
        CHECK(row.model == doctest::Approx(row.mca).epsilon(0.10));
      }
    }
  }
}
