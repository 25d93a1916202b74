#include "kernel/expr.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace eok;
using kernel::Expr;

namespace {

Expected<int64_t> eval(const std::string& text, const std::map<std::string, int64_t>& vars = {})
{
  Expected<Expr> e = Expr::parse(text);
  if (!e) {
    return Expected<int64_t>::fail("parse: " + e.error());
  }
  return e->eval([&vars](const std::string& n) -> std::optional<int64_t> {
    auto it = vars.find(n);
    return it == vars.end() ? std::nullopt : std::optional(it->second);
  });
}

} // namespace

TEST_SUITE("kernel::expr")
{
  TEST_CASE("arithmetic with precedence, parentheses and names")
  {
    CHECK(eval("1 + 2 * 3").value() == 7);
    CHECK(eval("(1 + 2) * 3").value() == 9);
    CHECK(eval("10 - 4 - 3").value() == 3);
    CHECK(eval("100 / 10 / 5").value() == 2);
    CHECK(eval("-3 * -(2 + 1)").value() == 9);
    CHECK(eval("n * (c + 2) / 2", {{"n", 4}, {"c", 3}}).value() == 10);
    CHECK(eval("  7  ").value() == 7);
    CHECK(eval("7 / 2").value() == 3);
  }

  TEST_CASE("comparisons and logic for knob constraints")
  {
    std::map<std::string, int64_t> v = {{"EOK_LMUL", 4}, {"EOK_UNROLL", 2}};
    CHECK(eval("EOK_LMUL * EOK_UNROLL <= 8", v).value() == 1);
    CHECK(eval("EOK_LMUL * EOK_UNROLL < 8", v).value() == 0);
    CHECK(eval("EOK_LMUL == 4 && EOK_UNROLL != 2", v).value() == 0);
    CHECK(eval("EOK_LMUL == 4 || EOK_UNROLL != 2", v).value() == 1);
    CHECK(eval("!(EOK_LMUL > 2)", v).value() == 0);
    CHECK(eval("1 < 2 == 1").value() == 1);
    CHECK(eval("0 || 0 && 1").value() == 0);
    CHECK(eval("1 >= 1").value() == 1);
  }

  TEST_CASE("names and condition flag")
  {
    Expr e = Expr::parse("a*b + a").value();
    CHECK(e.names() == std::set<std::string>{"a", "b"});
    CHECK_FALSE(e.is_condition());
    CHECK(Expr::parse("a <= 2").value().is_condition());
    CHECK(Expr::parse("!a").value().is_condition());
    CHECK_FALSE(Expr::parse("-a").value().is_condition());
  }

  TEST_CASE("errors say what and where")
  {
    CHECK(Expr::parse("").error() == "expected a number, a name or '(' at the end");
    CHECK(Expr::parse("1 +").error() == "expected a number, a name or '(' at the end");
    CHECK(Expr::parse("(1 + 2").error() == "expected ')' at the end");
    CHECK(Expr::parse("1 + 2)").error() == "unexpected ')' at column 6");
    CHECK(Expr::parse("n % 2").error() == "unexpected '%' at column 3");
    CHECK(Expr::parse("2.5 * n").error() == "unexpected '.' (only integers) at column 2");
    CHECK(Expr::parse("99999999999999999999").error() == "integer too large at column 1");
    CHECK(eval("n + 1").error() == "unknown name 'n'");
    CHECK(eval("4 / (n - 2)", {{"n", 2}}).error() == "division by zero in '4 / (n - 2)'");
    CHECK(eval("9223372036854775807 + 1").error() == "integer overflow in '9223372036854775807 + 1'");
    CHECK(eval("3037000500 * 3037000500").error() == "integer overflow in '3037000500 * 3037000500'");
  }

  TEST_CASE("deep nesting is an error, not a stack overflow")
  {
    std::string deep(10000, '(');
    CHECK(Expr::parse(deep).error().rfind("expression nested too deeply at column ", 0) == 0);
    std::string negs(10000, '-');
    CHECK_FALSE(Expr::parse(negs + "1").ok());
  }
}
