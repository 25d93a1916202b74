// `eok launch --stats`: what the launcher did, like `ccache -s`. Each launch
// appends one line to a stats file beside the cache (never the cache itself:
// the build writes nothing to it); one write(2) of a short line with O_APPEND,
// so parallel compiles never interleave.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace eok::launch {

enum class Event {
  hit,         // compiled the cached winner
  miss,        // a compile with no winner for its key: original source
  not_compile, // links, preprocessing, several sources: passed through
  unusable,    // cache missing, locked or corrupt, or key failed: original source
};
const char* event_name(Event e);

// `<cache>.launch-stats`.
std::string stats_path_for(const std::string& cache_path);

// Best effort: a stats file that cannot be written never fails a compile.
void record_event(const std::string& stats_path, Event e, const std::string& source, const std::string& detail);

struct Stats
{
  std::map<Event, int64_t> counts;
  std::map<std::string, std::string> substituted; // source -> detail of its latest hit
  std::set<std::string> unusable_reasons;         // why the cache could not be used
};

Stats read_stats(const std::string& stats_path);
std::string format_stats(const Stats& s, const std::string& stats_path);

} // namespace eok::launch
