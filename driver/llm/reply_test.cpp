#include "llm/reply.hpp"

#include <doctest/doctest.h>

using namespace eok::llm;

namespace {

const char* const k_kernel = "#include <riscv_vector.h>\n"
                             "void relu_f32(float* x, size_t n)\n{\n  for (size_t i = 0; i < n; ++i) x[i] = x[i] > 0 ? x[i] : 0;\n}\n";

} // namespace

TEST_SUITE("llm::reply")
{
  TEST_CASE("EoH format: description in braces, then one ```c block")
  {
    std::string reply = std::string("{Clamp with vfmax at LMUL 8.}\n\n```c\n") + k_kernel + "```\nDone.";
    ParsedReply r = parse_reply(reply, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.description == "Clamp with vfmax at LMUL 8.");
    CHECK(r.code == k_kernel);
  }

  TEST_CASE("fence flavours: ```cpp, bare ```, indented, CRLF line ends, code glued to the closing fence")
  {
    for (const char* open : {"```cpp", "```", "  ```C", "````c"}) {
      std::string close = std::string(open).find("````") != std::string::npos ? "````" : "```";
      ParsedReply r = parse_reply(std::string(open) + "\n" + k_kernel + close + "\n", "relu_f32");
      REQUIRE_MESSAGE(r.ok, open);
      CHECK(r.code == k_kernel);
      CHECK(r.description.empty());
    }
    std::string crlf = "{d}\r\n```c\r\nvoid relu_f32(float* x, size_t n)\r\n{\r\n}\r\n```\r\n";
    ParsedReply r = parse_reply(crlf, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code == "void relu_f32(float* x, size_t n)\n{\n}\n");
    r = parse_reply("```c\nvoid relu_f32(float* x, size_t n) { x[0] = 0; }```\n", "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code == "void relu_f32(float* x, size_t n) { x[0] = 0; }\n");
  }

  TEST_CASE("several blocks: the last one defining the entry wins; calls and declarations do not count")
  {
    std::string reply = "Original:\n```c\nvoid relu_f32(float* x, size_t n) { /* v1 */ }\n```\n"
                        "{Unrolled by two.}\n```c\nvoid relu_f32(float* x, size_t n) { /* v2 */ }\n```\n"
                        "Usage:\n```c\nvoid relu_f32(float* x, size_t n);\nint main(void) { relu_f32(0, 0); }\n```\n";
    ParsedReply r = parse_reply(reply, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code.find("v2") != std::string::npos);
    CHECK(r.description == "Unrolled by two.");
    CHECK(defines_function("void f(int a) /* c */ // d\n{", "f"));
    CHECK_FALSE(defines_function("void f(int a);", "f"));
    CHECK_FALSE(defines_function("x = f(1);", "f"));
    CHECK_FALSE(defines_function("void ff(int a) {}", "f"));
    CHECK_FALSE(defines_function("void f_x(int a) {}", "f"));
  }

  TEST_CASE("<think> sections are ignored, including a stray closing tag and their code blocks")
  {
    std::string reply = "<think>\nMaybe ```c\nvoid relu_f32(float* x, size_t n) { /* draft */ }\n```\n{not this}\n</think>\n"
                        "{Final design.}\n```c\nvoid relu_f32(float* x, size_t n) { /* final */ }\n```\n";
    ParsedReply r = parse_reply(reply, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code.find("final") != std::string::npos);
    CHECK(r.description == "Final design.");
    r = parse_reply("thinking without an opening tag {no}\n</think>\n{Yes.}\n```\nvoid relu_f32(void) {}\n```", "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.description == "Yes.");
    r = parse_reply("<THINK>I will write ```c\nvoid relu_f32(void) {}\n``` and", "relu_f32");
    CHECK_FALSE(r.ok);
    CHECK(r.failure == "no code block in reply; the reply ended inside <think> (token limit too small?)");
  }

  TEST_CASE("missing description: the first prose line, or nothing")
  {
    ParsedReply r = parse_reply(std::string("## Approach: process 4 vectors per iteration\n```c\n") + k_kernel + "```", "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.description == "Approach: process 4 vectors per iteration");
    r = parse_reply(std::string("```c\n") + k_kernel + "```\n{Described after the code.}", "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.description == "Described after the code.");
  }

  TEST_CASE("unfenced code is taken from its first C line; an unclosed fence still yields its code")
  {
    ParsedReply r = parse_reply(std::string("{Plain.}\nHere it is:\n") + k_kernel, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code == k_kernel);
    CHECK(r.description == "Plain.");
    r = parse_reply(std::string("```c\n") + k_kernel, "relu_f32");
    REQUIRE(r.ok);
    CHECK(r.code == k_kernel);
  }

  TEST_CASE("no usable code is a failure value with the reason")
  {
    CHECK(parse_reply("", "f").failure == "empty reply");
    CHECK(parse_reply("  \n ", "f").failure == "empty reply");
    CHECK(parse_reply("I cannot help with that.", "f").failure == "no code block in reply");
    CHECK(parse_reply("```python\nprint(1)\n```", "f").failure == "no code block defines `f` (1 blocks)");
    CHECK(parse_reply("```python\nprint(1)\n```", "").failure == "no C code block in reply (1 blocks)");
    ParsedReply any = parse_reply("```c\nint g(void) { return 1; }\n```", "");
    CHECK(any.ok);
    CHECK(parse_reply(std::string("```c\nvoid f(void) {}\n\0\n```", 26), "f").failure == "code contains NUL bytes");
  }
}
