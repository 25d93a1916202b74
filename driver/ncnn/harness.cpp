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
static double unit()
{
  return (next_u64() >> 11) * (1.0 / 9007199254740992.0);
}
static float uniform(double lo, double hi)
{
  return (float)(lo + (hi - lo) * unit());
}
static float special(uint64_t i)
{
  // NaN first, the huge values last, so the op's switches can leave them out
  static const float k_specials[] = {NAN,    INFINITY, -INFINITY, 0.f,          -0.f,    1e-40f, -1e-40f,
                                     FLT_MIN, (float)k_lo, (float)k_hi, FLT_MAX, -FLT_MAX};
  const uint64_t first = k_nan_on ? 0 : 1;
  const uint64_t end = k_huge_on ? 12 : 10;
  return k_specials[first + i % (end - first)];
}

// fp16 storage, in integer code (no compiler helpers for _Float16 needed): the
// bits of the nearest fp16 (ties to even) and back, and the distance in fp16 steps
static uint16_t to_half(float f)
{
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint16_t sign = (uint16_t)((x >> 16) & 0x8000);
  const uint32_t ax = x & 0x7fffffffu;
  if (ax > 0x7f800000u) {
    return sign | 0x7e00; // NaN
  }
  if (ax >= 0x477ff000u) {
    return sign | 0x7c00; // rounds past 65504: Inf
  }
  if (ax < 0x38800000u) {
    // fp16 subnormal or zero: units of 2^-24, ties to even
    float a;
    const uint32_t abits = ax;
    std::memcpy(&a, &abits, 4);
    const double units = (double)a * 16777216.0;
    double r = std::nearbyint(units); // default rounding: to nearest even
    return sign | (uint16_t)r;
  }
  const uint32_t mant = ax & 0x7fffff;
  const uint32_t exp = (ax >> 23) - 127 + 15;
  uint32_t h = (exp << 10) | (mant >> 13);
  const uint32_t rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) {
    h++; // may carry into the exponent, up to Inf: still right
  }
  return sign | (uint16_t)h;
}
static float from_half(uint16_t h)
{
  const uint32_t sign = (uint32_t)(h & 0x8000) << 16;
  const uint32_t exp = (h >> 10) & 0x1f;
  const uint32_t mant = h & 0x3ff;
  float f;
  if (exp == 0) {
    f = (float)(mant * (1.0 / 16777216.0));
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    bits |= sign;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  const uint32_t bits = sign | (exp == 31 ? 0x7f800000u | (mant << 13) : ((exp - 15 + 127) << 23) | (mant << 13));
  std::memcpy(&f, &bits, 4);
  return f;
}
static float round_fp16(float v)
{
  return from_half(to_half(v));
}
static int64_t fp16_order(float v)
{
  const uint16_t b = to_half(v);
  return (b & 0x8000) ? -(int64_t)(b & 0x7fff) : (int64_t)b;
}

// storage of a blob: 4-byte fp32, 2-byte fp16 or bf16, 1-byte int8
enum Storage
{
  k_f32,
  k_f16,
  k_bf16,
  k_i8
};
static size_t storage_bytes(Storage st)
{
  return st == k_f32 ? 4 : st == k_i8 ? 1 : 2;
}
// the bottom blobs: an fp16 task's optimised layer takes fp16 and its naive one fp32; a type
// conversion's both take its input type
static Storage input_storage(bool naive)
{
  if (k_fp16) {
    return naive ? k_f32 : k_f16;
  }
  return (Storage)k_input_type;
}
// bf16 as NCNN keeps it: the upper half of the fp32 bits (truncated)
static uint16_t to_bf16(float f)
{
  uint32_t x;
  std::memcpy(&x, &f, 4);
  return (uint16_t)(x >> 16);
}
static float from_bf16(uint16_t b)
{
  const uint32_t x = (uint32_t)b << 16;
  float f;
  std::memcpy(&f, &x, 4);
  return f;
}
// an input's shape: the description's own, or a broadcast form of it (input_forms)
static Shape input_shape(const Shape& s, int k)
{
  switch (k_input_forms[k]) {
  case 1:
    return {1, 1, s.c}; // channel
  case 2:
    return {s.w, s.h, 1}; // pixel
  case 3:
    return {1, 1, 1}; // scalar
  default:
    return s;
  }
}

// a broadcast input packs as NCNN would pack it: when its own packing dimension divides
static int input_pack(const Shape& s, int elempack)
{
  if (k_unpacked_inputs) {
    return 1;
  }
  return (k_dims == 2 ? s.h : s.c) % elempack == 0 ? elempack : 1;
}

static int packn()
{
  uint64_t vlenb = 0;
  __asm__ volatile("csrr %0, vlenb" : "=r"(vlenb));
  return (int)(vlenb / (k_fp16 ? 2 : 4));
}

// packed: the optimised layer runs with NCNN's packing layout (its create_pipeline may lay
// weights out for packn); the elempack-1 comparisons run it without, as NCNN's tests do.
static ncnn::Option options(bool naive, bool packed = true)
{
  ncnn::Option opt;
  opt.num_threads = 1;
  // the naive layer unpacked, as NCNN's own tests run it: layers that make helper layers
  // (ConvolutionDepthWise's Padding) would otherwise get packed blobs back from them
  opt.use_packing_layout = !naive && packed;
  opt.use_fp16_packed = false;
  opt.use_fp16_storage = k_fp16 && !naive;
  opt.use_fp16_arithmetic = k_fp16_arithmetic && !naive; // the fp16sa paths, when the task is one
  opt.use_bf16_storage = false;
  return opt;
}

// The op's weights (ModelBin order), drawn once per run: both layers get copies of the same values.
static std::vector<std::vector<float>> g_weights;
static void draw_weights()
{
  g_weights.assign(k_nweights, std::vector<float>());
  for (int k = 0; k < k_nweights; k++) {
    g_weights[k].resize(k_weight_size[k]);
    for (float& v : g_weights[k]) {
      v = uniform(k_weight_lo[k], k_weight_hi[k]);
      if (k_fp16) {
        v = round_fp16(v); // an fp16 layer stores its weights in fp16: both layers get values it can hold
      }
    }
  }
}

static ncnn::Layer* make_layer(bool naive, bool packed = true)
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
  if (l->load_param(pd) != 0) {
    std::printf("eok-harness: %s layer rejected the parameters\n", naive ? "naive" : "optimised");
    std::exit(2);
  }
  if (k_nweights > 0) {
    std::vector<ncnn::Mat> mats;
    for (int k = 0; k < k_nweights; k++) {
      ncnn::Mat m((int)g_weights[k].size());
      std::memcpy(m.data, g_weights[k].data(), g_weights[k].size() * 4);
      mats.push_back(m);
    }
    ncnn::ModelBinFromMatArray mb(mats.data());
    if (l->load_model(mb) != 0) {
      std::printf("eok-harness: %s layer rejected the weights\n", naive ? "naive" : "optimised");
      std::exit(2);
    }
  }
  if (l->create_pipeline(options(naive, packed)) != 0) {
    std::printf("eok-harness: %s layer's create_pipeline failed\n", naive ? "naive" : "optimised");
    std::exit(2);
  }
  if (!naive && k_fp16 && !l->support_fp16_storage) {
    std::printf("eok-mismatch: the optimised layer does not declare fp16 storage\n");
    std::exit(1);
  }
  return l;
}

