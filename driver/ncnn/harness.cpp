#include "ncnn/harness.hpp"

#include <cstdio>

namespace eok::ncnn {

namespace {

std::string shape_text(const Shape& s)
{
  return "{" + std::to_string(s.w) + ", " + std::to_string(s.h) + ", " + std::to_string(s.c) + "}";
}

std::string number(double v)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// The program's fixed part (after the op's constants).
const char* k_body = R"EOK(
static uint64_t g_rng;
static uint64_t next_u64()
{
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 7;
  g_rng ^= g_rng << 17;
  return g_rng;
}
static float uniform()
{
  return (float)(k_lo + (k_hi - k_lo) * ((next_u64() >> 11) * (1.0 / 9007199254740992.0)));
}
static float special(uint64_t i)
{
  static const float k_specials[] = {NAN, INFINITY, -INFINITY, 0.f, -0.f, 1e-40f, -1e-40f, FLT_MAX, -FLT_MAX, FLT_MIN,
                                     (float)k_lo, (float)k_hi};
  const uint64_t n = sizeof(k_specials) / sizeof(k_specials[0]);
  return k_nan_on ? k_specials[i % n] : k_specials[1 + i % (n - 1)];
}

static int packn()
{
  uint64_t vlenb = 0;
  __asm__ volatile("csrr %0, vlenb" : "=r"(vlenb));
  return (int)(vlenb / 4);
}

static ncnn::Option options()
{
  ncnn::Option opt;
  opt.num_threads = 1;
  opt.use_packing_layout = true;
  opt.use_fp16_packed = false;
  opt.use_fp16_storage = false;
  opt.use_fp16_arithmetic = false;
  opt.use_bf16_storage = false;
  return opt;
}

static ncnn::Layer* make_layer(bool naive)
{
  ncnn::ParamDict pd;
  for (int i = 0; i < k_nparams; i++) {
    if (k_param_int[i]) {
      pd.set(k_param_ids[i], (int)k_param_values[i]);
    } else {
      pd.set(k_param_ids[i], (float)k_param_values[i]);
    }
  }
  ncnn::Layer* l = naive ? ncnn::create_layer_naive(k_type) : ncnn::create_layer_cpu(k_type);
  if (!l) {
    std::printf("eok-harness: no layer '%s'\n", k_type);
    std::exit(2);
  }
  l->load_param(pd);
  l->create_pipeline(options());
  return l;
}

// planar (elempack 1) data of w*h per channel
static void fill(std::vector<float>& v, int n, bool with_specials)
{
  v.resize(n);
  for (int i = 0; i < n; i++) {
    v[i] = uniform();
    if (with_specials && k_specials_on && next_u64() % 8 == 0) {
      v[i] = special(next_u64());
    }
  }
}

static const float k_sentinel = -7.25e33f;

// a Mat of the shape at `elempack` holding `v` (planar order), padding set to the sentinel
static ncnn::Mat to_mat(const std::vector<float>& v, const Shape& s, int elempack)
{
  ncnn::Mat m(s.w, s.h, s.c / elempack, 4u * elempack, elempack);
  float* all = (float*)m.data;
  for (size_t i = 0; i < m.cstep * m.c * elempack; i++) {
    all[i] = k_sentinel;
  }
  const int plane = s.w * s.h;
  for (int q = 0; q < s.c; q++) {
    float* p = (float*)m.channel(q / elempack);
    for (int i = 0; i < plane; i++) {
      p[i * elempack + q % elempack] = v[(size_t)q * plane + i];
    }
  }
  return m;
}

// back to planar; false when the padding was written
static bool from_mat(const ncnn::Mat& m, const Shape& s, int elempack, std::vector<float>& out)
{
  const int plane = s.w * s.h;
  out.resize((size_t)plane * s.c);
  for (int q = 0; q < s.c; q++) {
    const float* p = (const float*)m.channel(q / elempack);
    for (int i = 0; i < plane; i++) {
      out[(size_t)q * plane + i] = p[i * elempack + q % elempack];
    }
  }
  const float* all = (const float*)m.data;
  for (int q = 0; q < m.c; q++) {
    for (size_t i = (size_t)plane * elempack; i < m.cstep * elempack; i++) {
      if (std::memcmp(&all[q * m.cstep * elempack + i], &k_sentinel, 4) != 0) {
        return false;
      }
    }
  }
  return true;
}

static bool close_enough(float got, float want)
{
  if (std::isnan(want) || std::isnan(got)) {
    return std::isnan(want) && std::isnan(got);
  }
  if (std::isinf(want) || std::isinf(got)) {
    return got == want;
  }
  return std::fabs((double)got - want) <= k_atol + k_rtol * std::fabs((double)want);
}

static int compare(const Shape& s, int elempack, const std::vector<float>& in, const char* what)
{
  ncnn::Layer* naive = make_layer(true);
  ncnn::Layer* opt = make_layer(false);
  ncnn::Mat a = to_mat(in, s, 1);
  ncnn::Mat b = to_mat(in, s, elempack);
  const ncnn::Option o = options();
  if (naive->forward_inplace(a, o) != 0 || opt->forward_inplace(b, o) != 0) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: forward failed\n", what, s.w, s.h, s.c, elempack);
    return 1;
  }
  std::vector<float> want, got;
  from_mat(a, s, 1, want);
  if (!from_mat(b, s, elempack, got)) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: wrote into the channel padding\n", what, s.w, s.h, s.c,
                elempack);
    return 1;
  }
  for (size_t i = 0; i < want.size(); i++) {
    if (!close_enough(got[i], want[i])) {
      std::printf("eok-mismatch %s shape %d %d %d elempack %d index %zu input %.9g: naive %.9g, optimised %.9g\n", what,
                  s.w, s.h, s.c, elempack, i, in[i], want[i], got[i]);
      return 1;
    }
  }
  delete naive;
  delete opt;
  return 0;
}

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::printf("usage: %s check|perf SEED\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  g_rng = std::strtoull(argv[2], nullptr, 10) * 0x9e3779b97f4a7c15ull + 1;
  const int pn = packn();
  if (mode == "check") {
    for (const Shape& s : k_shapes) {
      for (int elempack : {1, pn > 1 ? pn : 0}) {
        if (elempack == 0 || s.c % elempack != 0) {
          continue;
        }
        std::vector<float> in;
        fill(in, s.w * s.h * s.c, true);
        if (compare(s, elempack, in, "check") != 0) {
          return 1;
        }
      }
    }
    std::printf("eok-check-ok\n");
    return 0;
  }
  if (mode == "perf") {
    const Shape s = k_perf;
    const int elempack = s.c % pn == 0 ? pn : 1;
    std::vector<float> in;
    fill(in, s.w * s.h * s.c, false);
    ncnn::Layer* opt = make_layer(false);
    ncnn::Mat b = to_mat(in, s, elempack);
    const ncnn::Option o = options();
    __asm__ volatile("slti x0, x0, 1" ::: "memory");
    const int rc = opt->forward_inplace(b, o);
    __asm__ volatile("slti x0, x0, 2" ::: "memory");
    if (rc != 0) {
      return 1;
    }
    ncnn::Layer* naive = make_layer(true);
    ncnn::Mat a = to_mat(in, s, 1);
    naive->forward_inplace(a, o);
    std::vector<float> want, got;
    from_mat(a, s, 1, want);
    if (!from_mat(b, s, elempack, got)) {
      std::printf("eok-mismatch perf: wrote into the channel padding\n");
      return 1;
    }
    for (size_t i = 0; i < want.size(); i++) {
      if (!close_enough(got[i], want[i])) {
        std::printf("eok-mismatch perf index %zu\n", i);
        return 1;
      }
    }
    return 0;
  }
  return 2;
}
)EOK";

} // namespace

