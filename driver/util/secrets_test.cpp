#include "util/process.hpp"
#include "util/secrets.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace eok;

TEST_SUITE("util::secrets")
{
  TEST_CASE("a registered secret is replaced wherever it occurs; short values are ignored")
  {
    util::register_secret("sk-test-4242-redact-me");
    util::register_secret("abc"); // too short to be a key: would mangle ordinary text
    CHECK(util::redact("401: bad key sk-test-4242-redact-me (sk-test-4242-redact-me)") == "401: bad key [redacted] ([redacted])");
    CHECK(util::redact("abc def") == "abc def");
    CHECK(util::contains_secret("x sk-test-4242-redact-me y"));
    CHECK_FALSE(util::contains_secret("nothing here"));
  }

  TEST_CASE("children get a minimal environment: no API key, no unlisted variable, explicit additions kept")
  {
    ::setenv("EOK_API_KEY", "sk-child-must-not-see-this", 1);
    ::setenv("EOK_UNLISTED_SETTING", "visible?", 1);
    ::setenv("LC_EOK_TEST", "sk-child-must-not-see-this", 1); // an allowed name holding the key
    util::register_secret("sk-child-must-not-see-this");
    util::ProcessSpec s;
    s.argv = {"env"};
    s.env_add = {"EOK_EXPLICIT=1"};
    const util::ProcessResult r = util::run_process(s);
    ::unsetenv("EOK_API_KEY");
    ::unsetenv("EOK_UNLISTED_SETTING");
    ::unsetenv("LC_EOK_TEST");
    REQUIRE(r.succeeded());
    CHECK(r.out.find("sk-child-must-not-see-this") == std::string::npos);
    CHECK(r.out.find("EOK_UNLISTED_SETTING") == std::string::npos);
    CHECK(r.out.find("EOK_EXPLICIT=1") != std::string::npos);
    CHECK(r.out.find("PATH=") != std::string::npos);
  }
}
