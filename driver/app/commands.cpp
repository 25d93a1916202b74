#include "app/command.hpp"

#include "app/commands_list.hpp"

namespace eok::app {

config::Settings& Context::settings()
{
  if (!m_settings) {
    m_settings = config::Settings::load(load);
  }
  return *m_settings;
}

std::vector<FlagSpec> config_flags()
{
  return {
      {"--config", true, false, "FILE  project eok.toml (default: $EOK_CONFIG, else ./eok.toml)"},
      {"--set", true, true, "KEY=VALUE  override one setting (repeatable; see `eok config --keys`)"},
      {"--cross-file", true, false, "FILE  Meson cross file of the target (target.cross_file)"},
  };
}

void apply_config_flags(Context& ctx, const Args& args)
{
  if (auto c = args.value("--config")) {
    ctx.load.project_file = *c;
  }
  for (const auto& s : args.values("--set")) {
    ctx.load.cli_sets.push_back(s);
  }
  if (auto c = args.value("--cross-file")) {
    ctx.load.cli_sets.push_back("target.cross_file=" + *c);
  }
}

const std::vector<Command>& commands()
{
  static const std::vector<Command> table = all_commands();
  return table;
}

} // namespace eok::app
