#include "launch/compile_line.hpp"
#include "launch/launch_key.hpp"
#include "launch/launcher.hpp"
#include "launch/stats.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

using namespace eok;
using namespace eok::launch;
using eok::testing::ScratchDir;

TEST_SUITE("launch::compile_line")
{
  TEST_CASE("a CMake compile: compiler, source, output, and the flags that decide the code")
  {
    const CompileLine l = parse_compile_line({"/usr/bin/ccache", "/usr/bin/clang++", "--target=riscv64-linux-gnu", "-I", "/src/inc", "-O3",
                                              "-MD", "-MT", "x.o", "-MF", "x.o.d", "-o", "x.o", "-c", "/src/a.cpp"});
    REQUIRE(l.is_single_compile());
    CHECK(l.compiler() == "/usr/bin/clang++");
    CHECK(l.source() == "/src/a.cpp");
    REQUIRE(l.output_index);
    CHECK(l.argv[*l.output_index] == "x.o");
    CHECK(l.code_flags() == std::vector<std::string>{"--target=riscv64-linux-gnu", "-I", "/src/inc", "-O3", "-c"});
    CHECK(l.dependency_query() ==
          std::vector<std::string>{"/usr/bin/clang++", "--target=riscv64-linux-gnu", "-I", "/src/inc", "-O3", "-M", "/src/a.cpp"});
    CHECK(l.with_source("w.cpp", {"-iquote", "/src"}).back() == "w.cpp");
    CHECK(winner_file_for(l) == "x.o.eok.cpp");
  }

  TEST_CASE("links, preprocessing, several sources and response files are not compiles")
  {
    CHECK_FALSE(parse_compile_line({"c++", "a.o", "b.o", "-o", "prog"}).is_single_compile());
    CHECK_FALSE(parse_compile_line({"c++", "-E", "-c", "a.cpp"}).is_single_compile());
    CHECK_FALSE(parse_compile_line({"c++", "-c", "a.cpp", "b.cpp"}).is_single_compile());
    CHECK_FALSE(parse_compile_line({"c++", "@flags.rsp", "-c", "a.cpp"}).is_single_compile());
    CHECK_FALSE(parse_compile_line({"c++", "-c", "a.s"}).is_single_compile());
    // -D's separate value is not an input
    CHECK(parse_compile_line({"cc", "-D", "X", "-c", "a.c"}).source() == "a.c");
  }

  TEST_CASE("dependency lists: continuation lines and escaped spaces")
  {
    CHECK(parse_dependency_list("a.o: a.cpp /x/b\\ c.h \\\n  /y/d.h\n") == std::vector<std::string>{"a.cpp", "/x/b c.h", "/y/d.h"});
  }
}

TEST_SUITE("launch::launcher")
{
  const char* k_header = "#define SCALE 2\n";
  const char* k_source = "#include \"scale.h\"\nint f(int x) { return x * SCALE; }\n";

  std::string compiler()
  {
    return util::find_program("clang-22").empty() ? "clang-19" : "clang-22";
  }

  TEST_CASE("the key covers the source, every included header, flags and the compiler")
  {
    ScratchDir dir;
    util::write_file_atomic(dir.path() / "scale.h", k_header);
    util::write_file_atomic(dir.path() / "a.c", k_source);
    const std::string src = (dir.path() / "a.c").string();
    const auto key = [&](const std::vector<std::string>& flags) {
      std::vector<std::string> argv{util::find_program(compiler())};
      argv.insert(argv.end(), flags.begin(), flags.end());
      argv.insert(argv.end(), {"-c", src, "-o", (dir.path() / "a.o").string()});
      return launch_key(parse_compile_line(argv)).hex;
    };
    const std::string k0 = key({"-O2"});
    CHECK(key({"-O2"}) == k0);
    CHECK(key({"-O3"}) != k0);
    util::write_file_atomic(dir.path() / "scale.h", "#define SCALE 3\n");
    CHECK(key({"-O2"}) != k0);
    util::write_file_atomic(dir.path() / "scale.h", k_header);
    CHECK(key({"-O2"}) == k0);
    // the output path and depfile options do not change the code
    std::vector<std::string> argv{util::find_program(compiler()),   "-O2", "-MD", "-MF", "x.d", "-c", src, "-o",
                                  (dir.path() / "other.o").string()};
    CHECK(launch_key(parse_compile_line(argv)).hex == k0);
    CHECK_THROWS_AS(launch_key(parse_compile_line({util::find_program(compiler()), "-O2", "-c", (dir.path() / "missing.c").string()})),
                    Fatal);
  }

  TEST_CASE("a missing or corrupt cache: the original compile and one warning, recorded as unusable")
  {
    ScratchDir dir;
    util::write_file_atomic(dir.path() / "scale.h", k_header);
    util::write_file_atomic(dir.path() / "a.c", k_source);
    const std::string stats = (dir.path() / "stats").string();
    std::vector<std::string> warnings;
    LaunchOptions opt;
    opt.stats_path = stats;
    opt.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::vector<std::string> argv{compiler(), "-c", (dir.path() / "a.c").string(), "-o", (dir.path() / "a.o").string()};
    opt.cache_path = (dir.path() / "none.sqlite").string();
    CHECK(run_launch(argv, opt) == 0);
    CHECK(util::fs::exists(dir.path() / "a.o"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("no such cache") != std::string::npos);
    util::write_file_atomic(dir.path() / "bad.sqlite", "not a database, just text of some length\n");
    opt.cache_path = (dir.path() / "bad.sqlite").string();
    util::fs::remove(dir.path() / "a.o");
    CHECK(run_launch(argv, opt) == 0);
    CHECK(util::fs::exists(dir.path() / "a.o"));
    CHECK(warnings.size() == 2);
    // the same reason again: recorded, not warned twice
    CHECK(run_launch(argv, opt) == 0);
    CHECK(warnings.size() == 2);
    const Stats s = read_stats(stats);
    CHECK(s.counts.at(Event::unusable) == 3);
    CHECK(s.unusable_reasons.size() == 2);
    CHECK(s.substituted.empty());
    // a failing compile's status comes through
    CHECK(run_launch({compiler(), "-c", (dir.path() / "nope.c").string()}, opt) != 0);
  }
}
