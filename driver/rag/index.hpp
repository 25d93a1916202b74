// The RAG index: chunks of rag_corpus/*.md and the idea pool's thoughts in an
// SQLite FTS5 table (component "rag" of a store::Db: the cache database or a
// file of its own), ranked by BM25. The index remembers a hash of its sources
// and is rebuilt only when they change.
#pragma once

#include "rag/chunk.hpp"
#include "store/sqlite_db.hpp"

#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace eok::rag {

struct Sources
{
  std::string rag_dir;   // *.md except README.md
  std::string ideas_dir; // empty: notes only
};

struct Hit
{
  Chunk chunk;
  double score = 0; // BM25 (lower is better, as SQLite reports it)
};

// Chunks of every source, in a stable order. Throws Fatal for a missing rag_dir
// or a malformed idea pool.
std::vector<Chunk> collect_chunks(const Sources& sources);
// Identity of the sources: file names and bytes, plus the chunker's version.
std::string sources_hash(const Sources& sources);

// An FTS5 MATCH expression from free text: words (letters, digits) lowercased,
// stop words and duplicates dropped, each quoted and OR-ed. FTS5 syntax in the
// input (quotes, NEAR, AND, *, parentheses, column filters) is never
// interpreted. Empty when the text has no usable word.
std::string match_expression(std::string_view text, size_t max_terms = 128);

class Index
{
public:
  explicit Index(store::Db& db); // migrates the "rag" schema
  // Rebuild from `sources` when their hash differs from the indexed one (or
  // `force`); returns whether it rebuilt.
  bool update(const Sources& sources, bool force = false);
  // Replace the index content with `chunks`, recorded under `hash`.
  void rebuild(const std::vector<Chunk>& chunks, const std::string& hash);
  // The k best chunks for free text, best first; empty for text with no usable word.
  std::vector<Hit> query(std::string_view text, size_t k);
  [[nodiscard]] size_t size();
  [[nodiscard]] std::string indexed_hash();

private:
  store::Db& m_db;
  std::mutex m_mutex; // the engine queries from several searches at once
};

// The engine's retrieve port (search::EnginePorts::retrieve): each result is
// one chunk rendered for a prompt ("## title (source)\ntext").
std::function<std::vector<std::string>(const std::string&, size_t)> make_retrieve(Index& index);
std::string render_for_prompt(const Chunk& c);

} // namespace eok::rag
