// eok ker0: NCNN Interp with fp16 storage and fp16 arithmetic (elempack 16 = fp16 packn at
// VLEN 256, output size given) the way NCNN's RISC-V zfh layer runs forward_fp16sa (its
// default options); one f16m1 vector = one pixel of 16 channels.
//   mode 1, nearest: in_x = min((int)(x * ws), w - 1) with ws = w / (float)outw in fp32
//     (rows likewise), a copy per output pixel; align_corner does not apply (NCNN's
//     fp16sa hands nearest to the fp16s code, which ignores it).
//   mode 2, bilinear: linear_coeffs as NCNN computes them in fp32 (source offset and two
//     weights, clamped at the borders), the weights rounded to fp16; the two source rows
//     resized horizontally into fp16 row buffers (vfmul + vfmacc in fp16), reused while
//     consecutive output rows share them, then blended vertically in fp16.
//   mode 3, bicubic: cubic_coeffs (A = -0.75, the fourth weight 1 - the other three after
//     rounding them to fp16, border taps folded in, each weight fp16); four horizontally
//     resized fp16 rows blended vertically (NCNN caches the four rows across output rows;
//     this kernel recomputes them per output row).
//   ac (align_corner) 1: scale (in - 1) / (out - 1) and source position d * scale, else
//     scale in / out and position (d + 0.5) * scale - 0.5.
// EOK_UNROLL output pixels per step of the horizontal bilinear pass (independent chains).
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_UNROLL
#define EOK_UNROLL 1
#endif
#if EOK_UNROLL != 1 && EOK_UNROLL != 2 && EOK_UNROLL != 4
#error "EOK_UNROLL must be 1, 2 or 4"
#endif

enum { pack = 16 };

typedef _Float16 h16;

#define LD(p) __riscv_vle16_v_f16m1((p), vl)
#define ST(p, v) __riscv_vse16_v_f16m1((p), (v), vl)
#define MUL(v, s) __riscv_vfmul_vf_f16m1((v), (s), vl)
#define FMA(acc, s, v) __riscv_vfmacc_vf_f16m1((acc), (s), (v), vl)

// Source position of output index d in fp32, as NCNN's *_coeffs compute it.
static inline float source_pos(long d, double scale, long ac)
{
  return ac ? (float)(d * scale) : (float)((d + 0.5) * scale - 0.5);
}

static inline double scale_of(long in, long out, long ac)
{
  return ac ? (double)(in - 1) / (double)(out - 1) : (double)in / (double)out;
}

static void linear_coeffs(long w, long outw, long ac, long* ofs, h16* alpha)
{
  const double scale = scale_of(w, outw, ac);
  for (long dx = 0; dx < outw; ++dx) {
    float fx = source_pos(dx, scale, ac);
    long sx = (long)floorf(fx);
    fx -= (float)sx;
    if (sx < 0) {
      sx = 0;
      fx = 0.f;
    }
    if (sx >= w - 1) {
      sx = w - 2;
      fx = 1.f;
    }
    ofs[dx] = sx;
    alpha[dx * 2] = (h16)(1.f - fx);
    alpha[dx * 2 + 1] = (h16)fx;
  }
}

static void cubic_coeffs(long w, long outw, long ac, long* ofs, h16* a)
{
  const double scale = scale_of(w, outw, ac);
  const float A = -0.75f;
  for (long dx = 0; dx < outw; ++dx) {
    float fx = source_pos(dx, scale, ac);
    long sx = (long)floorf(fx);
    fx -= (float)sx;
    h16* c = a + dx * 4;
    const float f0 = fx + 1, f1 = fx, f2 = 1 - fx;
    c[0] = (h16)(A * f0 * f0 * f0 - 5 * A * f0 * f0 + 8 * A * f0 - 4 * A);
    c[1] = (h16)((A + 2) * f1 * f1 * f1 - (A + 3) * f1 * f1 + 1);
    c[2] = (h16)((A + 2) * f2 * f2 * f2 - (A + 3) * f2 * f2 + 1);
    c[3] = (h16)(1.f - (float)c[0] - (float)c[1] - (float)c[2]);
    if (sx <= -1) { // taps left of the image fold onto the first pixels
      sx = 1;
      c[0] = (h16)(1.f - (float)c[3]);
      c[1] = c[3];
      c[2] = 0;
      c[3] = 0;
    }
    if (sx == 0) {
      sx = 1;
      c[0] = (h16)((float)c[0] + (float)c[1]);
      c[1] = c[2];
      c[2] = c[3];
      c[3] = 0;
    }
    if (sx == w - 2) {
      sx = w - 3;
      c[3] = (h16)((float)c[2] + (float)c[3]);
      c[2] = c[1];
      c[1] = c[0];
      c[0] = 0;
    }
    if (sx >= w - 1) {
      sx = w - 3;
      c[3] = (h16)(1.f - (float)c[0]);
      c[2] = c[0];
      c[1] = 0;
      c[0] = 0;
    }
    ofs[dx] = sx;
  }
}

