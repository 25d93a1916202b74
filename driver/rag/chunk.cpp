#include "rag/chunk.hpp"

#include "util/strings.hpp"

namespace eok::rag {

namespace {

// Heading level (1-6) of a Markdown line, 0 if it is not an ATX heading.
int heading_level(const std::string& line)
{
  size_t n = 0;
  while (n < line.size() && line[n] == '#') {
    ++n;
  }
  return (n >= 1 && n <= 6 && n < line.size() && line[n] == ' ') ? static_cast<int>(n) : 0;
}

// Split an over-long body at blank lines, each piece at most `limit` characters
// unless a single paragraph is longer.
std::vector<std::string> split_paragraphs(const std::string& body, size_t limit)
{
  if (body.size() <= limit) {
    return {body};
  }
  std::vector<std::string> out;
  std::string cur;
  for (const auto& para : util::split(util::replace_all(body, "\n\n", "\x1e"), '\x1e')) {
    if (!cur.empty() && cur.size() + 2 + para.size() > limit) {
      out.push_back(cur);
      cur.clear();
    }
    cur += (cur.empty() ? "" : "\n\n") + para;
  }
  if (!cur.empty()) {
    out.push_back(cur);
  }
  return out;
}

} // namespace

std::vector<Chunk> chunk_markdown(std::string_view text, const std::string& source)
{
  std::vector<Chunk> out;
  std::vector<std::string> path; // heading titles by level
  std::string body;
  int start_line = 0;
  bool in_fence = false;
  bool have_heading = false;

  auto flush = [&]() {
    std::string trimmed = util::trim(body);
    if (have_heading && !trimmed.empty()) {
      std::vector<std::string> titles;
      for (const auto& t : path) {
        if (!t.empty()) {
          titles.push_back(t);
        }
      }
      for (auto& piece : split_paragraphs(trimmed, k_max_chunk_chars)) {
        out.push_back({source, "note", util::join(titles, " > "), std::move(piece), "", start_line});
      }
    }
    body.clear();
  };

  int line_no = 0;
  for (const auto& line : util::split(text, '\n')) {
    ++line_no;
    if (util::starts_with(util::trim(line), "```")) {
      in_fence = !in_fence;
    }
    int level = in_fence ? 0 : heading_level(line);
    if (level == 0) {
      body += line + "\n";
      continue;
    }
    flush();
    path.resize(static_cast<size_t>(level));
    path[static_cast<size_t>(level) - 1] = util::trim(line.substr(static_cast<size_t>(level)));
    have_heading = true;
    start_line = line_no;
  }
  flush();
  return out;
}

std::vector<Chunk> chunk_thoughts(const ideas::Pool& pool)
{
  std::vector<Chunk> out;
  for (const auto& idea : pool.ideas) {
    for (const auto& t : idea.thoughts) {
      out.push_back({"ideas/" + idea.id, "thought", "thought " + t.id, t.description, t.code, t.line});
    }
  }
  return out;
}

} // namespace eok::rag
