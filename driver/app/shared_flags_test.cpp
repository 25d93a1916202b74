#include "app/command.hpp"
#include "app/shared_flags.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace eok::app;

namespace {

bool same(const FlagSpec& a, const FlagSpec& b)
{
  return a.name == b.name && a.takes_value == b.takes_value && a.repeatable == b.repeatable && a.help == b.help;
}

bool ends_with(const std::string& s, const std::string& tail)
{
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

TEST_SUITE("app::shared_flags")
{
  TEST_CASE("every command that takes a shared flag takes the one definition")
  {
    for (const auto& c : commands()) {
      for (const auto& f : c.flags) {
        CAPTURE(c.name);
        CAPTURE(f.name);
        if (f.name == "--config") {
          CHECK(same(f, flag::config()));
        } else if (f.name == "--set") {
          CHECK(same(f, flag::set()));
        } else if (f.name == "--cross-file") {
          CHECK(same(f, f.repeatable ? flag::cross_files() : flag::cross_file()));
        } else if (f.name == "--kernel") {
          CHECK(same(f, flag::kernel(f.repeatable)));
        } else if (f.name == "--cache") {
          CHECK((f.takes_value && !f.repeatable && ends_with(f.help, " (default: paths.cache)")));
        } else if (f.name == "--json") {
          CHECK((!f.takes_value && ends_with(f.help, " as JSON (schema_version 1)")));
        } else if (f.name == "--runner") {
          CHECK((f.takes_value && f.help.rfind("KIND  model or wall", 0) == 0));
        }
      }
    }
  }

  TEST_CASE("settings flags go to the load options; --runner is model or wall")
  {
    const std::vector<FlagSpec> flags = {flag::config(), flag::set(), flag::cross_files(), flag::runner("")};
    Context ctx;
    apply_config_flags(ctx, Args({"--config", "p.toml", "--set", "a.b=1", "--cross-file", "x.ini", "--cross-file", "y.ini"}, flags, "t"));
    CHECK(ctx.load.project_file == "p.toml");
    CHECK(ctx.load.cli_sets == std::vector<std::string>{"a.b=1", "target.cross_file=x.ini"});
    CHECK(runner_flag(Args({"--runner", "wall"}, flags, "t")) == "wall");
    CHECK_FALSE(runner_flag(Args({}, flags, "t")).has_value());
    CHECK_THROWS_WITH_AS(runner_flag(Args({"--runner", "fast"}, flags, "t")), "--runner: expected model or wall, got 'fast'", UsageError);
  }
}
