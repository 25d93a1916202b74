#include "mining/distill.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <random>

using namespace eok;

namespace {

const std::string k_good = "Here is the distillation.\n"
                           "```toml\n"
                           "relevant = true\n"
                           "name = \"Hoist Reductions!\"\n"
                           "idea = \"Keep partial sums in vector registers.\"\n"
                           "description = \"Accumulate with vfadd per lane and reduce once after the loop.\"\n"
                           "applicability = \"Dot products and norms over long vectors.\"\n"
                           "code = '''\n#include <riscv_vector.h>\nfloat f(void) { return 0; }\n'''\n"
                           "```\n";

mining::Commit commit(const std::string& hash)
{
  return {hash, "speed up " + hash, "", "--- a/k.c\n+++ b/k.c\n@@ -1 +1 @@\n-a\n+b\n"};
}

} // namespace

TEST_SUITE("mining::distill")
{
  TEST_CASE("a well-formed reply gives every field, the name as an id")
  {
    mining::Distillation d = mining::parse_distillation(k_good);
    REQUIRE_MESSAGE(d.ok, d.failure);
    CHECK(d.relevant);
    CHECK(d.name == "hoist-reductions");
    CHECK(d.idea == "Keep partial sums in vector registers.");
    CHECK(d.description.rfind("Accumulate with vfadd", 0) == 0);
    CHECK(d.applicability == "Dot products and norms over long vectors.");
    CHECK(d.code == "#include <riscv_vector.h>\nfloat f(void) { return 0; }\n");
  }

  TEST_CASE("thinking, a restated answer, code in its own C block, not relevant")
  {
    CHECK(mining::parse_distillation("<think>```toml\nrelevant = 1\n```</think>" + k_good).ok);
    std::string twice = "```toml\nrelevant = false\n```\nOn reflection:\n" + k_good;
    CHECK(mining::parse_distillation(twice).relevant); // the last block wins
    std::string split = "```toml\nidea = \"i\"\ndescription = \"d\"\napplicability = \"a\"\n```\n```c\nvoid g(void) {}\n```\n";
    mining::Distillation d = mining::parse_distillation(split);
    REQUIRE_MESSAGE(d.ok, d.failure);
    CHECK(d.code == "void g(void) {}\n");
    CHECK(d.name.empty());
    mining::Distillation no = mining::parse_distillation("```TOML\nrelevant = false\n```");
    CHECK(no.ok);
    CHECK_FALSE(no.relevant);
  }

  TEST_CASE("replies that do not fit are failures with a reason")
  {
    auto why = [](const std::string& reply) {
      mining::Distillation d = mining::parse_distillation(reply);
      CHECK_FALSE(d.ok);
      return d.failure;
    };
    CHECK(why("") == "empty reply");
    CHECK(why("I cannot help with that.") == "no ```toml block in reply");
    CHECK(why("```c\nint x;\n```") == "no closed ```toml block in reply (1 blocks)");
    CHECK(why("```toml\nidea = \"i\"\n") == "no closed ```toml block in reply (1 blocks)"); // cut by the token limit
    CHECK(why("<think>```toml\nrelevant = false\n```") == "no ```toml block in reply; the reply ended inside <think>");
    CHECK(why("```toml\nidea = \"unterminated\n```").rfind("the TOML block does not parse: reply:", 0) == 0);
    CHECK(why("```toml\nidea = \"i\"\ndescription = \"d\"\n```") == "missing key 'applicability'");
    CHECK(why("```toml\nidea = 3\n```") == "'idea' is an integer, expected a string");
    CHECK(why("```toml\nidea = \"  \"\n```") == "'idea' is empty");
    CHECK(why("```toml\nrelevant = \"yes\"\n```") == "'relevant' is not a boolean");
    CHECK(why("```toml\nidea = \"i\"\ndescription = \"d\"\napplicability = \"a\"\n```") == "missing key 'code'");
    CHECK(why("```toml\nidea = \"" + std::string(5000, 'x') + "\"\n```") == "'idea' is too long (5000 bytes)");
  }

  TEST_CASE("fuzz: truncations, byte flips and random bytes never throw")
  {
    std::mt19937 rng(2024);
    for (size_t cut = 0; cut <= k_good.size(); ++cut) {
      mining::Distillation d = mining::parse_distillation(k_good.substr(0, cut));
      CHECK((d.ok || !d.failure.empty()));
    }
    for (int round = 0; round < 2000; ++round) {
      std::string s = k_good;
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int f = 0; f < flips; ++f) {
        s[rng() % s.size()] = static_cast<char>(rng() % 256);
      }
      mining::Distillation d = mining::parse_distillation(s);
      CHECK((d.ok || !d.failure.empty()));
      std::string junk(rng() % 300, '\0');
      for (char& c : junk) {
        c = static_cast<char>(rng() % 256);
      }
      d = mining::parse_distillation("```toml\n" + junk + "\n```");
      CHECK((d.ok || !d.failure.empty()));
    }
  }

  TEST_CASE("slug: the id alphabet, bounded, no stray dashes")
  {
    CHECK(mining::slug("Hoist Reductions!") == "hoist-reductions");
    CHECK(mining::slug("--a__b--") == "a-b");
    CHECK(mining::slug("\xC3\xA9t\xC3\xA9 LMUL=8") == "t-lmul-8");
    CHECK(mining::slug("abcdef", 3) == "abc");
    CHECK(mining::slug("ab cdef", 3) == "ab");
    CHECK(mining::slug("!!!").empty());
  }

  TEST_CASE("the prompt shows the commit and its diff, and states the reply format")
  {
    llm::Request p = mining::distill_prompt(commit("abc123"));
    CHECK(p.label == "distill");
    CHECK(p.user.find("Commit abc123\nSubject: speed up abc123\n") == 0);
    CHECK(p.user.find("```diff\n--- a/k.c") != std::string::npos);
    CHECK(p.user.find("```toml\nrelevant = true") != std::string::npos);
    // The format the prompt shows parses as an (irrelevant-free) distillation itself.
    std::string shown = p.user.substr(p.user.find("```toml"));
    CHECK(mining::parse_distillation(shown).ok);
  }

  TEST_CASE("distill_commits: one request per commit, failures recorded, the budget stops sending")
  {
    std::atomic<int> calls{0};
    llm::ScriptedProvider provider([&calls](const llm::Request& p) {
      ++calls;
      llm::Completion c;
      c.usage = {100, 50, true};
      if (p.user.find("Commit c2") == 0) {
        c.error = "HTTP 500: boom";
        return c;
      }
      c.ok = true;
      c.content = p.user.find("Commit c3") == 0 ? "no idea" : k_good;
      return c;
    });
    std::vector<mining::Commit> commits = {commit("c1"), commit("c2"), commit("c3"), commit("c4")};
    llm::Meter meter(llm::Prices{}, llm::Budget{});
    std::string stopped;
    auto out = mining::distill_commits(provider, meter, commits, 3, stopped);
    REQUIRE(out.size() == 4);
    CHECK(calls == 4);
    CHECK(stopped.empty());
    CHECK(out[0].result.ok);
    CHECK(out[0].commit.hash == "c1");
    CHECK(out[1].result.failure == "llm: HTTP 500: boom");
    CHECK(out[2].result.failure == "no ```toml block in reply");
    CHECK(out[3].tokens == 150);
    CHECK(meter.totals().failed == 1);

    calls = 0;
    llm::Meter small(llm::Prices{}, llm::Budget{250, 0, 0});
    out = mining::distill_commits(provider, small, commits, 1, stopped);
    CHECK(calls == 2); // 150 after one, 300 after two: over 250
    CHECK(out[1].sent);
    CHECK_FALSE(out[2].sent);
    CHECK(out[3].commit.hash == "c4");
    CHECK(stopped.find("token budget") != std::string::npos);
  }
}
