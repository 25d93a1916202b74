#include "tune/strategy.hpp"

#include "tune/strategies.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"
#include "util/workers.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

namespace eok::tune {

const std::vector<StrategyInfo>& strategy_table()
{
  static const std::vector<StrategyInfo> t = {
      {"auto",
       "exhaustive when the valid space fits the limit and the budget, else evolutionary",
       {{"exhaustive_limit", 64, "largest number of valid points searched exhaustively"}}},
      {"exhaustive", "every valid point in order (ker0's point first)", {{"max_fevals", 0, "evaluations (0: every valid point)"}}},
      {"random", "valid points drawn without replacement", {{"max_fevals", 32, "evaluations"}}},
      {"evolutionary",
       "genetic algorithm: tournament selection, uniform crossover, mutation, elitism",
       {{"max_fevals", 48, "evaluations"},
        {"population", 8, "individuals per generation"},
        {"generations", 0, "generations after the first (0: until the budget is spent)"},
        {"mutation", 0.25, "chance that each dimension of a child mutates"},
        {"elite", 2, "best individuals carried over unchanged"},
        {"tournament", 2, "individuals drawn per parent selection"}}},
  };
  return t;
}

namespace {

const StrategyInfo& info(const std::string& name)
{
  for (const auto& s : strategy_table()) {
    if (s.name == name) {
      return s;
    }
  }
  std::vector<std::string> names;
  for (const auto& s : strategy_table()) {
    names.push_back(s.name);
  }
  throw Fatal("unknown tune strategy '" + name + "' (known: " + util::join(names, ", ") + ")");
}

// auto forwards to exhaustive or evolutionary, so it accepts their options too.
std::vector<OptionInfo> accepted(const std::string& strategy)
{
  std::vector<OptionInfo> out = info(strategy).options;
  if (strategy == "auto") {
    for (const auto& o : info("evolutionary").options) {
      out.push_back(o);
    }
  }
  return out;
}

double option(const StrategyOptions& given, const std::string& strategy, const std::string& name)
{
  auto it = given.find(name);
  if (it != given.end()) {
    return it->second;
  }
  for (const auto& o : info(strategy).options) {
    if (o.name == name) {
      return o.default_value;
    }
  }
  return 0;
}

} // namespace

std::map<std::string, double> parse_options(const std::string& strategy, const std::string& text)
{
  std::map<std::string, double> out;
  const auto known = accepted(strategy);
  for (const auto& item : util::split(text, ',')) {
    std::string kv = util::trim(item);
    if (kv.empty()) {
      continue;
    }
    auto eq = kv.find('=');
    std::string name = util::trim(kv.substr(0, eq));
    bool found = std::any_of(known.begin(), known.end(), [&name](const OptionInfo& o) { return o.name == name; });
    if (!found) {
      throw Fatal("tune options: '" + name + "' is not an option of strategy " + strategy + " (see eok tune --strategies)");
    }
    std::string value = eq == std::string::npos ? "" : util::trim(kv.substr(eq + 1));
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || !std::isfinite(v) || v < 0) {
      throw Fatal("tune options: " + name + " needs a non-negative number, got '" + value + "'");
    }
    out[name] = v;
  }
  return out;
}

Ledger::Ledger(const Port& port, size_t budget)
  : m_port(port)
  , m_budget(budget)
{
}

void Ledger::evaluate(const std::vector<Point>& batch)
{
  std::vector<Point> todo;
  for (const auto& p : batch) {
    if (todo.size() >= remaining()) {
      break;
    }
    if (!seen(p) && std::find(todo.begin(), todo.end(), p) == todo.end()) {
      todo.push_back(p);
    }
  }
  std::vector<Outcome> outcomes(todo.size());
  std::mutex progress_mutex;
  size_t done = m_trials.size();
  // A cache or evaluator fault on a worker thread is rethrown here (util::parallel_for).
  util::parallel_for(todo.size(), m_port.jobs, [&](size_t i) {
    outcomes[i] = m_port.evaluate(todo[i]);
    if (m_port.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      m_port.progress(Trial{todo[i], outcomes[i]}, ++done, m_budget);
    }
  });
  for (size_t i = 0; i < todo.size(); ++i) {
    m_index[todo[i]] = m_trials.size();
    m_trials.push_back(Trial{todo[i], outcomes[i]});
  }
}

double Ledger::fitness(const Point& p) const
{
  auto it = m_index.find(p);
  if (it == m_index.end() || !m_trials[it->second].outcome.ok) {
    return std::numeric_limits<double>::infinity();
  }
  return m_trials[it->second].outcome.cycles;
}

std::optional<size_t> Ledger::best() const
{
  std::optional<size_t> best;
  for (size_t i = 0; i < m_trials.size(); ++i) {
    const auto& o = m_trials[i].outcome;
    if (o.ok && (!best || o.cycles < m_trials[*best].outcome.cycles)) {
      best = i;
    }
  }
  return best;
}

Result run_strategy(const Space& space, const Request& request, const Port& port)
{
  Result result;
  result.strategy = request.strategy;
  if (result.strategy == "auto") {
    // Count valid points only where enumeration is cheap; bigger spaces are "large".
    size_t limit = static_cast<size_t>(option(request.options, "auto", "exhaustive_limit"));
    size_t valid = space.cardinality() <= k_enumerable ? space.valid_points().size() : SIZE_MAX;
    bool fits = valid <= limit && (request.budget == 0 || valid <= request.budget);
    result.strategy = fits ? "exhaustive" : "evolutionary";
  }
  info(result.strategy); // unknown names fail before anything is evaluated
  size_t budget = request.budget;
  if (budget == 0) {
    budget = static_cast<size_t>(option(request.options, result.strategy, "max_fevals"));
  }
  if (budget == 0) {
    budget = SIZE_MAX;
  }
  Ledger ledger(port, budget);
  search::Rng rng = search::Rng(request.seed).fork("tune/" + result.strategy);
  if (result.strategy == "exhaustive") {
    result.stop_reason = run_exhaustive(space, ledger);
  } else if (result.strategy == "random") {
    result.stop_reason = run_random(space, ledger, rng);
  } else {
    StrategyOptions opts;
    for (const auto& o : info("evolutionary").options) {
      opts[o.name] = option(request.options, "evolutionary", o.name);
    }
    result.stop_reason = run_evolutionary(space, ledger, rng, opts);
  }
  result.trials = ledger.trials();
  result.best = ledger.best();
  result.budget = budget;
  return result;
}

} // namespace eok::tune
