// util::secrets: the values eok must never print, store or hand to a child
// (DESIGN.md invariant 9). The LLM key is registered when it is read; text that
// may carry it (an HTTP reply echoing it, an error message) is passed through
// redact() before it is printed, written to the cache or to a transcript, and
// child processes get a minimal explicit environment (child_environment).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eok::util {

// What a secret is replaced with.
constexpr const char* k_redacted = "[redacted]";

// Remember `value` as a secret for this process (values shorter than 6 bytes
// are ignored: redacting them would mangle ordinary text; no real key is that short).
void register_secret(const std::string& value);

// `text` with every registered secret replaced by k_redacted.
std::string redact(std::string_view text);
[[nodiscard]] bool contains_secret(std::string_view text);

// The environment a child gets: only the variables named in k_child_env_names
// (and those starting with a prefix in k_child_env_prefixes) from this
// process's environment, minus any whose value holds a secret, then `add`
// ("NAME=value", replacing an inherited one). Sorted by name.
std::vector<std::string> child_environment(const std::vector<std::string>& add);

// What children inherit: the search path, locale, home and temporary
// directory (compilers and QEMU need them), and what the exe_wrapper
// variants need (ssh agent, Slurm's job environment, QEMU's own settings).
extern const std::vector<std::string> k_child_env_names;
extern const std::vector<std::string> k_child_env_prefixes;

} // namespace eok::util
