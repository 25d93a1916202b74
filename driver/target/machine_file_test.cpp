#include "target/machine_file.hpp"
#include "target/target.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

using namespace eok;
using target::MachineFile;

TEST_SUITE("target::machine_file")
{
  TEST_CASE("constants, concatenation, path join and multi-line arrays")
  {
    auto mf = MachineFile::parse_text(R"([constants]
root = '/usr'
flags = ['-O2']  # a comment
[binaries]
c = ['clang-22', '--target=x']
exe_wrapper = ['sh',
  '-L', root / 'riscv64-linux-gnu']
[built-in options]
c_args = flags + ['-march=rv64gcv']
[properties]
eok_vlen = 256
eok_core = 'spacemit' + '-x60'
)",
                                      "t.ini");
    auto t = target::target_from(mf);
    CHECK(t.cc == std::vector<std::string>{"clang-22", "--target=x"});
    CHECK(t.exe_wrapper == std::vector<std::string>{"sh", "-L", "/usr/riscv64-linux-gnu"});
    CHECK(t.c_args == std::vector<std::string>{"-O2", "-march=rv64gcv"});
    CHECK(t.march == "rv64gcv");
    CHECK(t.vlen == 256);
    CHECK(t.core == "spacemit-x60");
  }

  TEST_CASE("errors say file:line: what")
  {
    CHECK_THROWS_WITH(MachineFile::parse_text("[binaries]\nc = 'x\n", "b.ini"), "b.ini:2: unterminated string");
    CHECK_THROWS_WITH(MachineFile::parse_text("[binaries]\nc = clang\n", "b.ini"),
                      "b.ini:2: unknown constant 'clang' (define it in [constants])");
    CHECK_THROWS_WITH(MachineFile::parse_text("c = 'x'\n", "b.ini"), "b.ini:1: key outside of any [section]");
    CHECK_THROWS_WITH(MachineFile::parse_text("[binaries\n", "b.ini"), "b.ini:1: malformed section header '[binaries'");
  }

  TEST_CASE("a compiler that is not installed is named with its line")
  {
    auto mf = MachineFile::parse_text("[binaries]\nc = 'clang-999-not-here'\n[properties]\neok_vlen = 256\n", "m.ini");
    CHECK_THROWS_WITH(target::target_from(mf), "m.ini:2: c: 'clang-999-not-here' is not installed (not found on PATH)");
  }

  TEST_CASE("eok_model picks the core model, table by default, and is validated")
  {
    auto plain = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n[properties]\neok_vlen = 256\n", "m.ini");
    CHECK(target::target_from(plain).model == "table");
    auto sched = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n[properties]\neok_vlen = 256\neok_model = 'sched'\n", "m.ini");
    CHECK(target::target_from(sched).model == "sched");
    auto bad = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n[properties]\neok_vlen = 256\neok_model = 'fast'\n", "m.ini");
    CHECK_THROWS_WITH(target::target_from(bad), "m.ini:5: eok_model: expected 'table' or 'sched', got 'fast'");
  }

  TEST_CASE("eok_vlen is required and validated")
  {
    auto none = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n", "v.ini");
    CHECK_THROWS_WITH(target::target_from(none), "v.ini: [properties] needs eok_vlen = <vector length in bits> (an integer)");
    auto odd = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n[properties]\neok_vlen = 200\n", "v.ini");
    CHECK_THROWS_WITH(target::target_from(odd), "v.ini:4: eok_vlen: must be a power of two ≥ 64, got 200");
    auto text = MachineFile::parse_text("[binaries]\nc = 'clang-22'\n[properties]\neok_vlen = 'wide'\n", "v.ini");
    CHECK_THROWS_WITH(target::target_from(text), "v.ini:4: eok_vlen: the vector length in bits, an integer such as 256; got wide");
  }

  TEST_CASE("the cross compiler must be clang: the error names the cross file's line")
  {
    // `sh --version` is no clang: refused at the compiler entry, not later on some kernel.
    auto sh = MachineFile::parse_text("[binaries]\nc = 'sh'\n[properties]\neok_vlen = 256\n", "g.ini");
    CHECK_THROWS_WITH(target::target_from(sh), doctest::Contains("g.ini:2: c: 'sh' is not clang"));
    // A wrapper in front of clang (ccache, a logging script) is accepted by name.
    auto wrapped = MachineFile::parse_text("[binaries]\nc = ['env', 'clang-22']\n[properties]\neok_vlen = 256\n", "w.ini");
    CHECK(target::target_from(wrapped).cc.size() == 2);
  }

  TEST_CASE("a missing cross file is one clear error")
  {
    CHECK_THROWS_WITH(MachineFile::load({"/nonexistent/x.ini"}), "/nonexistent/x.ini: cross file not found");
  }

  TEST_CASE("identity text separates fields unambiguously")
  {
    target::Target a;
    a.c_args = {"-I", "-O2"};
    target::Target b;
    b.c_args = {"-I -O2"};
    CHECK(a.identity_text() != b.identity_text());
  }
}
