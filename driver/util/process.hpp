// util::process: the one way eok starts another program (STYLE.md "subprocesses").
// argv only, never a shell string; stdout/stderr captured up to a cap; the child
// leads its own process group so a timeout kills everything it started; every
// other fd is closed in the child. The child's environment is minimal and
// explicit (util::child_environment: PATH, locale, HOME, … never the LLM key).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace eok::util {

struct ProcessSpec
{
  std::vector<std::string> argv;
  std::string cwd;                            // empty: inherit
  std::vector<std::string> env_add;           // "NAME=value", added to (or replacing in) the minimal environment
  std::string stdin_data;                     // written to the child's stdin, then closed
  std::chrono::milliseconds timeout{0};       // 0: none
  size_t output_cap = size_t{4} << 20;        // per stream; more output kills the child
  std::optional<uint64_t> memory_limit_bytes; // RLIMIT_AS of the child
  std::optional<uint64_t> stack_limit_bytes;  // RLIMIT_STACK of the child (QEMU user mode sizes the guest stack from it)
  bool sandbox = false;                       // confine the child (util/sandbox.hpp) where the kernel can
  std::vector<std::string> sandbox_writable;  // with sandbox: the only directories it may write below
};

struct ProcessResult
{
  enum class Status {
    exited,       // exit_code is valid
    signaled,     // term_signal is valid
    timed_out,    // killed after spec.timeout
    output_limit, // killed after writing more than spec.output_cap
    spawn_failed, // the program could not be started (error says why)
  };
  Status status = Status::spawn_failed;
  int exit_code = -1;
  int term_signal = 0;
  std::string out;
  std::string err;
  std::string error;
  double wall_seconds = 0;

  [[nodiscard]] bool succeeded() const { return status == Status::exited && exit_code == 0; }
  // One line: "exit 1", "killed by signal 11 (Segmentation fault)", "timed out after 2.0 s", …
  [[nodiscard]] std::string describe() const;
};

ProcessResult run_process(const ProcessSpec& spec);

// Resolve a program name through PATH (as execvp would); empty if not found.
std::string find_program(const std::string& name);

} // namespace eok::util
