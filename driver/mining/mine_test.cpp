#include "mining/mine.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

using namespace eok;

namespace {

void git(const std::string& repo, std::vector<std::string> args)
{
  util::ProcessSpec spec;
  spec.argv = {"git", "-C", repo};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env_add = {"GIT_AUTHOR_NAME=t",     "GIT_AUTHOR_EMAIL=t@example.org",
                  "GIT_COMMITTER_NAME=t",  "GIT_COMMITTER_EMAIL=t@example.org",
                  "GIT_CONFIG_NOSYSTEM=1", "HOME=" + repo};
  util::ProcessResult r = util::run_process(spec);
  REQUIRE_MESSAGE(r.succeeded(), r.err);
}

void commit(const std::string& repo, const std::string& message)
{
  git(repo, {"commit", "-q", "--allow-empty", "-m", message});
}

} // namespace

TEST_SUITE("mining::mine")
{
  TEST_CASE("optimisation commits are read from git, filtered and assigned to the closest thought")
  {
    testing::ScratchDir dir;
    std::string repo = dir.path().string();
    git(repo, {"init", "-q"});
    commit(repo, "Initial import");
    commit(repo, "sigmoid: replace vfdiv by vfrec7 reciprocal estimate and Newton steps\n\nTwice faster on X60.");
    commit(repo, "Fix typo in README");
    commit(repo, "dot: reduce once after the loop instead of vfredusum per iteration (perf)");
    commit(repo, "Speed up the quokka shuffler");

    auto commits = mining::read_commits(repo, "HEAD", 100);
    REQUIRE(commits.size() == 5);
    CHECK(commits[0].subject == "Speed up the quokka shuffler"); // newest first
    CHECK(commits[3].body == "Twice faster on X60.");
    CHECK(commits[0].hash.size() == 40);
    CHECK(mining::read_commits(repo, "HEAD", 2).size() == 2);

    CHECK(mining::looks_like_optimisation(commits[0]));
    CHECK_FALSE(mining::looks_like_optimisation(commits[2]));

    ideas::Pool pool = ideas::load_pool(ideas::resolve_data_dir("ideas"));
    mining::MineResult res = mining::mine(pool, commits, 6.0);
    CHECK(res.scanned == 5);
    CHECK(res.kept.size() == 3);
    REQUIRE(res.assigned.count("reciprocal-estimate-newton") == 1);
    CHECK(res.assigned.at("reciprocal-estimate-newton")[0].subject.rfind("sigmoid:", 0) == 0);
    REQUIRE(res.assigned.count("reduce-once-after-loop") == 1);
    REQUIRE(res.unassigned.size() == 1);
    CHECK(res.unassigned[0].subject == "Speed up the quokka shuffler");
  }

  TEST_CASE("the diff of a commit shows only its C, C++ and assembly files, cut at a line beyond the cap")
  {
    testing::ScratchDir dir;
    std::string repo = dir.path().string();
    git(repo, {"init", "-q"});
    util::fs::create_directories(dir.path() / "src" / "x86");
    util::write_file_atomic(dir.file("src/x86/k.c"), "float k(float x) { return x / 3.0f; }\n");
    util::write_file_atomic(dir.file("README.md"), "docs\n");
    git(repo, {"add", "-A"});
    commit(repo, "import");
    util::write_file_atomic(dir.file("src/x86/k.c"), "float k(float x) { return x * (1.0f / 3.0f); }\n");
    util::write_file_atomic(dir.file("src/k.S"), "nop\n");
    util::write_file_atomic(dir.file("README.md"), "faster docs\n");
    git(repo, {"add", "-A"});
    commit(repo, "k: multiply by the reciprocal (faster)");
    util::write_file_atomic(dir.file("README.md"), "only docs\n");
    git(repo, {"add", "-A"});
    commit(repo, "docs: speed");

    auto commits = mining::read_commits(repo, "HEAD", 10);
    REQUIRE(commits.size() == 3);
    CHECK(mining::read_diff(repo, commits[0].hash, 10000).empty());
    std::string d = mining::read_diff(repo, commits[1].hash, 10000);
    CHECK(d.find("+++ b/src/x86/k.c") != std::string::npos);
    CHECK(d.find("+float k(float x) { return x * (1.0f / 3.0f); }") != std::string::npos);
    CHECK(d.find("+++ b/src/k.S") != std::string::npos);
    CHECK(d.find("README") == std::string::npos);
    std::string cut = mining::read_diff(repo, commits[1].hash, 60);
    CHECK(cut.size() < d.size());
    CHECK(cut.find("[diff cut: ") != std::string::npos);
    CHECK(cut.substr(0, cut.find("[diff cut")) == d.substr(0, cut.find("[diff cut")));
    CHECK(cut.find("[diff cut") <= 60);
    // Limited to a subtree: its commits, its sources.
    CHECK(mining::read_commits(repo, "HEAD", 10, {"src/x86/"}).size() == 2);
    std::string sub = mining::read_diff(repo, commits[1].hash, 10000, {"src/x86"});
    CHECK(sub.find("+++ b/src/x86/k.c") != std::string::npos);
    CHECK(sub.find("k.S") == std::string::npos);
    CHECK(mining::read_diff(repo, commits[1].hash, 10000, {"docs"}).empty());
    CHECK_THROWS_WITH(mining::read_diff(repo, "0123456789012345678901234567890123456789", 100),
                      doctest::Contains("git show 0123456789012345678901234567890123456789 failed"));
  }

  TEST_CASE("a directory that is not a repository is an error naming it")
  {
    testing::ScratchDir dir;
    try {
      mining::read_commits(dir.path().string(), "HEAD", 10);
      FAIL("no error");
    } catch (const Fatal& e) {
      CHECK(std::string(e.what()).rfind(dir.path().string() + ": git log HEAD failed: ", 0) == 0);
    }
  }
}
