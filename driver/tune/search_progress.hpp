// The EoK search's progress display (issue 6): on a terminal a live block with a
// header (kernel, iteration, the run's evaluations, LLM requests and tokens, best
// speedup) and one line per parallel search (iteration, generation and operator,
// the step's verdict, the search's evaluations, best speedup and tokens); on a pipe
// one plain line per finished step. Fed by the engine's `progress` port.
#pragma once

#include "search/engine.hpp"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace eok::util {
class Terminal;
}

namespace eok::tune {

// The run's LLM figures so far (the meter's totals).
struct RunFigures
{
  int64_t requests = 0;
  int64_t tokens = 0;
};

// 950, 12.1k, 3.40M: token counts that fit a live line.
std::string compact_count(int64_t n);
// Search p's live line; `iterations`/`generations` are T and G.
std::string search_line(const search::Progress& p, int iterations, int generations, bool color);
// The plain line of one finished step (not a terminal).
std::string step_line(const std::string& kernel, const search::Progress& p, const RunFigures& run);

class SearchBoard
{
public:
  SearchBoard(std::string kernel, const search::EngineParams& params, util::Terminal& term);
  // Thread-safe: the searches report from their own threads.
  void update(const search::Progress& p, const RunFigures& run);
  // The live block as it stands: header, then one line per search.
  [[nodiscard]] std::vector<std::string> block() const;

private:
  [[nodiscard]] std::vector<std::string> block_locked() const;
  mutable std::mutex m_mutex;
  std::string m_kernel;
  int m_iterations;
  int m_generations;
  util::Terminal& m_term;
  std::vector<std::optional<search::Progress>> m_lanes;
  RunFigures m_run;
};

} // namespace eok::tune
