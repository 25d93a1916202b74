#include "eval/static_checks.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <sstream>

namespace eok::eval {

std::optional<std::string> check_flags(const std::vector<std::string>& flags)
{
  // Prefixes of options that read or write files, load code or reach other tools.
  static const std::vector<std::string> k_forbidden = {
      "-fplugin",      "-fpass-plugin", "-fprofile",    "-fcoverage",    "-fdebug-prefix", "-ffile-prefix", "-fmacro-prefix",
      "-fcrash",       "-fdump",        "-fsave",       "-frecord",      "-fmodule",       "-fembed",       "-fsanitize",
      "-fxray",        "-finstrument",  "-fuse-ld",     "-fsyntax-only", "-fdriver",       "-fcs-profile",  "-fbasic-block",
      "-fstack-usage", "-fproc-stat",   "-ftime-trace", "-fopenmp",      "-mllvm"};
  for (const auto& f : flags) {
    bool shape_ok = f.size() > 2 && f[0] == '-' && (f[1] == 'O' || f[1] == 'f' || f[1] == 'm');
    if (!shape_ok || f.find_first_of("/\\@ ") != std::string::npos) {
      return "compiler flag '" + f + "' is not allowed (only -O…, -f…, -m… optimisation flags)";
    }
    for (const auto& bad : k_forbidden) {
      if (util::starts_with(f, bad)) {
        return "compiler flag '" + f + "' is not allowed";
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_defines(const kernel::Spec& spec, const std::map<std::string, int64_t>& defines)
{
  for (const auto& define : defines) {
    const std::string& name = define.first;
    int64_t value = define.second;
    auto it = std::find_if(spec.knobs.begin(), spec.knobs.end(), [&name](const kernel::Knob& k) { return k.name == name; });
    if (it == spec.knobs.end()) {
      return "define '" + name + "' is not a knob of " + spec.name;
    }
    if (std::find(it->values.begin(), it->values.end(), value) == it->values.end()) {
      return "knob " + name + "=" + std::to_string(value) + " is not one of its values";
    }
  }
  if (!kernel::knobs_satisfy(spec, defines)) {
    return "the knob values do not satisfy the spec's constraints";
  }
  return std::nullopt;
}

const std::set<std::string>& allowed_symbols()
{
  static const std::set<std::string> allowed = [] {
    std::set<std::string> s = {"memcpy", "memset", "memmove", "memcmp",
                               // fp16 conversions and 128-bit integer helpers (compiler-rt / libgcc)
                               "__extendhfsf2", "__truncsfhf2", "__truncdfhf2", "__extendhfdf2", "__multi3", "__divti3", "__udivti3",
                               "__modti3", "__umodti3", "__ashlti3", "__ashrti3", "__lshrti3"};
    static const char* const libm[] = {
        "acos",   "acosh", "asin",   "asinh", "atan",      "atan2",     "atanh",  "cbrt",      "ceil",   "copysign", "cos",   "cosh",
        "erf",    "erfc",  "exp",    "exp10", "exp2",      "expm1",     "fabs",   "fdim",      "floor",  "fma",      "fmax",  "fmin",
        "fmod",   "frexp", "hypot",  "ilogb", "ldexp",     "lgamma",    "llrint", "llround",   "log",    "log10",    "log1p", "log2",
        "logb",   "lrint", "lround", "modf",  "nearbyint", "nextafter", "pow",    "remainder", "remquo", "rint",     "round", "scalbln",
        "scalbn", "sin",   "sincos", "sinh",  "sqrt",      "tan",       "tanh",   "tgamma",    "trunc"};
    for (const char* f : libm) {
      s.insert(f);
      s.insert(std::string(f) + "f");
    }
    return s;
  }();
  return allowed;
}

namespace {

// `nm -P` lines: "name type [value size]"
std::vector<std::pair<std::string, std::string>> nm_lines(const std::string& text)
{
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string name;
    std::string type;
    if (ls >> name >> type) {
      out.emplace_back(name, type);
    }
  }
  return out;
}

} // namespace

std::optional<std::string> check_symbols(const std::string& undefined, const std::string& defined, const std::string& entry)
{
  std::vector<std::string> bad;
  for (const auto& [name, type] : nm_lines(undefined)) {
    if (!allowed_symbols().count(name)) {
      bad.push_back(name);
    }
  }
  if (!bad.empty()) {
    return "calls functions outside the allow-list: " + util::join(bad, ", ");
  }
  // Defining a libc/libm name would replace it for the harness linked with the candidate
  // (e.g. a fake fwrite or clock_gettime), so global definitions may not take such names.
  static const std::set<std::string> k_harness_uses = {
      "main",          "_start", "exit", "_exit",  "abort",   "fopen",         "fclose",         "fwrite", "fprintf",  "printf",
      "puts",          "malloc", "free", "calloc", "realloc", "aligned_alloc", "posix_memalign", "strcmp", "strtoull", "atoi",
      "clock_gettime", "write",  "read", "open",   "close",   "syscall",       "raise",          "signal", "sigaction"};
  for (const auto& [name, type] : nm_lines(defined)) {
    bool global = !type.empty() && std::isupper(static_cast<unsigned char>(type[0]));
    if (global && name != entry && (k_harness_uses.count(name) || allowed_symbols().count(name) || util::starts_with(name, "_"))) {
      return "defines '" + name + "', a name reserved for the C library and the harness";
    }
  }
  for (const auto& [name, type] : nm_lines(defined)) {
    if (name == entry) {
      if (type == "T" || type == "W") {
        return std::nullopt;
      }
      return "'" + entry + "' is defined but is not a global function (nm type " + type + ")";
    }
  }
  return "does not define the entry function '" + entry + "'";
}

std::optional<std::string> check_disassembly(const std::string& disassembly)
{
  std::istringstream in(disassembly);
  std::string line;
  while (std::getline(in, line)) {
    // "      1c:      	ecall" — the mnemonic is the first token after the address.
    size_t colon = line.find(":\t");
    if (colon == std::string::npos) {
      colon = line.find(": ");
    }
    if (colon == std::string::npos || line.find('<') < colon) {
      continue;
    }
    std::istringstream ls(line.substr(colon + 1));
    std::string mnemonic;
    ls >> mnemonic;
    if (mnemonic == "ecall" || mnemonic == "scall") {
      return "makes a system call of its own (" + mnemonic + " at 0x" + util::trim(line.substr(0, colon)) + ")";
    }
    // `slti x0,x0,imm` does nothing on the hardware; the model reads imm 1 and 2 as the
    // harness's region-of-interest markers, and no other use of it exists.
    std::string operands;
    std::getline(ls, operands);
    operands.erase(std::remove_if(operands.begin(), operands.end(), [](unsigned char c) { return std::isspace(c) != 0; }), operands.end());
    // Clock and counter CSRs would let a kernel notice it runs slower under the model's
    // plugin (and so tell the measured run apart); a kernel has no use for them.
    bool counter = mnemonic == "rdtime" || mnemonic == "rdcycle" || mnemonic == "rdinstret" || mnemonic == "rdtimeh" ||
                   mnemonic == "rdcycleh" || mnemonic == "rdinstreth";
    if (util::starts_with(mnemonic, "csrr")) {
      for (const char* csr : {",time", ",cycle", ",instret", ",hpmcounter", ",0xc0", ",0xc8", ",0xc1", ",0xc9"}) {
        counter = counter || operands.find(csr) != std::string::npos;
      }
    }
    if (counter) {
      return "reads a clock or counter register (" + mnemonic + " " + operands + " at 0x" + util::trim(line.substr(0, colon)) +
             "): a kernel may not time itself";
    }
    if (mnemonic == "slti" && util::starts_with(operands, "zero,zero,")) {
      return "contains the performance model's region marker (slti " + operands + " at 0x" + util::trim(line.substr(0, colon)) +
             "): only the harness marks the measured region";
    }
  }
  return std::nullopt;
}

namespace {

uint64_t read_le(const std::string& b, size_t at, int bytes)
{
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    v = v << 8 | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
  }
  return v;
}

std::string hex(uint64_t v)
{
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

} // namespace

namespace {

// Sections a compiled C kernel has: code, read-only data, and what the assembler and the
// linker need to place them. Anything else is either state the kernel could keep between
// calls (.data, .bss), code that runs outside the measured call (.init_array, .ctors), or
// something nobody has reviewed.
std::optional<std::string> check_section_name(const std::string& name, uint64_t type, uint64_t flags, bool relro)
{
  constexpr uint64_t k_write = 0x1;
  constexpr uint64_t k_alloc = 0x2;
  constexpr uint64_t k_init_array = 14;
  constexpr uint64_t k_fini_array = 15;
  constexpr uint64_t k_preinit_array = 16;
  static const std::set<std::string> k_exact = {"",       ".strtab",         ".symtab",   ".shstrtab",     ".symtab_shndx",    ".comment",
                                                ".group", ".note.GNU-stack", ".eh_frame", ".llvm_addrsig", ".riscv.attributes"};
  static const std::vector<std::string> k_prefixes = {".text", ".rodata", ".srodata", ".rela", ".debug_"};
  static const std::vector<std::string> k_ctor = {".init_array", ".fini_array", ".preinit_array", ".ctors", ".dtors", ".init", ".fini"};
  bool ctor = type == k_init_array || type == k_fini_array || type == k_preinit_array;
  for (const auto& c : k_ctor) {
    ctor = ctor || name == c || util::starts_with(name, c + ".");
  }
  if (ctor) {
    return "has a constructor or destructor (section " + name + "): no code may run outside the measured kernel call";
  }
  // C++ vtables and typeinfo: written by relocation only, read-only once the program runs
  const bool is_relro = relro && (name == ".data.rel.ro" || util::starts_with(name, ".data.rel.ro."));
  if ((flags & k_alloc) && (flags & k_write) && !is_relro) {
    return "has writable data (section " + name + "): a kernel keeps no state between calls (make tables const)";
  }
  // and their exception tables (read-only)
  const bool is_except = relro && (name == ".gcc_except_table" || util::starts_with(name, ".gcc_except_table."));
  bool known = k_exact.count(name) > 0 || is_relro || is_except;
  for (const auto& p : k_prefixes) {
    known = known || name == p || util::starts_with(name, p + ".");
  }
  if (!known) {
    return "has a section the harness does not expect (" + name + ")";
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> check_object(const std::string& elf, bool allow_relro)
{
  constexpr uint64_t k_write = 0x1;
  constexpr uint64_t k_exec = 0x4;
  constexpr uint64_t k_nobits = 8;
  // The harness's region-of-interest markers (perf/runner.hpp): slti x0,x0,1 and slti x0,x0,2.
  constexpr uint64_t k_roi_begin = 0x00102013;
  constexpr uint64_t k_roi_end = 0x00202013;
  const std::string malformed = "the object is not a little-endian ELF64 file eok can inspect";
  if (elf.size() < 64 || elf[0] != '\x7f' || elf.compare(1, 3, "ELF") != 0 || elf[4] != 2 || elf[5] != 1) {
    return malformed;
  }
  uint64_t shoff = read_le(elf, 0x28, 8);
  uint64_t shentsize = read_le(elf, 0x3a, 2);
  uint64_t shnum = read_le(elf, 0x3c, 2);
  uint64_t shstrndx = read_le(elf, 0x3e, 2);
  if (shentsize < 64 || shoff > elf.size() || shnum > (elf.size() - shoff) / shentsize || (shnum > 0 && shstrndx >= shnum)) {
    return malformed;
  }
  uint64_t names_at = 0;
  uint64_t names_size = 0;
  if (shnum > 0) {
    size_t sh = static_cast<size_t>(shoff + shstrndx * shentsize);
    names_at = read_le(elf, sh + 24, 8);
    names_size = read_le(elf, sh + 32, 8);
    if (names_at > elf.size() || names_size > elf.size() - names_at) {
      return malformed;
    }
  }
  for (uint64_t i = 0; i < shnum; ++i) {
    size_t sh = static_cast<size_t>(shoff + i * shentsize);
    uint64_t name_offset = read_le(elf, sh, 4);
    uint64_t type = read_le(elf, sh + 4, 4);
    uint64_t flags = read_le(elf, sh + 8, 8);
    uint64_t offset = read_le(elf, sh + 24, 8);
    uint64_t size = read_le(elf, sh + 32, 8);
    if (name_offset >= names_size) {
      return malformed;
    }
    std::string name = elf.substr(static_cast<size_t>(names_at + name_offset), static_cast<size_t>(names_size - name_offset));
    name = name.substr(0, name.find('\0'));
    if ((flags & k_exec) && (flags & k_write)) {
      return "has a writable executable section (section " + std::to_string(i) + "): code written at run time is not allowed";
    }
    // C++ unwinding's one indirect pointer to the personality routine (a COMDAT of
    // exactly one pointer, so nothing else fits in it)
    const bool personality = allow_relro && name == ".data.DW.ref.__gxx_personality_v0" && size == 8;
    if (personality) {
      continue;
    }
    if (auto why = check_section_name(name, type, flags, allow_relro)) {
      return why;
    }
    if (!(flags & k_exec)) {
      continue;
    }
    if (type == k_nobits) {
      continue;
    }
    if (offset > elf.size() || size > elf.size() - offset) {
      return malformed;
    }
    // Every 2-byte offset: with compressed instructions a word may start at either half.
    for (uint64_t at = 0; at + 4 <= size; at += 2) {
      uint64_t word = read_le(elf, static_cast<size_t>(offset + at), 4);
      if (word == 0x73) {
        return "makes a system call of its own (ecall bytes at " + hex(at) + " of section " + std::to_string(i) + ")";
      }
      if (word == k_roi_begin || word == k_roi_end) {
        return "contains the performance model's region marker (" + std::string(word == k_roi_begin ? "slti x0,x0,1" : "slti x0,x0,2") +
               " bytes at " + hex(at) + " of section " + name + "): only the harness marks the measured region";
      }
    }
  }
  return std::nullopt;
}

} // namespace eok::eval
