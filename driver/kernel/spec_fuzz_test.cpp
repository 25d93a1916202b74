// Mutation fuzzing of the kernel.toml parser (STYLE.md: fuzz parsers): whatever the bytes, parse_spec either
// succeeds (and then the spec is internally consistent) or throws one Fatal naming
// the file. Deterministic (fixed seed), so a failure reproduces; the mutated text
// is printed on failure.
#include "kernel/spec.hpp"
#include "util/error.hpp"
#include "util/strings.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace eok;

namespace {

// Richer than relu: several sizes, a param, an inout, knobs with a constraint.
const char* const k_base = R"TOML([kernel]
name = "convdw"
suite = "nn"
description = "depthwise 3x3"
entry = "eok_k"
source = "k.c"
signature = "void eok_k(const float* x, const float* w, float* y, long c, long h, long w2, float a)"

[sizes]
c = { min = 1 }
h = { min = 3, max = 512 }
w2 = { min = 3, multiple_of = 1 }

[[args]]
name = "x"
type = "f32*"
role = "in"
len = "c * h * w2"
range = [-2.0, 2.0]
special = ["nan", "inf", "-0", "denorm"]

[[args]]
name = "w"
type = "f32*"
role = "in"
len = "c * 9"

[[args]]
name = "y"
type = "f32*"
role = "inout"
len = "c * (h - 2) * (w2 - 2)"

[[args]]
name = "c"
type = "i64"
role = "size"

[[args]]
name = "h"
type = "i64"
role = "size"

[[args]]
name = "w2"
type = "i64"
role = "size"

[[args]]
name = "a"
type = "f32"
role = "param"
value = 0.5

[tolerance]
abs = 1e-5
rel = 1e-4
nan = "any"
ulp = 4

[shapes]
test = [ { c = 1, h = 3, w2 = 3 }, { c = 3, h = 7, w2 = 9 }, { c = 17, h = 5, w2 = 67 } ]
perf = { c = 32, h = 58, w2 = 58 }

[perf]
flops = "c * (h - 2) * (w2 - 2) * 18"
bytes = "4 * (c * h * w2 + c * (h - 2) * (w2 - 2))"

[[knobs]]
name = "EOK_LMUL"
values = [1, 2, 4, 8]
default = 4

[[knobs]]
name = "EOK_UNROLL"
values = [1, 2]
default = 1
constraint = "EOK_LMUL * EOK_UNROLL <= 8 && EOK_UNROLL >= 1"
)TOML";

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
    // TOML punctuation, digits, names the format uses and expression operators.
    static const std::vector<std::string> k_tokens = {
        "[",        "]",         "=",        "\"", "'",          ".",     "#",    "\n",    "\\",   "{",   "}",
        ",",        "0",         "1",        "-1", "9999999999", "n",     "x",    "y",     "*",    "/",   "(",
        ")",        "<=",        "&&",       "in", "out",        "inout", "size", "param", "f32*", "i64", "nan",
        "[[args]]", "[[knobs]]", "[shapes]", " ",  "\t",         "\x01",  "\xff", "1e400", "-0.0", "true"};
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t pos = next() % s.size();
      const std::string& tok = k_tokens[next() % k_tokens.size()];
      switch (next() % 5) {
      case 0:
        s.replace(pos, std::min<size_t>(tok.size(), s.size() - pos), tok);
        break;
      case 1:
        s.erase(pos, 1 + next() % 8);
        break;
      case 2:
        s.insert(pos, tok);
        break;
      case 3: {
        // Duplicate a line: repeated keys, tables and args.
        size_t start = s.rfind('\n', pos);
        start = start == std::string::npos ? 0 : start + 1;
        size_t end = s.find('\n', pos);
        end = end == std::string::npos ? s.size() : end + 1;
        s.insert(end, s.substr(start, end - start));
        break;
      }
      default:
        s.resize(pos);
        break;
      }
    }
    return s;
  }
};

} // namespace

TEST_SUITE("kernel::fuzz")
{
  TEST_CASE("3000 mutated kernel.toml files: a consistent spec or one Fatal naming the file")
  {
    std::string base = k_base;
    REQUIRE_NOTHROW(kernel::parse_spec(base, "fuzz/kernel.toml"));
    Mutator m{0x6b65726e656cULL};
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string text = m.mutate(base);
      INFO("iteration " << i << ", text:\n" << text);
      try {
        kernel::Spec s = kernel::parse_spec(text, "fuzz/kernel.toml");
        ++accepted;
        // Whatever was accepted must be usable by the harness generator.
        CHECK_FALSE(s.test_shapes.empty());
        for (const auto& a : s.args) {
          if (a.pointer) {
            for (const auto& shape : s.test_shapes) {
              CHECK(kernel::arg_length(a, shape) >= 0);
            }
          }
        }
      } catch (const Fatal& e) {
        CHECK(util::starts_with(e.what(), "fuzz/kernel.toml"));
      }
    }
    // Some mutations (comments, whitespace) keep the spec valid; most must not.
    CHECK(accepted > 0);
    CHECK(accepted < 3000);
  }
}