// planar (elempack 1) data of w*h per channel
static void fill(std::vector<float>& v, int n, bool with_specials)
{
  v.resize(n);
  for (int i = 0; i < n; i++) {
    v[i] = uniform(k_lo, k_hi);
    if (with_specials && k_specials_on && next_u64() % 8 == 0) {
      v[i] = special(next_u64());
    }
    if (k_fp16 || k_input_type == k_f16) {
      v[i] = round_fp16(v[i]); // both layers see values fp16 can hold
    } else if (k_input_type == k_bf16) {
      v[i] = from_bf16(to_bf16(v[i]));
    } else if (k_input_type == k_i8) {
      // int8 values: the range rounded and clamped (NaN is no int8 value)
      const float r = std::isnan(v[i]) ? 0.f : std::nearbyint(v[i]);
      v[i] = r < -128.f ? -128.f : r > 127.f ? 127.f : r;
    }
  }
}

static const float k_sentinel = -7.25e33f;
static const uint16_t k_sentinel16 = 0xfbff; // -65504
static const unsigned char k_sentinel8 = 0x7b;

// a Mat of the shape at `elempack` in storage `st` holding `v`
// (planar order): 3-D with the channels packed and the channel padding set to
// the sentinel, or for 2-D ops ([w, h, 1]) w x h with the rows packed
static ncnn::Mat to_mat(const std::vector<float>& v, const Shape& s, int elempack, Storage st)
{
  const size_t bytes = storage_bytes(st);
  ncnn::Mat m = k_dims == 2 ? ncnn::Mat(s.w, s.h / elempack, bytes * elempack, elempack)
                            : ncnn::Mat(s.w, s.h, s.c / elempack, bytes * elempack, elempack);
  for (size_t i = 0; i < m.cstep * m.c * elempack; i++) {
    if (st == k_f32) {
      ((float*)m.data)[i] = k_sentinel;
    } else if (st == k_i8) {
      ((unsigned char*)m.data)[i] = k_sentinel8;
    } else {
      ((uint16_t*)m.data)[i] = k_sentinel16;
    }
  }
  // rows of a 2-D Mat pack as channels of w x 1 planes do
  const int plane = k_dims == 2 ? s.w : s.w * s.h;
  const int groups = k_dims == 2 ? s.h : s.c;
  for (int q = 0; q < groups; q++) {
    unsigned char* p = (unsigned char*)m.data + (k_dims == 2 ? (size_t)s.w * (q / elempack) : m.cstep * (q / elempack)) * m.elemsize;
    for (int i = 0; i < plane; i++) {
      const size_t at = (size_t)i * elempack + q % elempack;
      const float x = v[(size_t)q * plane + i];
      if (st == k_f32) {
        std::memcpy(p + at * 4, &x, 4);
      } else if (st == k_i8) {
        p[at] = (unsigned char)(signed char)x;
      } else {
        const uint16_t h = st == k_f16 ? to_half(x) : to_bf16(x);
        std::memcpy(p + at * 2, &h, 2);
      }
    }
  }
  return m;
}

