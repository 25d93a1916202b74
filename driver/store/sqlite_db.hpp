// store::Db: eok's one door to SQLite (the only user of sqlite3.h). A database
// file is opened in WAL mode with a busy timeout and foreign keys on; schemas
// are versioned per component ("cache", "rag", …) and brought up to date by
// explicit, ordered migrations. A file that is not an eok database (corrupt,
// another program's, a newer eok's) is an error that leaves the file untouched.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace eok::store {

class Db;

// A prepared statement. Bind indexes are 1-based (as `?1` in SQL), column
// indexes 0-based (as SQLite's C API). Move-only; finalized on destruction.
class Stmt
{
public:
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int index, int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Stmt& bind(int index, double value);
  Stmt& bind(int index, std::string_view text);
  Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Stmt& bind_blob(int index, std::string_view bytes);
  Stmt& bind_null(int index);
  template<typename T> Stmt& bind(int index, const std::optional<T>& value) { return value ? bind(index, *value) : bind_null(index); }
  // bind_all(a, b, c) binds ?1, ?2, ?3.
  template<typename... Ts> Stmt& bind_all(const Ts&... values)
  {
    int i = 0;
    (bind(++i, values), ...);
    return *this;
  }

  // Advance: true when a row is available, false when done. Errors throw Fatal.
  bool step();
  // Run to completion, ignoring rows (INSERT/UPDATE/DELETE).
  void run();
  // Ready to run again with new bindings (bindings are cleared).
  void reset();

  [[nodiscard]] int column_count() const;
  [[nodiscard]] bool is_null(int col) const;
  [[nodiscard]] int64_t column_int(int col) const;
  [[nodiscard]] double column_double(int col) const;
  [[nodiscard]] std::string column_text(int col) const; // NULL reads as ""
  [[nodiscard]] std::optional<std::string> column_opt_text(int col) const;
  [[nodiscard]] std::optional<int64_t> column_opt_int(int col) const;
  [[nodiscard]] std::string column_name(int col) const;

private:
  friend class Db;
  Stmt(Db& db, sqlite3_stmt* stmt);
  Db* m_db;
  sqlite3_stmt* m_stmt;
};

// One schema step: applied once, in `version` order, inside the same
// transaction that records the new version.
struct Migration
{
  int version; // 1, 2, 3, … without gaps
  std::string what;
  std::string sql; // one or more statements
};

struct OpenOptions
{
  bool create = true;     // false: a missing file is an error
  bool read_only = false; // no writes, no migrations (schema must be current)
  int busy_timeout_ms = 30000;
};

class Db
{
public:
  // Open (or create) `path`. Throws Fatal "path: …" for a file that is not an
  // eok database, is corrupt, or cannot be opened; such a file is not modified.
  static Db open(const std::string& path, const OpenOptions& options = {});
  // A private in-memory database (tests, scratch work).
  static Db open_memory();

  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Run one or more statements without results.
  void exec(std::string_view sql);
  Stmt prepare(std::string_view sql);
  // First column of the first row (nullopt when there is no row or it is NULL).
  std::optional<int64_t> query_int(std::string_view sql);

  [[nodiscard]] int64_t last_insert_rowid() const;
  [[nodiscard]] int64_t changes() const;
  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] bool read_only() const { return m_read_only; }

  // Schema version of `component` (0: never migrated).
  int schema_version(const std::string& component);
  // Bring `component` to the last migration's version. Throws Fatal if the file
  // holds a newer version than `migrations` knows (written by a newer eok).
  void migrate(const std::string& component, const std::vector<Migration>& migrations);

  // Does this SQLite library offer FTS5 (the RAG index needs it)?
  bool has_fts5();

  // SQLite's message for the last error on this connection.
  [[nodiscard]] std::string last_error() const;
  // Throws Fatal "path: what (sqlite message)" when rc is an error code.
  void check(int rc, std::string_view what) const;

private:
  friend class Stmt;
  friend class Transaction;
  Db(sqlite3* handle, std::string path, bool read_only);
  void verify_ownership();
  sqlite3* m_db = nullptr;
  std::string m_path;
  bool m_read_only = false;
};

// RAII transaction. Writers use `immediate` (takes the write lock at BEGIN, so
// two processes never deadlock upgrading a read to a write); destruction
// without commit() rolls back.
class Transaction
{
public:
  enum class Kind {
    deferred,
    immediate,
  };
  explicit Transaction(Db& db, Kind kind = Kind::immediate);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Db& m_db;
  bool m_done = false;
};

// The application_id eok stamps on its databases ("eok1" in ASCII).
constexpr int32_t k_application_id = 0x656f6b31;

} // namespace eok::store
