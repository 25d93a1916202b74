// `eok config`: every effective setting with its origin (ccache --show-config style).
#include "app/commands_list.hpp"

#include <cstdio>

namespace eok::app {

Command config_command()
{
  auto flags = config_flags();
  flags.push_back({"--keys", false, false, "list every key with its type and meaning"});
  return {"config", "show every effective setting and where it came from", "[--keys]", flags, [](Context& ctx, const Args& args) {
            apply_config_flags(ctx, args);
            if (args.has("--keys")) {
              for (const auto& k : config::Settings::keys()) {
                std::printf("%-26s %-8s %s\n", k.name.c_str(), k.type.c_str(), k.help.c_str());
              }
              return k_exit_ok;
            }
            for (const auto& line : ctx.settings().describe()) {
              std::printf("%s\n", line.c_str());
            }
            return k_exit_ok;
          }};
}

} // namespace eok::app
