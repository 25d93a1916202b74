// Retrieval units for the RAG index: Markdown notes split at their headings
// (one chunk per section, titled with the heading path), and the idea pool's
// thoughts (description + example code). A chunk is what a prompt receives.
#pragma once

#include "ideas/pool.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace eok::rag {

struct Chunk
{
  std::string source; // "x60-k1-core.md" or "ideas/<idea id>"
  std::string kind;   // "note" | "thought"
  std::string title;  // "X60 core > Caches and memory", or "thought <id>"
  std::string text;   // section body, or the thought's description
  std::string code;   // the thought's example code (notes: empty)
  int line = 0;       // first line of the section / the thought
};

// Longest chunk body; longer sections are split at paragraph boundaries.
constexpr size_t k_max_chunk_chars = 2400;

// One chunk per heading section (`#`..`###`; headings inside ``` fences do not
// count). Text before the first heading and empty sections are skipped.
std::vector<Chunk> chunk_markdown(std::string_view text, const std::string& source);
// One chunk per thought of the pool.
std::vector<Chunk> chunk_thoughts(const ideas::Pool& pool);

} // namespace eok::rag
