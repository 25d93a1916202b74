#include "util/error.hpp"
#include "util/toml_doc.hpp"

#include <doctest/doctest.h>

using namespace eok;

TEST_SUITE("util::toml_doc")
{
  TEST_CASE("values keep their line and document order")
  {
    auto doc = toml::parse_text("z = 1\n[t]\nb = 'x'\na = [1, 2.5]\n", "x.toml");
    REQUIRE(doc.root.table.size() == 2);
    CHECK(doc.root.table[0].first == "z");
    const toml::Node* t = doc.root.find("t");
    REQUIRE(t);
    CHECK(t->table[0].first == "b");
    CHECK(t->table[0].second.line == 3);
    CHECK(t->find("a")->array[1].number() == doctest::Approx(2.5));
  }

  TEST_CASE("a syntax error is reported as file:line: what")
  {
    try {
      (void)toml::parse_text("a = 1\nb = = 2\n", "bad.toml");
      FAIL("no error");
    } catch (const Fatal& e) {
      CHECK(std::string(e.what()).rfind("bad.toml:2: ", 0) == 0);
    }
  }

  TEST_CASE("TableReader: wrong types and unknown keys name file, line and key")
  {
    auto doc = toml::parse_text("[k]\nname = 3\nextra = true\n", "k.toml");
    toml::TableReader r(doc, *doc.root.find("k"), "k");
    CHECK_THROWS_WITH(r.string("name"), "k.toml:2: k.name: expected a string, got an integer");
    CHECK_THROWS_WITH(r.reject_unknown(), "k.toml:3: unknown key 'k.extra'");
    CHECK_THROWS_WITH(r.required_string("missing"), "k.toml:1: missing required key 'k.missing' (a string)");
  }
}
