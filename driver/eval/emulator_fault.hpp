// Emulator faults (DESIGN.md invariant 2: candidate faults are verdicts, infrastructure
// faults are not the candidate's): QEMU's own assertions and internal errors abort the
// emulator, which looks like the program crashing. QEMU 7.2, for one, aborts translating
// `vfcvt.rtz.x.f.v` (decode_save_opc, fixed in 8.1). Such a run is retried once and then
// gets verdict `emulator_fault`, never `crashed`.
#pragma once

#include <optional>
#include <string>

namespace eok::eval {

// The emulator's own fault line in a run's output (stdout + stderr), if there is one:
// an assertion or internal error reported by qemu-<arch> itself, glib's "ERROR:" of a
// QEMU source file, or TCG's fatal errors. Lines the guest prints cannot start with
// QEMU's program name unless the guest forges them; a forged line only earns the
// candidate `emulator_fault`, which never wins.
std::optional<std::string> emulator_fault_line(const std::string& output);

} // namespace eok::eval
