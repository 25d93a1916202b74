// `eok report`'s data: what a cache says about tuning runs, shaped for people.
// Everything here is read from the cache (runs, candidates, winners, learned
// effectiveness) and the idea pool; nothing is measured or estimated. The HTML
// and Markdown writers (html.cpp, markdown.cpp) only format a Report.
#pragma once

#include "cache/cache.hpp"
#include "ideas/pool.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::report {

// The paper's summary form (EoK Tables 2-4): mean, max and quartiles of the
// per-task speedup (ker0 staying counts as 1.0), and how many tasks improved.
struct Summary
{
  int tasks = 0;
  int improved = 0; // speedup > 1
  double mean = 0, max = 0, p75 = 0, p50 = 0, p25 = 0;
};
// Linear interpolation between closest ranks (numpy's default), so the median
// of an even count is the mean of the middle two.
Summary summarize(std::vector<double> speedups);

// One step of a winner's lineage: a candidate of the run, from ker0 to the winner.
struct Step
{
  std::string slot, op, idea, thought, parent;
  double speedup = 0;
  std::string setting; // knob defines and flags, "" for none
  std::string diff;    // unified diff from the previous step's code (source, defines, flags)
};

// Best speedup so far after each evaluation (and the LLM tokens spent by then).
struct CurvePoint
{
  int evaluations = 0;
  int64_t tokens = 0;
  double best = 1.0;
};

struct KernelResult
{
  std::string kernel, suite; // "nn/mish", "nn"
  cache::Run run;
  bool has_figures = false; // at least one candidate was measured
  double ker0_cycles = 0, best_cycles = 0, speedup = 1.0, sol_fraction = 0, ker0_sol_fraction = 0;
  std::string what_won;      // "ker0", a slot, knob settings
  std::string model_version; // of the best figure
  int evaluations = 0;       // candidates that reached the evaluator
  int64_t tokens = 0;        // LLM tokens of the run
  std::vector<CurvePoint> curve;
  std::map<std::string, std::map<std::string, int>> verdicts; // operator -> verdict -> count
  std::vector<Step> lineage;                                  // ker0 first, winner last
  std::string lineage_note;                                   // why a step's code is missing, if it is
};

struct ThoughtRow
{
  std::string idea, thought;
  double prior = 0;
  std::optional<double> learned; // on the report's core, when runs learned something
  int sampled = 0;               // candidates the thought guided
  int passed = 0;                // of those, passed every check
  int improved = 0;              // of those, faster than ker0
  double best = 0;               // best speedup among them
};

struct Report
{
  std::string cache_path;
  std::string selection; // what was selected, for the heading
  std::vector<KernelResult> kernels;
  Summary overall;
  std::map<std::string, Summary> per_suite;
  std::vector<ThoughtRow> thoughts;
  std::map<std::string, int> verdict_totals;
};

struct Selection
{
  std::optional<int64_t> run; // one run; otherwise the newest run of each kernel
};

// The report for the selected runs. `pool` (may be null) adds the priors and
// the thoughts no run used yet. Throws Fatal for an unknown run id.
Report build(cache::Cache& cache, const Selection& sel, const ideas::Pool* pool);

// A unified line diff of `a` to `b` (3 lines of context; "" when equal).
std::string unified_diff(const std::string& a, const std::string& b);

// Writers. `compare` (may be null) puts a second report's figures beside each kernel.
std::string html(const Report& r, const Report* compare);
std::string markdown(const Report& r, const Report* compare);

} // namespace eok::report
