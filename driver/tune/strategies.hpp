// The strategies of strategy_table() (strategies.cpp; internal to tune/) and the
// bookkeeping they share, the Ledger: which points were evaluated, with what
// outcome, in which order, and how much budget is left.
// Batches run in parallel up to Port::jobs; results are appended in batch
// order, so a strategy's choices do not depend on thread timing.
#pragma once

#include "search/random.hpp"
#include "tune/strategy.hpp"

#include <map>
#include <optional>
#include <vector>

namespace eok::tune {

class Ledger
{
public:
  Ledger(const Port& port, size_t budget);

  [[nodiscard]] size_t remaining() const { return m_budget - m_trials.size(); }
  [[nodiscard]] bool seen(const Point& p) const { return m_index.count(p) != 0; }
  // Evaluate the points of `batch` not seen yet, in order, up to the remaining budget.
  void evaluate(const std::vector<Point>& batch);
  [[nodiscard]] const std::vector<Trial>& trials() const { return m_trials; }
  // ok: cycles; otherwise +inf (also for points never evaluated).
  [[nodiscard]] double fitness(const Point& p) const;
  [[nodiscard]] std::optional<size_t> best() const;

private:
  const Port& m_port;
  size_t m_budget;
  std::vector<Trial> m_trials;
  std::map<Point, size_t> m_index;
};

using StrategyOptions = std::map<std::string, double>;

// Each returns the stop reason.
std::string run_exhaustive(const Space& space, Ledger& ledger);
std::string run_random(const Space& space, Ledger& ledger, search::Rng& rng);
std::string run_evolutionary(const Space& space, Ledger& ledger, search::Rng& rng, const StrategyOptions& opts);

// Spaces up to this many points (valid or not) are enumerated; larger ones are sampled.
constexpr uint64_t k_enumerable = uint64_t{1} << 18;

} // namespace eok::tune
