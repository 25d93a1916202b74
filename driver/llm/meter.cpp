#include "llm/meter.hpp"

#include "config/config.hpp"
#include "util/strings.hpp"
#include "util/workers.hpp"

namespace eok::llm {

double Prices::cost(const Usage& u) const
{
  return (static_cast<double>(u.prompt_tokens) * input_per_mtok + static_cast<double>(u.completion_tokens) * output_per_mtok) / 1e6;
}

Meter::Meter(Prices prices, Budget budget, Clock clock)
  : m_prices(prices)
  , m_budget(budget)
  , m_clock(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); }))
  , m_start(m_clock())
{
}

Meter Meter::from_config(const config::Config& c)
{
  return Meter(Prices{c.llm_price_input, c.llm_price_output}, Budget{c.budget_tokens, c.budget_cost, c.budget_seconds});
}

double Meter::elapsed() const
{
  return std::chrono::duration<double>(m_clock() - m_start).count();
}

void Meter::add(const Usage& usage, bool ok, int attempts)
{
  std::lock_guard lock(m_mutex);
  ++m_totals.requests;
  m_totals.failed += ok ? 0 : 1;
  m_totals.attempts += attempts;
  m_totals.prompt_tokens += usage.prompt_tokens;
  m_totals.completion_tokens += usage.completion_tokens;
  m_totals.estimated += usage.reported ? 0 : usage.total();
  m_totals.cost += m_prices.cost(usage);
}

std::optional<std::string> Meter::exhausted() const
{
  Totals t = totals();
  if (m_budget.tokens > 0 && t.tokens() >= m_budget.tokens) {
    return "token budget reached: " + std::to_string(t.tokens()) + " of " + std::to_string(m_budget.tokens) + " tokens";
  }
  if (m_budget.cost > 0 && m_prices.known() && t.cost >= m_budget.cost) {
    return "cost budget reached: " + util::fixed(t.cost, 4) + " of " + util::fixed(m_budget.cost, 4);
  }
  if (m_budget.seconds > 0 && t.seconds >= static_cast<double>(m_budget.seconds)) {
    return "time budget reached: " + util::fixed(t.seconds, 1) + " of " + std::to_string(m_budget.seconds) + " s";
  }
  return std::nullopt;
}

Totals Meter::totals() const
{
  std::lock_guard lock(m_mutex);
  Totals t = m_totals;
  t.seconds = elapsed();
  return t;
}

Usage estimate_usage(size_t prompt_bytes, size_t completion_bytes)
{
  Usage u;
  u.prompt_tokens = static_cast<int64_t>((prompt_bytes + 3) / 4);
  u.completion_tokens = static_cast<int64_t>((completion_bytes + 3) / 4);
  u.reported = false;
  return u;
}

std::string send_within_budget(const Meter& meter, size_t count, int concurrency, const std::function<void(size_t)>& send)
{
  std::mutex mutex;
  std::string stopped;
  util::parallel_for(count, concurrency, [&](size_t i) {
    if (auto why = meter.exhausted()) {
      std::lock_guard lock(mutex);
      if (stopped.empty()) {
        stopped = *why;
      }
      return;
    }
    send(i);
  });
  return stopped;
}

} // namespace eok::llm
