#include "target/build_dir.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

using eok::Fatal;
using eok::testing::ScratchDir;
namespace target = eok::target;
namespace util = eok::util;

TEST_SUITE("target::build_dir")
{
  TEST_CASE("Meson's string lists are read as written")
  {
    CHECK(target::parse_string_list("['/a/b.ini', \"c d\", 'e\\'f']", "x") == std::vector<std::string>{"/a/b.ini", "c d", "e'f"});
    CHECK(target::parse_string_list(" [] ", "x").empty());
    CHECK_THROWS_WITH_AS(target::parse_string_list("'a'", "f:3"), "f:3: expected a list like ['a', 'b'], got 'a'", Fatal);
  }

  TEST_CASE("the cross files come from the build directory's cmd_line.txt")
  {
    ScratchDir dir;
    util::fs::create_directories(dir.path() / "meson-private");
    const std::string cmd = dir.file("meson-private/cmd_line.txt");
    util::write_file_atomic(cmd, "[options]\nb_lto = true\n\n[properties]\ncross_file = ['/x/one.ini', '/x/two.ini']\n");
    CHECK(target::build_cross_files(dir.path().string()) == std::vector<std::string>{"/x/one.ini", "/x/two.ini"});
    util::write_file_atomic(cmd, "[options]\n\n[properties]\n");
    CHECK_THROWS_WITH_AS(target::build_cross_files(dir.path().string()), doctest::Contains("the build was configured without --cross-file"),
                         Fatal);
    CHECK_THROWS_WITH_AS(target::build_cross_files(dir.file("nope")), doctest::Contains("is not a configured Meson build directory"),
                         Fatal);
  }
}
