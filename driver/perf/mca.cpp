#include "perf/mca.hpp"

#include "perf/model.hpp"
#include "util/error.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

#include <map>
#include <tuple>

namespace eok::perf {

namespace {

constexpr int k_iterations = 100;

struct Body
{
  const char* name;
  const char* text;
};

const std::vector<Body>& bodies()
{
  static const std::vector<Body> list = {
      {"relu e32m1 loop", "vsetvli t0, a2, e32, m1, ta, ma\nvle32.v v8, (a1)\nvfmax.vf v8, v8, fa0\n"
                          "vse32.v v8, (a0)\nsub a2, a2, t0\nslli t1, t0, 2\nadd a1, a1, t1\nadd a0, a0, t1\n"
                          "bnez a2, .Lloop\n"},
      {"relu e32m8 loop", "vsetvli t0, a2, e32, m8, ta, ma\nvle32.v v8, (a1)\nvfmax.vf v8, v8, fa0\n"
                          "vse32.v v8, (a0)\nsub a2, a2, t0\nslli t1, t0, 2\nadd a1, a1, t1\nadd a0, a0, t1\n"
                          "bnez a2, .Lloop\n"},
      {"relu scalar loop", "flw fa5, 0(a1)\nfmax.s fa5, fa5, fa0\nfsw fa5, 0(a0)\naddi a1, a1, 4\n"
                           "addi a0, a0, 4\naddi a2, a2, -1\nbnez a2, .Lloop\n"},
      {"saxpy e32m4 loop", "vsetvli t0, a2, e32, m4, ta, ma\nvle32.v v8, (a1)\nvle32.v v12, (a0)\n"
                           "vfmacc.vf v12, fa0, v8\nvse32.v v12, (a0)\nsub a2, a2, t0\nslli t1, t0, 2\n"
                           "add a1, a1, t1\nadd a0, a0, t1\nbnez a2, .Lloop\n"},
      {"vfdiv e32m8 x8", "vsetvli t0, zero, e32, m8, ta, ma\nvfdiv.vv v8, v16, v24\nvfdiv.vv v8, v16, v24\n"
                         "vfdiv.vv v8, v16, v24\nvfdiv.vv v8, v16, v24\nvfdiv.vv v8, v16, v24\n"
                         "vfdiv.vv v8, v16, v24\nvfdiv.vv v8, v16, v24\nvfdiv.vv v8, v16, v24\n"},
      {"vredsum e32m8 x4", "vsetvli t0, zero, e32, m8, ta, ma\nvredsum.vs v8, v16, v8\nvredsum.vs v8, v16, v8\n"
                           "vredsum.vs v8, v16, v8\nvredsum.vs v8, v16, v8\n"},
  };
  return list;
}

} // namespace

Counts counts_of_body(const std::string& body)
{
  std::map<std::tuple<std::string, int, std::string, bool>, uint64_t> seen;
  int sew = -1;
  std::string lmul = "?";
  for (const auto& raw : util::split(body, '\n')) {
    std::string line = util::trim(raw);
    if (line.empty()) {
      continue;
    }
    std::string mnemonic = line.substr(0, line.find(' '));
    bool vector = mnemonic[0] == 'v';
    if (util::starts_with(mnemonic, "vset")) {
      for (const auto& op : util::split(line.substr(mnemonic.size()), ',')) {
        std::string o = util::trim(op);
        if (o.size() > 1 && o[0] == 'e' && std::isdigit(static_cast<unsigned char>(o[1])) != 0) {
          sew = std::stoi(o.substr(1));
        } else if (o.size() > 1 && o[0] == 'm' && o != "ma" && o != "mu") {
          lmul = o;
        }
      }
    }
    seen[{mnemonic, vector ? sew : 0, vector ? lmul : "", line.find("v0.t") != std::string::npos}] += 1;
  }
  Counts c;
  c.roi_entries = 1;
  for (const auto& [key, n] : seen) {
    c.insns.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), std::get<3>(key), n, 0});
  }
  return c;
}

std::string find_mca()
{
  return util::find_program("llvm-mca-22");
}

std::vector<McaRow> mca_crosscheck(const CostTable& table, const std::string& mca)
{
  std::vector<McaRow> rows;
  for (const auto& b : bodies()) {
    util::ProcessSpec spec;
    spec.argv = {mca, "-mtriple=riscv64", "-mcpu=spacemit-x60", "-mattr=+v,+zfh,+zvfh", "-iterations=" + std::to_string(k_iterations)};
    spec.stdin_data = b.text;
    spec.timeout = std::chrono::seconds(60);
    util::ProcessResult r = util::run_process(spec);
    size_t at = r.out.find("Total Cycles:");
    if (!r.succeeded() || at == std::string::npos) {
      throw Fatal(mca + ": " + r.describe() + ": " + r.err.substr(0, 1000));
    }
    double total = std::stod(r.out.substr(at + 13));
    rows.push_back({b.name, model_cycles(counts_of_body(b.text), table, 0).cycles, total / k_iterations});
  }
  return rows;
}

} // namespace eok::perf
