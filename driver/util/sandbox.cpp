#include "util/sandbox.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

// The Landlock ABI as the kernel defines it (include/uapi/linux/landlock.h). Debian 12's
// headers stop at ABI 1, so the later fields and rights are spelled out here; the kernel
// accepts a longer attribute struct as long as the fields it does not know are zero.
namespace {

#ifndef SYS_landlock_create_ruleset
constexpr long k_sys_create_ruleset = 444;
constexpr long k_sys_add_rule = 445;
constexpr long k_sys_restrict_self = 446;
#else
constexpr long k_sys_create_ruleset = SYS_landlock_create_ruleset;
constexpr long k_sys_add_rule = SYS_landlock_add_rule;
constexpr long k_sys_restrict_self = SYS_landlock_restrict_self;
#endif

constexpr uint32_t k_create_ruleset_version = 1U << 0;
constexpr int k_rule_path_beneath = 1;

struct RulesetAttr
{
  uint64_t handled_access_fs;
  uint64_t handled_access_net; // ABI 4
  uint64_t scoped;             // ABI 6
};

struct __attribute__((packed)) PathBeneathAttr
{
  uint64_t allowed_access;
  int32_t parent_fd;
};

// Filesystem rights (ABI 1 unless noted).
constexpr uint64_t k_fs_write_file = 1ULL << 1;
constexpr uint64_t k_fs_remove_dir = 1ULL << 4;
constexpr uint64_t k_fs_remove_file = 1ULL << 5;
constexpr uint64_t k_fs_make_char = 1ULL << 6;
constexpr uint64_t k_fs_make_dir = 1ULL << 7;
constexpr uint64_t k_fs_make_reg = 1ULL << 8;
constexpr uint64_t k_fs_make_sock = 1ULL << 9;
constexpr uint64_t k_fs_make_fifo = 1ULL << 10;
constexpr uint64_t k_fs_make_block = 1ULL << 11;
constexpr uint64_t k_fs_make_sym = 1ULL << 12;
constexpr uint64_t k_fs_refer = 1ULL << 13;    // ABI 2
constexpr uint64_t k_fs_truncate = 1ULL << 14; // ABI 3
// Network rights (ABI 4) and scopes (ABI 6).
constexpr uint64_t k_net_bind_tcp = 1ULL << 0;
constexpr uint64_t k_net_connect_tcp = 1ULL << 1;
constexpr uint64_t k_scope_abstract_unix_socket = 1ULL << 0;
constexpr uint64_t k_scope_signal = 1ULL << 1;

int probe_abi(int* why)
{
  long abi = ::syscall(k_sys_create_ruleset, nullptr, 0, k_create_ruleset_version);
  *why = abi < 0 ? errno : 0;
  return abi < 0 ? 0 : static_cast<int>(abi);
}

} // namespace

namespace eok::util {

int landlock_abi()
{
  static const int abi = [] {
    int why = 0;
    return probe_abi(&why);
  }();
  return abi;
}

std::string sandbox_status()
{
  int why = 0;
  int abi = probe_abi(&why);
  if (abi == 0) {
    return std::string("unavailable: Landlock is ") + (why == EOPNOTSUPP ? "disabled in this kernel" : std::strerror(why));
  }
  std::string s = "landlock ABI " + std::to_string(abi) + ": writes only below the scratch directory";
  s += abi >= 4 ? ", no TCP" : ", network open (ABI < 4)";
  s += abi >= 6 ? ", no signals out" : "";
  return s;
}

Confinement::Confinement(std::vector<std::string> writable_dirs)
  : m_abi(landlock_abi())
  , m_dirs(std::move(writable_dirs))
{
  m_fs = k_fs_write_file | k_fs_remove_dir | k_fs_remove_file | k_fs_make_char | k_fs_make_dir | k_fs_make_reg | k_fs_make_sock |
         k_fs_make_fifo | k_fs_make_block | k_fs_make_sym;
  if (m_abi >= 2) {
    m_fs |= k_fs_refer;
  }
  if (m_abi >= 3) {
    m_fs |= k_fs_truncate;
  }
  if (m_abi >= 4) {
    m_net = k_net_bind_tcp | k_net_connect_tcp;
  }
  if (m_abi >= 6) {
    m_scope = k_scope_abstract_unix_socket | k_scope_signal;
  }
}

int Confinement::apply() const noexcept
{
  if (m_abi <= 0) {
    return 0;
  }
  RulesetAttr attr{m_fs, m_net, m_scope};
  const size_t size = m_abi >= 6 ? sizeof attr : m_abi >= 4 ? 2 * sizeof(uint64_t) : sizeof(uint64_t);
  long ruleset = ::syscall(k_sys_create_ruleset, &attr, size, 0);
  if (ruleset < 0) {
    return errno;
  }
  auto allow = [ruleset](const char* path, uint64_t rights) {
    int fd = ::open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) {
      return errno;
    }
    PathBeneathAttr rule{rights, fd};
    long rc = ::syscall(k_sys_add_rule, ruleset, k_rule_path_beneath, &rule, 0);
    int e = rc < 0 ? errno : 0;
    ::close(fd);
    return e;
  };
  int e = 0;
  for (const auto& d : m_dirs) {
    if ((e = allow(d.c_str(), m_fs)) != 0) {
      break;
    }
  }
  // Programs write "nothing" to /dev/null now and then.
  if (e == 0) {
    e = allow("/dev/null", k_fs_write_file | (m_abi >= 3 ? k_fs_truncate : 0));
  }
  if (e == 0 && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    e = errno;
  }
  if (e == 0 && ::syscall(k_sys_restrict_self, ruleset, 0) != 0) {
    e = errno;
  }
  ::close(static_cast<int>(ruleset));
  return e;
}

} // namespace eok::util
