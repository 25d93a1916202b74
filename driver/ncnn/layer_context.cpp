#include "ncnn/layer_context.hpp"

#include "util/fs.hpp"
#include "util/strings.hpp"

#include <deque>
#include <optional>
#include <set>
#include <sstream>

namespace eok::ncnn {

namespace {

// The quoted includes of a C or C++ text, in order ("#include <…>" are system headers).
std::vector<std::string> quoted_includes(const std::string& text)
{
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = util::trim(line);
    if (!util::starts_with(t, "#")) {
      continue;
    }
    t = util::trim(t.substr(1));
    if (!util::starts_with(t, "include")) {
      continue;
    }
    t = util::trim(t.substr(7));
    if (t.size() > 2 && t[0] == '"') {
      const size_t close = t.find('"', 1);
      if (close != std::string::npos) {
        out.push_back(t.substr(1, close - 1));
      }
    }
  }
  return out;
}

// -I directories of the command, in order, absolute against its directory.
std::vector<util::fs::path> include_dirs(const CompileEntry& entry)
{
  std::vector<util::fs::path> dirs;
  for (size_t i = 0; i < entry.argv.size(); ++i) {
    const std::string& a = entry.argv[i];
    std::string dir;
    if ((a == "-I" || a == "-iquote" || a == "-isystem") && i + 1 < entry.argv.size()) {
      dir = entry.argv[++i];
    } else if (util::starts_with(a, "-I") && a.size() > 2) {
      dir = a.substr(2);
    }
    if (!dir.empty()) {
      util::fs::path p(dir);
      dirs.push_back(p.is_relative() ? util::fs::path(entry.directory) / p : p);
    }
  }
  return dirs;
}

// `path` relative to `root` when it lies inside it.
std::optional<std::string> inside(const util::fs::path& path, const std::string& root)
{
  if (root.empty()) {
    return std::nullopt;
  }
  std::error_code ec;
  const util::fs::path r = util::fs::weakly_canonical(root, ec);
  const util::fs::path rel = path.lexically_relative(r);
  if (ec || rel.empty() || util::starts_with(rel.string(), "..")) {
    return std::nullopt;
  }
  return rel.string();
}

} // namespace

std::vector<HeaderText> included_headers(const CompileEntry& entry, const std::string& source_dir, const std::string& build_dir,
                                         const ContextLimits& limits)
{
  const std::vector<util::fs::path> search = include_dirs(entry);
  std::vector<HeaderText> out;
  std::set<std::string> seen;
  size_t used = 0;
  // (the including file's directory, the name it includes)
  std::deque<std::pair<util::fs::path, std::string>> queue;
  for (const auto& name : quoted_includes(util::read_file(entry.file))) {
    queue.emplace_back(util::fs::path(entry.file).parent_path(), name);
  }
  while (!queue.empty() && used < limits.total) {
    auto [from, name] = queue.front();
    queue.pop_front();
    std::vector<util::fs::path> tries{from / name};
    for (const auto& d : search) {
      tries.push_back(d / name);
    }
    for (const auto& candidate : tries) {
      std::error_code ec;
      if (!util::fs::is_regular_file(candidate, ec)) {
        continue;
      }
      const util::fs::path real = util::fs::weakly_canonical(candidate, ec);
      std::optional<std::string> rel = inside(real, source_dir);
      if (!rel) {
        rel = inside(real, build_dir);
      }
      if (!rel || !seen.insert(real.string()).second) {
        break; // found, but outside the project or already shown
      }
      const std::string text = util::read_file(real);
      for (const auto& next : quoted_includes(text)) {
        queue.emplace_back(real.parent_path(), next);
      }
      const size_t room = std::min(limits.per_header, limits.total - used);
      HeaderText h{*rel, text};
      if (h.text.size() > room) {
        const size_t cut = h.text.rfind('\n', room);
        h.text = h.text.substr(0, cut == std::string::npos ? room : cut + 1) + "// … (" +
                 std::to_string(text.size() - (cut == std::string::npos ? room : cut + 1)) + " more characters not shown)\n";
      }
      used += h.text.size();
      out.push_back(std::move(h));
      break;
    }
  }
  return out;
}

std::string context_block(const std::vector<HeaderText>& headers)
{
  if (headers.empty()) {
    return {};
  }
  std::string s = "Headers the file includes (read-only; they stay as they are):\n";
  for (const auto& h : headers) {
    s += "// " + h.name + "\n```cpp\n" + h.text + (util::ends_with(h.text, "\n") ? "" : "\n") + "```\n";
  }
  return s;
}

} // namespace eok::ncnn
