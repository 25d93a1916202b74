#include "perf/counts.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace eok::perf {

namespace {

using util::starts_with;

bool is_one_of(const std::string& m, std::initializer_list<const char*> names)
{
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return m == n; });
}

// The number after `prefix` at position `at` of m ("vle32.v": 32), 0 when there is none.
unsigned number_at(const std::string& m, size_t at)
{
  unsigned v = 0;
  while (at < m.size() && std::isdigit(static_cast<unsigned char>(m[at])) != 0) {
    v = v * 10 + static_cast<unsigned>(m[at++] - '0');
  }
  return v;
}

// Element width in bytes of a vector load/store from its mnemonic; 0 for indexed forms
// (their data is SEW wide). "vle32.v", "vlse16.v", "vlseg4e8.v", "vl8re64.v", "vsse32.v".
unsigned vector_eew_bytes(const std::string& m)
{
  if (m == "vlm.v" || m == "vsm.v") {
    return 1;
  }
  if (m.find("ei") != std::string::npos) {
    return 0; // vluxei*, vloxei*, vsuxei*, vsoxei* (and their segment forms)
  }
  if (m.size() > 3 && std::isdigit(static_cast<unsigned char>(m[2])) != 0 && m[3] == 'r') {
    // whole register: vl<n>re<eew>.v (eew elements), vs<n>r.v (QEMU accesses bytes)
    return m[1] == 'l' ? number_at(m, 5) / 8 : 1;
  }
  size_t e = m.rfind('e');
  return e == std::string::npos ? 0 : number_at(m, e + 1) / 8;
}

bool is_vector_memory(const std::string& m)
{
  // vle*, vlse*, vluxei*, vloxei*, vlseg*, vlsseg*, vl<n>re*, vlm.v and the store twins.
  if (m.size() < 3 || (m[1] != 'l' && m[1] != 's')) {
    return false;
  }
  char c = m[2];
  bool load_store_shape = c == 'e' || c == 's' || c == 'u' || c == 'o' || c == 'm' ||
                          (std::isdigit(static_cast<unsigned char>(c)) != 0 && m.size() > 3 && m[3] == 'r');
  if (!load_store_shape) {
    return false;
  }
  // Exclude arithmetic that shares the prefix: vsll, vslide*, vsub, vssub*, vsmul, vsext, vsra, vssra, vssrl, vsrl
  return !(starts_with(m, "vsll") || starts_with(m, "vslide") || starts_with(m, "vsub") || starts_with(m, "vssub") ||
           starts_with(m, "vsmul") || starts_with(m, "vsext") || starts_with(m, "vsra") || starts_with(m, "vssra") ||
           starts_with(m, "vssrl") || starts_with(m, "vsrl") || starts_with(m, "vsbc") || starts_with(m, "vsadd") || m == "vsm3c.vi" ||
           m == "vsm3me.vv" || m == "vsm4k.vi");
}

unsigned scalar_width(const std::string& m)
{
  // lb/lh/lw/ld/lbu/lhu/lwu, sb/…, flh/flw/fld, fsh/fsw/fsd, *sp compressed forms
  std::string base = m[0] == 'f' ? m.substr(1) : m;
  switch (base.size() > 1 ? base[1] : 0) {
  case 'b':
    return 1;
  case 'h':
    return 2;
  case 'w':
    return 4;
  case 'd':
    return 8;
  default:
    return 0;
  }
}

