#include "eval/static_checks.hpp"
#include "kernel/spec.hpp"
#include "kernel/spec_test_support.hpp"

#include <doctest/doctest.h>

using namespace eok;

namespace {

// A minimal little-endian ELF64 object: the null section and one section holding `bytes`.
// A minimal ELF64 object: the null section, one section named `name` holding `bytes`, and
// the section-name table.
std::string elf_with(uint64_t flags, const std::string& bytes, uint32_t type = 1, const std::string& name = ".text")
{
  std::string e(64, '\0');
  e[0] = '\x7f';
  e.replace(1, 5, "ELF\x02\x01");
  auto put = [&e](size_t at, uint64_t v, int n) {
    for (int i = 0; i < n; ++i) {
      e[at + static_cast<size_t>(i)] = static_cast<char>(v >> (8 * i));
    }
  };
  size_t data = e.size();
  e += bytes;
  size_t names = e.size();
  std::string table = std::string("\0", 1) + name + std::string("\0.shstrtab\0", 11);
  e += table;
  e.resize((e.size() + 7) / 8 * 8, '\0');
  size_t shoff = e.size();
  e.resize(shoff + 3 * 64, '\0');
  size_t sh = shoff + 64;
  put(sh, 1, 4);
  put(sh + 4, type, 4);
  put(sh + 8, flags, 8);
  put(sh + 24, data, 8);
  put(sh + 32, bytes.size(), 8);
  size_t strtab = shoff + 128;
  put(strtab, 2 + name.size(), 4);
  put(strtab + 4, 3, 4);
  put(strtab + 24, names, 8);
  put(strtab + 32, table.size(), 8);
  put(0x28, shoff, 8);
  put(0x3a, 64, 2);
  put(0x3c, 3, 2);
  put(0x3e, 2, 2);
  return e;
}

} // namespace

