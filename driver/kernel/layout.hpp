// The kernel-directory layout (kernels/FORMAT.md), said once for the driver: a kernel is a
// directory holding kernel.toml, whose [kernel] source names its ker0 file beside it. Every
// C++ user (spec loading, cache keys, substitution, winner verification) asks here. The test
// suite's side of the same rule (tests/kernels/<name>_test.c and _golden.c, tests/planted/<name>/)
// is kernels/kernel_layout.py, which Meson, the Python tests and the bench scripts use.
#pragma once

#include <string>
#include <vector>

namespace eok::kernel {

// "kernel.toml"
extern const char* const k_spec_file;

// <kernel_dir>/kernel.toml
std::string spec_path(const std::string& kernel_dir);
// The kernel.toml beside a kernel's ker0 source (its directory is the kernel directory).
std::string spec_path_beside(const std::string& source_path);
// <kernel_dir>/<[kernel] source>, read without checking the rest of the spec (a cache key
// needs the file, not the spec). Throws Fatal "<kernel.toml>:line: what" when source is missing.
std::string source_path_of(const std::string& kernel_dir);
// Every directory holding a kernel.toml below root (sorted); none when root is not a directory.
std::vector<std::string> find_kernel_dirs(const std::string& root);

} // namespace eok::kernel
