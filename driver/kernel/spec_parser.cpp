// kernel.toml: [kernel], [sizes] and [[args]], checked against the signature.
#include "kernel/spec_parser.hpp"

#include "util/error.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace eok::kernel::detail {

namespace {

const std::vector<std::string>& special_names()
{
  static const std::vector<std::string> names = {"nan", "inf", "-inf", "-0", "denorm", "max", "-max"};
  return names;
}

bool parse_type(const std::string& text, ElemType& elem, bool& pointer)
{
  static const std::vector<std::pair<std::string, ElemType>> types = {
      {"f32", ElemType::f32}, {"f16", ElemType::f16}, {"i32", ElemType::i32}, {"i64", ElemType::i64}, {"u8", ElemType::u8}};
  pointer = !text.empty() && text.back() == '*';
  std::string base = pointer ? text.substr(0, text.size() - 1) : text;
  for (const auto& t : types) {
    if (t.first == base) {
      elem = t.second;
      // Scalars are i32, i64 or f32 only (FORMAT.md).
      return pointer || elem == ElemType::i32 || elem == ElemType::i64 || elem == ElemType::f32;
    }
  }
  return false;
}

// The C spellings of each element type on RV64 (LP64): the harness passes
// buffers and scalars of exactly that type, so any other is a silent mismatch.
const std::vector<std::string>& c_spellings(ElemType e)
{
  static const std::map<ElemType, std::vector<std::string>> names = {
      {ElemType::f32, {"float"}},
      {ElemType::f16, {"_Float16"}},
      {ElemType::i32, {"int", "int32_t"}},
      {ElemType::i64, {"long", "long long", "int64_t"}},
      {ElemType::u8, {"uint8_t", "unsigned char"}},
  };
  return names.at(e);
}

} // namespace

void SpecParser::check_c_type(const Node& t, const Arg& a, const CParam& p)
{
  const CType c = parse_c_type(p.type);
  const auto& ok = c_spellings(a.elem);
  const int line = t.find("type")->line;
  const std::string want = ok.front() + (a.pointer ? "*" : "");
  if (std::find(ok.begin(), ok.end(), c.base) == ok.end() || c.stars != (a.pointer ? 1 : 0)) {
    fail(line, "args." + a.name + ": type " + a.type + " is '" + p.type + "' in kernel.signature; " + a.type + " is '" +
                   (a.role == Role::in ? "const " : "") + want + "' in C");
  }
  const bool written = a.role == Role::out || a.role == Role::inout || a.role == Role::scratch;
  if (written && c.const_pointee) {
    fail(line, "args." + a.name + ": role " +
                   (a.role == Role::out     ? "out"
                    : a.role == Role::inout ? "inout"
                                            : "scratch") +
                   " is written by the kernel, but kernel.signature declares it '" + p.type + "' (drop the const)");
  }
}

void SpecParser::parse()
{
  TableReader root(m_doc, m_doc.root, "");
  parse_kernel(root);
  parse_sizes(root);
  parse_args(root);
  build_param_cases();
  parse_tolerance(root);
  parse_shapes(root);
  parse_perf(root);
  parse_knobs(root);
  root.reject_unknown();
}

void SpecParser::fail(int line, const std::string& what) const
{
  throw Fatal(located(m_doc.path, line, what));
}

const Node& SpecParser::required_table(TableReader& r, const std::string& key)
{
  const Node* t = r.table(key);
  if (!t) {
    fail(0, "missing [" + key + "] table");
  }
  return *t;
}

Expr SpecParser::expression(const std::string& text, int line, const std::string& what)
{
  Expected<Expr> e = Expr::parse(text);
  if (!e) {
    fail(line, what + " '" + text + "': " + e.error());
  }
  return *e;
}

const SizeDecl* SpecParser::find_size(const std::string& name) const
{
  for (const auto& s : m_spec.sizes) {
    if (s.name == name) {
      return &s;
    }
  }
  return nullptr;
}

