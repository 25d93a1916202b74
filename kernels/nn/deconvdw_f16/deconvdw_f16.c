// eok ker0: NCNN DeconvolutionDepthWise with fp16 storage and fp16 arithmetic (elempack 16 =
// fp16 packn at VLEN 256), the way NCNN's RISC-V zfh layer runs forward_fp16sa (its default
// options): output-centred gather. For each output pixel (i, j) of the full (uncropped)
// output, the taps (ky, kx) whose source row (i + ky*d - (ext-1)) and column are
// non-negative multiples of the stride and inside the input contribute input * weight with
// the kernel flipped (NCNN flips it in create_pipeline); one f16m1 vector = one pixel of 16
// channels (vfmacc_vv in fp16), starting from the 16 fp16 biases. NCNN then crops p from
// every side (cut_padding); this kernel computes only the kept pixels.
// Columns are visited phase by phase (j = r, r + s, r + 2s, ...): pixels of one phase have
// the same valid taps, so EOK_PX of them share each tap's weight load and the tap checks
// (the input column moves by one pixel between them). EOK_PX = 1 is NCNN's per-pixel loop.
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 16 };

#define LD(p) __riscv_vle16_v_f16m1((p), vl)
#define FMA(acc, a, b) acc = __riscv_vfmacc_vv_f16m1(acc, (a), (b), vl)

void eok_deconvdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                      long h, long w, long ks, long s, long d, long p)
{
  const long ext = d * (ks - 1) + 1;
  const long fullh = (h - 1) * s + ext, fullw = (w - 1) * s + ext;
  const long outh = fullh - 2 * p, outw = fullw - 2 * p;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  for (long g = 0; g < cg; ++g) {
    const _Float16* img = x + g * h * w * pack;
    const _Float16* kg = k + g * ks * ks * pack;
    const vfloat16m1_t b = LD(bias + g * pack);
    _Float16* out = y + g * outh * outw * pack;
    for (long oi = 0; oi < outh; ++oi) {
      const long i = oi + p; // row of the full output
      for (long r = 0; r < s && r < outw; ++r) {
        for (long oj = r; oj < outw;) {
          const long j = oj + p;
          // EOK_PX pixels oj, oj+s, ... share the taps when every source column is in range.
          long n = 1;
#if EOK_PX > 1
          if (j >= ext - 1 && oj + (EOK_PX - 1) * s < outw && j + (EOK_PX - 1) * s < w * s) {
            n = EOK_PX;
          }
#endif
          vfloat16m1_t a0 = b, a1 = b, a2 = b, a3 = b;
          for (long ky = 0; ky < ks; ++ky) {
            const long sys = i + ky * d - (ext - 1);
            if (sys < 0 || sys % s != 0 || sys / s >= h) {
              continue;
            }
            const _Float16* row = img + sys / s * w * pack;
            for (long kx = 0; kx < ks; ++kx) {
              const long sxs = j + kx * d - (ext - 1);
              if (sxs < 0 || sxs % s != 0 || sxs / s >= w) {
                continue;
              }
              const _Float16* q = row + sxs / s * pack;
              // flipped kernel: tap (ky, kx) of the gather is weight (ks-1-ky, ks-1-kx)
              const vfloat16m1_t kv = LD(kg + ((ks - 1 - ky) * ks + (ks - 1 - kx)) * pack);
              FMA(a0, LD(q), kv);
#if EOK_PX > 1
              if (n > 1) {
                FMA(a1, LD(q + pack), kv);
#if EOK_PX == 4
                FMA(a2, LD(q + 2 * pack), kv);
                FMA(a3, LD(q + 3 * pack), kv);
#endif
              }
#endif
            }
          }
          _Float16* o = out + (oi * outw + oj) * pack;
          __riscv_vse16_v_f16m1(o, a0, vl);
          if (n > 1) {
            __riscv_vse16_v_f16m1(o + s * pack, a1, vl);
            if (n > 2) {
              __riscv_vse16_v_f16m1(o + 2 * s * pack, a2, vl);
              __riscv_vse16_v_f16m1(o + 3 * s * pack, a3, vl);
            }
          }
          oj += n * s;
        }
      }
    }
  }
}
