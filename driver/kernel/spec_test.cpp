#include "kernel/spec.hpp"
#include "kernel/spec_test_support.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"
#include "util/test_support.hpp"

#include <cmath>
#include <string>

using namespace eok;

namespace {

// A valid spec; tests change one piece and check the exact message.
const char* const k_spec = R"TOML([kernel]
name = "relu"
suite = "nn"
description = "relu"
entry = "eok_relu_f32"
source = "relu.c"
signature = "void eok_relu_f32(const float* x, float* y, long n)"

[sizes]
n = { min = 0 }

[[args]]
name = "x"
type = "f32*"
role = "in"
len = "n"
range = [-8.0, 8.0]
special = ["nan", "-0"]

[[args]]
name = "y"
type = "f32*"
role = "out"
len = "n"

[[args]]
name = "n"
type = "i64"
role = "size"

[tolerance]
abs = 1e-6
rel = 1e-5

[shapes]
test = [ { n = 0 }, { n = 7 } ]
perf = { n = 64 }

[perf]
flops = "n"

[[knobs]]
name = "EOK_LMUL"
values = [1, 2, 4, 8]
default = 8
)TOML";

std::string with(const std::string& from, const std::string& to)
{
  return testing::replaced(k_spec, from, to);
}

std::string error_of(const std::string& text)
{
  return testing::spec_error(text);
}

} // namespace

