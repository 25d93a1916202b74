#include "cache/cache.hpp"
#include "cache/journal.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/scratch.hpp"
#include "util/test_support.hpp"

#include <cstdlib>
#include <thread>

using eok::cache::Cache;
using eok::cache::Candidate;
using eok::cache::PutResult;
using eok::cache::RunState;
using eok::cache::Winner;
using eok::testing::ScratchDir;

namespace {

const std::string k_key_a(64, 'a');
const std::string k_key_b(64, 'b');

Winner winner(const std::string& key, double cycles, const std::string& source = "int w;\n")
{
  Winner w;
  w.key = key;
  w.kernel = "nn/relu";
  w.source = source;
  w.defines = {{"EOK_LMUL", 4}, {"EOK_UNROLL", 2}};
  w.flags = {"-O3", "-funroll-loops"};
  w.cycles = cycles;
  w.sol_fraction = 0.5;
  w.speedup = 1000.0 / cycles;
  w.runner = "model";
  w.model_version = "m1";
  w.run_uid = "r1";
  w.idea = "lmul";
  w.thought = "widen";
  w.llm_model = "none";
  w.parent = "ker0";
  return w;
}

Candidate candidate(const std::string& slot, bool ok, double speedup)
{
  Candidate c;
  c.slot = slot;
  c.op = "E1";
  c.idea = "lmul";
  c.thought = "widen";
  c.parents = {"ker0", "db:1"};
  c.prompt_hash = "p";
  c.tokens = 42;
  c.generated = true;
  c.source = "int c;\n";
  c.defines = {{"EOK_LMUL", 8}};
  c.ok = ok;
  c.verdict = ok ? "ok" : "wrong_output";
  c.speedup = speedup;
  c.cycles = ok ? 100 / speedup : 0;
  return c;
}

} // namespace

