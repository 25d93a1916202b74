// The only file that includes sqlite3.h (ARCHITECTURE.md): every SQLite result
// code becomes either a value or a Fatal naming the database file.
#include "store/sqlite_db.hpp"

#include "util/error.hpp"

#include <sqlite3.h>

#include <filesystem>

#include <unistd.h>
#include <utility>

namespace eok::store {

namespace {

bool is_damage(int rc)
{
  const int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

std::string hex32(int64_t v)
{
  static const char* digits = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) {
    s += digits[(static_cast<uint64_t>(v) >> shift) & 0xf];
  }
  return s;
}

namespace fs = std::filesystem;

std::string directory_of(const std::string& path)
{
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

bool writable(const std::string& path)
{
  return ::access(path.c_str(), W_OK) == 0;
}

// SQLite opens whatever it is given and writes `<path>-journal` beside it, so a
// device, FIFO or directory given as the database (`--cache /dev/null`) is
// refused here, before SQLite sees it (issue 13 item 8).
void refuse_non_regular(const std::string& path)
{
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  if (ec || link.type() == fs::file_type::not_found) {
    return; // a new file; its directory is checked by the caller
  }
  const fs::file_status st = fs::status(path, ec);
  const bool via_link = link.type() == fs::file_type::symlink;
  std::string kind;
  switch (st.type()) {
  case fs::file_type::regular:
    return;
  case fs::file_type::not_found:
    kind = "missing file";
    break;
  case fs::file_type::directory:
    kind = "directory";
    break;
  case fs::file_type::character:
    kind = "character device";
    break;
  case fs::file_type::block:
    kind = "block device";
    break;
  case fs::file_type::fifo:
    kind = "FIFO";
    break;
  case fs::file_type::socket:
    kind = "socket";
    break;
  default:
    kind = "special file";
    break;
  }
  throw Fatal(located(path, 0,
                      std::string(via_link ? "is a symbolic link to a " : "is a ") + kind +
                          ", not a database file: eok keeps its databases in regular files (pass a file path)"));
}

// Why a write to the database at `path` cannot happen, naming the file or the
// directory at fault; empty when both look writable.
std::string write_obstacle(const std::string& path)
{
  if (fs::exists(path) && !writable(path)) {
    return "the file " + path + " is not writable";
  }
  const std::string dir = directory_of(path);
  if (!writable(dir)) {
    return "the directory " + dir + " is not writable (SQLite writes its -wal and -shm files beside the database; reading still works)";
  }
  return "";
}

// `file:` URI of a path (SQLite's URI syntax: '%', '?' and '#' are escaped).
std::string file_uri(const std::string& path)
{
  std::string uri = "file:";
  for (char c : fs::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
      uri += hex[static_cast<unsigned char>(c) & 0xf];
    } else {
      uri += c;
    }
  }
  return uri;
}

} // namespace

// ---- Stmt ----

Stmt::Stmt(Db& db, sqlite3_stmt* stmt)
  : m_db(&db)
  , m_stmt(stmt)
{
}

Stmt::Stmt(Stmt&& other) noexcept
  : m_db(other.m_db)
  , m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Stmt& Stmt::operator=(Stmt&& other) noexcept
{
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_db = other.m_db;
    m_stmt = std::exchange(other.m_stmt, nullptr);
  }
  return *this;
}

Stmt::~Stmt()
{
  sqlite3_finalize(m_stmt);
}

Stmt& Stmt::bind(int index, int64_t value)
{
  m_db->check(sqlite3_bind_int64(m_stmt, index, value), "bind");
  return *this;
}

Stmt& Stmt::bind(int index, double value)
{
  m_db->check(sqlite3_bind_double(m_stmt, index, value), "bind");
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view text)
{
  m_db->check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "bind");
  return *this;
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes)
{
  m_db->check(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), "bind");
  return *this;
}

Stmt& Stmt::bind_null(int index)
{
  m_db->check(sqlite3_bind_null(m_stmt, index), "bind");
  return *this;
}

bool Stmt::step()
{
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  const char* sql = sqlite3_sql(m_stmt);
  std::string what = std::string("statement `") + (sql != nullptr ? sql : "?") + "`";
  if (what.size() > 120) {
    what = what.substr(0, 117) + "…`";
  }
  m_db->check(rc, what);
  return false;
}

void Stmt::run()
{
  while (step()) {
  }
}

