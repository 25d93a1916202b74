#include "search/engine.hpp"

#include "search/effectiveness.hpp"

#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

using namespace eok::search;

namespace {

// The fake LLM writes "speed=<s>" code whose speed is derived from the prompt hash;
// hashes ending in 0-2 give wrong kernels and 3 gives no code at all.
struct FakeGenerator : Generator
{
  std::mutex m;
  int calls = 0;
  Generation generate(const Prompt& p, const std::string& /*slot*/) override
  {
    std::lock_guard lock(m);
    ++calls;
    std::string h = p.hash();
    Generation g;
    if (h.back() == '3') {
      g.failure = "no code block";
      return g;
    }
    g.ok = true;
    int s = std::stoi(h.substr(0, 2), nullptr, 16); // 0..255
    bool wrong = h.back() <= '2';
    g.code = std::string(wrong ? "wrong " : "") + "speed=" + std::to_string(0.8 + s / 255.0) + " " + h.substr(0, 8);
    g.description = "variant " + h.substr(0, 6);
    g.tokens = 100;
    return g;
  }
};

struct FakeEvaluator : Evaluator
{
  std::mutex m;
  std::map<std::string, int> per_slot;
  Evaluation evaluate(const std::string& code, const std::string& slot) override
  {
    {
      std::lock_guard lock(m);
      ++per_slot[slot];
    }
    Evaluation e;
    if (code.rfind("wrong", 0) == 0) {
      e.verdict = "wrong_output";
      return e;
    }
    e.ok = true;
    e.verdict = "ok";
    e.speedup = std::stod(code.substr(code.find('=') + 1));
    e.cycles = 1000 / e.speedup;
    return e;
  }
};

struct MemoryJournal : Journal
{
  std::mutex m;
  std::map<std::string, Record> records;
  int crash_after = -1; // simulate kill -9: throw once this many records were written
  std::optional<Record> find(const std::string& slot) override
  {
    std::lock_guard lock(m);
    auto it = records.find(slot);
    return it == records.end() ? std::nullopt : std::optional(it->second);
  }
  void record(const Record& r) override
  {
    std::lock_guard lock(m);
    if (crash_after >= 0 && static_cast<int>(records.size()) >= crash_after) {
      throw std::runtime_error("killed");
    }
    records[r.slot] = r;
  }
};

std::vector<IdeaView> ideas()
{
  std::vector<IdeaView> out;
  for (int i = 0; i < 3; ++i) {
    IdeaView v{"idea" + std::to_string(i), "principle", {}};
    for (int j = 0; j < 4; ++j) {
      v.thoughts.push_back({"idea" + std::to_string(i) + ".t" + std::to_string(j), "thought " + std::to_string(j), ""});
    }
    out.push_back(v);
  }
  return out;
}

TaskView task()
{
  return {"relu", "y = max(x, 0)", "void f(const float*, float*, long)", "f", 256, "rv64gcv"};
}

EngineParams params(int parallel = 1)
{
  EngineParams p;
  p.parallel = parallel;
  p.iterations = 2;
  p.generations = 2;
  p.population = 3;
  p.keep = 3;
  p.thoughts = 2;
  p.seed = 9;
  p.repair = false; // the repair step has its own tests
  return p;
}

EngineResult run(FakeGenerator& g, FakeEvaluator& e, MemoryJournal& j, const EngineParams& p, EnginePorts extra = {})
{
  extra.generator = &g;
  extra.evaluator = &e;
  extra.journal = &j;
  return run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, ideas(), {}, p, extra);
}

} // namespace

