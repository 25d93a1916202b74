// Reply parsing: the code and the one-sentence design description out of an LLM
// answer. Models wrap code in markdown fences (```c, ```cpp, bare ```), show several
// blocks, think aloud in <think>…</think>, skip the EoH "{description}", or answer
// with garbage; none of that may crash the search. A reply without usable code is
// a value with a reason (a recorded failure), never an exception.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eok::llm {

struct ParsedReply
{
  bool ok = false;
  std::string description; // may be empty: a missing description is tolerated
  std::string code;
  std::string failure; // !ok: why there is no usable code
};

// `entry`: the function the candidate must define ("" accepts any code block).
// Among several blocks the last one that defines `entry` wins (models tend to
// show the original or a sketch first and the finished kernel last).
ParsedReply parse_reply(std::string_view reply, std::string_view entry);

// Exposed for tests.
struct CodeBlock
{
  std::string info; // the fence's info string ("c", "cpp", "")
  std::string code;
  size_t start = 0;   // offset of the opening fence in the cleaned text
  size_t end = 0;     // offset just past the closing fence (or the text's end)
  bool closed = true; // false: the reply ended inside the block
};
std::vector<CodeBlock> code_blocks(std::string_view text);
// True if `code` defines (not merely declares or calls) function `entry`.
bool defines_function(std::string_view code, std::string_view entry);
// The reply without <think>…</think> sections (and text before a stray </think>).
std::string strip_thinking(std::string_view reply, bool& unterminated);

} // namespace eok::llm
