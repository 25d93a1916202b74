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
#include <set>

namespace eok::perf {

namespace {

constexpr int k_iterations = 100;
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

// The cost table's figure for a disassembled block (fallback when llvm-mca refuses it).
double table_cycles(const CostTable& table, const std::vector<std::string>& lines, const BlockCount& b)
{
  double cycles = 0;
  for (const auto& line : lines) {
    std::string m = line.substr(0, line.find_first_of(" \t"));
    InsnInfo info = describe_insn(m, b.sew);
    if (info.unit == Unit::scalar) {
      cycles += table.scalar_cost(info.scalar_class);
    } else if (info.unit != Unit::marker) {
      cycles += table.vector_cost(m, b.sew, b.lmul, line.find("v0.t") != std::string::npos).cycles;
    }
  }
  return cycles;
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
  // "<cycles> <instructions> <scheduled 0|1>"; anything else is ignored (scheduled again).
  BlockCost c;
  int scheduled = 0;
  std::string text = util::read_file(path);
  if (std::sscanf(text.c_str(), "%lf %d %d", &c.cycles, &c.instructions, &scheduled) != 3) {
    return false;
  }
  c.scheduled = scheduled != 0;
  m_cache[key] = c;
  return true;
}

void BlockScheduler::store(const Key& key, const BlockCost& cost) const
{
  if (m_disk.empty()) {
    return;
  }
  try {
    util::fs::create_directories(m_disk);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.17g %d %d\n", cost.cycles, cost.instructions, cost.scheduled ? 1 : 0);
    util::write_file_atomic(disk_path(key), buf);
  } catch (const std::exception&) {
    // A read-only or full disk costs only speed: the figure is recomputed next time.
  }
}

std::vector<BlockCost> BlockScheduler::costs(const std::vector<BlockCount>& blocks)
{
  std::lock_guard<std::mutex> hold(m_lock);
  // Blocks not seen before: disassemble, then schedule all of them in one llvm-mca run
  // (two regions each: the block once and twice).
  std::vector<size_t> fresh;
  std::vector<std::vector<std::string>> asm_of;
  std::string input;
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
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockCount& b = blocks[i];
    Key key{b.bytes, b.sew, b.lmul};
    if (m_cache.count(key) != 0 || load(key)) {
      continue;
    }
    BlockCost fallback;
    fallback.instructions = instruction_count(b.bytes);
    std::vector<std::string> lines = disassembled.count(i) != 0 ? disassembled[i] : disassemble_block(m_mc, b.bytes);
    if (static_cast<int>(lines.size()) != fallback.instructions) {
      fallback.cycles = fallback.instructions; // undecodable: one cycle per instruction
      m_cache[key] = fallback;
      continue;
    }
    fallback.cycles = table_cycles(m_table, lines, b);
    m_cache[key] = fallback; // replaced below when llvm-mca schedules it
    std::string body = util::join(lines, "\n") + "\n";
    std::string tag = "b" + std::to_string(fresh.size());
    input += instruments(b) + "# LLVM-MCA-BEGIN " + tag + "x1\n" + body + "# LLVM-MCA-END " + tag + "x1\n";
    input += instruments(b) + "# LLVM-MCA-BEGIN " + tag + "x2\n" + body + body + "# LLVM-MCA-END " + tag + "x2\n";
    fresh.push_back(i);
    asm_of.push_back(std::move(lines));
  }
  if (!fresh.empty()) {
    util::ProcessSpec spec;
    spec.argv = {m_mca,
                 "-mtriple=riscv64",
                 "-mcpu=spacemit-x60",
                 k_mattr,
                 "-iterations=" + std::to_string(k_iterations),
                 "-skip-unsupported-instructions=any",
                 "-instruction-info=false",
                 "-resource-pressure=false"};
    spec.stdin_data = input;
    spec.timeout = std::chrono::minutes(2);
    util::ProcessResult r = util::run_process(spec);
    if (!r.succeeded()) {
      throw Fatal(m_mca + ": " + r.describe() + ": " + r.err.substr(0, 1000));
    }
    // Per region, in input order: "Instructions: <n>" then "Total Cycles: <c>".
    std::vector<std::pair<double, double>> regions;
    for (const auto& line : util::split(r.out, '\n')) {
      if (util::starts_with(line, "Instructions:")) {
        regions.push_back({std::stod(line.substr(13)), 0});
      } else if (util::starts_with(line, "Total Cycles:") && !regions.empty()) {
        regions.back().second = std::stod(line.substr(13));
      }
    }
    if (regions.size() != 2 * fresh.size()) {
      throw Fatal(m_mca + ": expected " + std::to_string(2 * fresh.size()) + " code regions, got " + std::to_string(regions.size()));
    }
    for (size_t k = 0; k < fresh.size(); ++k) {
      const BlockCount& b = blocks[fresh[k]];
      BlockCost& cost = m_cache[Key{b.bytes, b.sew, b.lmul}];
      auto [n1, c1] = regions[2 * k];
      auto [n2, c2] = regions[2 * k + 1];
      // Instructions llvm-mca skipped (no scheduling class) cost one cycle each.
      double skipped = static_cast<double>(cost.instructions) - n1 / k_iterations;
      double per_execution = (c2 - c1) / k_iterations + std::max(0.0, skipped);
      if (n1 > 0 && per_execution > 0) {
        cost.cycles = per_execution;
        cost.scheduled = true;
      }
    }
  }
  for (size_t k = 0; k < fresh.size(); ++k) {
    const BlockCount& b = blocks[fresh[k]];
    Key key{b.bytes, b.sew, b.lmul};
    store(key, m_cache.at(key));
  }
  std::vector<BlockCost> out;
  out.reserve(blocks.size());
  for (const auto& b : blocks) {
    out.push_back(m_cache.at(Key{b.bytes, b.sew, b.lmul}));
  }
  return out;
}

} // namespace eok::perf
