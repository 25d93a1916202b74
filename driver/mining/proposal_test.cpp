#include "mining/proposal.hpp"

#include "util/fs.hpp"
#include "util/test_support.hpp"
#include "util/toml_doc.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace eok;

namespace {

ideas::Pool tiny_pool()
{
  ideas::Pool pool;
  pool.dir = "pool";
  ideas::Idea idea;
  idea.id = "seed";
  idea.thoughts.push_back({"lmul-up", "Raise LMUL to amortise loop overhead.", "c", "r", 0.5, 1});
  idea.thoughts.push_back({"mined-fold", "Unrelated text.", "c", "r", 0.5, 2}); // takes the id a proposal wants
  pool.ideas.push_back(idea);
  return pool;
}

mining::DistillOutcome outcome(const std::string& hash, const std::string& name, const std::string& description)
{
  mining::DistillOutcome o;
  o.commit = {hash + std::string(40 - hash.size(), '0'), "subject of " + hash, "", "diff"};
  o.sent = true;
  o.result.ok = true;
  o.result.name = name;
  o.result.idea = "Idea of " + name + ".";
  o.result.description = description;
  o.result.applicability = "Long loops.";
  o.result.code = "#include <riscv_vector.h>\nvoid k(void) { /* ''' \"\"\" \\ */ }\n";
  return o;
}

// Direction by keyword: LMUL, folding and "else" each their own way, the rest a fourth.
mining::Embed keyword_embed(int* calls)
{
  return [calls](const std::vector<std::string>& texts) -> Expected<std::vector<mining::Vector>> {
    ++*calls;
    std::vector<mining::Vector> out;
    for (const auto& t : texts) {
      if (t.find("LMUL") != std::string::npos) {
        out.push_back({1, 0, 0, 0});
      } else if (t.find("old") != std::string::npos) {
        out.push_back({0, 1, 0.05F, 0});
      } else if (t.find("else") != std::string::npos) {
        out.push_back({0, 0, 1, 0});
      } else {
        out.push_back({0, 0, 0, 1});
      }
    }
    return out;
  };
}

} // namespace

