#include "perf/inorder.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace eok::perf {

namespace {

const std::set<std::string>& branches()
{
  static const std::set<std::string> s = {"beq",  "bne",  "blt",  "bge",  "bltu", "bgeu", "beqz", "bnez",
                                          "blez", "bgez", "bltz", "bgtz", "bgt",  "ble",  "bgtu", "bleu"};
  return s;
}

bool is_scalar_store(const std::string& m)
{
  static const std::set<std::string> s = {"sb", "sh", "sw", "sd", "fsw", "fsd", "fsh"};
  return s.count(m) != 0;
}

bool is_scalar_load(const std::string& m)
{
  static const std::set<std::string> s = {"lb", "lbu", "lh", "lhu", "lw", "lwu", "ld", "flw", "fld", "flh"};
  return s.count(m) != 0;
}

// Vector loads and stores: unit-stride, strided, indexed, whole-register, segment, mask.
bool is_vector_mem(const std::string& m, bool& store)
{
  static const std::regex mem(R"(^v([ls])(e\d+|se\d+|uxei|oxei|\d+r|seg|sseg|m\.v))");
  std::smatch at;
  if (!std::regex_search(m, at, mem)) {
    return false;
  }
  store = at[1] == "s";
  return true;
}

bool is_register(const std::string& o)
{
  static const std::regex reg(R"(^(zero|x\d+|ra|sp|gp|tp|t\d|s\d+|a\d|f[tsa]\d+|v\d+)$)");
  return std::regex_match(o, reg);
}

} // namespace

SimInsn decode_insn(const std::string& line, int latency, double occupancy)
{
  SimInsn d;
  d.latency = latency;
  d.occupancy = occupancy;
  std::string text = util::trim(line);
  size_t cut = text.find_first_of(" \t");
  std::string m = text.substr(0, cut);
  if (util::starts_with(m, "c.")) {
    m = m.substr(2);
  }
  std::vector<std::string> ops;
  if (cut != std::string::npos) {
    for (const auto& o : util::split(text.substr(cut + 1), ',')) {
      ops.push_back(util::trim(o));
    }
  }
  std::vector<std::string> regs, addr;
  bool mask = false;
  for (const auto& o : ops) {
    size_t open = o.find('(');
    if (open != std::string::npos && o.back() == ')') {
      std::string r = o.substr(open + 1, o.size() - open - 2);
      if (is_register(r)) {
        addr.push_back(r);
      }
    } else if (o == "v0.t") {
      mask = true;
    } else if (is_register(o)) {
      regs.push_back(o);
    }
  }
  bool vector = m[0] == 'v' && !util::starts_with(m, "vset");
  bool vstore = false;
  bool vmem = vector && is_vector_mem(m, vstore);
  bool sources_only = branches().count(m) != 0 || is_scalar_store(m) || vstore || m == "j" || m == "jr" || m == "ret";
  if (sources_only) {
    d.src = regs;
  } else if (!regs.empty()) {
    d.dst = {regs.front()};
    d.src.assign(regs.begin() + 1, regs.end());
    // Multiply-accumulate forms read their destination.
    static const std::regex acc(R"(^vf?w?n?m(acc|sac|add|sub)\.)");
    if (vector && std::regex_search(m, acc)) {
      d.src.push_back(regs.front());
    }
  }
  if (mask) {
    d.src.emplace_back("v0");
  }
  if (m == "ret") {
    d.src = {"ra"};
  }
  // vl as a register: written by fault-only-first loads, read by csrr.
  if (m == "csrr" && ops.size() == 2 && ops[1] == "vl") {
    d.src.emplace_back("vl");
  }
  if (vmem && m.find("ff.") != std::string::npos) {
    d.dst.emplace_back("vl");
  }
  if (util::starts_with(m, "vset")) {
    d.vtype = m == "vsetvl" || ops.size() < 4 ? "?" : ops[2] + "," + ops[3];
  }
  d.addr = addr;
  auto drop_zero = [](std::vector<std::string>& v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](const std::string& r) { return r == "zero" || r == "x0"; }), v.end());
  };
  drop_zero(d.dst);
  drop_zero(d.src);
  drop_zero(d.addr);
  if (vector) {
    static const std::set<std::string> to_scalar = {"vfirst.m", "vcpop.m", "vmv.x.s", "vfmv.f.s"};
    d.kind = to_scalar.count(m) != 0 ? SimKind::vector_to_scalar : vmem ? SimKind::vector_mem : SimKind::vector_alu;
  } else if (is_scalar_load(m)) {
    d.kind = SimKind::load;
    d.latency = k_scalar_load_latency;
  } else if (is_scalar_store(m)) {
    d.kind = SimKind::store;
  } else if (branches().count(m) != 0 || m == "j" || m == "jal" || m == "jr" || m == "jalr" || m == "ret") {
    d.kind = SimKind::branch;
  }
  return d;
}

