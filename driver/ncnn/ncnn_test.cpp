#include "ncnn/compile_db.hpp"
#include "ncnn/harness.hpp"
#include "ncnn/op_spec.hpp"
#include "ncnn/tune.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/test_support.hpp"

using namespace eok;
using namespace eok::ncnn;
using eok::testing::ScratchDir;

TEST_SUITE("ncnn::compile_db")
{
  TEST_CASE("command strings and argument arrays, relative files, outputs")
  {
    const auto db = parse_compile_db(R"([
  {"directory": "/b", "command": "/usr/bin/clang++ -DX=\"a b\" -I/s/src -march=rv64gcv -o src/x.o -c /s/src/layer/riscv/relu_riscv.cpp", "file": "/s/src/layer/riscv/relu_riscv.cpp"},
  {"directory": "/b", "arguments": ["cc", "-c", "y.c"], "file": "y.c", "output": "y.o"}
])",
                                     "db.json");
    REQUIRE(db.size() == 2);
    CHECK(db[0].argv == std::vector<std::string>{"/usr/bin/clang++", "-DX=a b", "-I/s/src", "-march=rv64gcv", "-o", "src/x.o", "-c",
                                                 "/s/src/layer/riscv/relu_riscv.cpp"});
    CHECK(db[0].output == "src/x.o");
    CHECK(db[1].file == "/b/y.c");
    CHECK(find_entry(db, "src/layer/riscv/relu_riscv.cpp") == &db[0]);
    CHECK(find_entry(db, "layer/riscv/clip_riscv.cpp") == nullptr);
    CHECK(default_flag_sets(db[0], 256).back() == std::vector<std::string>{"-march=rv64gcv_zvl256b", "-mrvv-vector-bits=zvl"});
  }

  TEST_CASE("malformed databases name the file and line")
  {
    CHECK_THROWS_WITH_AS(parse_compile_db("[\n{\"directory\": \"/b\"}\n]", "db.json"),
                         "db.json:2: a compile entry needs directory, file and command (or arguments)", Fatal);
    CHECK_THROWS_WITH_AS(parse_compile_db("[\n{\"directory\" \"/b\"}]", "db.json"), "db.json:2: expected ':', found '\"'", Fatal);
    CHECK(split_command("a 'b c' d\\ e \"f\\\"g\"") == std::vector<std::string>{"a", "b c", "d e", "f\"g"});
  }
}

TEST_SUITE("ncnn::op_spec")
{
  TEST_CASE("the shipped descriptions load, and their harness marks only the forward call")
  {
    const auto names = shipped_op_names();
    REQUIRE(names.size() >= 2);
    for (const auto& n : names) {
      const OpSpec s = load_op_spec(shipped_ops_dir() + "/" + n + ".toml");
      if (s.fp16) {
        CHECK(s.file == "src/layer/riscv/" + n.substr(0, n.size() - 5) + "_riscv_zfh.cpp");
      } else {
        CHECK(s.file == "src/layer/riscv/" + n + "_riscv.cpp");
      }
      const std::string h = harness_source(s);
      const size_t roi = h.find("slti x0, x0, 1");
      REQUIRE(roi != std::string::npos);
      CHECK(h.find("run_layer(opt, b, tb, o);", roi) < h.find("slti x0, x0, 2", roi));
      CHECK(h.find("\"" + s.type + "\"") != std::string::npos);
    }
  }

  TEST_CASE("weights, inputs and fp16 reach the harness")
  {
    ScratchDir dir;
    util::write_file_atomic(dir.path() / "fc_fp16.toml", "type = \"InnerProduct\"\nfp16 = true\nulps = 3\ninputs = 2\n"
                                                         "weights = [[12, -1.0, 1.0], [3, 0.5, 2]]\nshapes = [[2, 2, 1]]\n"
                                                         "perf_shape = [2, 2, 1]\n");
    const OpSpec s = load_op_spec(dir.file("fc_fp16.toml"));
    CHECK(s.file == "src/layer/riscv/fc_riscv_zfh.cpp");
    REQUIRE(s.weights.size() == 2);
    CHECK(s.weights[1].size == 3);
    CHECK(s.weights[1].lo == 0.5);
    const std::string h = harness_source(s);
    CHECK(h.find("static const int k_weight_size[] = {12, 3, 0};") != std::string::npos);
    CHECK(h.find("static const int k_inputs = 2;") != std::string::npos);
    CHECK(h.find("static const bool k_fp16 = true;") != std::string::npos);
    CHECK(h.find("static const int k_ulps = 3;") != std::string::npos);
  }

  TEST_CASE("bad descriptions: file:line errors")
  {
    ScratchDir dir;
    util::write_file_atomic(dir.path() / "bad.toml", "type = \"ReLU\"\nshapes = [[1, 2]]\nperf_shape = [1, 1, 1]\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("bad.toml")), doctest::Contains("bad.toml:2: a shape is [w, h, c]"), Fatal);
    util::write_file_atomic(dir.path() / "typo.toml", "type = \"ReLU\"\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\nspecial = true\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("typo.toml")), doctest::Contains("typo.toml:4"), Fatal);
    util::write_file_atomic(dir.path() / "w.toml", "type = \"InnerProduct\"\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\n"
                                                   "weights = [\n[4, 1.0, -1.0]]\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("w.toml")), doctest::Contains("w.toml:5: weights are [size, lo, hi]"), Fatal);
    util::write_file_atomic(dir.path() / "u.toml", "type = \"ReLU\"\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\nulps = 2\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("u.toml")), doctest::Contains("ulps (fp16 steps, 0 to 1024) is for fp16 tasks"), Fatal);
  }
}
