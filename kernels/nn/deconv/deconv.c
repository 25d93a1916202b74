// eok ker0: NCNN Deconvolution (fp32) the way NCNN's RISC-V layer runs a planar input (any
// channel count) into a packed output (out_elempack 8 = packn at VLEN 256): output-centred
// gather. For each block of 8 output channels and each output pixel (i, j) of the full
// (uncropped) output, the taps (ky, kx) whose source row i + ky*d - (ext-1) and column are
// non-negative multiples of the stride inside the input contribute, over all input channels
// q, x[q][sy][sx] * w[flipped tap][q][8 outputs] (vfmacc_vf), starting from the 8 biases.
// NCNN crops p from every side afterwards (cut_padding); this kernel computes only the kept
// pixels. Columns are visited phase by phase (j = r, r + s, ...); EOK_PX same-phase pixels
// share each weight vector load and the tap checks (EOK_PX = 1: NCNN's per-pixel loop).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 8 };

#define LD(p) __riscv_vle32_v_f32m1((p), vl)
#define FMA(acc, v, kv) acc = __riscv_vfmacc_vf_f32m1(acc, (v), (kv), vl)

void eok_deconv_f32(const float* x, const float* wt, const float* bias, float* y, long c, long h, long w, long ocg, long ks, long s, long d,
                    long p)
{
  const long ext = d * (ks - 1) + 1;
  const long outh = (h - 1) * s + ext - 2 * p, outw = (w - 1) * s + ext - 2 * p;
  const long plane = h * w, taps = ks * ks;
  const size_t vl = __riscv_vsetvl_e32m1(pack);
  for (long g = 0; g < ocg; ++g) {
    const float* kg = wt + g * c * taps * pack;
    const vfloat32m1_t b = LD(bias + g * pack);
    float* out = y + g * outh * outw * pack;
    for (long oi = 0; oi < outh; ++oi) {
      const long i = oi + p;
      for (long r = 0; r < s && r < outw; ++r) {
        for (long oj = r; oj < outw;) {
          const long j = oj + p;
          long n = 1;
#if EOK_PX > 1
          if (j >= ext - 1 && oj + (EOK_PX - 1) * s < outw && j + (EOK_PX - 1) * s < w * s) {
            n = EOK_PX;
          }
#endif
          vfloat32m1_t a0 = b, a1 = b, a2 = b, a3 = b;
          for (long ky = 0; ky < ks; ++ky) {
            const long sys = i + ky * d - (ext - 1);
            if (sys < 0 || sys % s != 0 || sys / s >= h) {
              continue;
            }
            for (long kx = 0; kx < ks; ++kx) {
              const long sxs = j + kx * d - (ext - 1);
              if (sxs < 0 || sxs % s != 0 || sxs / s >= w) {
                continue;
              }
              const float* src = x + sys / s * w + sxs / s;
              // flipped kernel: tap (ky, kx) of the gather is weight (ks-1-ky, ks-1-kx)
              const float* kp = kg + ((ks - 1 - ky) * ks + (ks - 1 - kx)) * pack;
              if (n == 1) {
                for (long q = 0; q < c; ++q) {
                  FMA(a0, src[q * plane], LD(kp + q * taps * pack));
                }
                continue;
              }
#if EOK_PX > 1
              for (long q = 0; q < c; ++q) {
                const vfloat32m1_t kv = LD(kp + q * taps * pack);
                const float* v = src + q * plane;
                FMA(a0, v[0], kv);
                FMA(a1, v[1], kv);
#if EOK_PX == 4
                FMA(a2, v[2], kv);
                FMA(a3, v[3], kv);
#endif
              }
#endif
            }
          }
          float* o = out + (oi * outw + oj) * pack;
          __riscv_vse32_v_f32m1(o, a0, vl);
          if (n > 1) {
            __riscv_vse32_v_f32m1(o + s * pack, a1, vl);
            if (n > 2) {
              __riscv_vse32_v_f32m1(o + 2 * s * pack, a2, vl);
              __riscv_vse32_v_f32m1(o + 3 * s * pack, a3, vl);
            }
          }
          oj += n * s;
        }
      }
    }
  }
}