TEST_SUITE("search::engine")
{
  TEST_CASE("same seed and replies give the same database, with P searches in parallel")
  {
    FakeGenerator g1, g2;
    FakeEvaluator e1, e2;
    MemoryJournal j1, j2;
    auto a = run(g1, e1, j1, params(2));
    auto b = run(g2, e2, j2, params(2));
    REQUIRE(a.database.size() == b.database.size());
    for (size_t i = 0; i < a.database.size(); ++i) {
      CHECK(a.database[i].code == b.database[i].code);
    }
    // 2 iterations x 2 searches x (2 init + 2 generations x 5 operators) steps
    CHECK(a.generated == 2 * 2 * (2 + 2 * 5));
    CHECK(j1.records.size() == static_cast<size_t>(a.generated));
  }

  TEST_CASE("wrong candidates never enter DataBaseK and the best ok candidate leads it")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    auto r = run(g, e, j, params());
    REQUIRE(!r.database.empty());
    double best_ok = 1.0;
    for (const auto& [slot, rec] : j.records) {
      if (rec.evaluation.ok) {
        best_ok = std::max(best_ok, rec.evaluation.speedup);
      }
    }
    CHECK(r.database.front().speedup == best_ok);
    for (const auto& m : r.database) {
      CHECK(m.code.rfind("wrong", 0) != 0);
    }
    CHECK(r.failed > 0);
  }

  TEST_CASE("a run killed mid-iteration resumes with no step generated or evaluated twice")
  {
    FakeGenerator g1, g2, g3;
    FakeEvaluator e1, e2, e3;
    MemoryJournal full;
    auto reference = run(g1, e1, full, params());

    MemoryJournal j;
    j.crash_after = 7;
    CHECK_THROWS(run(g2, e2, j, params()));
    REQUIRE(j.records.size() == 7);
    j.crash_after = -1;
    auto resumed = run(g3, e3, j, params());
    CHECK(resumed.resumed == 7);
    CHECK(resumed.generated == reference.generated - 7);
    for (const auto& [slot, n] : e3.per_slot) {
      CHECK(e2.per_slot.count(slot) + n <= 2); // the crashed step itself may be redone once, nothing else
      CHECK(n == 1);
    }
    REQUIRE(resumed.database.size() == reference.database.size());
    for (size_t i = 0; i < resumed.database.size(); ++i) {
      CHECK(resumed.database[i].code == reference.database[i].code);
    }
  }

  TEST_CASE("an exhausted budget stops the run cleanly with the reason")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    EnginePorts ports;
    int allowed = 5;
    ports.budget_exhausted = [&]() -> std::optional<std::string> {
      return g.calls >= allowed ? std::optional<std::string>("budget.evals reached") : std::nullopt;
    };
    auto r = run(g, e, j, params(), ports);
    CHECK(r.generated == allowed);
    CHECK(r.stop_reason == "budget.evals reached");
    CHECK(!r.database.empty());
  }

  TEST_CASE("effectiveness moves for the thoughts that were tried, and only for them")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    auto r = run(g, e, j, params());
    std::set<std::string> tried;
    for (const auto& [slot, rec] : j.records) {
      if (!rec.thought.empty()) {
        tried.insert(rec.thought);
      }
    }
    CHECK(!tried.empty());
    for (const auto& [id, v] : r.effectiveness) {
      CHECK(tried.count(id) == 1);
      CHECK(v >= 0.0);
      CHECK(v <= 1.0);
    }
  }

  TEST_CASE("a thought whose children were faster gains effectiveness, one whose children failed loses it")
  {
    // Init prompts carry one thought; its description decides the child. Evolution
    // prompts carry both and get no code, so only the thoughts' own children count.
    struct ByThought : Generator
    {
      Generation generate(const Prompt& p, const std::string& /*slot*/) override
      {
        const bool good = p.user.find("GOOD thought") != std::string::npos;
        const bool bad = p.user.find("BAD thought") != std::string::npos;
        Generation g;
        if (good == bad) {
          g.failure = "no code block";
          return g;
        }
        g.ok = true;
        g.code = good ? "speed=1.5 good" : "wrong speed=3 bad";
        return g;
      }
    } gen;
    FakeEvaluator e;
    MemoryJournal j;
    EnginePorts ports;
    ports.generator = &gen;
    ports.evaluator = &e;
    ports.journal = &j;
    std::vector<IdeaView> pool = {{"idea", "principle", {{"good", "GOOD thought", ""}, {"bad", "BAD thought", ""}}}};
    EngineParams p = params();
    p.iterations = 1;
    auto r = run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, pool, {{"good", 0.5}, {"bad", 0.5}}, p, ports);
    CHECK(r.effectiveness.at("good") > 0.5);
    CHECK(r.effectiveness.at("good") == doctest::Approx(updated_effectiveness(0.5, {child_score(true, 1.5)})));
    CHECK(r.effectiveness.at("bad") < 0.5);
    CHECK(r.updates == std::map<std::string, int>{{"bad", 1}, {"good", 1}});
    CHECK(r.database.front().code == "speed=1.5 good");
  }

  TEST_CASE("thoughts the budget kept from being tried keep their effectiveness")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    EnginePorts ports;
    // One generation allowed: the first search's first thought is tried, its second is not.
    ports.budget_exhausted = [&g]() -> std::optional<std::string> {
      return g.calls >= 1 ? std::optional<std::string>("budget.evals reached") : std::nullopt;
    };
    ports.generator = &g;
    ports.evaluator = &e;
    ports.journal = &j;
    std::map<std::string, double> start;
    for (const auto& idea : ideas()) {
      for (const auto& t : idea.thoughts) {
        start[t.id] = 0.5;
      }
    }
    auto r = run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, ideas(), start, params(), ports);
    REQUIRE(j.records.size() == 1);
    const std::string tried = j.records.begin()->second.thought;
    CHECK(r.updates == std::map<std::string, int>{{tried, 1}});
    for (const auto& [id, v] : r.effectiveness) {
      if (id != tried) {
        CHECK(v == 0.5);
      }
    }
  }

  TEST_CASE("retrieved notes reach the prompt")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    EnginePorts ports;
    std::vector<std::string> queries;
    std::mutex m;
    ports.retrieve = [&](const std::string& q, size_t k) {
      std::lock_guard lock(m);
      queries.push_back(q);
      CHECK(k == 3);
      return std::vector<std::string>{"NOTE"};
    };
    run(g, e, j, params(), ports);
    CHECK(queries.size() == j.records.size());
    CHECK(queries.front().find("y = max(x, 0)") != std::string::npos);
    CHECK(queries.front().find("ker0 code") != std::string::npos); // the parent's code
  }
  TEST_CASE("plain EoH (use_ideas = false): thought-less initial populations, no idea or thought on any step, no learning")
  {
    FakeGenerator g;
    FakeEvaluator e;
    MemoryJournal j;
    EngineParams p = params(2);
    p.use_ideas = false;
    std::vector<std::string> inits;
    std::mutex m;
    struct Spy : Generator
    {
      FakeGenerator* inner;
      std::vector<std::string>* inits;
      std::mutex* m;
      Generation generate(const Prompt& pr, const std::string& slot) override
      {
        if (pr.op == Operator::init) {
          std::lock_guard lock(*m);
          inits->push_back(pr.user);
        }
        return inner->generate(pr, slot);
      }
    } spy;
    spy.inner = &g;
    spy.inits = &inits;
    spy.m = &m;
    EnginePorts ports;
    ports.generator = &spy;
    ports.evaluator = &e;
    ports.journal = &j;
    EngineResult r = run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, ideas(), {{"idea0.t0", 0.5}}, p, ports);
    // T iterations x P searches x `thoughts` initial prompts, none carrying a thought.
    CHECK(inits.size() == static_cast<size_t>(p.iterations * p.parallel * p.thoughts));
    for (const auto& u : inits) {
      CHECK(u.find("Optimisation thought") == std::string::npos);
      CHECK(u.find("Write a new kernel that computes the same results") != std::string::npos);
    }
    for (const auto& [slot, rec] : j.records) {
      CHECK(rec.idea.empty());
      CHECK(rec.thought.empty());
    }
    CHECK(r.updates.empty());
    CHECK(r.effectiveness.at("idea0.t0") == doctest::Approx(0.5));
    CHECK(r.evaluated > 0);
  }

  TEST_CASE("progress: one event per step with search p's running evaluations, best speedup and tokens")
  {
    FakeGenerator g1, g2;
    FakeEvaluator e1, e2;
    MemoryJournal j;
    j.crash_after = 9;
    CHECK_THROWS(run(g1, e1, j, params(2)));
    j.crash_after = -1;
    const size_t recorded = j.records.size(); // the other search may have gone on past the crash
    std::mutex m;
    std::vector<Progress> events;
    EnginePorts ports;
    ports.progress = [&](const Progress& e) {
      std::lock_guard lock(m);
      events.push_back(e);
    };
    auto r = run(g2, e2, j, params(2), ports);
    REQUIRE(events.size() == j.records.size()); // every step once, resumed ones included
    std::map<int, Progress> last;
    std::map<int, double> best;
    int resumed_events = 0;
    for (const auto& e : events) {
      const Record& rec = j.records.at(e.slot);
      CHECK(e.slot.find("t" + std::to_string(e.iteration) + "/p" + std::to_string(e.search) + "/") == 0);
      CHECK(e.op == rec.op);
      CHECK((e.generation < 0) == (e.op == "init"));
      CHECK(e.verdict == (rec.evaluation.ok ? "ok" : rec.evaluation.verdict));
      if (rec.evaluation.ok) {
        best[e.search] = std::max(best[e.search], rec.evaluation.speedup);
      }
      CHECK(e.best == best[e.search]); // running best of this search so far
      if (last.count(e.search) != 0) {
        CHECK(e.evaluated + e.resumed_steps >= last[e.search].evaluated + last[e.search].resumed_steps);
      }
      resumed_events += e.resumed ? 1 : 0;
      last[e.search] = e;
    }
    REQUIRE(last.size() == 2);
    CHECK(resumed_events == static_cast<int>(recorded));
    CHECK(last[0].evaluated + last[1].evaluated == r.evaluated);
    CHECK(last[0].resumed_steps + last[1].resumed_steps == r.resumed);
    // The fake LLM charges 100 tokens per reply with code; resumed steps cost nothing now.
    CHECK(last[0].tokens + last[1].tokens == 100 * r.evaluated);
  }
}

