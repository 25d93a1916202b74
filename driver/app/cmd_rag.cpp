// `eok rag {index,query}`: build the retrieval index over rag_corpus/ and the
// idea pool's thoughts, and show what a prompt would receive for a query.
#include "app/commands_list.hpp"

#include "ideas/pool.hpp"
#include "rag/index.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <cstdio>

namespace eok::app {

namespace {

std::vector<FlagSpec> rag_flags()
{
  auto flags = config_flags();
  flags.push_back({"--db", true, false, "FILE  SQLite file holding the index (default: paths.cache)"});
  flags.push_back({"--rag-dir", true, false, "DIR  notes to index (default: paths.rag)"});
  flags.push_back({"--ideas-dir", true, false, "DIR  idea pool whose thoughts are indexed (default: paths.ideas)"});
  return flags;
}

struct Setup
{
  std::string db_path;
  rag::Sources sources;
};

Setup setup(Context& ctx, const Args& args)
{
  apply_config_flags(ctx, args);
  const auto& cfg = ctx.settings().get();
  Setup s;
  s.db_path = args.value("--db").value_or(cfg.cache_path);
  s.sources.rag_dir = args.value("--rag-dir").value_or(ideas::resolve_data_dir(cfg.rag_dir));
  s.sources.ideas_dir = args.value("--ideas-dir").value_or(ideas::resolve_data_dir(cfg.ideas_dir));
  util::fs::path parent = util::fs::path(s.db_path).parent_path();
  if (!parent.empty()) {
    util::fs::create_directories(parent);
  }
  return s;
}

int index(Context& ctx, const Args& args)
{
  if (!args.positional().empty()) {
    throw UsageError("eok rag index: unexpected argument '" + args.positional()[0] + "'");
  }
  Setup s = setup(ctx, args);
  store::Db db = store::Db::open(s.db_path);
  rag::Index idx(db);
  bool rebuilt = idx.update(s.sources, args.has("--force"));
  std::printf("%s: %zu chunks from %s and %s (%s)\n", s.db_path.c_str(), idx.size(), s.sources.rag_dir.c_str(), s.sources.ideas_dir.c_str(),
              rebuilt ? "rebuilt" : "up to date");
  return k_exit_ok;
}

int query(Context& ctx, const Args& args)
{
  if (args.positional().empty()) {
    throw UsageError("eok rag query: expected the query text");
  }
  std::string text = util::join(args.positional(), " ");
  int64_t k = 3;
  if (auto v = args.value("--k")) {
    try {
      k = std::stoll(*v);
    } catch (const std::exception&) {
      k = -1;
    }
    if (k < 1 || k > 100) {
      throw UsageError("eok rag query: --k expects a number from 1 to 100, got '" + *v + "'");
    }
  }
  Setup s = setup(ctx, args);
  store::Db db = store::Db::open(s.db_path);
  rag::Index idx(db);
  if (idx.update(s.sources)) {
    util::Terminal::instance().line("eok: rag index rebuilt (" + std::to_string(idx.size()) + " chunks)");
  }
  auto hits = idx.query(text, static_cast<size_t>(k));
  if (hits.empty()) {
    std::printf("no chunk matches (query terms: %s)\n", rag::match_expression(text).c_str());
    return k_exit_ok;
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    const auto& c = hits[i].chunk;
    std::printf("--- %zu. %s (%s:%d) bm25 %s\n%s\n", i + 1, c.title.c_str(), c.source.c_str(), c.line,
                util::fixed(hits[i].score, 3).c_str(), rag::render_for_prompt(c).c_str());
  }
  return k_exit_ok;
}

} // namespace

Command rag_index_command()
{
  auto flags = rag_flags();
  flags.push_back({"--force", false, false, "rebuild even when the sources did not change"});
  return {"rag index", "index rag_corpus/ notes and idea-pool thoughts in SQLite FTS5 (rebuilt when they change)", "[--db FILE] [--force]",
          flags, index};
}

Command rag_query_command()
{
  auto flags = rag_flags();
  flags.push_back({"--k", true, false, "N  number of chunks (default 3, the search's rag_k)"});
  return {"rag query", "show the chunks a prompt would get for TEXT (BM25 over the RAG index)", "TEXT... [--k N] [--db FILE]", flags,
          query};
}

} // namespace eok::app
