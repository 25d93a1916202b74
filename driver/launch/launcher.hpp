// The compiler launcher (`eok-launch`, `eok launch`): for a compile whose exact
// key has a verified winner in the cache, compile the winner instead; for
// anything else, run the command unchanged. It never calls an LLM, uses no
// network and opens the cache read-only; a missing, locked or corrupt cache
// (or a winner that no longer compiles) means the original command and one
// warning line. Composes with ccache: `eok-launch ccache clang++ …` hands ccache
// the winner's file, so ccache's own key sees what is really compiled.
#pragma once

#include "cache/cache.hpp"
#include "launch/compile_line.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eok::launch {

struct LaunchOptions
{
  std::string cache_path; // absolute
  std::string stats_path; // empty: no statistics
  // Warning sink ("eok-launch: warning: …" lines); stderr when empty.
  std::function<void(const std::string&)> warn;
};

// The file the winner is written to for a compile: beside its object
// (`<object>.eok<ext>`), else in the current directory.
std::string winner_file_for(const CompileLine& line);

// The winner's text as compiled: knob defines prepended as #define lines.
std::string winner_text(const cache::Winner& w);

// What to compile for `line`: the command with the winner file in place of the
// source (plus -iquote of the original's directory, so its quoted includes still
// resolve, and the winner's flags), after writing that file.
std::vector<std::string> substituted_command(const CompileLine& line, const cache::Winner& w);

// Runs the build's command (or its substitute); returns the exit status to
// exit with. The compiler's output is passed through.
int run_launch(const std::vector<std::string>& argv, const LaunchOptions& opt);

// The winner stored for this compile's exact key, if any (read-only open).
// Throws Fatal when the cache cannot be read.
std::optional<cache::Winner> find_winner_for(const CompileLine& line, const std::string& cache_path);

} // namespace eok::launch
