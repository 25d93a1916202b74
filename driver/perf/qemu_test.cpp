// The model runner end to end: real clang builds the programs of
// qemu_test_programs.hpp for the target, real QEMU runs them with the plugin.
#include "perf/model.hpp"
#include "perf/program.hpp"
#include "perf/qemu_test_programs.hpp"
#include "perf/runner_impl.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <optional>

using namespace eok;
using namespace eok::perf;

namespace {

template<typename T> std::string why(const Expected<T>& e)
{
  return e.ok() ? std::string() : e.error();
}

// The default cross target, or nothing in a native build (no cross toolchain there).
std::optional<target::Target> cross_target()
{
  const char* cross = std::getenv("EOK_CROSS");
  const char* root = std::getenv("EOK_SOURCE_ROOT");
  if (cross == nullptr || std::string(cross) != "1" || root == nullptr) {
    MESSAGE("native build: the QEMU model tests need a cross build");
    return std::nullopt;
  }
  return target::load_target({std::string(root) + "/cross/rv64gcv-qemu.ini"});
}

struct Fixture
{
  testing::ScratchDir dir;
  target::Target target;
  std::unique_ptr<Runner> runner;
  std::string kernels;

  explicit Fixture(target::Target t)
    : target(std::move(t))
    , runner(make_runner("model", target))
  {
    auto bin = build_program(target, dir.path().string(), "kernels", test::k_kernels_c);
    REQUIRE_MESSAGE(bin.ok(), why(bin));
    kernels = *bin;
  }
  const ModelRunner& model() const { return dynamic_cast<const ModelRunner&>(*runner); }
  Counts counts(const std::vector<std::string>& args) const
  {
    std::vector<std::string> argv{kernels};
    argv.insert(argv.end(), args.begin(), args.end());
    auto c = model().count(argv);
    REQUIRE_MESSAGE(c.ok(), why(c));
    return *c;
  }
  Measurement measure(const std::string& kernel, size_t n) const
  {
    // relu: n floats read, n written, and the bound knows the split
    SolInputs sol{static_cast<double>(n), 2.0 * 4 * static_cast<double>(n), 32, 4.0 * static_cast<double>(n), 4.0 * static_cast<double>(n)};
    auto m = runner->measure({kernels, kernel, std::to_string(n)}, sol);
    REQUIRE_MESSAGE(m.ok(), why(m));
    return *m;
  }
};

const InsnCount* find(const Counts& c, const std::string& mnemonic, int sew, bool masked)
{
  for (const auto& i : c.insns) {
    if (i.mnemonic == mnemonic && i.sew == sew && i.masked == masked) {
      return &i;
    }
  }
  return nullptr;
}

// A number field of a measurement's detail JSON ("compute_cycles", ...).
double detail_number(const std::string& json, const std::string& key)
{
  size_t at = json.find("\"" + key + "\": ");
  REQUIRE_MESSAGE(at != std::string::npos, key);
  return std::stod(json.substr(at + key.size() + 4));
}

} // namespace