void SpecParser::parse_kernel(TableReader& root)
{
  const Node& t = required_table(root, "kernel");
  TableReader r(m_doc, t, "kernel");
  m_spec.name = r.required_string("name");
  m_spec.suite = r.required_string("suite");
  m_spec.description = r.required_string("description");
  m_spec.entry = r.required_string("entry");
  std::string source = r.required_string("source");
  m_spec.signature = r.required_string("signature");
  r.reject_unknown();
  if (!is_identifier(m_spec.entry)) {
    fail(t.find("entry")->line, "kernel.entry: '" + m_spec.entry + "' is not a C identifier");
  }
  if (source.empty() || source.find('/') != std::string::npos || source[0] == '.') {
    fail(t.find("source")->line, "kernel.source: '" + source + "' must be a file name in the kernel directory");
  }
  m_sig_line = t.find("signature")->line;
  Expected<CSignature> sig = parse_signature(m_spec.signature);
  if (!sig) {
    fail(m_sig_line, "kernel.signature: " + sig.error());
  }
  if (sig->return_type != "void") {
    fail(m_sig_line, "kernel.signature: the kernel must return void (outputs go through pointers)");
  }
  if (sig->function != m_spec.entry) {
    fail(m_sig_line, "kernel.signature declares '" + sig->function + "' but kernel.entry is '" + m_spec.entry + "'");
  }
  m_sig = *sig;
}

void SpecParser::parse_sizes(TableReader& root)
{
  const Node& t = required_table(root, "sizes");
  for (const auto& member : t.table) {
    const Node& v = member.second;
    std::string key = "sizes." + member.first;
    if (!is_identifier(member.first)) {
      fail(v.line, key + ": not a C identifier");
    }
    if (v.kind != Kind::table) {
      fail(v.line, key + ": expected a table like { min = 0 }, got " + kind_name(v.kind));
    }
    TableReader r(m_doc, v, key);
    SizeDecl d;
    d.name = member.first;
    d.line = v.line;
    d.min = r.integer("min").value_or(0);
    d.max = r.integer("max");
    d.multiple_of = r.integer("multiple_of").value_or(1);
    r.reject_unknown();
    if (d.multiple_of < 1) {
      fail(v.line, key + ".multiple_of must be at least 1");
    }
    if (d.max && *d.max < d.min) {
      fail(v.line, key + ": max is below min");
    }
    m_spec.sizes.push_back(d);
  }
}

void SpecParser::parse_args(TableReader& root)
{
  const Node* list = root.array("args");
  if (!list) {
    fail(0, "missing [[args]] (one per C parameter of kernel.signature)");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < list->array.size(); ++i) {
    const Node& t = list->array[i];
    if (t.kind != Kind::table) {
      fail(t.line, "args: expected [[args]] tables, got " + std::string(kind_name(t.kind)));
    }
    parse_one_arg(t, i);
    const Arg& a = m_spec.args.back();
    if (!seen.insert(a.name).second) {
      fail(a.line, "args: '" + a.name + "' appears twice");
    }
    if (i >= m_sig.params.size()) {
      fail(a.line, "args: '" + a.name + "' is not a parameter of kernel.signature (it has " + std::to_string(m_sig.params.size()) + ")");
    }
    const CParam& p = m_sig.params[i];
    if (p.name != a.name) {
      fail(a.line, "args: entry " + std::to_string(i + 1) + " is '" + a.name + "' but parameter " + std::to_string(i + 1) +
                       " of kernel.signature is '" + p.name + "'");
    }
    if (p.pointer != a.pointer) {
      fail(a.line, "args." + a.name + ": type " + a.type + " does not match '" + p.type + "' in kernel.signature");
    }
    check_c_type(t, a, p);
  }
  if (m_spec.args.size() < m_sig.params.size()) {
    fail(m_sig_line, "kernel.signature: parameter '" + m_sig.params[m_spec.args.size()].name + "' has no [[args]] entry");
  }
  check_counts();
}