namespace {

// An endpoint that goes down after `answered` replies: every later request gets none.
struct FailingGenerator : FakeGenerator
{
  int answered = 0;
  int asked = 0;
  Generation generate(const Prompt& p, const std::string& slot) override
  {
    {
      std::lock_guard lock(m);
      if (++asked > answered) {
        Generation g;
        g.unavailable = true;
        g.failure = "llm: connection failed";
        return g;
      }
    }
    return FakeGenerator::generate(p, slot);
  }
};

} // namespace

TEST_SUITE("search::engine")
{
  TEST_CASE("an LLM that stops answering ends the search; unanswered steps are not journaled")
  {
    FailingGenerator g;
    g.answered = 5;
    FakeEvaluator e;
    MemoryJournal j;
    EngineParams p = params(2);
    p.unavailable_limit = 3;
    auto r = run(g, e, j, p);
    CHECK(r.unavailable == "the LLM gave no reply to 3 requests in a row (last: llm: connection failed)");
    CHECK(r.stop_reason == r.unavailable);
    CHECK(j.records.size() == 5); // only the answered steps: a resumed run asks the others again
    // Each search may have one request in flight when the limit is reached.
    CHECK(g.asked <= 5 + 3 + 1);
    for (const auto& rec : j.records) {
      CHECK(rec.second.evaluation.verdict != "no_reply");
    }

    // The endpoint is back: the same run resumes from the journal and finishes.
    FakeGenerator back;
    auto resumed = run(back, e, j, params(2));
    CHECK(resumed.unavailable.empty());
    CHECK(resumed.resumed == 5);
    CHECK(j.records.size() == 2 * 2 * (2 + 2 * 5));

    // Replies in between reset the count: a flaky endpoint is not a dead one.
    struct Flaky : FakeGenerator
    {
      int n = 0;
      Generation generate(const Prompt& prompt, const std::string& slot) override
      {
        bool fail = false;
        {
          std::lock_guard lock(m);
          fail = ++n % 2 == 0;
        }
        if (fail) {
          Generation g;
          g.unavailable = true;
          g.failure = "llm: HTTP 503";
          return g;
        }
        return FakeGenerator::generate(prompt, slot);
      }
    } flaky;
    MemoryJournal fresh;
    FakeEvaluator e2;
    auto f = run(flaky, e2, fresh, params(1));
    CHECK(f.unavailable.empty());
    CHECK(fresh.records.size() == 2 * (2 + 2 * 5) / 2);
  }
}

