#include "perf/validate.hpp"

#include "perf/mca.hpp"

#include "perf/model.hpp"
#include "perf/program.hpp"
#include "perf/runner_impl.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace eok::perf {

extern const char* const k_x60_kernels_csv; // x60_kernels.csv, embedded at build time (embed_text.py)
extern const char* const k_x60_kernels_c;   // x60_kernels.c: eok's own whole kernels (family/impl table there)

namespace {

constexpr int k_unroll = 64;  // instructions per loop iteration (loop overhead < 3%)
constexpr int k_repeats = 50; // loop iterations

struct Micro
{
  const char* insn; // the instruction as written in the loop body
  const char* mnemonic;
  int sew;
  const char* lmul;
  bool masked;
};

// Instructions across classes, element widths and LMULs, each with a published figure.
const std::vector<Micro>& micros()
{
  static const std::vector<Micro> list = {
      {"vadd.vv v8, v16, v24", "vadd.vv", 8, "m1", false},
      {"vadd.vv v8, v16, v24", "vadd.vv", 32, "m1", false},
      {"vadd.vv v8, v16, v24", "vadd.vv", 32, "m8", false},
      {"vadd.vv v8, v16, v24, v0.t", "vadd.vv", 32, "m4", true},
      {"vmul.vx v8, v16, t2", "vmul.vx", 64, "m4", false},
      {"vfadd.vv v8, v16, v24", "vfadd.vv", 16, "m4", false},
      {"vfadd.vv v8, v16, v24", "vfadd.vv", 32, "m1", false},
      {"vfmacc.vv v8, v16, v24", "vfmacc.vv", 32, "m8", false},
      {"vfmacc.vv v8, v16, v24", "vfmacc.vv", 64, "m8", false},
      {"vfdiv.vv v8, v16, v24", "vfdiv.vv", 32, "m8", false},
      {"vfdiv.vv v8, v16, v24", "vfdiv.vv", 64, "m1", false},
      {"vfsqrt.v v8, v16", "vfsqrt.v", 32, "m4", false},
      {"vredsum.vs v8, v16, v24", "vredsum.vs", 32, "m8", false},
      {"vfredusum.vs v8, v16, v24", "vfredusum.vs", 32, "m4", false},
      {"vrgather.vv v8, v16, v24", "vrgather.vv", 32, "m2", false},
      {"vle32.v v8, (a0)", "vle32.v", 32, "m1", false},
      {"vle32.v v8, (a0)", "vle32.v", 32, "m8", false},
      {"vle8.v v8, (a0)", "vle8.v", 8, "m8", false},
      {"vse32.v v8, (a0)", "vse32.v", 32, "m8", false},
      {"vlse32.v v8, (a0), t3", "vlse32.v", 32, "m2", false},
  };
  return list;
}

std::string micro_source()
{
  std::string src = "#include <stdlib.h>\n#include <string.h>\nstatic float buf[4096];\n";
  for (size_t i = 0; i < micros().size(); ++i) {
    const Micro& m = micros()[i];
    std::string body;
    for (int k = 0; k < k_unroll; ++k) {
      body += std::string("\"") + m.insn + "\\n\"\n";
    }
    src += "static void k" + std::to_string(i) + "(void) {\n  __asm__ volatile(\"mv a0, %0\\n li t2, 3\\n li t3, 4\\n" +
           "vsetvli t0, zero, e8, m1, ta, ma\\n vmv.v.i v0, -1\\n vsetvli t0, zero, e" + std::to_string(m.sew) + ", " + m.lmul +
           ", ta, ma\\n vmv.v.i v16, 1\\n vmv.v.i v24, 2\\n vmv.v.i v8, 0\\n" + "li t1, " + std::to_string(k_repeats) +
           "\\n slti x0, x0, 1\\n 1:\\n\"\n" + body +
           "\"addi t1, t1, -1\\n bnez t1, 1b\\n slti x0, x0, 2\\n\" :: \"r\"(buf) : \"t0\", \"t1\", \"t2\", \"t3\", "
           "\"a0\", \"memory\", \"v0\", \"v8\", \"v9\", \"v10\", \"v11\", \"v12\", \"v13\", \"v14\", \"v15\", \"v16\", "
           "\"v17\", \"v18\", \"v19\", \"v20\", \"v21\", \"v22\", \"v23\", \"v24\", \"v25\", \"v26\", \"v27\", "
           "\"v28\", \"v29\", \"v30\", \"v31\");\n}\n";
  }
  src += "int main(int argc, char **argv) {\n  if (argc != 2) return 2;\n  switch (atoi(argv[1])) {\n";
  for (size_t i = 0; i < micros().size(); ++i) {
    src += "  case " + std::to_string(i) + ": k" + std::to_string(i) + "(); break;\n";
  }
  return src + "  default: return 2;\n  }\n  return 0;\n}\n";
}

// memcpy as rvv-bench's rvv_m8 variant does it: e8 m8 loads and stores.
const char* const k_memcpy_c = R"(
#include <riscv_vector.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) void copy(unsigned char *d, const unsigned char *s, size_t n) {
  for (size_t vl; n > 0; n -= vl, s += vl, d += vl) {
    vl = __riscv_vsetvl_e8m8(n);
    __riscv_vse8_v_u8m8(d, __riscv_vle8_v_u8m8(s, vl), vl);
  }
}
int main(int argc, char **argv) {
  if (argc < 2) return 2;
  size_t n = strtoul(argv[1], 0, 0);
  unsigned char *s = malloc(n), *d = malloc(n);
  memset(s, 1, n);
  memset(d, 2, n);
  __asm__ volatile("slti x0, x0, 1" ::: "memory");
  copy(d, s, n);
  __asm__ volatile("slti x0, x0, 2" ::: "memory");
  return d[n / 2] == 1 ? 0 : 1;
}
)";

