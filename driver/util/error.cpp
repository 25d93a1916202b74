#include "util/error.hpp"

namespace eok {

std::string located(const std::string& file, int line, const std::string& what)
{
  if (line <= 0) {
    return file + ": " + what;
  }
  return file + ":" + std::to_string(line) + ": " + what;
}

} // namespace eok
