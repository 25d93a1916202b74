#include "kernel/spec.hpp"

#include "kernel/layout.hpp"
#include "kernel/spec_parser.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"

#include <filesystem>

namespace eok::kernel {

Spec parse_spec(const std::string& toml_text, const std::string& toml_path)
{
  toml::Document doc = toml::parse_text(toml_text, toml_path);
  Spec spec;
  spec.toml_path = toml_path;
  spec.toml_text = toml_text;
  detail::SpecParser(doc, spec).parse();
  return spec;
}

Spec load_spec(const std::string& kernel_dir)
{
  namespace fs = std::filesystem;
  fs::path dir = fs::absolute(kernel_dir).lexically_normal();
  fs::path toml_path = spec_path(dir.string());
  if (!fs::is_regular_file(toml_path)) {
    throw Fatal(toml_path.string() + ": no such file (a kernel directory holds kernel.toml, see kernels/FORMAT.md)");
  }
  std::string text = util::read_file(toml_path);
  Spec spec = parse_spec(text, toml_path.string());
  spec.dir = dir.string();
  toml::Document doc = toml::parse_text(text, toml_path.string());
  const toml::Node* source = doc.root.find("kernel")->find("source");
  fs::path src = dir / source->str;
  if (!fs::is_regular_file(src)) {
    throw Fatal(located(spec.toml_path, source->line, "kernel.source: '" + source->str + "' does not exist in " + dir.string()));
  }
  spec.source_path = src.string();
  spec.source_text = util::read_file(src);
  return spec;
}

std::map<std::string, int64_t> default_knobs(const Spec& spec)
{
  std::map<std::string, int64_t> out;
  for (const auto& k : spec.knobs) {
    out[k.name] = k.default_value;
  }
  return out;
}

bool knobs_satisfy(const Spec& spec, const std::map<std::string, int64_t>& values)
{
  std::map<std::string, int64_t> all = default_knobs(spec);
  for (const auto& [name, value] : values) {
    all[name] = value;
  }
  for (const auto& k : spec.knobs) {
    if (k.constraint.empty()) {
      continue;
    }
    Expected<int64_t> ok = k.constraint_expr.eval([&all](const std::string& name) -> std::optional<int64_t> {
      auto it = all.find(name);
      return it == all.end() ? std::nullopt : std::optional(it->second);
    });
    if (!ok || *ok == 0) {
      return false;
    }
  }
  return true;
}

int elem_bytes(ElemType t)
{
  switch (t) {
  case ElemType::f16:
    return 2;
  case ElemType::u8:
    return 1;
  case ElemType::i64:
    return 8;
  default:
    return 4;
  }
}

bool is_float(ElemType t)
{
  return t == ElemType::f32 || t == ElemType::f16;
}

const char* role_name(Role r)
{
  switch (r) {
  case Role::in:
    return "in";
  case Role::out:
    return "out";
  case Role::inout:
    return "inout";
  case Role::size:
    return "size";
  case Role::param:
    return "param";
  case Role::scratch:
    return "scratch";
  }
  return "?";
}

const char* gen_name(Gen g)
{
  switch (g) {
  case Gen::uniform:
    return "uniform";
  case Gen::sorted:
    return "sorted";
  case Gen::sorted_dups:
    return "sorted_dups";
  case Gen::unique:
    return "unique";
  case Gen::sorted_unique:
    return "sorted_unique";
  case Gen::nearly_sorted:
    return "nearly_sorted";
  case Gen::permutation:
    return "permutation";
  case Gen::offsets:
    return "offsets";
  case Gen::iota:
    return "iota";
  }
  return "?";
}

std::pair<int64_t, int64_t> int_range_at(const Arg& arg, const Shape& shape)
{
  if (!arg.int_range) {
    return arg.elem == ElemType::u8 ? std::pair<int64_t, int64_t>(0, 255) : std::pair<int64_t, int64_t>(-1000, 1000);
  }
  auto lookup = [&shape](const std::string& name) -> std::optional<int64_t> {
    auto it = shape.find(name);
    return it == shape.end() ? std::nullopt : std::optional(it->second);
  };
  return {arg.int_range->first.eval(lookup).value(), arg.int_range->second.eval(lookup).value()};
}

int count_arg_index(const Spec& spec, const Arg& arg)
{
  if (arg.count.empty()) {
    return -1;
  }
  for (size_t i = 0; i < spec.args.size(); ++i) {
    if (spec.args[i].name == arg.count) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int64_t arg_length(const Arg& arg, const Shape& shape)
{
  Expected<int64_t> v = arg.len_expr.eval([&shape](const std::string& name) -> std::optional<int64_t> {
    auto it = shape.find(name);
    return it == shape.end() ? std::nullopt : std::optional(it->second);
  });
  return v.value();
}

std::string describe_shape(const Shape& shape)
{
  std::string out;
  for (const auto& [name, value] : shape) {
    out += (out.empty() ? "" : " ") + name + "=" + std::to_string(value);
  }
  return out;
}

std::string describe_case(const Spec& spec, size_t param_case)
{
  std::string out;
  const std::vector<size_t>& choice = spec.param_cases.at(param_case);
  for (size_t i = 0; i < spec.args.size(); ++i) {
    if (spec.args[i].params.size() > 1) {
      out += (out.empty() ? "" : " ") + spec.args[i].name + "=" + spec.args[i].params[choice[i]].text;
    }
  }
  return out;
}

} // namespace eok::kernel