struct KernelFigure
{
  std::string family, impl;
  long n = 0;
  double published = 0; // n / cycles
};

std::vector<KernelFigure> kernel_figures()
{
  std::vector<KernelFigure> rows;
  std::istringstream in(k_x60_kernels_csv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("family,", 0) == 0) {
      continue;
    }
    std::istringstream f(line);
    KernelFigure k;
    std::string n, published;
    std::getline(f, k.family, ',');
    std::getline(f, k.impl, ',');
    std::getline(f, n, ',');
    std::getline(f, published, ',');
    k.n = std::stol(n);
    k.published = std::stod(published);
    rows.push_back(k);
  }
  return rows;
}

// Which function of x60_kernels.c runs a published implementation: {family, impl} indices.
std::pair<int, int> kernel_program(const std::string& family, const std::string& impl)
{
  static const std::vector<std::string> families = {"byteswap", "memreverse", "strlen", "utf8_count", "LUT4", "mergelines"};
  static const std::vector<std::string> rvv = {"rvv_vrgather_m", "rvv_vlse_m", "rvv_m", "rvv_m", "rvv_vrgather_m", "rvv_vslide_m"};
  auto f = std::find(families.begin(), families.end(), family);
  if (f != families.end()) {
    auto at = static_cast<size_t>(f - families.begin());
    if (impl == "scalar") {
      return {static_cast<int>(at), 0};
    }
    for (int l = 1, i = 1; l <= 8; l *= 2, ++i) {
      if (impl == rvv[at] + std::to_string(l)) {
        return {static_cast<int>(at), i};
      }
      if (family == "byteswap" && l > 1 && impl == "rvv_m1_vrgathers_m" + std::to_string(l)) {
        return {0, 3 + i}; // 5..7: LMUL 2..8 words, m1 gathers
      }
    }
  }
  throw Fatal("perf validate: x60_kernels.csv names " + family + " implementation '" + impl + "' that eok has no equivalent of");
}

// The bytes a kernel touches for n (its working set, which picks the memory level): byteswap32
// swaps n 4-byte elements in place, memreverse copies n bytes, the others work on n bytes
// (LUT4 and mergelines in place).
double kernel_bytes(const std::string& family, long n)
{
  double m = family == "byteswap" ? 4.0 : family == "memreverse" ? 2.0 : 1.0;
  return m * static_cast<double>(n);
}

// The published curve at `size`: the nearest measured size (log scale).
double published_at(const CostTable& table, double size)
{
  const auto& curve = table.memcpy_curve();
  auto best = std::min_element(curve.begin(), curve.end(), [&](const auto& a, const auto& b) {
    return std::fabs(std::log(a.first / size)) < std::fabs(std::log(b.first / size));
  });
  return best->second;
}

std::string size_name(double bytes)
{
  return bytes >= 1048576 ? std::to_string(static_cast<long>(bytes / 1048576)) + " MiB"
                          : std::to_string(static_cast<long>(bytes / 1024)) + " KiB";
}

ModelRunner& model_runner(std::unique_ptr<Runner>& r)
{
  return dynamic_cast<ModelRunner&>(*r);
}

} // namespace

