// The in-order pipeline model on hand-written loop bodies (LLVM's figures typed in as the
// test's own inputs, so the test needs no llvm-mca).
#include "perf/inorder.hpp"

#include <doctest/doctest.h>

using namespace eok::perf;

namespace {

double cycles(const std::vector<SimInsn>& insns)
{
  std::vector<const SimInsn*> body;
  for (const auto& d : insns) {
    body.push_back(&d);
  }
  return steady_cycles(body);
}

} // namespace

TEST_SUITE("perf::inorder")
{
  TEST_CASE("operands: destinations, sources, addresses, masks, vl")
  {
    SimInsn ld = decode_insn("lbu\ta3, 0(a1)", 4, 0.5);
    CHECK(ld.kind == SimKind::load);
    CHECK(ld.latency == k_scalar_load_latency); // the C908's figure, not LLVM's
    CHECK(ld.dst == std::vector<std::string>{"a3"});
    CHECK(ld.addr == std::vector<std::string>{"a1"});
    SimInsn st = decode_insn("sb\ta3, 0(a1)", 4, 0.5);
    CHECK(st.kind == SimKind::store);
    CHECK(st.dst.empty());
    CHECK(st.src == std::vector<std::string>{"a3"});
    SimInsn vse = decode_insn("vse8.v\tv8, (a0)", 3, 3);
    CHECK(vse.kind == SimKind::vector_mem);
    CHECK(vse.dst.empty());
    SimInsn ff = decode_insn("vle8ff.v\tv8, (a3)", 5, 5);
    CHECK(ff.dst == std::vector<std::string>{"v8", "vl"});
    CHECK(decode_insn("csrr\ta3, vl", 1, 0.5).src == std::vector<std::string>{"vl"});
    SimInsn first = decode_insn("vfirst.m\ta2, v8", 6, 2);
    CHECK(first.kind == SimKind::vector_to_scalar);
    SimInsn masked = decode_insn("vadd.vv\tv8, v16, v24, v0.t", 4, 2);
    CHECK(masked.src == std::vector<std::string>{"v16", "v24", "v0"});
    CHECK(decode_insn("vfmacc.vf\tv8, fa0, v16", 5, 2).src == std::vector<std::string>{"fa0", "v16", "v8"});
    CHECK(decode_insn("bnez\ta2, -6", 1, 1).kind == SimKind::branch);
    CHECK(decode_insn("addi\ta1, zero, 1", 1, 0.5).src.empty());
    SimInsn vset = decode_insn("vsetvli\tzero, a3, e8, m1, ta, ma", 1, 1); // writes no register
    CHECK(vset.dst.empty());
    CHECK(vset.src == std::vector<std::string>{"a3"});
    CHECK(vset.vtype == "e8,m1");
    CHECK(decode_insn("vsetivli\tzero, 16, e32, m4, ta, ma", 1, 1).vtype == "e32,m4");
    CHECK(decode_insn("vsetvl\tzero, a0, t2", 1, 1).vtype == "?");
    CHECK(decode_insn("vadd.vv\tv8, v16, v24", 4, 2).vtype.empty());
  }

  TEST_CASE("a vsetvli that changes SEW/LMUL waits for the vector unit to finish; one that keeps them does not")
  {
    // byteswap's loop: words loaded at e32, bytes gathered at e8, words stored at e32.
    auto body = [](const std::string& gather_vtype) {
      return std::vector<SimInsn>{decode_insn("vsetvli\ta3, a1, e32, m1, ta, ma", 1, 1),
                                  decode_insn("vle32.v\tv9, (a0)", 3, 3),
                                  decode_insn("slli\ta4, a3, 2", 1, 0.5),
                                  decode_insn("vsetvli\tzero, a4, " + gather_vtype + ", ta, ma", 1, 1),
                                  decode_insn("vrgather.vv\tv10, v9, v8", 4, 4),
                                  decode_insn("sub\ta1, a1, a3", 1, 0.5),
                                  decode_insn("vsetvli\tzero, a2, e32, m1, ta, ma", 1, 1),
                                  decode_insn("vse32.v\tv10, (a0)", 3, 3),
                                  decode_insn("add\ta0, a0, a4", 1, 0.5),
                                  decode_insn("bnez\ta1, -30", 1, 1)};
    };
    double same = cycles(body("e32, m1"));
    double switching = cycles(body("e8, m1"));
    MESSAGE("vtype kept: " << same << " cycles an iteration, switched: " << switching);
    // Kept: the chain load -> gather -> store and the shared load/store pipe already give 10;
    // switched: each vsetvli waits for the vector unit, so the scalar work between them no
    // longer hides under the vector work.
    CHECK(switching >= same + 2);
    // A loop that never changes vtype is untouched.
    std::vector<SimInsn> plain = {decode_insn("vsetvli\ta3, a1, e8, m1, ta, ma", 1, 1), decode_insn("vle8.v\tv9, (a0)", 3, 3),
                                  decode_insn("vse8.v\tv9, (a2)", 3, 3), decode_insn("sub\ta1, a1, a3", 1, 0.5),
                                  decode_insn("bnez\ta1, -14", 1, 1)};
    CHECK(cycles(plain) == doctest::Approx(6)); // the load/store pipe: 3 + 3
  }

  TEST_CASE("branch targets and fall-through")
  {
    int64_t target = 0;
    bool conditional = false;
    CHECK(branch_target("bltz\ta2, -24", 30, target, conditional));
    CHECK(target == 6);
    CHECK(conditional);
    CHECK(branch_target("j\t38", 10, target, conditional));
    CHECK(target == 48);
    CHECK_FALSE(conditional);
    CHECK_FALSE(branch_target("ret", 0, target, conditional));
    CHECK_FALSE(branch_target("add\ta0, a0, a1", 0, target, conditional));
  }

  TEST_CASE("dual issue, load-use stalls, stores that do not wait for their data")
  {
    // Four independent adds: two a cycle.
    std::vector<SimInsn> adds;
    for (const char* r : {"a0", "a1", "a2", "a3"}) {
      adds.push_back(decode_insn(std::string("addi\t") + r + ", " + r + ", 1", 1, 0.5));
    }
    CHECK(cycles(adds) == doctest::Approx(2));
    // A load feeding an add: the add waits the load's latency every iteration.
    std::vector<SimInsn> use = {decode_insn("lw\ta3, 0(a1)", 4, 0.5), decode_insn("add\ta0, a0, a3", 1, 0.5)};
    CHECK(cycles(use) == doctest::Approx(k_scalar_load_latency));
    // The same load feeding only a store: the store issues the next cycle (one memory access
    // a cycle) without waiting for the data; a store that waited would make this 3.
    std::vector<SimInsn> copy = {decode_insn("lbu\ta3, 0(a1)", 4, 0.5), decode_insn("sb\ta3, 0(a0)", 4, 0.5),
                                 decode_insn("addi\ta1, a1, -1", 1, 0.5), decode_insn("addi\ta0, a0, 1", 1, 0.5)};
    CHECK(cycles(copy) == doctest::Approx(2));
  }

  TEST_CASE("a branch on a vector result waits for the vector unit's round trip; vector work alone streams")
  {
    std::vector<SimInsn> stream = {decode_insn("vle8.v\tv8, (a2)", 3, 3), decode_insn("vmsgt.vx\tv8, v8, a3", 4, 2),
                                   decode_insn("add\ta2, a2, a4", 1, 0.5), decode_insn("bnez\ta1, -22", 1, 1)};
    double streaming = cycles(stream);
    CHECK(streaming == doctest::Approx(3)); // the load pipe's occupancy: the loop streams
    std::vector<SimInsn> waits = stream;
    waits.insert(waits.begin() + 2, decode_insn("vcpop.m\ta5, v8", 6, 2));
    waits.insert(waits.end() - 1, decode_insn("add\ta0, a0, a5", 1, 0.5));
    double serial = cycles(waits);
    // load → compare → vcpop → round trip → add, every iteration.
    CHECK(serial >= 3 + 4 + 6 + k_vector_to_scalar);
    MESSAGE("streaming " << streaming << ", serialised by vcpop " << serial);
    // Byte-identical on every run.
    CHECK(cycles(waits) == serial);
  }

  TEST_CASE("LMUL 8 occupancy bounds a vector loop; the scalar pipe does not wait for vector registers")
  {
    std::vector<SimInsn> m8 = {decode_insn("vle32.v\tv8, (a1)", 16, 16), decode_insn("vfmax.vf\tv8, v8, fa0", 8, 8),
                               decode_insn("vse32.v\tv8, (a0)", 16, 16), decode_insn("add\ta0, a0, t1", 1, 0.5),
                               decode_insn("bnez\ta2, -20", 1, 1)};
    // In order: the store waits for vfmax, which waits for the load; the next load starts
    // after the store (one load/store pipe): 16 + 8 + 16, whatever the scalar pipe does.
    CHECK(cycles(m8) == doctest::Approx(40));
  }
}