TEST_SUITE("cache::store")
{
  TEST_CASE("a winner round-trips with its defines, flags, figures and provenance")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    CHECK_FALSE(c.find_winner(k_key_a).has_value());
    CHECK(c.put_winner(winner(k_key_a, 500)) == PutResult::inserted);
    const auto w = c.find_winner(k_key_a);
    REQUIRE(w.has_value());
    CHECK(w->source == "int w;\n");
    CHECK(w->defines == std::map<std::string, int64_t>{{"EOK_LMUL", 4}, {"EOK_UNROLL", 2}});
    CHECK(w->flags == std::vector<std::string>{"-O3", "-funroll-loops"});
    CHECK(w->cycles == 500);
    CHECK(w->speedup == 2);
    CHECK(w->idea == "lmul");
    CHECK(w->parent == "ker0");
    CHECK(w->created_at.size() == 19);
  }

  TEST_CASE("the better verified winner is kept")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.put_winner(winner(k_key_a, 500));
    CHECK(c.put_winner(winner(k_key_a, 600, "slower")) == PutResult::kept_existing);
    CHECK(c.put_winner(winner(k_key_a, 500, "tie")) == PutResult::kept_existing);
    Winner unverified = winner(k_key_a, 10, "unverified");
    unverified.verified = false;
    CHECK(c.put_winner(unverified) == PutResult::kept_existing);
    CHECK(c.put_winner(winner(k_key_a, 400, "faster")) == PutResult::replaced);
    CHECK(c.find_winner(k_key_a)->source == "faster");
    unverified.key = k_key_b;
    c.put_winner(unverified);
    CHECK_FALSE(c.find_winner(k_key_b).has_value()); // stored, never substituted
    CHECK(c.winners().size() == 2);
    CHECK(c.put_winner(winner(k_key_b, 900)) == PutResult::replaced);
    CHECK(c.find_winner(k_key_b)->cycles == 900);
  }

  TEST_CASE("a key's stamp changes only when its winner does")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    c.put_winner(winner(k_key_a, 500));
    const std::string stamp = eok::util::read_file(c.stamp_path(k_key_a));
    CHECK(stamp == "winner " + winner(k_key_a, 500).content_digest() + "\n");
    const auto mtime = eok::util::fs::last_write_time(c.stamp_path(k_key_a));
    c.put_winner(winner(k_key_a, 700, "slower"));
    c.put_winner(winner(k_key_b, 100));
    CHECK(eok::util::fs::last_write_time(c.stamp_path(k_key_a)) == mtime);
    c.put_winner(winner(k_key_a, 300, "faster"));
    CHECK(eok::util::read_file(c.stamp_path(k_key_a)) != stamp);
    CHECK(c.remove_winner(k_key_a));
    CHECK(eok::util::read_file(c.stamp_path(k_key_a)) == "none\n");
    CHECK(eok::util::fs::exists(c.stamp_path(k_key_b)));
  }

  TEST_CASE("runs and candidates: the journal a resumed search reads")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    const int64_t run = c.begin_run("nn/relu", k_key_a, "seed=1");
    CHECK(c.find_unfinished_run(k_key_a)->id == run);
    c.record_candidate(run, candidate("t0/p0/g0/I1", false, 0));
    c.record_candidate(run, candidate("t0/p0/g1/E1", true, 2.0));
    c.record_candidate(run, candidate("t0/p0/g0/I1", true, 1.5)); // the same slot again: replaced
    const auto got = c.find_candidate(run, "t0/p0/g0/I1");
    REQUIRE(got.has_value());
    CHECK(got->ok);
    CHECK(got->parents == std::vector<std::string>{"ker0", "db:1"});
    CHECK(got->defines.at("EOK_LMUL") == 8);
    CHECK(got->tokens == 42);
    CHECK_FALSE(c.find_candidate(run, "t9").has_value());
    CHECK(c.candidates(run).size() == 2);
    const auto stats = c.idea_stats();
    REQUIRE(stats.size() == 1);
    CHECK(stats[0].uses == 2);
    CHECK(stats[0].passed == 2);
    CHECK(stats[0].best_speedup == 2.0);
    c.end_run(run, RunState::complete, "done");
    CHECK_FALSE(c.find_unfinished_run(k_key_a).has_value());
    CHECK(c.runs().at(0).state == RunState::complete);
    CHECK_THROWS_AS(c.end_run(run + 7, RunState::aborted), eok::Fatal);
  }

  TEST_CASE("claims: a point is evaluated by one owner; others wait, then reuse its verdict; a dead owner's claim is taken over")
  {
    ScratchDir dir;
    Cache c = Cache::open(dir.file("c.sqlite"));
    const int64_t run = c.begin_run("nn/relu", k_key_a, "");
    CHECK(c.claim_point(k_key_a, "p1", 60).state == Cache::ClaimState::mine);
    CHECK(c.claim_point(k_key_a, "p1", 60).state == Cache::ClaimState::mine); // its own claim again
    // Another live process on this host holds p2 (pid 1 always runs): busy until it is done.
    c.db()
        .prepare("INSERT INTO claims(key, point, owner_host, owner_pid, expires_at) VALUES(?1, 'p2', ?2, 1, ?3)")
        .bind_all(k_key_a, eok::util::host_name(), int64_t{4102444800})
        .run();
    const Cache::Claim busy = c.claim_point(k_key_a, "p2", 60);
    CHECK(busy.state == Cache::ClaimState::busy);
    CHECK(busy.owner == eok::util::host_name() + ":1");
    // Its owner died (a pid that no longer runs): taken over at once, whatever the lease says.
    c.db().prepare("UPDATE claims SET owner_pid=2147483646 WHERE point='p2'").run();
    CHECK(c.claim_point(k_key_a, "p2", 60).state == Cache::ClaimState::mine);
    // An owner on another host holds it until its lease passes.
    c.db()
        .prepare("INSERT INTO claims(key, point, owner_host, owner_pid, expires_at) VALUES(?1, 'p3', 'elsewhere', 1, 1)")
        .bind(1, k_key_a)
        .run();
    CHECK(c.claim_point(k_key_a, "p3", 60).state == Cache::ClaimState::mine);
    // Done: the verdict is the recorded candidate, for any later claimant.
    c.record_candidate(run, candidate("kf/ker0/EOK_LMUL=8", true, 1.5));
    c.complete_point(k_key_a, "p1", run, "kf/ker0/EOK_LMUL=8");
    const Cache::Claim done = c.claim_point(k_key_a, "p1", 60);
    REQUIRE(done.state == Cache::ClaimState::done);
    CHECK(done.verdict->speedup == 1.5);
    CHECK(c.claim_point(k_key_b, "p1", 60).state == Cache::ClaimState::mine); // claims are per key
    // Released after a failed evaluation: free again.
    c.release_point(k_key_a, "p2");
    CHECK(c.db().query_int("SELECT count(*) FROM claims WHERE point='p2'") == 0);
  }

  TEST_CASE("merge keeps the better verified winner per key and adds runs once")
  {
    ScratchDir dir;
    Cache a = Cache::open(dir.file("a.sqlite"));
    a.put_winner(winner(k_key_a, 500, "a-of-a"));
    const int64_t run = a.begin_run("nn/relu", k_key_a, "");
    a.record_candidate(run, candidate("s1", true, 2));
    a.end_run(run, RunState::complete);
    {
      Cache b = Cache::open(dir.file("b.sqlite"));
      b.put_winner(winner(k_key_a, 400, "b-of-a"));
      b.put_winner(winner(k_key_b, 100, "b-of-b"));
      const int64_t rb = b.begin_run("nn/gelu", k_key_b, "");
      b.record_candidate(rb, candidate("s1", true, 3));
    }
    CHECK(a.merge_from(dir.file("b.sqlite")) == 2);
    CHECK(a.find_winner(k_key_a)->source == "b-of-a");
    CHECK(a.find_winner(k_key_b)->source == "b-of-b");
    CHECK(eok::util::read_file(a.stamp_path(k_key_b)).find("winner ") == 0);
    CHECK(a.merge_from(dir.file("b.sqlite")) == 0); // idempotent
    CHECK(a.runs().size() == 2);
    CHECK(a.idea_stats().at(0).uses == 2);
  }

  TEST_CASE("export is a consistent SQLite copy that imports back")
  {
    ScratchDir dir;
    Cache a = Cache::open(dir.file("a.sqlite"));
    a.put_winner(winner(k_key_a, 500));
    a.export_to(dir.file("out.sqlite"));
    CHECK_THROWS_WITH_AS(a.export_to(dir.file("out.sqlite")),
                         (dir.file("out.sqlite") + ": exists already; eok does not overwrite an export").c_str(), eok::Fatal);
    Cache fresh = Cache::open(dir.file("fresh.sqlite"));
    CHECK(fresh.merge_from(dir.file("out.sqlite")) == 1);
    CHECK(fresh.find_winner(k_key_a)->content_digest() == winner(k_key_a, 500).content_digest());
  }

  TEST_CASE("a winner edited after eok stored it fails its integrity check: never found, never merged")
  {
    ScratchDir dir;
    {
      Cache b = Cache::open(dir.file("b.sqlite"));
      b.put_winner(winner(k_key_a, 500, "honest"));
      CHECK(b.lookup_winner(k_key_a).winner.has_value());
      b.db().prepare("UPDATE winners SET cycles = 10, speedup = 50").run(); // a row claiming 50x
      const auto l = b.lookup_winner(k_key_a);
      CHECK_FALSE(l.winner.has_value());
      CHECK(l.tampered);
      CHECK(l.why.find("integrity check") != std::string::npos);
    }
    Cache a = Cache::open(dir.file("a.sqlite"));
    a.put_winner(winner(k_key_a, 600, "mine"));
    CHECK(a.merge_from(dir.file("b.sqlite")) == 0);
    CHECK(a.find_winner(k_key_a)->source == "mine");
    // A tampered row is replaced by any sound winner, even a slower one.
    a.db().prepare("UPDATE winners SET source = 'evil'").run();
    CHECK(a.put_winner(winner(k_key_a, 900, "re-tuned")) == PutResult::replaced);
    CHECK(a.find_winner(k_key_a)->source == "re-tuned");
  }

  TEST_CASE("merge asks `admit` about each incoming winner before writing, and stores what it returns")
  {
    ScratchDir dir;
    {
      Cache b = Cache::open(dir.file("b.sqlite"));
      b.put_winner(winner(k_key_a, 100, "claims 10x"));
      b.put_winner(winner(k_key_b, 400, "honest"));
    }
    Cache a = Cache::open(dir.file("a.sqlite"));
    std::vector<std::string> asked;
    const int changed = a.merge_from(dir.file("b.sqlite"), [&](const Winner& w) -> std::optional<Winner> {
      asked.push_back(w.source);
      if (w.key == k_key_a) {
        return std::nullopt; // failed verification here
      }
      Winner measured = w;
      measured.cycles = 410;
      measured.note = "verified here";
      return measured;
    });
    CHECK(changed == 1);
    CHECK(asked.size() == 2);
    CHECK_FALSE(a.find_winner(k_key_a).has_value());
    CHECK(a.find_winner(k_key_b)->cycles == 410);
    CHECK(a.find_winner(k_key_b)->note == "verified here");
  }

  TEST_CASE("a killed export leaves no file under the final name; the next export works")
  {
    ScratchDir dir;
    Cache a = Cache::open(dir.file("a.sqlite"));
    a.put_winner(winner(k_key_a, 500));
    const std::string out = dir.file("out.sqlite");
    eok::util::write_file_atomic(out + ".eok-partial", std::string(8192, 'x')); // what a SIGKILL leaves
    a.export_to(out);
    CHECK_FALSE(eok::util::fs::exists(out + ".eok-partial"));
    Cache fresh = Cache::open(dir.file("fresh.sqlite"));
    CHECK(fresh.merge_from(out) == 1);
  }

  TEST_CASE("a missing cache opened read-only is an error, and nothing is created")
  {
    ScratchDir dir;
    eok::cache::OpenMode ro;
    ro.create = false;
    ro.read_only = true;
    CHECK_THROWS_AS(Cache::open(dir.file("none.sqlite"), ro), eok::Fatal);
    CHECK_FALSE(eok::util::fs::exists(dir.file("none.sqlite")));
  }

  // Run by the next test in two child processes (skipped on its own).
  TEST_CASE("child writer" * doctest::skip())
  {
    const char* path = std::getenv("EOK_TEST_CACHE");
    const char* who = std::getenv("EOK_TEST_WHO");
    REQUIRE(path != nullptr);
    REQUIRE(who != nullptr);
    Cache c = Cache::open(path);
    const std::string me = who;
    for (int i = 0; i < 20; ++i) {
      const int64_t run = c.begin_run("k" + me, k_key_a, "");
      for (int j = 0; j < 5; ++j) {
        c.record_candidate(run, candidate(me + "/" + std::to_string(j), true, 1 + j));
      }
      c.put_winner(winner(k_key_a, 1000 - i * 10 - (me == "2" ? 5 : 0), me + "/" + std::to_string(i)));
      c.put_winner(winner(std::string(63, 'c') + me, 1000 - i));
      c.end_run(run, RunState::complete);
    }
  }

  TEST_CASE("two processes writing one cache at once lose nothing")
  {
    ScratchDir dir;
    const std::string path = dir.file("shared.sqlite");
    Cache::open(path); // created up front; the children also race on opening it
    auto child = [&path](const std::string& who, eok::util::ProcessResult* out) {
      eok::util::ProcessSpec spec;
      spec.argv = {eok::util::fs::read_symlink("/proc/self/exe").string(), "--test-case=child writer", "--no-skip", "--no-intro"};
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
    CHECK(c.runs().size() == 40);
    CHECK(c.db().query_int("SELECT count(*) FROM candidates") == 200);
    CHECK(c.db().query_int("SELECT count(*) FROM runs WHERE state='complete'") == 40);
    CHECK(c.find_winner(k_key_a)->source == "2/19"); // the best of both: 1000 - 190 - 5
    CHECK(c.find_winner(std::string(63, 'c') + "1")->cycles == 981);
    CHECK(c.find_winner(std::string(63, 'c') + "2")->cycles == 981);
  }
}

