// The EoK search loop (DESIGN.md "Search"), written against small ports so it can
// be driven by the real LLM client, evaluator and cache, or by fakes in tests.
//
// Per iteration t: P idea-guided searches run in parallel. Search p samples an idea
// uniformly, `thoughts` of its thoughts by softmax(effectiveness), and a reference
// kernel from DataBaseK by softmax(speedup); the initial population applies each
// thought to the reference; then G generations of EoH apply E1, E2, M1, M2, M3 and
// keep the best N. The searches' bests are merged and the top K enter DataBaseK;
// thought effectiveness moves toward what their children achieved.
//
// Every step has a stable slot name ("t0/p1/g2/M1"); the Journal remembers what
// each slot produced, so a killed run resumes without repeating a generation or
// an evaluation, and the same seed + replies give the same winners.
#pragma once

#include "search/prompts.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::search {

struct Generation
{
  bool ok = false; // false: no usable code (failure says why)
  std::string description;
  std::string code;
  std::string failure;
  std::string model;
  int64_t tokens = 0;
  bool unavailable = false; // no reply at all (the endpoint failed even after the client's retries)
};

struct Evaluation
{
  bool ok = false;     // passed every correctness check
  std::string verdict; // evaluator's verdict name
  std::string reason;
  double speedup = 0; // over ker0 (ok only)
  double cycles = 0;
  double sol_fraction = 0; // speed-of-light fraction (ok only)
  std::string runner;      // how it was measured (runner and model version)
  std::string model_version;
  std::string verdict_json; // the evaluator's full verdict, kept with the record
  // For the next prompts (filled by the evaluator port from verdict_json, so a journal's
  // record gives the same text): where an ok candidate's cycles go, why a failed one failed.
  std::string profile;
  std::string feedback;
};

struct Record
{
  std::string slot;
  std::string op;
  std::string idea;
  std::string thought;              // init only
  std::vector<std::string> parents; // slots of the parents ("ker0" / "db:<n>")
  std::string prompt_hash;
  Generation generation;
  Evaluation evaluation;
};

class Generator // LLM + reply parsing; must be thread-safe
{
public:
  virtual ~Generator() = default;
  virtual Generation generate(const Prompt& prompt, const std::string& slot) = 0;
};

class Evaluator // compile + check + measure; must be thread-safe
{
public:
  virtual ~Evaluator() = default;
  virtual Evaluation evaluate(const std::string& code, const std::string& slot) = 0;
};

class Journal // persistence of every step; must be thread-safe
{
public:
  virtual ~Journal() = default;
  virtual std::optional<Record> find(const std::string& slot) = 0;
  virtual void record(const Record& r) = 0;
};

struct IdeaView
{
  std::string id;
  std::string principle;
  std::vector<ThoughtView> thoughts;
};

struct EngineParams
{
  int parallel = 2;    // P
  int iterations = 2;  // T
  int population = 4;  // N
  int generations = 2; // G
  int keep = 4;        // K
  int thoughts = 2;    // thoughts sampled per search
  uint64_t seed = 1;
  double kernel_temperature = 0.2;  // softmax over speedups when picking a reference
  double thought_temperature = 0.2; // softmax over effectiveness when picking thoughts
  size_t rag_k = 3;
  // false: plain EoH (the paper's baseline): no idea pool; each search's initial
  // population comes from `thoughts` EoH initialisation prompts on the reference.
  bool use_ideas = true;
  // A child that failed a check it can be fixed from (compile error, wrong output, crash,
  // timeout, rejected code; never a cheat) gets one repair prompt (operator R) before it is dropped.
  bool repair = true;
  size_t failures_shown = 2; // a parent's last failed children shown in the next prompt that shows it
  int unavailable_limit = 4; // stop after this many requests in a row got no reply (0: never)
};

struct Member
{
  std::string slot; // "ker0" for the reference
  std::string description;
  std::string code;
  double speedup = 1.0;
  double cycles = 0;
  double sol_fraction = 0;
  std::string profile; // where its cycles go on the model (empty: not measured by the model)
  // Provenance: the step that produced it (empty for the reference), carried to the winner
  // so storing it needs no second look at the journal.
  std::string idea, thought, llm_model, model_version;
};

struct EngineResult
{
  std::vector<Member> database;                // DataBaseK at the end, best first
  std::map<std::string, double> effectiveness; // thought id -> updated effectiveness
  std::map<std::string, int> updates;          // thought id -> iterations whose evidence updated it (sampled)
  int generated = 0;                           // LLM calls made in this process
  int evaluated = 0;                           // evaluations made in this process
  int resumed = 0;                             // steps taken from the journal
  int failed = 0;                              // steps without an ok candidate
  int repaired = 0;                            // repair steps whose candidate passed
  std::string stop_reason;                     // empty: ran to completion
  std::string unavailable;                     // non-empty: stopped because the LLM gave no replies (why)
};

// One finished step, for the live display. The "search" figures add up the steps of
// search p over the iterations (the p-th of the P searches each iteration runs).
struct Progress
{
  std::string slot;      // "t0/p1/g0/M2"
  int iteration = 0;     // t
  int search = 0;        // p
  int generation = -1;   // g; -1: the initial population
  std::string op;        // "init", "E1", … "M3"
  std::string verdict;   // this step: "ok", "wrong_output", "no_code", …
  double speedup = 0;    // this step (ok only)
  bool resumed = false;  // this step came from the journal
  int evaluated = 0;     // search p: candidates evaluated in this process
  int resumed_steps = 0; // search p: steps answered from the journal
  double best = 0;       // search p: best speedup so far (0: nothing passed yet)
  int64_t tokens = 0;    // search p: LLM tokens used in this process
};

struct EnginePorts
{
  Generator* generator = nullptr;
  Evaluator* evaluator = nullptr;
  Journal* journal = nullptr;
  std::function<std::vector<std::string>(const std::string& query, size_t k)> retrieve; // may be empty
  std::function<std::optional<std::string>()> budget_exhausted;                         // reason, or nullopt
  std::function<void(const Progress&)> progress;                                        // may be empty; called from the searches' threads
};

EngineResult run_search(const TaskView& task, const Member& ker0, const std::vector<IdeaView>& ideas,
                        const std::map<std::string, double>& effectiveness, const EngineParams& params, const EnginePorts& ports);

} // namespace eok::search
