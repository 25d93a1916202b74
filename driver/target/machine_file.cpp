#include "target/machine_file.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cctype>

namespace eok::target {

namespace {

using Value = decltype(MachineValue::value);

class ExprParser
{
public:
  ExprParser(const std::string& text, const std::string& file, int line, const std::map<std::string, MachineValue>& constants)
    : m_s(text)
    , m_file(file)
    , m_line(line)
    , m_constants(constants)
  {
  }

  Value parse()
  {
    Value v = expr();
    skip_ws();
    if (m_i != m_s.size()) {
      fail("unexpected '" + m_s.substr(m_i, 10) + "'");
    }
    return v;
  }

private:
  [[noreturn]] void fail(const std::string& what) const { throw Fatal(located(m_file, m_line, what)); }

  void skip_ws()
  {
    while (m_i < m_s.size() && std::isspace(static_cast<unsigned char>(m_s[m_i]))) {
      ++m_i;
    }
  }

  Value expr()
  {
    Value v = term();
    for (;;) {
      skip_ws();
      if (m_i >= m_s.size() || (m_s[m_i] != '+' && m_s[m_i] != '/')) {
        return v;
      }
      char op = m_s[m_i++];
      Value rhs = term();
      v = combine(v, rhs, op);
    }
  }

  Value combine(const Value& a, const Value& b, char op)
  {
    if (op == '/') {
      if (!std::holds_alternative<std::string>(a) || !std::holds_alternative<std::string>(b)) {
        fail("'/' joins two strings (paths)");
      }
      const auto& rhs = std::get<std::string>(b);
      if (!rhs.empty() && rhs[0] == '/') {
        return rhs;
      }
      return std::get<std::string>(a) + "/" + rhs;
    }
    if (std::holds_alternative<std::string>(a) && std::holds_alternative<std::string>(b)) {
      return std::get<std::string>(a) + std::get<std::string>(b);
    }
    auto as_list = [&](const Value& v) -> std::vector<std::string> {
      if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
        return *l;
      }
      if (const auto* s = std::get_if<std::string>(&v)) {
        return {*s};
      }
      fail("'+' needs strings or arrays");
    };
    if (!std::holds_alternative<std::vector<std::string>>(a)) {
      fail("'+' on an array needs an array on the left");
    }
    auto out = as_list(a);
    auto more = as_list(b);
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }

  Value term()
  {
    skip_ws();
    if (m_i >= m_s.size()) {
      fail("missing value");
    }
    char c = m_s[m_i];
    if (c == '\'' || c == '"') {
      return string_lit(c);
    }
    if (c == '[') {
      ++m_i;
      std::vector<std::string> items;
      for (;;) {
        skip_ws();
        if (m_i < m_s.size() && m_s[m_i] == ']') {
          ++m_i;
          return items;
        }
        Value v = expr();
        if (auto* s = std::get_if<std::string>(&v)) {
          items.push_back(*s);
        } else if (auto* l = std::get_if<std::vector<std::string>>(&v)) {
          items.insert(items.end(), l->begin(), l->end());
        } else {
          fail("arrays may hold only strings");
        }
        skip_ws();
        if (m_i < m_s.size() && m_s[m_i] == ',') {
          ++m_i;
        } else if (m_i >= m_s.size() || m_s[m_i] != ']') {
          fail("expected ',' or ']' in array");
        }
      }
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      size_t start = m_i++;
      while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i]))) {
        ++m_i;
      }
      return static_cast<int64_t>(std::stoll(m_s.substr(start, m_i - start)));
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = m_i;
      while (m_i < m_s.size() && (std::isalnum(static_cast<unsigned char>(m_s[m_i])) || m_s[m_i] == '_')) {
        ++m_i;
      }
      std::string id = m_s.substr(start, m_i - start);
      if (id == "true") {
        return true;
      }
      if (id == "false") {
        return false;
      }
      auto it = m_constants.find(id);
      if (it == m_constants.end()) {
        fail("unknown constant '" + id + "' (define it in [constants])");
      }
      return it->second.value;
    }
    fail(std::string("unexpected '") + c + "'");
  }

  std::string string_lit(char quote)
  {
    ++m_i;
    std::string out;
    while (m_i < m_s.size() && m_s[m_i] != quote) {
      if (m_s[m_i] == '\\' && m_i + 1 < m_s.size()) {
        ++m_i;
        char e = m_s[m_i];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      } else {
        out += m_s[m_i];
      }
      ++m_i;
    }
    if (m_i >= m_s.size()) {
      fail("unterminated string");
    }
    ++m_i;
    return out;
  }

  const std::string& m_s;
  size_t m_i = 0;
  const std::string& m_file;
  int m_line;
  const std::map<std::string, MachineValue>& m_constants;
};

int bracket_depth(const std::string& s)
{
  int depth = 0;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    }
  }
  return depth;
}

std::string strip_comment(const std::string& s)
{
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      return s.substr(0, i);
    }
  }
  return s;
}

} // namespace

std::string MachineValue::text() const
{
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(v);
        } else {
          return util::join(v, " ");
        }
      },
      value);
}

std::vector<std::string> MachineValue::list(const std::string& key) const
{
  if (const auto* s = std::get_if<std::string>(&value)) {
    return {*s};
  }
  if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
    return *l;
  }
  throw Fatal(located(file, line, key + ": expected a string or an array of strings"));
}

MachineFile MachineFile::load(const std::vector<std::string>& paths)
{
  MachineFile mf;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!util::fs::exists(p, ec)) {
      throw Fatal(p + ": cross file not found");
    }
    mf.parse_into(util::read_file(p), p);
  }
  return mf;
}

MachineFile MachineFile::parse_text(const std::string& text, const std::string& name)
{
  MachineFile mf;
  mf.parse_into(text, name);
  return mf;
}

void MachineFile::parse_into(const std::string& text, const std::string& name)
{
  m_files.push_back(name);
  std::string section;
  auto lines = util::split(text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    int line_no = static_cast<int>(i + 1);
    std::string line = util::trim(strip_comment(lines[i]));
    if (line.empty()) {
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']') {
        throw Fatal(located(name, line_no, "malformed section header '" + line + "'"));
      }
      section = util::trim(line.substr(1, line.size() - 2));
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos) {
      throw Fatal(located(name, line_no, "expected 'key = value', got '" + line + "'"));
    }
    if (section.empty()) {
      throw Fatal(located(name, line_no, "key outside of any [section]"));
    }
    std::string key = util::trim(line.substr(0, eq));
    std::string value = util::trim(line.substr(eq + 1));
    // Arrays may span lines.
    while (bracket_depth(value) > 0 && i + 1 < lines.size()) {
      value += " " + util::trim(strip_comment(lines[++i]));
    }
    ExprParser p(value, name, line_no, m_sections["constants"]);
    m_sections[section][key] = MachineValue{p.parse(), name, line_no};
  }
}

const MachineValue* MachineFile::get(const std::string& section, const std::string& key) const
{
  auto s = m_sections.find(section);
  if (s == m_sections.end()) {
    return nullptr;
  }
  auto k = s->second.find(key);
  return k == s->second.end() ? nullptr : &k->second;
}

const std::map<std::string, MachineValue>& MachineFile::section(const std::string& name) const
{
  static const std::map<std::string, MachineValue> empty;
  auto s = m_sections.find(name);
  return s == m_sections.end() ? empty : s->second;
}

} // namespace eok::target
