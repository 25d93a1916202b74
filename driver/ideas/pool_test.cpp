#include "ideas/pool.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

using namespace eok;

namespace {

const char* k_valid = R"(# comment
[idea]
id = "alpha"
principle = """
Do less work."""

[[thought]]
id = "first-thought"
description = """
Use FMA."""
effectiveness = 0.7
rationale = "vfmacc costs one cycle"
code = '''
void f(void) {}
'''

[[thought]]
id = "second"
description = "d2"
effectiveness = 1
rationale = "r2"
code = "void g(void) {}"
)";

std::string replace(std::string s, const std::string& from, const std::string& to)
{
  auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

std::string error_of(const std::string& text, const std::string& path = "dir/alpha.toml")
{
  try {
    ideas::parse_idea(text, path);
  } catch (const Fatal& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

TEST_SUITE("ideas::pool")
{
  TEST_CASE("a valid idea file is read with every field, multi-line strings trimmed")
  {
    ideas::Idea idea = ideas::parse_idea(k_valid, "dir/alpha.toml");
    CHECK(idea.id == "alpha");
    CHECK(idea.principle == "Do less work.");
    CHECK(idea.line == 2);
    REQUIRE(idea.thoughts.size() == 2);
    CHECK(idea.thoughts[0].id == "first-thought");
    CHECK(idea.thoughts[0].description == "Use FMA.");
    CHECK(idea.thoughts[0].effectiveness == doctest::Approx(0.7));
    CHECK(idea.thoughts[0].rationale == "vfmacc costs one cycle");
    CHECK(idea.thoughts[0].code == "void f(void) {}\n");
    CHECK(idea.thoughts[0].line == 7);
    CHECK(idea.thoughts[1].effectiveness == 1.0); // an integer is accepted as a number
  }

  TEST_CASE("malformed files name the file, the line and what is wrong")
  {
    CHECK(error_of(replace(k_valid, "effectiveness = 0.7", "effectiveness = 1.5")) ==
          "dir/alpha.toml:11: thought[0].effectiveness: 1.500 is outside [0, 1]");
    CHECK(error_of(replace(k_valid, "effectiveness = 0.7", "effectiveness = \"high\"")) ==
          "dir/alpha.toml:11: thought[0].effectiveness: expected a float, got a string");
    CHECK(error_of(replace(k_valid, "effectiveness = 0.7\n", "")) ==
          "dir/alpha.toml:7: missing required key 'thought[0].effectiveness' (a number in [0, 1])");
    CHECK(error_of(replace(k_valid, "rationale = \"r2\"", "rationale = \"r2\"\nrationle = \"typo\"")) ==
          "dir/alpha.toml:22: unknown key 'thought[1].rationle'");
    CHECK(error_of(replace(k_valid, "code = \"void g(void) {}\"", "")) ==
          "dir/alpha.toml:17: missing required key 'thought[1].code' (a string)");
    CHECK(error_of(replace(k_valid, "description = \"d2\"", "description = \"  \"")) ==
          "dir/alpha.toml:19: thought[1].description: must not be empty");
    CHECK(error_of(replace(k_valid, "id = \"second\"", "id = \"Second Thought\"")) ==
          "dir/alpha.toml:18: thought[1].id: 'Second Thought' is not an id (lowercase letters, digits and '-')");
    CHECK(error_of(k_valid, "dir/beta.toml") == "dir/beta.toml:3: idea.id 'alpha' must equal the file name 'beta.toml'");
    CHECK(error_of(replace(k_valid, "[idea]", "[ideas]")) == "dir/alpha.toml: missing table [idea]");
    CHECK(error_of(replace(k_valid, "principle", "principal")) == "dir/alpha.toml:2: missing required key 'idea.principle' (a string)");
  }

  TEST_CASE("an idea needs thoughts, and a thought must be a table")
  {
    std::string no_thoughts = "[idea]\nid = \"alpha\"\nprinciple = \"p\"\n";
    CHECK(error_of(no_thoughts) == "dir/alpha.toml:1: idea 'alpha' has no [[thought]]");
    CHECK(error_of("thought = [1]\n" + no_thoughts) == "dir/alpha.toml:1: thought[0]: expected a table, got an integer");
    CHECK(error_of("thought = 3\n" + no_thoughts) == "dir/alpha.toml:1: thought: expected an array, got an integer");
  }

  TEST_CASE("TOML syntax errors are reported with their location")
  {
    std::string e = error_of("[idea]\nid = \"alpha\nprinciple = 1\n");
    CHECK(e.rfind("dir/alpha.toml:2", 0) == 0);
  }

  TEST_CASE("a pool directory is read in file-name order and converted for the engine")
  {
    testing::ScratchDir dir;
    util::write_file_atomic(dir.file("alpha.toml"), k_valid);
    util::write_file_atomic(dir.file("FORMAT.md"), "not an idea");
    util::write_file_atomic(dir.file("aardvark.toml"),
                            "[idea]\nid = \"aardvark\"\nprinciple = \"P\"\n[[thought]]\nid = \"t3\"\ndescription = \"D\"\n"
                            "effectiveness = 0.25\nrationale = \"R\"\ncode = \"int x;\"\n");
    ideas::Pool pool = ideas::load_pool(dir.path().string());
    REQUIRE(pool.ideas.size() == 2);
    CHECK(pool.ideas[0].id == "aardvark");
    CHECK(pool.thought_count() == 3);
    const ideas::Idea* owner = nullptr;
    REQUIRE(pool.find_thought("second", &owner) != nullptr);
    CHECK(owner->id == "alpha");
    CHECK(pool.find_thought("nope") == nullptr);
    CHECK(pool.find_idea("alpha") == &pool.ideas[1]);

    auto views = ideas::idea_views(pool);
    REQUIRE(views.size() == 2);
    CHECK(views[1].id == "alpha");
    CHECK(views[1].principle == "Do less work.");
    REQUIRE(views[1].thoughts.size() == 2);
    CHECK(views[1].thoughts[0].id == "first-thought");
    CHECK(views[1].thoughts[0].description == "Use FMA.");
    CHECK(views[1].thoughts[0].example_code == "void f(void) {}\n");

    auto priors = ideas::prior_effectiveness(pool);
    CHECK(priors.size() == 3);
    CHECK(priors.at("t3") == doctest::Approx(0.25));
    CHECK(priors.at("first-thought") == doctest::Approx(0.7));
  }

  TEST_CASE("a thought id used twice in a pool is an error naming both places")
  {
    testing::ScratchDir dir;
    util::write_file_atomic(dir.file("alpha.toml"), k_valid);
    util::write_file_atomic(dir.file("beta.toml"),
                            replace(replace(k_valid, "id = \"alpha\"", "id = \"beta\""), "id = \"first-thought\"", "id = \"other\""));
    std::string beta = dir.file("beta.toml");
    std::string alpha = dir.file("alpha.toml");
    CHECK_THROWS_WITH_AS(ideas::load_pool(dir.path().string()),
                         (beta + ":17: duplicate thought id 'second' (first at " + alpha + ":17)").c_str(), Fatal);
  }

  TEST_CASE("a missing or empty pool directory is an error")
  {
    testing::ScratchDir dir;
    CHECK_THROWS_WITH_AS(ideas::load_pool(dir.file("none")), (dir.file("none") + ": idea pool directory not found (paths.ideas)").c_str(),
                         Fatal);
    CHECK_THROWS_WITH_AS(ideas::load_pool(dir.path().string()),
                         (dir.path().string() + ": no idea files (*.toml) in the idea pool directory").c_str(), Fatal);
  }
}

TEST_SUITE("ideas::pool")
{
  TEST_CASE("data directories: an existing or absolute path is kept, a missing relative one falls back to the source tree")
  {
    testing::ScratchDir dir;
    CHECK(ideas::resolve_data_dir(dir.path().string()) == dir.path().string());
    CHECK(ideas::resolve_data_dir(dir.file("absent")) == dir.file("absent"));
    CHECK(ideas::resolve_data_dir("no-such-dir-anywhere") == "no-such-dir-anywhere");
    std::string shipped = ideas::resolve_data_dir("ideas");
    CHECK(util::fs::is_directory(util::fs::path(shipped) / "."));
    CHECK(ideas::load_pool(shipped).thought_count() >= 30); // the shipped pool, from any working directory
  }
}
