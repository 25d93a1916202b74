#include "util/scratch.hpp"

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <unistd.h>

namespace eok::util {

namespace fs = std::filesystem;

bool process_running(int64_t pid)
{
  if (pid <= 0 || pid > 0x7fffffff) {
    return false;
  }
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
}

std::string host_name()
{
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) {
    return "localhost";
  }
  return name;
}

int remove_stale_scratch(const std::string& dir)
{
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const size_t last = name.rfind('-');
    const size_t before = last == std::string::npos || last == 0 ? std::string::npos : name.rfind('-', last - 1);
    std::error_code is_dir;
    if (before == std::string::npos || !it->is_directory(is_dir)) {
      continue;
    }
    const std::string pid_text = name.substr(before + 1, last - before - 1);
    const std::string n_text = name.substr(last + 1);
    if (pid_text.empty() || n_text.empty() || pid_text.size() > 9 || pid_text.find_first_not_of("0123456789") != std::string::npos ||
        n_text.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const pid_t pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid <= 0 || pid == ::getpid() || process_running(pid)) {
      continue; // alive (or not ours to judge)
    }
    std::error_code rm;
    fs::remove_all(it->path(), rm);
    removed += rm ? 0 : 1;
  }
  return removed;
}

} // namespace eok::util
