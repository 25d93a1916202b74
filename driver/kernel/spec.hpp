// A kernel task: kernels/<suite>/<name>/kernel.toml parsed and checked against
// every rule of kernels/FORMAT.md. A malformed spec is a Fatal
// "…/kernel.toml:line: what", never a crash or a silently wrong harness.
#pragma once

#include "kernel/expr.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eok::kernel {

enum class ElemType { f32, f16, i32, i64, u8 };
// scratch: a pointer the kernel may use freely (poisoned before each call, never compared,
// guard-checked); `in` buffers must come back unchanged.
enum class Role { in, out, inout, size, param, scratch };

// How an integer input is drawn (kernels/FORMAT.md, "Integer inputs"), within its range.
enum class Gen { uniform, sorted, sorted_dups, unique, sorted_unique, nearly_sorted, permutation, offsets, iota };

struct Knob
{
  std::string name;
  std::vector<int64_t> values;
  int64_t default_value = 0;
  std::string constraint; // empty: none
  Expr constraint_expr;
  int line = 0;
};

struct SizeDecl
{
  std::string name;
  int64_t min = 0;
  std::optional<int64_t> max;
  int64_t multiple_of = 1;
  int line = 0;
};

// One value a `param` scalar takes: a number from `value`/`values`, a named special
// (`special`), or a value drawn per evaluation from the param's `range`.
struct ParamValue
{
  double value = 0; // the number (specials as their f32 value); unused when random
  bool random = false;
  std::string text; // for reasons: "1.7", "nan", "random"
};

struct Arg
{
  std::string name;
  std::string type; // as written: "f32*", "i64", …
  ElemType elem = ElemType::f32;
  bool pointer = false;
  Role role = Role::in;
  std::string len; // pointers: element count expression
  Expr len_expr;
  std::optional<std::pair<double, double>> range;
  double step = 0;                  // > 0: inputs drawn from range.first + k * step only (ties, exact boundaries)
  std::vector<std::string> special; // "nan", "inf", "-inf", "-0", "denorm", "max", "-max"
  double value = 0;                 // role param: its first value (the perf runs use it)
  std::vector<ParamValue> params;   // role param: every value it takes (values, specials, random)
  // Integer inputs: range bounds as expressions over sizes (a number is a constant one),
  // inclusive; the generator that draws the values.
  std::optional<std::pair<Expr, Expr>> int_range;
  Gen gen = Gen::uniform;
  // out/inout: the name of an out argument (i32*/i64*, len 1) holding how many leading
  // elements are valid; the rest must stay untouched. Empty: all `len` elements are output.
  std::string count;
  int line = 0;
};

// Size name → value, for one test or performance shape.
using Shape = std::map<std::string, int64_t>;

struct Tolerance
{
  double abs = 0;
  double rel = 0;
  std::string nan = "match"; // match | any
  std::string inf = "match"; // match | any
  int64_t ulp = 0;
};

// [[tolerance.when]]: the tolerance where one integer size or param takes one of `values`
// (e.g. an op type whose results need their own bound); keys it does not set are the base's.
struct ToleranceCase
{
  std::string key; // a size, or an i32/i64 param
  int param = -1;  // the param's index in args; -1: key is a size
  std::vector<int64_t> values;
  Tolerance tolerance;
  int line = 0;
};

struct Spec
{
  std::string name, suite, description, entry, signature;
  std::string dir, toml_path, source_path; // absolute
  std::string toml_text, source_text;      // exact bytes (cache keys hash these)
  std::vector<Knob> knobs;
  std::vector<SizeDecl> sizes;
  std::vector<Arg> args; // in C parameter order
  std::vector<Shape> test_shapes;
  // Every combination of the params' values (index per arg into Arg::params, 0 for other
  // args); each test shape runs with each. One case when every param has one value.
  std::vector<std::vector<size_t>> param_cases;
  Shape perf_shape;
  Tolerance tolerance;                        // the base tolerance
  std::vector<ToleranceCase> tolerance_cases; // checked in order before the base
  std::string flops;                          // expression over sizes, at the perf shape
  Expr flops_expr;
  std::optional<Expr> bytes_expr; // absent: the sum of pointer argument sizes
};

Spec load_spec(const std::string& kernel_dir); // throws Fatal "…/kernel.toml:line: what"
// Parse a spec from text; `toml_path` names it in errors. The source file is not read.
Spec parse_spec(const std::string& toml_text, const std::string& toml_path);

bool knobs_satisfy(const Spec& spec, const std::map<std::string, int64_t>& values); // all constraints
std::map<std::string, int64_t> default_knobs(const Spec& spec);
// The tolerance of one run: the first [[tolerance.when]] case the shape or the param case
// selects, else the base tolerance.
const Tolerance& tolerance_at(const Spec& spec, const Shape& shape, size_t param_case);

int elem_bytes(ElemType t);
const char* gen_name(Gen g);
// An integer input's inclusive value range at a shape: the declared one, or the type's
// default (u8 0..255, others -1000..1000). Validated at load time.
std::pair<int64_t, int64_t> int_range_at(const Arg& arg, const Shape& shape);
// Index of the argument named by `arg.count`, or -1.
int count_arg_index(const Spec& spec, const Arg& arg);
bool is_float(ElemType t);
const char* role_name(Role r);
// Element count of a pointer argument at a shape (validated at load time, so it cannot fail).
int64_t arg_length(const Arg& arg, const Shape& shape);
// "n=7" / "c=3 h=5 w=9"
std::string describe_shape(const Shape& shape);
// The params of a case that take several values: "a=0", "a=nan op=2"; empty when none do.
std::string describe_case(const Spec& spec, size_t param_case);
constexpr size_t k_max_param_cases = 64;

} // namespace eok::kernel
