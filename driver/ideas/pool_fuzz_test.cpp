// Mutation fuzzing of idea files: whatever the bytes, parsing either yields a
// well-formed idea or throws one Fatal whose message starts with the file name.
// Deterministic (fixed seed); the seed and mutated text are printed on failure.
#include "ideas/pool.hpp"

#include "util/error.hpp"
#include "util/test_support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace eok;

namespace {

const char* const k_valid = R"([idea]
id = "fz"
principle = """
Do less."""

[[thought]]
id = "t-one"
description = "Fuse."
effectiveness = 0.5
rationale = "one op"
code = '''
void f(void) {}
'''

[[thought]]
id = "t-two"
description = "Hoist."
effectiveness = 1
rationale = "r"
code = "int x;"
)";

} // namespace

TEST_SUITE("ideas::fuzz")
{
  TEST_CASE("3000 mutated idea files: a valid idea or one Fatal naming the file")
  {
    testing::TomlMutator m{0x1dea5eedULL};
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string text = m.mutate(k_valid);
      try {
        ideas::Idea idea = ideas::parse_idea(text, "pool/fz.toml");
        ++accepted;
        // Whatever was accepted obeys the format's rules.
        CHECK(idea.id == "fz");
        REQUIRE(!idea.thoughts.empty());
        for (const auto& t : idea.thoughts) {
          CHECK(t.effectiveness >= 0.0);
          CHECK(t.effectiveness <= 1.0);
          CHECK(!t.id.empty());
          CHECK(!t.code.empty());
        }
      } catch (const Fatal& e) {
        std::string what = e.what();
        INFO("iteration " << i << ", text:\n" << text);
        CHECK(what.rfind("pool/fz.toml", 0) == 0);
      } catch (...) {
        INFO("iteration " << i << ", text:\n" << text);
        FAIL("an exception other than Fatal escaped");
      }
    }
    // Some mutations (inside strings) keep the file valid; most do not.
    CHECK(accepted > 50);
    CHECK(accepted < 2900);
  }
}
