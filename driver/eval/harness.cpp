#include "eval/harness.hpp"

#include "util/strings.hpp"

#include <cmath>
#include <cstdio>

namespace eok::eval {

namespace {

using kernel::Arg;
using kernel::ElemType;
using kernel::Role;

const char* kind_macro(ElemType t)
{
  switch (t) {
  case ElemType::f32:
    return "K_F32";
  case ElemType::f16:
    return "K_F16";
  case ElemType::i32:
    return "K_I32";
  case ElemType::i64:
    return "K_I64";
  case ElemType::u8:
    return "K_U8";
  }
  return "K_F32";
}

const char* role_macro(const Arg& a)
{
  switch (a.role) {
  case Role::in:
    return "R_IN";
  case Role::out:
    return "R_OUT";
  case Role::inout:
    return "R_INOUT";
  case Role::scratch:
    return "R_SCRATCH";
  default:
    return "R_SCALAR";
  }
}

unsigned special_mask(const Arg& a)
{
  static const std::vector<std::string> order = {"nan", "inf", "-inf", "-0", "denorm", "max", "-max"};
  unsigned mask = 0;
  for (const auto& s : a.special) {
    for (size_t i = 0; i < order.size(); ++i) {
      if (order[i] == s) {
        mask |= 1u << i;
      }
    }
  }
  return mask;
}

// Inputs without a declared range: small floats, moderate integers, any byte.
std::pair<double, double> default_range(ElemType t)
{
  switch (t) {
  case ElemType::u8:
    return {0, 255};
  case ElemType::i32:
  case ElemType::i64:
    return {-1000, 1000};
  default:
    return {-1, 1};
  }
}

template<typename F> std::string list(const std::vector<Arg>& args, F f)
{
  std::vector<std::string> parts;
  for (const auto& a : args) {
    parts.push_back(f(a));
  }
  return "{" + util::join(parts, ", ") + "}";
}

std::string shape_row(const kernel::Spec& spec, const kernel::Shape& shape)
{
  std::vector<std::string> parts;
  for (const auto& a : spec.args) {
    if (a.pointer) {
      parts.push_back(std::to_string(kernel::arg_length(a, shape)));
    } else if (a.role == Role::size) {
      parts.push_back(std::to_string(shape.at(a.name)));
    } else {
      parts.push_back("0");
    }
  }
  return "{" + util::join(parts, ", ") + "}";
}

// The kernel call: pointers as void* (C converts to the prototype's types), sizes from
// the shape table, params from the case's row of g_param.
std::string call_expression(const kernel::Spec& spec)
{
  std::vector<std::string> parts;
  for (size_t i = 0; i < spec.args.size(); ++i) {
    const Arg& a = spec.args[i];
    std::string idx = std::to_string(i);
    if (a.pointer) {
      parts.push_back("(void*)b[" + idx + "].data");
    } else if (a.role == Role::size) {
      parts.push_back("(int64_t)k_len[s][" + idx + "]");
    } else if (a.elem == ElemType::f32) {
      parts.push_back("(float)g_param[c][" + idx + "]");
    } else {
      parts.push_back("(int64_t)g_param[c][" + idx + "]");
    }
  }
  return spec.entry + "(" + util::join(parts, ", ") + ")";
}

// A param value as an exact C double literal (specials included).
std::string param_literal(double v)
{
  if (std::isnan(v)) {
    return "__builtin_nan(\"\")";
  }
  if (std::isinf(v)) {
    return v > 0 ? "__builtin_inf()" : "-__builtin_inf()";
  }
  if (v == 0) {
    return std::signbit(v) ? "-0.0" : "0.0";
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", v);
  return buf;
}

// Per param case, per arg: the value (0 where not a param) and whether it is drawn from
// the range at run time.
std::string param_tables(const kernel::Spec& spec)
{
  std::vector<std::string> values;
  std::vector<std::string> random;
  for (size_t c = 0; c < param_case_count(spec); ++c) {
    std::vector<std::string> v;
    std::vector<std::string> r;
    for (size_t i = 0; i < spec.args.size(); ++i) {
      const Arg& a = spec.args[i];
      const kernel::ParamValue* p = nullptr;
      if (a.role == Role::param && !a.params.empty()) {
        p = &a.params[spec.param_cases.empty() ? 0 : spec.param_cases[c][i]];
      }
      v.push_back(p ? param_literal(p->value) : (a.role == Role::param ? param_literal(a.value) : "0.0"));
      r.push_back(p && p->random ? "1" : "0");
    }
    std::string what = spec.param_cases.empty() ? "" : kernel::describe_case(spec, c);
    values.push_back("  {" + util::join(v, ", ") + "}," + (what.empty() ? "" : " // " + what));
    random.push_back("{" + util::join(r, ", ") + "}");
  }
  std::string out = "#define EOK_NCASES " + std::to_string(param_case_count(spec)) + "\n";
  out += "// Param values per case (every test shape runs with each case; perf runs use case 0).\n";
  out += "static const double k_param[EOK_NCASES][EOK_NARGS] = {\n" + util::join(values, "\n") + "\n};\n";
  out += "static const unsigned char k_param_random[EOK_NCASES][EOK_NARGS] = {" + util::join(random, ", ") + "};\n";
  out += "static double g_param[EOK_NCASES][EOK_NARGS]; // k_param with the random ones drawn from the seed\n";
  return out;
}

} // namespace

size_t param_case_count(const kernel::Spec& spec)
{
  return spec.param_cases.empty() ? 1 : spec.param_cases.size();
}

std::string describe_run(const kernel::Spec& spec, size_t shape, size_t param_case)
{
  if (shape == spec.test_shapes.size()) {
    return "perf " + kernel::describe_shape(spec.perf_shape);
  }
  std::string text = shape < spec.test_shapes.size() ? kernel::describe_shape(spec.test_shapes[shape]) : "?";
  std::string params = spec.param_cases.size() > 1 ? kernel::describe_case(spec, param_case) : "";
  return params.empty() ? text : text + " " + params;
}

std::vector<OutputBlock> output_layout(const kernel::Spec& spec, size_t& total_bytes)
{
  std::vector<OutputBlock> blocks;
  size_t offset = 0;
  for (size_t s = 0; s < spec.test_shapes.size(); ++s) {
    for (size_t c = 0; c < param_case_count(spec); ++c) {
      for (size_t i = 0; i < spec.args.size(); ++i) {
        const Arg& a = spec.args[i];
        if (a.role != Role::out && a.role != Role::inout) {
          continue;
        }
        OutputBlock b{s, c, i, kernel::arg_length(a, spec.test_shapes[s]), offset};
        offset += static_cast<size_t>(b.length) * static_cast<size_t>(kernel::elem_bytes(a.elem));
        blocks.push_back(b);
      }
    }
  }
  // Last, the perf shape as measured (param case 0, no specials).
  for (size_t i = 0; i < spec.args.size(); ++i) {
    const Arg& a = spec.args[i];
    if (a.role == Role::out || a.role == Role::inout) {
      OutputBlock b{spec.test_shapes.size(), 0, i, kernel::arg_length(a, spec.perf_shape), offset};
      offset += static_cast<size_t>(b.length) * static_cast<size_t>(kernel::elem_bytes(a.elem));
      blocks.push_back(b);
    }
  }
  total_bytes = offset;
  return blocks;
}

std::string harness_body(); // harness_body.cpp: the fixed part

std::string generate_harness(const kernel::Spec& spec)
{
  std::string c = "// Generated by eok from " + spec.toml_path + " (kernel " + spec.suite + "/" + spec.name + "); do not edit.\n";
  c += "#define _GNU_SOURCE\n#include <signal.h>\n#include <stdint.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n"
       "#include <sys/mman.h>\n#include <sys/resource.h>\n#include <time.h>\n#include <ucontext.h>\n#include <unistd.h>\n\n";
  c += spec.signature + ";\n\n";
  c += "#define EOK_NARGS " + std::to_string(spec.args.size()) + "\n";
  c += "#define EOK_NSHAPES " + std::to_string(spec.test_shapes.size()) + "\n";
  c += "enum { K_F32, K_F16, K_I32, K_I64, K_U8 };\nenum { R_IN, R_OUT, R_INOUT, R_SCALAR, R_SCRATCH };\n";
  c += "enum { G_UNIFORM, G_SORTED, G_SORTED_DUPS, G_UNIQUE, G_SORTED_UNIQUE, G_NEARLY_SORTED, G_PERMUTATION, G_OFFSETS, G_IOTA };\n";
  c += "static const char* const k_name[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return "\"" + a.name + "\""; }) + ";\n";
  c += "static const int k_kind[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return std::string(kind_macro(a.elem)); }) + ";\n";
  c += "static const int k_role[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return std::string(role_macro(a)); }) + ";\n";
  c += "static const int k_esize[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return std::to_string(kernel::elem_bytes(a.elem)); }) +
       ";\n";
  c += "static const double k_lo[EOK_NARGS] = " +
       list(spec.args, [](const Arg& a) { return util::exact(a.range ? a.range->first : default_range(a.elem).first); }) + ";\n";
  c += "static const double k_hi[EOK_NARGS] = " +
       list(spec.args, [](const Arg& a) { return util::exact(a.range ? a.range->second : default_range(a.elem).second); }) + ";\n";
  c += "static const double k_step[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return util::exact(a.step); }) + ";\n";
  c += "static const unsigned k_special[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return std::to_string(special_mask(a)); }) +
       ";\n";
  c += "static const int k_gen[EOK_NARGS] = " + list(spec.args, [](const Arg& a) { return std::to_string(static_cast<int>(a.gen)); }) +
       ";\n";
  c += "// The argument holding each output's valid length (count), or -1.\n";
  c += "static const int k_count[EOK_NARGS] = " +
       list(spec.args, [&spec](const Arg& a) { return std::to_string(kernel::count_arg_index(spec, a)); }) + ";\n";
  c += "// Integer inputs' inclusive value ranges per shape (last row: perf shape).\n";
  c += "static const int64_t k_ilo[EOK_NSHAPES + 1][EOK_NARGS] = {\n";
  std::string hi_rows;
  std::vector<kernel::Shape> shapes = spec.test_shapes;
  shapes.push_back(spec.perf_shape);
  for (const auto& shape : shapes) {
    std::vector<std::string> lo, hi;
    for (const auto& a : spec.args) {
      bool int_input = a.pointer && !kernel::is_float(a.elem);
      auto r = int_input ? kernel::int_range_at(a, shape) : std::pair<int64_t, int64_t>(0, 0);
      lo.push_back(std::to_string(r.first) + "LL");
      hi.push_back(std::to_string(r.second) + "LL");
    }
    c += "  {" + util::join(lo, ", ") + "},\n";
    hi_rows += "  {" + util::join(hi, ", ") + "},\n";
  }
  c += "};\nstatic const int64_t k_ihi[EOK_NSHAPES + 1][EOK_NARGS] = {\n" + hi_rows + "};\n";
  c += "// Element counts of pointer arguments (values of size arguments), per test shape; the last row is the perf shape.\n";
  c += "static const int64_t k_len[EOK_NSHAPES + 1][EOK_NARGS] = {\n";
  for (const auto& shape : spec.test_shapes) {
    c += "  " + shape_row(spec, shape) + ", // " + kernel::describe_shape(shape) + "\n";
  }
  c += "  " + shape_row(spec, spec.perf_shape) + ", // perf: " + kernel::describe_shape(spec.perf_shape) + "\n};\n\n";
  c += param_tables(spec);
  c += "typedef struct { unsigned char* base; unsigned char* data; size_t bytes; unsigned char* map; size_t map_bytes; int place; } "
       "Buf;\n\n";
  c += "static void call_kernel(Buf* b, int s, int c)\n{\n  " + call_expression(spec) + ";\n}\n\n";
  c += harness_body();
  return c;
}

} // namespace eok::eval
