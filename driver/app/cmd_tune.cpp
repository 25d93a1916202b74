// `eok tune`: search for faster versions of the given kernels and store winners
// in the cache (issues 5, 6, 7). `--strategies` prints the knob/flag strategy table.
#include "app/commands_list.hpp"

#include "tune/strategy.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

void print_strategies()
{
  std::printf("%-14s %-18s %-9s %s\n", "strategy", "option", "default", "meaning");
  for (const auto& s : tune::strategy_table()) {
    std::printf("%-14s %s\n", s.name.c_str(), s.summary.c_str());
    for (const auto& o : s.options) {
      std::printf("%-14s %-18s %-9s %s\n", "", o.name.c_str(),
                  util::fixed(o.default_value, o.default_value == static_cast<int64_t>(o.default_value) ? 0 : 2).c_str(), o.help.c_str());
    }
  }
  std::printf("\nchoose with tune.strategy (auto); options with tune.options=\"name=value,...\";\n"
              "budget.evals (meson option eok_budget_evals) overrides max_fevals.\n");
}

} // namespace

Command tune_command()
{
  auto flags = config_flags();
  flags.push_back({"--strategies", false, false, "list the knob/flag search strategies with their options and defaults"});
  return {"tune", "search for faster kernels and store the winners in the cache", "[--strategies]", flags,
          [](Context& ctx, const Args& args) {
            apply_config_flags(ctx, args);
            if (args.has("--strategies")) {
              print_strategies();
              return k_exit_ok;
            }
            throw UsageError("eok tune: kernel tuning is not wired yet; try --strategies");
          }};
}

} // namespace eok::app