void Stmt::reset()
{
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

int Stmt::column_count() const
{
  return sqlite3_column_count(m_stmt);
}

bool Stmt::is_null(int col) const
{
  return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

int64_t Stmt::column_int(int col) const
{
  return sqlite3_column_int64(m_stmt, col);
}

double Stmt::column_double(int col) const
{
  return sqlite3_column_double(m_stmt, col);
}

std::string Stmt::column_text(int col) const
{
  const auto* p = static_cast<const char*>(sqlite3_column_blob(m_stmt, col));
  const int n = sqlite3_column_bytes(m_stmt, col);
  return p == nullptr ? std::string() : std::string(p, static_cast<size_t>(n));
}

std::optional<std::string> Stmt::column_opt_text(int col) const
{
  if (is_null(col)) {
    return std::nullopt;
  }
  return column_text(col);
}

std::optional<int64_t> Stmt::column_opt_int(int col) const
{
  if (is_null(col)) {
    return std::nullopt;
  }
  return column_int(col);
}

std::string Stmt::column_name(int col) const
{
  const char* n = sqlite3_column_name(m_stmt, col);
  return n != nullptr ? n : "";
}

// ---- Db ----

Db::Db(sqlite3* handle, std::string path, bool read_only)
  : m_db(handle)
  , m_path(std::move(path))
  , m_read_only(read_only)
{
}

Db::Db(Db&& other) noexcept
  : m_db(std::exchange(other.m_db, nullptr))
  , m_path(std::move(other.m_path))
  , m_read_only(other.m_read_only)
{
}

Db& Db::operator=(Db&& other) noexcept
{
  if (this != &other) {
    sqlite3_close_v2(m_db);
    m_db = std::exchange(other.m_db, nullptr);
    m_path = std::move(other.m_path);
    m_read_only = other.m_read_only;
  }
  return *this;
}

Db::~Db()
{
  sqlite3_close_v2(m_db);
}

Db Db::open(const std::string& path, const OpenOptions& options)
{
  refuse_non_regular(path);
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists && (!options.create || options.read_only)) {
    throw Fatal(located(path, 0, "no such database file"));
  }
  if (!options.read_only) {
    if (const std::string why = write_obstacle(path); !why.empty()) {
      throw Fatal(located(path, 0, "cannot write the database: " + why));
    }
  }
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  std::string name = path;
  if (options.read_only && !writable(directory_of(path)) && !fs::exists(path + "-wal", ec)) {
    // Reading a WAL database needs its -shm file, which SQLite cannot create in
    // an unwritable directory. With no -wal file every committed row is in the
    // main file, so it is read as immutable: no locks, no journal, nothing written.
    name = file_uri(path) + "?immutable=1";
    flags |= SQLITE_OPEN_URI;
  }
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &handle, flags, nullptr);
  Db db(handle, path, options.read_only);
  if (rc != SQLITE_OK) {
    throw Fatal(located(path, 0, "cannot open database: " + (handle != nullptr ? db.last_error() : "out of memory")));
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  db.verify_ownership();
  if (!options.read_only) {
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=NORMAL");
  }
  db.exec("PRAGMA foreign_keys=ON");
  return db;
}

Db Db::open_memory()
{
  sqlite3* handle = nullptr;
  if (sqlite3_open(":memory:", &handle) != SQLITE_OK) {
    sqlite3_close(handle);
    throw Fatal("cannot open an in-memory SQLite database");
  }
  Db db(handle, ":memory:", false);
  sqlite3_extended_result_codes(handle, 1);
  db.exec("PRAGMA foreign_keys=ON");
  return db;
}

// The header is read before anything is written: a file that is not SQLite, a
// damaged one, or another program's database is refused, never overwritten.
void Db::verify_ownership()
{
  sqlite3_stmt* probe = nullptr;
  int rc = sqlite3_prepare_v2(m_db, "PRAGMA application_id", -1, &probe, nullptr);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(probe);
  }
  const int64_t app_id = rc == SQLITE_ROW ? sqlite3_column_int64(probe, 0) : 0;
  sqlite3_finalize(probe);
  if (is_damage(rc)) {
    throw Fatal(located(m_path, 0,
                        "not a SQLite database, or its header is damaged (" + last_error() +
                            "); eok left it untouched: move it away or restore it"));
  }
  check(rc == SQLITE_ROW ? SQLITE_OK : rc, "reading the database header");
  const int64_t objects = query_int("SELECT count(*) FROM sqlite_master").value_or(0);
  if (app_id == k_application_id) {
    return;
  }
  if (app_id == 0 && objects == 0) {
    if (!m_read_only) {
      exec("PRAGMA application_id=" + std::to_string(k_application_id)); // a new (empty) database: make it ours
    }
    return;
  }
  throw Fatal(located(m_path, 0,
                      "not an eok database (SQLite application_id " + hex32(app_id) + ", " + std::to_string(objects) +
                          " schema objects); eok left it untouched: pass another path"));
}

