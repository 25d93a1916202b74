// `eok launch` / `eok-launch`: the compiler launcher for CMake builds
// (CMAKE_<LANG>_COMPILER_LAUNCHER), its statistics, and storing a winner made
// elsewhere under a compile's launcher key. The compile form takes the build's
// command verbatim, so the command row is `raw` and parses its own words.
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "launch/launch_key.hpp"
#include "launch/launcher.hpp"
#include "launch/stats.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>

namespace eok::app {

namespace {

struct LaunchArgs
{
  std::optional<std::string> cache;
  bool stats = false, zero_stats = false, explain = false, verified = false;
  std::string put; // --put FILE
  std::vector<std::string> command;
};

LaunchArgs parse_launch_args(const std::vector<std::string>& words)
{
  LaunchArgs a;
  size_t i = 0;
  auto value = [&](const std::string& flag) {
    const std::string& w = words[i];
    if (w.size() > flag.size() && w[flag.size()] == '=') {
      return w.substr(flag.size() + 1);
    }
    if (i + 1 >= words.size()) {
      throw UsageError("eok launch: option '" + flag + "' needs a value");
    }
    return words[++i];
  };
  for (; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "--") {
      ++i;
      break;
    }
    if (!util::starts_with(w, "--")) {
      break;
    }
    if (w == "--stats") {
      a.stats = true;
    } else if (w == "--zero-stats") {
      a.zero_stats = true;
    } else if (w == "--explain") {
      a.explain = true;
    } else if (w == "--verified") {
      a.verified = true;
    } else if (util::starts_with(w, "--cache")) {
      a.cache = value("--cache");
    } else if (util::starts_with(w, "--put")) {
      a.put = value("--put");
    } else {
      throw UsageError("eok launch: unknown option '" + w + "' (see `eok launch --help`)");
    }
  }
  a.command.assign(words.begin() + static_cast<long>(i), words.end());
  return a;
}

int store_manual_winner(const LaunchArgs& a, const std::string& cache_path)
{
  const launch::CompileLine line = launch::parse_compile_line(a.command);
  if (!line.is_single_compile()) {
    throw UsageError("eok launch --put: the command is not a compile (-c) of one source file");
  }
  const cache::Key key = launch::launch_key(line);
  cache::Winner w;
  w.key = key.hex;
  w.key_explain = key.explain();
  w.kernel = "launch/" + util::fs::path(line.source()).stem().string();
  w.source = util::read_file(a.put);
  w.cycles = 1;
  w.speedup = 1;
  w.runner = "none";
  w.verified = a.verified;
  w.parent = "manual";
  w.llm_model = "none";
  cache::Cache c = cache::Cache::open(cache_path);
  const cache::PutResult r = c.put_winner(w);
  std::printf("%s %s for %s\n", r == cache::PutResult::kept_existing ? "kept the stored winner" : "stored a winner", key.hex.c_str(),
              line.source().c_str());
  return 0;
}

} // namespace

Command launch_command()
{
  return {"launch",
          "compiler launcher for CMake (CMAKE_<LANG>_COMPILER_LAUNCHER): compile cached winners for exactly "
          "matching compiles, else the command unchanged",
          "[--cache FILE] COMPILER ARGS...  |  --stats | --zero-stats  |  --explain -- COMPILER ARGS...  |  "
          "--put FILE [--verified] -- COMPILER ARGS...",
          {flag::cache("winners cache; give an absolute path for builds"),
           {"--stats", false, false, "hits, misses and substituted files since the last --zero-stats"},
           {"--zero-stats", false, false, "clear the statistics"},
           {"--explain", false, false, "print the compile's launcher key and what it hashes"},
           {"--put", true, false, "FILE  store FILE as the winner for the compile's key (a hand-made winner)"},
           {"--verified", false, false, "with --put: the caller checked it, the build applies it"}},
          [](Context& ctx, const Args& args) {
            const LaunchArgs a = parse_launch_args(args.positional());
            std::string cache_path;
            try {
              cache_path = a.cache ? *a.cache : ctx.settings().get().cache_path;
            } catch (const Fatal& e) {
              if (a.command.empty() || a.explain || !a.put.empty()) {
                throw;
              }
              // A bad eok.toml must not break the build: the original compile.
              std::fprintf(stderr, "eok-launch: warning: %s; compiling unchanged\n", e.what());
              return launch::run_launch(a.command, {});
            }
            cache_path = util::fs::absolute(cache_path).lexically_normal().string();
            const std::string stats_path = launch::stats_path_for(cache_path);
            if (a.zero_stats) {
              util::fs::remove(stats_path);
              std::printf("statistics cleared (%s)\n", stats_path.c_str());
              return 0;
            }
            if (a.stats) {
              std::printf("%s", launch::format_stats(launch::read_stats(stats_path), stats_path).c_str());
              return 0;
            }
            if (a.command.empty()) {
              throw UsageError("eok launch: expected a compiler command, --stats or --zero-stats");
            }
            if (a.explain) {
              const launch::CompileLine line = launch::parse_compile_line(a.command);
              std::printf("%s", launch::launch_key(line).explain().c_str());
              return 0;
            }
            if (!a.put.empty()) {
              return store_manual_winner(a, cache_path);
            }
            launch::LaunchOptions opt;
            opt.cache_path = cache_path;
            opt.stats_path = stats_path;
            return launch::run_launch(a.command, opt);
          },
          true};
}

} // namespace eok::app
