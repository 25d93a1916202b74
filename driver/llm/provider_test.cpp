#include "llm/generator.hpp"
#include "llm/meter.hpp"
#include "llm/provider.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <atomic>
#include <thread>

using namespace eok;
using namespace eok::llm;

namespace {

search::Prompt search_prompt(const std::string& user, search::Operator op = search::Operator::m1)
{
  search::Prompt p;
  p.op = op;
  p.system = "sys";
  p.user = user;
  return p;
}

Request prompt(const std::string& user, search::Operator op = search::Operator::m1)
{
  return request_of(search_prompt(user, op));
}

Completion reply(std::string content, int64_t in = 10, int64_t out = 5)
{
  Completion c;
  c.ok = true;
  c.content = std::move(content);
  c.model = "m";
  c.usage.prompt_tokens = in;
  c.usage.completion_tokens = out;
  c.usage.reported = true;
  c.attempts = 1;
  return c;
}

} // namespace

TEST_SUITE("llm::provider")
{
  TEST_CASE("record then replay: same replies and failures by prompt hash; several replies per prompt in order")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("t/transcript.jsonl");
    std::atomic<int> calls{0};
    RecordingProvider rec(std::make_unique<ScriptedProvider>([&](const Request& p) {
                            int n = ++calls;
                            if (p.user == "bad") {
                              Completion c;
                              c.error = "HTTP 500: boom (5 attempts)";
                              c.model = "m";
                              return c;
                            }
                            return reply("answer " + std::to_string(n) + " to " + p.user);
                          }),
                          path);
    CHECK(rec.name() == "scripted+record");
    CHECK(rec.complete(prompt("a")).content == "answer 1 to a");
    CHECK(rec.complete(prompt("b", search::Operator::e1)).content == "answer 2 to b");
    CHECK(rec.complete(prompt("a")).content == "answer 3 to a");
    CHECK_FALSE(rec.complete(prompt("bad")).ok);

    ReplayProvider replay(path);
    CHECK(replay.size() == 4);
    CHECK(replay.complete(prompt("a")).content == "answer 1 to a");
    CHECK(replay.complete(prompt("a")).content == "answer 3 to a");
    CHECK(replay.complete(prompt("a")).content == "answer 3 to a"); // the last one repeats
    Completion b = replay.complete(prompt("b", search::Operator::e1));
    CHECK(b.content == "answer 2 to b");
    CHECK(b.usage.total() == 15);
    CHECK(b.model == "m");
    Completion bad = replay.complete(prompt("bad"));
    CHECK_FALSE(bad.ok);
    CHECK(bad.error == "HTTP 500: boom (5 attempts)");
    Completion miss = replay.complete(prompt("never asked"));
    CHECK_FALSE(miss.ok);
    CHECK(miss.error == "replay: no recorded reply for prompt " + prompt("never asked").hash().substr(0, 12) + " in " + path);
    // The operator is recorded for people reading the transcript.
    CHECK(util::read_file(path).find("\"op\":\"E1\"") != std::string::npos);
  }

  TEST_CASE("recording from many threads keeps every line whole")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("t.jsonl");
    RecordingProvider rec(std::make_unique<ScriptedProvider>([](const Request& p) { return reply(std::string(5000, 'x') + p.user); }),
                          path);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&rec, i] {
        for (int j = 0; j < 10; ++j) {
          rec.complete(prompt(std::to_string(i) + "/" + std::to_string(j)));
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    ReplayProvider replay(path);
    CHECK(replay.size() == 80);
    CHECK(replay.complete(prompt("7/9")).content == std::string(5000, 'x') + "7/9");
  }

  TEST_CASE("a search prompt's request keeps its hash (transcripts replay) and is labelled with its operator")
  {
    search::Prompt p = search_prompt("x", search::Operator::e2);
    CHECK(request_of(p).hash() == p.hash());
    CHECK(request_of(p).label == "E2");
    CHECK(prompt("x").hash() != prompt("y").hash());
  }

  TEST_CASE("a missing or malformed transcript is a Fatal naming the file")
  {
    testing::ScratchDir dir;
    auto what = [](const std::string& path) {
      try {
        ReplayProvider r(path);
      } catch (const Fatal& e) {
        return std::string(e.what());
      }
      return std::string("no Fatal");
    };
    CHECK(what(dir.file("none.jsonl")).rfind(dir.file("none.jsonl") + ": ", 0) == 0);
    util::write_file_atomic(dir.file("bad.jsonl"), "{\"hash\":\"a\",\"content\":\"x\"}\nnot json\n");
    CHECK(what(dir.file("bad.jsonl")).rfind(dir.file("bad.jsonl") + ":2: transcript line is not valid JSON", 0) == 0);
  }
}

