// kernel.toml: [shapes], [perf] and [[knobs]].
#include "kernel/spec_parser.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace eok::kernel::detail {

Shape SpecParser::parse_shape(const Node& n, const std::string& what)
{
  if (n.kind != Kind::table) {
    fail(n.line, what + ": expected a table like { n = 7 }, got " + kind_name(n.kind));
  }
  Shape shape;
  for (const auto& member : n.table) {
    const SizeDecl* d = find_size(member.first);
    if (!d) {
      fail(member.second.line, what + ": '" + member.first + "' is not declared in [sizes]");
    }
    if (member.second.kind != Kind::integer) {
      fail(member.second.line, what + ": " + member.first + " must be an integer");
    }
    int64_t v = member.second.integer;
    std::string at = what + ": " + member.first + " = " + std::to_string(v);
    if (v < d->min) {
      fail(member.second.line, at + " is below its min " + std::to_string(d->min));
    }
    if (d->max && v > *d->max) {
      fail(member.second.line, at + " is above its max " + std::to_string(*d->max));
    }
    if (v % d->multiple_of != 0) {
      fail(member.second.line, at + " is not a multiple of " + std::to_string(d->multiple_of));
    }
    shape[member.first] = v;
  }
  for (const auto& d : m_spec.sizes) {
    if (!shape.count(d.name)) {
      fail(n.line, what + ": size '" + d.name + "' is not given");
    }
  }
  for (const auto& a : m_spec.args) {
    if (!a.pointer) {
      continue;
    }
    Expected<int64_t> len = a.len_expr.eval([&shape](const std::string& name) -> std::optional<int64_t> {
      auto it = shape.find(name);
      return it == shape.end() ? std::nullopt : std::optional(it->second);
    });
    if (!len) {
      fail(n.line, what + ": args." + a.name + ".len: " + len.error());
    }
    // Bounded so a typo cannot make the harness allocate terabytes.
    if (*len < 0 || *len > (int64_t{1} << 28)) {
      fail(n.line, what + ": args." + a.name + ".len = " + std::to_string(*len) + " (must be 0 .. 2^28)");
    }
  }
  for (const auto& a : m_spec.args) {
    if (!a.int_range) {
      continue;
    }
    for (const Expr* e : {&a.int_range->first, &a.int_range->second}) {
      Expected<int64_t> v = e->eval([&shape](const std::string& name) -> std::optional<int64_t> {
        auto it = shape.find(name);
        return it == shape.end() ? std::nullopt : std::optional(it->second);
      });
      if (!v) {
        fail(n.line, what + ": args." + a.name + ".range '" + e->text() + "': " + v.error());
      }
    }
  }
  check_generators(shape, n.line, what);
  return shape;
}

void SpecParser::parse_shapes(TableReader& root)
{
  const Node& t = required_table(root, "shapes");
  TableReader r(m_doc, t, "shapes");
  const Node* test = r.array("test");
  const Node* perf = r.table("perf");
  r.reject_unknown();
  if (!test || test->array.empty()) {
    fail(test ? test->line : t.line, "shapes.test must list at least one shape");
  }
  for (size_t i = 0; i < test->array.size(); ++i) {
    m_spec.test_shapes.push_back(parse_shape(test->array[i], "shapes.test[" + std::to_string(i + 1) + "]"));
  }
  if (!perf) {
    fail(t.line, "shapes.perf is missing (the shape performance is measured on)");
  }
  m_spec.perf_shape = parse_shape(*perf, "shapes.perf");
}

void SpecParser::parse_perf(TableReader& root)
{
  const Node& t = required_table(root, "perf");
  TableReader r(m_doc, t, "perf");
  m_spec.flops = r.required_string("flops");
  std::optional<std::string> bytes = r.string("bytes");
  r.reject_unknown();
  const Shape& shape = m_spec.perf_shape;
  auto lookup = [&shape](const std::string& name) -> std::optional<int64_t> {
    auto it = shape.find(name);
    return it == shape.end() ? std::nullopt : std::optional(it->second);
  };
  auto check = [&](const std::string& key, const std::string& text) {
    int line = t.find(key)->line;
    Expr e = expression(text, line, "perf." + key);
    Expected<int64_t> v = e.eval(lookup);
    if (!v) {
      fail(line, "perf." + key + " '" + text + "': " + v.error());
    }
    if (*v < 0) {
      fail(line, "perf." + key + " '" + text + "' is negative at the perf shape");
    }
    return e;
  };
  m_spec.flops_expr = check("flops", m_spec.flops);
  if (bytes) {
    m_spec.bytes_expr = check("bytes", *bytes);
  }
}

void SpecParser::parse_knobs(TableReader& root)
{
  const Node* list = root.array("knobs");
  if (!list) {
    return;
  }
  std::set<std::string> names;
  for (const auto& t : list->array) {
    if (t.kind != Kind::table) {
      fail(t.line, "knobs: expected [[knobs]] tables, got " + std::string(kind_name(t.kind)));
    }
    TableReader r(m_doc, t, "knobs");
    Knob k;
    k.line = t.line;
    k.name = r.required_string("name");
    const Node* values = r.array("values");
    k.default_value = r.required_integer("default");
    k.constraint = r.string("constraint").value_or("");
    r.reject_unknown();
    std::string prefix = "knobs." + k.name;
    if (!is_identifier(k.name)) {
      fail(t.find("name")->line, prefix + ": not a C identifier");
    }
    if (!names.insert(k.name).second) {
      fail(t.line, prefix + " appears twice");
    }
    if (!values || values->array.empty()) {
      fail(values ? values->line : t.line, prefix + ".values must list at least one integer");
    }
    for (const auto& v : values->array) {
      if (v.kind != Kind::integer) {
        fail(v.line, prefix + ".values: expected integers, found " + kind_name(v.kind));
      }
      k.values.push_back(v.integer);
    }
    if (std::find(k.values.begin(), k.values.end(), k.default_value) == k.values.end()) {
      fail(t.find("default")->line, prefix + ".default " + std::to_string(k.default_value) + " is not one of its values");
    }
    m_spec.knobs.push_back(k);
  }
  // Constraints may name any knob, so they are checked once all knobs are known.
  for (size_t i = 0; i < m_spec.knobs.size(); ++i) {
    Knob& k = m_spec.knobs[i];
    if (k.constraint.empty()) {
      continue;
    }
    int line = list->array[i].find("constraint")->line;
    k.constraint_expr = expression(k.constraint, line, "knobs." + k.name + ".constraint");
    for (const auto& n : k.constraint_expr.names()) {
      if (!names.count(n)) {
        fail(line, "knobs." + k.name + ".constraint uses '" + n + "', which is not a knob");
      }
    }
    Expected<int64_t> ok = k.constraint_expr.eval([this](const std::string& name) -> std::optional<int64_t> {
      for (const auto& other : m_spec.knobs) {
        if (other.name == name) {
          return other.default_value;
        }
      }
      return std::nullopt;
    });
    if (!ok) {
      fail(line, "knobs." + k.name + ".constraint: " + ok.error());
    }
    if (*ok == 0) {
      fail(line, "knobs." + k.name + ".constraint '" + k.constraint + "' does not hold for the default values");
    }
  }
}

} // namespace eok::kernel::detail
