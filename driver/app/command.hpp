// The subcommand table: every `eok` subcommand is one row here (name, summary,
// flags, handler), so `eok --help`, per-command help and dispatch cannot drift.
#pragma once

#include "app/args.hpp"
#include "app/shared_flags.hpp"
#include "config/config.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eok::app {

// Exit codes (documented in README.md and `eok --help`).
constexpr int k_exit_ok = 0;
constexpr int k_exit_failure = 1;
constexpr int k_exit_usage = 2;
constexpr int k_exit_cache_miss = 3;

struct Context
{
  config::LoadOptions load; // from global flags; commands call settings() to load once
  config::Settings& settings();

private:
  std::optional<config::Settings> m_settings;
};

struct Command
{
  std::string name;    // "cache list" for nested commands
  std::string summary; // one line
  std::string usage;   // arguments after the name
  std::vector<FlagSpec> flags;
  std::function<int(Context&, const Args&)> run;
  // Every word after the name is positional (the command parses them itself:
  // `eok launch` takes a whole compiler command).
  bool raw = false;
};

const std::vector<Command>& commands();

} // namespace eok::app
