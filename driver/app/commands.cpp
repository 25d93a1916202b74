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

const std::vector<Command>& commands()
{
  static const std::vector<Command> table = all_commands();
  return table;
}

} // namespace eok::app
