#include "search/engine.hpp"

#include "search/effectiveness.hpp"
#include "search/random.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

namespace eok::search {

namespace {

struct Shared
{
  const TaskView& task;
  const EngineParams& params;
  const EnginePorts& ports;
  std::atomic<int> generated{0};
  std::atomic<int> evaluated{0};
  std::atomic<int> resumed{0};
  std::atomic<int> failed{0};
  std::atomic<int> repaired{0};
  std::mutex stop_mutex;
  std::string stop_reason;
  std::string unavailable;
  int no_reply_in_a_row = 0; // across the searches; any reply resets it
  // Running figures of search p for the progress port; lane p is touched only by the
  // thread of search p (one per iteration, joined before the next).
  std::vector<Progress> lanes;

  bool stopped()
  {
    std::lock_guard lock(stop_mutex);
    if (stop_reason.empty() && ports.budget_exhausted) {
      if (auto why = ports.budget_exhausted()) {
        stop_reason = *why;
      }
    }
    return !stop_reason.empty();
  }

  // An endpoint that is down fails every request after its retries; asking on would
  // only burn the rest of the run's steps, so the search stops and says why.
  void no_reply(const std::string& why)
  {
    std::lock_guard lock(stop_mutex);
    ++no_reply_in_a_row;
    if (params.unavailable_limit > 0 && no_reply_in_a_row >= params.unavailable_limit && stop_reason.empty()) {
      unavailable = "the LLM gave no reply to " + std::to_string(no_reply_in_a_row) + " requests in a row (last: " + why + ")";
      stop_reason = unavailable;
    }
  }
  void reply()
  {
    std::lock_guard lock(stop_mutex);
    no_reply_in_a_row = 0;
  }
};

struct SearchOutcome
{
  std::vector<Member> best; // ok candidates, best first
  std::map<std::string, std::vector<double>> thought_scores;
};

// A search's failed children, by the slot of each parent they were bred from, latest last.
using Failures = std::map<std::string, std::vector<std::string>>;

std::vector<ParentView> views(const std::vector<Member>& ms, const Failures& failures = {})
{
  std::vector<ParentView> out;
  for (const auto& m : ms) {
    auto f = failures.find(m.slot);
    out.push_back({m.description, m.code, m.speedup, m.profile, f == failures.end() ? std::vector<std::string>{} : f->second});
  }
  return out;
}

// Verdicts a repair prompt can act on: the candidate's own mistakes. Cheats (implausible,
// roi_violation) and infrastructure faults are never sent back to be "fixed".
bool repairable(const std::string& verdict)
{
  static const std::set<std::string> fixable = {"compile_failed", "wrong_output", "out_of_bounds", "modified_input", "nondeterministic",
                                                "crashed",        "timeout",      "rejected",      "output_limit"};
  return fixable.count(verdict) != 0;
}

struct Place
{
  int t = 0;
  int p = 0;
  int g = -1; // -1: initial population
};

void report(Shared& sh, const Place& at, const std::string& slot, const Record& r, bool resumed)
{
  Progress& lane = sh.lanes[static_cast<size_t>(at.p)];
  lane.slot = slot;
  lane.iteration = at.t;
  lane.search = at.p;
  lane.generation = at.g;
  lane.op = r.op;
  lane.verdict = r.evaluation.ok ? "ok" : r.evaluation.verdict;
  lane.speedup = r.evaluation.ok ? r.evaluation.speedup : 0;
  lane.resumed = resumed;
  lane.resumed_steps += resumed ? 1 : 0;
  lane.evaluated += !resumed && r.generation.ok ? 1 : 0;
  lane.tokens += resumed ? 0 : r.generation.tokens;
  if (r.evaluation.ok && r.evaluation.speedup > lane.best) {
    lane.best = r.evaluation.speedup;
  }
  if (sh.ports.progress) {
    sh.ports.progress(lane);
  }
}

// One step: reuse the journal's record of this slot, or generate + evaluate + record.
// `skipped` (when given) tells a step the budget stopped from one that failed.
// `done` (when given) receives the step's record when it has one (evaluated or resumed).
std::optional<Member> step(Shared& sh, const Place& at, const std::string& slot, const PromptInput& in, const std::string& idea,
                           const std::string& thought, const std::vector<std::string>& parent_slots, bool* skipped = nullptr,
                           Record* done = nullptr)
{
  Record r;
  bool resumed = false;
  if (auto prior = sh.ports.journal->find(slot)) {
    r = *prior;
    resumed = true;
    ++sh.resumed;
  } else {
    if (sh.stopped()) {
      if (skipped != nullptr) {
        *skipped = true;
      }
      return std::nullopt;
    }
    PromptInput with_rag = in;
    if (sh.ports.retrieve && sh.params.rag_k > 0) {
      // The parents' code names the instructions in play (vfdiv, vlse32, vrgather, …),
      // which is what the notes are indexed by; the retriever tokenises it safely.
      const std::string query = retrieval_query(in);
      with_rag.rag_context = sh.ports.retrieve(query, sh.params.rag_k);
    }
    Prompt prompt = build_prompt(with_rag);
    r.slot = slot;
    r.op = operator_name(in.op);
    r.idea = idea;
    r.thought = thought;
    r.parents = parent_slots;
    r.prompt_hash = prompt.hash();
    r.generation = sh.ports.generator->generate(prompt, slot);
    ++sh.generated;
    if (r.generation.unavailable) {
      // Nothing to record: the step was not answered, so a resumed run asks it again,
      // and it is no evidence about the thought either.
      sh.no_reply(r.generation.failure);
      r.evaluation.verdict = "no_reply";
      r.evaluation.reason = r.generation.failure;
      report(sh, at, slot, r, false);
      ++sh.failed;
      if (skipped != nullptr) {
        *skipped = true;
      }
      return std::nullopt;
    }
    sh.reply();
    if (r.generation.ok) {
      r.evaluation = sh.ports.evaluator->evaluate(r.generation.code, slot);
      ++sh.evaluated;
    } else {
      r.evaluation.verdict = "no_code";
      r.evaluation.reason = r.generation.failure;
    }
    sh.ports.journal->record(r);
  }
  if (done != nullptr) {
    *done = r;
  }
  report(sh, at, slot, r, resumed);
  if (!r.evaluation.ok) {
    ++sh.failed;
    return std::nullopt;
  }
  return Member{slot,
                r.generation.description,
                r.generation.code,
                r.evaluation.speedup,
                r.evaluation.cycles,
                r.evaluation.sol_fraction,
                r.evaluation.profile,
                r.idea,
                r.thought,
                r.generation.model,
                r.evaluation.model_version};
}

// What the evaluator found wrong with a failed candidate, as prompts tell it.
std::string account(const Evaluation& e)
{
  return e.feedback.empty() ? e.verdict + ": " + e.reason : e.feedback;
}

// A failed child, as the next prompt showing its parent tells it.
void note_failure(Shared& sh, Failures& failures, const std::vector<std::string>& parent_slots, const Record& r)
{
  if (sh.params.failures_shown == 0) {
    return;
  }
  const std::string text = r.op + " (" + r.slot + "): " + account(r.evaluation);
  for (const auto& p : parent_slots) {
    auto& list = failures[p];
    list.push_back(text);
    if (list.size() > sh.params.failures_shown) {
      list.erase(list.begin(), list.end() - static_cast<std::ptrdiff_t>(sh.params.failures_shown));
    }
  }
}

// One step, and when its candidate failed a check it can be fixed from, one repair step
// (slot "<slot>/R") that shows the failed code with the evaluator's account. What failed
// is remembered for the next prompts that show the same parents.
std::optional<Member> attempt(Shared& sh, Failures& failures, const Place& at, const std::string& slot, const PromptInput& in,
                              const std::string& idea, const std::string& thought, const std::vector<std::string>& parent_slots,
                              bool* skipped = nullptr)
{
  Record r;
  std::optional<Member> child = step(sh, at, slot, in, idea, thought, parent_slots, skipped, &r);
  if (child || r.slot.empty()) {
    return child; // passed, or no record (budget, no reply)
  }
  note_failure(sh, failures, parent_slots, r);
  if (!sh.params.repair || !r.generation.ok || !repairable(r.evaluation.verdict)) {
    return std::nullopt;
  }
  PromptInput fix;
  fix.op = Operator::repair;
  fix.task = in.task;
  fix.parents = {ParentView{r.generation.description, r.generation.code, 0, "", {}}};
  fix.verdict = account(r.evaluation);
  Record repaired_record;
  std::optional<Member> repaired = step(sh, at, slot + "/R", fix, idea, thought, {slot}, nullptr, &repaired_record);
  if (repaired) {
    ++sh.repaired;
  } else if (!repaired_record.slot.empty()) {
    note_failure(sh, failures, parent_slots, repaired_record);
  }
  return repaired;
}

void keep_best(std::vector<Member>& pop, size_t n)
{
  // Stable order: speedup, then slot name, so ties break the same way every run.
  std::stable_sort(pop.begin(), pop.end(),
                   [](const Member& a, const Member& b) { return a.speedup != b.speedup ? a.speedup > b.speedup : a.slot < b.slot; });
  std::set<std::string> seen;
  std::vector<Member> out;
  for (auto& m : pop) {
    if (out.size() < n && seen.insert(util::sha256_hex(m.code)).second) {
      out.push_back(std::move(m));
    }
  }
  pop = std::move(out);
}

SearchOutcome one_search(Shared& sh, int t, int p, const std::vector<Member>& database, const std::vector<IdeaView>& ideas,
                         const std::map<std::string, double>& eff)
{
  SearchOutcome out;
  const std::string base = "t" + std::to_string(t) + "/p" + std::to_string(p);
  Rng rng = Rng(sh.params.seed).fork(base);

  // Without ideas (plain EoH) the search has an empty idea and its initial
  // population comes from `thoughts` thought-less initialisation prompts.
  static const IdeaView k_no_idea{};
  const IdeaView& idea = ideas.empty() ? k_no_idea : ideas[rng.uniform_index(ideas.size())];
  std::vector<double> scores;
  for (const auto& th : idea.thoughts) {
    auto it = eff.find(th.id);
    scores.push_back(it == eff.end() ? 0.5 : it->second);
  }
  std::vector<size_t> picks = ideas.empty() ? std::vector<size_t>{}
                                            : sample_weighted_distinct(rng, softmax(scores, sh.params.thought_temperature),
                                                                       static_cast<size_t>(sh.params.thoughts));

  std::vector<double> speedups;
  for (const auto& m : database) {
    speedups.push_back(m.speedup);
  }
  const Member& ref = database[sample_weighted(rng, softmax(speedups, sh.params.kernel_temperature))];

  Failures failures;
  std::vector<Member> population;
  for (size_t i = 0; i < picks.size(); ++i) {
    const ThoughtView& th = idea.thoughts[picks[i]];
    PromptInput in{Operator::init, sh.task, views({ref}, failures), {th}, {}, {}};
    bool skipped = false;
    auto child = attempt(sh, failures, {t, p, -1}, base + "/init" + std::to_string(i), in, idea.id, th.id, {ref.slot}, &skipped);
    if (!skipped) { // a thought the budget kept from being tried has no evidence either way
      out.thought_scores[th.id].push_back(child ? child_score(true, child->speedup) : 0.0);
    }
    if (child) {
      population.push_back(*child);
    }
  }
  for (int i = 0; ideas.empty() && i < sh.params.thoughts; ++i) {
    PromptInput in{Operator::init, sh.task, views({ref}, failures), {}, {}, {}};
    if (auto child = attempt(sh, failures, {t, p, -1}, base + "/init" + std::to_string(i), in, "", "", {ref.slot})) {
      population.push_back(*child);
    }
  }
  std::vector<ThoughtView> idea_thoughts;
  for (size_t i : picks) {
    idea_thoughts.push_back(idea.thoughts[i]);
  }
  keep_best(population, static_cast<size_t>(sh.params.population));

  for (int g = 0; g < sh.params.generations; ++g) {
    std::vector<Member> parents_pool = population.empty() ? std::vector<Member>{ref} : population;
    std::vector<Member> offspring;
    for (Operator op : evolution_operators()) {
      size_t k = operator_parents(op, parents_pool.size());
      // Parents by rank-weighted sampling over the current population.
      std::vector<double> w;
      for (size_t i = 0; i < parents_pool.size(); ++i) {
        w.push_back(1.0 / static_cast<double>(i + 1));
      }
      std::vector<Member> parents;
      std::vector<std::string> parent_slots;
      for (size_t i : sample_weighted_distinct(rng, w, k)) {
        parents.push_back(parents_pool[i]);
        parent_slots.push_back(parents_pool[i].slot);
      }
      PromptInput in{op, sh.task, views(parents, failures), idea_thoughts, {}, {}};
      if (auto child =
              attempt(sh, failures, {t, p, g}, base + "/g" + std::to_string(g) + "/" + operator_name(op), in, idea.id, "", parent_slots)) {
        offspring.push_back(*child);
      }
    }
    population.insert(population.end(), offspring.begin(), offspring.end());
    keep_best(population, static_cast<size_t>(sh.params.population));
  }
  out.best = population;
  return out;
}

} // namespace

EngineResult run_search(const TaskView& task, const Member& ker0, const std::vector<IdeaView>& ideas,
                        const std::map<std::string, double>& effectiveness, const EngineParams& params, const EnginePorts& ports)
{
  Shared sh{task, params, ports};
  sh.lanes.resize(static_cast<size_t>(std::max(1, params.parallel)));
  EngineResult result;
  result.effectiveness = effectiveness;
  std::vector<Member> database = {ker0};
  std::vector<IdeaView> usable;
  for (const auto& i : ideas) {
    if (!i.thoughts.empty()) {
      usable.push_back(i);
    }
  }

  if (!params.use_ideas) {
    usable.clear(); // plain EoH
  }
  for (int t = 0; t < params.iterations && (!usable.empty() || !params.use_ideas) && !sh.stopped(); ++t) {
    std::vector<SearchOutcome> outcomes(static_cast<size_t>(std::max(1, params.parallel)));
    std::vector<std::exception_ptr> errors(outcomes.size());
    std::vector<std::thread> threads;
    for (size_t p = 0; p < outcomes.size(); ++p) {
      threads.emplace_back([&, p] {
        try {
          outcomes[p] = one_search(sh, t, static_cast<int>(p), database, usable, result.effectiveness);
        } catch (...) {
          errors[p] = std::current_exception(); // infrastructure fault: rethrown after every search stopped
        }
      });
    }
    for (auto& th : threads) {
      th.join();
    }
    for (const auto& e : errors) {
      if (e) {
        std::rethrow_exception(e);
      }
    }
    // Merge in search order (deterministic), then keep the top K next to ker0.
    std::vector<Member> merged(database.begin(), database.end());
    for (const auto& o : outcomes) {
      merged.insert(merged.end(), o.best.begin(), o.best.end());
      for (const auto& [thought, scores] : o.thought_scores) {
        auto it = result.effectiveness.find(thought);
        double old = it == result.effectiveness.end() ? 0.5 : it->second;
        result.effectiveness[thought] = updated_effectiveness(old, scores);
        ++result.updates[thought];
      }
    }
    keep_best(merged, static_cast<size_t>(params.keep) + 1);
    if (std::none_of(merged.begin(), merged.end(), [](const Member& m) { return m.slot == "ker0"; })) {
      merged.push_back(ker0); // the reference always stays available as a parent
    }
    database = merged;
  }
  keep_best(database, database.size());
  result.database = database;
  result.generated = sh.generated;
  result.evaluated = sh.evaluated;
  result.resumed = sh.resumed;
  result.failed = sh.failed;
  result.repaired = sh.repaired;
  result.stop_reason = sh.stop_reason;
  result.unavailable = sh.unavailable;
  return result;
}

} // namespace eok::search
