// What the QEMU plugin (plugin/eok_count.c) observed inside the region of interest,
// and what each observed instruction is: its unit, scalar cost class and the bytes
// one of its memory accesses moves. Classification lives here, not in the plugin,
// so it is unit-tested.
#pragma once

#include "util/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace eok::perf {

struct InsnCount
{
  std::string mnemonic; // as QEMU 7.2 disassembles it: "vle32.v", "c.addi", "roi.begin"
  int sew = 0;          // vector: 8..64; -1: vtype unknown (vsetvl); 0: scalar
  std::string lmul;     // vector: "mf8".."m8" ("?" unknown); scalar: empty
  bool masked = false;
  uint64_t count = 0;    // executions inside the region of interest
  uint64_t accesses = 0; // memory accesses (vector: one per active element)
};

// One translated block executed inside the region (format 3): model "sched" schedules
// its instructions on the X60 pipeline model once per distinct (bytes, vtype).
struct BlockCount
{
  uint64_t offset = 0;              // from the guest's start of code
  int sew = 0;                      // vtype the block was translated for: 8..64, -1 unknown, 0 none
  std::string lmul;                 // "mf8".."m8", "?" unknown, empty when none
  uint64_t count = 0;               // executions inside the region
  std::vector<unsigned char> bytes; // its instructions, in memory order
};

struct Counts
{
  uint64_t roi_entries = 0;       // outermost entries into the region
  uint64_t roi_begins = 0;        // begin markers executed from the harness's measured call
  uint64_t roi_ends = 0;          // end markers executed from it
  uint64_t foreign_markers = 0;   // markers executed anywhere else (never honoured)
  std::string first_foreign;      // offset of the first one from the start of code (hex)
  std::vector<InsnCount> insns;   // sorted by (mnemonic, sew, lmul, masked)
  std::vector<BlockCount> blocks; // sorted by (offset, bytes, sew, lmul)
};

// Parses the plugin's output file; a malformed file is an error value (the caller
// knows which file it was).
Expected<Counts> parse_counts(const std::string& text);

enum class Unit { scalar, vector_alu, vector_mem, marker };
enum class MemDir { none, read, write, read_write };

struct InsnInfo
{
  Unit unit = Unit::scalar;
  std::string scalar_class; // cost class of scalar instructions (x60_costs.csv `scalar` rows)
  MemDir dir = MemDir::none;
  unsigned element_bytes = 0; // bytes per memory access
};

// sew: the instruction's SEW (indexed vector accesses move SEW-wide data), -1 unknown.
InsnInfo describe_insn(const std::string& mnemonic, int sew);

struct Traffic
{
  uint64_t read = 0, written = 0;
  [[nodiscard]] uint64_t total() const { return read + written; }
};
Traffic traffic_of(const Counts& counts);

} // namespace eok::perf
