// What an LLM sees of an NCNN layer file besides the file itself (issue 18 item 2): the
// project headers it includes, found as its compile command finds them (the file's own
// directory, then each -I directory in order), followed breadth-first through their own
// quoted includes. Only headers inside the NCNN tree or its build directory are shown
// (system and compiler headers are known to the model), each once, within a size bound:
// mat.h alone is larger than a useful prompt, so a long header is cut and says so.
#pragma once

#include "ncnn/compile_db.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace eok::ncnn {

struct HeaderText
{
  std::string name; // path relative to the tree (or the build directory)
  std::string text; // possibly cut, with a note of how much was left out
};

struct ContextLimits
{
  size_t per_header = 12000; // characters of one header
  size_t total = 40000;      // characters of all of them
};

std::vector<HeaderText> included_headers(const CompileEntry& entry, const std::string& source_dir, const std::string& build_dir,
                                         const ContextLimits& limits = {});

// The headers as one prompt block ("" when there are none).
std::string context_block(const std::vector<HeaderText>& headers);

} // namespace eok::ncnn
