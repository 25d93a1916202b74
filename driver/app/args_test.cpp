#include "app/args.hpp"

#include <doctest/doctest.h>

using namespace eok::app;

TEST_SUITE("app::args")
{
  const std::vector<FlagSpec> flags = {{"--kernel", true, false, ""}, {"--json", false, false, ""}, {"--set", true, true, ""}};

  TEST_CASE("values, inline values, repeatable flags and positionals")
  {
    Args a({"--kernel", "k", "--json", "--set=a=1", "--set", "b=2", "pos"}, flags, "eval");
    CHECK(a.value("--kernel") == "k");
    CHECK(a.has("--json"));
    CHECK(a.values("--set") == std::vector<std::string>{"a=1", "b=2"});
    CHECK(a.positional() == std::vector<std::string>{"pos"});
  }

  TEST_CASE("usage errors name the problem")
  {
    CHECK_THROWS_WITH(Args({"--nope"}, flags, "eval"), "eok eval: unknown option '--nope' (see `eok eval --help`)");
    CHECK_THROWS_WITH(Args({"--kernel"}, flags, "eval"), "eok eval: option '--kernel' needs a value");
    CHECK_THROWS_WITH(Args({"--json=1"}, flags, "eval"), "eok eval: option '--json' takes no value");
    CHECK_THROWS_WITH(Args({"--kernel", "a", "--kernel", "b"}, flags, "eval"), "eok eval: option '--kernel' given twice");
    Args ok({}, flags, "eval");
    CHECK_THROWS_WITH((void)ok.required("--kernel"), "eok eval: missing required option --kernel");
  }
}
