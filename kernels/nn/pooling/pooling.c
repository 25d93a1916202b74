// eok ker0: NCNN Pooling (fp32, elempack 8 = packn at VLEN 256) the way NCNN's RISC-V layer
// runs the packed layout: one m1 vector is one pixel of 8 channels; each output pixel
// reduces its window with vfmax_vv or vfadd_vv, then average pooling scales by 1/area.
// NCNN pads the input first (copy_make_border with -FLT_MAX for max, 0 for average); this
// kernel reads the unpadded input and clips each window to the image instead, which gives
// the same values: a max window that reaches into the padding starts from -FLT_MAX, an
// average window counts the padding (count_include_pad = 1) or not (0) as NCNN does.
// Global pooling (window = whole image) takes NCNN's separate global loop.
// EOK_PX output pixels whose windows lie inside the image are reduced together, so the loop
// overhead and window setup are shared; border pixels go one at a time.
#include <float.h>
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 8 };

#define LD(p) __riscv_vle32_v_f32m1((p), vl)
#define MAX(a, b) __riscv_vfmax_vv_f32m1((a), (b), vl)
#define ADD(a, b) __riscv_vfadd_vv_f32m1((a), (b), vl)

static inline long clampl(long v, long lo, long hi)
{
  return v < lo ? lo : v > hi ? hi : v;
}

void eok_pooling_f32(const float* x, float* y, long cg, long h, long w, long op, long kh, long kw, long s, long pt, long pb, long cip)
{
  const long outh = (h + pt + pb - kh) / s + 1;
  const long outw = (w + pt + pb - kw) / s + 1;
  const size_t vl = __riscv_vsetvl_e32m1(pack);
  if (kh == h && kw == w && pt == 0 && pb == 0) { // global pooling
    for (long g = 0; g < cg; ++g) {
      const float* p = x + g * h * w * pack;
      vfloat32m1_t acc = op == 0 ? __riscv_vfmv_v_f_f32m1(-INFINITY, vl) : __riscv_vfmv_v_f_f32m1(0.f, vl);
      for (long i = 0; i < h * w; ++i) {
        acc = op == 0 ? MAX(acc, LD(p + i * pack)) : ADD(acc, LD(p + i * pack));
      }
      if (op != 0) {
        acc = __riscv_vfmul_vf_f32m1(acc, 1.f / (float)(h * w), vl);
      }
      __riscv_vse32_v_f32m1(y + g * pack, acc, vl);
    }
    return;
  }
#if EOK_PX > 1
  const float inv_full = 1.f / (float)(kh * kw);
#endif
  for (long g = 0; g < cg; ++g) {
    const float* img = x + g * h * w * pack;
    float* out = y + g * outh * outw * pack;
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
          const float* p = img + (y0 * w + j * s - pt) * pack;
          const long st = s * pack;
          vfloat32m1_t a0, a1, a2, a3;
          if (op == 0) {
            a0 = a1 = a2 = a3 = __riscv_vfmv_v_f_f32m1(-INFINITY, vl);
          } else {
            a0 = a1 = a2 = a3 = __riscv_vfmv_v_f_f32m1(0.f, vl);
          }
          for (long ky = 0; ky < kh; ++ky) {
            for (long kx = 0; kx < kw; ++kx) {
              const float* q = p + (ky * w + kx) * pack;
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
            a0 = __riscv_vfmul_vf_f32m1(a0, inv_full, vl);
            a1 = __riscv_vfmul_vf_f32m1(a1, inv_full, vl);
            a2 = __riscv_vfmul_vf_f32m1(a2, inv_full, vl);
            a3 = __riscv_vfmul_vf_f32m1(a3, inv_full, vl);
          }
          float* o = out + (i * outw + j) * pack;
          __riscv_vse32_v_f32m1(o, a0, vl);
          __riscv_vse32_v_f32m1(o + pack, a1, vl);
#if EOK_PX == 4
          __riscv_vse32_v_f32m1(o + 2 * pack, a2, vl);
          __riscv_vse32_v_f32m1(o + 3 * pack, a3, vl);
#endif
          j += EOK_PX;
          continue;
        }
#endif
        const long x0 = j * s - pt;
        const long xa = clampl(x0, 0, w), xb = clampl(x0 + kw, 0, w);
        const int clipped = ya != y0 || yb != y0 + kh || xa != x0 || xb != x0 + kw;
        vfloat32m1_t acc;
        if (op == 0) { // the padding holds -FLT_MAX
          acc = __riscv_vfmv_v_f_f32m1(clipped ? -FLT_MAX : -INFINITY, vl);
          for (long yy = ya; yy < yb; ++yy) {
            for (long xx = xa; xx < xb; ++xx) {
              acc = MAX(acc, LD(img + (yy * w + xx) * pack));
            }
          }
        } else {
          acc = __riscv_vfmv_v_f_f32m1(0.f, vl);
          for (long yy = ya; yy < yb; ++yy) {
            for (long xx = xa; xx < xb; ++xx) {
              acc = ADD(acc, LD(img + (yy * w + xx) * pack));
            }
          }
          const long area = cip ? kh * kw : (yb - ya) * (xb - xa);
          acc = __riscv_vfmul_vf_f32m1(acc, 1.f / (float)area, vl);
        }
        __riscv_vse32_v_f32m1(out + (i * outw + j) * pack, acc, vl);
        ++j;
      }
    }
  }
}
