#include "launch/stats.hpp"

#include "util/fs.hpp"
#include "util/strings.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace eok::launch {

const char* event_name(Event e)
{
  switch (e) {
  case Event::hit:
    return "hit";
  case Event::miss:
    return "miss";
  case Event::not_compile:
    return "not_compile";
  case Event::unusable:
    return "unusable";
  }
  return "?";
}

std::string stats_path_for(const std::string& cache_path)
{
  return cache_path + ".launch-stats";
}

void record_event(const std::string& stats_path, Event e, const std::string& source, const std::string& detail)
{
  std::string line = std::string(event_name(e)) + "\t" + source + "\t" + detail;
  for (char& c : line) {
    c = c == '\n' ? ' ' : c;
  }
  line += "\n";
  const int fd = ::open(stats_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return;
  }
  [[maybe_unused]] const ssize_t n = ::write(fd, line.data(), line.size());
  ::close(fd);
}

Stats read_stats(const std::string& stats_path)
{
  Stats s;
  std::ifstream in(stats_path);
  std::string line;
  while (std::getline(in, line)) {
    const auto parts = util::split(line, '\t');
    if (parts.size() < 3) {
      continue;
    }
    for (Event e : {Event::hit, Event::miss, Event::not_compile, Event::unusable}) {
      if (parts[0] == event_name(e)) {
        ++s.counts[e];
        if (e == Event::hit) {
          s.substituted[parts[1]] = parts[2];
        } else if (e == Event::unusable) {
          s.unusable_reasons.insert(parts[2]);
        }
      }
    }
  }
  return s;
}

std::string format_stats(const Stats& s, const std::string& stats_path)
{
  auto count = [&](Event e) {
    auto it = s.counts.find(e);
    return it == s.counts.end() ? int64_t{0} : it->second;
  };
  std::string out = "eok launch statistics (" + stats_path + ")\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-28s %lld\n", "compiles substituted (hits)", static_cast<long long>(count(Event::hit)));
  out += buf;
  std::snprintf(buf, sizeof buf, "  %-28s %lld\n", "compiles unchanged (misses)", static_cast<long long>(count(Event::miss)));
  out += buf;
  std::snprintf(buf, sizeof buf, "  %-28s %lld\n", "cache unusable (original)", static_cast<long long>(count(Event::unusable)));
  out += buf;
  std::snprintf(buf, sizeof buf, "  %-28s %lld\n", "not a single compile", static_cast<long long>(count(Event::not_compile)));
  out += buf;
  for (const auto& r : s.unusable_reasons) {
    out += "  cache unusable: " + r + "\n";
  }
  out += "substituted files: " + std::to_string(s.substituted.size()) + "\n";
  for (const auto& [source, detail] : s.substituted) {
    out += "  " + source + "  " + detail + "\n";
  }
  return out;
}

} // namespace eok::launch
