// eok ker0: NCNN ConvolutionDepthWise with fp16 storage and fp16 arithmetic (elempack 16 =
// packn of fp16 at VLEN 256), the way NCNN's RISC-V zfh layer runs forward_fp16sa on the
// packed layout: one f16m1 vector holds the same pixel of 16 channels, every tap is a vle16
// of 16 input channels times a vle16 of their 16 weights (vfmacc_vv in fp16), starting from
// the 16 fp16 biases; no horizontal work.
// Layout: x[(g*h + i)*w + j][l] is channel 16g+l, k[(g*ks*ks + t)*16 + l] the weight of tap
// t = ky*ks + kx for channel 16g+l, y like x.
//
// As NCNN's layer, 3x3 with dilation 1 has its own paths (NCNN's convdw3x3s1_packn_fp16sa /
// convdw3x3s2_packn_fp16sa): the group's nine weight vectors are loaded once and stay in
// registers, and each input vector of a step is loaded once for every output it feeds:
//   stride 1: 2 output rows x EOK_PX pixels from 4 input rows of EOK_PX+2 vectors;
//   stride 2: 1 output row x EOK_PX pixels from 3 input rows of 2*EOK_PX+1 vectors.
// Every other size, stride and dilation takes the generic loop: EOK_PX pixels of a row
// share each tap's weight load (NCNN's 5x5 paths reload the 25 weights per 2 outputs, stride
// 1, or per output, stride 2; its generic loop per output). EOK_PX = 2 is NCNN's 3x3 step.
// Every path adds the taps in the same order (bias, then ky, then kx), so all knob values
// and paths give bit-identical results.
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 2
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 16 };

typedef vfloat16m1_t vf;

#define LD(p) __riscv_vle16_v_f16m1((p), vl)
#define ST(p, v) __riscv_vse16_v_f16m1((p), (v), vl)
#define FMA(acc, a, b) acc = __riscv_vfmacc_vv_f16m1(acc, (a), (b), vl)
// acc += ka*a + kb*b + kc*c in that order: one kernel row of a 3x3 window.
#define ROW3(acc, a, b, c, ka, kb, kc) \
  do {                                 \
    FMA(acc, ka, a);                   \
    FMA(acc, kb, b);                   \
    FMA(acc, kc, c);                   \
  } while (0)

// The nine weight vectors of one group, named by kernel row and column.
#define LOAD_K9(kg)                \
  const vf k00 = LD((kg) + 0 * pack); \
  const vf k01 = LD((kg) + 1 * pack); \
  const vf k02 = LD((kg) + 2 * pack); \
  const vf k10 = LD((kg) + 3 * pack); \
  const vf k11 = LD((kg) + 4 * pack); \
  const vf k12 = LD((kg) + 5 * pack); \
  const vf k20 = LD((kg) + 6 * pack); \
  const vf k21 = LD((kg) + 7 * pack); \
  const vf k22 = LD((kg) + 8 * pack)

// One output pixel of a 3x3 window whose top-left input vector is p (row stride rw halves).
static inline vf px3x3(const _Float16* p, long rw, vf b, vf k00, vf k01, vf k02, vf k10, vf k11,
                       vf k12, vf k20, vf k21, vf k22, size_t vl)
{
  vf s = b;
  ROW3(s, LD(p), LD(p + pack), LD(p + 2 * pack), k00, k01, k02);
  p += rw;
  ROW3(s, LD(p), LD(p + pack), LD(p + 2 * pack), k10, k11, k12);
  p += rw;
  ROW3(s, LD(p), LD(p + pack), LD(p + 2 * pack), k20, k21, k22);
  return s;
}

