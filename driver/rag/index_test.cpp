#include "rag/index.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

using namespace eok;

namespace {

std::vector<rag::Chunk> sample_chunks()
{
  return {
      {"costs.md", "note", "Costs > Division", "vfdiv.vv costs 38 cycles; use vfrec7 reciprocal estimate and Newton steps.", "", 3},
      {"lmul.md", "note", "LMUL > Register pressure", "Large LMUL leaves few register groups; spills follow.", "", 5},
      {"mem.md", "note", "Memory > Strided loads", "vlse32 loads one element per cycle; prefer unit stride.", "", 7},
      {"ideas/a", "thought", "thought near-and-or", "A thought whose words include near and or.", "float g(float x) { return x; }", 1},
  };
}

} // namespace

TEST_SUITE("rag::index")
{
  TEST_CASE("query text becomes quoted OR-ed words with FTS5 syntax neutralised")
  {
    CHECK(rag::match_expression("vfdiv reciprocal") == "\"vfdiv\" OR \"reciprocal\"");
    CHECK(rag::match_expression("How is the LMUL chosen?") == "\"lmul\" OR \"chosen\"");
    CHECK(rag::match_expression("__riscv_vfrec7_v_f32m4(x, vl)") == "\"vfrec7\"");
    CHECK(rag::match_expression("\"a\" NEAR(b c) * ( ) title:x ^y AND OR NOT -z {w}") == "\"near\" OR \"title\"");
    CHECK(rag::match_expression("") == "");
    CHECK(rag::match_expression("\" * ( ) : ^") == "");
    CHECK(rag::match_expression("vlen vlen VLEN") == "\"vlen\"");
    CHECK(rag::match_expression("aa bb cc dd", 2) == "\"aa\" OR \"bb\"");
    // RVV boilerplate shared by all code is dropped; the operations stay.
    CHECK(rag::match_expression("vfloat32m8_t d = __riscv_vfrdiv_vf_f32m8(__riscv_vle32_v_f32m8(x, vl), 1.0f, vl); vbool4_t m; e16m4") ==
          "\"vfrdiv\"");
    CHECK(rag::match_expression("vlse32 VLEN 256 1e5 0f") == "\"vlse32\" OR \"vlen\" OR \"256\"");
  }

  TEST_CASE("BM25 puts the chunk about the query first, in a real SQLite file")
  {
    testing::ScratchDir dir;
    store::Db db = store::Db::open(dir.file("rag.sqlite"));
    rag::Index idx(db);
    idx.rebuild(sample_chunks(), "h1");
    CHECK(idx.size() == 4);
    CHECK(idx.indexed_hash() == "h1");

    auto hits = idx.query("replace vfdiv by a reciprocal", 2);
    REQUIRE(!hits.empty());
    CHECK(hits[0].chunk.source == "costs.md");
    CHECK(hits[0].chunk.title == "Costs > Division");
    CHECK(hits[0].chunk.line == 3);

    hits = idx.query("register pressure at high LMUL", 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].chunk.source == "lmul.md");

    hits = idx.query("strided loads", 1); // porter stemming: "loads" ~ "load"
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].chunk.source == "mem.md");
  }

  TEST_CASE("hostile query text never reaches FTS5 as syntax")
  {
    store::Db db = store::Db::open_memory();
    rag::Index idx(db);
    idx.rebuild(sample_chunks(), "h");
    for (const char* q : {"\"unbalanced quote", "NEAR(vfdiv reciprocal, 2)", "vfdiv*", "(((", "title:Costs", "AND OR NOT", "-vfdiv",
                          "^start", "{title body}: x", "'; DROP TABLE rag_fts; --", "near", "\xff\xfe binary"}) {
      CHECK_NOTHROW(idx.query(q, 3));
    }
    auto hits = idx.query("near OR", 3);
    REQUIRE(!hits.empty());
    CHECK(hits[0].chunk.title == "thought near-and-or");
    CHECK(idx.query("* ( )", 3).empty());
    CHECK(idx.query("vfdiv", 0).empty());
    CHECK(idx.size() == 4);
  }

  TEST_CASE("the index is rebuilt only when its sources change")
  {
    testing::ScratchDir dir;
    util::fs::create_directories(dir.path() / "notes");
    util::write_file_atomic(dir.path() / "notes" / "a.md", "# Alpha\nvfredusum reduction outside the loop\n");
    util::write_file_atomic(dir.path() / "notes" / "README.md", "# Readme\nnot indexed\n");
    rag::Sources src{(dir.path() / "notes").string(), ""};
    store::Db db = store::Db::open(dir.file("rag.sqlite"));
    rag::Index idx(db);
    CHECK(idx.update(src));
    CHECK(idx.size() == 1);
    CHECK_FALSE(idx.update(src));
    CHECK(idx.update(src, true)); // forced
    CHECK(idx.query("readme", 3).empty());

    util::write_file_atomic(dir.path() / "notes" / "b.md", "# Beta\nZicbop prefetch\n");
    std::string before = idx.indexed_hash();
    CHECK(rag::sources_hash(src) != before);
    CHECK(idx.update(src));
    CHECK(idx.size() == 2);
    REQUIRE(idx.query("prefetch", 1).size() == 1);

    // A reopened database keeps the index and its hash.
    store::Db again = store::Db::open(dir.file("rag.sqlite"));
    rag::Index idx2(again);
    CHECK_FALSE(idx2.update(src));
    CHECK(idx2.size() == 2);
  }

  TEST_CASE("a missing corpus directory is an error naming it")
  {
    store::Db db = store::Db::open_memory();
    rag::Index idx(db);
    CHECK_THROWS_WITH_AS(idx.update({"/nonexistent/rag", ""}), "/nonexistent/rag: RAG corpus directory not found (paths.rag)", Fatal);
  }

  TEST_CASE("the retrieve port renders chunks for a prompt")
  {
    store::Db db = store::Db::open_memory();
    rag::Index idx(db);
    idx.rebuild(sample_chunks(), "h");
    auto retrieve = rag::make_retrieve(idx);
    auto got = retrieve("vfdiv reciprocal", 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == "## Costs > Division (costs.md)\nvfdiv.vv costs 38 cycles; use vfrec7 reciprocal estimate and Newton steps.");
    got = retrieve("near", 1);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == "## thought near-and-or (ideas/a)\nA thought whose words include near and or.\n\n"
                    "Example (RVV C intrinsics):\n```c\nfloat g(float x) { return x; }\n```");
  }
}

TEST_SUITE("rag::index")
{
  TEST_CASE("an index of schema version 1 is migrated and rebuilt on next update")
  {
    testing::ScratchDir dir;
    {
      store::Db db = store::Db::open(dir.file("old.sqlite"));
      db.migrate("rag", {{1, "v1",
                          "CREATE TABLE rag_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                          "CREATE VIRTUAL TABLE rag_fts USING fts5(source UNINDEXED, kind UNINDEXED, line UNINDEXED,"
                          " title UNINDEXED, heading, body, tokenize = 'porter unicode61');"
                          "INSERT INTO rag_meta VALUES ('sources_hash', 'old');"
                          "INSERT INTO rag_fts VALUES ('a.md', 'note', 1, 'A', 'A', 'old text');"}});
    }
    store::Db db = store::Db::open(dir.file("old.sqlite"));
    rag::Index idx(db);
    CHECK(db.schema_version("rag") == 2);
    CHECK(idx.size() == 0);
    CHECK(idx.indexed_hash().empty());
    idx.rebuild(sample_chunks(), "new");
    CHECK(idx.query("vfdiv", 1).size() == 1);
  }
}
