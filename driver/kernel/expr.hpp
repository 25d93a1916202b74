// Integer expressions of kernel.toml: argument lengths over sizes ("n * c + 2"),
// flop counts, and knob constraints ("EOK_LMUL * EOK_UNROLL <= 8"). Parsed once,
// evaluated many times; arithmetic is checked (overflow and division by zero are
// errors, never undefined behaviour).
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace eok::kernel {

class Expr
{
public:
  // Grammar (lowest precedence first): || , && , == != < <= > >= , + - , * / , unary - ! , atoms
  // (integers, names [A-Za-z_][A-Za-z0-9_]*, parentheses). Error text says what and where
  // ("unexpected ')' at column 5"), for the caller to locate in its file.
  static Expected<Expr> parse(std::string_view text);

  // Lookup returns nullopt for an unknown name. Errors: unknown name, division by zero, overflow.
  [[nodiscard]] Expected<int64_t> eval(const std::function<std::optional<int64_t>(const std::string&)>& lookup) const;

  [[nodiscard]] const std::set<std::string>& names() const { return m_names; }
  // True when the expression uses comparisons or logic (a condition, not a quantity).
  [[nodiscard]] bool is_condition() const { return m_condition; }
  [[nodiscard]] const std::string& text() const { return m_text; }

  Expr() = default;

private:
  enum class Op { number, name, neg, lnot, add, sub, mul, div, lt, le, gt, ge, eq, ne, land, lor };
  struct Node
  {
    Op op = Op::number;
    int64_t value = 0;
    std::string name;
    int lhs = -1;
    int rhs = -1;
  };
  friend class ExprParser;
  [[nodiscard]] Expected<int64_t> eval_node(int index, const std::function<std::optional<int64_t>(const std::string&)>& lookup) const;

  std::vector<Node> m_nodes; // tree in a vector (copyable); m_root indexes it
  int m_root = -1;
  std::set<std::string> m_names;
  bool m_condition = false;
  std::string m_text;
};

} // namespace eok::kernel
