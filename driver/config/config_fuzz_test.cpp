// Mutation fuzzing of eok.toml loading: whatever the bytes, loading either
// succeeds or throws one Fatal that names the file. Deterministic (fixed seed) so
// a failure reproduces; the seed and the mutated text are printed on failure.
#include "config/config.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

#include <cstdint>
#include <string>

using namespace eok;

namespace {

const char* const k_valid = R"([paths]
cache = ".eok/c.sqlite"
[llm]
provider = "openai"
base_url = "http://127.0.0.1:9/v1"
model = "m"
temperature = 0.5
[search]
parallel = 2
seed = 3
[tune]
ci = false
)";

} // namespace

TEST_SUITE("config::fuzz")
{
  TEST_CASE("2000 mutated eok.toml files: success or one Fatal naming the file")
  {
    testing::ScratchDir dir;
    std::string path = dir.file("eok.toml");
    testing::TomlMutator m{0x5eed1234abcdULL};
    int accepted = 0;
    for (int i = 0; i < 2000; ++i) {
      std::string text = m.mutate(k_valid);
      util::write_file_atomic(path, text);
      config::LoadOptions o;
      o.project_file = path;
      o.skip_user_file = true;
      try {
        (void)config::Settings::load(o);
        ++accepted;
      } catch (const Fatal& e) {
        std::string what = e.what();
        INFO("case " << i << ": " << text);
        CHECK(what.rfind(path + ":", 0) == 0);
      }
    }
    // Some mutations (comments, digits in values) stay valid; most do not.
    CHECK(accepted > 0);
    CHECK(accepted < 2000);
  }
}