void SpecParser::parse_one_arg(const Node& t, size_t index)
{
  TableReader r(m_doc, t, "args");
  Arg a;
  a.line = t.line;
  a.name = r.required_string("name");
  std::string prefix = "args." + a.name;
  a.type = r.required_string("type");
  std::string role = r.required_string("role");
  if (!parse_type(a.type, a.elem, a.pointer)) {
    fail(t.find("type")->line, prefix + ".type: '" + a.type + "' is not one of f32* f16* i32* i64* u8* i32 i64 f32");
  }
  static const std::vector<std::pair<std::string, Role>> roles = {{"in", Role::in},     {"out", Role::out},     {"inout", Role::inout},
                                                                  {"size", Role::size}, {"param", Role::param}, {"scratch", Role::scratch}};
  auto it = std::find_if(roles.begin(), roles.end(), [&role](const auto& x) { return x.first == role; });
  if (it == roles.end()) {
    fail(t.find("role")->line, prefix + ".role: '" + role + "' is not one of in, out, inout, scratch, size, param");
  }
  a.role = it->second;
  if (a.pointer != (a.role == Role::in || a.role == Role::out || a.role == Role::inout || a.role == Role::scratch)) {
    fail(t.find("role")->line,
         prefix + ": role '" + role +
             (a.pointer ? "' is for scalars, a pointer is in, out, inout or scratch" : "' is for pointers, a scalar is size or param"));
  }
  std::optional<std::string> len = r.string("len");
  if (a.pointer && !len) {
    fail(t.line, prefix + ": missing 'len' (element count expression)");
  }
  if (!a.pointer && len) {
    fail(t.find("len")->line, prefix + ": 'len' is only for pointers");
  }
  if (len) {
    int line = t.find("len")->line;
    a.len = *len;
    a.len_expr = expression(a.len, line, prefix + ".len");
    if (a.len_expr.is_condition()) {
      fail(line, prefix + ".len '" + a.len + "' is a condition, not a count");
    }
    for (const auto& n : a.len_expr.names()) {
      if (!find_size(n)) {
        fail(line, prefix + ".len uses '" + n + "', which is not declared in [sizes]");
      }
    }
  }
  bool float_input = a.pointer && is_float(a.elem) && (a.role == Role::in || a.role == Role::inout);
  bool param = a.role == Role::param;
  bool int_input = a.pointer && !is_float(a.elem) && (a.role == Role::in || a.role == Role::inout);
  if (int_input) {
    parse_int_input(r, t, a, prefix);
  } else if (const Node* gen = r.get("gen")) {
    fail(gen->line, prefix + ".gen is only for in/inout integer pointers");
  }
  parse_count(r, a, prefix);
  if (const Node* range = int_input ? nullptr : r.get("range")) {
    if (!float_input && !param) {
      fail(range->line, prefix + ".range is only for in/inout pointers and params");
    }
    if (range->kind != Kind::array || range->array.size() != 2 || !range->array[0].is_number() || !range->array[1].is_number()) {
      fail(range->line, prefix + ".range: expected [low, high]");
    }
    a.range = std::pair(range->array[0].number(), range->array[1].number());
    if (!(a.range->first <= a.range->second)) {
      fail(range->line, prefix + ".range: low is above high");
    }
  }
  if (const Node* step = r.get("step")) {
    if (!a.range || param) {
      fail(step->line, prefix + ".step needs a range (values are drawn from low + k * step)");
    }
    a.step = r.number("step").value_or(0);
    double count = (a.range->second - a.range->first) / a.step;
    if (!(a.step > 0) || std::isinf(a.step)) {
      fail(step->line, prefix + ".step must be a finite number > 0");
    }
    if (!(count <= 0x1p52)) {
      fail(step->line, prefix + ".step is too small for the range (more than 2^52 values)");
    }
  }
  if (const Node* special = r.get("special")) {
    if (!float_input && !(param && a.elem == ElemType::f32)) {
      fail(special->line, prefix + ".special is only for in/inout float pointers and f32 params");
    }
    for (const auto& s : r.strings("special").value_or(std::vector<std::string>{})) {
      if (std::find(special_names().begin(), special_names().end(), s) == special_names().end()) {
        fail(special->line, prefix + ".special: '" + s + "' is not one of nan inf -inf -0 denorm max -max");
      }
      a.special.push_back(s);
    }
  }
  if (a.role == Role::size && !find_size(a.name)) {
    fail(t.line, prefix + ": role 'size' needs a size named '" + a.name + "' in [sizes]");
  }
  parse_param_values(r, t, a, prefix);
  r.reject_unknown();
  (void)index;
  m_spec.args.push_back(std::move(a));
}