namespace {

// An LLM that writes a kernel wrong at the tail unless the prompt carries the evaluator's
// account of that failure (what a repair prompt shows); it remembers every prompt.
struct TailFixer : Generator
{
  std::mutex m;
  std::vector<Prompt> prompts;
  Generation generate(const Prompt& p, const std::string& /*slot*/) override
  {
    std::lock_guard lock(m);
    prompts.push_back(p);
    Generation g;
    g.ok = true;
    g.tokens = 10;
    const bool told = p.user.find("wrong at n=7: y[6]") != std::string::npos && p.op == Operator::repair;
    g.code = told ? "fixed speed=1.5 " + p.hash().substr(0, 6) : "tail bug " + p.hash().substr(0, 6);
    g.description = told ? "handles the tail" : "forgets the tail";
    return g;
  }
};

struct TailEvaluator : Evaluator
{
  Evaluation evaluate(const std::string& code, const std::string& /*slot*/) override
  {
    Evaluation e;
    if (code.rfind("fixed", 0) == 0) {
      e.ok = true;
      e.verdict = "ok";
      e.speedup = 1.5;
      e.cycles = 1000 / 1.5;
      e.profile = "666 cycles (table model); instruction cost: vector memory 80%\n";
      return e;
    }
    e.verdict = "wrong_output";
    e.reason = "1 element(s) outside tolerance";
    e.feedback = "wrong_output: 1 element(s) outside tolerance\n  wrong at n=7: y[6] expected 0, got nan";
    return e;
  }
};

EnginePorts ports_of(Generator& g, Evaluator& e, Journal& j)
{
  EnginePorts p;
  p.generator = &g;
  p.evaluator = &e;
  p.journal = &j;
  return p;
}

EngineParams small()
{
  EngineParams p;
  p.parallel = 1;
  p.iterations = 1;
  p.generations = 1;
  p.population = 2;
  p.keep = 2;
  p.thoughts = 1;
  p.seed = 3;
  return p;
}

} // namespace

