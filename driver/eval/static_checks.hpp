// Static checks on an untrusted candidate (DESIGN.md invariant 3), each a pure
// function over text so it is unit-tested without a compiler. A returned string
// is the reason for a `rejected` verdict.
#pragma once

#include "kernel/spec.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace eok::eval {

constexpr size_t k_max_source_bytes = 256 * 1024;
constexpr size_t k_max_object_bytes = 2 * 1024 * 1024;

// Compiler flags a candidate may add: optimisation (-O…, -f…, -m…) only, nothing that
// names files, loads plugins, or passes options to other tools.
std::optional<std::string> check_flags(const std::vector<std::string>& flags);
// Knob defines: declared knobs only, values from their lists, constraints hold.
std::optional<std::string> check_defines(const kernel::Spec& spec, const std::map<std::string, int64_t>& defines);

// Functions a candidate may call: libm, memcpy/memset/memmove/memcmp, and the helpers
// compilers emit for fp16 conversions and 128-bit integers.
const std::set<std::string>& allowed_symbols();
// `undefined`: `nm -P -u` output; `defined`: `nm -P --defined-only` output.
std::optional<std::string> check_symbols(const std::string& undefined, const std::string& defined, const std::string& entry);
// `objdump -d` output: no system-call instruction and no `slti zero,zero,…` (the model's
// region markers are slti x0,x0,1 and 2) anywhere in executable sections.
std::optional<std::string> check_disassembly(const std::string& disassembly);
// The object file's bytes (ELF64, little-endian): no section both writable and executable
// (code written at run time is never checked) and no ecall encoding at any 2-byte-aligned
// offset of an executable section, even where the disassembler shows data (`.word 0x73`
// in inline assembly). Legitimate code never holds those bytes outside an ecall: any other
// occurrence would need the halfword 0x0000, which is not an instruction. Likewise no
// region-marker encoding (0x00102013, 0x00202013) at any 2-byte offset. Sections: code,
// read-only data and assembler bookkeeping only — no constructors or destructors (init/fini
// arrays, .ctors/.dtors: code outside the measured call), no writable data (state kept
// between calls could tell a measured call from a checked one), nothing unknown.
// `allow_relro`: C++ objects (NCNN layers) keep vtables in .data.rel.ro, writable only
// while relocating, exception tables in .gcc_except_table (read-only) and unwinding's
// pointer to the personality routine (.data.DW.ref.__gxx_personality_v0, 8 bytes); those
// are allowed then, still no other writable section.
std::optional<std::string> check_object(const std::string& elf, bool allow_relro = false);

} // namespace eok::eval