TEST_SUITE("perf::qemu")
{
  TEST_CASE("the plugin knows SEW/LMUL across blocks, vsetvl and masked accesses")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    Fixture f(*t);
    auto bin = build_program(f.target, f.dir.path().string(), "vtype", test::k_vtype_c);
    REQUIRE_MESSAGE(bin.ok(), why(bin));
    auto c = f.model().count({*bin});
    REQUIRE_MESSAGE(c.ok(), why(c));
    CHECK(c->roi_entries == 1);
    const InsnCount* vadd = find(*c, "vadd.vv", 32, false);
    REQUIRE(vadd != nullptr);
    CHECK(vadd->lmul == "m2");
    CHECK(vadd->count == 100);
    const InsnCount* vsub = find(*c, "vsub.vv", 16, true);
    REQUIRE(vsub != nullptr);
    CHECK(vsub->lmul == "mf2");
    CHECK(vsub->count == 30);
    const InsnCount* vmul = find(*c, "vmul.vx", 64, false);
    REQUIRE(vmul != nullptr);
    CHECK(vmul->lmul == "m4");
    CHECK(vmul->count == 30);
    const InsnCount* vxor = find(*c, "vxor.vv", -1, false);
    REQUIRE(vxor != nullptr);
    CHECK(vxor->count == 7);
    const InsnCount* vle = find(*c, "vle32.v", 32, true);
    REQUIRE(vle != nullptr);
    CHECK(vle->count == 10);
    CHECK(vle->accesses == 40); // 4 of 8 elements active
    CHECK(traffic_of(*c).read == 160);
    CHECK(traffic_of(*c).written == 0);

    // Blocks: the vadd loop re-enters its own block 99 times (the first pass runs in the
    // block that starts at `li t0, 100`), translated under e32,m2; the vle32 loop under e32,m1.
    auto block_with = [&](int sew, const std::string& lmul, uint64_t count) {
      return std::any_of(c->blocks.begin(), c->blocks.end(),
                         [&](const BlockCount& b) { return b.sew == sew && b.lmul == lmul && b.count == count; });
    };
    CHECK(block_with(32, "m2", 99));
    CHECK(block_with(32, "m1", 9));
    CHECK(block_with(-1, "?", 7));
    // Every instruction counted in slots is in a recorded block: Σ count × instructions per
    // block matches the slot total up to the two marker blocks at the region's edges.
    uint64_t from_slots = 0, from_blocks = 0;
    for (const auto& i : c->insns) {
      from_slots += i.count;
    }
    for (const auto& b : c->blocks) {
      uint64_t n = 0;
      for (size_t at = 0; at < b.bytes.size(); at += (b.bytes[at] & 3) == 3 ? 4 : 2) {
        ++n;
      }
      from_blocks += b.count * n;
    }
    CHECK(from_slots > 500);
    CHECK(from_blocks + 16 >= from_slots);
    CHECK(from_blocks <= from_slots + 16);
  }

  TEST_CASE("the model is deterministic and the region of interest excludes harness work")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    Fixture f(*t);
    Measurement a = f.measure("relu_m1", 2048);
    Measurement b = f.measure("relu_m1", 2048);
    CHECK(a.cycles == b.cycles);
    CHECK(a.detail_json == b.detail_json);
    Counts plain = f.counts({"relu_m8", "2048"});
    Counts extra = f.counts({"relu_m8", "2048", "extra"});
    REQUIRE(plain.insns.size() == extra.insns.size());
    for (size_t i = 0; i < plain.insns.size(); ++i) {
      CAPTURE(plain.insns[i].mnemonic);
      CHECK(plain.insns[i].mnemonic == extra.insns[i].mnemonic);
      CHECK(plain.insns[i].count == extra.insns[i].count);
      CHECK(plain.insns[i].accesses == extra.insns[i].accesses);
    }
    CHECK(traffic_of(plain).total() == 2 * 4 * 2048); // exactly the kernel's reads and writes
    CHECK(find(plain, "fmul.d", 0, false) == nullptr);
  }

  TEST_CASE("model sched: blocks described by llvm-mca, deterministic, the scalar loop at its in-order latency")
  {
    auto t = cross_target();
    if (!t || util::find_program("llvm-mca-22").empty()) {
      return;
    }
    t->model = "sched";
    Fixture f(*t);
    CHECK(f.runner->version().find("sched/") != std::string::npos);
    Measurement a = f.measure("relu_scalar", 2048);
    Measurement b = f.measure("relu_scalar", 2048);
    CHECK(a.cycles == b.cycles);
    CHECK(a.detail_json == b.detail_json);
    CHECK(a.detail_json.find("\"model\": \"sched\"") != std::string::npos);
    target::Target table_target = *t;
    table_target.model = "table";
    Fixture g(table_target);
    Measurement table = g.measure("relu_scalar", 2048);
    MESSAGE("relu_scalar n=2048: sched " << a.cycles << ", table " << table.cycles);
    // flw → fmax.s → fsw and three address increments per element: dual issue would take 3
    // cycles, the 3-cycle load-use and fmax.s latencies make it longer; LLVM's own latencies
    // (load 4, store waiting for its data) made it 13 (issue 14).
    CHECK(a.cycles > 3 * 2048);
    CHECK(a.cycles < 8 * 2048);
  }

  TEST_CASE("relu at an L1 shape: LMUL 8 < LMUL 1 < scalar; at a DRAM shape the vector forms reach the memory bound")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    Fixture f(*t);
    const size_t l1 = 2048; // 16 KiB in + out
    Measurement m8 = f.measure("relu_m8", l1);
    Measurement m1 = f.measure("relu_m1", l1);
    Measurement scalar = f.measure("relu_scalar", l1);
    MESSAGE("L1 relu cycles: m8 " << m8.cycles << ", m1 " << m1.cycles << ", scalar " << scalar.cycles);
    CHECK(m8.cycles < m1.cycles);
    CHECK(m1.cycles < scalar.cycles);
    CHECK(m8.sol_fraction <= 1.0);

    const size_t dram = size_t{1} << 20; // 8 MiB in + out
    Measurement d8 = f.measure("relu_m8", dram);
    Measurement d1 = f.measure("relu_m1", dram);
    Measurement ds = f.measure("relu_scalar", dram);
    MESSAGE("DRAM relu cycles: m8 " << d8.cycles << ", m1 " << d1.cycles << ", scalar " << ds.cycles << ", SOL " << d8.sol_cycles);
    CHECK(d8.bound == "memory");
    // At the bound under `table`; `sched` adds the vector arithmetic that does not overlap DRAM
    // misses (a few percent for relu's one vfmax per vector).
    CHECK(d8.cycles >= d8.sol_cycles * (1 - 1e-9));
    CHECK(d8.cycles <= d8.sol_cycles * 1.1);
    CHECK(d1.cycles == doctest::Approx(d8.cycles).epsilon(0.01));
    CHECK(ds.cycles >= d8.cycles);
  }

  TEST_CASE("a vfdiv-heavy loop costs what the table says")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    Fixture f(*t);
    const uint64_t reps = 1000;
    Counts c = f.counts({"vfdiv", std::to_string(reps)});
    const InsnCount* div = find(c, "vfdiv.vv", 32, false);
    REQUIRE(div != nullptr);
    CHECK(div->lmul == "m8");
    CHECK(div->count == reps);
    ModelBreakdown b = model_cycles(c, f.model().table(), 0);
    double table = f.model().table().vector_cost("vfdiv.vv", 32, "m8", false).cycles;
    CHECK(table == doctest::Approx(307.05));
    // Vector arithmetic is the divides only; loop overhead and the two loads/one store are < 1%.
    CHECK(b.vector_alu == doctest::Approx(static_cast<double>(reps) * table));
    CHECK(b.cycles == doctest::Approx(static_cast<double>(reps) * table).epsilon(0.01));
  }
}