TEST_SUITE("kernel::spec")
{
  TEST_CASE("a valid spec parses into its parts")
  {
    kernel::Spec s = kernel::parse_spec(k_spec, "k/kernel.toml");
    CHECK(s.entry == "eok_relu_f32");
    REQUIRE(s.args.size() == 3);
    CHECK(s.args[0].pointer);
    CHECK(s.args[0].role == kernel::Role::in);
    CHECK(s.args[0].special == std::vector<std::string>{"nan", "-0"});
    CHECK(s.args[2].role == kernel::Role::size);
    CHECK(s.test_shapes.size() == 2);
    CHECK(kernel::describe_shape(s.test_shapes[1]) == "n=7");
    CHECK(kernel::arg_length(s.args[1], s.perf_shape) == 64);
    CHECK(s.tolerance.rel == doctest::Approx(1e-5));
    CHECK(s.tolerance.nan == "match");
    REQUIRE(s.knobs.size() == 1);
    CHECK(s.knobs[0].default_value == 8);
    CHECK(kernel::default_knobs(s) == std::map<std::string, int64_t>{{"EOK_LMUL", 8}});
  }

  TEST_CASE("knob constraints")
  {
    std::string text = std::string(k_spec) + "[[knobs]]\nname = \"EOK_UNROLL\"\nvalues = [1, 2, 4]\ndefault = 1\n"
                                             "constraint = \"EOK_LMUL * EOK_UNROLL <= 8\"\n";
    kernel::Spec s = kernel::parse_spec(text, "k/kernel.toml");
    CHECK(kernel::knobs_satisfy(s, {{"EOK_LMUL", 4}, {"EOK_UNROLL", 2}}));
    CHECK_FALSE(kernel::knobs_satisfy(s, {{"EOK_LMUL", 8}, {"EOK_UNROLL", 2}}));
    CHECK(kernel::knobs_satisfy(s, {}));
    CHECK(error_of(util::replace_all(text, "<= 8", "<= 4")) ==
          "k/kernel.toml:50: knobs.EOK_UNROLL.constraint 'EOK_LMUL * EOK_UNROLL <= 4' does not hold for the default values");
    CHECK(error_of(util::replace_all(text, "EOK_LMUL * EOK_UNROLL", "LMUL * EOK_UNROLL")) ==
          "k/kernel.toml:50: knobs.EOK_UNROLL.constraint uses 'LMUL', which is not a knob");
  }

  TEST_CASE("rule: len expressions use declared sizes only")
  {
    CHECK(error_of(with("len = \"n\"\nrange", "len = \"m * 2\"\nrange")) ==
          "k/kernel.toml:16: args.x.len uses 'm', which is not declared in [sizes]");
    CHECK(error_of(with("len = \"n\"\nrange", "len = \"n +\"\nrange")) ==
          "k/kernel.toml:16: args.x.len 'n +': expected a number, a name or '(' at the end");
    CHECK(error_of(with("len = \"n\"\nrange", "len = \"n < 2\"\nrange")) ==
          "k/kernel.toml:16: args.x.len 'n < 2' is a condition, not a count");
  }

  TEST_CASE("rule: every shape gives every size and satisfies its constraints")
  {
    CHECK(error_of(with("{ n = 7 }", "{ m = 7 }")) == "k/kernel.toml:36: shapes.test[2]: 'm' is not declared in [sizes]");
    CHECK(error_of(with("{ n = 7 }", "{ }")) == "k/kernel.toml:36: shapes.test[2]: size 'n' is not given");
    CHECK(error_of(with("n = { min = 0 }", "n = { min = 1 }")) == "k/kernel.toml:36: shapes.test[1]: n = 0 is below its min 1");
    CHECK(error_of(with("n = { min = 0 }", "n = { max = 8 }")) == "k/kernel.toml:37: shapes.perf: n = 64 is above its max 8");
    CHECK(error_of(with("n = { min = 0 }", "n = { multiple_of = 2 }")) == "k/kernel.toml:36: shapes.test[2]: n = 7 is not a multiple of 2");
    CHECK(error_of(with("{ n = 7 }", "{ n = 7.5 }")) == "k/kernel.toml:36: shapes.test[2]: n must be an integer");
    CHECK(error_of(with("len = \"n\"\nrange", "len = \"n - 1\"\nrange")) ==
          "k/kernel.toml:36: shapes.test[1]: args.x.len = -1 (must be 0 .. 2^28)");
    CHECK(error_of(with("len = \"n\"\nrange", "len = \"8 / n\"\nrange")) ==
          "k/kernel.toml:36: shapes.test[1]: args.x.len: division by zero in '8 / n'");
  }

  TEST_CASE("rule: every signature parameter has exactly one [[args]] entry, in order")
  {
    CHECK(error_of(with("name = \"y\"", "name = \"x\"")) == "k/kernel.toml:20: args: 'x' appears twice");
    CHECK(error_of(with("name = \"y\"", "name = \"z\"")) ==
          "k/kernel.toml:20: args: entry 2 is 'z' but parameter 2 of kernel.signature is 'y'");
    CHECK(error_of(with("float* y, long n)", "float* y)")) ==
          "k/kernel.toml:26: args: 'n' is not a parameter of kernel.signature (it has 2)");
    CHECK(error_of(with("long n)", "long n, int k)")) == "k/kernel.toml:7: kernel.signature: parameter 'k' has no [[args]] entry");
    CHECK(error_of(with("float* y,", "float y,")) == "k/kernel.toml:20: args.y: type f32* does not match 'float' in kernel.signature");
    CHECK(error_of(with("long n)", "long)")) == "k/kernel.toml:7: kernel.signature: parameter 3 has no name");
    CHECK(error_of(with("void eok_relu_f32(", "void relu(")) ==
          "k/kernel.toml:7: kernel.signature declares 'relu' but kernel.entry is 'eok_relu_f32'");
    CHECK(error_of(with("void eok_relu_f32(", "int eok_relu_f32(")) ==
          "k/kernel.toml:7: kernel.signature: the kernel must return void (outputs go through pointers)");
    CHECK(error_of(with("long n)\"", "long n\"")) == "k/kernel.toml:7: kernel.signature: expected a C prototype 'type name(params)'");
  }

  TEST_CASE("rule: the signature's C types are the args' types (issue 13 item 10)")
  {
    CHECK(error_of(with("const float* x", "const double* x")) ==
          "k/kernel.toml:14: args.x: type f32* is 'const double*' in kernel.signature; f32* is 'const float*' in C");
    CHECK(error_of(with("const float* x", "const float** x")) ==
          "k/kernel.toml:14: args.x: type f32* is 'const float**' in kernel.signature; f32* is 'const float*' in C");
    CHECK(error_of(with("float* y,", "const float* y,")) ==
          "k/kernel.toml:22: args.y: role out is written by the kernel, but kernel.signature declares it 'const float*' (drop the const)");
    CHECK(error_of(with("long n)", "int n)")) == "k/kernel.toml:28: args.n: type i64 is 'int' in kernel.signature; i64 is 'long' in C");
    // Other spellings of the same types, restrict and a const pointer are fine.
    CHECK(error_of(with("const float* x, float* y, long n)", "float const* restrict x, float* __restrict y, long int n)")) == "(no error)");
    CHECK(error_of(with("const float* x, float* y, long n)", "const float* const x, float* y, const int64_t n)")) == "(no error)");
  }

  TEST_CASE("rule: range and special only on in/inout float pointers, special from the list")
  {
    CHECK(error_of(with("role = \"out\"\nlen = \"n\"", "role = \"out\"\nlen = \"n\"\nrange = [0.0, 1.0]")) ==
          "k/kernel.toml:25: args.y.range is only for in/inout pointers and params");
    CHECK(error_of(with("role = \"out\"\nlen = \"n\"", "role = \"out\"\nlen = \"n\"\nspecial = [\"nan\"]")) ==
          "k/kernel.toml:25: args.y.special is only for in/inout float pointers and f32 params");
    CHECK(error_of(with("\"nan\", \"-0\"", "\"nan\", \"snan\"")) ==
          "k/kernel.toml:18: args.x.special: 'snan' is not one of nan inf -inf -0 denorm max -max");
    CHECK(error_of(with("[-8.0, 8.0]", "[8.0, -8.0]")) == "k/kernel.toml:17: args.x.range: low is above high");
    CHECK(error_of(with("[-8.0, 8.0]", "[-8.0]")) == "k/kernel.toml:17: args.x.range: expected [low, high]");
  }

  TEST_CASE("rule: step needs a range, is > 0 and not too fine for it")
  {
    kernel::Spec spec = kernel::parse_spec(with("range = [-8.0, 8.0]\n", "range = [-8.0, 8.0]\nstep = 0.25\n"), "k/kernel.toml");
    CHECK(spec.args[0].step == 0.25);
    CHECK(kernel::parse_spec(k_spec, "k/kernel.toml").args[0].step == 0);
    CHECK(error_of(with("range = [-8.0, 8.0]\n", "step = 0.25\n")) ==
          "k/kernel.toml:17: args.x.step needs a range (values are drawn from low + k * step)");
    CHECK(error_of(with("range = [-8.0, 8.0]\n", "range = [-8.0, 8.0]\nstep = 0\n")) ==
          "k/kernel.toml:18: args.x.step must be a finite number > 0");
    CHECK(error_of(with("range = [-8.0, 8.0]\n", "range = [-8.0, 8.0]\nstep = -1.0\n")) ==
          "k/kernel.toml:18: args.x.step must be a finite number > 0");
    CHECK(error_of(with("range = [-8.0, 8.0]\n", "range = [-8.0, 8.0]\nstep = 1e-30\n")) ==
          "k/kernel.toml:18: args.x.step is too small for the range (more than 2^52 values)");
  }

  TEST_CASE("rule: shapes.test is non-empty and shapes.perf is present")
  {
    CHECK(error_of(with("test = [ { n = 0 }, { n = 7 } ]", "test = []")) == "k/kernel.toml:36: shapes.test must list at least one shape");
    CHECK(error_of(with("perf = { n = 64 }\n", "")) == "k/kernel.toml:35: shapes.perf is missing (the shape performance is measured on)");
    CHECK(error_of(with("[shapes]", "[shapez]")) == "k/kernel.toml: missing [shapes] table");
  }

  TEST_CASE("rule: knob values are integers and contain the default")
  {
    CHECK(error_of(with("values = [1, 2, 4, 8]", "values = [1, 2.5]")) ==
          "k/kernel.toml:44: knobs.EOK_LMUL.values: expected integers, found a float");
    CHECK(error_of(with("default = 8", "default = 3")) == "k/kernel.toml:45: knobs.EOK_LMUL.default 3 is not one of its values");
    CHECK(error_of(with("values = [1, 2, 4, 8]", "values = []")) ==
          "k/kernel.toml:44: knobs.EOK_LMUL.values must list at least one integer");
  }

  TEST_CASE("rule: a param's value fits its C type")
  {
    auto with_param = [](const std::string& type, const std::string& value) {
      std::string text = with("long n)\"", "long n, " + std::string(type == "f32" ? "float" : type == "i32" ? "int" : "long") + " p)\"");
      return util::replace_all(text, "role = \"size\"\n",
                               "role = \"size\"\n\n[[args]]\nname = \"p\"\ntype = \"" + type + "\"\nrole = \"param\"\nvalue = " + value +
                                   "\n");
    };
    CHECK(kernel::parse_spec(with_param("i32", "-2147483648"), "k/kernel.toml").args[3].value == -2147483648.0);
    CHECK(kernel::parse_spec(with_param("i32", "2147483647"), "k/kernel.toml").args[3].value == 2147483647.0);
    CHECK(error_of(with_param("i32", "2147483648")) == "k/kernel.toml:35: args.p.value is outside the range of i32");
    CHECK(error_of(with_param("i32", "1.5")) == "k/kernel.toml:35: args.p.value must be an integer for i32");
    CHECK(error_of(with_param("i64", "1e17")) == "k/kernel.toml:35: args.p.value is outside the range of i64");
    CHECK(kernel::parse_spec(with_param("f32", "12.5"), "k/kernel.toml").args[3].value == 12.5);
    CHECK(error_of(with_param("f32", "1e39")) == "k/kernel.toml:35: args.p.value is outside the range of f32");
  }

  TEST_CASE("a param may take several values, specials and a random one; every combination is a case")
  {
    auto with_params = [](const std::string& p, const std::string& q) {
      std::string text = with("long n)\"", "long n, float p, int q)\"");
      return util::replace_all(text, "role = \"size\"\n",
                               "role = \"size\"\n\n[[args]]\nname = \"p\"\ntype = \"f32\"\nrole = \"param\"\n" + p +
                                   "\n\n[[args]]\nname = \"q\"\ntype = \"i32\"\nrole = \"param\"\n" + q + "\n");
    };
    kernel::Spec s = kernel::parse_spec(
        with_params("values = [1.5, 0]\nspecial = [\"nan\", \"-0\"]\nrange = [-2.0, 2.0]", "values = [0, 1, 2]"), "k/kernel.toml");
    REQUIRE(s.args[3].params.size() == 5);
    CHECK(s.args[3].value == 1.5);
    CHECK(s.args[3].params[1].text == "0");
    CHECK(std::isnan(s.args[3].params[2].value));
    CHECK(std::signbit(s.args[3].params[3].value));
    CHECK(s.args[3].params[4].random);
    CHECK(s.args[3].params[4].text == "random");
    REQUIRE(s.param_cases.size() == 15);
    CHECK(kernel::describe_case(s, 0) == "p=1.5 q=0");
    CHECK(kernel::describe_case(s, 14) == "p=random q=2");
    // One value everywhere: one case, described by nothing (reasons stay "n=7").
    kernel::Spec one = kernel::parse_spec(with_params("value = 2.5", "value = 3"), "k/kernel.toml");
    CHECK(one.param_cases.size() == 1);
    CHECK(kernel::describe_case(one, 0).empty());

    CHECK(error_of(with_params("value = 1.0\nvalues = [2.0]", "value = 1")) ==
          "k/kernel.toml:36: args.p: give 'value' or 'values', not both");
    CHECK(error_of(with_params("values = []", "value = 1")) == "k/kernel.toml:35: args.p.values must list at least one number");
    CHECK(error_of(with_params("values = [1.0, \"x\"]", "value = 1")) ==
          "k/kernel.toml:35: args.p.values: expected a number, got a string");
    CHECK(error_of(with_params("value = 1.0", "values = [1, 2.5]")) == "k/kernel.toml:41: args.q.values must be an integer for i32");
    CHECK(error_of(with_params("value = 1.0", "value = 1\nspecial = [\"nan\"]")) ==
          "k/kernel.toml:42: args.q.special is only for in/inout float pointers and f32 params");
    CHECK(error_of(with_params("value = 1.0", "value = 1\nrange = [0.0, 0.5]")) ==
          "k/kernel.toml:42: args.q.range high must be an integer for i32");
    CHECK(error_of(with_params("value = 1.0", "value = 1\nrange = [0, 5]\nstep = 1.0")) ==
          "k/kernel.toml:43: args.q.step needs a range (values are drawn from low + k * step)");
    CHECK(error_of(with_params("values = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]", "values = [1, 2, 3, 4, 5, 6, 7, 8, 9]")) ==
          "k/kernel.toml:37: args.q: the params' values make 72 combinations, each run on every test shape (at most 64)");
    CHECK(error_of(with_params("value = 1.0", "")) ==
          "k/kernel.toml:37: args.q: role 'param' needs 'value = <number>' or 'values = [<number>, ...]'");
  }

  TEST_CASE("types, roles, unknown keys and TOML syntax")
  {
    CHECK(error_of(with("type = \"i64\"", "type = \"i16\"")) ==
          "k/kernel.toml:28: args.n.type: 'i16' is not one of f32* f16* i32* i64* u8* i32 i64 f32");
    CHECK(error_of(with("role = \"size\"", "role = \"in\"")) ==
          "k/kernel.toml:29: args.n: role 'in' is for pointers, a scalar is size or param");
    CHECK(error_of(with("role = \"out\"", "role = \"param\"")) ==
          "k/kernel.toml:23: args.y: role 'param' is for scalars, a pointer is in, out, inout or scratch");
    CHECK(error_of(with("[tolerance]", "[tolerance]\nulps = 2")) == "k/kernel.toml:32: unknown key 'tolerance.ulps'");
    CHECK(error_of(with("abs = 1e-6", "abs = 1e-6\nnan = \"sometimes\"")) ==
          "k/kernel.toml:33: tolerance.nan: 'sometimes' is not one of match, any");
    CHECK(error_of(with("abs = 1e-6", "abs = -1.0")) == "k/kernel.toml:32: tolerance.abs must be a finite number >= 0");
    CHECK(error_of(with("flops = \"n\"", "flops = \"k\"")) == "k/kernel.toml:40: perf.flops 'k': unknown name 'k'");
    CHECK(error_of(with("entry = \"eok_relu_f32\"", "entry = \"eok relu\"")) ==
          "k/kernel.toml:5: kernel.entry: 'eok relu' is not a C identifier");
    CHECK(error_of(with("source = \"relu.c\"", "source = \"../x.c\"")) ==
          "k/kernel.toml:6: kernel.source: '../x.c' must be a file name in the kernel directory");
    CHECK(error_of(with("name = \"relu\"", "name = 3")) == "k/kernel.toml:2: kernel.name: expected a string, got an integer");
    CHECK(util::starts_with(error_of(with("[sizes]", "[sizes")), "k/kernel.toml:9: "));
  }

  TEST_CASE("load_spec reads the directory and names missing files")
  {
    testing::ScratchDir dir;
    util::write_file_atomic(dir.file("kernel.toml"), k_spec);
    CHECK_THROWS_WITH(kernel::load_spec(dir.path().string()),
                      (dir.file("kernel.toml") + ":6: kernel.source: 'relu.c' does not exist in " + dir.path().string()).c_str());
    util::write_file_atomic(dir.file("relu.c"), "void eok_relu_f32(const float* x, float* y, long n) {}\n");
    kernel::Spec s = kernel::load_spec(dir.path().string());
    CHECK(s.source_text == "void eok_relu_f32(const float* x, float* y, long n) {}\n");
    CHECK(s.toml_text == k_spec);
    CHECK(s.source_path == dir.file("relu.c"));
    CHECK_THROWS_WITH(
        kernel::load_spec(dir.file("nope")),
        (dir.file("nope") + "/kernel.toml: no such file (a kernel directory holds kernel.toml, see kernels/FORMAT.md)").c_str());
  }
}
