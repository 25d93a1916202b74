#include "util/secrets.hpp"

#include <algorithm>
#include <map>
#include <mutex>

extern char** environ;

namespace eok::util {

const std::vector<std::string> k_child_env_names = {
    "PATH", "HOME",     "USER",          "LOGNAME",           "LANG",           "LANGUAGE", "TZ", "TMPDIR",
    "TERM", "NO_COLOR", "SSH_AUTH_SOCK", "SOURCE_DATE_EPOCH", "LD_LIBRARY_PATH"};
const std::vector<std::string> k_child_env_prefixes = {"LC_", "QEMU_", "SLURM_", "CCACHE_", "GIT_"};

namespace {

std::mutex& secrets_mutex()
{
  static std::mutex m;
  return m;
}

std::vector<std::string>& secrets()
{
  static std::vector<std::string> s;
  return s;
}

bool inherited(const std::string& name)
{
  if (std::find(k_child_env_names.begin(), k_child_env_names.end(), name) != k_child_env_names.end()) {
    return true;
  }
  return std::any_of(k_child_env_prefixes.begin(), k_child_env_prefixes.end(),
                     [&](const std::string& p) { return name.compare(0, p.size(), p) == 0; });
}

} // namespace

void register_secret(const std::string& value)
{
  if (value.size() < 6) {
    return;
  }
  const std::lock_guard lock(secrets_mutex());
  auto& s = secrets();
  if (std::find(s.begin(), s.end(), value) == s.end()) {
    s.push_back(value);
    // Longest first, so a key that contains another is replaced whole.
    std::sort(s.begin(), s.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
}

std::string redact(std::string_view text)
{
  std::string out(text);
  const std::lock_guard lock(secrets_mutex());
  for (const auto& s : secrets()) {
    for (size_t at = out.find(s); at != std::string::npos; at = out.find(s, at + std::char_traits<char>::length(k_redacted))) {
      out.replace(at, s.size(), k_redacted);
    }
  }
  return out;
}

bool contains_secret(std::string_view text)
{
  const std::lock_guard lock(secrets_mutex());
  return std::any_of(secrets().begin(), secrets().end(), [&](const std::string& s) { return text.find(s) != std::string_view::npos; });
}

std::vector<std::string> child_environment(const std::vector<std::string>& add)
{
  std::map<std::string, std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string kv = *e;
    const std::string name = kv.substr(0, kv.find('='));
    if (inherited(name) && !contains_secret(kv)) {
      env[name] = kv;
    }
  }
  for (const auto& kv : add) {
    env[kv.substr(0, kv.find('='))] = kv;
  }
  std::vector<std::string> out;
  out.reserve(env.size());
  for (auto& [name, kv] : env) {
    out.push_back(std::move(kv));
  }
  return out;
}

} // namespace eok::util
