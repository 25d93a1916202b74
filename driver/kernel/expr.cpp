#include "kernel/expr.hpp"

#include <cctype>

namespace eok::kernel {

namespace {

// Deep nesting is bounded so a hostile spec cannot exhaust the stack.
constexpr int k_max_depth = 64;

} // namespace

// Recursive descent over the text; each level returns a node index or an error.
class ExprParser
{
public:
  ExprParser(std::string_view text, Expr& out)
    : m_text(text)
    , m_out(out)
  {
  }

  Expected<int> parse_all()
  {
    Expected<int> root = parse_level(0, 0);
    if (!root) {
      return root;
    }
    skip_space();
    if (m_pos < m_text.size()) {
      return fail("unexpected '" + std::string(1, m_text[m_pos]) + "'");
    }
    return root;
  }

private:
  // Binary levels, lowest precedence first; level 5 is unary.
  static const std::vector<std::vector<std::pair<std::string_view, Expr::Op>>>& levels()
  {
    using O = Expr::Op;
    static const std::vector<std::vector<std::pair<std::string_view, Expr::Op>>> table = {
        {{"||", O::lor}},
        {{"&&", O::land}},
        {{"==", O::eq}, {"!=", O::ne}, {"<=", O::le}, {">=", O::ge}, {"<", O::lt}, {">", O::gt}},
        {{"+", O::add}, {"-", O::sub}},
        {{"*", O::mul}, {"/", O::div}},
    };
    return table;
  }

  Expected<int> fail(const std::string& what) const
  {
    if (m_pos >= m_text.size()) {
      return Expected<int>::fail(what + " at the end");
    }
    return Expected<int>::fail(what + " at column " + std::to_string(m_pos + 1));
  }

  void skip_space()
  {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t')) {
      ++m_pos;
    }
  }

  bool accept(std::string_view tok)
  {
    skip_space();
    if (m_text.substr(m_pos, tok.size()) == tok) {
      m_pos += tok.size();
      return true;
    }
    return false;
  }

  int add(Expr::Op op, int lhs, int rhs)
  {
    Expr::Node n;
    n.op = op;
    n.lhs = lhs;
    n.rhs = rhs;
    m_out.m_nodes.push_back(n);
    if (op >= Expr::Op::lnot && op != Expr::Op::add && op != Expr::Op::sub && op != Expr::Op::mul && op != Expr::Op::div) {
      m_out.m_condition = true;
    }
    return static_cast<int>(m_out.m_nodes.size()) - 1;
  }

  Expected<int> parse_level(size_t level, int depth)
  {
    if (depth > k_max_depth) {
      return fail("expression nested too deeply");
    }
    if (level == levels().size()) {
      return parse_unary(depth);
    }
    Expected<int> lhs = parse_level(level + 1, depth + 1);
    if (!lhs) {
      return lhs;
    }
    int node = *lhs;
    for (;;) {
      bool matched = false;
      for (const auto& entry : levels()[level]) {
        // "<" must not eat the start of "<=", "!" of "!=" is handled by order in the table.
        if (accept(entry.first)) {
          Expected<int> rhs = parse_level(level + 1, depth + 1);
          if (!rhs) {
            return rhs;
          }
          node = add(entry.second, node, *rhs);
          matched = true;
          break;
        }
      }
      if (!matched) {
        return node;
      }
    }
  }

  Expected<int> parse_unary(int depth)
  {
    if (depth > k_max_depth) {
      return fail("expression nested too deeply");
    }
    if (accept("-")) {
      Expected<int> e = parse_unary(depth + 1);
      return e ? Expected<int>(add(Expr::Op::neg, *e, -1)) : e;
    }
    if (m_text.substr(m_pos, 2) != "!=" && accept("!")) {
      Expected<int> e = parse_unary(depth + 1);
      return e ? Expected<int>(add(Expr::Op::lnot, *e, -1)) : e;
    }
    return parse_atom(depth);
  }

