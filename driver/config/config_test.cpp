#include "config/config.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <cstdlib>

using namespace eok;

namespace {

config::Settings load_with(const std::string& project, std::vector<std::string> sets = {})
{
  config::LoadOptions o;
  o.project_file = project;
  o.skip_user_file = true;
  o.cli_sets = std::move(sets);
  return config::Settings::load(o);
}

} // namespace

TEST_SUITE("config")
{
  TEST_CASE("precedence: default < project file < environment < command line, with origins")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    util::write_file_atomic(path, "[llm]\nmodel = \"from-file\"\ntimeout_s = 30\n[search]\nparallel = 3\n");
    ::setenv("EOK_LLM_TIMEOUT_S", "45", 1);
    auto s = load_with(path, {"search.parallel=5"});
    ::unsetenv("EOK_LLM_TIMEOUT_S");
    CHECK(s.get().llm_model == "from-file");
    CHECK(s.origin("llm.model").describe() == "project " + path + ":2");
    CHECK(s.get().llm_timeout_s == 45);
    CHECK(s.origin("llm.timeout_s").describe() == "env EOK_LLM_TIMEOUT_S");
    CHECK(s.get().search_parallel == 5);
    CHECK(s.origin("search.parallel").describe() == "cli --set");
    CHECK(s.get().search_generations == 2);
    CHECK(s.origin("search.generations").describe() == "default");
  }

  TEST_CASE("tune.effort sets the search size and budget together; a key set anywhere else wins")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    util::write_file_atomic(path, "[tune]\neffort = \"quick\"\n[search]\ngenerations = 3\n");
    auto s = load_with(path, {"budget.evals=20"});
    CHECK(s.get().search_parallel == 1);
    CHECK(s.get().search_iterations == 1);
    CHECK(s.get().search_population == 2);
    CHECK(s.get().search_thoughts == 1);
    CHECK(s.origin("search.parallel").describe() == "default for tune.effort = quick");
    CHECK(s.get().search_generations == 3); // the file's own value
    CHECK(s.origin("search.generations").describe() == "project " + path + ":4");
    CHECK(s.get().budget_evals == 20); // the command line's
    auto t = load_with(path, {"tune.effort=thorough"});
    CHECK(t.get().search_parallel == 4);
    CHECK(t.get().search_iterations == 4);
    CHECK(t.get().search_generations == 3);
    auto d = load_with("", {"tune.effort=default"});
    CHECK(d.get().search_parallel == config::Settings::defaults().get().search_parallel);
    CHECK(d.origin("search.parallel").describe() == "default");
    for (const auto& [level, keys] : config::effort_presets()) {
      for (const auto& [key, value] : keys) {
        CHECK_NOTHROW(load_with("", {key + "=" + value})); // every preset value is valid for its key
      }
    }
    CHECK_THROWS_WITH_AS(load_with("", {"tune.effort=huge"}), doctest::Contains("tune.effort"), UsageFault);
  }

  TEST_CASE("unknown keys and wrong types are errors with file:line")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    util::write_file_atomic(path, "[llm]\nmodel = \"m\"\nmodle = \"typo\"\n");
    CHECK_THROWS_WITH(load_with(path), (path + ":3: unknown key 'llm.modle'").c_str());
    util::write_file_atomic(path, "[search]\nparallel = \"four\"\n");
    CHECK_THROWS_WITH(load_with(path), (path + ":2: search.parallel: expected an integer, got a string").c_str());
    util::write_file_atomic(path, "[target]\nrunner = \"fast\"\n");
    CHECK_THROWS_WITH(load_with(path), (path + ":2: target.runner: 'fast' is not one of: model, wall").c_str());
    util::write_file_atomic(path, "top = 1\n");
    CHECK_THROWS_AS(load_with(path), Fatal);
  }

  TEST_CASE("values that make no sense are errors wherever they come from")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    util::write_file_atomic(path, "[search]\nparallel = 0\n");
    CHECK_THROWS_WITH(load_with(path), (path + ":2: search.parallel: must be at least 1, got 0").c_str());
    util::write_file_atomic(path, "[search]\nkernel_temperature = 0.0\n");
    CHECK_THROWS_WITH(load_with(path), (path + ":2: search.kernel_temperature: must be greater than 0, got 0").c_str());
    CHECK_THROWS_WITH(load_with("", {"search.thought_temperature=-0.5"}),
                      "--set: search.thought_temperature: must be greater than 0, got -0.500");
    ::setenv("EOK_LLM_CONCURRENCY", "0", 1);
    CHECK_THROWS_WITH(load_with(""), "EOK_LLM_CONCURRENCY: llm.concurrency: must be at least 1, got 0");
    ::unsetenv("EOK_LLM_CONCURRENCY");
    auto s = load_with("", {"search.kernel_temperature=0.05", "search.rag_k=0"});
    CHECK(s.get().search_kernel_temperature == 0.05);
    CHECK(s.get().search_rag_k == 0);
  }

  TEST_CASE("malformed TOML names the line")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    util::write_file_atomic(path, "[llm]\nmodel = \"unterminated\n");
    CHECK_THROWS_WITH(load_with(path), doctest::Contains((path + ":2: ").c_str()));
  }

  TEST_CASE("bad environment and command-line values name their source")
  {
    ::setenv("EOK_SEARCH_SEED", "-3", 1);
    CHECK_THROWS_WITH(load_with(""), "EOK_SEARCH_SEED: search.seed: expected a non-negative integer, got '-3'");
    ::unsetenv("EOK_SEARCH_SEED");
    CHECK_THROWS_WITH(load_with("", {"no.such=1"}), "--set: unknown key 'no.such' (see `eok config --keys`)");
    CHECK_THROWS_WITH(load_with("", {"tune.ci"}), "--set tune.ci: expected key=value");
  }

  TEST_CASE("the API key is never printed")
  {
    ::setenv("EOK_TEST_SECRET_KEY", "sk-very-secret", 1);
    auto s = load_with("", {"llm.api_key_env=EOK_TEST_SECRET_KEY"});
    REQUIRE(s.api_key());
    CHECK(*s.api_key() == "sk-very-secret");
    bool mentioned = false;
    for (const auto& line : s.describe()) {
      CHECK(line.find("sk-very-secret") == std::string::npos);
      mentioned = mentioned || line == "(env EOK_TEST_SECRET_KEY) llm.api_key = <set, hidden>";
    }
    CHECK(mentioned);
    ::unsetenv("EOK_TEST_SECRET_KEY");
  }
}
