// eok's view of a TOML document. This is the only code that includes TOML++
// (STYLE.md "third-party code"); config, kernel specs and the idea pool read
// TOML through these types, which keep each value's line for `file:line: what`.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eok::toml {

enum class Kind {
  table,
  array,
  string,
  integer,
  floating,
  boolean,
  datetime,
};

struct Member;

struct Node
{
  Kind kind = Kind::table;
  int line = 0;
  std::string str; // string value, or the text of a datetime
  int64_t integer = 0;
  double floating = 0;
  bool boolean = false;
  std::vector<Member> table; // in document order (Member is complete below)
  std::vector<Node> array;

  [[nodiscard]] const Node* find(std::string_view key) const;
  [[nodiscard]] bool is_number() const { return kind == Kind::integer || kind == Kind::floating; }
  [[nodiscard]] double number() const { return kind == Kind::integer ? static_cast<double>(integer) : floating; }
};

// A table entry; `first`/`second` as in a map, so structured bindings read naturally.
struct Member
{
  std::string first;
  Node second;
};

const char* kind_name(Kind k);

struct Document
{
  std::string path;
  Node root;
};

// Parse errors throw Fatal "path:line: what".
Document parse_file(const std::string& path);
Document parse_text(std::string_view text, const std::string& name);

// Typed access to one table with `file:line: what` errors. Keys that are never
// asked for are reported by reject_unknown(), so a typo is an error, not ignored.
class TableReader
{
public:
  TableReader(const Document& doc, const Node& table, std::string context);

  [[nodiscard]] const Node* get(const std::string& key);
  [[nodiscard]] std::optional<std::string> string(const std::string& key);
  [[nodiscard]] std::optional<int64_t> integer(const std::string& key);
  [[nodiscard]] std::optional<double> number(const std::string& key);
  [[nodiscard]] std::optional<bool> boolean(const std::string& key);
  [[nodiscard]] std::optional<std::vector<std::string>> strings(const std::string& key);
  [[nodiscard]] const Node* table(const std::string& key);
  [[nodiscard]] const Node* array(const std::string& key);

  std::string required_string(const std::string& key);
  int64_t required_integer(const std::string& key);

  // Throws for the first key (in document order) no accessor asked for.
  void reject_unknown() const;

  [[noreturn]] void fail(const Node& at, const std::string& what) const;
  [[noreturn]] void fail_here(const std::string& what) const;
  [[nodiscard]] const Document& doc() const { return m_doc; }
  [[nodiscard]] const Node& node() const { return m_table; }
  [[nodiscard]] std::string qualified(const std::string& key) const;

private:
  const Node* typed(const std::string& key, Kind kind);
  const Document& m_doc;
  const Node& m_table;
  std::string m_context; // "llm" → keys print as "llm.model"
  std::set<std::string> m_seen;
};

} // namespace eok::toml