// 3x3 stride 1 on one group: img is the bordered h x w input, out the outh x outw output.
static void dw3x3s1(const _Float16* img, const _Float16* kg, vf b, _Float16* out, long w, long outh,
                    long outw, size_t vl)
{
  LOAD_K9(kg);
  const long rw = w * pack;
  long i = 0;
  for (; i + 1 < outh; i += 2) {
    const _Float16* r0 = img + i * rw;
    const _Float16* r1 = r0 + rw;
    const _Float16* r2 = r1 + rw;
    const _Float16* r3 = r2 + rw;
    _Float16* o0 = out + i * outw * pack;
    _Float16* o1 = o0 + outw * pack;
    long j = 0;
    for (; j + EOK_PX <= outw; j += EOK_PX) {
      const long off = j * pack;
      // a<n>: output row i, b<n>: output row i+1, pixel j+n.
      vf a0 = b, b0 = b;
#if EOK_PX >= 2
      vf a1 = b, b1 = b;
#endif
#if EOK_PX == 4
      vf a2 = b, a3 = b, b2 = b, b3 = b;
#endif
      // Input row r feeds output row i with kernel row kr = r and row i+1 with kr = r-1.
#define S1_IN(r, A, ka, kb, kc, B, kd, ke, kf, feedA, feedB)                 \
  do {                                                                       \
    const vf v0 = LD(r + off), v1 = LD(r + off + pack), v2 = LD(r + off + 2 * pack); \
    if (feedA) ROW3(A##0, v0, v1, v2, ka, kb, kc);                           \
    if (feedB) ROW3(B##0, v0, v1, v2, kd, ke, kf);                           \
    S1_MORE(r, A, ka, kb, kc, B, kd, ke, kf, feedA, feedB);                  \
  } while (0)
#if EOK_PX == 1
#define S1_MORE(r, A, ka, kb, kc, B, kd, ke, kf, feedA, feedB) (void)0
#elif EOK_PX == 2
#define S1_MORE(r, A, ka, kb, kc, B, kd, ke, kf, feedA, feedB) \
  do {                                                         \
    const vf v3 = LD(r + off + 3 * pack);                      \
    if (feedA) ROW3(A##1, v1, v2, v3, ka, kb, kc);             \
    if (feedB) ROW3(B##1, v1, v2, v3, kd, ke, kf);             \
  } while (0)
#else
#define S1_MORE(r, A, ka, kb, kc, B, kd, ke, kf, feedA, feedB)                           \
  do {                                                                                   \
    const vf v3 = LD(r + off + 3 * pack), v4 = LD(r + off + 4 * pack), v5 = LD(r + off + 5 * pack); \
    if (feedA) {                                                                         \
      ROW3(A##1, v1, v2, v3, ka, kb, kc);                                                \
      ROW3(A##2, v2, v3, v4, ka, kb, kc);                                                \
      ROW3(A##3, v3, v4, v5, ka, kb, kc);                                                \
    }                                                                                    \
    if (feedB) {                                                                         \
      ROW3(B##1, v1, v2, v3, kd, ke, kf);                                                \
      ROW3(B##2, v2, v3, v4, kd, ke, kf);                                                \
      ROW3(B##3, v3, v4, v5, kd, ke, kf);                                                \
    }                                                                                    \
  } while (0)
#endif
      S1_IN(r0, a, k00, k01, k02, b, k00, k01, k02, 1, 0);
      S1_IN(r1, a, k10, k11, k12, b, k00, k01, k02, 1, 1);
      S1_IN(r2, a, k20, k21, k22, b, k10, k11, k12, 1, 1);
      S1_IN(r3, a, k20, k21, k22, b, k20, k21, k22, 0, 1);
#undef S1_IN
#undef S1_MORE
      ST(o0 + off, a0);
      ST(o1 + off, b0);
#if EOK_PX >= 2
      ST(o0 + off + pack, a1);
      ST(o1 + off + pack, b1);
#endif
#if EOK_PX == 4
      ST(o0 + off + 2 * pack, a2);
      ST(o0 + off + 3 * pack, a3);
      ST(o1 + off + 2 * pack, b2);
      ST(o1 + off + 3 * pack, b3);
#endif
    }
    for (; j < outw; ++j) {
      const _Float16* p = r0 + j * pack;
      ST(o0 + j * pack, px3x3(p, rw, b, k00, k01, k02, k10, k11, k12, k20, k21, k22, vl));
      ST(o1 + j * pack, px3x3(p + rw, rw, b, k00, k01, k02, k10, k11, k12, k20, k21, k22, vl));
    }
  }
  for (; i < outh; ++i) {
    const _Float16* r0 = img + i * rw;
    _Float16* o0 = out + i * outw * pack;
    for (long j = 0; j < outw; ++j) {
      ST(o0 + j * pack, px3x3(r0 + j * pack, rw, b, k00, k01, k02, k10, k11, k12, k20, k21, k22, vl));
    }
  }
}

// 3x3 stride 2 on one group: one output row per step, EOK_PX pixels whose windows overlap by
// one input column (2*EOK_PX + 1 input vectors per input row).
static void dw3x3s2(const _Float16* img, const _Float16* kg, vf b, _Float16* out, long w, long outh,
                    long outw, size_t vl)
{
  LOAD_K9(kg);
  const long rw = w * pack;
  for (long i = 0; i < outh; ++i) {
    const _Float16* r0 = img + 2 * i * rw;
    _Float16* o0 = out + i * outw * pack;
    long j = 0;
    for (; j + EOK_PX <= outw; j += EOK_PX) {
      vf a0 = b;
#if EOK_PX >= 2
      vf a1 = b;
#endif
#if EOK_PX == 4
      vf a2 = b, a3 = b;
#endif
      const _Float16* r = r0 + 2 * j * pack;
      // One input row against kernel row (ka, kb, kc).
#define S2_IN(r, ka, kb, kc)                                                  \
  do {                                                                        \
    const vf v0 = LD(r), v1 = LD(r + pack), v2 = LD(r + 2 * pack);            \
    ROW3(a0, v0, v1, v2, ka, kb, kc);                                         \
    S2_MORE(r, ka, kb, kc);                                                   \
  } while (0)
#if EOK_PX == 1
#define S2_MORE(r, ka, kb, kc) (void)0
#elif EOK_PX == 2
#define S2_MORE(r, ka, kb, kc)                                                \
  do {                                                                        \
    const vf v3 = LD(r + 3 * pack), v4 = LD(r + 4 * pack);                    \
    ROW3(a1, v2, v3, v4, ka, kb, kc);                                         \
  } while (0)
#else
#define S2_MORE(r, ka, kb, kc)                                                \
  do {                                                                        \
    const vf v3 = LD(r + 3 * pack), v4 = LD(r + 4 * pack);                    \
    const vf v5 = LD(r + 5 * pack), v6 = LD(r + 6 * pack);                    \
    const vf v7 = LD(r + 7 * pack), v8 = LD(r + 8 * pack);                    \
    ROW3(a1, v2, v3, v4, ka, kb, kc);                                         \
    ROW3(a2, v4, v5, v6, ka, kb, kc);                                         \
    ROW3(a3, v6, v7, v8, ka, kb, kc);                                         \
  } while (0)
#endif
      S2_IN(r, k00, k01, k02);
      S2_IN(r + rw, k10, k11, k12);
      S2_IN(r + 2 * rw, k20, k21, k22);
#undef S2_IN
#undef S2_MORE
      _Float16* o = o0 + j * pack;
      ST(o, a0);
#if EOK_PX >= 2
      ST(o + pack, a1);
#endif
#if EOK_PX == 4
      ST(o + 2 * pack, a2);
      ST(o + 3 * pack, a3);
#endif
    }
    for (; j < outw; ++j) {
      ST(o0 + j * pack, px3x3(r0 + 2 * j * pack, rw, b, k00, k01, k02, k10, k11, k12, k20, k21, k22, vl));
    }
  }
}

// Any kernel size, stride and dilation on one group.
static void dw_generic(const _Float16* img, const _Float16* kg, vf b, _Float16* out, long w, long outh,
                       long outw, long ks, long s, long d, size_t vl)
{
  const long step = s * pack; // halves between the windows of neighbouring output pixels
  for (long i = 0; i < outh; ++i) {
    const _Float16* row = img + i * s * w * pack;
    long j = 0;
#if EOK_PX >= 2
    for (; j + EOK_PX <= outw; j += EOK_PX) {
      const _Float16* p = row + j * step;
      vf s0 = b, s1 = b;
#if EOK_PX == 4
      vf s2 = b, s3 = b;
#endif
      for (long ky = 0; ky < ks; ++ky) {
        const _Float16* r = p + ky * d * w * pack;
        for (long kx = 0; kx < ks; ++kx) {
          const vf kv = LD(kg + (ky * ks + kx) * pack);
          const _Float16* q = r + kx * d * pack;
          FMA(s0, LD(q), kv);
          FMA(s1, LD(q + step), kv);
#if EOK_PX == 4
          FMA(s2, LD(q + 2 * step), kv);
          FMA(s3, LD(q + 3 * step), kv);
#endif
        }
      }
      _Float16* o = out + (i * outw + j) * pack;
      ST(o, s0);
      ST(o + pack, s1);
#if EOK_PX == 4
      ST(o + 2 * pack, s2);
      ST(o + 3 * pack, s3);
#endif
    }
#endif
    for (; j < outw; ++j) {
      const _Float16* p = row + j * step;
      vf s0 = b;
      for (long ky = 0; ky < ks; ++ky) {
        const _Float16* r = p + ky * d * w * pack;
        for (long kx = 0; kx < ks; ++kx) {
          FMA(s0, LD(r + kx * d * pack), LD(kg + (ky * ks + kx) * pack));
        }
      }
      ST(out + (i * outw + j) * pack, s0);
    }
  }
}

void eok_convdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                    long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const long taps = ks * ks;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  for (long g = 0; g < cg; ++g) {
    const _Float16* img = x + g * h * w * pack;
    const _Float16* kg = k + g * taps * pack;
    const vf b = LD(bias + g * pack);
    _Float16* out = y + g * outh * outw * pack;
    if (ks == 3 && d == 1 && s == 1) {
      dw3x3s1(img, kg, b, out, w, outh, outw, vl);
    } else if (ks == 3 && d == 1 && s == 2) {
      dw3x3s2(img, kg, b, out, w, outh, outw, vl);
    } else {
      dw_generic(img, kg, b, out, w, outh, outw, ks, s, d, vl);
    }
  }
}
