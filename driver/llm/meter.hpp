// Token and cost accounting for a run, and its LLM budget (tokens, cost, wall
// seconds): the engine's `budget_exhausted` port asks `exhausted()` before each
// step, so a run that reaches its budget stops cleanly with the reason recorded.
#pragma once

#include "llm/json.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace eok::config {
struct Config;
}

namespace eok::llm {

struct Prices // per million tokens; 0/0: unknown (cost stays 0)
{
  double input_per_mtok = 0;
  double output_per_mtok = 0;
  [[nodiscard]] bool known() const { return input_per_mtok > 0 || output_per_mtok > 0; }
  [[nodiscard]] double cost(const Usage& u) const;
};

struct Budget // 0: no limit
{
  int64_t tokens = 0;
  double cost = 0;
  int64_t seconds = 0;
};

struct Totals
{
  int64_t requests = 0; // completions asked for (replayed ones included)
  int64_t failed = 0;   // of which gave no reply
  int64_t attempts = 0; // HTTP attempts, retries included
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  int64_t estimated = 0; // replies without `usage`: tokens estimated from bytes
  double cost = 0;
  double seconds = 0; // since the meter started
  [[nodiscard]] int64_t tokens() const { return prompt_tokens + completion_tokens; }
};

class Meter
{
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  Meter(Prices prices, Budget budget, Clock clock = {});
  static Meter from_config(const config::Config& c);

  void add(const Usage& usage, bool ok, int attempts);
  // The reason the budget is used up ("token budget reached: 1200 of 1000 tokens"), or nullopt.
  [[nodiscard]] std::optional<std::string> exhausted() const;
  [[nodiscard]] Totals totals() const;
  [[nodiscard]] const Prices& prices() const { return m_prices; }
  [[nodiscard]] const Budget& budget() const { return m_budget; }

private:
  [[nodiscard]] double elapsed() const;
  Prices m_prices;
  Budget m_budget;
  Clock m_clock;
  std::chrono::steady_clock::time_point m_start;
  mutable std::mutex m_mutex;
  Totals m_totals;
};

// Calls send(i) for every i in [0, count) on up to `concurrency` threads
// (util::parallel_for), each item checking the budget first: once it is used up
// the remaining items are not sent. Returns the budget's reason when it stopped
// any item, else "". With one thread the stop point is deterministic.
std::string send_within_budget(const Meter& meter, size_t count, int concurrency, const std::function<void(size_t)>& send);

// Usage the server did not report, estimated at ~4 bytes per token (marked unreported).
Usage estimate_usage(size_t prompt_bytes, size_t completion_bytes);

} // namespace eok::llm
