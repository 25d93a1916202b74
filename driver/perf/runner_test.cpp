#include "perf/runner.hpp"
#include "perf/runner_impl.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace eok;
using namespace eok::perf;

namespace {

target::Target qemu_target()
{
  target::Target t;
  t.files = {"x.ini"};
  t.exe_wrapper = {"qemu-riscv64", "-cpu", "rv64,v=true,vlen=256"};
  t.core = "spacemit-x60";
  t.vlen = 256;
  return t;
}

} // namespace

TEST_SUITE("perf::runner")
{
  TEST_CASE("runner_version equals the runner's version() and needs no process")
  {
    target::Target t = qemu_target();
    CHECK(runner_version("model", t) == make_runner("model", t)->version());
    CHECK(runner_version("model", t).find("table/" + CostTable::builtin_hash("spacemit-x60")) != std::string::npos);
    // The core model is part of the version (cache keys): table and sched never share a winner.
    target::Target sched = t;
    sched.model = "sched";
    CHECK(runner_version("model", sched) != runner_version("model", t));
    CHECK(runner_version("model", sched).find("sched/") != std::string::npos);
    t.board = "bpi-f3";
    CHECK(runner_version("wall", t) == make_runner("wall", t)->version());
    CHECK(runner_version("wall", t) == "wall/1 board/bpi-f3 warm/10 runs/50");
    CHECK(make_runner("wall", t)->kind() == "wall");
    CHECK_THROWS_WITH_AS((void)runner_version("stopwatch", t), "unknown runner 'stopwatch' (expected model or wall)", Fatal);
  }

  TEST_CASE("the model runner refuses what it cannot work with, saying why")
  {
    target::Target t = qemu_target();
    t.core = "sifive-u74";
    CHECK_THROWS_WITH_AS((void)make_runner("model", t),
                         "x.ini: no cost table for eok_core 'sifive-u74' (the model runner knows: spacemit-x60)", Fatal);
    t = qemu_target();
    t.exe_wrapper = {"ssh", "board"};
    CHECK_THROWS_WITH_AS((void)make_runner("model", t),
                         "x.ini: the model runner needs a QEMU exe_wrapper (qemu-riscv64 …), not 'ssh'; use "
                         "-Deok_runner=wall for boards",
                         Fatal);
    t = qemu_target();
    ::setenv("EOK_QEMU_PLUGIN", "/nonexistent/libeok_count.so", 1);
    CHECK_THROWS_WITH_AS((void)make_runner("model", t),
                         "the model runner's QEMU plugin is missing: /nonexistent/libeok_count.so (from "
                         "EOK_QEMU_PLUGIN); build it with `meson compile -C <build dir>` (target eok_count) or point "
                         "EOK_QEMU_PLUGIN at libeok_count.so",
                         Fatal);
    ::unsetenv("EOK_QEMU_PLUGIN");
    CHECK(make_runner("model", t)->kind() == "model");
  }

  TEST_CASE("wall output: median, spread and board")
  {
    std::string out;
    for (int i = 1; i <= 11; ++i) {
      out += "eok-wall-ns " + std::to_string(i * 100) + "\n";
      out += "eok-wall-cycles " + std::to_string(i * 160) + "\n";
    }
    auto m = wall_measurement("noise\n" + out, 11, "bpi-f3", {0, 4096, 32}, CostTable::builtin("spacemit-x60"), "w");
    REQUIRE(m.ok());
    CHECK(m->runner == "wall");
    CHECK(m->cycles == doctest::Approx(960));
    CHECK(m->spread == doctest::Approx((1600 - 320) / 960.0));
    CHECK(m->board == "bpi-f3");
    CHECK(m->bound == "memory");
    CHECK(m->sol_fraction == doctest::Approx(m->sol_cycles / 960));
    auto ns_only = wall_measurement("eok-wall-ns 1000\neok-wall-ns 1000\n", 2, "", {}, nullptr, "w");
    REQUIRE(ns_only.ok());
    CHECK(ns_only->cycles == doctest::Approx(1600));
    CHECK(ns_only->board == "unknown (set eok_board in the cross file)");
    CHECK(wall_measurement("eok-wall-ns 5\n", 3, "", {}, nullptr, "w").error() == "wall runner: expected 3 'eok-wall-ns' lines, got 1");
    auto farm = wall_measurement("eok-node board-07\neok-wall-ns 1000\n", 1, "bpi-f3", {}, nullptr, "w");
    REQUIRE(farm.ok());
    CHECK(farm->board == "bpi-f3@board-07");
  }
}
