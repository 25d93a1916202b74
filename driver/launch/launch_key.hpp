// The compiler launcher's cache key: the exact bytes of the source and of every
// file it includes (as the compiler itself resolves them, system headers too),
// the flags that decide the code, the compiler's path and `--version`, and the
// target options. `eok ncnn tune` stores winners under the same key, computed
// from the same command in the same directory, so a build substitutes exactly
// what was verified and any edit of any input misses.
#pragma once

#include "cache/key.hpp"
#include "launch/compile_line.hpp"

#include <string>

namespace eok::launch {

constexpr const char* k_launch_key_format = "eok-launch-key-1";

// The `launch.source` field's digest as Key::explain shows it: a cheap test of
// whether any stored winner could be for this source before the (costly)
// dependency query runs.
std::string source_digest(const std::string& source_bytes);

// Runs the dependency query in `cwd` (empty: the current directory). Throws
// Fatal when the query fails or an included file cannot be read.
cache::Key launch_key(const CompileLine& line, const std::string& cwd = {});

} // namespace eok::launch