// Horizontal bilinear pass of one source row into rows[outw][16] (fp16).
static inline void hlinear(const h16* src, const long* xofs, const h16* alpha, h16* rows, long outw, size_t vl)
{
  long dx = 0;
  for (; dx + EOK_UNROLL <= outw; dx += EOK_UNROLL) {
    for (int u = 0; u < EOK_UNROLL; ++u) {
      const h16* p = src + xofs[dx + u] * pack;
      const h16* al = alpha + (dx + u) * 2;
      ST(rows + (dx + u) * pack, FMA(MUL(LD(p), al[0]), al[1], LD(p + pack)));
    }
  }
  for (; dx < outw; ++dx) {
    const h16* p = src + xofs[dx] * pack;
    ST(rows + dx * pack, FMA(MUL(LD(p), alpha[dx * 2]), alpha[dx * 2 + 1], LD(p + pack)));
  }
}

// Horizontal bicubic pass of one source row into rows[outw][16] (fp16).
static inline void hcubic(const h16* src, const long* xofs, const h16* alpha, h16* rows, long outw, size_t vl)
{
  for (long dx = 0; dx < outw; ++dx) {
    const h16* p = src + (xofs[dx] - 1) * pack;
    const h16* a = alpha + dx * 4;
    vfloat16m1_t v = MUL(LD(p), a[0]);
    v = FMA(v, a[1], LD(p + pack));
    v = FMA(v, a[2], LD(p + 2 * pack));
    v = FMA(v, a[3], LD(p + 3 * pack));
    ST(rows + dx * pack, v);
  }
}

void eok_interp_f16(const _Float16* x, _Float16* y, long cg, long h, long w, long outh, long outw, long mode, long ac)
{
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  if (outh <= 0 || outw <= 0) {
    return;
  }
  if (mode == 1) {
    const float ws = (float)w / (float)outw, hs = (float)h / (float)outh;
    for (long g = 0; g < cg; ++g) {
      const h16* img = x + g * h * w * pack;
      h16* out = y + g * outh * outw * pack;
      for (long i = 0; i < outh; ++i) {
        long sy = (long)((float)i * hs);
        sy = sy < h - 1 ? sy : h - 1;
        const h16* row = img + sy * w * pack;
        for (long j = 0; j < outw; ++j) {
          long sx = (long)((float)j * ws);
          sx = sx < w - 1 ? sx : w - 1;
          ST(out + (i * outw + j) * pack, LD(row + sx * pack));
        }
      }
    }
    return;
  }
  const int taps = mode == 2 ? 2 : 4;
  long xofs[outw], yofs[outh];
  h16 alpha[outw * taps], beta[outh * taps];
  h16 rows[4][outw * pack];
  if (mode == 2) {
    linear_coeffs(w, outw, ac, xofs, alpha);
    linear_coeffs(h, outh, ac, yofs, beta);
  } else {
    cubic_coeffs(w, outw, ac, xofs, alpha);
    cubic_coeffs(h, outh, ac, yofs, beta);
  }
  for (long g = 0; g < cg; ++g) {
    const h16* img = x + g * h * w * pack;
    h16* out = y + g * outh * outw * pack;
    long prev = -2; // bilinear: source rows prev and prev + 1 are resized in r0 and r1
    h16* r0 = rows[0];
    h16* r1 = rows[1];
    for (long i = 0; i < outh; ++i) {
      const long sy = yofs[i];
      const h16* b = beta + i * taps;
      h16* o = out + i * outw * pack;
      if (mode == 2) {
        if (sy == prev + 1) { // slide by one source row: swap the buffers, resize one
          h16* t = r0;
          r0 = r1;
          r1 = t;
          hlinear(img + (sy + 1) * w * pack, xofs, alpha, r1, outw, vl);
        } else if (sy != prev) {
          hlinear(img + sy * w * pack, xofs, alpha, r0, outw, vl);
          hlinear(img + (sy + 1) * w * pack, xofs, alpha, r1, outw, vl);
        }
        prev = sy;
        for (long dx = 0; dx < outw; ++dx) {
          ST(o + dx * pack, FMA(MUL(LD(r0 + dx * pack), b[0]), b[1], LD(r1 + dx * pack)));
        }
        continue;
      }
      for (int t = 0; t < 4; ++t) {
        hcubic(img + (sy - 1 + t) * w * pack, xofs, alpha, rows[t], outw, vl);
      }
      for (long dx = 0; dx < outw; ++dx) {
        vfloat16m1_t v = MUL(LD(rows[0] + dx * pack), b[0]);
        v = FMA(v, b[1], LD(rows[1] + dx * pack));
        v = FMA(v, b[2], LD(rows[2] + dx * pack));
        v = FMA(v, b[3], LD(rows[3] + dx * pack));
        ST(o + dx * pack, v);
      }
    }
  }
}