void SpecParser::parse_param_values(TableReader& r, const Node& t, Arg& a, const std::string& prefix)
{
  const Node* value = t.find("value");
  const Node* values = t.find("values");
  bool param = a.role == Role::param;
  if (!param) {
    if (value || values) {
      fail((value ? value : values)->line, prefix + ": '" + (value ? "value" : "values") + "' is only for role 'param'");
    }
    return;
  }
  if (value && values) {
    fail(values->line, prefix + ": give 'value' or 'values', not both");
  }
  if (!value && !values) {
    fail(t.line, prefix + ": role 'param' needs 'value = <number>' or 'values = [<number>, ...]'");
  }
  std::vector<const Node*> numbers;
  if (value) {
    numbers.push_back(value);
    (void)r.number("value");
  } else {
    if (values->kind != Kind::array || values->array.empty()) {
      fail(values->line, prefix + ".values must list at least one number");
    }
    for (const auto& v : values->array) {
      numbers.push_back(&v);
    }
    (void)r.get("values");
  }
  const std::string key = prefix + (value ? ".value" : ".values");
  // The harness passes each value as a C literal converted to the parameter's type: it must
  // be exact there, not wrap (i32) or become infinite (f32).
  double low = a.elem == ElemType::i32 ? -0x1p31 : a.elem == ElemType::i64 ? -0x1p53 : -0x1.fffffep127;
  double high = a.elem == ElemType::i32 ? 0x1p31 - 1 : -low;
  auto check_number = [&](double v, int line, const std::string& what) {
    if (a.elem != ElemType::f32 && v != std::trunc(v)) {
      fail(line, what + " must be an integer for " + a.type);
    }
    if (!(v >= low && v <= high)) {
      fail(line, what + " is outside the range of " + a.type);
    }
  };
  for (const Node* n : numbers) {
    if (!n->is_number()) {
      fail(n->line, key + ": expected a number, got " + kind_name(n->kind));
    }
    double v = n->number();
    check_number(v, n->line, key);
    char text[64];
    std::snprintf(text, sizeof text, "%.9g", v);
    a.params.push_back(ParamValue{v, false, text});
  }
  static const std::map<std::string, double> k_special_values = {
      {"nan", std::nan("")}, {"inf", INFINITY},       {"-inf", -INFINITY},      {"-0", -0.0},
      {"denorm", 0x1p-140},  {"max", 0x1.fffffep127}, {"-max", -0x1.fffffep127}};
  for (const auto& s : a.special) {
    a.params.push_back(ParamValue{k_special_values.at(s), false, s});
  }
  if (a.range) {
    int line = t.find("range")->line;
    check_number(a.range->first, line, prefix + ".range low");
    check_number(a.range->second, line, prefix + ".range high");
    a.params.push_back(ParamValue{0, true, "random"});
  }
  a.value = a.params.front().value;
}

void SpecParser::build_param_cases()
{
  // The cross product of every param's values, first param varying slowest.
  m_spec.param_cases = {std::vector<size_t>(m_spec.args.size(), 0)};
  for (size_t i = 0; i < m_spec.args.size(); ++i) {
    const Arg& a = m_spec.args[i];
    if (a.params.size() <= 1) {
      continue;
    }
    std::vector<std::vector<size_t>> next;
    for (const auto& c : m_spec.param_cases) {
      for (size_t k = 0; k < a.params.size(); ++k) {
        next.push_back(c);
        next.back()[i] = k;
      }
    }
    if (next.size() > k_max_param_cases) {
      fail(a.line, "args." + a.name + ": the params' values make " + std::to_string(next.size()) +
                       " combinations, each run on every test shape (at most " + std::to_string(k_max_param_cases) + ")");
    }
    m_spec.param_cases = std::move(next);
  }
}

// An integer input's `range` (integers or expressions over sizes, inclusive) and `gen`.
void SpecParser::parse_int_input(TableReader& r, const Node& t, Arg& a, const std::string& prefix)
{
  static const std::vector<std::pair<std::string, Gen>> gens = {{"uniform", Gen::uniform},
                                                                {"sorted", Gen::sorted},
                                                                {"sorted_dups", Gen::sorted_dups},
                                                                {"unique", Gen::unique},
                                                                {"sorted_unique", Gen::sorted_unique},
                                                                {"nearly_sorted", Gen::nearly_sorted},
                                                                {"permutation", Gen::permutation},
                                                                {"offsets", Gen::offsets},
                                                                {"iota", Gen::iota}};
  if (std::optional<std::string> gen = r.string("gen")) {
    auto it = std::find_if(gens.begin(), gens.end(), [&gen](const auto& g) { return g.first == *gen; });
    if (it == gens.end()) {
      fail(t.find("gen")->line,
           prefix + ".gen: '" + *gen +
               "' is not one of uniform sorted sorted_dups unique sorted_unique nearly_sorted permutation offsets iota");
    }
    a.gen = it->second;
  }
  const Node* range = r.get("range");
  if (!range) {
    if (a.gen == Gen::offsets) {
      fail(t.line, prefix + ": gen 'offsets' needs a range (the first offset and the total)");
    }
    return;
  }
  if (a.gen == Gen::permutation) {
    fail(range->line, prefix + ".range: a permutation is always of 0 .. len-1, it takes no range");
  }
  if (range->kind != Kind::array || range->array.size() != 2) {
    fail(range->line, prefix + ".range: expected [low, high]");
  }
  Expr bounds[2];
  for (int i = 0; i < 2; ++i) {
    const Node& b = range->array[static_cast<size_t>(i)];
    std::string text;
    if (b.kind == Kind::integer) {
      text = std::to_string(b.integer);
    } else if (b.kind == Kind::string) {
      text = b.str;
    } else {
      fail(b.line, prefix + ".range: bounds of an integer input are integers or expressions over sizes (\"n - 1\")");
    }
    bounds[i] = expression(text, b.line, prefix + ".range");
    if (bounds[i].is_condition()) {
      fail(b.line, prefix + ".range '" + text + "' is a condition, not a value");
    }
    for (const auto& n : bounds[i].names()) {
      if (!find_size(n)) {
        fail(b.line, prefix + ".range uses '" + n + "', which is not declared in [sizes]");
      }
    }
  }
  a.int_range = std::pair(bounds[0], bounds[1]);
}

