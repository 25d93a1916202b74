// Building small C programs for the target (validation microkernels, tests) with the
// cross file's compiler and flags.
#pragma once

#include "target/target.hpp"
#include "util/error.hpp"

#include <string>
#include <vector>

namespace eok::perf {

// Writes `source` to <dir>/<name>.c and links <dir>/<name>; returns the binary's path,
// or the compiler's complaint.
Expected<std::string> build_program(const target::Target& target, const std::string& dir, const std::string& name,
                                    const std::string& source, const std::vector<std::string>& flags = {});

} // namespace eok::perf
