#include "target/build_dir.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace eok::target {

std::vector<std::string> parse_string_list(const std::string& text, const std::string& where)
{
  std::vector<std::string> out;
  const std::string t = util::trim(text);
  if (t.size() < 2 || t.front() != '[' || t.back() != ']') {
    throw Fatal(where + ": expected a list like ['a', 'b'], got " + t);
  }
  size_t i = 1;
  while (i + 1 < t.size()) {
    const char c = t[i];
    if (c == ' ' || c == ',') {
      ++i;
      continue;
    }
    if (c != '\'' && c != '"') {
      throw Fatal(where + ": unexpected " + std::string(1, c) + " in a string list");
    }
    std::string s;
    size_t j = i + 1;
    for (; j + 1 < t.size() && t[j] != c; ++j) {
      if (t[j] == '\\' && j + 2 < t.size()) {
        ++j;
      }
      s += t[j];
    }
    if (t[j] != c) {
      throw Fatal(where + ": unterminated string in a string list");
    }
    out.push_back(s);
    i = j + 1;
  }
  return out;
}

std::vector<std::string> build_cross_files(const std::string& build_root)
{
  const util::fs::path file = util::fs::path(build_root) / "meson-private" / "cmd_line.txt";
  if (!util::fs::exists(file)) {
    throw Fatal(located(file.string(), 0, "missing: " + build_root + " is not a configured Meson build directory"));
  }
  const std::vector<std::string> lines = util::split(util::read_file(file), '\n');
  std::string section;
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string line = util::trim(lines[n]);
    if (util::starts_with(line, "[")) {
      section = line;
      continue;
    }
    const size_t eq = line.find('=');
    if (section == "[properties]" && eq != std::string::npos && util::trim(line.substr(0, eq)) == "cross_file") {
      const std::string where = file.string() + ":" + std::to_string(n + 1);
      std::vector<std::string> files = parse_string_list(line.substr(eq + 1), where);
      for (auto& f : files) {
        if (util::fs::path(f).is_relative()) {
          f = (util::fs::path(build_root) / f).lexically_normal().string();
        }
      }
      if (!files.empty()) {
        return files;
      }
    }
  }
  throw Fatal(located(file.string(), 0,
                      "the build was configured without --cross-file; eok needs the target's cross file "
                      "(meson setup --cross-file cross/rv64gcv-qemu.ini)"));
}

Target resolve_target(const std::vector<std::string>& cross_files, const std::string& build_root, const std::string& default_cross_file,
                      const std::string& model)
{
  Target t = !cross_files.empty()  ? load_target(cross_files)
             : !build_root.empty() ? load_target(build_cross_files(build_root))
                                   : load_target({default_cross_file});
  if (!model.empty()) {
    t.model = model;
  }
  return t;
}

} // namespace eok::target