static float value_at(const unsigned char* p, bool half)
{
  if (half) {
    uint16_t h;
    std::memcpy(&h, p, 2);
    return k_output_bf16 ? from_bf16(h) : from_half(h);
  }
  float f;
  std::memcpy(&f, p, 4);
  return f;
}

// Any 1-3-D Mat back to planar floats (its logical shape into `shape`); false
// when its layout is not one the harness knows.
static bool unpack(const ncnn::Mat& m, std::vector<float>& out, int shape[3])
{
  const int ep = m.elempack;
  const bool half = m.elemsize == (size_t)ep * 2;
  if (!half && m.elemsize != (size_t)ep * 4) {
    return false;
  }
  const size_t vb = half ? 2 : 4;
  const unsigned char* base = (const unsigned char*)m.data;
  out.clear();
  if (m.dims == 1) {
    shape[0] = m.w * ep, shape[1] = 1, shape[2] = 1;
    for (int i = 0; i < m.w * ep; i++) {
      out.push_back(value_at(base + i * vb, half));
    }
    return true;
  }
  if (m.dims == 2) {
    shape[0] = m.w, shape[1] = m.h * ep, shape[2] = 1;
    for (int r = 0; r < m.h * ep; r++) {
      for (int i = 0; i < m.w; i++) {
        out.push_back(value_at(base + (((size_t)(r / ep) * m.w + i) * ep + r % ep) * vb, half));
      }
    }
    return true;
  }
  if (m.dims == 3) {
    shape[0] = m.w, shape[1] = m.h, shape[2] = m.c * ep;
    for (int q = 0; q < m.c * ep; q++) {
      const unsigned char* p = base + m.cstep * (q / ep) * m.elemsize;
      for (int i = 0; i < m.w * m.h; i++) {
        out.push_back(value_at(p + ((size_t)i * ep + q % ep) * vb, half));
      }
    }
    return true;
  }
  return false;
}

