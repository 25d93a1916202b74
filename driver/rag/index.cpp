#include "rag/index.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace eok::rag {

namespace {

// Bump when chunking or the index layout changes: old indexes then rebuild.
constexpr const char* k_index_version = "eok-rag-index-2";

const std::vector<store::Migration>& migrations()
{
  static const std::vector<store::Migration> m = {
      {1, "RAG chunks with an FTS5 index (porter stemming, BM25)",
       "CREATE TABLE rag_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
       "CREATE VIRTUAL TABLE rag_fts USING fts5(source UNINDEXED, kind UNINDEXED, line UNINDEXED, title UNINDEXED,"
       " heading, body, tokenize = 'porter unicode61');"},
      {2, "example code in a column of its own, weighted below prose",
       "DROP TABLE rag_fts;"
       "CREATE VIRTUAL TABLE rag_fts USING fts5(source UNINDEXED, kind UNINDEXED, line UNINDEXED, title UNINDEXED,"
       " heading, body, code, tokenize = 'porter unicode61');"
       "DELETE FROM rag_meta;"},
  };
  return m;
}

std::vector<util::fs::path> files_with(const std::string& dir, const std::string& ext, bool skip_readme)
{
  std::vector<util::fs::path> out;
  std::error_code ec;
  if (dir.empty() || !util::fs::is_directory(dir, ec)) {
    return out;
  }
  for (const auto& e : util::fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext && !(skip_readme && e.path().filename() == "README.md")) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool is_stop_word(const std::string& w)
{
  static const std::set<std::string> words = {
      "a",      "an",     "and",   "are",   "as",     "at",     "be",   "by",     "can", "do",    "does",   "for",    "from",     "has",
      "have",   "how",    "if",    "in",    "into",   "is",     "it",   "its",    "not", "of",    "on",     "or",     "so",       "that",
      "the",    "then",   "there", "this",  "to",     "use",    "uses", "using",  "was", "what",  "when",   "which",  "while",    "with",
      "would",  "you",    "your",  "riscv", "const",  "size_t", "void", "return", "int", "float", "static", "inline", "restrict", "include",
      "vector", "kernel", "code",  "must",  "should", "one",    "all",  "each",   "new", "than",  "more",   "size",   "long",     "else",
  };
  return words.count(w) > 0;
}

// Tokens every RVV code shares, which would make code-heavy queries match
// every example alike: type and vtype names (vfloat32m8, f32m8, e16m4, vbool4),
// operand-form suffixes, unit-stride loads/stores, vsetvl, numeric literals.
bool is_code_noise(const std::string& w)
{
  static const std::set<std::string> words = {"vl",    "vv",    "vx",    "vf",   "vs",    "vi",    "wv",     "wx",        "vvm",
                                              "vfm",   "vxm",   "tu",    "mu",   "tum",   "tumu",  "vsetvl", "vsetvlmax", "vle8",
                                              "vle16", "vle32", "vle64", "vse8", "vse16", "vse32", "vse64"};
  static const std::regex type_like("v?(float|int|uint|bool)[0-9]+(m[f]?[0-9](x[0-9])?)?|[efiu](8|16|32|64)m[f]?[1248]");
  if (words.count(w) > 0 || std::regex_match(w, type_like)) {
    return true;
  }
  // Literals such as 0f, 1e5 (a number with letters); plain numbers of two or more digits stay (VLEN 256).
  return std::isdigit(static_cast<unsigned char>(w[0])) &&
         !std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Only a section's own heading is matched with extra weight: the note's title,
// shared by all its sections, would otherwise favour every section alike.
std::string leaf_heading(const std::string& title)
{
  auto pos = title.rfind(" > ");
  return pos == std::string::npos ? title : title.substr(pos + 3);
}

} // namespace

std::vector<Chunk> collect_chunks(const Sources& sources)
{
  std::error_code ec;
  if (!util::fs::is_directory(sources.rag_dir, ec)) {
    throw Fatal(located(sources.rag_dir, 0, "RAG corpus directory not found (paths.rag)"));
  }
  std::vector<Chunk> out;
  for (const auto& f : files_with(sources.rag_dir, ".md", true)) {
    auto chunks = chunk_markdown(util::read_file(f), f.filename().string());
    out.insert(out.end(), chunks.begin(), chunks.end());
  }
  if (!sources.ideas_dir.empty()) {
    auto chunks = chunk_thoughts(ideas::load_pool(sources.ideas_dir));
    out.insert(out.end(), chunks.begin(), chunks.end());
  }
  return out;
}

std::string sources_hash(const Sources& sources)
{
  util::Sha256 h;
  h.update(k_index_version).update(std::string_view("\0", 1));
  auto add = [&h](const std::string& tag, const std::vector<util::fs::path>& files) {
    for (const auto& f : files) {
      std::string bytes = util::read_file(f);
      h.update(tag).update(std::string_view("\0", 1)).update(f.filename().string()).update(std::string_view("\0", 1));
      h.update(std::to_string(bytes.size())).update(std::string_view("\0", 1)).update(bytes);
    }
  };
  add("note", files_with(sources.rag_dir, ".md", true));
  add("idea", files_with(sources.ideas_dir, ".toml", false));
  return h.hex_digest();
}

std::string match_expression(std::string_view text, size_t max_terms)
{
  std::vector<std::string> terms;
  std::set<std::string> seen;
  std::string word;
  auto take = [&]() {
    if (word.size() >= 2 && !is_stop_word(word) && !is_code_noise(word) && seen.insert(word).second && terms.size() < max_terms) {
      terms.push_back("\"" + word + "\"");
    }
    word.clear();
  };
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && std::isalnum(c)) {
      word += static_cast<char>(std::tolower(c));
    } else {
      take();
    }
  }
  take();
  return util::join(terms, " OR ");
}

