// One kernel's tuning (issues 5, 6, 7), written against small ports so the
// flow is tested with fakes and run by `eok tune` with the evaluator, the cache
// and the LLM search:
//   cached winner for the key -> report it;  CI mode -> record a miss;
//   otherwise ker0's baseline, then the LLM search when one is configured,
//   then the knob/flag search (on ker0 offline, on the best LLM candidates as a
//   post-pass), and the best evaluator-passed variant is stored, or the fact
//   that ker0 stays when nothing beat it.
#pragma once

#include "perf/runner.hpp"
#include "tune/strategy.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eok::tune {

// What the evaluator said about one variant.
struct Figures
{
  bool ok = false;
  std::string verdict; // "ok", "wrong_output", …
  std::string reason;
  double cycles = 0;
  double sol_fraction = 0;
  std::string model_version; // of the model that measured it
};

// A source plus what the knob/flag search adds to it.
struct Variant
{
  std::string origin; // "ker0", or the LLM search slot ("t0/p1/g1/M2")
  std::string source;
  Setting setting;
  std::string idea, thought, llm_model; // an LLM-born source: its search step's provenance
};

struct Scored
{
  Variant variant;
  Figures figures;
};

// A winner as the cache holds it.
// What the LLM (EoK) search gives the flow: its passed candidates, best first, and how
// many evaluations it used of the kernel's budget (the post-pass gets the rest).
struct LlmSearchResult
{
  std::vector<Scored> passed;
  size_t evaluations = 0;
  std::string unavailable; // non-empty: the LLM stopped answering (why); nothing is stored
  std::string incomplete;  // non-empty: budget.seconds ran out (why); the best so far is stored, the run resumes later
};

struct StoredWinner
{
  std::string what; // "EOK_LMUL=2 -O3", "ker0 stays", …
  double ker0_cycles = 0;
  double cycles = 0;
  double sol_fraction = 0;
};

class KernelPorts
{
public:
  virtual ~KernelPorts() = default;
  virtual std::optional<StoredWinner> cached_winner() = 0;
  virtual Figures baseline() = 0;
  // Thread-safe. Records the candidate as soon as it is evaluated; a variant recorded
  // by an earlier (interrupted) run is answered from the record (`reused` set).
  virtual Figures evaluate(const Variant& v, bool& reused) = 0;
  virtual void store(const Scored& winner, const Figures& ker0) = 0;
  // The LLM (EoK) search. Empty function: offline.
  std::function<LlmSearchResult()> llm_search;
};

struct KernelTask
{
  std::string name;
  std::string source; // ker0
  std::vector<KnobDim> knobs;
  KnobPredicate knobs_valid;
  std::vector<FlagDim> flags; // probed
};

struct RunOptions
{
  bool ci = false;
  Request search; // strategy, options, budget (evaluations per kernel, LLM search included), seed
  int jobs = 1;
  size_t postpass_sources = 2;                      // best LLM candidates the knob/flag search refines
  std::function<void(const std::string&)> progress; // may be empty
};

struct TrialRow
{
  std::string source; // "ker0" or the LLM slot
  Setting setting;
  std::string verdict;
  double cycles = 0;
};

// How one kernel's tuning ended; printed by kernel_status_name ("ker0 stays" for ker0_stays).
enum class KernelStatus {
  cached,     // a winner (or "ker0 stays") was already stored for the key
  tuned,      // a faster variant passed and was stored
  ker0_stays, // nothing faster passed; stored as such
  miss,       // CI mode without a stored winner
  failed,     // ker0 itself could not be measured, or the LLM stopped answering
};
const char* kernel_status_name(KernelStatus s);
// The status named `name` (kernel_status_name's inverse), if there is one.
std::optional<KernelStatus> kernel_status(const std::string& name);

struct KernelReport
{
  std::string kernel;
  KernelStatus status = KernelStatus::failed;
  std::string mode; // "cache", "offline knob/flag search", "EoK (LLM) + knob/flag post-pass"
  std::string what; // what won
  double ker0_cycles = 0;
  double best_cycles = 0;
  double sol_fraction = 0;
  double llm_cycles = 0; // best LLM candidate before the post-pass (0: none)
  size_t evaluations = 0;
  size_t reused = 0;
  std::string strategy;
  std::string detail;      // why it failed, stop reasons
  bool incomplete = false; // the time budget ran out: the best so far is stored and the next run resumes the search
  double seconds = 0;
  std::vector<TrialRow> trials; // every knob/flag point evaluated, in order
  [[nodiscard]] double speedup() const { return perf::speedup(ker0_cycles, best_cycles); }
};

KernelReport tune_kernel(const KernelTask& task, KernelPorts& ports, const RunOptions& opts);

// Knobs a source still reads: `#ifndef NAME` / `#if !defined(NAME)` (LLM rewrites may drop them).
std::vector<KnobDim> knobs_read_by(const std::string& source, const std::vector<KnobDim>& knobs);

// The final table (kernel, ker0 cycles, best cycles, speedup, SOL fraction, what won).
std::string format_table(const std::vector<KernelReport>& reports);
// The same as JSON ("schema_version": 1), for scripts and the benchmark.
std::string reports_json(const std::vector<KernelReport>& reports);

} // namespace eok::tune
