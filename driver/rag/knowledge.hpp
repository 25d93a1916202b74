// Everything the EoK search needs from the idea pool and the RAG index, in one
// call for whoever wires `eok tune` to search::run_search: the engine's idea
// views, the effectiveness priors, and a retrieve port over its own SQLite
// connection (the index lives in the cache file or a file of its own).
#pragma once

#include "ideas/pool.hpp"
#include "rag/index.hpp"
#include "store/sqlite_db.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace eok::rag {

struct KnowledgePaths
{
  std::string ideas_dir; // resolved with ideas::resolve_data_dir
  std::string rag_dir;   // likewise; a missing corpus disables retrieval, it is not an error
  std::string db_path;   // SQLite file for the index (parent directories are created)
};

struct Knowledge
{
  ideas::Pool pool;
  std::vector<search::IdeaView> ideas;         // for run_search
  std::map<std::string, double> effectiveness; // priors, thought id -> [0, 1]
  // search::EnginePorts::retrieve; empty when retrieval is off (see rag_off_reason).
  std::function<std::vector<std::string>(const std::string&, size_t)> retrieve;
  std::string rag_off_reason;
  bool index_rebuilt = false;

  // Own the connection and index the retrieve port uses (stable addresses).
  std::unique_ptr<store::Db> db;
  std::unique_ptr<Index> index;
};

// Throws Fatal for a missing or malformed idea pool (the search cannot run
// without one) and for an unusable database file.
Knowledge load_knowledge(const KnowledgePaths& paths);

} // namespace eok::rag
