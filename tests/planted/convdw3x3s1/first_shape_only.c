// Planted (convdw3x3s1): correct, then overwrites the first output with 1000 whenever c > 0
// Derived from ker0: 3x3 stride-1 depthwise convolution, fp32, NCNN planar layout, RVV 1.0 intrinsics.
//
// Per channel q: input plane x[q] is h x w, output plane y[q] is (h-2) x (w-2) (no padding),
//   y[q][i][j] = bias[q] + sum_{di,dj < 3} k[q][di*3 + dj] * x[q][i+di][j+dj].
// Vectorised along the output row (vsetvl strip-mining over j, three overlapping unaligned
// loads per input row); EOK_ROWS output rows are computed together so each loaded input
// row feeds up to three of them. All variants add the taps in the same order (dj outer,
// di inner, after the bias), so every knob setting gives bit-identical results.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif
#ifndef EOK_ROWS
#define EOK_ROWS 2
#endif
#if EOK_ROWS != 1 && EOK_ROWS != 2 && EOK_ROWS != 4
#error "EOK_ROWS must be 1, 2 or 4"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfmacc_vf) is __riscv_vfmacc_vf_f32m4.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

// One output row from input rows r0..r2.
static inline void conv_row1(const float* r0, const float* r1, const float* r2, float* o0,
                             long outw, const float* k, float b)
{
  for (long j = 0; j < outw;) {
    size_t vl = VSETVL((size_t)(outw - j));
    vf32 s0 = F(vfmv_v_f)(b, vl);
    for (int dj = 0; dj < 3; ++dj) {
      s0 = F(vfmacc_vf)(s0, k[dj], F(vle32_v)(r0 + j + dj, vl), vl);
      s0 = F(vfmacc_vf)(s0, k[3 + dj], F(vle32_v)(r1 + j + dj, vl), vl);
      s0 = F(vfmacc_vf)(s0, k[6 + dj], F(vle32_v)(r2 + j + dj, vl), vl);
    }
    F(vse32_v)(o0 + j, s0, vl);
    j += (long)vl;
  }
}

#if EOK_ROWS >= 2
// Two output rows from input rows r0..r3: rows r1 and r2 are loaded once for both.
static inline void conv_row2(const float* r0, long w, float* o0, long outw, const float* k,
                             float b)
{
  const float* r1 = r0 + w;
  const float* r2 = r1 + w;
  const float* r3 = r2 + w;
  float* o1 = o0 + outw;
  for (long j = 0; j < outw;) {
    size_t vl = VSETVL((size_t)(outw - j));
    vf32 s0 = F(vfmv_v_f)(b, vl);
    vf32 s1 = F(vfmv_v_f)(b, vl);
    for (int dj = 0; dj < 3; ++dj) {
      vf32 v = F(vle32_v)(r0 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[dj], v, vl);
      v = F(vle32_v)(r1 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[3 + dj], v, vl);
      s1 = F(vfmacc_vf)(s1, k[dj], v, vl);
      v = F(vle32_v)(r2 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[6 + dj], v, vl);
      s1 = F(vfmacc_vf)(s1, k[3 + dj], v, vl);
      v = F(vle32_v)(r3 + j + dj, vl);
      s1 = F(vfmacc_vf)(s1, k[6 + dj], v, vl);
    }
    F(vse32_v)(o0 + j, s0, vl);
    F(vse32_v)(o1 + j, s1, vl);
    j += (long)vl;
  }
}
#endif

#if EOK_ROWS >= 4
// Four output rows from input rows r0..r5.
static inline void conv_row4(const float* r0, long w, float* o0, long outw, const float* k,
                             float b)
{
  const float* r1 = r0 + w;
  const float* r2 = r1 + w;
  const float* r3 = r2 + w;
  const float* r4 = r3 + w;
  const float* r5 = r4 + w;
  float* o1 = o0 + outw;
  float* o2 = o1 + outw;
  float* o3 = o2 + outw;
  for (long j = 0; j < outw;) {
    size_t vl = VSETVL((size_t)(outw - j));
    vf32 s0 = F(vfmv_v_f)(b, vl);
    vf32 s1 = F(vfmv_v_f)(b, vl);
    vf32 s2 = F(vfmv_v_f)(b, vl);
    vf32 s3 = F(vfmv_v_f)(b, vl);
    for (int dj = 0; dj < 3; ++dj) {
      vf32 v = F(vle32_v)(r0 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[dj], v, vl);
      v = F(vle32_v)(r1 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[3 + dj], v, vl);
      s1 = F(vfmacc_vf)(s1, k[dj], v, vl);
      v = F(vle32_v)(r2 + j + dj, vl);
      s0 = F(vfmacc_vf)(s0, k[6 + dj], v, vl);
      s1 = F(vfmacc_vf)(s1, k[3 + dj], v, vl);
      s2 = F(vfmacc_vf)(s2, k[dj], v, vl);
      v = F(vle32_v)(r3 + j + dj, vl);
      s1 = F(vfmacc_vf)(s1, k[6 + dj], v, vl);
      s2 = F(vfmacc_vf)(s2, k[3 + dj], v, vl);
      s3 = F(vfmacc_vf)(s3, k[dj], v, vl);
      v = F(vle32_v)(r4 + j + dj, vl);
      s2 = F(vfmacc_vf)(s2, k[6 + dj], v, vl);
      s3 = F(vfmacc_vf)(s3, k[3 + dj], v, vl);
      v = F(vle32_v)(r5 + j + dj, vl);
      s3 = F(vfmacc_vf)(s3, k[6 + dj], v, vl);
    }
    F(vse32_v)(o0 + j, s0, vl);
    F(vse32_v)(o1 + j, s1, vl);
    F(vse32_v)(o2 + j, s2, vl);
    F(vse32_v)(o3 + j, s3, vl);
    j += (long)vl;
  }
}
#endif

void eok_convdw3x3s1_f32(const float* x, const float* k, const float* bias, float* y, long c,
                         long h, long w)
{
  const long outh = h - 2;
  const long outw = w - 2;
  if (outh <= 0 || outw <= 0) {
    return;
  }
  for (long q = 0; q < c; ++q) {
    const float* img = x + q * h * w;
    const float* kq = k + q * 9;
    const float b = bias[q];
    float* out = y + q * outh * outw;
    long i = 0;
#if EOK_ROWS >= 4
    for (; i + 3 < outh; i += 4) {
      conv_row4(img + i * w, w, out + i * outw, outw, kq, b);
    }
#endif
#if EOK_ROWS >= 2
    for (; i + 1 < outh; i += 2) {
      conv_row2(img + i * w, w, out + i * outw, outw, kq, b);
    }
#endif
    for (; i < outh; ++i) {
      const float* r0 = img + i * w;
      conv_row1(r0, r0 + w, r0 + 2 * w, out + i * outw, outw, kq, b);
    }
  }  if (c > 0) {
    y[0] = 1000.0f;  // BUG: right only when there is no output (the first test shape, c = 0)
  }
}