TEST_SUITE("mining::proposal")
{
  TEST_CASE("distilled thoughts join the matching existing thought or cluster into proposals")
  {
    std::vector<mining::DistillOutcome> outcomes = {
        outcome("aa", "bigger-groups", "Use a larger LMUL for the main loop."),
        outcome("bb", "fold", "Fold constants out of the loop."),
        outcome("cc", "", "Precompute folded scale factors."),
        outcome("dd", "other", "Something else entirely."),
    };
    mining::DistillOutcome failed = outcome("ee", "x", "y");
    failed.result = {};
    failed.result.failure = "no ```toml block in reply";
    outcomes.push_back(failed);
    mining::DistillOutcome unsent = outcome("ff", "x", "y");
    unsent.sent = false;
    outcomes.push_back(unsent);
    mining::DistillOutcome irrelevant = outcome("11", "x", "y");
    irrelevant.result.relevant = false;
    outcomes.push_back(irrelevant);

    int calls = 0;
    mining::ProposeOptions o;
    o.batch = 2;
    mining::Proposal p = mining::propose(tiny_pool(), outcomes, keyword_embed(&calls), o);
    CHECK(calls == 3); // 2 thoughts + 4 distilled, 2 per request
    CHECK(p.distilled == 4);
    CHECK(p.failed.size() == 1);
    CHECK(p.irrelevant.size() == 1);
    CHECK(p.not_sent == 1);
    REQUIRE(p.assigned.count("lmul-up") == 1);
    CHECK(p.assigned.at("lmul-up")[0].commit.hash.rfind("aa", 0) == 0);
    CHECK(p.assigned.at("lmul-up")[0].similarity == doctest::Approx(1.0));
    REQUIRE(p.proposed.size() == 2);
    CHECK(p.proposed[0].id == "mined-fold-2"); // "mined-fold" is taken in the pool
    CHECK(p.proposed[0].commits.size() == 2);
    CHECK(p.proposed[0].effectiveness == doctest::Approx(0.5));
    CHECK(p.proposed[1].id == "mined-other");
    CHECK(p.proposed[1].effectiveness == doctest::Approx(0.4));

    SUBCASE("the proposal is an idea file the strict pool loader accepts, with provenance")
    {
      testing::ScratchDir dir;
      mining::ProposalHeader h{"mined", "/src/lib", "HEAD", "test-model", "2026-01-01", 10, 6, o};
      std::string text = mining::proposal_toml(p, h);
      util::write_file_atomic(dir.file("mined.toml"), text);
      ideas::Pool loaded = ideas::load_pool(dir.path().string());
      REQUIRE(loaded.ideas.size() == 1);
      REQUIRE(loaded.ideas[0].thoughts.size() == 2);
      const ideas::Thought& t = loaded.ideas[0].thoughts[0];
      CHECK(t.id == "mined-fold-2");
      CHECK(t.effectiveness == doctest::Approx(0.5));
      CHECK(t.code == outcomes[1].result.code);
      CHECK(t.description.find("Applies when: Long loops.") != std::string::npos);
      CHECK(t.rationale.find("bb00000000000000000000000000000000000000") != std::string::npos);
      CHECK(t.rationale.find("cc00000000000000000000000000000000000000") != std::string::npos);
      CHECK(text.find("#   lmul-up: aa00000000 1.000 subject of aa") != std::string::npos);
      CHECK(text.find("#   ee00000000: no ```toml block in reply") != std::string::npos);
      CHECK(loaded.ideas[0].principle.find("- Idea of fold.") != std::string::npos);
    }
  }

  TEST_CASE("embedding failures are errors, not silent empty proposals")
  {
    std::vector<mining::DistillOutcome> outcomes = {outcome("aa", "n", "d")};
    mining::Embed broken = [](const std::vector<std::string>&) { return Expected<std::vector<mining::Vector>>::fail("HTTP 500"); };
    CHECK_THROWS_WITH(mining::propose(tiny_pool(), outcomes, broken, {}), "embeddings: HTTP 500");
    mining::Embed short_reply = [](const std::vector<std::string>&) {
      return Expected<std::vector<mining::Vector>>(std::vector<mining::Vector>{{1}});
    };
    CHECK_THROWS_WITH(mining::propose(tiny_pool(), outcomes, short_reply, {}), "embeddings: 3 texts sent, 1 vectors received");
    CHECK(mining::propose(tiny_pool(), {}, broken, {}).proposed.empty()); // nothing distilled: nothing to embed
  }

  TEST_CASE("effectiveness grows with evidence and is bounded")
  {
    CHECK(mining::evidence_effectiveness(1) == doctest::Approx(0.4));
    CHECK(mining::evidence_effectiveness(3) == doctest::Approx(0.6));
    CHECK(mining::evidence_effectiveness(100) == doctest::Approx(0.8));
  }

  TEST_CASE("toml_text round-trips any text through the TOML parser")
  {
    std::vector<std::string> texts = {"plain",
                                      "",
                                      "a'''b",
                                      "ends with '",
                                      "\"\"\"",
                                      "back\\slash\n\"q\"",
                                      "tab\there\r\nCRLF",
                                      std::string("nul\0byte", 8),
                                      "bell\x07 del\x7f",
                                      "bad utf8 \xC3\x28 \xFF",
                                      "\n\nleading newlines"};
    std::mt19937 rng(7);
    for (int i = 0; i < 300; ++i) {
      std::string s(rng() % 40, ' ');
      for (char& c : s) {
        c = static_cast<char>(rng() % 128);
      }
      texts.push_back(s);
    }
    for (const auto& t : texts) {
      auto doc = toml::parse_text("v = " + mining::toml_text(t) + "\n", "t");
      REQUIRE(doc.root.table.size() == 1);
      const std::string& back = doc.root.table[0].second.str;
      if (t.find('\xFF') == std::string::npos && t.find('\xC3') == std::string::npos) {
        CHECK(back == t);
      } else {
        CHECK(back == "bad utf8 \xEF\xBF\xBD( \xEF\xBF\xBD");
      }
    }
  }
}