TEST_SUITE("cache::journal")
{
  TEST_CASE("a search record survives the journal unchanged, and resumes from a reopened cache")
  {
    ScratchDir dir;
    eok::search::Record r;
    r.slot = "t0/p1/g2/M1";
    r.op = "M1";
    r.idea = "i";
    r.thought = "th";
    r.parents = {"ker0", "db:3"};
    r.prompt_hash = "ph";
    r.generation = {true, "desc", "int k;\n", "", "gpt", 77};
    r.evaluation = {true, "ok", "", 1.75, 1234, 0.42, "model/1", "mv", R"({"schema_version":1})"};
    int64_t run = 0;
    {
      Cache c = Cache::open(dir.file("j.sqlite"));
      run = c.begin_run("nn/relu", k_key_a, "");
      eok::cache::RunJournal j(c, run);
      j.record(r);
      CHECK_FALSE(j.find("t0/p1/g2/M2").has_value());
    }
    Cache c = Cache::open(dir.file("j.sqlite"));
    eok::cache::RunJournal j(c, c.find_unfinished_run(k_key_a)->id);
    const auto back = j.find(r.slot);
    REQUIRE(back.has_value());
    CHECK(back->parents == r.parents);
    CHECK(back->generation.code == "int k;\n");
    CHECK(back->generation.tokens == 77);
    CHECK(back->generation.model == "gpt");
    CHECK(back->evaluation.speedup == 1.75);
    CHECK(back->evaluation.cycles == 1234);
    CHECK(back->evaluation.verdict == "ok");
    // What a resumed run needs to report and store the candidate as it was measured.
    CHECK(back->evaluation.sol_fraction == 0.42);
    CHECK(back->evaluation.runner == "model/1");
    CHECK(back->evaluation.model_version == "mv");
    CHECK(back->evaluation.verdict_json == R"({"schema_version":1})");
  }
}
