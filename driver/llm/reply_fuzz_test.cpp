// Mutation fuzzing of reply parsing: whatever the model sends, parse_reply returns
// a value; ok means non-empty code that defines the entry, failure means a reason.
// Deterministic (fixed seed) so a failure reproduces; the case is printed.
#include "llm/reply.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace eok::llm;

namespace {

const std::vector<std::string>& seeds()
{
  static const std::vector<std::string> s = {
      "{Use LMUL 8.}\n```c\n#include <riscv_vector.h>\nvoid k(float* x, size_t n)\n{\n  for (;;) {}\n}\n```\n",
      "<think>try ```c\nvoid k(void) {}\n```</think>\n{Two blocks.}\n```cpp\nvoid k(int a) { }\n```\n```\nvoid k(int b) {}\n```",
      "Here:\n#include <stdint.h>\nstatic int h(int x) { return x; }\nvoid k(int* p) { *p = h(1); }\n",
      "```c\nvoid k(float* x) { x[0] = 1; }```\n{late}",
      "</think>{a {nested} one}\n````c\n```\nvoid k(void) { /* } */ }\n````\n",
  };
  return s;
}

struct Mutator
{
  uint64_t state;
  uint64_t next()
  {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::string mutate(std::string s)
  {
    static const std::vector<std::string> k_tokens = {
        "```", "```c",    "{", "}",  "(",  ")",  "<think>", "</think>",           "\n", "\r\n",
        "k",   "void k(", ";", "/*", "*/", "//", "\xff",    std::string(1, '\0'), "`",  " "};
    int edits = 1 + static_cast<int>(next() % 6);
    for (int e = 0; e < edits; ++e) {
      size_t pos = s.empty() ? 0 : next() % (s.size() + 1);
      switch (next() % 5) {
      case 0:
        if (!s.empty() && pos < s.size()) {
          s[pos] = static_cast<char>(next() & 0xff);
        }
        break;
      case 1:
        if (pos < s.size()) {
          s.erase(pos, 1 + next() % 12);
        }
        break;
      case 2:
      case 3:
        s.insert(pos, k_tokens[next() % k_tokens.size()]);
        break;
      default:
        s.resize(pos);
        break;
      }
    }
    return s;
  }
};

} // namespace

TEST_SUITE("llm::reply_fuzz")
{
  TEST_CASE("5000 mutated replies: ok with code defining the entry, or a failure with a reason")
  {
    Mutator m{0x7e1a5eedULL};
    int ok = 0;
    for (int i = 0; i < 5000; ++i) {
      const std::string& seed = seeds()[static_cast<size_t>(i) % seeds().size()];
      std::string text = m.mutate(seed);
      const char* entry = i % 7 == 0 ? "" : "k";
      ParsedReply r = parse_reply(text, entry);
      INFO("case " << i << ": " << text);
      if (r.ok) {
        ++ok;
        CHECK(!r.code.empty());
        CHECK(r.code.back() == '\n');
        CHECK(r.failure.empty());
        CHECK(r.description.size() <= 403);
        if (*entry) {
          CHECK(defines_function(r.code, entry));
        }
      } else {
        CHECK(!r.failure.empty());
        CHECK(r.code.empty());
      }
    }
    CHECK(ok > 500);  // most mutations keep some usable code
    CHECK(ok < 5000); // and some destroy it
  }
}
