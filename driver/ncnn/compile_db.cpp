#include "ncnn/compile_db.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <map>

namespace eok::ncnn {

namespace {

// Just enough JSON for a compile database: an array of objects whose values are
// strings or arrays of strings.
class Reader
{
public:
  Reader(const std::string& text, const std::string& path)
    : m_text(text)
    , m_path(path)
  {
  }

  std::vector<CompileEntry> entries()
  {
    std::vector<CompileEntry> out;
    expect('[');
    if (peek() == ']') {
      ++m_pos;
      return out;
    }
    while (true) {
      out.push_back(entry());
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      expect(']');
      return out;
    }
  }

private:
  CompileEntry entry()
  {
    const int line = m_line;
    expect('{');
    std::map<std::string, std::string> strings;
    std::vector<std::string> arguments;
    bool has_arguments = false;
    while (peek() != '}') {
      const std::string key = string();
      expect(':');
      if (peek() == '[') {
        ++m_pos;
        while (peek() != ']') {
          arguments.push_back(string());
          if (peek() == ',') {
            ++m_pos;
          }
        }
        ++m_pos;
        has_arguments = key == "arguments";
      } else {
        strings[key] = string();
      }
      if (peek() == ',') {
        ++m_pos;
      }
    }
    ++m_pos;
    CompileEntry e;
    e.directory = strings["directory"];
    e.file = strings["file"];
    e.output = strings["output"];
    e.argv = has_arguments ? arguments : split_command(strings["command"]);
    if (e.directory.empty() || e.file.empty() || e.argv.empty()) {
      throw Fatal(located(m_path, line, "a compile entry needs directory, file and command (or arguments)"));
    }
    if (util::fs::path(e.file).is_relative()) {
      e.file = (util::fs::path(e.directory) / e.file).lexically_normal().string();
    }
    if (e.output.empty()) {
      for (size_t k = 0; k + 1 < e.argv.size(); ++k) {
        if (e.argv[k] == "-o") {
          e.output = e.argv[k + 1];
        }
      }
    }
    return e;
  }

  char peek()
  {
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r')) {
      m_line += m_text[m_pos] == '\n';
      ++m_pos;
    }
    if (m_pos >= m_text.size()) {
      throw Fatal(located(m_path, m_line, "unexpected end of the compile database"));
    }
    return m_text[m_pos];
  }

  void expect(char c)
  {
    if (peek() != c) {
      throw Fatal(located(m_path, m_line, std::string("expected '") + c + "', found '" + m_text[m_pos] + "'"));
    }
    ++m_pos;
  }

  std::string string()
  {
    expect('"');
    std::string s;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      char c = m_text[m_pos++];
      if (c == '\\' && m_pos < m_text.size()) {
        const char e = m_text[m_pos++];
        switch (e) {
        case 'n':
          c = '\n';
          break;
        case 't':
          c = '\t';
          break;
        case 'u':
          throw Fatal(located(m_path, m_line, "\\u escapes are not supported in a compile database"));
        default:
          c = e;
        }
      }
      s += c;
    }
    if (m_pos >= m_text.size()) {
      throw Fatal(located(m_path, m_line, "unterminated string"));
    }
    ++m_pos;
    return s;
  }

  const std::string& m_text;
  std::string m_path;
  size_t m_pos = 0;
  int m_line = 1;
};

} // namespace

std::vector<CompileEntry> parse_compile_db(const std::string& text, const std::string& path)
{
  return Reader(text, path).entries();
}

std::vector<CompileEntry> read_compile_db(const std::string& path)
{
  return parse_compile_db(util::read_file(path), path);
}

std::vector<std::string> split_command(const std::string& command)
{
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t k = 0; k < command.size(); ++k) {
    const char c = command[k];
    if (quote == '\'') {
      if (c == '\'') {
        quote = 0;
      } else {
        cur += c;
      }
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && k + 1 < command.size() && (command[k + 1] == '"' || command[k + 1] == '\\' || command[k + 1] == '$')) {
        cur += command[++k];
      } else {
        cur += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && k + 1 < command.size()) {
      cur += command[++k];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        words.push_back(cur);
      }
      cur.clear();
      in_word = false;
    } else {
      cur += c;
      in_word = true;
    }
  }
  if (in_word) {
    words.push_back(cur);
  }
  return words;
}

const CompileEntry* find_entry(const std::vector<CompileEntry>& db, const std::string& suffix)
{
  for (const auto& e : db) {
    if (util::ends_with(e.file, "/" + suffix)) {
      return &e;
    }
  }
  return nullptr;
}

} // namespace eok::ncnn