TEST_SUITE("llm::meter")
{
  TEST_CASE("token, cost and time budgets; cost needs prices")
  {
    auto now = std::chrono::steady_clock::now();
    auto t = now;
    Meter m(Prices{2.0, 10.0}, Budget{1000, 0.01, 60}, [&t] { return t; });
    CHECK_FALSE(m.exhausted());
    Usage u;
    u.prompt_tokens = 400;
    u.completion_tokens = 100;
    u.reported = true;
    m.add(u, true, 2);
    CHECK(m.totals().tokens() == 500);
    CHECK(m.totals().attempts == 2);
    CHECK(m.totals().cost == doctest::Approx(0.0008 + 0.001));
    CHECK_FALSE(m.exhausted());
    m.add(u, true, 1);
    CHECK(*m.exhausted() == "token budget reached: 1000 of 1000 tokens");

    Meter cost(Prices{1000.0, 1000.0}, Budget{0, 0.5, 0}, [&t] { return t; });
    cost.add(u, true, 1);
    CHECK(*cost.exhausted() == "cost budget reached: 0.5000 of 0.5000");
    Meter unpriced(Prices{}, Budget{0, 0.5, 0});
    unpriced.add(u, true, 1);
    CHECK_FALSE(unpriced.exhausted());

    Meter timed(Prices{}, Budget{0, 0, 60}, [&t] { return t; });
    t = now + std::chrono::seconds(59);
    CHECK_FALSE(timed.exhausted());
    t = now + std::chrono::seconds(61);
    CHECK(*timed.exhausted() == "time budget reached: 61.0 of 60 s");
  }

  TEST_CASE("send_within_budget: every item while the budget lasts, then the reason; a fault stops the rest")
  {
    Meter m(Prices{}, Budget{250, 0, 0});
    Usage u{100, 50, true};
    std::vector<int> sent(5, 0);
    std::string why = send_within_budget(m, sent.size(), 1, [&](size_t i) {
      m.add(u, true, 1);
      sent[i] = 1;
    });
    CHECK(sent == std::vector<int>{1, 1, 0, 0, 0}); // 150, then 300 >= 250
    CHECK(why == "token budget reached: 300 of 250 tokens");
    Meter open(Prices{}, Budget{});
    CHECK(send_within_budget(open, 4, 3, [](size_t) {}).empty());
    std::atomic<int> calls{0};
    CHECK_THROWS_WITH(send_within_budget(open, 50, 1,
                                         [&](size_t i) {
                                           ++calls;
                                           if (i == 2) {
                                             throw Fatal("401 Unauthorized");
                                           }
                                         }),
                      "401 Unauthorized");
    CHECK(calls == 3);
  }
}

TEST_SUITE("llm::generator")
{
  TEST_CASE("a completion becomes a Generation; failures and unusable replies are values with the reason")
  {
    ScriptedProvider provider([](const Request& p) {
      if (p.user == "down") {
        Completion c;
        c.error = "connection failed: refused (5 attempts)";
        c.attempts = 5;
        return c;
      }
      if (p.user == "garbage") {
        return reply("I'd rather not.");
      }
      return reply("{Two vectors per step.}\n```c\nvoid relu(float* x) { x[0] = 0; }\n```\n", 100, 50);
    });
    Meter meter(Prices{}, Budget{});
    LlmGenerator gen(provider, &meter, "relu");
    search::Generation g = gen.generate(search_prompt("go"), "t0/p0/init0");
    REQUIRE(g.ok);
    CHECK(g.description == "Two vectors per step.");
    CHECK(g.code == "void relu(float* x) { x[0] = 0; }\n");
    CHECK(g.tokens == 150);
    CHECK(g.model == "m");
    search::Generation down = gen.generate(search_prompt("down"), "s");
    CHECK_FALSE(down.ok);
    CHECK(down.failure == "llm: connection failed: refused (5 attempts)");
    search::Generation junk = gen.generate(search_prompt("garbage"), "s");
    CHECK_FALSE(junk.ok);
    CHECK(junk.failure == "reply: no code block in reply");
    CHECK(meter.totals().requests == 3);
    CHECK(meter.totals().failed == 1);
    CHECK(meter.totals().attempts == 7);
    CHECK(meter.totals().tokens() == 165); // the failed completion used none
  }
}