Validation validate_model(const target::Target& target, const std::string& work_dir,
                          const std::function<void(const std::string&)>& progress)
{
  auto runner = make_runner("model", target);
  ModelRunner& model = model_runner(runner);
  const CostTable& table = model.table();
  Validation v;

  progress("building microkernels");
  std::string micro = build_program(target, work_dir, "micro", micro_source()).value();
  for (size_t i = 0; i < micros().size(); ++i) {
    const Micro& m = micros()[i];
    std::string name = std::string(m.mnemonic) + " e" + std::to_string(m.sew) + m.lmul + (m.masked ? " v0.t" : "");
    progress("microkernel " + name);
    Counts counts = model.count({micro, std::to_string(i)}).value();
    ModelBreakdown b = model_cycles(counts, table, 16384); // buffers are L1-resident
    VectorCost published = table.vector_cost(m.mnemonic, m.sew, m.lmul, m.masked);
    if (published.origin != "measured") {
      throw Fatal("perf validate: no published figure for " + name + " (" + published.origin + ")");
    }
    // The instruction costs alone: this checks the table, not the memory term.
    v.instructions.push_back({name, published.cycles, b.compute / (k_unroll * k_repeats), ""});
  }

  progress("building memcpy");
  std::string copy = build_program(target, work_dir, "memcpy", k_memcpy_c).value();
  for (double size : {4096.0, 8192.0, 16384.0, 65536.0, 131072.0, 262144.0, 1048576.0, 4194304.0, 16777216.0}) {
    progress("memcpy " + size_name(size));
    Counts counts = model.count({copy, std::to_string(static_cast<long>(size))}).value();
    ModelBreakdown b = model_cycles(counts, table, 2 * size); // source + destination
    v.memcpy.push_back({"memcpy " + size_name(size), published_at(table, size), size / b.cycles, b.level});
  }

  progress("building whole kernels");
  std::string kernels = build_program(target, work_dir, "kernels", k_x60_kernels_c).value();
  std::unique_ptr<BlockScheduler> sched;
  if (!find_mca().empty()) {
    sched = std::make_unique<BlockScheduler>(table);
  }
  for (const KernelFigure& k : kernel_figures()) {
    std::string name = k.family + " " + k.impl + " n=" + std::to_string(k.n);
    progress(name);
    auto [family, impl] = kernel_program(k.family, k.impl);
    Counts counts = model.count({kernels, std::to_string(family), std::to_string(impl), std::to_string(k.n)}).value();
    ModelBreakdown b = model_cycles(counts, table, kernel_bytes(k.family, k.n)); // source + destination
    v.kernels.push_back({name, k.published, static_cast<double>(k.n) / b.cycles, b.level});
    if (sched) {
      ModelBreakdown s = model_cycles_sched(counts, table, kernel_bytes(k.family, k.n), *sched);
      v.kernels_sched.push_back({name, k.published, static_cast<double>(k.n) / s.cycles, s.level});
    }
  }
  return v;
}

std::vector<BenchRow> bench_plugin(const target::Target& target, const std::string& work_dir, int repetitions,
                                   const std::function<void(const std::string&)>& progress)
{
  auto runner = make_runner("model", target);
  std::string plugin = qemu_plugin_path();
  std::string copy = build_program(target, work_dir, "memcpy", k_memcpy_c).value();
  std::vector<BenchRow> rows;
  for (long size : {16384L, 67108864L}) {
    BenchRow row{"memcpy e8m8 " + size_name(static_cast<double>(size)), 0, 0};
    std::vector<double> plain, model;
    for (int r = 0; r < repetitions; ++r) {
      progress(row.shape + " run " + std::to_string(r + 1));
      util::ProcessSpec spec;
      spec.argv = target.exe_wrapper;
      spec.argv.insert(spec.argv.end(), {copy, std::to_string(size)});
      util::ProcessResult p = util::run_process(spec);
      if (!p.succeeded()) {
        throw Fatal("perf bench: " + copy + ": " + p.describe());
      }
      plain.push_back(p.wall_seconds);
      util::fs::path out = util::fs::path(work_dir) / "bench-counts.txt";
      spec.argv = target.exe_wrapper;
      spec.argv.insert(spec.argv.end(), {"-plugin", plugin + ",out=" + out.string(), copy, std::to_string(size)});
      util::ProcessResult m = util::run_process(spec);
      if (!m.succeeded()) {
        throw Fatal("perf bench: " + copy + " with the plugin: " + m.describe());
      }
      model.push_back(m.wall_seconds);
    }
    std::sort(plain.begin(), plain.end());
    std::sort(model.begin(), model.end());
    row.plain_seconds = plain[plain.size() / 2];
    row.model_seconds = model[model.size() / 2];
    rows.push_back(row);
  }
  return rows;
}

} // namespace eok::perf
