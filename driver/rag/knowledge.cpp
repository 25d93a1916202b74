#include "rag/knowledge.hpp"

#include "util/fs.hpp"

namespace eok::rag {

Knowledge load_knowledge(const KnowledgePaths& paths)
{
  Knowledge k;
  k.pool = ideas::load_pool(ideas::resolve_data_dir(paths.ideas_dir));
  k.ideas = ideas::idea_views(k.pool);
  k.effectiveness = ideas::prior_effectiveness(k.pool);

  std::string rag_dir = ideas::resolve_data_dir(paths.rag_dir);
  std::error_code ec;
  if (rag_dir.empty() || !util::fs::is_directory(rag_dir, ec)) {
    k.rag_off_reason = "no RAG corpus at '" + paths.rag_dir + "' (paths.rag): prompts get no reference notes";
    return k;
  }
  util::fs::path parent = util::fs::path(paths.db_path).parent_path();
  if (!parent.empty()) {
    util::fs::create_directories(parent);
  }
  k.db = std::make_unique<store::Db>(store::Db::open(paths.db_path));
  k.index = std::make_unique<Index>(*k.db);
  k.index_rebuilt = k.index->update({rag_dir, k.pool.dir});
  k.retrieve = make_retrieve(*k.index);
  return k;
}

} // namespace eok::rag
