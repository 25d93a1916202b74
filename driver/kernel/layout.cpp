#include "kernel/layout.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/toml_doc.hpp"

#include <algorithm>

namespace eok::kernel {

const char* const k_spec_file = "kernel.toml";

std::string spec_path(const std::string& kernel_dir)
{
  return (util::fs::path(kernel_dir) / k_spec_file).string();
}

std::string spec_path_beside(const std::string& source_path)
{
  return (util::fs::path(source_path).parent_path() / k_spec_file).string();
}

std::string source_path_of(const std::string& kernel_dir)
{
  const std::string toml_path = spec_path(kernel_dir);
  const toml::Document doc = toml::parse_file(toml_path);
  const toml::Node* kernel = doc.root.find("kernel");
  const toml::Node* source = kernel != nullptr ? kernel->find("source") : nullptr;
  if (source == nullptr || source->kind != toml::Kind::string) {
    throw Fatal(located(toml_path, kernel != nullptr ? kernel->line : 0, "[kernel] source (a file name) is missing"));
  }
  return (util::fs::path(kernel_dir) / source->str).string();
}

std::vector<std::string> find_kernel_dirs(const std::string& root)
{
  std::vector<std::string> out;
  if (!util::fs::is_directory(root)) {
    return out;
  }
  for (const auto& e : util::fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().filename() == k_spec_file) {
      out.push_back(e.path().parent_path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace eok::kernel
