// eok ker0: NCNN Deconvolution with fp16 storage the way NCNN's RISC-V zfh layer runs
// forward_fp16s (deconvolution_packed_fp16s_rvv) for a planar input (elempack 1) into a
// packed output (out_elempack 16 = fp16 packn at VLEN 256): output-centred gather with fp32
// widening sums. For each block of 16 output channels and each output pixel (i, j) of the
// full output (output padding included), the taps (ky, kx) whose source row
// i + ky*d - (ext-1) and column are non-negative multiples of the stride inside the input
// contribute, over all input channels q, x[q][sy][sx] * w[flipped tap][q][16 outputs]
// (vfwmacc_vf: fp16 x fp16 into an f32m2 accumulator), starting from the 16 fp32 biases;
// the sum is narrowed to fp16 once (vfncvt). Rows and columns past the last input's reach
// (output padding) get the bias only. NCNN crops p from the top/left and the bottom/right
// of the padded output afterwards (cut_padding); this kernel computes only the kept pixels.
// Columns are visited phase by phase (j = r, r + s, ...); EOK_PX same-phase pixels share
// each weight vector load and the tap checks (EOK_PX = 1: NCNN's per-pixel loop).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 16 };

#define LDW(p) __riscv_vle16_v_f16m1((p), vl)
#define FMA(acc, v, kv) acc = __riscv_vfwmacc_vf_f32m2(acc, (v), (kv), vl)

void eok_deconv_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c, long h, long w, long ocg, long ks,
                    long s, long d, long p, long op)
{
  const long ext = d * (ks - 1) + 1;
  const long outh = (h - 1) * s + ext + op - 2 * p, outw = (w - 1) * s + ext + op - 2 * p;
  const long plane = h * w, taps = ks * ks;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  for (long g = 0; g < ocg; ++g) {
    const _Float16* kg = wt + g * c * taps * pack;
    const vfloat32m2_t b = __riscv_vle32_v_f32m2(bias + g * pack, vl);
    _Float16* out = y + g * outh * outw * pack;
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
          vfloat32m2_t a0 = b, a1 = b, a2 = b, a3 = b;
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
              const _Float16* src = x + sys / s * w + sxs / s;
              // flipped kernel: tap (ky, kx) of the gather is weight (ks-1-ky, ks-1-kx)
              const _Float16* kp = kg + ((ks - 1 - ky) * ks + (ks - 1 - kx)) * pack;
              if (n == 1) {
                for (long q = 0; q < c; ++q) {
                  FMA(a0, src[q * plane], LDW(kp + q * taps * pack));
                }
                continue;
              }
#if EOK_PX > 1
              for (long q = 0; q < c; ++q) {
                const vfloat16m1_t kv = LDW(kp + q * taps * pack);
                const _Float16* v = src + q * plane;
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
          _Float16* o = out + (oi * outw + oj) * pack;
          __riscv_vse16_v_f16m1(o, __riscv_vfncvt_f_f_w_f16m1(a0, vl), vl);
          if (n > 1) {
            __riscv_vse16_v_f16m1(o + s * pack, __riscv_vfncvt_f_f_w_f16m1(a1, vl), vl);
            if (n > 2) {
              __riscv_vse16_v_f16m1(o + 2 * s * pack, __riscv_vfncvt_f_f_w_f16m1(a2, vl), vl);
              __riscv_vse16_v_f16m1(o + 3 * s * pack, __riscv_vfncvt_f_f_w_f16m1(a3, vl), vl);
            }
          }
          oj += n * s;
        }
      }
    }
  }
}