// `count = "<arg>"`: only that many leading elements are output (the rest is a guard zone).
void SpecParser::parse_count(TableReader& r, Arg& a, const std::string& prefix)
{
  std::optional<std::string> count = r.string("count");
  if (!count) {
    return;
  }
  int line = r.get("count")->line;
  if (a.role != Role::out && a.role != Role::inout) {
    fail(line, prefix + ".count is only for out/inout pointers");
  }
  if (*count == a.name) {
    fail(line, prefix + ".count names the argument itself");
  }
  a.count = *count;
}

// After all args: each `count` names an out i32*/i64* argument of one element that is not
// counted itself.
void SpecParser::check_counts()
{
  for (const auto& a : m_spec.args) {
    if (a.count.empty()) {
      continue;
    }
    int c = count_arg_index(m_spec, a);
    std::string prefix = "args." + a.name + ".count";
    if (c < 0) {
      fail(a.line, prefix + ": '" + a.count + "' is not an argument");
    }
    const Arg& n = m_spec.args[static_cast<size_t>(c)];
    if (n.role != Role::out || (n.elem != ElemType::i32 && n.elem != ElemType::i64) || !n.pointer) {
      fail(a.line, prefix + ": '" + a.count + "' must be an out i32* or i64* argument");
    }
    if (!n.count.empty()) {
      fail(a.line, prefix + ": '" + a.count + "' is itself counted");
    }
  }
}

// Per shape: a generator's range must hold `len` values (unique, iota), counts are one
// element, bounds are within the element type.
void SpecParser::check_generators(const Shape& shape, int line, const std::string& what)
{
  for (const auto& a : m_spec.args) {
    bool counter = false;
    for (const auto& other : m_spec.args) {
      counter = counter || other.count == a.name;
    }
    if (!a.pointer) {
      continue;
    }
    int64_t len = arg_length(a, shape);
    if (counter && len != 1) {
      fail(line, what + ": args." + a.name + " holds a count, its len must be 1 (is " + std::to_string(len) + ")");
    }
    if (is_float(a.elem) || (a.role != Role::in && a.role != Role::inout)) {
      continue;
    }
    auto [lo, hi] = int_range_at(a, shape);
    std::string at = what + ": args." + a.name + ".range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
    if (a.gen == Gen::permutation) {
      lo = 0;
      hi = len - 1;
    }
    int64_t type_lo = a.elem == ElemType::u8 ? 0 : a.elem == ElemType::i32 ? INT32_MIN : -(int64_t{1} << 53);
    int64_t type_hi = a.elem == ElemType::u8 ? 255 : a.elem == ElemType::i32 ? INT32_MAX : int64_t{1} << 53;
    if (len > 0 && lo > hi) {
      fail(line, at + " is empty");
    }
    if (lo < type_lo || hi > type_hi) {
      fail(line, at + " is outside " + a.type + " (or beyond 2^53 for i64)");
    }
    bool distinct = a.gen == Gen::unique || a.gen == Gen::sorted_unique;
    if (distinct && hi - lo + 1 < len) {
      fail(line, at + " has fewer than len = " + std::to_string(len) + " distinct values");
    }
    if (a.gen == Gen::iota && len > 0 && lo + len - 1 > hi) {
      fail(line, at + " cannot hold iota's " + std::to_string(len) + " values from " + std::to_string(lo));
    }
  }
}

} // namespace eok::kernel::detail
