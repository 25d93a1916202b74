#include "eval/check_emulator.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <unistd.h>

namespace eok::eval {

std::vector<std::string> check_wrapper(const std::vector<std::string>& exe_wrapper, const std::string& newer)
{
  if (exe_wrapper.empty() || std::filesystem::path(exe_wrapper.front()).filename() != "qemu-riscv64" ||
      ::access(newer.c_str(), X_OK) != 0) {
    return exe_wrapper;
  }
  std::vector<std::string> argv = exe_wrapper;
  argv.front() = newer;
  for (size_t i = 1; i + 1 < argv.size(); ++i) {
    if (argv[i] == "-cpu") {
      std::string& cpu = argv[i + 1];
      std::transform(cpu.begin(), cpu.end(), cpu.begin(), [](unsigned char c) { return std::tolower(c); });
      // QEMU 7.2 runs vector fp16 arithmetic with Zfh alone; QEMU 10 needs Zvfh for it (the
      // X60 has both), so the same programs run on both.
      if (cpu.find("zfh=true") != std::string::npos && cpu.find("zvfh") == std::string::npos) {
        cpu += ",zvfh=true";
      }
    }
  }
  return argv;
}

} // namespace eok::eval
