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

  TEST_CASE("numbers and integers: fallback, range, and one message for every command")
  {
    const std::vector<FlagSpec> nf = {{"--n", true, false, ""}, {"--x", true, false, ""}};
    Args none({}, nf, "perf measure");
    CHECK(none.number("--x", 2.5, 0, 10, "a number") == 2.5);
    CHECK(none.integer("--n", 7, 1, 9, "a count") == 7);
    Args ok({"--n", "9", "--x", "0.25"}, nf, "perf measure");
    CHECK(ok.integer("--n", 1, 1, 9, "a count") == 9);
    CHECK(ok.number("--x", 1, 0, 1, "a number") == 0.25);
    for (const char* bad : {"", "3x", "nan", "11", "-1", "99999999999999999999"}) {
      CAPTURE(bad);
      Args a({"--n", bad, "--x", bad}, nf, "perf measure");
      const std::string tail = std::string(", got '") + bad + "'";
      CHECK_THROWS_WITH_AS(a.integer("--n", 1, 0, 10, "a count"), ("eok perf measure: --n expects a count" + tail).c_str(), UsageError);
      CHECK_THROWS_WITH_AS(a.number("--x", 1, 0, 10, "a number"), ("eok perf measure: --x expects a number" + tail).c_str(), UsageError);
    }
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

  TEST_CASE("an option's value may not look like an option unless written --opt=--x")
  {
    CHECK_THROWS_WITH_AS(Args({"--kernel", "--set", "budget.evals=2"}, flags, "tune"),
                         "eok tune: option '--kernel' needs a value, got the option '--set' (write --kernel=--set if that is the value)",
                         UsageError);
    CHECK(Args({"--kernel=--set"}, flags, "tune").value("--kernel") == "--set");
    CHECK(Args({"--kernel", "-k"}, flags, "tune").value("--kernel") == "-k");
    // A usage error is also a UsageFault: main exits 2 for both it and bad --set values.
    CHECK_THROWS_AS(Args({"--nope"}, flags, "eval"), eok::UsageFault);
  }
}
