#include "app/args.hpp"

#include "util/strings.hpp"

#include <cerrno>
#include <cstdlib>

namespace eok::app {

Args::Args(const std::vector<std::string>& argv, const std::vector<FlagSpec>& flags, const std::string& command)
  : m_command(command)
{
  auto find = [&](const std::string& name) -> const FlagSpec* {
    for (const auto& f : flags) {
      if (f.name == name) {
        return &f;
      }
    }
    return nullptr;
  };
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-') {
      m_positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a;
    std::optional<std::string> inline_value;
    if (auto eq = a.find('='); eq != std::string::npos && util::starts_with(a, "--")) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
    }
    const FlagSpec* spec = find(name);
    if (!spec) {
      throw UsageError("eok " + command + ": unknown option '" + name + "' (see `eok " + command + " --help`)");
    }
    if (m_values.count(name) && !spec->repeatable) {
      throw UsageError("eok " + command + ": option '" + name + "' given twice");
    }
    if (spec->takes_value) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) {
          throw UsageError("eok " + command + ": option '" + name + "' needs a value");
        }
        // "--cache --set k=v" must not make a file named "--set": a value that looks
        // like an option is refused unless written --cache=--set.
        if (util::starts_with(argv[i + 1], "--")) {
          throw UsageError("eok " + command + ": option '" + name + "' needs a value, got the option '" + argv[i + 1] + "' (write " + name +
                           "=" + argv[i + 1] + " if that is the value)");
        }
        inline_value = argv[++i];
      }
      m_values[name].push_back(*inline_value);
    } else {
      if (inline_value) {
        throw UsageError("eok " + command + ": option '" + name + "' takes no value");
      }
      m_values[name].push_back("");
    }
  }
}

std::optional<std::string> Args::value(const std::string& flag) const
{
  auto it = m_values.find(flag);
  if (it == m_values.end() || it->second.empty()) {
    return std::nullopt;
  }
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& flag) const
{
  auto it = m_values.find(flag);
  return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::required(const std::string& flag) const
{
  auto v = value(flag);
  if (!v) {
    throw UsageError("eok " + m_command + ": missing required option " + flag);
  }
  return *v;
}

double Args::number(const std::string& flag, double fallback, double lo, double hi, const std::string& expects) const
{
  auto text = value(flag);
  if (!text) {
    return fallback;
  }
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text->c_str(), &end);
  if (text->empty() || *end != '\0' || errno != 0 || !(v >= lo && v <= hi)) {
    throw UsageError("eok " + m_command + ": " + flag + " expects " + expects + ", got '" + *text + "'");
  }
  return v;
}

int64_t Args::integer(const std::string& flag, int64_t fallback, int64_t lo, int64_t hi, const std::string& expects) const
{
  auto text = value(flag);
  if (!text) {
    return fallback;
  }
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || errno != 0 || v < lo || v > hi) {
    throw UsageError("eok " + m_command + ": " + flag + " expects " + expects + ", got '" + *text + "'");
  }
  return v;
}

} // namespace eok::app