void Db::check(int rc, std::string_view what) const
{
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) {
    return;
  }
  std::string msg = std::string(what) + " failed: " + last_error();
  if (is_damage(rc)) {
    msg += " — the file is damaged or not a SQLite database; eok left it untouched: move it away or restore it";
  } else if ((rc & 0xff) == SQLITE_BUSY) {
    msg += " — another process held the database longer than the busy timeout";
  } else if ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) {
    const std::string why = write_obstacle(m_path);
    msg += " — " + (why.empty() ? std::string("the database is read-only here") : why);
  }
  throw Fatal(located(m_path, 0, msg));
}

std::string Db::last_error() const
{
  return m_db != nullptr ? sqlite3_errmsg(m_db) : "no connection";
}

void Db::exec(std::string_view sql)
{
  const std::string text(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err);
  sqlite3_free(err);
  std::string shown = text.size() > 80 ? text.substr(0, 77) + "…" : text;
  check(rc, "`" + shown + "`");
}

Stmt Db::prepare(std::string_view sql)
{
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    check(rc, "prepare `" + std::string(sql.substr(0, 80)) + "`");
  }
  return Stmt(*this, stmt);
}

std::optional<int64_t> Db::query_int(std::string_view sql)
{
  Stmt s = prepare(sql);
  if (!s.step() || s.is_null(0)) {
    return std::nullopt;
  }
  return s.column_int(0);
}

int64_t Db::last_insert_rowid() const
{
  return sqlite3_last_insert_rowid(m_db);
}

int64_t Db::changes() const
{
  return sqlite3_changes64(m_db);
}

bool Db::has_fts5()
{
  Stmt s = prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5')");
  return s.step() && s.column_int(0) != 0;
}

// ---- schema versions ----

int Db::schema_version(const std::string& component)
{
  if (query_int("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='eok_schema'").value_or(0) == 0) {
    return 0;
  }
  Stmt s = prepare("SELECT version FROM eok_schema WHERE component=?1");
  s.bind(1, component);
  return s.step() ? static_cast<int>(s.column_int(0)) : 0;
}

void Db::migrate(const std::string& component, const std::vector<Migration>& migrations)
{
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      throw Fatal("internal: migrations of '" + component + "' must be numbered 1, 2, 3, … in order");
    }
  }
  const int latest = static_cast<int>(migrations.size());
  auto too_new = [&](int found) {
    return Fatal(located(m_path, 0,
                         "schema '" + component + "' is version " + std::to_string(found) + ", this eok knows up to " +
                             std::to_string(latest) + " (written by a newer eok); eok left it untouched"));
  };
  int current = schema_version(component);
  if (current == latest) {
    return; // the common case takes no write lock
  }
  if (current > latest) {
    throw too_new(current);
  }
  if (m_read_only) {
    throw Fatal(located(m_path, 0,
                        "schema '" + component + "' is version " + std::to_string(current) + ", needs " + std::to_string(latest) +
                            ", and the database is opened read-only"));
  }
  Transaction tx(*this, Transaction::Kind::immediate);
  exec("CREATE TABLE IF NOT EXISTS eok_schema(component TEXT PRIMARY KEY, version INTEGER NOT NULL, "
       "migrated_at TEXT NOT NULL)");
  current = schema_version(component); // another process may have migrated meanwhile
  if (current > latest) {
    throw too_new(current);
  }
  for (const Migration& m : migrations) {
    if (m.version > current) {
      exec(m.sql);
    }
  }
  Stmt s = prepare("INSERT INTO eok_schema(component, version, migrated_at) VALUES(?1, ?2, datetime('now')) "
                   "ON CONFLICT(component) DO UPDATE SET version=excluded.version, migrated_at=excluded.migrated_at");
  s.bind_all(component, latest);
  s.run();
  tx.commit();
}

// ---- Transaction ----

Transaction::Transaction(Db& db, Kind kind)
  : m_db(db)
{
  m_db.exec(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
  if (!m_done) {
    sqlite3_exec(m_db.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit()
{
  m_db.exec("COMMIT");
  m_done = true;
}

} // namespace eok::store
