#include "integrate/substitute.hpp"

#include "cache/key.hpp"
#include "kernel/spec_test_support.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/test_support.hpp"

using namespace eok;
using eok::testing::ScratchDir;

namespace {

target::Target clang_target()
{
  target::Target t;
  const std::string cc = util::find_program("clang-22").empty() ? "clang-19" : "clang-22";
  t.cc = {cc, "--target=riscv64-linux-gnu"};
  t.c_args = {"-march=rv64gcv_zfh_zvfh", "-mtune=spacemit-x60"};
  t.march = "rv64gcv_zfh_zvfh";
  t.vlen = 256;
  t.core = "spacemit-x60";
  return t;
}

const char* k_source = "#ifndef EOK_N\n#define EOK_N 1\n#endif\nint eok_k(int x) { return x * EOK_N; }\n";

struct Kernel
{
  ScratchDir dir;
  integrate::SubstituteRequest req;
  Kernel()
  {
    req.input = eok::testing::write_layout_kernel(dir, k_source);
    req.output = dir.file("k.eok.c");
    req.depfile = dir.file("k.eok.d");
    req.cache_path = dir.file("cache.sqlite");
    req.runner_kind = "model";
    req.target = clang_target();
  }
  [[nodiscard]] std::string key() const { return cache::make_key(cache::inputs_for_source(req.input, req.target, req.runner_kind)).hex; }
  [[nodiscard]] cache::Winner winner(std::vector<std::string> flags = {}) const
  {
    cache::Winner w;
    w.key = key();
    w.kernel = "t/k";
    w.source = k_source;
    w.defines = {{"EOK_N", 3}};
    w.flags = std::move(flags);
    w.cycles = 50;
    w.speedup = 2;
    w.runner = "model";
    return w;
  }
};

} // namespace

