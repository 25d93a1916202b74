#include "ncnn/compile_db.hpp"
#include "ncnn/harness.hpp"
#include "ncnn/integrity.hpp"
#include "ncnn/layer_context.hpp"
#include "ncnn/op_spec.hpp"
#include "ncnn/tune.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/test_support.hpp"

#include <cctype>

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
      if (util::ends_with(n, "_fp16")) {
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

  TEST_CASE("every NN task of the paper has a description naming its NCNN file")
  {
    // The EoK paper's 38 NN operations (arXiv 2509.14265, Appendix C) by NCNN layer type,
    // true where the fp16 variant is a task of its own (28 of them: 66 tasks).
    const std::vector<std::pair<std::string, bool>> k_tasks = {{"AbsVal", true},
                                                               {"BatchNorm", true},
                                                               {"Bias", true},
                                                               {"BinaryOp", true},
                                                               {"BNLL", true},
                                                               {"Cast", true},
                                                               {"CELU", true},
                                                               {"Clip", true},
                                                               {"Concat", false},
                                                               {"Convolution1D", true},
                                                               {"ConvolutionDepthWise", true},
                                                               {"Convolution", true},
                                                               {"Crop", false},
                                                               {"DeconvolutionDepthWise", true},
                                                               {"Deconvolution", true},
                                                               {"Dropout", false},
                                                               {"Eltwise", true},
                                                               {"Flatten", false},
                                                               {"GELU", false},
                                                               {"Gemm", false},
                                                               {"GRU", true},
                                                               {"HardSigmoid", true},
                                                               {"HardSwish", true},
                                                               {"InnerProduct", true},
                                                               {"InstanceNorm", true},
                                                               {"Interp", true},
                                                               {"Mish", true},
                                                               {"Packing", false},
                                                               {"Padding", false},
                                                               {"Pooling", true},
                                                               {"PReLU", true},
                                                               {"ReLU", true},
                                                               {"SELU", false},
                                                               {"Sigmoid", true},
                                                               {"Softmax", false},
                                                               {"Swish", true},
                                                               {"TanH", true},
                                                               {"UnaryOp", true}};
    REQUIRE(k_tasks.size() == 38);
    size_t tasks = 0;
    for (const auto& [type, fp16] : k_tasks) {
      std::string stem = type;
      for (char& c : stem) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      CAPTURE(stem);
      const OpSpec s = load_op_spec(shipped_ops_dir() + "/" + stem + ".toml");
      CHECK(s.type == type);
      CHECK(s.file == "src/layer/riscv/" + stem + "_riscv.cpp");
      CHECK_FALSE(s.fp16);
      ++tasks;
      if (fp16) {
        const OpSpec h = load_op_spec(shipped_ops_dir() + "/" + stem + "_fp16.toml");
        CHECK(h.type == type);
        CHECK(h.file == "src/layer/riscv/" + stem + "_riscv_zfh.cpp");
        ++tasks;
      }
    }
    CHECK(tasks == 66);
    CHECK(shipped_op_names().size() == 66); // nothing shipped beyond the suite
    // the descriptions of the layers the NCNN-shaped fixture has name its files
    const std::string fixture = shipped_ops_dir() + "/../../tests/ncnn_fixture/";
    for (const char* n : {"relu", "clip", "innerproduct", "binaryop", "relu_fp16"}) {
      const OpSpec s = load_op_spec(shipped_ops_dir() + "/" + n + ".toml");
      CHECK_MESSAGE(util::fs::exists(fixture + s.file), s.file);
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

  TEST_CASE("broadcast forms, element types and unpacked inputs reach the harness")
  {
    ScratchDir dir;
    util::write_file_atomic(dir.path() / "bin.toml", "type = \"BinaryOp\"\ninputs = 2\ninput_forms = [\"same\", \"channel\"]\n"
                                                     "shapes = [[2, 2, 8]]\nperf_shape = [4, 4, 8]\n");
    const OpSpec b = load_op_spec(dir.file("bin.toml"));
    REQUIRE(b.input_forms.size() == 2);
    CHECK(b.input_forms[1] == "channel");
    CHECK(harness_source(b).find("static const int k_input_forms[] = {0, 1, 0};") != std::string::npos);
    util::write_file_atomic(dir.path() / "cast.toml", "type = \"Cast\"\ninput_type = \"int8\"\noutput_type = \"bf16\"\n"
                                                      "unpacked_inputs = true\nshapes = [[2, 2, 8]]\nperf_shape = [4, 4, 8]\n");
    const OpSpec c = load_op_spec(dir.file("cast.toml"));
    const std::string h = harness_source(c);
    CHECK(h.find("static const int k_input_type = 3; // int8") != std::string::npos);
    CHECK(h.find("static const bool k_output_bf16 = true;") != std::string::npos);
    CHECK(h.find("static const bool k_unpacked_inputs = true;") != std::string::npos);
    CHECK(h.find("static const bool k_fp16_arithmetic = false;") != std::string::npos);
    util::write_file_atomic(dir.path() / "sa_fp16.toml", "type = \"ReLU\"\nfp16 = true\nfp16_arithmetic = true\n"
                                                         "shapes = [[2, 2, 16]]\nperf_shape = [4, 4, 16]\n");
    CHECK(harness_source(load_op_spec(dir.file("sa_fp16.toml"))).find("static const bool k_fp16_arithmetic = true;") != std::string::npos);
    CHECK(task_description(c).find("stored as int8, output stored as bf16") != std::string::npos);
    // defaults: every input of the shape, fp32
    const std::string plain = harness_source(load_op_spec(shipped_ops_dir() + "/relu.toml"));
    CHECK(plain.find("static const int k_input_forms[] = {0, 0};") != std::string::npos);
    CHECK(plain.find("static const int k_input_type = 0; // fp32") != std::string::npos);
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
    util::write_file_atomic(dir.path() / "f.toml", "type = \"BinaryOp\"\ninputs = 2\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\n"
                                                   "input_forms = [\"same\", \"row\"]\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("f.toml")), doctest::Contains("f.toml:5: input_forms are"), Fatal);
    util::write_file_atomic(dir.path() / "n.toml", "type = \"BinaryOp\"\ninputs = 2\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\n"
                                                   "input_forms = [\"same\"]\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("n.toml")), doctest::Contains("n.toml:5: input_forms has one entry per input"), Fatal);
    util::write_file_atomic(dir.path() / "t.toml",
                            "type = \"Cast\"\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\ninput_type = \"fp64\"\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("t.toml")), doctest::Contains("input_type is fp32, fp16, bf16 or int8"), Fatal);
    util::write_file_atomic(dir.path() / "h.toml", "type = \"Cast\"\nfp16 = true\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\n"
                                                   "input_type = \"int8\"\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("h.toml")), doctest::Contains("an fp16 task's storage is already fp16"), Fatal);
    util::write_file_atomic(dir.path() / "a.toml",
                            "type = \"ReLU\"\nfp16_arithmetic = true\nshapes = [[1, 2, 3]]\nperf_shape = [1, 1, 1]\n");
    CHECK_THROWS_WITH_AS(load_op_spec(dir.file("a.toml")), doctest::Contains("fp16_arithmetic is for fp16 tasks"), Fatal);
  }
}

TEST_SUITE("ncnn::integrity")
{
  TEST_CASE("a layer object may call and define what the tree's file does, and no more")
  {
    ObjectFacts ker0;
    ker0.undefined = "_ZN4ncnn3Mat6createEiiimPNS_9AllocatorE U\nmemcpy U\n";
    ker0.defined = "_ZN4ncnn10Clip_riscvC1Ev T 0 10\n_ZTVN4ncnn10Clip_riscvE D 0 40\nhelper t 0 4\n";
    ObjectFacts c = ker0;
    // symbols pass: the first objection is the object bytes (none given here)
    c.undefined += "expf U\n_Znwm U\n_ZN4ncnn12cpu_support_riscv_vEv U\n";
    c.defined += "_ZNSt6vectorIfSaIfEED2Ev W 0 8\n_ZN4ncnn3Mat7releaseEv W 0 8\nlocal_helper t 0 4\n";
    CHECK(check_layer_object(c, ker0).value_or("") == "the object is not a little-endian ELF64 file eok can inspect");
    ObjectFacts clock = c;
    clock.undefined += "clock_gettime U\ngetenv U\n";
    CHECK(check_layer_object(clock, ker0).value_or("").find("calls functions the layer may not use: clock_gettime, getenv") == 0);
    ObjectFacts naive = c;
    naive.defined += "_ZN4ncnn18create_layer_naiveEPKc T 0 10\n";
    CHECK(check_layer_object(naive, ker0)
              .value_or("")
              .find("defines global symbols the tree's file does not: _ZN4ncnn18create_layer_naiveEPKc") == 0);
    ObjectFacts weak_layer = c;
    weak_layer.defined += "_ZN4ncnn4Clip15forward_inplaceERNS_3MatERKNS_6OptionE W 0 10\n";
    CHECK(check_layer_object(weak_layer, ker0).value_or("").find("defines global symbols") == 0);
    ObjectFacts c_name = c;
    c_name.defined += "fwrite T 0 10\n";
    CHECK(check_layer_object(c_name, ker0).value_or("").find("fwrite") != std::string::npos);
    ObjectFacts marker = c;
    marker.disassembly = "0000000000000000 <f>:\n       0: slti zero, zero, 0x2\n";
    CHECK(check_layer_object(marker, ker0).value_or("").find("marker") != std::string::npos);
  }
}

TEST_SUITE("ncnn::layer_context")
{
  TEST_CASE("the tree's headers a layer file includes, found as the compiler finds them, within the bound")
  {
    ScratchDir d;
    const auto tree = d.path() / "ncnn";
    const auto riscv = tree / "src" / "layer" / "riscv";
    util::fs::create_directories(riscv);
    util::fs::create_directories(d.path() / "build" / "src");
    util::fs::create_directories(d.path() / "elsewhere");
    util::write_file_atomic(
        (riscv / "clip_riscv.cpp").string(),
        "#include \"clip_riscv.h\"\n#include <riscv_vector.h>\n  #  include \"riscv_usability.h\"\n#include \"outside.h\"\n");
    util::write_file_atomic((riscv / "clip_riscv.h").string(), "#include \"clip.h\"\nclass Clip_riscv;\n");
    util::write_file_atomic((riscv / "riscv_usability.h").string(), "#include \"platform.h\"\n" + std::string(300, 'u') + "\n");
    util::write_file_atomic((tree / "src" / "layer" / "clip.h").string(), "#include \"layer.h\"\nclass Clip;\n");
    util::write_file_atomic((tree / "src" / "layer.h").string(), "#include \"clip.h\"\nclass Layer;\n");
    util::write_file_atomic((d.path() / "build" / "src" / "platform.h").string(), "#define NCNN_RVV 1\n");
    util::write_file_atomic((d.path() / "elsewhere" / "outside.h").string(), "int outside;\n");
    CompileEntry e;
    e.directory = (d.path() / "build").string();
    e.file = (riscv / "clip_riscv.cpp").string();
    e.argv = {"clang++",
              "-I" + (tree / "src" / "layer").string(),
              "-I",
              "src",
              "-I" + (tree / "src").string(),
              "-I" + (d.path() / "elsewhere").string(),
              "-c",
              e.file};
    ContextLimits limits;
    limits.per_header = 200;
    const auto headers = included_headers(e, tree.string(), (d.path() / "build").string(), limits);
    std::vector<std::string> names;
    for (const auto& h : headers) {
      names.push_back(h.name);
    }
    // breadth-first, each once; outside.h lies outside both trees
    CHECK(names == std::vector<std::string>{"src/layer/riscv/clip_riscv.h", "src/layer/riscv/riscv_usability.h", "src/layer/clip.h",
                                            "src/platform.h", "src/layer.h"});
    CHECK(headers[1].text.find("more characters not shown") != std::string::npos);
    CHECK(headers[1].text.size() < 260);
    const std::string block = context_block(headers);
    CHECK(block.find("// src/layer.h\n```cpp\n#include \"clip.h\"\nclass Layer;\n```\n") != std::string::npos);
    limits.total = 30;
    CHECK(included_headers(e, tree.string(), (d.path() / "build").string(), limits).size() == 1);
    CHECK(context_block({}).empty());
  }

  TEST_CASE("op statuses print as the table always showed them and read back")
  {
    using eok::ncnn::OpStatus;
    CHECK(std::string(eok::ncnn::op_status_name(OpStatus::ker0_stays)) == "ker0 stays");
    for (OpStatus s : {OpStatus::tuned, OpStatus::ker0_stays, OpStatus::cached, OpStatus::miss, OpStatus::skipped, OpStatus::failed,
                       OpStatus::measured}) {
      CHECK(eok::ncnn::op_status(eok::ncnn::op_status_name(s)) == s);
    }
    CHECK_FALSE(eok::ncnn::op_status("unknown").has_value());
  }
}
