// What eok needs to know about the machine kernels run on, read from a Meson
// cross file: compiler and flags, how to run a program (exe_wrapper), binutils,
// and the [properties] eok reads (eok_vlen, eok_core, eok_board, eok_stack). Targets are
// data in cross/, never `if`s in code (STYLE.md).
#pragma once

#include "target/machine_file.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eok::target {

struct Target
{
  std::vector<std::string> files;     // the machine files it came from
  std::vector<std::string> cc;        // C compiler command (program + fixed args)
  std::vector<std::string> c_args;    // compile flags (built-in options c_args)
  std::vector<std::string> link_args; // link flags (built-in options c_link_args)
  std::vector<std::string> exe_wrapper;
  std::string objcopy = "llvm-objcopy";
  std::string nm = "llvm-nm";
  std::string objdump = "llvm-objdump";
  std::string march; // from -march= in c_args
  std::string core;  // eok_core property (cost model to use), e.g. spacemit-x60
  std::string board; // eok_board property: identity of a real board (wall runner)
  int vlen = 0;      // eok_vlen property, bits
  // eok_stack property: the board's stack size in bytes (8 MiB, Linux's usual default);
  // correctness runs get it as their stack limit, so a kernel that needs more crashes here too.
  uint64_t stack_bytes = uint64_t{8} << 20;
  // eok_model property: the model runner's core model, table | sched (perf.model overrides).
  std::string model = "table";

  // Canonical text of everything here that changes a result (for cache keys).
  [[nodiscard]] std::string identity_text() const;
};

// Load and validate; throws Fatal "file:line: what" (missing [binaries] c,
// missing eok_vlen, a compiler or wrapper that is not installed, …).
Target load_target(const std::vector<std::string>& cross_files);
Target target_from(const MachineFile& mf);

} // namespace eok::target