// the channel padding of a 3-D Mat made by to_mat still holds the sentinel
static bool padding_intact(const ncnn::Mat& m)
{
  if (m.dims != 3) {
    return true;
  }
  const size_t vb = m.elemsize / m.elempack;
  for (int q = 0; q < m.c; q++) {
    for (size_t i = (size_t)m.w * m.h * m.elempack; i < m.cstep * m.elempack; i++) {
      const size_t at = q * m.cstep * m.elempack + i;
      if (vb == 2 ? ((const uint16_t*)m.data)[at] != k_sentinel16
          : vb == 1 ? ((const unsigned char*)m.data)[at] != k_sentinel8
                    : std::memcmp((const float*)m.data + at, &k_sentinel, 4) != 0) {
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
  if (k_fp16) {
    // the naive fp32 result as fp16 holds it; distance in fp16 steps (Inf is the step past 65504)
    const int64_t d = fp16_order(got) - fp16_order(want);
    if ((d < 0 ? -d : d) <= k_ulps) {
      return true;
    }
    // atol: for fp16 arithmetic that cancels (x * alpha + beta near zero), absolute
    const float w16 = round_fp16(want);
    return !std::isinf(w16) && !std::isinf(got) && std::fabs((double)got - w16) <= k_atol;
  }
  if (std::isinf(want) || std::isinf(got)) {
    return got == want;
  }
  return std::fabs((double)got - want) <= k_atol + k_rtol * std::fabs((double)want);
}

// Runs one layer on `in` (its own Mats); the single output in `out`.
static int run_layer(const ncnn::Layer* l, std::vector<ncnn::Mat>& in, ncnn::Mat& out, const ncnn::Option& o)
{
  if (l->one_blob_only && in.size() == 1) {
    if (l->support_inplace) {
      out = in[0];
      return l->forward_inplace(out, o);
    }
    return l->forward(in[0], out, o);
  }
  std::vector<ncnn::Mat> tops(1);
  const int rc = l->forward(in, tops, o);
  out = tops[0];
  return rc;
}

static bool same_bytes(const ncnn::Mat& a, const std::vector<unsigned char>& b)
{
  return std::memcmp(a.data, b.data(), b.size()) == 0;
}

static int compare(const Shape& s, int elempack, const std::vector<std::vector<float>>& in, const char* what)
{
  ncnn::Layer* naive = make_layer(true);
  ncnn::Layer* opt = make_layer(false, elempack > 1);
  if (elempack > 1 && !opt->support_packing) {
    delete naive;
    delete opt;
    return 0; // NCNN unpacks for such a layer: nothing to compare at packn
  }
  std::vector<ncnn::Mat> a, b;
  std::vector<std::vector<unsigned char>> b_before;
  for (size_t k = 0; k < in.size(); k++) {
    const Shape ks = input_shape(s, (int)k);
    a.push_back(to_mat(in[k], ks, 1, input_storage(true)));
    b.push_back(to_mat(in[k], ks, input_pack(ks, elempack), input_storage(false)));
    const unsigned char* p = (const unsigned char*)b.back().data;
    b_before.emplace_back(p, p + b.back().cstep * b.back().c * b.back().elemsize);
  }
  ncnn::Mat ta, tb;
  if (run_layer(naive, a, ta, options(true)) != 0 || run_layer(opt, b, tb, options(false, elempack > 1)) != 0) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: forward failed\n", what, s.w, s.h, s.c, elempack);
    return 1;
  }
  const bool inplace = opt->one_blob_only && in.size() == 1 && opt->support_inplace;
  if (inplace ? !padding_intact(tb) : false) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: wrote into the channel padding\n", what, s.w, s.h, s.c,
                elempack);
    return 1;
  }
  for (size_t k = 0; k < b.size() && !inplace; k++) {
    if (!same_bytes(b[k], b_before[k])) {
      std::printf("eok-mismatch %s shape %d %d %d elempack %d: input %zu was modified\n", what, s.w, s.h, s.c, elempack,
                  k);
      return 1;
    }
  }
  std::vector<float> want, got;
  int ws[3], gs[3];
  if (!unpack(ta, want, ws) || !unpack(tb, got, gs)) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: an output layout the harness does not know (naive: dims %d "
                "elemsize %d elempack %d; optimised: dims %d elemsize %d elempack %d)\n",
                what, s.w, s.h, s.c, elempack, ta.dims, (int)ta.elemsize, ta.elempack, tb.dims, (int)tb.elemsize, tb.elempack);
    return 1;
  }
  if (ws[0] != gs[0] || ws[1] != gs[1] || ws[2] != gs[2]) {
    std::printf("eok-mismatch %s shape %d %d %d elempack %d: output %dx%dx%d, naive %dx%dx%d\n", what, s.w, s.h, s.c,
                elempack, gs[0], gs[1], gs[2], ws[0], ws[1], ws[2]);
    return 1;
  }
  for (size_t i = 0; i < want.size(); i++) {
    if (!close_enough(got[i], want[i])) {
      std::printf("eok-mismatch %s shape %d %d %d elempack %d index %zu input %.9g: naive %.9g, optimised %.9g\n", what,
                  s.w, s.h, s.c, elempack, i, i < in[0].size() ? in[0][i] : 0.f, want[i], got[i]);
      return 1;
    }
  }
  delete naive;
  delete opt;
  return 0;
}

