#include "kernel/layout.hpp"

#include "kernel/spec_test_support.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

TEST_SUITE("kernel::layout")
{
  TEST_CASE("a kernel directory's spec and ker0 source, and the spec beside a source")
  {
    eok::testing::ScratchDir dir;
    const std::string kdir = dir.path().string();
    const std::string source = eok::testing::write_layout_kernel(dir, "int x;\n");
    CHECK(eok::kernel::spec_path(kdir) == dir.file("kernel.toml"));
    CHECK(eok::kernel::source_path_of(kdir) == source);
    CHECK(eok::kernel::spec_path_beside(dir.file("k.c")) == dir.file("kernel.toml"));
    eok::util::write_file_atomic(dir.file("kernel.toml"), "[kernel]\nname = \"k\"\n");
    CHECK_THROWS_WITH_AS(eok::kernel::source_path_of(kdir),
                         (dir.file("kernel.toml") + ":1: [kernel] source (a file name) is missing").c_str(), eok::Fatal);
  }

  TEST_CASE("kernel directories are found below a root, sorted; a missing root has none")
  {
    eok::testing::ScratchDir dir;
    for (const char* d : {"nn/relu", "blas/axpy", "nn/notes"}) {
      eok::util::fs::create_directories(dir.path() / d);
    }
    eok::util::write_file_atomic(dir.file("nn/relu/kernel.toml"), "");
    eok::util::write_file_atomic(dir.file("blas/axpy/kernel.toml"), "");
    eok::util::write_file_atomic(dir.file("nn/notes/README.md"), "");
    CHECK(eok::kernel::find_kernel_dirs(dir.path().string()) == std::vector<std::string>{dir.file("blas/axpy"), dir.file("nn/relu")});
    CHECK(eok::kernel::find_kernel_dirs(dir.file("nope")).empty());
  }
}
