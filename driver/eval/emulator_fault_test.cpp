#include "eval/emulator_fault.hpp"

#include <doctest/doctest.h>

using eok::eval::emulator_fault_line;

TEST_SUITE("eval::emulator_fault")
{
  TEST_CASE("QEMU's own assertions and internal errors are emulator faults")
  {
    // QEMU 7.2 translating vfcvt.rtz.x.f.v (seen under the evaluator).
    std::string q72 = "some guest output\nqemu-riscv64: ../../target/riscv/translate.c:213: decode_save_opc: Assertion "
                      "`ctx->insn_start != NULL' failed.\n";
    auto line = emulator_fault_line(q72);
    REQUIRE(line);
    CHECK(line->find("decode_save_opc") != std::string::npos);
    CHECK(emulator_fault_line("**\nERROR:../../accel/tcg/translate-all.c:1323:tb_page_remove: code should not be reached\n"));
    CHECK(emulator_fault_line("tcg fatal error\n"));
  }

  TEST_CASE("the guest's own failures are not")
  {
    CHECK_FALSE(emulator_fault_line(""));
    CHECK_FALSE(emulator_fault_line("eok-fault out_of_bounds shape=3 arg=y index=7\n"));
    CHECK_FALSE(emulator_fault_line("qemu: uncaught target signal 11 (Segmentation fault) - core dumped\n"));
    CHECK_FALSE(emulator_fault_line("candidate.c:3: main: Assertion `x' failed.\n")); // the guest's assert()
    CHECK_FALSE(emulator_fault_line("ERROR: my own message\n"));
  }
}
