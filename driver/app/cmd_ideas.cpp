// `eok ideas {list,show,reset-learning}`: inspect the idea pool the search
// samples from (ideas/*.toml, format in ideas/FORMAT.md) with what tuning runs
// learned about its thoughts (kept in the cache, per target core). `mine` is in
// cmd_ideas_mine.cpp.
#include "app/commands_list.hpp"

#include "cache/cache.hpp"
#include "ideas/pool.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

#include <cstdio>
#include <map>
#include <vector>

namespace eok::app {

namespace {

std::vector<FlagSpec> ideas_flags()
{
  auto flags = config_flags();
  flags.push_back({"--dir", true, false, "DIR  idea pool directory (default: paths.ideas)"});
  return flags;
}

std::vector<FlagSpec> learning_flags()
{
  auto flags = ideas_flags();
  flags.push_back(flag::cache("cache holding learned effectiveness"));
  flags.push_back({"--core", true, false, "CORE  only what was learned on this target core (eok_core, e.g. spacemit-x60)"});
  return flags;
}

// Learned values by thought id, from the cache when there is one (read only).
struct Learning
{
  std::string note; // where they came from, or why there are none
  std::map<std::string, std::vector<cache::LearnedValue>> by_thought;
};

Learning read_learning(Context& ctx, const Args& args)
{
  Learning l;
  const std::string path = args.value("--cache").value_or(ctx.settings().get().cache_path);
  if (!util::fs::exists(path)) {
    if (args.has("--cache")) {
      throw Fatal(located(path, 0, "no such cache file"));
    }
    l.note = "no learned effectiveness yet (no cache at " + path + ")";
    return l;
  }
  cache::OpenMode mode;
  mode.create = false;
  mode.read_only = true;
  cache::Cache c = cache::Cache::open(path, mode);
  size_t n = 0;
  for (auto& v : c.learned(args.value("--core").value_or(""))) {
    l.by_thought[v.thought].push_back(std::move(v));
    ++n;
  }
  l.note = std::to_string(n) + " learned value" + (n == 1 ? "" : "s") + " in " + path + " (they override the priors on their core)";
  return l;
}

void print_learned(const Learning& l, const std::string& thought)
{
  auto it = l.by_thought.find(thought);
  if (it == l.by_thought.end()) {
    return;
  }
  for (const auto& v : it->second) {
    std::printf("        learned %s on %s (%lld update%s, last run %.8s, %s)\n", util::fixed(v.value, 2).c_str(),
                v.core.empty() ? "(no eok_core)" : v.core.c_str(), static_cast<long long>(v.updates), v.updates == 1 ? "" : "s",
                v.last_run_uid.c_str(), v.updated_at.c_str());
  }
}

ideas::Pool load(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  std::string dir = args.value("--dir").value_or(ideas::resolve_data_dir(ctx.settings().get().ideas_dir));
  return ideas::load_pool(dir);
}

// First sentence (or line) of a paragraph, on one line, at most `width` characters.
std::string headline(const std::string& text, size_t width)
{
  std::string flat = util::replace_all(text, "\n", " ");
  auto stop = flat.find(". ");
  if (stop != std::string::npos) {
    flat = flat.substr(0, stop + 1);
  }
  if (flat.size() > width) {
    flat = flat.substr(0, width - 3) + "...";
  }
  return flat;
}

void print_block(const char* title, const std::string& text)
{
  std::printf("%s:\n", title);
  for (const auto& line : util::split(text, '\n')) {
    std::printf("  %s\n", line.c_str());
  }
}

int list(Context& ctx, const Args& args)
{
  if (!args.positional().empty()) {
    throw UsageError("eok ideas list: unexpected argument '" + args.positional()[0] + "'");
  }
  ideas::Pool pool = load(ctx, args);
  const Learning learning = read_learning(ctx, args);
  for (const auto& idea : pool.ideas) {
    std::printf("%s (%zu thoughts): %s\n", idea.id.c_str(), idea.thoughts.size(), headline(idea.principle, 80).c_str());
    for (const auto& t : idea.thoughts) {
      std::printf("  %s  %-32s %s\n", util::fixed(t.effectiveness, 2).c_str(), t.id.c_str(), headline(t.description, 60).c_str());
      print_learned(learning, t.id);
    }
  }
  std::printf("%zu ideas, %zu thoughts in %s\n", pool.ideas.size(), pool.thought_count(), pool.dir.c_str());
  std::vector<std::string> orphans;
  for (const auto& kv : learning.by_thought) {
    if (pool.find_thought(kv.first) == nullptr) {
      orphans.push_back(kv.first);
    }
  }
  std::printf("%s\n", learning.note.c_str());
  if (!orphans.empty()) {
    std::printf("learned for thoughts not in the pool (renamed or removed; ignored): %s\n", util::join(orphans, ", ").c_str());
  }
  return k_exit_ok;
}

int show(Context& ctx, const Args& args)
{
  if (args.positional().size() != 1) {
    throw UsageError("eok ideas show: expected one idea or thought id");
  }
  const std::string& id = args.positional()[0];
  ideas::Pool pool = load(ctx, args);
  if (const ideas::Idea* idea = pool.find_idea(id)) {
    std::printf("idea %s (%s:%d)\n", idea->id.c_str(), idea->file.c_str(), idea->line);
    print_block("principle", idea->principle);
    std::printf("thoughts:\n");
    const Learning learning = read_learning(ctx, args);
    for (const auto& t : idea->thoughts) {
      std::printf("  %s  %-32s %s\n", util::fixed(t.effectiveness, 2).c_str(), t.id.c_str(), headline(t.description, 60).c_str());
      print_learned(learning, t.id);
    }
    return k_exit_ok;
  }
  const ideas::Idea* owner = nullptr;
  if (const ideas::Thought* t = pool.find_thought(id, &owner)) {
    std::printf("thought %s (idea %s, %s:%d)\n", t->id.c_str(), owner->id.c_str(), owner->file.c_str(), t->line);
    std::printf("effectiveness: %s (prior)\n", util::fixed(t->effectiveness, 2).c_str());
    const Learning learning = read_learning(ctx, args);
    print_learned(learning, t->id);
    print_block("description", t->description);
    print_block("rationale", t->rationale);
    std::printf("code:\n%s", t->code.c_str());
    if (!t->code.empty() && t->code.back() != '\n') {
      std::printf("\n");
    }
    return k_exit_ok;
  }
  throw Fatal("unknown idea or thought '" + id + "' (see `eok ideas list`)");
}

int reset_learning(Context& ctx, const Args& args)
{
  if (!args.positional().empty()) {
    throw UsageError("eok ideas reset-learning: unexpected argument '" + args.positional()[0] + "' (use --thought ID)");
  }
  apply_config_flags(ctx, args);
  const std::string path = args.value("--cache").value_or(ctx.settings().get().cache_path);
  cache::OpenMode mode;
  mode.create = false;
  cache::Cache c = cache::Cache::open(path, mode);
  const int n = c.reset_learning(args.value("--core").value_or(""), args.value("--thought").value_or(""));
  std::printf("forgot %d learned value%s in %s: those thoughts start from their priors again\n", n, n == 1 ? "" : "s", path.c_str());
  return k_exit_ok;
}

} // namespace

Command ideas_list_command()
{
  return {"ideas list", "list the idea pool: ideas, thoughts, effectiveness priors and what tuning runs learned per core",
          "[--dir DIR] [--cache FILE] [--core CORE]", learning_flags(), list};
}

Command ideas_show_command()
{
  return {"ideas show", "show one idea (principle, thoughts) or one thought (description, rationale, code, learned effectiveness)",
          "ID [--dir DIR] [--cache FILE] [--core CORE]", learning_flags(), show};
}

Command ideas_reset_learning_command()
{
  auto flags = config_flags();
  flags.push_back(flag::cache("cache holding learned effectiveness"));
  flags.push_back({"--core", true, false, "CORE  only what was learned on this target core"});
  flags.push_back({"--thought", true, false, "ID  only this thought"});
  return {"ideas reset-learning", "forget learned thought effectiveness (all, one core's, or one thought's): back to the priors",
          "[--cache FILE] [--core CORE] [--thought ID]", flags, reset_learning};
}

} // namespace eok::app