TEST_SUITE("eval::static_checks")
{
  TEST_CASE("undefined symbols must be on the allow-list; the entry must be a global function")
  {
    std::string defined = "eok_relu_f32 T 0 a4\ncounter b 0 4\n";
    CHECK_FALSE(eval::check_symbols("expf U 0 0\nmemcpy U\n", defined, "eok_relu_f32"));
    CHECK(eval::check_symbols("expf U 0 0\nfopen U 0 0\nsystem U\n", defined, "eok_relu_f32") ==
          "calls functions outside the allow-list: fopen, system");
    CHECK(eval::check_symbols("", "other T 0 4\n", "eok_relu_f32") == "does not define the entry function 'eok_relu_f32'");
    CHECK(eval::check_symbols("", "eok_relu_f32 t 0 4\n", "eok_relu_f32") ==
          "'eok_relu_f32' is defined but is not a global function (nm type t)");
    CHECK(eval::check_symbols("malloc U\n", defined, "eok_relu_f32") == "calls functions outside the allow-list: malloc");
    CHECK(eval::check_symbols("", defined + "fwrite T 10 8\n", "eok_relu_f32") ==
          "defines 'fwrite', a name reserved for the C library and the harness");
    CHECK(eval::check_symbols("", defined + "expf W 10 8\n", "eok_relu_f32") ==
          "defines 'expf', a name reserved for the C library and the harness");
    CHECK(eval::check_symbols("", defined + "__x T 10 8\n", "eok_relu_f32") ==
          "defines '__x', a name reserved for the C library and the harness");
    CHECK_FALSE(eval::check_symbols("", defined + "helper T 10 8\nfwrite t 20 4\n", "eok_relu_f32"));
    CHECK(eval::allowed_symbols().count("tanhf"));
    CHECK(eval::allowed_symbols().count("__extendhfsf2"));
    CHECK_FALSE(eval::allowed_symbols().count("syscall"));
  }

  TEST_CASE("object bytes: no ecall encoding in executable sections, no writable code")
  {
    const uint64_t alloc = 2;
    const uint64_t exec = 4;
    const uint64_t write = 1;
    std::string code("\x13\x05\x00\x00\x82\x80", 6); // li a0, 0; ret
    std::string ecall("\x73\x00\x00\x00", 4);
    CHECK_FALSE(eval::check_object(elf_with(alloc | exec, code)));
    // Shown as data by the disassembler (a `.word` in inline assembly), still an ecall.
    CHECK(eval::check_object(elf_with(alloc | exec, code + ecall)) == "makes a system call of its own (ecall bytes at 0x6 of section 1)");
    CHECK(eval::check_object(elf_with(alloc | exec, std::string("\x82\x80", 2) + ecall)) ==
          "makes a system call of its own (ecall bytes at 0x2 of section 1)");
    // Not executable, or at an odd offset (never an instruction address): not an ecall.
    CHECK_FALSE(eval::check_object(elf_with(alloc, code + ecall)));
    CHECK_FALSE(eval::check_object(elf_with(alloc | exec, std::string("\x01", 1) + ecall + std::string("\x00", 1))));
    CHECK(eval::check_object(elf_with(alloc | exec | write, code)) ==
          "has a writable executable section (section 1): code written at run time is not allowed");
    CHECK_FALSE(eval::check_object(elf_with(alloc | exec, "", 8))); // NOBITS: no bytes to check
    const std::string malformed = "the object is not a little-endian ELF64 file eok can inspect";
    CHECK(eval::check_object("not an object") == malformed);
    std::string truncated = elf_with(alloc | exec, code);
    CHECK(eval::check_object(truncated.substr(0, truncated.size() - 10)) == malformed);
    std::string big = elf_with(alloc | exec, code);
    big[big.size() - 64 + 33] = '\x7f'; // the section's size runs past the file
    CHECK(eval::check_object(big) == malformed);
  }

  TEST_CASE("object bytes: no region marker at any 2-byte offset of code")
  {
    const uint64_t alloc = 0x2;
    const uint64_t exec = 0x4;
    const std::string begin("\x13\x20\x10\x00", 4); // slti x0,x0,1
    const std::string end("\x13\x20\x20\x00", 4);   // slti x0,x0,2
    const std::string code("\x01\x45\x82\x80", 4);  // li a0,0; ret (compressed)
    CHECK(eval::check_object(elf_with(alloc | exec, code + end)) ==
          "contains the performance model's region marker (slti x0,x0,2 bytes at 0x4 of section .text): only the harness marks the "
          "measured region");
    // Misaligned: the second half of a compressed instruction and the first of the next.
    CHECK(eval::check_object(elf_with(alloc | exec, std::string("\x01\x45", 2) + begin, 1, ".text.eok")) ==
          "contains the performance model's region marker (slti x0,x0,1 bytes at 0x2 of section .text.eok): only the harness marks "
          "the measured region");
    CHECK_FALSE(eval::check_object(elf_with(alloc, begin, 1, ".rodata"))); // data, never executed
    // Other slti x0 forms are not markers to the plugin, but the disassembly check refuses them all.
    CHECK(eval::check_disassembly("       0:      \tslti\tzero, zero, 0x2\n") ==
          "contains the performance model's region marker (slti zero,zero,0x2 at 0x0): only the harness marks the measured region");
    CHECK_FALSE(eval::check_disassembly("       0:      \tslti\ta0, zero, 0x2\n"));
    CHECK(eval::check_disassembly("      1c:      \trdtime\ta0\n") ==
          "reads a clock or counter register (rdtime a0 at 0x1c): a kernel may not time itself");
    CHECK(eval::check_disassembly("      1c:      \tcsrr\ta0, cycle\n") ==
          "reads a clock or counter register (csrr a0,cycle at 0x1c): a kernel may not time itself");
    CHECK_FALSE(eval::check_disassembly("      1c:      \tcsrr\ta0, vlenb\n"));
    CHECK_FALSE(eval::check_disassembly("      1c:      \tfrrm\ta0\n"));
  }

  TEST_CASE("object sections: no constructors, no writable data, nothing unexpected")
  {
    const uint64_t write = 0x1;
    const uint64_t alloc = 0x2;
    CHECK_FALSE(eval::check_object(elf_with(alloc, "abcd", 1, ".rodata.cst16")));
    CHECK_FALSE(eval::check_object(elf_with(0, "", 1, ".comment")));
    CHECK(eval::check_object(elf_with(alloc | write, std::string(8, '\0'), 14, ".init_array")) ==
          "has a constructor or destructor (section .init_array): no code may run outside the measured kernel call");
    CHECK(eval::check_object(elf_with(alloc | write, std::string(8, '\0'), 14, ".mine")) ==
          "has a constructor or destructor (section .mine): no code may run outside the measured kernel call");
    CHECK(eval::check_object(elf_with(alloc | write, std::string(8, '\0'), 1, ".ctors.65535")) ==
          "has a constructor or destructor (section .ctors.65535): no code may run outside the measured kernel call");
    CHECK(eval::check_object(elf_with(alloc | write, "", 8, ".bss")) ==
          "has writable data (section .bss): a kernel keeps no state between calls (make tables const)");
    CHECK(eval::check_object(elf_with(alloc | write, "abcd", 1, ".sdata")) ==
          "has writable data (section .sdata): a kernel keeps no state between calls (make tables const)");
    CHECK(eval::check_object(elf_with(alloc, "abcd", 1, ".mydata")) == "has a section the harness does not expect (.mydata)");
  }

  TEST_CASE("no ecall in the disassembly")
  {
    std::string clean =
        "c.o:\tfile format elf64-littleriscv\n\n0000000000000000 <f>:\n       0:      \taddi\tsp, sp, -0x40\n       2:      \tret\n";
    CHECK_FALSE(eval::check_disassembly(clean));
    std::string bad = clean + "      1c:      \tecall\n";
    CHECK(eval::check_disassembly(bad) == "makes a system call of its own (ecall at 0x1c)");
    // A symbol named like the instruction is not the instruction.
    CHECK_FALSE(eval::check_disassembly("0000000000000000 <ecall>:\n       0:      \tret\n"));
  }

  TEST_CASE("flags: optimisation options only")
  {
    CHECK_FALSE(eval::check_flags({"-O3", "-funroll-loops", "-mrvv-vector-bits=zvl", "-fno-math-errno"}));
    CHECK(eval::check_flags({"-fplugin=x.so"}) == "compiler flag '-fplugin=x.so' is not allowed");
    CHECK(eval::check_flags({"-o"}) == "compiler flag '-o' is not allowed (only -O…, -f…, -m… optimisation flags)");
    CHECK(eval::check_flags({"-include/etc/passwd"}) ==
          "compiler flag '-include/etc/passwd' is not allowed (only -O…, -f…, -m… optimisation flags)");
    CHECK(eval::check_flags({"-fprofile-use=/tmp/x"}) ==
          "compiler flag '-fprofile-use=/tmp/x' is not allowed (only -O…, -f…, -m… optimisation flags)");
    CHECK(eval::check_flags({"-mllvm"}) == "compiler flag '-mllvm' is not allowed");
    CHECK(eval::check_flags({"@flags.txt"}) == "compiler flag '@flags.txt' is not allowed (only -O…, -f…, -m… optimisation flags)");
  }

  TEST_CASE("defines: declared knobs, listed values, constraints")
  {
    kernel::Spec spec = kernel::parse_spec(std::string(testing::k_unary_spec) + R"TOML([[knobs]]
name = "A"
values = [1, 2, 4]
default = 1
[[knobs]]
name = "B"
values = [1, 2]
default = 1
constraint = "A * B <= 4"
)TOML",
                                           "t.toml");
    CHECK_FALSE(eval::check_defines(spec, {{"A", 2}, {"B", 2}}));
    CHECK(eval::check_defines(spec, {{"C", 1}}) == "define 'C' is not a knob of t");
    CHECK(eval::check_defines(spec, {{"A", 3}}) == "knob A=3 is not one of its values");
    CHECK(eval::check_defines(spec, {{"A", 4}, {"B", 2}}) == "the knob values do not satisfy the spec's constraints");
  }
}
