// kernel.toml: [tolerance] and its [[tolerance.when]] cases (a tolerance per value of one
// integer size or param, e.g. per op type), and the lookup of the tolerance of one run.
#include "kernel/spec_parser.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace eok::kernel {

namespace {

// The integer a run gives the case's key: a size from the shape, a param from the case.
std::optional<int64_t> key_value(const Spec& spec, const ToleranceCase& c, const Shape& shape, size_t param_case)
{
  if (c.param < 0) {
    auto it = shape.find(c.key);
    return it == shape.end() ? std::nullopt : std::optional<int64_t>(it->second);
  }
  const Arg& a = spec.args[static_cast<size_t>(c.param)];
  size_t index = param_case < spec.param_cases.size() ? spec.param_cases[param_case][static_cast<size_t>(c.param)] : 0;
  if (index >= a.params.size() || a.params[index].random) {
    return std::nullopt;
  }
  return static_cast<int64_t>(a.params[index].value);
}

} // namespace

const Tolerance& tolerance_at(const Spec& spec, const Shape& shape, size_t param_case)
{
  for (const ToleranceCase& c : spec.tolerance_cases) {
    std::optional<int64_t> v = key_value(spec, c, shape, param_case);
    if (v && std::find(c.values.begin(), c.values.end(), *v) != c.values.end()) {
      return c.tolerance;
    }
  }
  return spec.tolerance;
}

namespace detail {

namespace {

constexpr std::string_view k_tolerance_keys[] = {"abs", "rel", "nan", "inf", "ulp"};

bool is_tolerance_key(const std::string& key)
{
  return std::find(std::begin(k_tolerance_keys), std::end(k_tolerance_keys), key) != std::end(k_tolerance_keys);
}

} // namespace

// The keys of one tolerance table (the base or a case) over `tol`, which holds the defaults.
void SpecParser::read_tolerance_keys(const Node& t, const std::string& prefix, Tolerance& tol)
{
  for (const auto& [key, v] : t.table) {
    if (!is_tolerance_key(key)) {
      continue;
    }
    std::string what = prefix + "." + key;
    if (key == "abs" || key == "rel") {
      if (!v.is_number()) {
        fail(v.line, what + " must be a number, got " + kind_name(v.kind));
      }
      double x = v.number();
      if (!(x >= 0) || std::isinf(x)) {
        fail(v.line, what + " must be a finite number >= 0");
      }
      (key == "abs" ? tol.abs : tol.rel) = x;
    } else if (key == "nan" || key == "inf") {
      if (v.kind != Kind::string) {
        fail(v.line, what + " must be a string, got " + kind_name(v.kind));
      }
      if (v.str != "match" && v.str != "any") {
        fail(v.line, what + ": '" + v.str + "' is not one of match, any");
      }
      (key == "nan" ? tol.nan : tol.inf) = v.str;
    } else {
      if (v.kind != Kind::integer) {
        fail(v.line, what + " must be an integer, got " + kind_name(v.kind));
      }
      if (v.integer < 0) {
        fail(v.line, what + " must be >= 0");
      }
      tol.ulp = v.integer;
    }
  }
}

void SpecParser::parse_tolerance(TableReader& root)
{
  const Node* t = root.table("tolerance");
  if (!t) {
    return; // exact comparison
  }
  for (const auto& [key, v] : t->table) {
    if (!is_tolerance_key(key) && key != "when") {
      fail(v.line, "unknown key 'tolerance." + key + "'");
    }
  }
  read_tolerance_keys(*t, "tolerance", m_spec.tolerance);
  const Node* when = t->find("when");
  if (!when) {
    return;
  }
  if (when->kind != Kind::array) {
    fail(when->line, "tolerance.when: expected [[tolerance.when]] tables, got " + std::string(kind_name(when->kind)));
  }
  std::map<std::pair<std::string, int64_t>, int> seen; // (key, value) -> line of its case
  for (const Node& e : when->array) {
    if (e.kind != Kind::table) {
      fail(e.line, "tolerance.when: expected [[tolerance.when]] tables, got " + std::string(kind_name(e.kind)));
    }
    ToleranceCase c;
    c.line = e.line;
    c.tolerance = m_spec.tolerance;
    const Node* selector = nullptr;
    bool sets_any = false;
    for (const auto& [key, v] : e.table) {
      if (is_tolerance_key(key)) {
        sets_any = true;
        continue;
      }
      if (selector) {
        fail(v.line, "tolerance.when: selects on both '" + c.key + "' and '" + key + "'; one case selects on one size or param");
      }
      selector = &v;
      c.key = key;
    }
    if (!selector) {
      fail(e.line, "tolerance.when: names no size or integer param to select on (e.g. op = [14])");
    }
    std::string prefix = "tolerance.when." + c.key;
    const SizeDecl* size = find_size(c.key);
    if (!size) {
      for (size_t i = 0; i < m_spec.args.size(); ++i) {
        const Arg& a = m_spec.args[i];
        if (a.name == c.key && a.role == Role::param && (a.elem == ElemType::i32 || a.elem == ElemType::i64)) {
          c.param = static_cast<int>(i);
        }
      }
      if (c.param < 0) {
        fail(selector->line, "tolerance.when: '" + c.key + "' is not a size or an integer param");
      }
    }
    std::vector<Node> values = selector->kind == Kind::array ? selector->array : std::vector<Node>{*selector};
    if (values.empty()) {
      fail(selector->line, prefix + ": expected an integer or a non-empty list of integers");
    }
    for (const Node& v : values) {
      if (v.kind != Kind::integer) {
        fail(v.line, prefix + ": expected integers, found " + kind_name(v.kind));
      }
      std::string at = prefix + " = " + std::to_string(v.integer);
      if (size && (v.integer < size->min || (size->max && v.integer > *size->max) || v.integer % size->multiple_of != 0)) {
        fail(v.line, at + " is a value the size cannot take (see [sizes])");
      }
      if (!size) {
        const Arg& a = m_spec.args[static_cast<size_t>(c.param)];
        bool takes = std::any_of(a.params.begin(), a.params.end(),
                                 [&](const ParamValue& p) { return !p.random && p.value == static_cast<double>(v.integer); });
        if (!takes) {
          fail(v.line, at + " is not one of the param's values");
        }
      }
      auto [it, fresh] = seen.emplace(std::make_pair(c.key, v.integer), v.line);
      if (!fresh) {
        fail(v.line, at + " already has a tolerance case (line " + std::to_string(it->second) + ")");
      }
      c.values.push_back(v.integer);
    }
    if (!sets_any) {
      fail(e.line, prefix + ": sets none of abs, rel, nan, inf, ulp");
    }
    read_tolerance_keys(e, prefix, c.tolerance);
    m_spec.tolerance_cases.push_back(c);
  }
}

} // namespace detail

} // namespace eok::kernel
