// Search strategies over a tune::Space (issue 7), Kernel Tuner style: one
// interface, a table of strategies with their options and defaults, chosen by
// name (config `tune.strategy`). Strategies see the objective only through a
// Port (point -> {ok, cycles}), so unit tests drive them with a synthetic
// objective and `eok tune` with the evaluator. Every strategy evaluates ker0's
// point first, never evaluates a point twice, never exceeds the budget, and
// makes the same choices for the same seed whatever the number of jobs.
#pragma once

#include "tune/space.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::tune {

struct Outcome
{
  bool ok = false;     // passed the evaluator (only ok points can win)
  double cycles = 0;   // lower is better (ok only)
  std::string verdict; // evaluator verdict name, for reports
};

struct Trial
{
  Point point;
  Outcome outcome;
};

struct Port
{
  // Thread-safe when jobs > 1; must not throw for a bad point (return !ok).
  std::function<Outcome(const Point&)> evaluate;
  int jobs = 1;
  // Called (serialised) after each evaluation finishes; may be empty.
  std::function<void(const Trial&, size_t done, size_t budget)> progress;
};

struct OptionInfo
{
  std::string name;
  double default_value;
  std::string help;
};

struct StrategyInfo
{
  std::string name;
  std::string summary;
  std::vector<OptionInfo> options;
};

// Every strategy with its options and defaults (`eok tune --strategies`); "auto" first.
const std::vector<StrategyInfo>& strategy_table();

// "population=8,mutation=0.3" -> options; throws Fatal on unknown names or bad numbers.
std::map<std::string, double> parse_options(const std::string& strategy, const std::string& text);

struct Request
{
  std::string strategy = "auto";
  std::map<std::string, double> options; // missing: the table's default
  size_t budget = 0;                     // evaluations; 0: the strategy's max_fevals option
  uint64_t seed = 1;
};

struct Result
{
  std::string strategy;       // the one that ran ("auto" resolved)
  std::vector<Trial> trials;  // in evaluation order
  std::optional<size_t> best; // index into trials of the fastest ok point
  size_t budget = 0;          // the budget that applied
  std::string stop_reason;    // "budget", "space exhausted", "generations"
};

Result run_strategy(const Space& space, const Request& request, const Port& port);

} // namespace eok::tune
