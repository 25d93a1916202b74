#include "launch/launcher.hpp"

#include "launch/launch_key.hpp"
#include "launch/stats.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <cstdio>
#include <unistd.h>

namespace eok::launch {

namespace {

void write_all(int fd, const std::string& s)
{
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0) {
      return;
    }
    done += static_cast<size_t>(n);
  }
}

int run_passing_output(const std::vector<std::string>& argv)
{
  util::ProcessSpec spec;
  spec.argv = argv;
  spec.output_cap = size_t{256} << 20; // a compiler's diagnostics, never cut short in practice
  const util::ProcessResult r = util::run_process(spec);
  write_all(1, r.out);
  write_all(2, r.err);
  switch (r.status) {
  case util::ProcessResult::Status::exited:
    return r.exit_code;
  case util::ProcessResult::Status::signaled:
    return 128 + r.term_signal;
  default:
    write_all(2, "eok-launch: " + util::join(argv, " ") + ": " + (r.error.empty() ? r.describe() : r.error) + "\n");
    return 1;
  }
}

} // namespace

std::string winner_file_for(const CompileLine& line)
{
  const util::fs::path src(line.source());
  const std::string name = src.stem().string() + ".eok" + src.extension().string();
  if (line.output_index) {
    const util::fs::path out(line.argv[*line.output_index]);
    return (out.parent_path() / (out.filename().string() + ".eok" + src.extension().string())).string();
  }
  return name;
}

std::string winner_text(const cache::Winner& w)
{
  std::string text;
  for (const auto& [name, value] : w.defines) {
    text += "#define " + name + " " + std::to_string(value) + "\n";
  }
  return text + w.source;
}

std::vector<std::string> substituted_command(const CompileLine& line, const cache::Winner& w)
{
  const std::string file = winner_file_for(line);
  util::write_file_if_changed(file, winner_text(w));
  const util::fs::path src_dir = util::fs::absolute(util::fs::path(line.source())).parent_path();
  std::vector<std::string> extra{"-iquote", src_dir.string()};
  extra.insert(extra.end(), w.flags.begin(), w.flags.end());
  return line.with_source(file, extra);
}

std::optional<cache::Winner> find_winner_for(const CompileLine& line, const std::string& cache_path)
{
  if (!util::fs::exists(cache_path)) {
    throw Fatal(cache_path + ": no such cache");
  }
  cache::OpenMode mode;
  mode.create = false;
  mode.read_only = true;
  mode.stamps = false;
  cache::Cache c = cache::Cache::open(cache_path, mode);
  // Cheap first: only a source some winner was stored for is worth the
  // dependency query (a preprocessor run).
  const std::string needle = "  launch.source = sha256:" + source_digest(util::read_file(line.source()));
  bool candidate = false;
  for (const auto& w : c.winners()) {
    candidate = candidate || w.key_explain.find(needle) != std::string::npos;
  }
  if (!candidate) {
    return std::nullopt;
  }
  return c.find_winner(launch_key(line).hex);
}

int run_launch(const std::vector<std::string>& argv, const LaunchOptions& opt)
{
  auto warn = [&](const std::string& text) {
    if (opt.warn) {
      opt.warn(text);
    } else {
      write_all(2, "eok-launch: warning: " + text + "\n");
    }
  };
  const CompileLine line = parse_compile_line(argv);
  if (!line.is_single_compile()) {
    if (!opt.stats_path.empty()) {
      record_event(opt.stats_path, Event::not_compile, "-", util::fs::path(line.compiler()).filename().string());
    }
    return run_passing_output(argv);
  }
  const std::string source = line.source();
  std::optional<cache::Winner> winner;
  try {
    winner = find_winner_for(line, opt.cache_path);
  } catch (const Fatal& e) {
    // One warning per reason (not one per compile of a 500-file build); the
    // statistics remember which were given until --zero-stats.
    if (opt.stats_path.empty() || read_stats(opt.stats_path).unusable_reasons.count(e.what()) == 0) {
      warn(std::string(e.what()) + "; compiling " + source + " unchanged (warned once; see eok launch --stats)");
    }
    record_event(opt.stats_path, Event::unusable, source, e.what());
    return run_passing_output(argv);
  }
  if (!winner) {
    record_event(opt.stats_path, Event::miss, source, "-");
    return run_passing_output(argv);
  }
  if (winner->defines.empty() && winner->flags.empty() && winner->source == util::read_file(source)) {
    // Tuned, and nothing beat the original: compile it as it is.
    record_event(opt.stats_path, Event::miss, source, "ker0 stays");
    return run_passing_output(argv);
  }
  std::vector<std::string> cmd;
  try {
    cmd = substituted_command(line, *winner);
  } catch (const Fatal& e) {
    warn(std::string(e.what()) + "; compiling " + source + " unchanged");
    record_event(opt.stats_path, Event::unusable, source, e.what());
    return run_passing_output(argv);
  }
  util::ProcessSpec spec;
  spec.argv = cmd;
  spec.output_cap = size_t{256} << 20;
  const util::ProcessResult r = util::run_process(spec);
  if (!r.succeeded()) {
    // Verified with this very command when it was stored; if it fails now the
    // build still gets the original, and says so.
    warn("the cached winner for " + source + " (key " + winner->key.substr(0, 12) + ") did not compile (" +
         (r.error.empty() ? r.describe() : r.error) + "); compiling the original");
    record_event(opt.stats_path, Event::unusable, source, "winner failed to compile");
    return run_passing_output(argv);
  }
  write_all(1, r.out);
  write_all(2, r.err);
  record_event(opt.stats_path, Event::hit, source,
               winner->kernel + " key " + winner->key.substr(0, 16) + " " + util::fixed(winner->speedup, 3) + "x");
  return 0;
}

} // namespace eok::launch
