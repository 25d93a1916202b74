#include "util/fs.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace eok::util {

std::string read_file(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Fatal(path.string() + ": cannot read: " + std::strerror(errno));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file_atomic(const fs::path& path, const std::string& data)
{
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path());
  }
  fs::path tmp = path;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw Fatal(tmp.string() + ": cannot write: " + std::strerror(errno));
    }
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out.flush()) {
      throw Fatal(tmp.string() + ": write failed: " + std::strerror(errno));
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp);
    throw Fatal(path.string() + ": cannot replace: " + ec.message());
  }
}

bool write_file_if_changed(const fs::path& path, const std::string& data)
{
  std::error_code ec;
  if (fs::exists(path, ec) && read_file(path) == data) {
    return false;
  }
  write_file_atomic(path, data);
  return true;
}

TempDir::TempDir(const std::string& prefix, const fs::path& parent)
{
  fs::path base = parent;
  if (base.empty()) {
    const char* t = std::getenv("TMPDIR");
    base = t && *t ? t : "/tmp";
  }
  fs::create_directories(base);
  std::string templ = (base / (prefix + ".XXXXXX")).string();
  if (!::mkdtemp(templ.data())) {
    throw Fatal(templ + ": cannot create a scratch directory: " + std::strerror(errno));
  }
  m_path = templ;
}

TempDir::~TempDir()
{
  if (!m_keep) {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
}

} // namespace eok::util
