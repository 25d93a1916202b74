#include "llm/reply.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace eok::llm {

namespace {

constexpr size_t k_max_code = size_t{1} << 20;
constexpr size_t k_max_description = 400;

bool ident_char(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string lower(std::string_view s)
{
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Case-insensitive find of `needle` (lower case) in `hay` from `from`.
size_t find_ci(const std::string& hay_lower, std::string_view needle, size_t from)
{
  return hay_lower.find(needle, from);
}

// Fence line: optional indentation, then three or more backticks. Returns the
// backtick count (0: not a fence) and sets `rest` to what follows them.
size_t fence_length(std::string_view line, std::string_view& rest)
{
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) {
    return 0;
  }
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == '`') {
    ++n;
  }
  if (n < 3) {
    return 0;
  }
  rest = line.substr(i + n);
  return n;
}

std::string collapse_spaces(std::string_view s)
{
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  if (out.size() > k_max_description) {
    out.resize(k_max_description);
    out += "...";
  }
  return out;
}

// The first {…} group in `prose` that reads like a sentence (EoH's description format).
std::string braced_description(std::string_view prose)
{
  for (size_t open = prose.find('{'); open != std::string_view::npos; open = prose.find('{', open + 1)) {
    int depth = 0;
    for (size_t i = open; i < prose.size(); ++i) {
      if (prose[i] == '{') {
        ++depth;
      } else if (prose[i] == '}' && --depth == 0) {
        std::string_view inner = prose.substr(open + 1, i - open - 1);
        bool letters = std::count_if(inner.begin(), inner.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) >= 3;
        if (letters && inner.size() <= 4000) {
          return collapse_spaces(inner);
        }
        break;
      }
    }
  }
  return {};
}

// Fallback: the first line of prose that says something.
std::string first_prose_line(std::string_view prose)
{
  for (const auto& raw : util::split(prose, '\n')) {
    std::string line = util::trim(raw);
    size_t skip = line.find_first_not_of("#*->:` ");
    if (skip == std::string::npos) {
      continue;
    }
    line = util::trim(line.substr(skip));
    if (std::count_if(line.begin(), line.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) >= 3) {
      return collapse_spaces(line);
    }
  }
  return {};
}

bool c_like(const std::string& info)
{
  static const char* const k_c[] = {"", "c", "cpp", "c++", "cc", "cxx", "h", "hpp", "objective-c", "riscv", "rvv"};
  std::string word = lower(info.substr(0, info.find_first_of(" \t{")));
  return std::any_of(std::begin(k_c), std::end(k_c), [&](const char* c) { return word == c; });
}

// Unfenced code: from the first line that starts like C to the end.
size_t unfenced_code_start(std::string_view text, std::string_view entry)
{
  static const char* const k_starts[] = {"#include", "#define", "#pragma", "#if",    "static ", "typedef ", "inline ", "void ", "int ",
                                         "float ",   "double ", "size_t ", "const ", "struct ", "extern ",  "//",      "/*"};
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    std::string t = util::trim(line);
    for (const char* s : k_starts) {
      if (util::starts_with(t, s)) {
        return pos;
      }
    }
    if (!entry.empty() && line.find(entry) != std::string_view::npos && defines_function(text.substr(pos), entry)) {
      return pos;
    }
    if (nl == std::string_view::npos) {
      break;
    }
    pos = nl + 1;
  }
  return std::string_view::npos;
}

ParsedReply fail(std::string why)
{
  ParsedReply r;
  r.failure = std::move(why);
  return r;
}

} // namespace

std::string strip_thinking(std::string_view reply, bool& unterminated)
{
  unterminated = false;
  std::string text;
  text.reserve(reply.size());
  for (size_t i = 0; i < reply.size(); ++i) {
    if (reply[i] == '\r' && i + 1 < reply.size() && reply[i + 1] == '\n') {
      continue;
    }
    text += reply[i];
  }
  std::string low = lower(text);
  // A closing tag with no opening one: the server dropped "<think>"; all before it is thinking.
  size_t first_open = find_ci(low, "<think", 0);
  size_t first_close = find_ci(low, "</think", 0);
  if (first_close != std::string::npos && (first_open == std::string::npos || first_close < first_open)) {
    size_t gt = text.find('>', first_close);
    size_t cut = gt == std::string::npos ? text.size() : gt + 1;
    text.erase(0, cut);
    low.erase(0, cut);
  }
  for (size_t open = find_ci(low, "<think", 0); open != std::string::npos; open = find_ci(low, "<think", open)) {
    size_t close = find_ci(low, "</think", open);
    if (close == std::string::npos) {
      unterminated = true;
      text.erase(open);
      low.erase(open);
      break;
    }
    size_t gt = text.find('>', close);
    size_t end = gt == std::string::npos ? text.size() : gt + 1;
    text.erase(open, end - open);
    low.erase(open, end - open);
  }
  return text;
}

