// eok ker0: NCNN Pooling with fp16 storage (elempack 16 = fp16 packn at VLEN 256) the way
// NCNN's RISC-V zfh layer runs it under its default options (use_fp16_arithmetic):
// - max pooling (fp16s path, which fp16sa defers to): vfmax_vv on f16m1 pixels of 16
//   channels, starting from (fp16)-FLT_MAX = -Inf, the value NCNN's padding also takes in an
//   fp16 blob; exact.
// - windowed average (forward_fp16sa): the window summed with fp16 vfadd, then multiplied
//   by the fp16-rounded 1/area.
// - global average (fp16s path, which fp16sa defers to): each pixel widened to fp32
//   (vfwcvt), summed in fp32, times 1/(h*w) in fp32, narrowed once.
// NCNN pads the input first; this kernel clips each window to the image instead, which gives
// the same values (a max window's padding is -Inf, the start value; an average counts the
// padding (count_include_pad = 1) or not (0) as NCNN does).
// EOK_PX output pixels whose windows lie inside the image are reduced together, so the loop
// overhead and window setup are shared; border pixels go one at a time.
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 16 };

#define LD(p) __riscv_vle16_v_f16m1((p), vl)
#define MAX(a, b) __riscv_vfmax_vv_f16m1((a), (b), vl)
#define ADD(a, b) __riscv_vfadd_vv_f16m1((a), (b), vl)

static inline long clampl(long v, long lo, long hi)
{
  return v < lo ? lo : v > hi ? hi : v;
}

void eok_pooling_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long op, long kh, long kw,
                     long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1;
  const long outw = (w + pt + pb - kw) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  const vfloat16m1_t lowest = __riscv_vfmv_v_f_f16m1((_Float16)-INFINITY, vl);
  const vfloat16m1_t zero = __riscv_vfmv_v_f_f16m1((_Float16)0.f, vl);
  if (kh == h && kw == w && pt == 0 && pb == 0) { // global pooling
    for (long g = 0; g < cg; ++g) {
      const _Float16* p = x + g * h * w * pack;
      if (op == 0) {
        vfloat16m1_t acc = lowest;
        for (long i = 0; i < h * w; ++i) {
          acc = MAX(acc, LD(p + i * pack));
        }
        __riscv_vse16_v_f16m1(y + g * pack, acc, vl);
      } else {
        vfloat32m2_t acc = __riscv_vfmv_v_f_f32m2(0.f, vl);
        for (long i = 0; i < h * w; ++i) {
          acc = __riscv_vfadd_vv_f32m2(acc, __riscv_vfwcvt_f_f_v_f32m2(LD(p + i * pack), vl), vl);
        }
        acc = __riscv_vfmul_vf_f32m2(acc, 1.f / (float)(h * w), vl);
        __riscv_vse16_v_f16m1(y + g * pack, __riscv_vfncvt_f_f_w_f16m1(acc, vl), vl);
      }
    }
    return;
  }
#if EOK_PX > 1
  const _Float16 inv_full = (_Float16)(1.f / (float)(kh * kw));
#endif
  for (long g = 0; g < cg; ++g) {
    const _Float16* img = x + g * h * w * pack;
    _Float16* out = y + g * outh * outw * pack;
    for (long i = 0; i < outh; ++i) {
      const long y0 = i * s - pt; // window rows y0 .. y0+kh-1 of the unpadded image
      const long ya = clampl(y0, 0, h), yb = clampl(y0 + kh, 0, h);
#if EOK_PX > 1
      // Columns whose window lies inside the image: j*s - pt >= 0 and j*s - pt + kw <= w.
      const long jin0 = pt <= 0 ? 0 : (pt + s - 1) / s;
      long jin1 = w + pt - kw < 0 ? 0 : (w + pt - kw) / s + 1;
      jin1 = jin1 > outw ? outw : jin1;
      const int rows_inside = ya == y0 && yb == y0 + kh;
#endif
      for (long j = 0; j < outw;) {
#if EOK_PX > 1
        if (rows_inside && j >= jin0 && j + EOK_PX <= jin1) {
          const _Float16* p = img + (y0 * w + j * s - pt) * pack;
          const long st = s * pack;
          vfloat16m1_t a0, a1, a2, a3;
          a0 = a1 = a2 = a3 = op == 0 ? lowest : zero;
          for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              const _Float16* q = p + (ky * w + kx) * pack;
              if (op == 0) {
                a0 = MAX(a0, LD(q));
                a1 = MAX(a1, LD(q + st));
#if EOK_PX == 4
                a2 = MAX(a2, LD(q + 2 * st));
                a3 = MAX(a3, LD(q + 3 * st));
#endif
              } else {
                a0 = ADD(a0, LD(q));
                a1 = ADD(a1, LD(q + st));
#if EOK_PX == 4
                a2 = ADD(a2, LD(q + 2 * st));
                a3 = ADD(a3, LD(q + 3 * st));
#endif
              }
            }
          }
          if (op != 0) {
            a0 = __riscv_vfmul_vf_f16m1(a0, inv_full, vl);
            a1 = __riscv_vfmul_vf_f16m1(a1, inv_full, vl);
            a2 = __riscv_vfmul_vf_f16m1(a2, inv_full, vl);
            a3 = __riscv_vfmul_vf_f16m1(a3, inv_full, vl);
          }
          _Float16* o = out + (i * outw + j) * pack;
          __riscv_vse16_v_f16m1(o, a0, vl);
          __riscv_vse16_v_f16m1(o + pack, a1, vl);
#if EOK_PX == 4
          __riscv_vse16_v_f16m1(o + 2 * pack, a2, vl);
          __riscv_vse16_v_f16m1(o + 3 * pack, a3, vl);
#endif
          j += EOK_PX;
          continue;
        }
#endif
        const long x0 = j * s - pt;
        const long xa = clampl(x0, 0, w), xb = clampl(x0 + kw, 0, w);
        vfloat16m1_t acc;
        if (op == 0) { // the padding is -Inf in fp16, the start value
          acc = lowest;
          for (long yy = ya; yy < yb; ++yy) {
            for (long xx = xa; xx < xb; ++xx) {
              acc = MAX(acc, LD(img + (yy * w + xx) * pack));
            }
          }
        } else {
          acc = zero;
          for (long yy = ya; yy < yb; ++yy) {
            for (long xx = xa; xx < xb; ++xx) {
              acc = ADD(acc, LD(img + (yy * w + xx) * pack));
            }
          }
          const long area = cip ? kh * kw : (yb - ya) * (xb - xa);
          acc = __riscv_vfmul_vf_f16m1(acc, (_Float16)(1.f / (float)area), vl);
        }
        __riscv_vse16_v_f16m1(out + (i * outw + j) * pack, acc, vl);
        ++j;
      }
    }
  }
}
