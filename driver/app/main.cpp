// eok: entry point. Dispatches to the command table; the only place that turns
// Fatal errors into messages and exit codes.
#include "app/command.hpp"
#include "util/error.hpp"
#include "util/secrets.hpp"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#ifndef EOK_VERSION
#define EOK_VERSION "dev"
#endif

namespace {

using eok::app::Command;

void print_overview()
{
  std::printf("eok %s: Evolution of Kernels for RISC-V, inside your build\n\n", EOK_VERSION);
  std::printf("usage: eok <command> [options]   (eok <command> --help for details)\n\ncommands:\n");
  for (const auto& c : eok::app::commands()) {
    std::printf("  %-18s %s\n", c.name.c_str(), c.summary.c_str());
  }
  std::printf("\nexit status: 0 ok, 1 failure, 2 usage error, 3 cache miss in CI mode\n");
}

void print_command_help(const Command& c)
{
  std::printf("usage: eok %s %s\n\n%s\n", c.name.c_str(), c.usage.c_str(), c.summary.c_str());
  if (!c.flags.empty()) {
    std::printf("\noptions:\n");
    for (const auto& f : c.flags) {
      std::printf("  %-16s %s\n", f.name.c_str(), f.help.c_str());
    }
  }
}

// Longest match: "cache list" before "cache".
const Command* match(const std::vector<std::string>& argv, size_t& consumed)
{
  const Command* best = nullptr;
  for (const auto& c : eok::app::commands()) {
    size_t words = 1;
    for (char ch : c.name) {
      words += ch == ' ';
    }
    if (words > argv.size()) {
      continue;
    }
    std::string joined;
    for (size_t i = 0; i < words; ++i) {
      joined += (i ? " " : "") + argv[i];
    }
    if (joined == c.name && (!best || words > consumed)) {
      best = &c;
      consumed = words;
    }
  }
  return best;
}

// "filesystem error: cannot create directories: Permission denied [/x/work]"
// -> "/x/work: cannot create directories: Permission denied".
std::string describe_fs_error(const std::filesystem::filesystem_error& e)
{
  std::string what = e.what();
  const std::string prefix = "filesystem error: ";
  if (what.rfind(prefix, 0) == 0) {
    what = what.substr(prefix.size());
  }
  if (const size_t bracket = what.find(" ["); bracket != std::string::npos) {
    what = what.substr(0, bracket);
  }
  if (e.path1().empty()) {
    return what;
  }
  std::string paths = e.path1().string() + (e.path2().empty() ? "" : " -> " + e.path2().string());
  return paths + ": " + what;
}

} // namespace

int main(int argc, char** argv)
{
  std::vector<std::string> args(argv + 1, argv + argc);
  // Installed as `eok-launch` (a link to eok): the compiler launcher.
  if (const char* slash = std::strrchr(argv[0], '/'); std::strcmp(slash ? slash + 1 : argv[0], "eok-launch") == 0) {
    args.insert(args.begin(), "launch");
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview();
    return args.empty() ? eok::app::k_exit_usage : eok::app::k_exit_ok;
  }
  if (args[0] == "--version") {
    std::printf("eok %s\n", EOK_VERSION);
    return 0;
  }
  size_t consumed = 0;
  const Command* cmd = match(args, consumed);
  if (!cmd) {
    std::fprintf(stderr, "eok: unknown command '%s' (see `eok --help`)\n", args[0].c_str());
    return eok::app::k_exit_usage;
  }
  std::vector<std::string> rest(args.begin() + static_cast<long>(consumed), args.end());
  for (const auto& a : rest) {
    if ((a == "--help" || a == "-h") && (!cmd->raw || rest.size() == 1)) {
      print_command_help(*cmd);
      return 0;
    }
  }
  try {
    if (cmd->raw) {
      rest.insert(rest.begin(), "--");
    }
    eok::app::Args parsed(rest, cmd->flags, cmd->name);
    eok::app::Context ctx;
    return cmd->run(ctx, parsed);
  } catch (const eok::UsageFault& e) { // app::UsageError and bad --set values
    std::fprintf(stderr, "%s\n", eok::util::redact(e.what()).c_str());
    return eok::app::k_exit_usage;
  } catch (const eok::Fatal& e) {
    std::fprintf(stderr, "eok: error: %s\n", eok::util::redact(e.what()).c_str());
    return eok::app::k_exit_failure;
  } catch (const std::filesystem::filesystem_error& e) {
    // A path eok cannot create or write (an unwritable work or cache directory) is
    // the user's to fix: name it and the operation, not "internal error".
    std::fprintf(stderr, "eok: error: %s\n", eok::util::redact(describe_fs_error(e)).c_str());
    return eok::app::k_exit_failure;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "eok: internal error: %s\n", eok::util::redact(e.what()).c_str());
    return eok::app::k_exit_failure;
  }
}
