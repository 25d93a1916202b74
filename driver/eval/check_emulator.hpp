// Which emulator runs correctness: a newer QEMU user emulator when one is installed beside
// the model's. The model's counting plugin needs QEMU 7.2 (Debian 12's qemu-user; the
// bookworm-backports 10.0 build has no plugin support), but 7.2 aborts on some valid vector
// code (decode_save_opc, fixed in 8.1), so correctness runs use QEMU 10 when `.ci/dev` could
// install it (k_check_qemu_path) and the cross file's exe_wrapper is qemu-riscv64.
#pragma once

#include <string>
#include <vector>

namespace eok::eval {

inline constexpr const char* k_check_qemu_path = "/opt/eok/qemu10/usr/bin/qemu-riscv64";

// `exe_wrapper` with qemu-riscv64 replaced by `newer` (its -cpu value in lower case: QEMU 10
// deprecates capitalised extension names; Zvfh added to Zfh as 7.2 implies it), or unchanged when it is not qemu-riscv64 or
// `newer` is not an executable file.
std::vector<std::string> check_wrapper(const std::vector<std::string>& exe_wrapper, const std::string& newer = k_check_qemu_path);

} // namespace eok::eval