TEST_SUITE("integrate::substitute")
{
  TEST_CASE("without a cache the source is copied unchanged and the key's stamp says none")
  {
    Kernel k;
    const auto r = integrate::substitute(k.req);
    CHECK_FALSE(r.used_winner);
    CHECK(r.output_changed);
    CHECK(r.note == "k.c: original (no cache at " + k.req.cache_path + ")");
    CHECK(util::read_file(k.req.output) == k_source);
    const std::string stamp = k.req.cache_path + ".stamps/" + k.key() + ".stamp";
    CHECK(util::read_file(stamp) == "none\n");
    const std::string dep = util::read_file(k.req.depfile);
    CHECK(dep.find(k.req.output + ": \\\n " + stamp + " \\\n " + k.dir.file("kernel.toml")) == 0);
    CHECK_FALSE(util::fs::exists(k.req.cache_path));
    CHECK_FALSE(integrate::substitute(k.req).output_changed);
  }

  TEST_CASE("an unwritable stamp location does not fail the build")
  {
    Kernel k;
    util::write_file_atomic(k.dir.file("plain-file"), "x");
    k.req.cache_path = k.dir.file("plain-file") + "/cache.sqlite"; // its stamps directory cannot be created
    const auto r = integrate::substitute(k.req);
    CHECK(r.note.find("k.c: original (no cache at " + k.req.cache_path + "); cannot write its stamp (") == 0);
    CHECK(util::read_file(k.req.output) == k_source);
  }

  TEST_CASE("a cached winner is written with its defines first, and only when it changes")
  {
    Kernel k;
    cache::Cache::open(k.req.cache_path).put_winner(k.winner());
    const auto r = integrate::substitute(k.req);
    CHECK(r.used_winner);
    CHECK(r.note == "k.c: cached winner " + k.key().substr(0, 12) + ", 2.00x over ker0 (EOK_N=3)");
    const std::string out = util::read_file(k.req.output);
    CHECK(out.find("#define EOK_N 3\n" + std::string(k_source)) != std::string::npos);
    CHECK(out.find("/* eok: cached winner ") == 0);
    CHECK_FALSE(integrate::substitute(k.req).output_changed);
  }

  TEST_CASE("an edited source misses: the stale winner is not used")
  {
    Kernel k;
    cache::Cache::open(k.req.cache_path).put_winner(k.winner());
    util::write_file_atomic(k.req.input, std::string(k_source) + "/* edited */\n");
    const auto r = integrate::substitute(k.req);
    CHECK_FALSE(r.used_winner);
    CHECK(r.note.find("k.c: original (no winner for key ") == 0);
    CHECK(util::read_file(k.req.output) == std::string(k_source) + "/* edited */\n");
  }

  TEST_CASE("a winner with compile flags becomes its own assembly, which the target compiler accepts")
  {
    Kernel k;
    cache::Cache::open(k.req.cache_path).put_winner(k.winner({"-O3", "-funroll-loops"}));
    const auto r = integrate::substitute(k.req);
    CHECK(r.note.find("(EOK_N=3 -O3 -funroll-loops)") != std::string::npos);
    const std::string out = util::read_file(k.req.output);
    CHECK(out.find("__asm__(\n") != std::string::npos);
    CHECK(out.find("\n  \"eok_k:") != std::string::npos);
    CHECK(out.find(".file") == std::string::npos);
    util::ProcessSpec cc;
    cc.argv = k.req.target.cc;
    cc.argv.insert(cc.argv.end(), k.req.target.c_args.begin(), k.req.target.c_args.end());
    for (const char* a : {"-O2", "-g", "-Wall", "-Werror", "-c", "-o"}) {
      cc.argv.emplace_back(a);
    }
    cc.argv.push_back(k.dir.file("k.o"));
    cc.argv.push_back(k.req.output);
    const auto res = util::run_process(cc);
    CHECK_MESSAGE(res.succeeded(), res.err);
  }

  TEST_CASE("a damaged cache gives the original and a warning, never a failed build, and is left untouched")
  {
    Kernel k;
    const std::string junk(4096, '\x7f');
    util::write_file_atomic(k.req.cache_path, junk);
    const auto r = integrate::substitute(k.req);
    CHECK(r.warning);
    CHECK(r.note.find("k.c: original (cache unusable: ") == 0);
    CHECK(r.note.find("eok left it untouched") != std::string::npos);
    CHECK(util::read_file(k.req.output) == k_source);
    CHECK(util::read_file(k.req.cache_path) == junk);
  }

  TEST_CASE("a winner edited outside eok fails its integrity check and is not substituted")
  {
    Kernel k;
    cache::Cache::open(k.req.cache_path).put_winner(k.winner());
    {
      cache::Cache c = cache::Cache::open(k.req.cache_path);
      c.db().prepare("UPDATE winners SET source = source || '/* injected */'").run();
    }
    const auto r = integrate::substitute(k.req);
    CHECK_FALSE(r.used_winner);
    CHECK(r.warning);
    CHECK(r.note.find("fails its integrity check") != std::string::npos);
    CHECK(util::read_file(k.req.output) == k_source);
    CHECK(util::read_file(cache::Cache::stamp_dir_for(k.req.cache_path) + "/" + k.key() + ".stamp") == "none\n");
  }

  TEST_CASE("the depfile names the cache file while it exists, so deleting it re-runs the step")
  {
    Kernel k;
    cache::Cache::open(k.req.cache_path).put_winner(k.winner());
    integrate::substitute(k.req);
    CHECK(util::read_file(k.req.depfile).find(util::fs::absolute(k.req.cache_path).lexically_normal().string()) != std::string::npos);
    util::fs::remove(k.req.cache_path);
    const auto r = integrate::substitute(k.req);
    CHECK(r.output_changed);
    CHECK(util::read_file(k.req.output) == k_source);
    CHECK(util::read_file(k.req.depfile).find(util::fs::absolute(k.req.cache_path).lexically_normal().string() + "\n") ==
          std::string::npos);
  }
}