TEST_SUITE("perf::qemu")
{
  TEST_CASE("wall runner protocol through a QEMU stand-in (protocol only: figures mean nothing here)")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    testing::ScratchDir dir;
    t->board = "qemu-stand-in";
    auto bin = build_program(*t, dir.path().string(), "wall", test::k_wall_harness_c);
    REQUIRE_MESSAGE(bin.ok(), why(bin));
    SolInputs sol{4096, 2 * 4 * 4096, 32};
    auto runner = make_runner("wall", *t);
    auto m = runner->measure({*bin, "perf", "7"}, sol);
    REQUIRE_MESSAGE(m.ok(), why(m));
    CHECK(m->runner == "wall");
    CHECK(m->board == "qemu-stand-in");
    CHECK(m->cycles > 0);
    CHECK(m->spread >= 0);
    CHECK(m->sol_cycles > 0);
    CHECK(m->model_version == "wall/1 board/qemu-stand-in warm/10 runs/50");
    CHECK(m->detail_json.find("\"runs\": 50") != std::string::npos);
    CHECK(m->detail_json.find("\"cycles_from\": \"rdcycle\"") != std::string::npos);

    WallRunner few(*t, WallOptions{1, 3});
    auto f = few.measure({*bin, "perf", "7"}, sol);
    REQUIRE_MESSAGE(f.ok(), why(f));
    CHECK(f->detail_json.find("\"runs\": 3") != std::string::npos);
    // A harness that does not speak the protocol is an error value, not a crash.
    auto wrong = few.measure({*bin, "check", "7"}, sol);
    CHECK_FALSE(wrong.ok());
  }
}