InsnInfo scalar_info(const std::string& m0)
{
  std::string m = starts_with(m0, "c.") ? m0.substr(2) : m0;
  InsnInfo info;
  auto set = [&](const char* cls) { info.scalar_class = cls; };
  if (is_one_of(m, {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", "lwsp", "ldsp", "flh", "flw", "fld", "flwsp", "fldsp"})) {
    set("load");
    info.dir = MemDir::read;
    info.element_bytes = scalar_width(m);
  } else if (is_one_of(m, {"sb", "sh", "sw", "sd", "swsp", "sdsp", "fsh", "fsw", "fsd", "fswsp", "fsdsp"})) {
    set("store");
    info.dir = MemDir::write;
    info.element_bytes = scalar_width(m);
  } else if (starts_with(m, "lr.") || starts_with(m, "sc.") || starts_with(m, "amo")) {
    set("atomic");
    info.dir = starts_with(m, "lr.") ? MemDir::read : starts_with(m, "sc.") ? MemDir::write : MemDir::read_write;
    info.element_bytes = m.find(".d") != std::string::npos ? 8 : 4;
  } else if (is_one_of(m, {"beq", "bne", "blt", "bge", "bltu", "bgeu", "beqz", "bnez", "blez", "bgez", "bltz", "bgtz", "bgt", "ble", "bgtu",
                           "bleu"})) {
    set("branch");
  } else if (is_one_of(m, {"j", "jal", "jalr", "jr", "ret", "call", "tail"})) {
    set("jump");
  } else if (starts_with(m, "mul")) {
    set("int_mul");
  } else if (starts_with(m, "div") || starts_with(m, "rem")) {
    set("int_div");
  } else if (starts_with(m, "csr") || starts_with(m, "rd") ||
             is_one_of(m, {"frflags", "fsflags", "frrm", "fsrm", "frcsr", "fscsr", "fsflagsi", "fsrmi"})) {
    set("csr");
  } else if (starts_with(m, "fence") || is_one_of(m, {"ecall", "ebreak", "wfi", "unimp"})) {
    set("system");
  } else if (starts_with(m, "fdiv") || starts_with(m, "fsqrt")) {
    set("fp_div");
  } else if (m[0] == 'f') {
    set("fp_alu");
  } else {
    set("int_alu"); // add, addi, li, mv, shifts, logic, lui, auipc, Zba/Zbb/Zbs, nop
  }
  return info;
}

} // namespace

InsnInfo describe_insn(const std::string& m, int sew)
{
  if (m == "roi.begin" || m == "roi.end" || m == "roi.foreign") {
    return {Unit::marker, "", MemDir::none, 0};
  }
  if (m.empty() || m[0] != 'v') {
    return scalar_info(m);
  }
  if (starts_with(m, "vset")) {
    return {Unit::scalar, "vset", MemDir::none, 0};
  }
  if (!is_vector_memory(m)) {
    return {Unit::vector_alu, "", MemDir::none, 0};
  }
  unsigned eew = vector_eew_bytes(m);
  if (eew == 0) {
    eew = sew > 0 ? static_cast<unsigned>(sew) / 8 : 4;
  }
  return {Unit::vector_mem, "", m[1] == 'l' ? MemDir::read : MemDir::write, eew};
}

Traffic traffic_of(const Counts& counts)
{
  Traffic t;
  for (const auto& c : counts.insns) {
    InsnInfo info = describe_insn(c.mnemonic, c.sew);
    uint64_t bytes = c.accesses * info.element_bytes;
    if (info.dir == MemDir::read || info.dir == MemDir::read_write) {
      t.read += info.dir == MemDir::read_write ? bytes / 2 : bytes;
    }
    if (info.dir == MemDir::write || info.dir == MemDir::read_write) {
      t.written += info.dir == MemDir::read_write ? bytes - bytes / 2 : bytes;
    }
  }
  return t;
}

Expected<Counts> parse_counts(const std::string& text)
{
  Counts counts;
  auto lines = util::split(text, '\n');
  if (lines.empty() || lines[0] != "eok-count 3") {
    return Expected<Counts>::fail("not an eok_count output of format 3 (first line is not 'eok-count 3')");
  }
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) {
      continue;
    }
    auto bad = [&](const std::string& what) { return Expected<Counts>::fail("line " + std::to_string(i + 1) + ": " + what); };
    try {
      if (starts_with(line, "roi_entries ")) {
        counts.roi_entries = std::stoull(line.substr(12));
        continue;
      }
      if (starts_with(line, "roi_begins ")) {
        counts.roi_begins = std::stoull(line.substr(11));
        continue;
      }
      if (starts_with(line, "roi_ends ")) {
        counts.roi_ends = std::stoull(line.substr(9));
        continue;
      }
      if (starts_with(line, "foreign_markers ")) {
        auto f = util::split(line.substr(16), ' ');
        if (f.size() != 2) {
          return bad("expected 'foreign_markers <n> <offset>'");
        }
        counts.foreign_markers = std::stoull(f[0]);
        counts.first_foreign = f[1];
        continue;
      }
      auto f = util::split(line, '\t');
      if (!f.empty() && f[0] == "block") {
        if (f.size() != 6 || f[5].size() % 2 != 0 || f[5].find_first_not_of("0123456789abcdef") != std::string::npos) {
          return bad("expected 'block <offset> <sew> <lmul> <count> <hex bytes>'");
        }
        BlockCount b;
        b.offset = std::stoull(f[1], nullptr, 16);
        b.sew = f[2] == "-" ? 0 : f[2] == "?" ? -1 : std::stoi(f[2]);
        b.lmul = f[3] == "-" ? "" : f[3];
        b.count = std::stoull(f[4]);
        for (size_t at = 0; at < f[5].size(); at += 2) {
          b.bytes.push_back(static_cast<unsigned char>(std::stoul(f[5].substr(at, 2), nullptr, 16)));
        }
        counts.blocks.push_back(std::move(b));
        continue;
      }
      if (f.size() != 7 || f[0] != "slot") {
        return bad("expected 'slot' and 6 tab-separated fields");
      }
      InsnCount c;
      c.mnemonic = f[1];
      c.sew = f[2] == "-" ? 0 : f[2] == "?" ? -1 : std::stoi(f[2]);
      c.lmul = f[3] == "-" ? "" : f[3];
      c.masked = f[4] == "1";
      c.count = std::stoull(f[5]);
      c.accesses = std::stoull(f[6]);
      counts.insns.push_back(std::move(c));
    } catch (const std::exception&) {
      return bad("a number does not parse");
    }
  }
  std::sort(counts.insns.begin(), counts.insns.end(), [](const InsnCount& a, const InsnCount& b) {
    return std::tie(a.mnemonic, a.sew, a.lmul, a.masked) < std::tie(b.mnemonic, b.sew, b.lmul, b.masked);
  });
  std::sort(counts.blocks.begin(), counts.blocks.end(), [](const BlockCount& a, const BlockCount& b) {
    return std::tie(a.offset, a.bytes, a.sew, a.lmul) < std::tie(b.offset, b.bytes, b.sew, b.lmul);
  });
  return counts;
}

} // namespace eok::perf
