// CMake's compile_commands.json: the exact command, directory and output of
// every compile, so a candidate is built precisely as the build builds the file
// it replaces (and its launcher key is the one the build will compute).
#pragma once

#include <string>
#include <vector>

namespace eok::ncnn {

struct CompileEntry
{
  std::string directory;         // where the command runs
  std::string file;              // absolute source path
  std::string output;            // object, relative to directory (as CMake writes it)
  std::vector<std::string> argv; // the command split into words
};

// Throws Fatal "path:line: what" for malformed JSON or entries.
std::vector<CompileEntry> read_compile_db(const std::string& path);
std::vector<CompileEntry> parse_compile_db(const std::string& text, const std::string& path);

// POSIX-shell word splitting of a "command" string: quotes and backslashes, no
// expansion (what CMake writes).
std::vector<std::string> split_command(const std::string& command);

// The entry whose source file ends with `/suffix` (e.g. "src/layer/riscv/relu_riscv.cpp").
const CompileEntry* find_entry(const std::vector<CompileEntry>& db, const std::string& suffix);

} // namespace eok::ncnn
