#include "perf/block_sched.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/sha256.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <regex>
#include <set>
#include <tuple>

namespace eok::perf {

namespace {

// Everything the target's -march (rv64gcv_zfh_zvfh) may emit, plus bit manipulation.
constexpr const char* k_mattr = "-mattr=+m,+a,+f,+d,+c,+v,+zfh,+zvfh,+zba,+zbb,+zbs";

std::string upper(std::string s)
{
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

// llvm-mca's RISC-V instruments: the vtype the block's vector instructions run with
// (unknown vtype: e32,m1, the most common shape; such blocks are rare: vsetvl only).
std::string instruments(const BlockCount& b)
{
  std::string lmul = b.sew > 0 && !b.lmul.empty() && b.lmul != "?" ? upper(b.lmul) : "M1";
  int sew = b.sew > 0 ? b.sew : 32;
  return "# LLVM-MCA-RISCV-LMUL " + lmul + "\n# LLVM-MCA-RISCV-SEW E" + std::to_string(sew) + "\n";
}

int instruction_count(const std::vector<unsigned char>& bytes)
{
  int n = 0;
  for (size_t at = 0; at < bytes.size(); at += (bytes[at] & 3) == 3 ? 4 : 2) {
    ++n;
  }
  return n;
}

// The cost table's throughput for an instruction llvm-mca does not describe.
double table_occupancy(const CostTable& table, const std::string& line, const BlockCount& b)
{
  std::string m = line.substr(0, line.find_first_of(" \t"));
  CostTable::InsnCost cost = table.insn_cost(m, b.sew, b.lmul, line.find("v0.t") != std::string::npos);
  return cost.unit == Unit::marker ? 1 : cost.cycles;
}

// Instruction sizes in order (2: compressed, 4).
std::vector<int> instruction_sizes(const std::vector<unsigned char>& bytes)
{
  std::vector<int> sizes;
  for (size_t at = 0; at < bytes.size(); at += (bytes[at] & 3) == 3 ? 4 : 2) {
    sizes.push_back((bytes[at] & 3) == 3 ? 4 : 2);
  }
  return sizes;
}

// The block's instructions for the pipeline model, its successors and its own cycles.
BlockCost describe_block(const std::vector<unsigned char>& bytes, const std::vector<std::string>& lines,
                         const std::vector<std::pair<int, double>>& figures, bool scheduled)
{
  BlockCost c;
  c.instructions = static_cast<int>(lines.size());
  c.scheduled = scheduled;
  std::vector<const SimInsn*> body;
  for (size_t i = 0; i < lines.size(); ++i) {
    c.insns.push_back(decode_insn(lines[i], figures[i].first, figures[i].second));
  }
  for (const auto& d : c.insns) {
    body.push_back(&d);
  }
  c.cycles = steady_cycles(body);
  auto size = static_cast<int64_t>(bytes.size());
  std::vector<int> sizes = instruction_sizes(bytes);
  int64_t last = size - (sizes.empty() ? 0 : sizes.back());
  std::string m = lines.empty() ? "" : lines.back().substr(0, lines.back().find_first_of(" \t"));
  int64_t target = 0;
  bool conditional = false;
  if (!lines.empty() && branch_target(lines.back(), last, target, conditional)) {
    c.successors.push_back(target);
    if (conditional) {
      c.successors.push_back(size);
    }
  } else if (m != "ret" && m != "jr" && m != "jalr" && m != "c.jr" && m != "c.jalr") {
    c.successors.push_back(size);
  }
  return c;
}

std::string hex_of(const std::vector<unsigned char>& bytes)
{
  std::string hex;
  for (unsigned char c : bytes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x ", c);
    hex += buf;
  }
  return hex;
}

} // namespace

std::string default_block_cache(const std::string& version)
{
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::string root = xdg != nullptr && *xdg != 0 ? std::string(xdg) : home != nullptr && *home != 0 ? std::string(home) + "/.cache" : "";
  return root.empty() ? "" : root + "/eok/blocks/" + util::sha256_hex(version).substr(0, 16);
}

std::vector<std::string> disassemble_block(const std::string& llvm_mc, const std::vector<unsigned char>& bytes)
{
  std::string hex = hex_of(bytes);
  util::ProcessSpec spec;
  spec.argv = {llvm_mc, "--disassemble", "-triple=riscv64", k_mattr};
  spec.stdin_data = hex + "\n";
  spec.timeout = std::chrono::seconds(30);
  util::ProcessResult r = util::run_process(spec);
  std::vector<std::string> lines;
  if (!r.succeeded()) {
    return lines;
  }
  for (const auto& raw : util::split(r.out, '\n')) {
    std::string line = util::trim(raw);
    if (!line.empty() && line[0] != '.' && line[0] != '#') {
      lines.push_back(line);
    }
  }
  return lines;
}

BlockScheduler::BlockScheduler(const CostTable& table, std::string disk_cache)
  : m_table(table)
  , m_mc(util::find_program("llvm-mc-22"))
  , m_mca(util::find_program("llvm-mca-22"))
  , m_disk(std::move(disk_cache))
{
  if (m_mc.empty() || m_mca.empty()) {
    throw Fatal("perf.model = \"sched\" needs llvm-mc-22 and llvm-mca-22 (Debian: llvm-22); use perf.model = \"table\" without them");
  }
}

std::string BlockScheduler::disk_path(const Key& key) const
{
  const auto& [bytes, sew, lmul] = key;
  return m_disk + "/" + util::sha256_hex(hex_of(bytes) + " e" + std::to_string(sew) + " " + lmul) + ".txt";
}

bool BlockScheduler::load(const Key& key)
{
  if (m_disk.empty()) {
    return false;
  }
  std::error_code ec;
  std::string path = disk_path(key);
  if (!util::fs::is_regular_file(path, ec)) {
    return false;
  }
  // "eok-block 2 <scheduled 0|1>", then one "<latency>\t<throughput>\t<instruction>" line per
  // instruction; anything else is ignored (described again).
  std::vector<std::string> lines = util::split(util::read_file(path), '\n');
  int scheduled = 0;
  if (lines.empty() || std::sscanf(lines[0].c_str(), "eok-block 2 %d", &scheduled) != 1) {
    return false;
  }
  std::vector<std::string> text;
  std::vector<std::pair<int, double>> figures;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      continue;
    }
    // The instruction itself may hold tabs: only the first two separate fields.
    size_t a = lines[i].find('\t');
    size_t b = a == std::string::npos ? a : lines[i].find('\t', a + 1);
    int latency = 0;
    double occupancy = 0;
    if (b == std::string::npos || std::sscanf(lines[i].c_str(), "%d", &latency) != 1 ||
        std::sscanf(lines[i].c_str() + a + 1, "%lf", &occupancy) != 1) {
      return false;
    }
    figures.emplace_back(latency, occupancy);
    text.push_back(lines[i].substr(b + 1));
  }
  const auto& bytes = std::get<0>(key);
  if (static_cast<int>(text.size()) != instruction_count(bytes)) {
    return false;
  }
  m_cache[key] = describe_block(bytes, text, figures, scheduled != 0);
  return true;
}

