#include "rag/chunk.hpp"

#include <doctest/doctest.h>

using namespace eok;

TEST_SUITE("rag::chunk")
{
  TEST_CASE("a note is split at its headings, titled with the heading path")
  {
    const char* md = "preamble without heading\n"
                     "# Core\n"
                     "intro text\n"
                     "## Caches\n"
                     "L1 is 32 KiB.\n"
                     "\n"
                     "```c\n"
                     "# not a heading inside a fence\n"
                     "```\n"
                     "### Lines\n"
                     "64 bytes\n"
                     "## Empty\n"
                     "\n"
                     "## Memory\n"
                     "DRAM\n";
    auto chunks = rag::chunk_markdown(md, "core.md");
    REQUIRE(chunks.size() == 4);
    CHECK(chunks[0].title == "Core");
    CHECK(chunks[0].text == "intro text");
    CHECK(chunks[0].line == 2);
    CHECK(chunks[1].title == "Core > Caches");
    CHECK(chunks[1].text == "L1 is 32 KiB.\n\n```c\n# not a heading inside a fence\n```");
    CHECK(chunks[1].line == 4);
    CHECK(chunks[2].title == "Core > Caches > Lines");
    CHECK(chunks[3].title == "Core > Memory"); // "Empty" had no text; a level-2 heading resets level 3
    CHECK(chunks[3].line == 14);
    for (const auto& c : chunks) {
      CHECK(c.source == "core.md");
      CHECK(c.kind == "note");
    }
  }

  TEST_CASE("an over-long section is split at paragraph boundaries")
  {
    std::string para(1000, 'x');
    std::string md = "# Long\n" + para + "\n\n" + para + "\n\n" + para + "\n";
    auto chunks = rag::chunk_markdown(md, "long.md");
    REQUIRE(chunks.size() == 2);
    CHECK(chunks[0].text == para + "\n\n" + para);
    CHECK(chunks[1].text == para);
    CHECK(chunks[1].title == "Long");
  }

  TEST_CASE("hashes that are not headings stay text")
  {
    auto chunks = rag::chunk_markdown("# T\n#include <x.h>\n####### seven\n", "n.md");
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].text == "#include <x.h>\n####### seven");
  }

  TEST_CASE("every thought becomes a chunk with its description and example code")
  {
    ideas::Pool pool;
    ideas::Idea idea;
    idea.id = "arith";
    ideas::Thought t;
    t.id = "recip";
    t.description = "Use vfrec7.";
    t.code = "void f(void) {}";
    t.line = 9;
    idea.thoughts.push_back(t);
    pool.ideas.push_back(idea);
    auto chunks = rag::chunk_thoughts(pool);
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].kind == "thought");
    CHECK(chunks[0].source == "ideas/arith");
    CHECK(chunks[0].title == "thought recip");
    CHECK(chunks[0].text == "Use vfrec7.");
    CHECK(chunks[0].code == "void f(void) {}");
    CHECK(chunks[0].line == 9);
  }
}
