#include "tune/verify.hpp"

#include "cache/key.hpp"
#include "eval/evaluator.hpp"
#include "kernel/spec.hpp"
#include "perf/runner.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <algorithm>

namespace eok::tune {

double claim_tolerance(const std::string& runner)
{
  return runner == "model" ? 0.005 : 0.25;
}

const char* verify_status_name(VerifyOutcome::Status s)
{
  switch (s) {
  case VerifyOutcome::Status::passed:
    return "verified";
  case VerifyOutcome::Status::failed:
    return "REJECTED";
  case VerifyOutcome::Status::unverifiable:
    return "not verifiable here";
  }
  return "?";
}

WinnerVerifier::WinnerVerifier(const std::vector<std::string>& kernel_dirs, target::Target target, const config::Config& cfg)
  : m_target(std::move(target))
  , m_cfg(cfg)
{
  for (const auto& d : kernel_dirs) {
    m_dirs[cache::make_key(cache::inputs_for_kernel_dir(d, m_target, m_cfg.runner)).hex] = d;
  }
}

std::optional<std::string> WinnerVerifier::kernel_for(const std::string& key) const
{
  auto it = m_dirs.find(key);
  return it == m_dirs.end() ? std::nullopt : std::optional<std::string>(it->second);
}

VerifyOutcome WinnerVerifier::verify(const cache::Winner& w)
{
  VerifyOutcome out;
  out.winner = w;
  const std::optional<std::string> dir = kernel_for(w.key);
  if (!dir) {
    out.reason = "its key matches none of the kernels given, on this target and runner";
    return out;
  }
  out.status = VerifyOutcome::Status::failed;
  eval::Evaluator ev(kernel::load_spec(*dir), m_target, perf::make_runner(m_cfg.runner, m_target), eval::options_from(m_cfg));
  const eval::Verdict v = ev.evaluate(eval::Candidate{w.source, w.defines, w.flags});
  if (!v.ok() || !v.measurement) {
    out.reason = std::string("verdict ") + eval::verdict_name(v.kind) + (v.reason.empty() ? "" : ": " + v.reason);
    return out;
  }
  const perf::Measurement& m = *v.measurement;
  const std::string runner = m.runner;
  if (m.sol_cycles > 0 && m.cycles < m.sol_cycles * (1 - k_sol_tolerance)) {
    out.reason = "measures " + util::fixed(m.cycles, 0) + " cycles, below the speed-of-light bound of " + util::fixed(m.sol_cycles, 0);
    return out;
  }
  if (m.sol_cycles > 0 && w.cycles < m.sol_cycles * (1 - k_sol_tolerance)) {
    out.reason = "claims " + util::fixed(w.cycles, 0) + " cycles, below the speed-of-light bound of " + util::fixed(m.sol_cycles, 0);
    return out;
  }
  if (w.cycles < m.cycles * (1 - claim_tolerance(runner))) {
    out.reason = "claims " + util::fixed(w.cycles, 0) + " cycles, measures " + util::fixed(m.cycles, 0) + " here";
    return out;
  }
  const double ker0 = ev.baseline().cycles;
  out.status = VerifyOutcome::Status::passed;
  out.winner.cycles = m.cycles;
  out.winner.sol_fraction = m.sol_fraction;
  out.winner.speedup = perf::speedup(ker0, m.cycles);
  out.winner.runner = runner;
  out.winner.model_version = m.model_version;
  out.winner.verified = true;
  out.winner.verdict_json = eval::verdict_json(v);
  out.winner.note = "verified here: ok, " + util::fixed(m.cycles, 0) + " cycles, " + util::fixed(out.winner.speedup, 3) + "x over ker0";
  out.reason = out.winner.note;
  return out;
}

} // namespace eok::tune
