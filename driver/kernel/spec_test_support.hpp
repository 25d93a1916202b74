// Helpers for the doctest suites that read kernel.toml text or kernel directories (kernel/,
// eval/, cache/, integrate/), never linked into eok: the minimal valid spec, a spec with one
// piece replaced, the error a text gets, and a kernel directory with only its layout.
#pragma once

#include "kernel/spec.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

#include <string>

namespace eok::testing {

// The smallest spec the rules accept: a unary f32 kernel f(x, y, n) checked with a
// tolerance, two test shapes and a perf shape. Tests append tables (knobs) to it.
inline const char* const k_unary_spec = R"TOML([kernel]
name = "t"
suite = "s"
description = "d"
entry = "f"
source = "f.c"
signature = "void f(const float* x, float* y, long n)"
[sizes]
n = { min = 0 }
[[args]]
name = "x"
type = "f32*"
role = "in"
len = "n"
[[args]]
name = "y"
type = "f32*"
role = "out"
len = "n"
[[args]]
name = "n"
type = "i64"
role = "size"
[tolerance]
abs = 1e-3
rel = 1e-2
ulp = 0
[shapes]
test = [ { n = 2 }, { n = 3 } ]
perf = { n = 8 }
[perf]
flops = "n"
)TOML";

// A kernel directory as far as its layout goes (kernel/layout.hpp: a kernel.toml whose source
// names k.c, and k.c holding `source`), what cache keys and substitution read; the spec rules
// do not apply (nothing here parses the rest). Returns k.c's path.
inline std::string write_layout_kernel(const ScratchDir& dir, const std::string& source)
{
  util::write_file_atomic(dir.file("kernel.toml"), "[kernel]\nname = \"k\"\nsource = \"k.c\"\n");
  util::write_file_atomic(dir.file("k.c"), source);
  return dir.file("k.c");
}

// `text` with its first `from` replaced by `to`; `from` must be there.
inline std::string replaced(std::string text, const std::string& from, const std::string& to)
{
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The Fatal message parse_spec gives `text` read as k/kernel.toml, or "(no error)".
inline std::string spec_error(const std::string& text)
{
  try {
    (void)kernel::parse_spec(text, "k/kernel.toml");
  } catch (const Fatal& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace eok::testing
