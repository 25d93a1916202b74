#include "util/json_write.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using eok::util::json_number;
using eok::util::json_number_exact;
using eok::util::json_quote;

TEST_SUITE("util::json_write")
{
  TEST_CASE("strings are escaped; invalid UTF-8 becomes U+FFFD, valid UTF-8 passes")
  {
    CHECK(json_quote("a\"b\\c\n\t\r") == "\"a\\\"b\\\\c\\n\\t\\r\"");
    CHECK(json_quote("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80") == "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
    CHECK(json_quote("\xff") == "\"\\ufffd\"");
    CHECK(json_quote("\xc3") == "\"\\ufffd\"");
    CHECK(json_quote("\xc0\xaf") == "\"\\ufffd\\ufffd\"");            // overlong
    CHECK(json_quote("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\""); // surrogate
  }

  TEST_CASE("every control character is escaped, none passes raw")
  {
    CHECK(json_quote(std::string("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
    CHECK(json_quote("\b\f\x1b[0m") == "\"\\u0008\\u000c\\u001b[0m\"");
    for (int c = 0; c < 0x20; ++c) {
      std::string q = json_quote(std::string(1, static_cast<char>(c)));
      CHECK(q.size() > 3);
      CHECK(q[1] == '\\');
    }
  }

  TEST_CASE("numbers: shortest round-trip text, non-finite as 0")
  {
    CHECK(json_number(0.7) == "0.7");
    CHECK(json_number(2) == "2");
    CHECK(json_number(-1.5e-9) == "-1.5e-09");
    CHECK(json_number(NAN) == "0");
    CHECK(json_number(INFINITY) == "0");
  }

  TEST_CASE("exact numbers: every digit (%.17g, as verdict JSON always held them), non-finite as null")
  {
    CHECK(json_number_exact(0.1) == "0.10000000000000001");
    CHECK(json_number_exact(2) == "2");
    CHECK(json_number_exact(461881) == "461881");
    CHECK(json_number_exact(NAN) == "null");
    CHECK(json_number_exact(-INFINITY) == "null");
  }
}
