// Where a function of a built program lies, in the terms QEMU's plugin sees at run time:
// offsets from the start of code (the lowest executable PT_LOAD segment's address, which
// is what qemu_plugin_start_code() returns for the running program, PIE or not). The
// model runner uses it to tell the counting plugin which markers are the harness's own.
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace eok::perf {

struct CodeRange
{
  uint64_t lo = 0, hi = 0; // [lo, hi), offsets from the start of code
};

// The function `symbol` of the ELF64 little-endian file at `path`, nullopt when there is
// no symbol of that name. An error value when the file is not such an ELF or has several
// symbols of that name (a second one could only come from linked-in code imitating the
// harness).
Expected<std::optional<CodeRange>> function_range(const std::string& path, const std::string& symbol);

} // namespace eok::perf
