// Cache keys (ccache style): a SHA-256 over tagged, length-prefixed fields of
// everything that decides a tuning result, so any change of any field misses.
// The fields are kept beside the digest so `eok cache explain` can show them.
#pragma once

#include "target/target.hpp"

#include <string>
#include <vector>

namespace eok::cache {

struct KeyField
{
  std::string tag;   // "kernel.source", "compiler.version", …
  std::string value; // exact bytes hashed
};

struct Key
{
  std::string hex; // 64 hex digits
  std::vector<KeyField> fields;
  // One line per field: `tag = value` for short one-line values, else
  // `tag = sha256:<digest> (<n> bytes)`.
  [[nodiscard]] std::string explain() const;
};

struct KeyInputs
{
  std::string source_text;      // exact bytes of the kernel source (ker0 file)
  std::string toml_text;        // exact bytes of kernel.toml
  std::string compiler_version; // `cc --version` output (compiler_version())
  target::Target target;        // compiler command, flags and target properties
  std::string runner_kind;      // "model" | "wall"
  std::string runner_version;   // perf::runner_version(kind, target)
};

// Bumped when the meaning of a field changes, so old keys all miss.
constexpr const char* k_key_format = "eok-key-1";

Key make_key(const KeyInputs& in);
// A key over any tagged fields (the compiler launcher's keys), hashed as make_key's are.
Key key_of(std::vector<KeyField> fields);

// `cc --version` output of the target compiler (cc argv + "--version"), run
// once per process per command. Throws Fatal when the compiler cannot run.
std::string compiler_version(const std::vector<std::string>& cc);

// The runner's version text for keys (perf::runner_version): one place, so
// `eok tune` and `eok substitute` compute the same keys.
std::string runner_version(const std::string& kind, const target::Target& target);

// Key inputs of a kernel from its files: `source_path` is the wrapped/ker0
// source; its kernel.toml is the one in the same directory.
KeyInputs inputs_for_source(const std::string& source_path, const target::Target& target, const std::string& runner_kind);
// The same from a kernel directory (source named by [kernel] source in kernel.toml).
KeyInputs inputs_for_kernel_dir(const std::string& kernel_dir, const target::Target& target, const std::string& runner_kind);

} // namespace eok::cache
