#include "cache/key.hpp"

#include "kernel/spec_test_support.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"
#include "util/test_support.hpp"

#include <functional>
#include <set>

using eok::cache::KeyInputs;
using eok::cache::make_key;

namespace {

// The project's cross compiler (clang-22, or the clang-19 overlay).
const std::string k_cc = eok::util::find_program("clang-22").empty() ? "clang-19" : "clang-22";

KeyInputs sample()
{
  KeyInputs in;
  in.source_text = "void k(void) {}\n";
  in.toml_text = "[kernel]\nname = \"k\"\n";
  in.compiler_version = "clang version 22.0.0\n";
  in.target.cc = {k_cc, "--target=riscv64-linux-gnu"};
  in.target.c_args = {"-march=rv64gcv"};
  in.target.march = "rv64gcv";
  in.target.vlen = 256;
  in.target.core = "spacemit-x60";
  in.runner_kind = "model";
  in.runner_version = "model-1";
  return in;
}

} // namespace

TEST_SUITE("cache::key")
{
  TEST_CASE("the same inputs give the same key; every field changes it")
  {
    const std::string base = make_key(sample()).hex;
    CHECK(base.size() == 64);
    CHECK(make_key(sample()).hex == base);
    std::set<std::string> seen{base};
    auto differs = [&](const std::function<void(KeyInputs&)>& change) {
      KeyInputs in = sample();
      change(in);
      return seen.insert(make_key(in).hex).second;
    };
    CHECK(differs([](KeyInputs& in) { in.source_text += " "; }));
    CHECK(differs([](KeyInputs& in) { in.toml_text += "\n"; }));
    CHECK(differs([](KeyInputs& in) { in.compiler_version = "clang version 22.0.1\n"; }));
    CHECK(differs([](KeyInputs& in) { in.target.cc[0] = "clang-21"; }));
    CHECK(differs([](KeyInputs& in) { in.target.c_args.push_back("-O3"); }));
    CHECK(differs([](KeyInputs& in) { in.target.vlen = 128; }));
    CHECK(differs([](KeyInputs& in) { in.target.core = "c908"; }));
    CHECK(differs([](KeyInputs& in) { in.target.march = "rv64gc"; }));
    CHECK(differs([](KeyInputs& in) { in.runner_kind = "wall"; }));
    CHECK(differs([](KeyInputs& in) { in.runner_version = "model-2"; }));
  }

  TEST_CASE("fields are tagged: moving bytes between fields changes the key")
  {
    KeyInputs a = sample();
    KeyInputs b = sample();
    a.source_text = "ab";
    a.toml_text = "c";
    b.source_text = "a";
    b.toml_text = "bc";
    CHECK(make_key(a).hex != make_key(b).hex);
    a = sample();
    b = sample();
    a.target.c_args = {"-I -O2"};
    b.target.c_args = {"-I", "-O2"};
    CHECK(make_key(a).hex != make_key(b).hex);
  }

  TEST_CASE("explain lists every field, digests for long or multi-line values")
  {
    const eok::cache::Key k = make_key(sample());
    const std::string e = k.explain();
    CHECK(e.find("key = " + k.hex + "\n") == 0);
    CHECK(e.find("  key.format = eok-key-1\n") != std::string::npos);
    CHECK(e.find("  runner.kind = model\n") != std::string::npos);
    CHECK(e.find("  runner.version = model-1\n") != std::string::npos);
    CHECK(e.find("  kernel.source = sha256:" + eok::util::sha256_hex(sample().source_text) + " (16 bytes)\n") != std::string::npos);
    for (const char* tag : {"kernel.toml", "compiler.command", "compiler.version", "target.identity"}) {
      CHECK(e.find(std::string("  ") + tag + " = ") != std::string::npos);
    }
  }

  TEST_CASE("compiler identity comes from the real compiler, once per process")
  {
    const std::string v = eok::cache::compiler_version({k_cc, "--target=riscv64-linux-gnu"});
    CHECK(v.find("clang version") != std::string::npos);
    CHECK(v.find("riscv64") != std::string::npos);
    CHECK(eok::cache::compiler_version({k_cc, "--target=riscv64-linux-gnu"}) == v);
    CHECK_THROWS_WITH_AS(eok::cache::compiler_version({"/nonexistent/cc"}),
                         doctest::Contains("the compiler identity is part of every cache key"), eok::Fatal);
  }

  TEST_CASE("key inputs come from the source and the kernel.toml beside it")
  {
    eok::testing::ScratchDir dir;
    eok::testing::write_layout_kernel(dir, "int x;\n");
    eok::target::Target t = sample().target;
    const KeyInputs a = eok::cache::inputs_for_kernel_dir(dir.path().string(), t, "model");
    const KeyInputs b = eok::cache::inputs_for_source(dir.file("k.c"), t, "model");
    CHECK(a.source_text == "int x;\n");
    CHECK(a.toml_text.find("source = \"k.c\"") != std::string::npos);
    CHECK(make_key(a).hex == make_key(b).hex);
  }
}
