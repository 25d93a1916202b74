#include "ideas/pool.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/toml_doc.hpp"

#include <algorithm>

namespace eok::ideas {

namespace {

bool valid_id(std::string_view id)
{
  return !id.empty() &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string required_text(toml::TableReader& r, const std::string& key)
{
  std::string v = r.required_string(key);
  if (util::trim(v).empty()) {
    r.fail(*r.get(key), r.qualified(key) + ": must not be empty");
  }
  return v;
}

std::string required_id(toml::TableReader& r, const std::string& key)
{
  std::string v = r.required_string(key);
  if (!valid_id(v)) {
    r.fail(*r.get(key), r.qualified(key) + ": '" + v + "' is not an id (lowercase letters, digits and '-')");
  }
  return v;
}

// Multi-line strings start with a newline after """ in the files; keep the text, not the layout.
std::string tidy(const std::string& s)
{
  return util::trim(s);
}

Thought parse_thought(const toml::Document& doc, const toml::Node& node, size_t index)
{
  toml::TableReader r(doc, node, "thought[" + std::to_string(index) + "]");
  Thought t;
  t.line = node.line;
  t.id = required_id(r, "id");
  t.description = tidy(required_text(r, "description"));
  t.rationale = tidy(required_text(r, "rationale"));
  t.code = required_text(r, "code");
  auto eff = r.number("effectiveness");
  if (!eff) {
    r.fail_here("missing required key '" + r.qualified("effectiveness") + "' (a number in [0, 1])");
  }
  if (!(*eff >= 0.0 && *eff <= 1.0)) {
    r.fail(*r.get("effectiveness"), r.qualified("effectiveness") + ": " + util::fixed(*eff, 3) + " is outside [0, 1]");
  }
  t.effectiveness = *eff;
  r.reject_unknown();
  return t;
}

} // namespace

Idea parse_idea(std::string_view text, const std::string& path)
{
  toml::Document doc = toml::parse_text(text, path);
  toml::TableReader top(doc, doc.root, "");
  const toml::Node* idea_node = top.table("idea");
  if (!idea_node) {
    top.fail_here("missing table [idea]");
  }
  const toml::Node* thoughts = top.array("thought");
  top.reject_unknown();

  toml::TableReader r(doc, *idea_node, "idea");
  Idea idea;
  idea.file = path;
  idea.line = idea_node->line;
  idea.id = required_id(r, "id");
  std::string stem = util::fs::path(path).stem().string();
  if (idea.id != stem) {
    r.fail(*r.get("id"), "idea.id '" + idea.id + "' must equal the file name '" + stem + ".toml'");
  }
  idea.principle = tidy(required_text(r, "principle"));
  r.reject_unknown();

  if (!thoughts || thoughts->array.empty()) {
    r.fail_here("idea '" + idea.id + "' has no [[thought]]");
  }
  for (size_t i = 0; i < thoughts->array.size(); ++i) {
    const toml::Node& n = thoughts->array[i];
    if (n.kind != toml::Kind::table) {
      top.fail(n, "thought[" + std::to_string(i) + "]: expected a table, got " + toml::kind_name(n.kind));
    }
    idea.thoughts.push_back(parse_thought(doc, n, i));
  }
  return idea;
}

Pool load_pool(const std::string& dir)
{
  std::error_code ec;
  if (!util::fs::is_directory(dir, ec)) {
    throw Fatal(located(dir, 0, "idea pool directory not found (paths.ideas)"));
  }
  std::vector<util::fs::path> files;
  for (const auto& e : util::fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".toml") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    throw Fatal(located(dir, 0, "no idea files (*.toml) in the idea pool directory"));
  }
  Pool pool;
  pool.dir = dir;
  std::map<std::string, std::string> seen; // thought id -> "file:line"
  for (const auto& f : files) {
    Idea idea = parse_idea(util::read_file(f), f.string());
    for (const auto& t : idea.thoughts) {
      auto [it, fresh] = seen.emplace(t.id, idea.file + ":" + std::to_string(t.line));
      if (!fresh) {
        throw Fatal(located(idea.file, t.line, "duplicate thought id '" + t.id + "' (first at " + it->second + ")"));
      }
    }
    pool.ideas.push_back(std::move(idea));
  }
  return pool;
}

std::string resolve_data_dir(const std::string& configured)
{
  std::error_code ec;
  util::fs::path p(configured);
  if (configured.empty() || p.is_absolute() || util::fs::exists(p, ec)) {
    return configured;
  }
#ifdef EOK_SOURCE_DIR
  util::fs::path shipped = util::fs::path(EOK_SOURCE_DIR) / p;
  if (util::fs::is_directory(shipped, ec)) {
    return shipped.string();
  }
#endif
  return configured;
}

const Idea* Pool::find_idea(std::string_view id) const
{
  for (const auto& i : ideas) {
    if (i.id == id) {
      return &i;
    }
  }
  return nullptr;
}

const Thought* Pool::find_thought(std::string_view id, const Idea** owner) const
{
  for (const auto& i : ideas) {
    for (const auto& t : i.thoughts) {
      if (t.id == id) {
        if (owner) {
          *owner = &i;
        }
        return &t;
      }
    }
  }
  return nullptr;
}

size_t Pool::thought_count() const
{
  size_t n = 0;
  for (const auto& i : ideas) {
    n += i.thoughts.size();
  }
  return n;
}

std::vector<search::IdeaView> idea_views(const Pool& pool)
{
  std::vector<search::IdeaView> out;
  for (const auto& i : pool.ideas) {
    search::IdeaView v{i.id, i.principle, {}};
    for (const auto& t : i.thoughts) {
      v.thoughts.push_back({t.id, t.description, t.code});
    }
    out.push_back(std::move(v));
  }
  return out;
}

std::map<std::string, double> prior_effectiveness(const Pool& pool)
{
  std::map<std::string, double> out;
  for (const auto& i : pool.ideas) {
    for (const auto& t : i.thoughts) {
      out[t.id] = t.effectiveness;
    }
  }
  return out;
}

} // namespace eok::ideas
