// util::sandbox: confinement of a child process with Landlock (Linux 5.13+), for
// running untrusted candidates. Static checks cannot stop a candidate that jumps to
// an `ecall` inside the C library it is linked with; this stops what such a call can
// do. The child may read anything (QEMU loads the sysroot) but write only below the
// given directories, open no TCP connection and bind no port (Landlock ABI 4+), and
// signal no process outside its own domain (ABI 6+). Applied between fork and exec;
// QEMU user mode turns the guest's system calls into its own, so they are confined too.
// Where the kernel has no Landlock the child runs unconfined: `sandbox_status()` says so.
#pragma once

#include <string>
#include <vector>

namespace eok::util {

// The running kernel's Landlock ABI version (0: none), probed once.
int landlock_abi();
// "landlock ABI 7: writes only to the scratch directory, no TCP, no signals out" or
// "unavailable: <why>" — for warnings and reports.
std::string sandbox_status();

class Confinement
{
public:
  // Everything is prepared here (in the parent), so apply() only makes system calls.
  explicit Confinement(std::vector<std::string> writable_dirs);
  [[nodiscard]] bool active() const { return m_abi > 0; }
  // In the child after fork: async-signal-safe; 0, or the errno of the step that failed.
  [[nodiscard]] int apply() const noexcept;

private:
  int m_abi = 0;
  unsigned long long m_fs = 0;    // handled filesystem rights (the write-like ones)
  unsigned long long m_net = 0;   // handled network rights
  unsigned long long m_scope = 0; // scoped IPC
  std::vector<std::string> m_dirs;
};

} // namespace eok::util