TEST_SUITE("search::engine")
{
  TEST_CASE("repair: a failed child gets one prompt with its code and the evaluator's account; the fix can win")
  {
    TailFixer g;
    TailEvaluator e;
    MemoryJournal j;
    EnginePorts ports = ports_of(g, e, j);
    Member ker0{"ker0", "reference", "ker0 code", 1.0, 1000, 0, "1000 cycles (table model); scalar 90%\n"};
    EngineResult r = run_search(task(), ker0, ideas(), {}, small(), ports);
    // 1 init + 5 operators, each failing once and repaired once.
    CHECK(r.generated == 12);
    CHECK(r.repaired == 6);
    REQUIRE(!r.database.empty());
    CHECK(r.database[0].speedup == doctest::Approx(1.5));
    CHECK(r.database[0].slot.size() > 2);
    CHECK(r.database[0].slot.substr(r.database[0].slot.size() - 2) == "/R");
    CHECK(j.records.count("t0/p0/init0/R") == 1);
    CHECK(j.records.at("t0/p0/init0/R").op == "R");
    CHECK(j.records.at("t0/p0/init0/R").parents == std::vector<std::string>{"t0/p0/init0"});
    // The repair prompt shows the failed code and what was wrong; the init prompt shows ker0's profile.
    const Prompt& init = g.prompts[0];
    CHECK(init.user.find("Profile on the target model: 1000 cycles (table model); scalar 90%") != std::string::npos);
    const Prompt& fix = g.prompts[1];
    CHECK(fix.op == Operator::repair);
    CHECK(fix.user.find("Failed kernel") != std::string::npos);
    CHECK(fix.user.find("tail bug") != std::string::npos);
    CHECK(fix.user.find("What the evaluator found:\nwrong_output: 1 element(s) outside tolerance\n  wrong at n=7: y[6]") !=
          std::string::npos);
    // A parent's failed children are told in the next prompt that shows it, with their account.
    bool told = false;
    for (const Prompt& p : g.prompts) {
      if (p.op != Operator::repair && p.user.find("Recent children of this kernel that failed") != std::string::npos) {
        told = p.user.find("wrong at n=7: y[6] expected 0, got nan") != std::string::npos;
        break;
      }
    }
    CHECK(told);
  }

  TEST_CASE("repair off (search.repair = false): failures are dropped after one step, as in EoH")
  {
    TailFixer g;
    TailEvaluator e;
    MemoryJournal j;
    EnginePorts ports = ports_of(g, e, j);
    EngineParams p = small();
    p.repair = false;
    EngineResult r = run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, ideas(), {}, p, ports);
    CHECK(r.generated == 6);
    CHECK(r.repaired == 0);
    CHECK(r.database.size() == 1); // ker0 only
    for (const auto& [slot, rec] : j.records) {
      CHECK(rec.op != "R");
    }
  }

  TEST_CASE("repair steps resume from the journal like any step and never run twice")
  {
    TailFixer g1;
    TailEvaluator e;
    MemoryJournal j;
    EnginePorts ports = ports_of(g1, e, j);
    Member ker0{"ker0", "reference", "ker0 code", 1.0, 1000};
    EngineResult a = run_search(task(), ker0, ideas(), {}, small(), ports);
    TailFixer g2;
    ports.generator = &g2;
    EngineResult b = run_search(task(), ker0, ideas(), {}, small(), ports);
    CHECK(b.generated == 0);
    CHECK(b.resumed == a.generated);
    REQUIRE(b.database.size() == a.database.size());
    CHECK(b.database[0].slot == a.database[0].slot);
  }

  TEST_CASE("cheats and infrastructure faults are not sent back to be repaired")
  {
    struct Cheat : Evaluator
    {
      std::string verdict;
      Evaluation evaluate(const std::string& /*code*/, const std::string& /*slot*/) override
      {
        Evaluation e;
        e.verdict = verdict;
        return e;
      }
    };
    for (const char* v : {"implausible", "roi_violation", "emulator_fault", "executor_fault"}) {
      TailFixer g;
      Cheat e;
      e.verdict = v;
      MemoryJournal j;
      EnginePorts ports = ports_of(g, e, j);
      EngineResult r = run_search(task(), Member{"ker0", "reference", "ker0 code", 1.0, 1000}, ideas(), {}, small(), ports);
      CHECK_MESSAGE(r.generated == 6, v);
    }
  }
}