Index::Index(store::Db& db)
  : m_db(db)
{
  if (!m_db.has_fts5()) {
    throw Fatal(located(m_db.path(), 0, "this SQLite library has no FTS5; the RAG index needs it"));
  }
  m_db.migrate("rag", migrations());
}

bool Index::update(const Sources& sources, bool force)
{
  std::string hash = sources_hash(sources);
  if (!force && hash == indexed_hash()) {
    return false;
  }
  rebuild(collect_chunks(sources), hash);
  return true;
}

void Index::rebuild(const std::vector<Chunk>& chunks, const std::string& hash)
{
  std::lock_guard<std::mutex> lock(m_mutex);
  store::Transaction tx(m_db);
  m_db.exec("DELETE FROM rag_fts");
  store::Stmt ins = m_db.prepare("INSERT INTO rag_fts(source, kind, line, title, heading, body, code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (const auto& c : chunks) {
    ins.bind_all(c.source, c.kind, static_cast<int64_t>(c.line), c.title, leaf_heading(c.title), c.text, c.code);
    ins.run();
    ins.reset();
  }
  m_db.prepare("INSERT INTO rag_meta(key, value) VALUES ('sources_hash', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, hash)
      .run();
  tx.commit();
}

std::vector<Hit> Index::query(std::string_view text, size_t k)
{
  std::string expr = match_expression(text);
  std::vector<Hit> out;
  if (expr.empty() || k == 0) {
    return out;
  }
  std::lock_guard<std::mutex> lock(m_mutex);
  // Heading matches weigh 2x prose, example code 0.4x (code shares its
  // boilerplate tokens with every thought); SQLite's bm25() is lower-is-better.
  store::Stmt s = m_db.prepare("SELECT source, kind, line, title, body, code, bm25(rag_fts, 0.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.4) AS score"
                               " FROM rag_fts WHERE rag_fts MATCH ?1 ORDER BY score, rowid LIMIT ?2");
  s.bind(1, expr).bind(2, static_cast<int64_t>(k));
  while (s.step()) {
    Hit h;
    h.chunk.source = s.column_text(0);
    h.chunk.kind = s.column_text(1);
    h.chunk.line = static_cast<int>(s.column_int(2));
    h.chunk.title = s.column_text(3);
    h.chunk.text = s.column_text(4);
    h.chunk.code = s.column_text(5);
    h.score = s.column_double(6);
    out.push_back(std::move(h));
  }
  return out;
}

size_t Index::size()
{
  std::lock_guard<std::mutex> lock(m_mutex);
  return static_cast<size_t>(m_db.query_int("SELECT count(*) FROM rag_fts").value_or(0));
}

std::string Index::indexed_hash()
{
  std::lock_guard<std::mutex> lock(m_mutex);
  store::Stmt s = m_db.prepare("SELECT value FROM rag_meta WHERE key = 'sources_hash'");
  return s.step() ? s.column_text(0) : std::string();
}

std::string render_for_prompt(const Chunk& c)
{
  std::string out = "## " + c.title + " (" + c.source + ")\n" + c.text;
  if (!c.code.empty()) {
    out += "\n\nExample (RVV C intrinsics):\n```c\n" + c.code + (c.code.back() == '\n' ? "" : "\n") + "```";
  }
  return out;
}

std::function<std::vector<std::string>(const std::string&, size_t)> make_retrieve(Index& index)
{
  return [&index](const std::string& query, size_t k) {
    std::vector<std::string> out;
    for (const auto& h : index.query(query, k)) {
      out.push_back(render_for_prompt(h.chunk));
    }
    return out;
  };
}

} // namespace eok::rag