double steady_cycles(const std::vector<const SimInsn*>& body)
{
  if (body.empty()) {
    return 0;
  }
  constexpr int k_runs = 24; // iterations simulated; the second half gives the steady state
  std::map<std::string, double> ready;
  auto ready_at = [&](const std::string& r) {
    auto it = ready.find(r);
    return it == ready.end() ? 0.0 : it->second;
  };
  double t = 0;
  int slots = 0, mem = 0, branch = 0, vec = 0;
  double vector_last = 0, alu_free = 0, mem_free = 0, scalar_long_free = 0;
  double vector_done = 0; // when every vector instruction started so far has finished
  std::string live_vtype; // set by the last vset* seen ("" before the first)
  std::vector<double> vector_starts;
  std::vector<double> ends;
  for (int run = 0; run < k_runs; ++run) {
    double end = 0;
    for (const SimInsn* d : body) {
      bool is_vector = d->kind == SimKind::vector_alu || d->kind == SimKind::vector_mem || d->kind == SimKind::vector_to_scalar;
      bool is_mem = d->kind == SimKind::load || d->kind == SimKind::store || d->kind == SimKind::vector_mem;
      bool is_branch = d->kind == SimKind::branch;
      double need = 0;
      for (const auto& r : d->addr) {
        need = std::max(need, ready_at(r));
      }
      // A scalar store reads its data late; a vector instruction reads vector registers in the
      // vector unit: only scalar operands hold up issue.
      if (d->kind != SimKind::store) {
        for (const auto& r : d->src) {
          if (!is_vector || r[0] != 'v') {
            need = std::max(need, ready_at(r));
          }
        }
      }
      // Scalar work that is not pipelined (LLVM's reciprocal throughput above 1: divide,
      // square root) holds its unit busy.
      if (!d->vtype.empty()) {
        if (!live_vtype.empty() && (d->vtype != live_vtype || d->vtype == "?")) {
          need = std::max(need, vector_done);
        }
        live_vtype = d->vtype;
      }
      bool long_scalar = !is_vector && d->occupancy > 1;
      if (long_scalar) {
        need = std::max(need, scalar_long_free);
      }
      double at = std::max(t, need);
      if (is_vector && vector_starts.size() >= static_cast<size_t>(k_vector_queue)) {
        at = std::max(at, vector_starts[vector_starts.size() - k_vector_queue]);
      }
      if (at > t) {
        t = at;
        slots = mem = branch = vec = 0;
      }
      // Two instructions a cycle, at most one memory access, one branch, one vector hand-off.
      while (slots >= 2 || (is_mem && mem >= 1) || (is_branch && branch >= 1) || (is_vector && vec >= 1)) {
        t += 1;
        slots = mem = branch = vec = 0;
      }
      ++slots;
      mem += is_mem ? 1 : 0;
      branch += is_branch ? 1 : 0;
      vec += is_vector ? 1 : 0;
      if (is_vector) {
        double& pipe = d->kind == SimKind::vector_mem ? mem_free : alu_free;
        double start = std::max({t + 1, vector_last, pipe});
        for (const auto& r : d->src) {
          if (r[0] == 'v') {
            start = std::max(start, ready_at(r));
          }
        }
        vector_last = start;
        pipe = start + d->occupancy;
        vector_starts.push_back(start);
        double done = start + d->latency;
        vector_done = std::max(vector_done, std::max(done, start + d->occupancy));
        for (const auto& r : d->dst) {
          bool scalar = r[0] != 'v' || r == "vl";
          ready[r] = done + (scalar ? k_vector_to_scalar : 0);
        }
        end = std::max(end, start + d->occupancy);
      } else {
        if (long_scalar) {
          scalar_long_free = t + d->occupancy;
        }
        for (const auto& r : d->dst) {
          ready[r] = t + d->latency;
        }
        end = std::max(end, t + 1);
      }
    }
    ends.push_back(end);
  }
  int half = k_runs / 2;
  return (ends.back() - ends[half - 1]) / (k_runs - half);
}

bool branch_target(const std::string& last_line, int64_t last_offset, int64_t& target, bool& conditional)
{
  std::string text = util::trim(last_line);
  size_t cut = text.find_first_of(" \t");
  std::string m = text.substr(0, cut);
  if (util::starts_with(m, "c.")) {
    m = m.substr(2);
  }
  bool direct_jump = m == "j" || m == "jal";
  conditional = branches().count(m) != 0;
  if ((!direct_jump && !conditional) || cut == std::string::npos) {
    return false;
  }
  std::vector<std::string> ops = util::split(text.substr(cut + 1), ',');
  std::string imm = util::trim(ops.back());
  if (imm.empty() || (std::isdigit(static_cast<unsigned char>(imm[0])) == 0 && imm[0] != '-')) {
    return false;
  }
  try {
    target = last_offset + std::stoll(imm);
  } catch (const std::exception&) {
    return false;
  }
  return true;
}

} // namespace eok::perf
