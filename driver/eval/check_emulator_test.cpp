#include "eval/check_emulator.hpp"

#include <doctest/doctest.h>

using namespace eok::eval;

TEST_SUITE("eval::check_emulator")
{
  TEST_CASE("a newer qemu-riscv64 runs correctness when it is installed")
  {
    std::vector<std::string> w = {"/usr/bin/qemu-riscv64", "-L", "/sys", "-cpu", "rv64,v=true,Zfh=true"};
    // /bin/sh stands for an installed executable.
    std::vector<std::string> got = check_wrapper(w, "/bin/sh");
    CHECK(got == std::vector<std::string>{"/bin/sh", "-L", "/sys", "-cpu", "rv64,v=true,zfh=true,zvfh=true"});
    CHECK(check_wrapper(w, "/nonexistent/qemu-riscv64") == w);
    std::vector<std::string> ssh = {"ssh", "board"};
    CHECK(check_wrapper(ssh, "/bin/sh") == ssh);
  }
}
