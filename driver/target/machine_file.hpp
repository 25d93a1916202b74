// Reader for Meson machine files (cross/native .ini), the format users already
// keep their toolchain in. Supports what Meson 1.0 documents for them: sections,
// string/integer/boolean/array values, [constants], `+` (concatenation) and `/`
// (path join), and several files layered in order (later keys win).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace eok::target {

struct MachineValue
{
  std::variant<std::string, int64_t, bool, std::vector<std::string>> value;
  std::string file;
  int line = 0;

  [[nodiscard]] std::string where() const { return file + ":" + std::to_string(line); }
  // Strings as-is, arrays as space-joined display text, numbers/bools as text.
  [[nodiscard]] std::string text() const;
  // A string is a one-element list; an array its elements; else an error.
  [[nodiscard]] std::vector<std::string> list(const std::string& key) const;
};

class MachineFile
{
public:
  // Throws Fatal "file:line: what" on syntax errors and unknown constants.
  static MachineFile load(const std::vector<std::string>& paths);
  static MachineFile parse_text(const std::string& text, const std::string& name);

  [[nodiscard]] const MachineValue* get(const std::string& section, const std::string& key) const;
  [[nodiscard]] const std::map<std::string, MachineValue>& section(const std::string& name) const;
  [[nodiscard]] const std::vector<std::string>& files() const { return m_files; }

private:
  void parse_into(const std::string& text, const std::string& name);
  std::map<std::string, std::map<std::string, MachineValue>> m_sections;
  std::vector<std::string> m_files;
};

} // namespace eok::target
