// Files and scratch directories.
#pragma once

#include <filesystem>
#include <string>

namespace eok::util {

namespace fs = std::filesystem;

// Whole file as bytes; throws Fatal "path: reason" when it cannot be read.
std::string read_file(const fs::path& path);
// Write through a temporary file and rename, so readers never see half a file.
void write_file_atomic(const fs::path& path, const std::string& data);
// Write only when the content differs (keeps mtimes stable for Ninja).
bool write_file_if_changed(const fs::path& path, const std::string& data);

// A fresh directory under $TMPDIR (or `parent`), removed on destruction unless kept.
class TempDir
{
public:
  explicit TempDir(const std::string& prefix = "eok", const fs::path& parent = {});
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return m_path; }
  void keep() { m_keep = true; }

private:
  fs::path m_path;
  bool m_keep = false;
};

} // namespace eok::util
