#include "cache/cache.hpp"
#include "cache/schema.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

#include <cstdlib>
#include <thread>

using eok::cache::Cache;
using eok::testing::ScratchDir;

namespace {

const std::string k_x60 = "spacemit-x60";
const std::map<std::string, double> k_priors = {{"lmul-m8", 0.5}, {"unroll-2", 0.7}};

std::optional<eok::cache::LearnedValue> learned(Cache& c, const std::string& core, const std::string& thought)
{
  for (auto& l : c.learned(core)) {
    if (l.thought == thought) {
      return l;
    }
  }
  return std::nullopt;
}

// A cache file as eok wrote it before learning existed: schema "cache" version 1.
void create_version_1(const std::string& path)
{
  eok::store::Db db = eok::store::Db::open(path);
  db.migrate("cache", {eok::cache::schema_migrations().front()});
  db.exec("INSERT INTO runs(uid, kernel, key, state, started_at) VALUES('old-run', 'nn/relu', 'k', 'complete', datetime('now'))");
}

} // namespace

TEST_SUITE("cache::learning")
{
  TEST_CASE("learned values round-trip and override the priors of the next run; unknown ids are ignored")
  {
    ScratchDir dir;
    const std::string path = dir.file("c.sqlite");
    {
      Cache c = Cache::open(path);
      CHECK(c.start_learning("r1", k_x60, k_priors) == k_priors);
      CHECK(c.finish_learning("r1", k_x60, {{"lmul-m8", 0.8}, {"unroll-2", 0.7}}, {{"lmul-m8", 2}}) == 1);
    }
    Cache c = Cache::open(path);
    auto l = learned(c, k_x60, "lmul-m8");
    REQUIRE(l.has_value());
    CHECK(l->value == doctest::Approx(0.8));
    CHECK(l->updates == 2);
    CHECK(l->last_run_uid == "r1");
    CHECK(!l->updated_at.empty());
    CHECK_FALSE(learned(c, k_x60, "unroll-2").has_value()); // not sampled: not learned
    auto next = c.start_learning("r2", k_x60, k_priors);
    CHECK(next.at("lmul-m8") == doctest::Approx(0.8));
    CHECK(next.at("unroll-2") == doctest::Approx(0.7));
    // The pool renamed lmul-m8: its learned value is not injected, nothing fails.
    auto renamed = c.start_learning("r3", k_x60, {{"lmul-max", 0.4}});
    CHECK(renamed == std::map<std::string, double>{{"lmul-max", 0.4}});
    CHECK(c.finish_learning("r3", k_x60, {{"lmul-m8", 0.1}, {"lmul-max", 0.45}}, {{"lmul-m8", 1}, {"lmul-max", 1}}) == 1);
    CHECK(learned(c, k_x60, "lmul-m8")->value == doctest::Approx(0.8));
  }

  TEST_CASE("learning on one core does not steer another")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.start_learning("r1", k_x60, k_priors);
    c.finish_learning("r1", k_x60, {{"lmul-m8", 0.9}}, {{"lmul-m8", 1}});
    CHECK(c.start_learning("r2", "other-core", k_priors) == k_priors);
    CHECK(c.start_learning("r3", k_x60, k_priors).at("lmul-m8") == doctest::Approx(0.9));
    CHECK(c.learned("other-core").empty());
    CHECK(c.learned().size() == 1);
  }

  TEST_CASE("two runs learning at once both count: each adds its change to what is stored")
  {
    ScratchDir dir;
    const std::string path = dir.file("c.sqlite");
    Cache a = Cache::open(path);
    Cache b = Cache::open(path); // a second connection, as a second `eok tune` process has
    CHECK(a.start_learning("ra", k_x60, k_priors).at("lmul-m8") == 0.5);
    CHECK(b.start_learning("rb", k_x60, k_priors).at("lmul-m8") == 0.5);
    a.finish_learning("ra", k_x60, {{"lmul-m8", 0.6}}, {{"lmul-m8", 1}}); // +0.1
    b.finish_learning("rb", k_x60, {{"lmul-m8", 0.3}}, {{"lmul-m8", 2}}); // -0.2, not "= 0.3"
    auto l = learned(a, k_x60, "lmul-m8");
    REQUIRE(l.has_value());
    CHECK(l->value == doctest::Approx(0.4));
    CHECK(l->updates == 3);
    CHECK(l->last_run_uid == "rb");
    // Changes that would leave [0, 1] stop at its edge.
    CHECK(a.start_learning("rc", k_x60, k_priors).at("lmul-m8") == doctest::Approx(0.4));
    CHECK(b.start_learning("rd", k_x60, k_priors).at("lmul-m8") == doctest::Approx(0.4));
    a.finish_learning("rc", k_x60, {{"lmul-m8", 1.0}}, {{"lmul-m8", 1}}); // +0.6
    b.finish_learning("rd", k_x60, {{"lmul-m8", 0.9}}, {{"lmul-m8", 1}}); // +0.5
    CHECK(learned(a, k_x60, "lmul-m8")->value == 1.0);
  }

  // Run by the next test in two child processes (skipped on its own).
  TEST_CASE("child learner" * doctest::skip())
  {
    const char* path = std::getenv("EOK_TEST_CACHE");
    const char* who = std::getenv("EOK_TEST_WHO");
    REQUIRE(path != nullptr);
    REQUIRE(who != nullptr);
    Cache c = Cache::open(path);
    for (int i = 0; i < 20; ++i) {
      const std::string run = std::string(who) + "/" + std::to_string(i);
      const double start = c.start_learning(run, k_x60, k_priors).at("lmul-m8");
      std::this_thread::yield(); // let the other process learn between this run's start and finish
      c.finish_learning(run, k_x60, {{"lmul-m8", start + 0.005}}, {{"lmul-m8", 1}});
    }
  }

  TEST_CASE("two processes learning at once lose no update")
  {
    ScratchDir dir;
    const std::string path = dir.file("shared.sqlite");
    Cache::open(path);
    auto child = [&path](const std::string& who, eok::util::ProcessResult* out) {
      eok::util::ProcessSpec spec;
      spec.argv = {eok::util::fs::read_symlink("/proc/self/exe").string(), "--test-case=child learner", "--no-skip", "--no-intro"};
      spec.env_add = {"EOK_TEST_CACHE=" + path, "EOK_TEST_WHO=" + who};
      spec.timeout = std::chrono::seconds(120);
      *out = eok::util::run_process(spec);
    };
    eok::util::ProcessResult r1;
    eok::util::ProcessResult r2;
    std::thread t1(child, "1", &r1);
    std::thread t2(child, "2", &r2);
    t1.join();
    t2.join();
    CHECK_MESSAGE(r1.succeeded(), r1.out << r1.err);
    CHECK_MESSAGE(r2.succeeded(), r2.out << r2.err);
    Cache c = Cache::open(path);
    auto l = learned(c, k_x60, "lmul-m8");
    REQUIRE(l.has_value());
    CHECK(l->updates == 40);
    CHECK(l->value == doctest::Approx(0.5 + 40 * 0.005));
  }

  TEST_CASE("a resumed run starts where it started and never applies its change twice")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.start_learning("r1", k_x60, k_priors);
    c.finish_learning("r1", k_x60, {{"lmul-m8", 0.8}}, {{"lmul-m8", 2}}); // 0.5 -> 0.8
    c.start_learning("r2", k_x60, k_priors);
    c.finish_learning("r2", k_x60, {{"lmul-m8", 0.9}}, {{"lmul-m8", 1}}); // another run: +0.1 -> 0.9

    // r1 resumed (its search replays from the journal): the same start, so the same samples.
    auto again = c.start_learning("r1", k_x60, k_priors);
    CHECK(again.at("lmul-m8") == 0.5);
    CHECK(c.finish_learning("r1", k_x60, {{"lmul-m8", 0.8}}, {{"lmul-m8", 2}}) == 0);
    CHECK(learned(c, k_x60, "lmul-m8")->value == doctest::Approx(0.9));
    CHECK(learned(c, k_x60, "lmul-m8")->updates == 3);

    // A run stopped by its budget and continued later applies only what it added.
    c.start_learning("r1", k_x60, k_priors);
    CHECK(c.finish_learning("r1", k_x60, {{"lmul-m8", 0.85}}, {{"lmul-m8", 3}}) == 1);
    CHECK(learned(c, k_x60, "lmul-m8")->value == doctest::Approx(0.95));
    CHECK(learned(c, k_x60, "lmul-m8")->updates == 4);

    // A thought added to the pool before the resume starts from its prior.
    auto grown = k_priors;
    grown["fma"] = 0.6;
    CHECK(c.start_learning("r1", k_x60, grown).at("fma") == 0.6);
  }

  TEST_CASE("a cache an older eok wrote: read as it is when read-only, migrated with its data kept when writable")
  {
    ScratchDir dir;
    const std::string path = dir.file("old.sqlite");
    create_version_1(path);

    eok::cache::OpenMode ro;
    ro.create = false;
    ro.read_only = true;
    {
      Cache old = Cache::open(path, ro);
      CHECK(old.runs().size() == 1);
      CHECK(old.learned().empty());
      CHECK(old.start_learning("r", k_x60, k_priors) == k_priors);
      CHECK(old.db().schema_version("cache") == 1);
    }
    {
      // Importing an older eok's export works and takes its runs.
      Cache mine = Cache::open(dir.file("mine.sqlite"));
      mine.merge_from(path);
      CHECK(mine.runs().size() == 1);
    }
    Cache c = Cache::open(path);
    CHECK(c.db().schema_version("cache") == static_cast<int>(eok::cache::schema_migrations().size()));
    REQUIRE(c.runs().size() == 1);
    CHECK(c.runs().front().uid == "old-run");
    c.start_learning("r", k_x60, k_priors);
    c.finish_learning("r", k_x60, {{"unroll-2", 0.4}}, {{"unroll-2", 1}});
    CHECK(learned(c, k_x60, "unroll-2")->value == doctest::Approx(0.4));
  }

  TEST_CASE("merging caches keeps the value backed by more updates and the runs' starting points")
  {
    ScratchDir dir;
    {
      Cache other = Cache::open(dir.file("other.sqlite"));
      other.start_learning("o1", k_x60, k_priors);
      other.finish_learning("o1", k_x60, {{"lmul-m8", 0.2}, {"unroll-2", 0.9}}, {{"lmul-m8", 5}, {"unroll-2", 1}});
    }
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.start_learning("m1", k_x60, k_priors);
    c.finish_learning("m1", k_x60, {{"unroll-2", 0.3}}, {{"unroll-2", 2}});
    c.merge_from(dir.file("other.sqlite"));
    CHECK(learned(c, k_x60, "lmul-m8")->value == doctest::Approx(0.2));  // only theirs
    CHECK(learned(c, k_x60, "unroll-2")->value == doctest::Approx(0.3)); // ours: 2 updates against 1
    CHECK(c.start_learning("o1", k_x60, k_priors).at("lmul-m8") == 0.5); // their run resumes from its start
    CHECK(c.finish_learning("o1", k_x60, {{"lmul-m8", 0.2}}, {{"lmul-m8", 5}}) == 0);
  }

  TEST_CASE("removing a run (gc) drops what it started from, not what it taught")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    const int64_t run = c.begin_run("nn/relu", std::string(64, 'a'), "");
    const std::string uid = c.find_run(run)->uid;
    c.start_learning(uid, k_x60, k_priors);
    c.finish_learning(uid, k_x60, {{"lmul-m8", 0.9}}, {{"lmul-m8", 1}});
    c.start_learning("other-run", k_x60, k_priors);
    c.remove_run(run);
    CHECK(c.db().query_int("SELECT count(*) FROM learning_runs WHERE run_uid<>'other-run'") == 0);
    CHECK(c.db().query_int("SELECT count(*) FROM learning_runs") == static_cast<int64_t>(k_priors.size()));
    CHECK(learned(c, k_x60, "lmul-m8")->value == doctest::Approx(0.9));
  }

  TEST_CASE("reset forgets learned values of one thought, one core or all")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.start_learning("r1", k_x60, k_priors);
    c.finish_learning("r1", k_x60, {{"lmul-m8", 0.9}, {"unroll-2", 0.1}}, {{"lmul-m8", 1}, {"unroll-2", 1}});
    c.start_learning("r2", "other", k_priors);
    c.finish_learning("r2", "other", {{"lmul-m8", 0.9}}, {{"lmul-m8", 1}});
    CHECK(c.reset_learning(k_x60, "unroll-2") == 1);
    CHECK(c.reset_learning("other") == 1);
    CHECK(c.learned().size() == 1);
    CHECK(c.reset_learning() == 1);
    CHECK(c.start_learning("r3", k_x60, k_priors) == k_priors);
  }
}
