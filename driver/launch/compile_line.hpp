// A compiler command line as a build system hands it to a launcher
// (CMAKE_<LANG>_COMPILER_LAUNCHER): which words are further launchers (ccache),
// which is the compiler, which is the one source file, and which flags only name
// outputs (-o, depfile options) and so cannot change the object's code.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace eok::launch {

struct CompileLine
{
  std::vector<std::string> argv;      // the whole command as given
  size_t compiler_index = 0;          // argv[compiler_index] is the compiler (after ccache, sccache, distcc)
  std::optional<size_t> source_index; // the single source file, when this is a compile (-c) of one
  std::optional<size_t> output_index; // the -o value's word, if any

  [[nodiscard]] bool is_single_compile() const { return source_index.has_value(); }
  [[nodiscard]] const std::string& compiler() const { return argv[compiler_index]; }
  [[nodiscard]] const std::string& source() const { return argv[*source_index]; }
  // Flags after the compiler without the source, -o and depfile options
  // (-MD, -MMD, -MF/-MT/-MQ and their values): what decides the code.
  [[nodiscard]] std::vector<std::string> code_flags() const;
  // The command with the source replaced by `new_source`, `extra` inserted
  // before it (e.g. -iquote DIR, winner flags).
  [[nodiscard]] std::vector<std::string> with_source(const std::string& new_source, const std::vector<std::string>& extra) const;
  // Compiler + code flags + source, with `-M` (list every file it includes) in
  // place of compiling: the dependency query for the key.
  [[nodiscard]] std::vector<std::string> dependency_query() const;
};

// Launchers that may sit between eok-launch and the compiler.
bool is_known_launcher(const std::string& word);

CompileLine parse_compile_line(const std::vector<std::string>& argv);

// Files of a Makefile-syntax dependency list (`obj: a.cpp b.h \` …), `\ ` unescaped.
std::vector<std::string> parse_dependency_list(const std::string& text);

} // namespace eok::launch
