// Command-line parsing for subcommands: each command declares its flags, and
// anything else is a usage error (exit 2) that names the offending argument.
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eok::app {

class UsageError : public UsageFault
{
public:
  explicit UsageError(const std::string& what)
    : UsageFault(what)
  {
  }
};

struct FlagSpec
{
  std::string name; // "--kernel"
  bool takes_value = false;
  bool repeatable = false;
  std::string help; // "DIR  kernel directory"
};

class Args
{
public:
  // Parses argv after the subcommand name. Throws UsageError.
  Args(const std::vector<std::string>& argv, const std::vector<FlagSpec>& flags, const std::string& command);

  [[nodiscard]] bool has(const std::string& flag) const { return m_values.count(flag) > 0; }
  [[nodiscard]] std::optional<std::string> value(const std::string& flag) const;
  [[nodiscard]] std::vector<std::string> values(const std::string& flag) const;
  [[nodiscard]] std::string required(const std::string& flag) const;
  [[nodiscard]] const std::vector<std::string>& positional() const { return m_positional; }
  // FLAG's value as a number in [lo, hi] (`fallback` when absent), or the UsageError
  // "eok <command>: FLAG expects <expects>, got '<text>'".
  [[nodiscard]] double number(const std::string& flag, double fallback, double lo, double hi, const std::string& expects) const;
  [[nodiscard]] int64_t integer(const std::string& flag, int64_t fallback, int64_t lo, int64_t hi, const std::string& expects) const;

private:
  std::map<std::string, std::vector<std::string>> m_values;
  std::vector<std::string> m_positional;
  std::string m_command;
};

} // namespace eok::app