std::vector<CodeBlock> code_blocks(std::string_view text)
{
  std::vector<CodeBlock> blocks;
  bool inside = false;
  size_t open_len = 0;
  CodeBlock cur;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, line_end - pos);
    std::string_view rest;
    size_t n = fence_length(line, rest);
    if (!inside) {
      if (n > 0) {
        inside = true;
        open_len = n;
        cur = CodeBlock{};
        cur.info = util::trim(rest);
        cur.start = pos;
      }
    } else if (n >= open_len && util::trim(rest).empty()) {
      cur.end = next;
      blocks.push_back(cur);
      inside = false;
    } else if (util::ends_with(util::trim(line), "```") && util::trim(line).size() > 3) {
      // "}```": code and the closing fence on one line.
      std::string t(line);
      cur.code += t.substr(0, t.rfind("```")) + "\n";
      cur.end = next;
      blocks.push_back(cur);
      inside = false;
    } else {
      cur.code.append(line);
      cur.code += '\n';
    }
    pos = next;
  }
  if (inside) {
    cur.closed = false;
    cur.end = text.size();
    blocks.push_back(cur);
  }
  return blocks;
}

bool defines_function(std::string_view code, std::string_view entry)
{
  if (entry.empty()) {
    return false;
  }
  for (size_t at = code.find(entry); at != std::string_view::npos; at = code.find(entry, at + 1)) {
    if ((at > 0 && ident_char(code[at - 1])) || (at + entry.size() < code.size() && ident_char(code[at + entry.size()]))) {
      continue;
    }
    size_t i = at + entry.size();
    while (i < code.size() && std::isspace(static_cast<unsigned char>(code[i]))) {
      ++i;
    }
    if (i >= code.size() || code[i] != '(') {
      continue;
    }
    int depth = 0;
    for (; i < code.size(); ++i) {
      depth += code[i] == '(' ? 1 : code[i] == ')' ? -1 : 0;
      if (depth == 0) {
        break;
      }
    }
    if (i >= code.size()) {
      continue;
    }
    ++i;
    while (i < code.size()) { // whitespace and comments between ")" and "{"
      if (std::isspace(static_cast<unsigned char>(code[i]))) {
        ++i;
      } else if (code.substr(i, 2) == "/*") {
        size_t e = code.find("*/", i + 2);
        i = e == std::string_view::npos ? code.size() : e + 2;
      } else if (code.substr(i, 2) == "//") {
        size_t e = code.find('\n', i);
        i = e == std::string_view::npos ? code.size() : e + 1;
      } else {
        break;
      }
    }
    if (i < code.size() && code[i] == '{') {
      return true;
    }
  }
  return false;
}

ParsedReply parse_reply(std::string_view reply, std::string_view entry)
{
  if (util::trim(reply).empty()) {
    return fail("empty reply");
  }
  bool unterminated = false;
  std::string text = strip_thinking(reply, unterminated);
  std::vector<CodeBlock> blocks = code_blocks(text);

  const CodeBlock* chosen = nullptr;
  for (const auto& b : blocks) {
    bool fits = entry.empty() ? c_like(b.info) && !util::trim(b.code).empty() : defines_function(b.code, entry);
    if (fits) {
      chosen = &b;
    }
  }
  ParsedReply r;
  size_t code_start = 0;
  if (chosen) {
    r.code = chosen->code;
    code_start = chosen->start;
  } else if (blocks.empty() && !entry.empty() && defines_function(text, entry)) {
    code_start = unfenced_code_start(text, entry);
    if (code_start == std::string::npos) {
      return fail("reply defines `" + std::string(entry) + "` but its code could not be delimited");
    }
    r.code = text.substr(code_start);
  } else {
    std::string why = blocks.empty()  ? "no code block in reply"
                      : entry.empty() ? "no C code block in reply (" + std::to_string(blocks.size()) + " blocks)"
                                      : "no code block defines `" + std::string(entry) + "` (" + std::to_string(blocks.size()) + " blocks)";
    if (unterminated) {
      why += "; the reply ended inside <think> (token limit too small?)";
    }
    return fail(why);
  }
  while (!r.code.empty() && std::isspace(static_cast<unsigned char>(r.code.back()))) {
    r.code.pop_back();
  }
  r.code += '\n';
  if (r.code.size() > k_max_code) {
    return fail("code block too large (" + std::to_string(r.code.size()) + " bytes)");
  }
  if (r.code.find('\0') != std::string::npos) {
    return fail("code contains NUL bytes");
  }

  // Description: EoH's "{…}" in the prose (code blocks removed), before the code first.
  std::string before;
  std::string after;
  if (blocks.empty()) {
    before = text.substr(0, code_start);
  } else {
    size_t pos = 0;
    for (const auto& b : blocks) {
      if (b.start > pos) {
        (b.start <= code_start ? before : after) += text.substr(pos, b.start - pos) + "\n";
      }
      pos = std::max(pos, b.end);
    }
    if (pos < text.size()) {
      after += text.substr(pos);
    }
  }
  r.description = braced_description(before);
  if (r.description.empty()) {
    r.description = braced_description(after);
  }
  if (r.description.empty()) {
    r.description = first_prose_line(before);
  }
  r.ok = true;
  return r;
}

} // namespace eok::llm