TEST_SUITE("perf::qemu")
{
  TEST_CASE("the model counts only the harness's own region markers, entered and left once")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    testing::ScratchDir dir;
    auto bin = build_program(*t, dir.path().string(), "guard", test::k_guard_c);
    REQUIRE_MESSAGE(bin.ok(), why(bin));
    auto runner = make_runner("model", *t);
    const auto& model = dynamic_cast<const ModelRunner&>(*runner);
    auto honest = model.count({*bin, "honest"});
    REQUIRE_MESSAGE(honest.ok(), why(honest));
    CHECK(honest->roi_begins == 1);
    CHECK(honest->roi_ends == 1);
    CHECK(honest->foreign_markers == 0);
    for (const char* cheat : {"end_early", "data_word"}) {
      CAPTURE(cheat);
      auto c = model.count({*bin, cheat});
      REQUIRE_FALSE(c.ok());
      CHECK(c.error().rfind(k_roi_violation, 0) == 0);
      CHECK(c.error().find("outside the harness's eok_measured_call") != std::string::npos);
    }
    auto twice = model.count({*bin, "twice"});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error() == std::string(k_roi_violation) + "the region was entered 2 and left 2 time(s), expected once each");
    SolInputs sol{256, 2048, 32};
    CHECK_FALSE(runner->measure({*bin, "end_early"}, sol).ok()); // never a measurement
  }
}

TEST_SUITE("perf::qemu")
{
  TEST_CASE("the model is deterministic: the same binary gives byte-identical cycles and detail")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    Fixture f(*t);
    for (const char* kernel : {"relu_m8", "relu_scalar"}) {
      CAPTURE(kernel);
      Measurement a = f.measure(kernel, 3000);
      Measurement b = f.measure(kernel, 3000);
      CHECK(a.cycles == b.cycles); // exact, not approximate
      CHECK(a.detail_json == b.detail_json);
    }
  }

  // The X60 costs a vector instruction by SEW and LMUL, not by vl (rvv-bench's vl = 1 tables
  // equal its vl = VLMAX ones; README "Targets"): relu_m8's tail iteration, vl 5 of 64, costs
  // the compute of a full one, while its bytes (the memory term) are the 5 elements it moves,
  // which the plugin counts per element through QEMU's vector load/store helpers.
  TEST_CASE("a partial-vl tail is seen at its real vl: its elements in the traffic, its compute at its LMUL")
  {
    auto t = cross_target();
    if (!t) {
      return;
    }
    for (const char* model : {"table", "sched"}) {
      if (std::string(model) == "sched" && util::find_program("llvm-mca-22").empty()) {
        continue;
      }
      CAPTURE(model);
      target::Target mt = *t;
      mt.model = model;
      Fixture f(mt);
      const size_t vlmax = 64; // e32 m8 at VLEN 256
      for (size_t full : {vlmax, 32 * vlmax}) {
        size_t partial = full - vlmax + 5; // the same iterations, the last at vl 5
        CAPTURE(partial);
        Counts c = f.counts({"relu_m8", std::to_string(partial)});
        const InsnCount* vle = find(c, "vle32.v", 32, false);
        REQUIRE(vle != nullptr);
        CHECK(vle->count == full / vlmax);
        CHECK(vle->accesses == partial); // accesses per execution: vl, the tail's included
        CHECK(traffic_of(c).total() == 2 * 4 * partial);
        Measurement p = f.measure("relu_m8", partial);
        Measurement q = f.measure("relu_m8", full);
        CHECK(detail_number(p.detail_json, "compute_cycles") == detail_number(q.detail_json, "compute_cycles"));
        CHECK(detail_number(p.detail_json, "bytes_read") == 4.0 * static_cast<double>(partial));
        CHECK(detail_number(p.detail_json, "memory_cycles") < detail_number(q.detail_json, "memory_cycles"));
      }
    }
  }
}
