#include "tune/search_progress.hpp"

#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <algorithm>

namespace eok::tune {

namespace {

std::string pad(std::string s, size_t width)
{
  if (s.size() < width) {
    s.append(width - s.size(), ' ');
  }
  return s;
}

std::string speedup_text(double s)
{
  return s > 0 ? util::fixed(s, 3) + "x" : "-";
}

std::string outcome(const search::Progress& p)
{
  return p.verdict == "ok" ? "ok " + speedup_text(p.speedup) : p.verdict;
}

std::string step_name(const search::Progress& p, int generations)
{
  // Human counts (1-based) here; the slot ("t0/p1/g0/M2") names the step in records.
  return p.generation < 0 ? "init" : "gen " + std::to_string(p.generation + 1) + "/" + std::to_string(generations) + " " + p.op;
}

std::string evaluations_text(int evaluated, int resumed)
{
  return std::to_string(evaluated) + (resumed > 0 ? " (+" + std::to_string(resumed) + " resumed)" : "");
}

} // namespace

std::string compact_count(int64_t n)
{
  if (n < 1000) {
    return std::to_string(n);
  }
  if (n < 1000000) {
    return util::fixed(static_cast<double>(n) / 1e3, n < 10000 ? 2 : 1) + "k";
  }
  return util::fixed(static_cast<double>(n) / 1e6, 2) + "M";
}

std::string search_line(const search::Progress& p, int iterations, int generations, bool color)
{
  // Fits 80 columns with the common figures; the least important come last, since a
  // narrow terminal cuts the line's end.
  std::string result = pad(outcome(p), 14);
  if (color) {
    result = (p.verdict == "ok" ? "\033[32m" : "\033[31m") + result + "\033[0m";
  }
  return "  p" + std::to_string(p.search) + " iter " + std::to_string(p.iteration + 1) + "/" + std::to_string(iterations) + " " +
         pad(step_name(p, generations), 10) + "  " + result + "  best " + pad(speedup_text(p.best), 6) + "  " +
         pad(std::to_string(p.evaluated) + " evals", 8) + "  " + compact_count(p.tokens) + " tokens";
}

std::string step_line(const std::string& kernel, const search::Progress& p, const RunFigures& run)
{
  return kernel + " " + p.slot + ": " + outcome(p) + (p.resumed ? ", resumed" : "") + " (search p" + std::to_string(p.search) + ": " +
         evaluations_text(p.evaluated, p.resumed_steps) + " evaluated, best " + speedup_text(p.best) + ", " + compact_count(p.tokens) +
         " tokens; run: " + std::to_string(run.requests) + " LLM requests, " + compact_count(run.tokens) + " tokens)";
}

SearchBoard::SearchBoard(std::string kernel, const search::EngineParams& params, util::Terminal& term)
  : m_kernel(std::move(kernel))
  , m_iterations(params.iterations)
  , m_generations(params.generations)
  , m_term(term)
  , m_lanes(static_cast<size_t>(std::max(1, params.parallel)))
{
}

void SearchBoard::update(const search::Progress& p, const RunFigures& run)
{
  std::lock_guard lock(m_mutex);
  if (p.search < 0 || static_cast<size_t>(p.search) >= m_lanes.size()) {
    return;
  }
  m_lanes[static_cast<size_t>(p.search)] = p;
  m_run = run;
  // The plain line only when nobody watches a live block (it is not drawn then).
  m_term.live(block_locked(), m_term.is_live() ? "" : step_line(m_kernel, p, run));
}

std::vector<std::string> SearchBoard::block() const
{
  std::lock_guard lock(m_mutex);
  return block_locked();
}

std::vector<std::string> SearchBoard::block_locked() const
{
  int iteration = -1;
  int evaluated = 0;
  int resumed = 0;
  double best = 0;
  for (const auto& lane : m_lanes) {
    if (lane) {
      iteration = std::max(iteration, lane->iteration);
      evaluated += lane->evaluated;
      resumed += lane->resumed_steps;
      best = std::max(best, lane->best);
    }
  }
  std::vector<std::string> out;
  out.push_back(m_kernel + " EoK iter " + (iteration < 0 ? "-" : std::to_string(iteration + 1)) + "/" + std::to_string(m_iterations) +
                ": best " + speedup_text(best) + ", " + evaluations_text(evaluated, resumed) + " evaluated, " +
                std::to_string(m_run.requests) + " LLM requests, " + compact_count(m_run.tokens) + " tokens");
  for (size_t i = 0; i < m_lanes.size(); ++i) {
    out.push_back(m_lanes[i] ? search_line(*m_lanes[i], m_iterations, m_generations, m_term.color())
                             : "  p" + std::to_string(i) + " waiting for its first step");
  }
  return out;
}

} // namespace eok::tune
