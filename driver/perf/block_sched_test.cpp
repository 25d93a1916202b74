// BlockScheduler through real llvm-mc-22 / llvm-mca-22 (skipped where they are missing): LLVM's
// figures for each block, scheduled by the in-order pipeline model.
#include "perf/block_sched.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"

#include <doctest/doctest.h>

using namespace eok::perf;

namespace {

std::vector<unsigned char> repeat(std::vector<unsigned char> insn, int n)
{
  std::vector<unsigned char> out;
  for (int i = 0; i < n; ++i) {
    out.insert(out.end(), insn.begin(), insn.end());
  }
  return out;
}

bool have_llvm()
{
  if (eok::util::find_program("llvm-mca-22").empty() || eok::util::find_program("llvm-mc-22").empty()) {
    MESSAGE("llvm-mca-22 not installed: skipped");
    return false;
  }
  return true;
}

} // namespace

TEST_SUITE("perf::block_sched")
{
  TEST_CASE("a dependent chain costs its latency, independent work dual-issues; vector cost follows LMUL")
  {
    if (!have_llvm()) {
      return;
    }
    const CostTable& table = *CostTable::builtin("spacemit-x60");
    BlockScheduler sched(table);
    BlockCount chain{0, 0, "", 1, repeat({0x33, 0x05, 0xa5, 0x02}, 8)}; // mul a0, a0, a0 ×8
    std::vector<unsigned char> independent;
    for (auto insn : {std::vector<unsigned char>{0xb3, 0x05, 0xd6, 0x02},
                      {0x33, 0x07, 0xd6, 0x02},
                      {0xb3, 0x07, 0xd6, 0x02},
                      {0x33, 0x08, 0xd6, 0x02}}) {
      independent.insert(independent.end(), insn.begin(), insn.end());
    }
    BlockCount indep{0, 0, "", 1, repeat(independent, 2)}; // 8 muls, 4 distinct destinations
    BlockCount vadd_m1{0, 32, "m1", 1, repeat({0x57, 0x04, 0x0c, 0x03}, 4)};
    BlockCount vadd_m8{0, 32, "m8", 1, repeat({0x57, 0x04, 0x0c, 0x03}, 4)};
    std::vector<BlockCost> c = sched.costs({chain, indep, vadd_m1, vadd_m8});
    REQUIRE(c.size() == 4);
    for (const auto& x : c) {
      CHECK(x.scheduled);
    }
    CHECK(c[0].instructions == 8);
    CHECK(c[0].cycles >= 2 * c[1].cycles); // latency-bound vs throughput-bound
    CHECK(c[3].cycles >= 4 * c[2].cycles); // LMUL 8 occupies the unit 8× longer than LMUL 1
    MESSAGE("chain " << c[0].cycles << ", independent " << c[1].cycles << ", vadd m1 " << c[2].cycles << ", m8 " << c[3].cycles);
    // Cached: the same figures again, deterministic.
    std::vector<BlockCost> again = sched.costs({vadd_m8, chain});
    CHECK(again[0].cycles == c[3].cycles);
    CHECK(again[1].cycles == c[0].cycles);
  }

  TEST_CASE("undecodable bytes are costed one cycle per instruction, not scheduled")
  {
    if (!have_llvm()) {
      return;
    }
    BlockScheduler sched(*CostTable::builtin("spacemit-x60"));
    BlockCount junk{0, 0, "", 1, {0xff, 0xff, 0xff, 0xff}};
    std::vector<BlockCost> c = sched.costs({junk});
    CHECK_FALSE(c[0].scheduled);
    CHECK(c[0].cycles == 1);
  }

  TEST_CASE("block costs persist on disk: a later scheduler reads them; a damaged file is recomputed")
  {
    if (!have_llvm()) {
      return;
    }
    const CostTable& table = *CostTable::builtin("spacemit-x60");
    eok::util::TempDir dir("eok-blocks");
    std::string disk = (dir.path() / "v").string();
    BlockCount chain{0, 0, "", 1, repeat({0x33, 0x05, 0xa5, 0x02}, 8)};
    BlockCount junk{0, 0, "", 1, {0xff, 0xff, 0xff, 0xff}}; // undecodable: batch falls back per block
    BlockCount vadd_m8{0, 32, "m8", 1, repeat({0x57, 0x04, 0x0c, 0x03}, 4)};
    std::vector<BlockCost> first = BlockScheduler(table, disk).costs({chain, junk, vadd_m8});
    CHECK(first[0].scheduled);
    CHECK_FALSE(first[1].scheduled);
    CHECK(first[2].scheduled);
    std::vector<std::string> files;
    for (const auto& e : eok::util::fs::directory_iterator(disk)) {
      files.push_back(e.path().string());
    }
    REQUIRE(files.size() == 2); // the scheduled blocks only
    std::vector<BlockCost> again = BlockScheduler(table, disk).costs({vadd_m8, chain});
    CHECK(again[0].cycles == first[2].cycles); // bit-identical through the file
    CHECK(again[1].cycles == first[0].cycles);
    // The chain's file with another latency: read from disk, not described again.
    std::string edited = "eok-block 2 1\n";
    for (int i = 0; i < 8; ++i) {
      edited += "50\t0.5\tmul\ta0, a0, a0\n";
    }
    for (const auto& f : files) {
      eok::util::write_file_atomic(f, edited);
    }
    CHECK(BlockScheduler(table, disk).costs({chain})[0].cycles == doctest::Approx(400));
    for (const auto& f : files) {
      eok::util::write_file_atomic(f, "damaged");
    }
    CHECK(BlockScheduler(table, disk).costs({chain})[0].cycles == first[0].cycles);
  }
}