std::string harness_source(const OpSpec& op)
{
  std::string s = "// Generated by eok ncnn tune for " + op.name + " (" + op.type + "): do not edit.\n";
  s += "#include \"layer.h\"\n\n#include <cfloat>\n#include <cmath>\n#include <cstdint>\n#include <cstdio>\n"
       "#include <cstdlib>\n#include <cstring>\n#include <string>\n#include <vector>\n\n";
  s += "struct Shape\n{\n  int w, h, c;\n};\n";
  s += "static const char* k_type = \"" + op.type + "\";\n";
  s += "static const int k_nparams = " + std::to_string(op.params.size()) + ";\n";
  std::string ids, values, ints;
  for (const auto& p : op.params) {
    ids += std::to_string(p.id) + ", ";
    values += number(p.value) + ", ";
    ints += std::string(p.is_int ? "1" : "0") + ", ";
  }
  s += "static const int k_param_ids[] = {" + ids + "0};\n";
  s += "static const double k_param_values[] = {" + values + "0};\n";
  s += "static const int k_param_int[] = {" + ints + "0};\n";
  s += "static const Shape k_shapes[] = {";
  for (const auto& sh : op.shapes) {
    s += shape_text(sh) + ", ";
  }
  s += "};\n";
  s += "static const Shape k_perf = " + shape_text(op.perf_shape) + ";\n";
  s += "static const double k_lo = " + number(op.lo) + ", k_hi = " + number(op.hi) + ";\n";
  s += "static const bool k_specials_on = " + std::string(op.specials ? "true" : "false") + ";\n";
  s += "static const bool k_nan_on = " + std::string(op.nan ? "true" : "false") + ";\n";
  s += "static const double k_atol = " + number(op.atol) + ", k_rtol = " + number(op.rtol) + ";\n";
  return s + k_body;
}

} // namespace eok::ncnn
