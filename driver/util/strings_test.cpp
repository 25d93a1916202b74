#include "util/strings.hpp"

#include <doctest/doctest.h>

using namespace eok::util;

TEST_SUITE("util::strings")
{
  TEST_CASE("split keeps empty fields and join inverts it")
  {
    auto parts = split("a,,b,", ',');
    REQUIRE(parts.size() == 4);
    CHECK(parts[1].empty());
    CHECK(join(parts, ",") == "a,,b,");
  }

  TEST_CASE("trim, prefixes, upper case, replace")
  {
    CHECK(trim("  x y \n") == "x y");
    CHECK(starts_with("eok_relu", "eok_"));
    CHECK_FALSE(ends_with("a", "ab"));
    CHECK(to_upper("llm.base_url") == "LLM.BASE_URL");
    CHECK(replace_all("a.b.c", ".", "_") == "a_b_c");
  }

  TEST_CASE("shell_quote is for display only and quotes what a shell would mangle")
  {
    CHECK(shell_quote("clang-22") == "clang-22");
    CHECK(shell_quote("a b") == "'a b'");
    CHECK(shell_quote("it's") == "'it'\\''s'");
  }

  TEST_CASE("exact gives every digit a double needs to read back")
  {
    CHECK(exact(0.1) == "0.10000000000000001");
    CHECK(std::stod(exact(1.0 / 3)) == 1.0 / 3);
    CHECK(exact(-2.5) == "-2.5");
  }
}
