#include "util/process.hpp"

#include "util/fs.hpp"
#include "util/scratch.hpp"
#include "util/strings.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <unistd.h>

using eok::util::ProcessResult;
using eok::util::ProcessSpec;
using eok::util::run_process;

TEST_SUITE("util::process")
{
  TEST_CASE("captures stdout, stderr and the exit code")
  {
    ProcessSpec s;
    s.argv = {"sh", "-c", "echo out; echo err >&2; exit 3"};
    auto r = run_process(s);
    CHECK(r.status == ProcessResult::Status::exited);
    CHECK(r.exit_code == 3);
    CHECK(r.out == "out\n");
    CHECK(r.err == "err\n");
    CHECK(r.describe() == "exit 3");
  }

  TEST_CASE("argv is passed verbatim, never through a shell")
  {
    ProcessSpec s;
    s.argv = {"printf", "%s|", "a b", "$(x)", "'q'"};
    auto r = run_process(s);
    CHECK(r.succeeded());
    CHECK(r.out == "a b|$(x)|'q'|");
  }

  TEST_CASE("a signal is reported as such")
  {
    ProcessSpec s;
    s.argv = {"sh", "-c", "kill -SEGV $$"};
    auto r = run_process(s);
    CHECK(r.status == ProcessResult::Status::signaled);
    CHECK(r.term_signal == SIGSEGV);
  }

  TEST_CASE("a timeout kills the whole process group")
  {
    ProcessSpec s;
    // The grandchild would keep the pipe open for 30 s if it survived.
    s.argv = {"sh", "-c", "sleep 30 & sleep 30; echo never"};
    s.timeout = std::chrono::milliseconds(300);
    auto r = run_process(s);
    CHECK(r.status == ProcessResult::Status::timed_out);
    CHECK(r.wall_seconds < 5.0);
    CHECK(r.out.empty());
  }

  TEST_CASE("output beyond the cap kills the child and keeps only the cap")
  {
    ProcessSpec s;
    s.argv = {"sh", "-c", "yes eok"};
    s.output_cap = 1000;
    s.timeout = std::chrono::milliseconds(10000);
    auto r = run_process(s);
    CHECK(r.status == ProcessResult::Status::output_limit);
    CHECK(r.out.size() == 1000);
  }

  TEST_CASE("stdin data, working directory and added environment")
  {
    ProcessSpec s;
    s.argv = {"sh", "-c", "cat; pwd; echo $EOK_TEST_VAR"};
    s.stdin_data = "input\n";
    s.cwd = "/";
    s.env_add = {"EOK_TEST_VAR=hello"};
    auto r = run_process(s);
    CHECK(r.succeeded());
    CHECK(r.out == "input\n/\nhello\n");
  }

  TEST_CASE("a missing program is a spawn failure, not a crash")
  {
    ProcessSpec s;
    s.argv = {"eok-no-such-program-xyz"};
    auto r = run_process(s);
    CHECK(r.status == ProcessResult::Status::spawn_failed);
    CHECK(r.error.find("not found") != std::string::npos);
  }

  TEST_CASE("the memory limit applies to the child")
  {
    ProcessSpec s;
    s.argv = {"sh", "-c", "x=$(head -c 50000000 /dev/zero | tr '\\0' a); echo ${#x}"};
    s.memory_limit_bytes = uint64_t{20} << 20;
    auto r = run_process(s);
    CHECK_FALSE(r.succeeded());
  }
}

TEST_SUITE("util::process")
{
  TEST_CASE("scratch directories of dead processes are removed, those of live ones kept")
  {
    eok::testing::ScratchDir dir;
    ProcessSpec s;
    s.argv = {"sh", "-c", "echo $$"};
    const auto r = run_process(s); // its pid is free once it has been reaped
    REQUIRE(r.succeeded());
    const std::string dead = eok::util::trim(r.out);
    const std::string mine = std::to_string(::getpid());
    for (const std::string& name :
         std::vector<std::string>{"nn-relu-" + dead + "-0", "nn-relu-" + mine + "-3", "nn-relu-1-0", "not-scratch"}) {
      eok::util::fs::create_directories(dir.file(name) + "/sub");
    }
    CHECK(eok::util::remove_stale_scratch(dir.path().string()) == 1);
    CHECK_FALSE(eok::util::fs::exists(dir.file("nn-relu-" + dead + "-0")));
    CHECK(eok::util::fs::exists(dir.file("nn-relu-" + mine + "-3")));
    CHECK(eok::util::fs::exists(dir.file("nn-relu-1-0")));
    CHECK(eok::util::fs::exists(dir.file("not-scratch")));
  }
}
