// Re-verifying stored winners (`eok cache verify`, and `eok cache import/merge`
// before they bring a winner in): a winner from another machine, CI or a
// colleague is trusted only after it passes the evaluator here, on this target,
// and its stored figures are reproduced: correctness on every test shape, a
// fresh measurement no faster than the speed-of-light bound, and a stored cycle
// count no lower than what is measured here (within the runner's tolerance).
#pragma once

#include "cache/cache.hpp"
#include "config/config.hpp"
#include "target/target.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::tune {

// Stored figures may claim at most this much fewer cycles than are measured
// here: the model runner is deterministic (same binary, same counts), so only
// rounding is allowed; wall-clock figures vary from run to run.
double claim_tolerance(const std::string& runner);
// A measurement below the speed-of-light bound by more than this fraction is
// physically impossible on the modelled core (the model's own error is well under it).
constexpr double k_sol_tolerance = 0.02;

struct VerifyOutcome
{
  enum class Status {
    passed,       // correct here, figures reproduced; `winner` holds the figures measured here
    failed,       // a verdict or figure against it; `reason` says which
    unverifiable, // its key matches no kernel given here (another target, source or runner)
  };
  Status status = Status::unverifiable;
  std::string reason;
  cache::Winner winner;
};
const char* verify_status_name(VerifyOutcome::Status s);

class WinnerVerifier
{
public:
  // `kernel_dirs`: the kernels whose current keys (this target, runner) winners may have.
  WinnerVerifier(const std::vector<std::string>& kernel_dirs, target::Target target, const config::Config& cfg);
  // The kernel directory whose key is `key`, if any.
  [[nodiscard]] std::optional<std::string> kernel_for(const std::string& key) const;
  VerifyOutcome verify(const cache::Winner& w);

private:
  std::map<std::string, std::string> m_dirs; // key -> kernel dir
  target::Target m_target;
  config::Config m_cfg;
};

} // namespace eok::tune
