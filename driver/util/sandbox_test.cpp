#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sandbox.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace eok;

namespace {

util::ProcessResult sh(const std::string& script, const std::string& writable, bool sandbox = true)
{
  util::ProcessSpec ps;
  ps.argv = {"sh", "-c", script};
  ps.sandbox = sandbox;
  ps.sandbox_writable = {writable};
  ps.timeout = std::chrono::seconds(30);
  return util::run_process(ps);
}

} // namespace

TEST_SUITE("util::sandbox")
{
  TEST_CASE("a confined child writes only below its directories")
  {
    if (util::landlock_abi() == 0) {
      MESSAGE("skipped: " << util::sandbox_status());
      return;
    }
    testing::ScratchDir scratch;
    testing::ScratchDir outside;
    const std::string inside_file = scratch.file("ok.txt");
    const std::string outside_file = outside.file("escaped.txt");
    auto r = sh("echo in > '" + inside_file + "' && mkdir '" + scratch.file("sub") + "' && cat /etc/hostname >/dev/null",
                scratch.path().string());
    CHECK_MESSAGE(r.succeeded(), r.err);
    CHECK(std::filesystem::is_regular_file(inside_file));
    // Reading anywhere is allowed; writing, creating, removing or renaming outside is not.
    r = sh("echo out > '" + outside_file + "'", scratch.path().string());
    CHECK_FALSE(r.succeeded());
    CHECK(r.err.find("Permission denied") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(outside_file));
    r = sh("mv '" + inside_file + "' '" + outside_file + "'", scratch.path().string());
    CHECK_FALSE(r.succeeded());
    CHECK_FALSE(std::filesystem::exists(outside_file));
    // Writing to /dev/null stays possible.
    CHECK(sh("echo x > /dev/null", scratch.path()).succeeded());
    // The control: unconfined, the same command writes the file.
    CHECK(sh("echo out > '" + outside_file + "'", scratch.path().string(), false).succeeded());
    CHECK(std::filesystem::exists(outside_file));
  }

  TEST_CASE("a confined child opens no TCP connection (Landlock ABI 4+)")
  {
    if (util::landlock_abi() < 4) {
      MESSAGE("skipped: " << util::sandbox_status());
      return;
    }
    testing::ScratchDir scratch;
    const char* connect = "exec 3<>/dev/tcp/127.0.0.1/9";
    util::ProcessSpec ps;
    ps.argv = {"bash", "-c", connect};
    ps.sandbox = true;
    ps.sandbox_writable = {scratch.path().string()};
    auto r = util::run_process(ps);
    std::string said = r.out + r.err;
    CHECK_MESSAGE(said.find("Permission denied") != std::string::npos, said);
    ps.sandbox = false;
    r = util::run_process(ps);
    // Unconfined the connection is attempted: refused, as nothing listens on port 9.
    said = r.out + r.err;
    CHECK_MESSAGE(said.find("Connection refused") != std::string::npos, said);
  }

  TEST_CASE("the status says what confinement there is")
  {
    const std::string s = util::sandbox_status();
    if (util::landlock_abi() > 0) {
      CHECK(s.rfind("landlock ABI " + std::to_string(util::landlock_abi()), 0) == 0);
    } else {
      CHECK(s.rfind("unavailable: ", 0) == 0);
    }
  }
}