  Expected<int> parse_atom(int depth)
  {
    skip_space();
    if (m_pos >= m_text.size()) {
      return fail("expected a number, a name or '('");
    }
    char c = m_text[m_pos];
    if (c == '(') {
      ++m_pos;
      Expected<int> e = parse_level(0, depth + 1);
      if (!e) {
        return e;
      }
      if (!accept(")")) {
        return fail("expected ')'");
      }
      return e;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      int64_t v = 0;
      size_t start = m_pos;
      while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
        int digit = m_text[m_pos] - '0';
        if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, digit, &v)) {
          m_pos = start;
          return fail("integer too large");
        }
        ++m_pos;
      }
      if (m_pos < m_text.size() &&
          (std::isalpha(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_' || m_text[m_pos] == '.')) {
        return fail("unexpected '" + std::string(1, m_text[m_pos]) + "' (only integers)");
      }
      Expr::Node n;
      n.value = v;
      m_out.m_nodes.push_back(n);
      return static_cast<int>(m_out.m_nodes.size()) - 1;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = m_pos;
      while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_')) {
        ++m_pos;
      }
      Expr::Node n;
      n.op = Expr::Op::name;
      n.name = std::string(m_text.substr(start, m_pos - start));
      m_out.m_names.insert(n.name);
      m_out.m_nodes.push_back(n);
      return static_cast<int>(m_out.m_nodes.size()) - 1;
    }
    return fail("unexpected '" + std::string(1, c) + "'");
  }

  std::string_view m_text;
  size_t m_pos = 0;
  Expr& m_out;
};

Expected<Expr> Expr::parse(std::string_view text)
{
  Expr e;
  e.m_text = std::string(text);
  ExprParser p(text, e);
  Expected<int> root = p.parse_all();
  if (!root) {
    return Expected<Expr>::fail(root.error());
  }
  e.m_root = *root;
  return e;
}

Expected<int64_t> Expr::eval(const std::function<std::optional<int64_t>(const std::string&)>& lookup) const
{
  if (m_root < 0) {
    return Expected<int64_t>::fail("empty expression");
  }
  return eval_node(m_root, lookup);
}

Expected<int64_t> Expr::eval_node(int index, const std::function<std::optional<int64_t>(const std::string&)>& lookup) const
{
  const Node& n = m_nodes[static_cast<size_t>(index)];
  using E = Expected<int64_t>;
  switch (n.op) {
  case Op::number:
    return n.value;
  case Op::name: {
    std::optional<int64_t> v = lookup(n.name);
    return v ? E(*v) : E::fail("unknown name '" + n.name + "'");
  }
  default:
    break;
  }
  E a = eval_node(n.lhs, lookup);
  if (!a) {
    return a;
  }
  if (n.op == Op::neg || n.op == Op::lnot) {
    if (n.op == Op::lnot) {
      return E(*a == 0 ? 1 : 0);
    }
    int64_t r = 0;
    return __builtin_sub_overflow(int64_t{0}, *a, &r) ? E::fail("integer overflow in '" + m_text + "'") : E(r);
  }
  E b = eval_node(n.rhs, lookup);
  if (!b) {
    return b;
  }
  int64_t x = *a;
  int64_t y = *b;
  int64_t r = 0;
  bool overflow = false;
  switch (n.op) {
  case Op::add:
    overflow = __builtin_add_overflow(x, y, &r);
    break;
  case Op::sub:
    overflow = __builtin_sub_overflow(x, y, &r);
    break;
  case Op::mul:
    overflow = __builtin_mul_overflow(x, y, &r);
    break;
  case Op::div:
    if (y == 0) {
      return E::fail("division by zero in '" + m_text + "'");
    }
    overflow = x == INT64_MIN && y == -1;
    r = overflow ? 0 : x / y;
    break;
  case Op::lt:
    r = x < y;
    break;
  case Op::le:
    r = x <= y;
    break;
  case Op::gt:
    r = x > y;
    break;
  case Op::ge:
    r = x >= y;
    break;
  case Op::eq:
    r = x == y;
    break;
  case Op::ne:
    r = x != y;
    break;
  case Op::land:
    r = (x != 0) && (y != 0);
    break;
  case Op::lor:
    r = (x != 0) || (y != 0);
    break;
  default:
    break;
  }
  if (overflow) {
    return E::fail("integer overflow in '" + m_text + "'");
  }
  return r;
}

} // namespace eok::kernel
