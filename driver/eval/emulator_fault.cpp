#include "eval/emulator_fault.hpp"

#include <array>
#include <sstream>
#include <string_view>

namespace eok::eval {

namespace {

bool contains(std::string_view s, std::string_view what)
{
  return s.find(what) != std::string_view::npos;
}

bool starts_with(std::string_view s, std::string_view what)
{
  return s.substr(0, what.size()) == what;
}

} // namespace

std::optional<std::string> emulator_fault_line(const std::string& output)
{
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view l(line);
    // "qemu-riscv64: ../../target/riscv/translate.c:213: decode_save_opc: Assertion `…' failed."
    bool from_qemu = starts_with(l, "qemu-") || starts_with(l, "qemu:");
    if (from_qemu && (contains(l, "Assertion") || contains(l, "assertion failed") || contains(l, "internal error") ||
                      contains(l, "fatal") || contains(l, "should not be reached"))) {
      return line;
    }
    // glib assertions in QEMU sources: "**\nERROR:../../accel/tcg/translate-all.c:1323:tb_page_remove: code should not be reached"
    static constexpr std::array<std::string_view, 6> k_qemu_dirs = {"accel/", "tcg/", "target/", "linux-user/", "util/", "plugins/"};
    if (starts_with(l, "ERROR:")) {
      for (std::string_view dir : k_qemu_dirs) {
        if (contains(l, dir)) {
          return line;
        }
      }
    }
    if (starts_with(l, "tcg fatal error")) {
      return line;
    }
  }
  return std::nullopt;
}

} // namespace eok::eval
