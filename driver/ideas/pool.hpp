// The idea pool (ideas/*.toml, format in ideas/FORMAT.md): general ideas, each
// a design principle with actionable thoughts (description, example code,
// effectiveness prior, rationale). Loaded strictly: any malformed file is a
// Fatal "file:line: what", so a typo never silently drops a thought.
#pragma once

#include "search/engine.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace eok::ideas {

struct Thought
{
  std::string id;
  std::string description;
  std::string code; // a complete C translation unit with RVV intrinsics
  std::string rationale;
  double effectiveness = 0.5; // prior in [0, 1]
  int line = 0;               // of its [[thought]] header
};

struct Idea
{
  std::string id;
  std::string principle;
  std::string file; // path it was read from
  int line = 0;     // of its [idea] header
  std::vector<Thought> thoughts;
};

struct Pool
{
  std::string dir;
  std::vector<Idea> ideas; // in file-name order

  [[nodiscard]] const Idea* find_idea(std::string_view id) const;
  // The thought and (optionally) the idea that holds it; nullptr when unknown.
  [[nodiscard]] const Thought* find_thought(std::string_view id, const Idea** owner = nullptr) const;
  [[nodiscard]] size_t thought_count() const;
};

// One idea file's text; `path` names it in errors and its stem must equal the idea id.
Idea parse_idea(std::string_view text, const std::string& path);
// Every *.toml file of `dir`, in name order. Throws Fatal for a missing or empty
// directory, a malformed file, or a thought id used twice.
Pool load_pool(const std::string& dir);

// Where a shipped data directory is: `configured` when it exists or is absolute;
// otherwise the same relative path under the eok source tree this binary was
// built from, if that exists (so `eok` run from another project still finds
// ideas/ and rag_corpus/); otherwise `configured` (and loading reports it).
std::string resolve_data_dir(const std::string& configured);

// The engine's view (search::run_search) and the prior effectiveness per thought id.
std::vector<search::IdeaView> idea_views(const Pool& pool);
std::map<std::string, double> prior_effectiveness(const Pool& pool);

} // namespace eok::ideas
