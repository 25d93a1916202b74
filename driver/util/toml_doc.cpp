#include "util/toml_doc.hpp"

#include "util/error.hpp"

#define TOML_EXCEPTIONS 1
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace eok::toml {

namespace {

Node convert(const ::toml::node& n)
{
  Node out;
  out.line = static_cast<int>(n.source().begin.line);
  if (const auto* t = n.as_table()) {
    out.kind = Kind::table;
    for (auto&& [k, v] : *t) {
      out.table.push_back(Member{std::string(k.str()), convert(v)});
    }
    // TOML++ keeps keys sorted; document order reads better in errors and listings.
    std::stable_sort(out.table.begin(), out.table.end(), [](const auto& a, const auto& b) { return a.second.line < b.second.line; });
  } else if (const auto* a = n.as_array()) {
    out.kind = Kind::array;
    for (const auto& v : *a) {
      out.array.push_back(convert(v));
    }
  } else if (const auto* s = n.as_string()) {
    out.kind = Kind::string;
    out.str = s->get();
  } else if (const auto* i = n.as_integer()) {
    out.kind = Kind::integer;
    out.integer = i->get();
  } else if (const auto* f = n.as_floating_point()) {
    out.kind = Kind::floating;
    out.floating = f->get();
  } else if (const auto* b = n.as_boolean()) {
    out.kind = Kind::boolean;
    out.boolean = b->get();
  } else {
    out.kind = Kind::datetime;
    out.str = "datetime";
  }
  return out;
}

Document from_parse(std::string_view text, const std::string& name)
{
  try {
    ::toml::table t = ::toml::parse(text, name);
    Document doc{name, convert(t)};
    doc.root.line = 0;
    return doc;
  } catch (const ::toml::parse_error& e) {
    throw Fatal(located(name, static_cast<int>(e.source().begin.line), std::string(e.description())));
  }
}

} // namespace

const Node* Node::find(std::string_view key) const
{
  for (const auto& [k, v] : table) {
    if (k == key) {
      return &v;
    }
  }
  return nullptr;
}

const char* kind_name(Kind k)
{
  switch (k) {
  case Kind::table:
    return "a table";
  case Kind::array:
    return "an array";
  case Kind::string:
    return "a string";
  case Kind::integer:
    return "an integer";
  case Kind::floating:
    return "a float";
  case Kind::boolean:
    return "a boolean";
  case Kind::datetime:
    return "a date/time";
  }
  return "a value";
}

Document parse_file(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Fatal(path + ": cannot read the file");
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return from_parse(ss.str(), path);
}

Document parse_text(std::string_view text, const std::string& name)
{
  return from_parse(text, name);
}

TableReader::TableReader(const Document& doc, const Node& table, std::string context)
  : m_doc(doc)
  , m_table(table)
  , m_context(std::move(context))
{
}

std::string TableReader::qualified(const std::string& key) const
{
  return m_context.empty() ? key : m_context + "." + key;
}

void TableReader::fail(const Node& at, const std::string& what) const
{
  throw Fatal(located(m_doc.path, at.line, what));
}

void TableReader::fail_here(const std::string& what) const
{
  fail(m_table, what);
}

const Node* TableReader::get(const std::string& key)
{
  m_seen.insert(key);
  return m_table.find(key);
}

const Node* TableReader::typed(const std::string& key, Kind kind)
{
  const Node* n = get(key);
  if (n && n->kind != kind && !(kind == Kind::floating && n->kind == Kind::integer)) {
    fail(*n, qualified(key) + ": expected " + kind_name(kind) + ", got " + kind_name(n->kind));
  }
  return n;
}

std::optional<std::string> TableReader::string(const std::string& key)
{
  const Node* n = typed(key, Kind::string);
  return n ? std::optional(n->str) : std::nullopt;
}

std::optional<int64_t> TableReader::integer(const std::string& key)
{
  const Node* n = typed(key, Kind::integer);
  return n ? std::optional(n->integer) : std::nullopt;
}

std::optional<double> TableReader::number(const std::string& key)
{
  const Node* n = typed(key, Kind::floating);
  return n ? std::optional(n->number()) : std::nullopt;
}

std::optional<bool> TableReader::boolean(const std::string& key)
{
  const Node* n = typed(key, Kind::boolean);
  return n ? std::optional(n->boolean) : std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::strings(const std::string& key)
{
  const Node* n = typed(key, Kind::array);
  if (!n) {
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& e : n->array) {
    if (e.kind != Kind::string) {
      fail(e, qualified(key) + ": expected an array of strings, found " + kind_name(e.kind));
    }
    out.push_back(e.str);
  }
  return out;
}

const Node* TableReader::table(const std::string& key)
{
  return typed(key, Kind::table);
}

const Node* TableReader::array(const std::string& key)
{
  return typed(key, Kind::array);
}

std::string TableReader::required_string(const std::string& key)
{
  auto v = string(key);
  if (!v) {
    fail_here("missing required key '" + qualified(key) + "' (a string)");
  }
  return *v;
}

int64_t TableReader::required_integer(const std::string& key)
{
  auto v = integer(key);
  if (!v) {
    fail_here("missing required key '" + qualified(key) + "' (an integer)");
  }
  return *v;
}

void TableReader::reject_unknown() const
{
  for (const auto& [k, v] : m_table.table) {
    if (!m_seen.count(k)) {
      fail(v, "unknown key '" + qualified(k) + "'");
    }
  }
}

} // namespace eok::toml