static std::vector<std::vector<float>> draw_inputs(const Shape& s, bool with_specials)
{
  std::vector<std::vector<float>> in(k_inputs);
  for (int k = 0; k < k_inputs; k++) {
    const Shape ks = input_shape(s, k);
    fill(in[k], ks.w * ks.h * ks.c, with_specials);
  }
  return in;
}

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::printf("usage: %s check|perf SEED\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  g_rng = std::strtoull(argv[2], nullptr, 10) * 0x9e3779b97f4a7c15ull + 1;
  draw_weights();
  const int pn = packn();
  if (mode == "check") {
    for (const Shape& s : k_shapes) {
      for (int elempack : {1, pn > 1 ? pn : 0}) {
        if (elempack == 0 || (k_dims == 2 ? s.h : s.c) % elempack != 0) {
          continue;
        }
        // plain inputs first: in a reduction one special value makes every output special
        if (compare(s, elempack, draw_inputs(s, false), "check") != 0 ||
            (k_specials_on && compare(s, elempack, draw_inputs(s, true), "check-specials") != 0)) {
          return 1;
        }
      }
    }
    std::printf("eok-check-ok\n");
    return 0;
  }
  if (mode == "perf") {
    const Shape s = k_perf;
    ncnn::Layer* opt = make_layer(false);
    const int elempack = (k_dims == 2 ? s.h : s.c) % pn == 0 && opt->support_packing ? pn : 1;
    const std::vector<std::vector<float>> in = draw_inputs(s, false);
    std::vector<ncnn::Mat> b;
    for (size_t k = 0; k < in.size(); k++) {
      const Shape ks = input_shape(s, (int)k);
      b.push_back(to_mat(in[k], ks, input_pack(ks, elempack), input_storage(false)));
    }
    ncnn::Mat tb;
    const ncnn::Option o = options(false);
    __asm__ volatile("slti x0, x0, 1" ::: "memory");
    const int rc = run_layer(opt, b, tb, o);
    __asm__ volatile("slti x0, x0, 2" ::: "memory");
    if (rc != 0) {
      return 1;
    }
    ncnn::Layer* naive = make_layer(true);
    std::vector<ncnn::Mat> a;
    for (size_t k = 0; k < in.size(); k++) {
      a.push_back(to_mat(in[k], input_shape(s, (int)k), 1, input_storage(true)));
    }
    ncnn::Mat ta;
    run_layer(naive, a, ta, options(true));
    std::vector<float> want, got;
    int ws[3], gs[3];
    if (!unpack(ta, want, ws) || !unpack(tb, got, gs) || want.size() != got.size()) {
      std::printf("eok-mismatch perf: output shape\n");
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
  s += "#include \"layer.h\"\n#include \"modelbin.h\"\n\n#include <cfloat>\n#include <cmath>\n#include <cstdint>\n"
       "#include <cstdio>\n#include <cstdlib>\n#include <cstring>\n#include <string>\n#include <vector>\n\n";
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
  std::string sizes, wlo, whi;
  for (const auto& w : op.weights) {
    sizes += std::to_string(w.size) + ", ";
    wlo += number(w.lo) + ", ";
    whi += number(w.hi) + ", ";
  }
  s += "static const int k_nweights = " + std::to_string(op.weights.size()) + ";\n";
  s += "static const int k_weight_size[] = {" + sizes + "0};\n";
  s += "static const double k_weight_lo[] = {" + wlo + "0};\n";
  s += "static const double k_weight_hi[] = {" + whi + "0};\n";
  s += "static const int k_inputs = " + std::to_string(op.inputs) + ";\n";
  s += "static const int k_dims = " + std::to_string(op.dims) + ";\n";
  std::string forms;
  for (int k = 0; k < op.inputs; k++) {
    const std::string f = k < static_cast<int>(op.input_forms.size()) ? op.input_forms[k] : "same";
    forms += std::string(f == "channel" ? "1" : f == "pixel" ? "2" : f == "scalar" ? "3" : "0") + ", ";
  }
  s += "static const int k_input_forms[] = {" + forms + "0};\n";
  const std::string& it = op.input_type;
  s += "static const int k_input_type = " +
       std::string(it == "fp16"   ? "1"
                   : it == "bf16" ? "2"
                   : it == "int8" ? "3"
                                  : "0") +
       "; // " + it + "\n";
  s += "static const bool k_fp16_arithmetic = " + std::string(op.fp16_arithmetic ? "true" : "false") + ";\n";
  s += "static const bool k_unpacked_inputs = " + std::string(op.unpacked_inputs ? "true" : "false") + ";\n";
  s += "static const bool k_output_bf16 = " + std::string(op.output_type == "bf16" ? "true" : "false") + ";\n";
  s += "static const Shape k_shapes[] = {";
  for (const auto& sh : op.shapes) {
    s += shape_text(sh) + ", ";
  }
  s += "};\n";
  s += "static const Shape k_perf = " + shape_text(op.perf_shape) + ";\n";
  s += "static const double k_lo = " + number(op.lo) + ", k_hi = " + number(op.hi) + ";\n";
  s += "static const bool k_specials_on = " + std::string(op.specials ? "true" : "false") + ";\n";
  s += "static const bool k_nan_on = " + std::string(op.nan ? "true" : "false") + ";\n";
  s += "static const bool k_huge_on = " + std::string(op.huge ? "true" : "false") + ";\n";
  s += "static const bool k_fp16 = " + std::string(op.fp16 ? "true" : "false") + ";\n";
  s += "static const int k_ulps = " + std::to_string(op.ulps) + ";\n";
  s += "static const double k_atol = " + number(op.atol) + ", k_rtol = " + number(op.rtol) + ";\n";
  return s + k_body;
}

} // namespace eok::ncnn
