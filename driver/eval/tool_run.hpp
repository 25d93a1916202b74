// The evaluator's runs of trusted tools (compiler, linker, nm, objdump): bounded in
// time and output like every other process, and one way to show what they printed.
#pragma once

#include "util/process.hpp"

#include <string>
#include <vector>

namespace eok::eval {

util::ProcessResult run_tool(const std::vector<std::string>& argv, const std::string& cwd);

// stdout + stderr, plus how the tool ended when it did not exit normally.
std::string tool_output(const util::ProcessResult& r);

} // namespace eok::eval
