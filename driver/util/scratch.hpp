// Scratch directories left by processes that died before cleaning up, and the
// liveness test that decides it (also used for cache claims and runs).
#pragma once

#include <cstdint>
#include <string>

namespace eok::util {

// Is `pid` a running process on this host? (Unknown answers, e.g. another
// user's process, count as running: never take over what may be alive.)
bool process_running(int64_t pid);
// This machine's host name (owner of claims and runs, with the pid).
std::string host_name();

// Remove the directories `<anything>-<pid>-<n>` directly below `dir` whose <pid>
// is no longer a running process: the scratch of an eok killed before it could
// clean up (SIGKILL, a crash). Returns how many were removed; errors are ignored
// (another eok may be removing the same one).
int remove_stale_scratch(const std::string& dir);

} // namespace eok::util
