#include "rag/knowledge.hpp"

#include "util/error.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

using namespace eok;

TEST_SUITE("rag::knowledge")
{
  TEST_CASE("the shipped pool and corpus give the engine ideas, priors and a working retrieve port")
  {
    testing::ScratchDir dir;
    rag::Knowledge k = rag::load_knowledge({"ideas", "rag_corpus", dir.file("sub/cache.sqlite")});
    CHECK(k.ideas.size() >= 8);
    CHECK(k.effectiveness.size() == k.pool.thought_count());
    CHECK(k.effectiveness.size() >= 30);
    CHECK(k.rag_off_reason.empty());
    CHECK(k.index_rebuilt);
    REQUIRE(k.retrieve);
    auto got = k.retrieve("replace vfdiv with a reciprocal estimate", 3);
    REQUIRE(got.size() == 3);
    CHECK(got[0].rfind("## ", 0) == 0);

    // A second load over the same file finds the index current.
    rag::Knowledge again = rag::load_knowledge({"ideas", "rag_corpus", dir.file("sub/cache.sqlite")});
    CHECK_FALSE(again.index_rebuilt);
  }

  TEST_CASE("without a corpus retrieval is off with a reason; without ideas it is an error")
  {
    testing::ScratchDir dir;
    rag::Knowledge k = rag::load_knowledge({"ideas", dir.file("no-corpus"), dir.file("c.sqlite")});
    CHECK_FALSE(k.retrieve);
    CHECK(k.rag_off_reason == "no RAG corpus at '" + dir.file("no-corpus") + "' (paths.rag): prompts get no reference notes");
    CHECK_FALSE(k.ideas.empty());
    CHECK_THROWS_AS(rag::load_knowledge({dir.file("no-ideas"), "rag_corpus", dir.file("c.sqlite")}), Fatal);
  }
}
