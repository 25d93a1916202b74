#include "tune/tune_run.hpp"

#include <doctest/doctest.h>

#include <mutex>

using namespace eok::tune;

namespace {

// A fake evaluator/cache: cycles from the knobs and flags; -ffast-math is the fastest
// flag and gives wrong output, as a NaN-dependent kernel would.
class FakePorts : public KernelPorts
{
public:
  std::optional<StoredWinner> winner;
  std::map<std::string, Figures> recorded; // variant text -> figures (the candidates table)
  std::vector<Scored> stored;
  int evaluations = 0;
  int baselines = 0;

  std::optional<StoredWinner> cached_winner() override { return winner; }
  Figures baseline() override
  {
    ++baselines;
    return {true, "ok", "", 1000, 0.25};
  }
  Figures evaluate(const Variant& v, bool& reused) override
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::string key = v.source + "|" + describe_setting(v.setting);
    auto it = recorded.find(key);
    if (it != recorded.end()) {
      reused = true;
      return it->second;
    }
    ++evaluations;
    double c = v.source == "slow" ? 1900 : (v.source.rfind("llm", 0) == 0 ? 600 : 1000);
    int64_t lmul = v.setting.defines.count("LMUL") ? v.setting.defines.at("LMUL") : 8;
    int64_t unroll = v.setting.defines.count("UNROLL") ? v.setting.defines.at("UNROLL") : 1;
    c -= static_cast<double>(lmul * 10 + unroll * 20);
    for (const auto& flag : v.setting.flags) {
      if (flag == "-ffast-math") {
        return recorded[key] = {false, "wrong_output", "y[3]: got 0, want nan", 0, 0};
      }
      c -= 50;
    }
    Figures f{true, "ok", "", c, 250 / c};
    recorded[key] = f;
    return f;
  }
  void store(const Scored& w, const Figures& /*ker0*/) override { stored.push_back(w); }

private:
  std::mutex m_mutex;
};

KernelTask task()
{
  KernelTask t;
  t.name = "relu";
  t.source = "#ifndef LMUL\n#define LMUL 8\n#endif\n";
  t.knobs = {{"LMUL", {1, 2, 4, 8}, 8}, {"UNROLL", {1, 2, 4}, 1}};
  t.knobs_valid = [](const std::map<std::string, int64_t>& v) { return v.at("LMUL") * v.at("UNROLL") <= 8; };
  t.flags = {{"extra1", {{}, {"-ffast-math"}}}, {"unroll", {{}, {"-funroll-loops"}}}};
  return t;
}

RunOptions options()
{
  RunOptions o;
  o.jobs = 2;
  return o;
}

} // namespace

