// What eok needs from the Meson build it runs inside: the cross files the build
// was configured with (so `eok substitute` / `eok tune` see the build's target
// without repeating it), read from <build root>/meson-private/cmd_line.txt.
#pragma once

#include "target/target.hpp"

#include <string>
#include <vector>

namespace eok::target {

// Absolute cross files of a configured build directory, in order. Throws Fatal
// "…/cmd_line.txt: what" when the directory is not a configured Meson build or
// was configured without a cross file.
std::vector<std::string> build_cross_files(const std::string& build_root);

// Parse a Python list literal of strings as Meson writes it: ['a', "b"].
std::vector<std::string> parse_string_list(const std::string& text, const std::string& where);

// The target of a command: explicit --cross-file files win, else the build
// root's, else the configured default (target.cross_file). model: perf.model
// (non-empty overrides the cross file's eok_model, so every command that makes a
// cache key or a runner sees the model the settings name).
Target resolve_target(const std::vector<std::string>& cross_files, const std::string& build_root, const std::string& default_cross_file,
                      const std::string& model);

} // namespace eok::target
