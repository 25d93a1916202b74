#include "perf/counts.hpp"

#include <doctest/doctest.h>

using namespace eok::perf;

TEST_SUITE("perf::counts")
{
  TEST_CASE("vector loads and stores: unit, direction and element bytes")
  {
    auto vle = describe_insn("vle32.v", 32);
    CHECK(vle.unit == Unit::vector_mem);
    CHECK(vle.dir == MemDir::read);
    CHECK(vle.element_bytes == 4);
    CHECK(describe_insn("vse8.v", 32).dir == MemDir::write);
    CHECK(describe_insn("vse8.v", 32).element_bytes == 1);
    CHECK(describe_insn("vlse16.v", 64).element_bytes == 2);
    CHECK(describe_insn("vlseg4e8.v", 8).element_bytes == 1);
    CHECK(describe_insn("vle64ff.v", 64).element_bytes == 8);
    CHECK(describe_insn("vl8re32.v", 8).element_bytes == 4);
    CHECK(describe_insn("vs8r.v", 8).element_bytes == 1);
    CHECK(describe_insn("vlm.v", 8).element_bytes == 1);
    // indexed: data is SEW wide, whatever the index width
    CHECK(describe_insn("vluxei8.v", 64).element_bytes == 8);
    CHECK(describe_insn("vsoxei32.v", 16).element_bytes == 2);
    CHECK(describe_insn("vsoxei32.v", 16).dir == MemDir::write);
  }

  TEST_CASE("vector arithmetic that looks like a load or store is arithmetic")
  {
    for (const char* m : {"vsll.vi", "vslidedown.vx", "vsub.vv", "vssub.vv", "vsmul.vv", "vsext.vf2", "vsra.vi", "vsrl.vx", "vssrl.vi",
                          "vsadd.vv", "vsbc.vvm", "vfmax.vf", "vfdiv.vv", "vmv.x.s"}) {
      CAPTURE(m);
      CHECK(describe_insn(m, 32).unit == Unit::vector_alu);
    }
    CHECK(describe_insn("vsetvli", 32).unit == Unit::scalar);
    CHECK(describe_insn("vsetvli", 32).scalar_class == "vset");
  }

  TEST_CASE("scalar classes")
  {
    CHECK(describe_insn("addi", 0).scalar_class == "int_alu");
    CHECK(describe_insn("c.addi", 0).scalar_class == "int_alu");
    CHECK(describe_insn("bnez", 0).scalar_class == "branch");
    CHECK(describe_insn("bclr", 0).scalar_class == "int_alu");
    CHECK(describe_insn("ret", 0).scalar_class == "jump");
    CHECK(describe_insn("mulw", 0).scalar_class == "int_mul");
    CHECK(describe_insn("remu", 0).scalar_class == "int_div");
    CHECK(describe_insn("fdiv.s", 0).scalar_class == "fp_div");
    CHECK(describe_insn("fsgnj.s", 0).scalar_class == "fp_alu");
    CHECK(describe_insn("fmax.s", 0).scalar_class == "fp_alu");
    auto flw = describe_insn("flw", 0);
    CHECK(flw.scalar_class == "load");
    CHECK(flw.element_bytes == 4);
    CHECK(describe_insn("c.sdsp", 0).element_bytes == 8);
    CHECK(describe_insn("c.sdsp", 0).dir == MemDir::write);
    CHECK(describe_insn("lbu", 0).element_bytes == 1);
    CHECK(describe_insn("amoadd.w", 0).dir == MemDir::read_write);
    CHECK(describe_insn("roi.begin", 0).unit == Unit::marker);
    CHECK(describe_insn("roi.foreign", 0).unit == Unit::marker);
  }

  TEST_CASE("plugin output parses into sorted counts and traffic")
  {
    auto c = parse_counts("eok-count 3\nroi_entries 2\nroi_begins 2\nroi_ends 2\nforeign_markers 1 1f4\n"
                          "slot\tvse32.v\t32\tm8\t0\t4\t256\n"
                          "slot\taddi\t-\t-\t0\t10\t0\n"
                          "slot\tvxor.vv\t?\t?\t1\t3\t0\n"
                          "slot\tvle32.v\t32\tm8\t1\t4\t200\n"
                          "block\t1a0\t32\tm8\t4\t5770005702028207\n"
                          "block\t100\t-\t-\t1\t13001000\n");
    REQUIRE(c.ok());
    CHECK(c->roi_entries == 2);
    CHECK(c->roi_begins == 2);
    CHECK(c->roi_ends == 2);
    CHECK(c->foreign_markers == 1);
    CHECK(c->first_foreign == "1f4");
    REQUIRE(c->insns.size() == 4);
    CHECK(c->insns[0].mnemonic == "addi");
    CHECK(c->insns[0].sew == 0);
    CHECK(c->insns[1].mnemonic == "vle32.v");
    CHECK(c->insns[1].masked);
    CHECK(c->insns[3].sew == -1);
    CHECK(c->insns[3].lmul == "?");
    REQUIRE(c->blocks.size() == 2);
    CHECK(c->blocks[0].offset == 0x100);
    CHECK(c->blocks[0].sew == 0);
    CHECK(c->blocks[0].lmul.empty());
    CHECK(c->blocks[0].bytes == std::vector<unsigned char>{0x13, 0x00, 0x10, 0x00});
    CHECK(c->blocks[1].offset == 0x1a0);
    CHECK(c->blocks[1].sew == 32);
    CHECK(c->blocks[1].lmul == "m8");
    CHECK(c->blocks[1].count == 4);
    CHECK(c->blocks[1].bytes.size() == 8);
    Traffic t = traffic_of(*c);
    CHECK(t.read == 800);
    CHECK(t.written == 1024);
  }

  TEST_CASE("malformed plugin output is an error value naming the line")
  {
    CHECK(parse_counts("hello\n").error() == "not an eok_count output of format 3 (first line is not 'eok-count 3')");
    CHECK(parse_counts("eok-count 3\nslot\tadd\n").error() == "line 2: expected 'slot' and 6 tab-separated fields");
    CHECK(parse_counts("eok-count 3\nslot\tadd\t-\t-\t0\tx\t0\n").error() == "line 2: a number does not parse");
    CHECK(parse_counts("eok-count 3\nforeign_markers 3\n").error() == "line 2: expected 'foreign_markers <n> <offset>'");
    CHECK(parse_counts("eok-count 3\nblock\t10\t-\t-\t1\t130\n").error() ==
          "line 2: expected 'block <offset> <sew> <lmul> <count> <hex bytes>'");
  }
}
