// Scratch directories left by processes that died before cleaning up.
#pragma once

#include <string>

namespace eok::util {

// Remove the directories `<anything>-<pid>-<n>` directly below `dir` whose <pid>
// is no longer a running process: the scratch of an eok killed before it could
// clean up (SIGKILL, a crash). Returns how many were removed; errors are ignored
// (another eok may be removing the same one).
int remove_stale_scratch(const std::string& dir);

} // namespace eok::util
