// The wall runner: the harness measures itself (`perf <seed> <warm> <runs>`: warm-up
// runs, cache-flush sweep, rdcycle/clock_gettime per measured run) on whatever the
// exe_wrapper reaches; this side takes the median and spread and records the board.
// Under QEMU (the tests' stand-in) only the protocol is exercised: the figures mean
// something only on real hardware.
#include "perf/model.hpp"
#include "perf/runner_impl.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace eok::perf {

namespace {

constexpr double k_default_ghz = 1.6; // SpacemiT K1 (X60) clock when only ns are reported

double percentile(std::vector<double> v, double p)
{
  std::sort(v.begin(), v.end());
  double pos = p * static_cast<double>(v.size() - 1);
  auto lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

} // namespace

std::string wall_version(const target::Target& target, const WallOptions& options)
{
  return "wall/1 board/" + (target.board.empty() ? std::string("unknown") : target.board) + " warm/" + std::to_string(options.warm) +
         " runs/" + std::to_string(options.runs);
}

WallRunner::WallRunner(target::Target target, WallOptions options)
  : m_target(std::move(target))
  , m_options(options)
{
}

std::string WallRunner::version() const
{
  return wall_version(m_target, m_options);
}

Expected<Measurement> wall_measurement(const std::string& output, int runs, const std::string& board, const SolInputs& sol,
                                       const CostTable* table, const std::string& version)
{
  std::vector<double> ns, cycles;
  std::string node;
  for (const auto& line : util::split(output, '\n')) {
    auto f = util::split(util::trim(line), ' ');
    if (f.size() == 2 && f[0] == "eok-node") {
      node = f[1];
      continue;
    }
    if (f.size() != 2 || (f[0] != "eok-wall-ns" && f[0] != "eok-wall-cycles")) {
      continue;
    }
    try {
      (f[0] == "eok-wall-ns" ? ns : cycles).push_back(std::stod(f[1]));
    } catch (const std::exception&) {
      return Expected<Measurement>::fail("wall runner: bad line '" + line + "'");
    }
  }
  if (static_cast<int>(ns.size()) != runs) {
    return Expected<Measurement>::fail("wall runner: expected " + std::to_string(runs) + " 'eok-wall-ns' lines, got " +
                                       std::to_string(ns.size()));
  }
  bool have_cycles = static_cast<int>(cycles.size()) == runs;
  const std::vector<double>& basis = have_cycles ? cycles : ns;
  double median = percentile(basis, 0.5);
  Measurement m;
  m.runner = "wall";
  m.model_version = version;
  m.cycles = have_cycles ? median : median * k_default_ghz;
  m.spread = median > 0 ? (percentile(basis, 0.9) - percentile(basis, 0.1)) / median : 0;
  m.board = board.empty() ? "unknown (set eok_board in the cross file)" : board;
  if (!node.empty()) {
    m.board += "@" + node; // the node that ran it (a board farm behind srun picks one per run)
  }
  if (table != nullptr) {
    SolBound s = speed_of_light(sol, *table);
    m.sol_cycles = s.cycles;
    m.bound = s.bound;
    m.sol_fraction = m.cycles > 0 ? s.cycles / m.cycles : 0;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "{\"schema_version\": 1, \"runs\": %d, \"median_ns\": %.6g, \"p10_ns\": %.6g, \"p90_ns\": %.6g, "
                "\"cycles_from\": \"%s\"}",
                runs, percentile(ns, 0.5), percentile(ns, 0.1), percentile(ns, 0.9), have_cycles ? "rdcycle" : "ns x 1.6 GHz");
  m.detail_json = buf;
  return m;
}

Expected<Measurement> WallRunner::measure(const std::vector<std::string>& program, const SolInputs& sol)
{
  util::ProcessSpec spec;
  spec.argv = m_target.exe_wrapper;
  spec.argv.insert(spec.argv.end(), program.begin(), program.end());
  spec.argv.push_back(std::to_string(m_options.warm));
  spec.argv.push_back(std::to_string(m_options.runs));
  spec.timeout = m_options.timeout;
  std::unique_lock<std::mutex> one_at_a_time(m_board);
  util::ProcessResult r = util::run_process(spec);
  one_at_a_time.unlock();
  if (!r.succeeded()) {
    return Expected<Measurement>::fail("wall runner: " + util::join(spec.argv, " ") + ": " + r.describe() +
                                       (r.err.empty() ? "" : ": " + r.err.substr(0, 2000)));
  }
  return wall_measurement(r.out, m_options.runs, m_target.board, sol, CostTable::builtin(m_target.core), version());
}

} // namespace eok::perf