TEST_SUITE("tune::run")
{
  TEST_CASE("offline: the fastest variant that passed wins; a flag giving wrong output never does")
  {
    FakePorts ports;
    KernelReport r = tune_kernel(task(), ports, options());
    CHECK(r.status == KernelStatus::tuned);
    CHECK(r.mode == "offline knob/flag search");
    CHECK(r.strategy == "exhaustive");
    CHECK(r.evaluations == 36); // 9 valid knob pairs x 4 flag combinations
    REQUIRE(ports.stored.size() == 1);
    const Setting& s = ports.stored[0].variant.setting;
    CHECK(s.defines.at("LMUL") * s.defines.at("UNROLL") <= 8);
    CHECK(std::find(s.flags.begin(), s.flags.end(), "-ffast-math") == s.flags.end());
    // LMUL 2, UNROLL 4: 1000 - 20 - 80 - 50 = 850 (LMUL 8, UNROLL 1: 870; LMUL 4, UNROLL 2: 870).
    CHECK(r.best_cycles == doctest::Approx(850));
    CHECK(r.what == "LMUL=2 UNROLL=4 -funroll-loops");
    CHECK(r.speedup() == doctest::Approx(1000.0 / 850));
    CHECK(r.sol_fraction == doctest::Approx(250.0 / 850));
  }

  TEST_CASE("a second run after an interruption reuses every recorded evaluation")
  {
    FakePorts ports;
    RunOptions o = options();
    o.search.budget = 10;
    tune_kernel(task(), ports, o); // as if killed after these were recorded
    int first = ports.evaluations;
    o.search.budget = 0;
    KernelReport r = tune_kernel(task(), ports, o);
    CHECK(r.reused == static_cast<size_t>(first));
    CHECK(ports.evaluations == 36);
  }

  TEST_CASE("cached winners are reported without evaluating; CI mode records a miss")
  {
    FakePorts ports;
    ports.winner = StoredWinner{"LMUL=2", 1000, 800, 0.3};
    KernelReport r = tune_kernel(task(), ports, options());
    CHECK(r.status == KernelStatus::cached);
    CHECK(r.speedup() == doctest::Approx(1.25));
    CHECK(ports.baselines == 0);
    CHECK(ports.evaluations == 0);

    FakePorts empty;
    RunOptions ci = options();
    ci.ci = true;
    r = tune_kernel(task(), empty, ci);
    CHECK(r.status == KernelStatus::miss);
    CHECK(empty.baselines == 0);
    CHECK(empty.evaluations == 0);
  }

  TEST_CASE("nothing faster: ker0 stays, and that is recorded")
  {
    FakePorts ports;
    KernelTask t = task();
    t.source = "slow"; // every variant of it is slower than the baseline
    t.flags = {{"extra1", {{}, {"-ffast-math"}}}};
    KernelReport r = tune_kernel(t, ports, options());
    CHECK(r.status == KernelStatus::ker0_stays);
    CHECK(r.speedup() == doctest::Approx(1.0));
    REQUIRE(ports.stored.size() == 1);
    CHECK(ports.stored[0].variant.origin == "ker0");
    CHECK(ports.stored[0].variant.setting.defines.empty());
    CHECK(ports.stored[0].variant.setting.flags.empty());
  }

  TEST_CASE("with an LLM: its best candidates get the knob/flag post-pass, and the gain is reported")
  {
    FakePorts ports;
    ports.llm_search = []() {
      LlmSearchResult out;
      out.passed.push_back({{"t0/p0/g1/M1", "llm", {}}, {true, "ok", "", 520, 0.4}});
      out.passed.push_back({{"t0/p1/g0/E1", "llm #ifndef UNROLL", {}}, {true, "ok", "", 540, 0.4}});
      out.evaluations = 30;
      return out;
    };
    KernelTask t = task();
    t.knobs_valid = [](const std::map<std::string, int64_t>& v) { return v.at("LMUL") * v.at("UNROLL") <= 32; };
    KernelReport r = tune_kernel(t, ports, options());
    CHECK(r.mode == "EoK (LLM) + knob/flag post-pass");
    CHECK(r.llm_cycles == 520);
    // Candidate 1 reads no knob: flags only (4 points). Candidate 2 reads UNROLL: 3 x 4 points.
    CHECK(r.evaluations == 4 + 12);
    // "llm #ifndef UNROLL" with UNROLL=4 and -funroll-loops: 600 - 80 - 80 - 50 = 390.
    CHECK(r.best_cycles == doctest::Approx(390));
    CHECK(r.what == "LLM t0/p1/g0/E1 + UNROLL=4 -funroll-loops");
  }

  TEST_CASE("budget.evals is per kernel: the post-pass spends what the LLM search left")
  {
    FakePorts ports;
    ports.llm_search = []() {
      LlmSearchResult out;
      out.passed.push_back({{"t0/p0/g1/M1", "llm", {}}, {true, "ok", "", 520, 0.4}});
      out.passed.push_back({{"t0/p1/g0/E1", "llm #ifndef UNROLL", {}}, {true, "ok", "", 540, 0.4}});
      out.evaluations = 10;
      return out;
    };
    KernelTask t = task();
    t.knobs_valid = [](const std::map<std::string, int64_t>& v) { return v.at("LMUL") * v.at("UNROLL") <= 32; };
    RunOptions o = options();
    o.search.budget = 15; // 5 left: 4 flag points of the first candidate, 1 point of the second
    KernelReport r = tune_kernel(t, ports, o);
    CHECK(r.evaluations == 5);
    CHECK(ports.evaluations == 5);

    FakePorts spent;
    spent.llm_search = ports.llm_search;
    o.search.budget = 10; // all of it used by the LLM search: no post-pass, the LLM's best wins
    r = tune_kernel(t, spent, o);
    CHECK(r.evaluations == 0);
    CHECK(r.best_cycles == 520);
    CHECK(r.detail.find("no knob/flag post-pass: budget.evals (10) used by the LLM search") != std::string::npos);
  }

  TEST_CASE("an LLM that stopped answering: the kernel failed, nothing stored, no post-pass")
  {
    FakePorts ports;
    ports.llm_search = []() {
      LlmSearchResult out;
      out.passed.push_back({{"t0/p0/g1/M1", "llm", {}}, {true, "ok", "", 520, 0.4}});
      out.evaluations = 3;
      out.unavailable = "the LLM gave no reply to 4 requests in a row (last: llm: HTTP 502)";
      return out;
    };
    KernelReport r = tune_kernel(task(), ports, options());
    CHECK(r.status == KernelStatus::failed);
    CHECK(r.detail.find("LLM search stopped: the LLM gave no reply to 4 requests in a row") == 0);
    CHECK(ports.stored.empty());
    CHECK(ports.evaluations == 0);
  }

  TEST_CASE("knobs an LLM rewrite still reads")
  {
    std::vector<KnobDim> k = {{"LMUL", {1, 8}, 8}, {"UNROLL", {1, 2}, 1}, {"TILE", {4}, 4}};
    auto read = knobs_read_by("#ifndef LMUL\n#define LMUL 4\n#endif\n# if !defined(TILE)\n", k);
    REQUIRE(read.size() == 2);
    CHECK(read[0].name == "LMUL");
    CHECK(read[1].name == "TILE");
    CHECK(knobs_read_by("int UNROLL_X;", k).empty());
  }

  TEST_CASE("kernel statuses print as the table always showed them and read back")
  {
    CHECK(std::string(kernel_status_name(KernelStatus::ker0_stays)) == "ker0 stays");
    for (KernelStatus s : {KernelStatus::cached, KernelStatus::tuned, KernelStatus::ker0_stays, KernelStatus::miss, KernelStatus::failed}) {
      CHECK(kernel_status(kernel_status_name(s)) == s);
    }
    CHECK_FALSE(kernel_status("ker0_stays").has_value());
  }

  TEST_CASE("the final table")
  {
    KernelReport a;
    a.kernel = "relu";
    a.status = KernelStatus::tuned;
    a.what = "EOK_LMUL=2";
    a.ker0_cycles = 1000;
    a.best_cycles = 800;
    a.sol_fraction = 0.5;
    KernelReport b;
    b.kernel = "sigmoid";
    b.status = KernelStatus::miss;
    b.what = "no cached winner for this key";
    CHECK(format_table({a, b}) == "kernel   ker0 cycles  best cycles  speedup    SOL  status  what won\n"
                                  "relu            1000          800   1.250x  0.500  tuned   EOK_LMUL=2\n"
                                  "sigmoid            -            -        -      -  miss    no cached winner for this key\n");
  }

  TEST_CASE("the JSON report carries a schema version and every figure")
  {
    KernelReport a;
    a.kernel = "re\"lu";
    a.status = KernelStatus::tuned;
    a.ker0_cycles = 1000;
    a.best_cycles = 500;
    a.evaluations = 7;
    std::string j = reports_json({a});
    CHECK(j.find("{\"schema_version\": 1, \"kernels\": [") == 0);
    CHECK(j.find("\"kernel\": \"re\\\"lu\"") != std::string::npos);
    CHECK(j.find("\"speedup\": 2,") != std::string::npos);
    CHECK(j.find("\"evaluations\": 7,") != std::string::npos);
  }
}