void BlockScheduler::store(const Key& key, const std::vector<std::string>& lines, const std::vector<std::pair<int, double>>& figures,
                           bool scheduled) const
{
  if (m_disk.empty()) {
    return;
  }
  try {
    util::fs::create_directories(m_disk);
    std::string text = std::string("eok-block 2 ") + (scheduled ? "1" : "0") + "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%d\t%.17g\t", figures[i].first, figures[i].second);
      text += buf + lines[i] + "\n";
    }
    util::write_file_atomic(disk_path(key), text);
  } catch (const std::exception&) {
    // A read-only or full disk costs only speed: the figure is recomputed next time.
  }
}

std::vector<BlockCost> BlockScheduler::costs(const std::vector<BlockCount>& blocks)
{
  std::lock_guard<std::mutex> hold(m_lock);
  // All unseen blocks disassembled by one llvm-mc run, split by their instruction counts
  // (a block it cannot decode shifts the lines: then each block is disassembled alone).
  std::map<size_t, std::vector<std::string>> disassembled;
  {
    std::vector<unsigned char> all;
    std::vector<std::pair<size_t, int>> parts;
    std::set<Key> seen;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const BlockCount& b = blocks[i];
      Key key{b.bytes, b.sew, b.lmul};
      if (m_cache.count(key) != 0 || seen.count(key) != 0 || load(key)) {
        continue;
      }
      seen.insert(key);
      all.insert(all.end(), b.bytes.begin(), b.bytes.end());
      parts.emplace_back(i, instruction_count(b.bytes));
    }
    std::vector<std::string> lines = parts.empty() ? std::vector<std::string>{} : disassemble_block(m_mc, all);
    size_t total = 0;
    for (const auto& p : parts) {
      total += static_cast<size_t>(p.second);
    }
    if (lines.size() == total) {
      size_t at = 0;
      for (const auto& [i, n] : parts) {
        disassembled[i].assign(lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin() + static_cast<std::ptrdiff_t>(at + n));
        at += static_cast<size_t>(n);
      }
    }
  }
  // Blocks not seen before: one llvm-mca run describes all of them (one region each).
  std::vector<size_t> fresh;
  std::vector<std::vector<std::string>> asm_of;
  std::string input;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockCount& b = blocks[i];
    Key key{b.bytes, b.sew, b.lmul};
    if (m_cache.count(key) != 0 || load(key)) {
      continue;
    }
    std::vector<std::string> lines = disassembled.count(i) != 0 ? disassembled[i] : disassemble_block(m_mc, b.bytes);
    if (static_cast<int>(lines.size()) != instruction_count(b.bytes)) {
      BlockCost undecodable; // one cycle per instruction, no pipeline model
      undecodable.instructions = instruction_count(b.bytes);
      undecodable.cycles = undecodable.instructions;
      undecodable.successors.push_back(static_cast<int64_t>(b.bytes.size()));
      m_cache[key] = undecodable;
      continue;
    }
    m_cache[key] = BlockCost{}; // placeholder until described below (a key may repeat in `blocks`)
    std::string tag = "b" + std::to_string(fresh.size());
    input += instruments(b) + "# LLVM-MCA-BEGIN " + tag + "\n" + util::join(lines, "\n") + "\n# LLVM-MCA-END " + tag + "\n";
    fresh.push_back(i);
    asm_of.push_back(std::move(lines));
  }
  if (!fresh.empty()) {
    util::ProcessSpec spec;
    spec.argv = {m_mca,
                 "-mtriple=riscv64",
                 "-mcpu=spacemit-x60",
                 k_mattr,
                 "-iterations=1",
                 "-skip-unsupported-instructions=any",
                 "-instruction-info=true",
                 "-resource-pressure=false",
                 "-summary-view=false"};
    spec.stdin_data = input;
    spec.timeout = std::chrono::minutes(2);
    util::ProcessResult r = util::run_process(spec);
    if (!r.succeeded()) {
      throw Fatal(m_mca + ": " + r.describe() + ": " + r.err.substr(0, 1000));
    }
    // Per region, in input order, its instruction info table: "#uOps latency rthroughput
    // [flags] instruction" rows after the header ending in "Instructions:".
    static const std::regex row(R"(^\s*\d+\s+(\d+)\s+([\d.]+)\s+(?:[*U]\s+)*(\S.*)$)");
    std::vector<std::vector<std::tuple<int, double, std::string>>> regions;
    bool in_table = false;
    for (const auto& line : util::split(r.out, '\n')) {
      if (util::starts_with(line, "[1]") && line.find("Instructions:") != std::string::npos) {
        regions.emplace_back();
        in_table = true;
        continue;
      }
      std::smatch at;
      if (in_table && std::regex_match(line, at, row)) {
        regions.back().emplace_back(std::stoi(at[1]), std::stod(at[2]), at[3].str());
      } else {
        in_table = false;
      }
    }
    if (regions.size() != fresh.size()) {
      throw Fatal(m_mca + ": expected " + std::to_string(fresh.size()) + " code regions, got " + std::to_string(regions.size()));
    }
    for (size_t k = 0; k < fresh.size(); ++k) {
      const BlockCount& b = blocks[fresh[k]];
      const auto& lines = asm_of[k];
      // llvm-mca lists the instructions it knows, in order; the others (skipped) take the
      // cost table's throughput and latency 1.
      std::vector<std::pair<int, double>> figures;
      size_t j = 0;
      bool all = true;
      for (const auto& line : lines) {
        std::string m = line.substr(0, line.find_first_of(" \t"));
        const auto& known = regions[k];
        if (j < known.size() && std::get<2>(known[j]).substr(0, std::get<2>(known[j]).find_first_of(" \t")) == m) {
          figures.emplace_back(std::get<0>(known[j]), std::get<1>(known[j]));
          ++j;
        } else {
          figures.emplace_back(1, table_occupancy(m_table, line, b));
          all = false;
        }
      }
      Key key{b.bytes, b.sew, b.lmul};
      m_cache[key] = describe_block(b.bytes, lines, figures, all);
      store(key, lines, figures, all);
    }
  }
  std::vector<BlockCost> out;
  out.reserve(blocks.size());
  for (const auto& b : blocks) {
    out.push_back(m_cache.at(Key{b.bytes, b.sew, b.lmul}));
  }
  return out;
}

} // namespace eok::perf
