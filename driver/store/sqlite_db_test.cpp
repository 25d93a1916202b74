#include "store/sqlite_db.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <functional>
#include <string>
#include <thread>
#include <vector>

using eok::Fatal;
using eok::store::Db;
using eok::store::Migration;
using eok::store::Transaction;
using eok::testing::ScratchDir;

namespace {

std::string fatal_text(const std::function<void()>& f)
{
  try {
    f();
  } catch (const Fatal& e) {
    return e.what();
  }
  return "(no error)";
}

const std::vector<Migration> k_two = {
    {1, "items", "CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
    {2, "items.size", "ALTER TABLE items ADD COLUMN size REAL; CREATE INDEX items_name ON items(name);"},
};

} // namespace

TEST_SUITE("store::sqlite_db")
{
  TEST_CASE("a new file is stamped as eok's, in WAL mode with foreign keys on")
  {
    ScratchDir dir;
    Db db = Db::open(dir.file("a.sqlite"));
    CHECK(db.query_int("PRAGMA application_id") == eok::store::k_application_id);
    CHECK(db.query_int("PRAGMA foreign_keys") == 1);
    auto s = db.prepare("PRAGMA journal_mode");
    REQUIRE(s.step());
    CHECK(s.column_text(0) == "wal");
  }

  TEST_CASE("typed bind and column round trip, NULL and embedded NUL bytes included")
  {
    Db db = Db::open_memory();
    db.exec("CREATE TABLE t(i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)");
    const std::string bytes("a\0b", 3);
    db.prepare("INSERT INTO t VALUES(?1, ?2, ?3, ?4, ?5)")
        .bind_all(int64_t{1} << 40, 2.5, std::string("tëxt"))
        .bind_blob(4, bytes)
        .bind(5, std::optional<std::string>{})
        .run();
    auto s = db.prepare("SELECT i, d, s, b, n FROM t");
    REQUIRE(s.step());
    CHECK(s.column_int(0) == (int64_t{1} << 40));
    CHECK(s.column_double(1) == 2.5);
    CHECK(s.column_text(2) == "tëxt");
    CHECK(s.column_text(3) == bytes);
    CHECK(s.is_null(4));
    CHECK_FALSE(s.column_opt_text(4).has_value());
    CHECK(s.column_name(2) == "s");
    CHECK_FALSE(s.step());
  }

  TEST_CASE("a statement is reusable after reset")
  {
    Db db = Db::open_memory();
    db.exec("CREATE TABLE t(v INTEGER)");
    auto ins = db.prepare("INSERT INTO t VALUES(?1)");
    for (int i = 1; i <= 3; ++i) {
      ins.reset();
      ins.bind(1, i).run();
    }
    CHECK(db.query_int("SELECT sum(v) FROM t") == 6);
    CHECK(db.last_insert_rowid() == 3);
  }

  TEST_CASE("migrations run once, in order, and a reopen applies only the new ones")
  {
    ScratchDir dir;
    const std::string path = dir.file("m.sqlite");
    {
      Db db = Db::open(path);
      CHECK(db.schema_version("things") == 0);
      db.migrate("things", {k_two[0]});
      CHECK(db.schema_version("things") == 1);
      db.exec("INSERT INTO items(name) VALUES('kept')");
    }
    Db db = Db::open(path);
    db.migrate("things", k_two);
    CHECK(db.schema_version("things") == 2);
    CHECK(db.schema_version("other") == 0);
    db.migrate("things", k_two); // no-op
    CHECK(db.query_int("SELECT count(*) FROM items WHERE name='kept' AND size IS NULL") == 1);
  }

  TEST_CASE("a schema written by a newer eok is refused")
  {
    ScratchDir dir;
    const std::string path = dir.file("n.sqlite");
    Db::open(path).migrate("things", k_two);
    Db db = Db::open(path);
    CHECK(fatal_text([&] { db.migrate("things", {k_two[0]}); }) ==
          path + ": schema 'things' is version 2, this eok knows up to 1 (written by a newer eok); eok left it untouched");
  }

  TEST_CASE("migrations must be numbered without gaps")
  {
    Db db = Db::open_memory();
    CHECK(fatal_text([&] { db.migrate("x", {{2, "two", "SELECT 1"}}); }).find("numbered 1, 2, 3") != std::string::npos);
  }

  TEST_CASE("a failing migration leaves the version where it was")
  {
    Db db = Db::open_memory();
    db.migrate("things", {k_two[0]});
    const std::vector<Migration> bad = {k_two[0], {2, "broken", "ALTER TABLE items ADD COLUMN x; SELEC nonsense"}};
    CHECK(fatal_text([&] { db.migrate("things", bad); }).find("syntax error") != std::string::npos);
    CHECK(db.schema_version("things") == 1);
    CHECK(db.query_int("SELECT count(*) FROM pragma_table_info('items') WHERE name='x'") == 0);
  }

  TEST_CASE("a transaction not committed is rolled back")
  {
    Db db = Db::open_memory();
    db.exec("CREATE TABLE t(v INTEGER)");
    {
      Transaction tx(db);
      db.exec("INSERT INTO t VALUES(1)");
    }
    {
      Transaction tx(db);
      db.exec("INSERT INTO t VALUES(2)");
      tx.commit();
    }
    CHECK(db.query_int("SELECT group_concat(v) FROM t").has_value());
    CHECK(db.query_int("SELECT sum(v) FROM t") == 2);
  }

  TEST_CASE("a file that is not SQLite is refused and left byte for byte")
  {
    ScratchDir dir;
    const std::string path = dir.file("junk.sqlite");
    const std::string junk = std::string(8192, 'x') + "not a database";
    eok::util::write_file_atomic(path, junk);
    CHECK(fatal_text([&] { Db::open(path); }) ==
          path + ": not a SQLite database, or its header is damaged (file is not a database); eok left it "
                 "untouched: move it away or restore it");
    CHECK(eok::util::read_file(path) == junk);
  }

  TEST_CASE("another program's SQLite database is refused and left byte for byte")
  {
    ScratchDir dir;
    const std::string path = dir.file("foreign.sqlite");
    {
      Db db = Db::open(path);
      db.exec("PRAGMA application_id=4660; CREATE TABLE theirs(x); INSERT INTO theirs VALUES(1)");
    }
    const std::string before = eok::util::read_file(path);
    CHECK(fatal_text([&] { Db::open(path); }) ==
          path + ": not an eok database (SQLite application_id 0x00001234, 1 schema objects); eok left it untouched: "
                 "pass another path");
    CHECK(eok::util::read_file(path) == before);
  }

  TEST_CASE("a damaged page gives a clear error and the file is not modified")
  {
    ScratchDir dir;
    const std::string path = dir.file("damaged.sqlite");
    {
      Db db = Db::open(path);
      db.exec("CREATE TABLE t(v TEXT)");
      auto ins = db.prepare("INSERT INTO t VALUES(?1)");
      for (int i = 0; i < 200; ++i) {
        ins.reset();
        ins.bind(1, std::string(100, static_cast<char>('a' + i % 26))).run();
      }
    } // last close checkpoints the WAL into the main file
    std::string bytes = eok::util::read_file(path);
    REQUIRE(bytes.size() > 3 * 4096);
    for (size_t i = 4096; i < 2 * 4096; ++i) {
      bytes[i] = static_cast<char>(0xa5);
    }
    eok::util::write_file_atomic(path, bytes);
    const std::string msg = fatal_text([&] {
      Db db = Db::open(path);
      db.query_int("SELECT count(*) FROM t WHERE v LIKE 'b%'");
    });
    CHECK(msg.find(path + ": ") == 0);
    CHECK(msg.find("malformed") != std::string::npos);
    CHECK(msg.find("eok left it untouched") != std::string::npos);
    CHECK(eok::util::read_file(path) == bytes);
  }

  TEST_CASE("a missing file is an error when creation is not allowed")
  {
    ScratchDir dir;
    eok::store::OpenOptions ro;
    ro.read_only = true;
    CHECK(fatal_text([&] { Db::open(dir.file("none.sqlite"), ro); }) == dir.file("none.sqlite") + ": no such database file");
    CHECK_FALSE(eok::util::fs::exists(dir.file("none.sqlite")));
  }

  TEST_CASE("read-only connections read and refuse writes")
  {
    ScratchDir dir;
    const std::string path = dir.file("ro.sqlite");
    Db::open(path).migrate("things", k_two);
    eok::store::OpenOptions ro;
    ro.read_only = true;
    Db db = Db::open(path, ro);
    db.migrate("things", k_two); // current: nothing to write
    CHECK(db.query_int("SELECT count(*) FROM items") == 0);
    CHECK(fatal_text([&] { db.exec("INSERT INTO items(name) VALUES('x')"); }).find("read-only") != std::string::npos);
  }

  TEST_CASE("FTS5 full-text search works through Db")
  {
    Db db = Db::open_memory();
    REQUIRE(db.has_fts5());
    db.exec("CREATE VIRTUAL TABLE notes USING fts5(title, body)");
    auto ins = db.prepare("INSERT INTO notes(title, body) VALUES(?1, ?2)");
    ins.bind_all("vsetvli", "vsetvli sets vl from the AVL and the vtype (SEW, LMUL)").run();
    ins.reset();
    ins.bind_all("x60", "the SpacemiT X60 core has a VLEN of 256 bits").run();
    auto q = db.prepare("SELECT title FROM notes WHERE notes MATCH ?1 ORDER BY bm25(notes)");
    q.bind(1, "LMUL");
    REQUIRE(q.step());
    CHECK(q.column_text(0) == "vsetvli");
    CHECK_FALSE(q.step());
  }

  TEST_CASE("writers on separate connections of one file lose nothing")
  {
    ScratchDir dir;
    const std::string path = dir.file("c.sqlite");
    Db::open(path).migrate("things", k_two);
    auto writer = [&path](int who) {
      Db db = Db::open(path);
      for (int i = 0; i < 50; ++i) {
        Transaction tx(db);
        db.prepare("INSERT INTO items(name) VALUES(?1)").bind(1, std::to_string(who)).run();
        tx.commit();
      }
    };
    std::thread a(writer, 1);
    std::thread b(writer, 2);
    a.join();
    b.join();
    CHECK(Db::open(path).query_int("SELECT count(*) FROM items") == 100);
  }
}
