#include "tune/flags.hpp"

#include "util/process.hpp"
#include "util/test_support.hpp"

using namespace eok;
using namespace eok::tune;

namespace {

// The project's cross toolchain (cross/rv64gcv-qemu.ini, or the clang-19 overlay), without QEMU.
target::Target clang_target()
{
  target::Target t;
  std::string cc = util::find_program("clang-22").empty() ? "clang-19" : "clang-22";
  t.cc = {cc, "--target=riscv64-linux-gnu"};
  t.c_args = {"-march=rv64gcv_zfh_zvfh", "-mtune=spacemit-x60"};
  t.march = "rv64gcv_zfh_zvfh";
  t.vlen = 256;
  t.core = "spacemit-x60";
  return t;
}

} // namespace

TEST_SUITE("tune::flags")
{
  TEST_CASE("built-in options follow the target")
  {
    target::Target t = clang_target();
    auto dims = builtin_flag_dims(t);
    std::vector<std::string> names;
    for (const auto& d : dims) {
      names.push_back(d.name);
      CHECK(d.choices.front().empty());
    }
    // -mtune=spacemit-x60 is already in c_args: -mcpu would change nothing.
    CHECK(names == std::vector<std::string>{"opt", "vector-bits", "unroll"});
    CHECK(dims[1].choices[1] == std::vector<std::string>{"-march=rv64gcv_zfh_zvfh_zvl256b", "-mrvv-vector-bits=zvl"});
    t.c_args = {"-march=rv64gcv_zfh_zvfh"};
    CHECK(builtin_flag_dims(t).back().choices[1] == std::vector<std::string>{"-mcpu=spacemit-x60"});
  }

  TEST_CASE("tune.flags: one option per ';' item")
  {
    auto dims = parse_flag_dims(" -ffast-math ;; -O3  -funroll-loops ");
    REQUIRE(dims.size() == 2);
    CHECK(dims[0].name == "extra1");
    CHECK(dims[0].choices == std::vector<std::vector<std::string>>{{}, {"-ffast-math"}});
    CHECK(dims[1].choices[1] == std::vector<std::string>{"-O3", "-funroll-loops"});
    CHECK(parse_flag_dims("").empty());
  }

  TEST_CASE("probing with the real compiler drops what it rejects")
  {
    eok::testing::ScratchDir dir;
    std::vector<FlagDim> dims = {
        {"unroll", {{}, {"-funroll-loops"}}},
        {"cpu", {{}, {"-mcpu=not-a-cpu"}, {"-mcpu=spacemit-x60"}}},
        {"bogus", {{}, {"-mbogus-flag"}}},
    };
    ProbeReport r = probe_flag_dims(clang_target(), dims, dir.file("probe"));
    REQUIRE(r.kept.size() == 2);
    CHECK(r.kept[0].name == "unroll");
    CHECK(r.kept[1].choices == std::vector<std::vector<std::string>>{{}, {"-mcpu=spacemit-x60"}});
    REQUIRE(r.dropped.size() == 2);
    CHECK(r.dropped[0].find("-mcpu=not-a-cpu: ") == 0);
    CHECK(r.dropped[1].find("-mbogus-flag: ") == 0);
  }
}
