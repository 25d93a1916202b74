// eok ker0: NCNN Softmax of a planar 3-D fp32 blob along axis 0, 1 or 2, RVV 1.0
// intrinsics, written the way NCNN's RVV layer does it.
//
// Axis 2 (a contiguous row): three passes over the row. The maximum is accumulated in a
// vector (tail-undisturbed vfmax) and reduced once with vfredmax; exp(x - max) is stored and
// summed the same way (vfredusum at the end); the row is multiplied by 1/sum.
// Axes 0 and 1 (lines with a stride): the positions that share no line are the vector lanes
// (h*w of them per line for axis 0, w for axis 1), so max and sum are plain elementwise
// vfmax/vfadd across the line, no reduction; NCNN keeps them in max/sum buffers, here they
// stay in registers for one strip of positions at a time.
// exp is a Cody-Waite range reduction and a degree-6 polynomial (as the project's sigmoid);
// its argument x - max is <= 0, so it never overflows.
#include <float.h>
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// Typed intrinsic names for the chosen LMUL: F(vfadd_vv) is __riscv_vfadd_vv_f32m4.
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#if EOK_LMUL == 1
#define EOK_B _b32
#elif EOK_LMUL == 2
#define EOK_B _b16
#elif EOK_LMUL == 4
#define EOK_B _b8
#elif EOK_LMUL == 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#define B(op) EOK_CAT(F(op), EOK_B)
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define AS_F32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_f32m))

// exp(z) with z clamped to [-86.9, 88.8]: n = round(z/ln2) lies in [-125, 128].
static inline vf32 exp_ps(vf32 z, size_t vl)
{
  z = F(vfmax_vf)(z, -86.9f, vl);
  z = F(vfmin_vf)(z, 88.8f, vl);
  vi32 n = I(vfcvt_x_f_v)(F(vfmul_vf)(z, 1.44269504088896341f, vl), vl);
  vf32 fn = F(vfcvt_f_x_v)(n, vl);
  // r = z - n*ln2 in two steps; 0.693359375 has 9 significant bits, so n*hi is exact.
  vf32 r = F(vfnmsac_vf)(z, 0.693359375f, fn, vl);
  r = F(vfnmsac_vf)(r, -2.12194440e-4f, fn, vl);
  // 2*e^r, Taylor to degree 6 (truncation < 1e-7 relative on |r| <= 0.347).
  vf32 p = F(vfmv_v_f)(2.0f / 720.0f, vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 120.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 24.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f / 6.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(1.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  p = F(vfmadd_vv)(p, r, F(vfmv_v_f)(2.0f, vl), vl);
  // 2^(n-1): biased exponent n + 126 is in [1, 254], always a normal number.
  vf32 scale = AS_F32(I(vsll_vx)(I(vadd_vx)(n, 126, vl), 23, vl));
  return F(vfmul_vv)(p, scale, vl);
}

#define REDMAX EOK_CAT(EOK_M(__riscv_vfredmax_vs_f32m), _f32m1)
#define REDSUM EOK_CAT(EOK_M(__riscv_vfredusum_vs_f32m), _f32m1)
#define VSETVLMAX EOK_M(__riscv_vsetvlmax_e32m)

static void softmax_row(const float* x, float* y, long n)
{
  const size_t vlmax = VSETVLMAX();
  vf32 vmax = F(vfmv_v_f)(-FLT_MAX, vlmax);
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vmax = EOK_CAT(F(vfmax_vv), _tu)(vmax, vmax, F(vle32_v)(x + i, vl), vl);
    i += (long)vl;
  }
  vfloat32m1_t m1 = __riscv_vfmv_s_f_f32m1(-FLT_MAX, 1);
  float max = __riscv_vfmv_f_s_f32m1_f32(REDMAX(vmax, m1, vlmax));
  vf32 vsum = F(vfmv_v_f)(0.f, vlmax);
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    vf32 e = exp_ps(F(vfsub_vf)(F(vle32_v)(x + i, vl), max, vl), vl);
    F(vse32_v)(y + i, e, vl);
    vsum = EOK_CAT(F(vfadd_vv), _tu)(vsum, vsum, e, vl);
    i += (long)vl;
  }
  vfloat32m1_t s1 = __riscv_vfmv_s_f_f32m1(0.f, 1);
  float inv = 1.f / __riscv_vfmv_f_s_f32m1_f32(REDSUM(vsum, s1, vlmax));
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    F(vse32_v)(y + i, F(vfmul_vf)(F(vle32_v)(y + i, vl), inv, vl), vl);
    i += (long)vl;
  }
}

// count lines of n values each, value k of position p at p + k*stride.
static void softmax_strided(const float* x, float* y, long n, long stride, long count)
{
  for (long p = 0; p < count;) {
    size_t vl = VSETVL((size_t)(count - p));
    vf32 vmax = F(vfmv_v_f)(-FLT_MAX, vl);
    for (long k = 0; k < n; ++k) {
      vmax = F(vfmax_vv)(vmax, F(vle32_v)(x + p + k * stride, vl), vl);
    }
    vf32 vsum = F(vfmv_v_f)(0.f, vl);
    for (long k = 0; k < n; ++k) {
      vf32 e = exp_ps(F(vfsub_vv)(F(vle32_v)(x + p + k * stride, vl), vmax, vl), vl);
      F(vse32_v)(y + p + k * stride, e, vl);
      vsum = F(vfadd_vv)(vsum, e, vl);
    }
    vf32 inv = F(vfrdiv_vf)(vsum, 1.f, vl);
    for (long k = 0; k < n; ++k) {
      float* o = y + p + k * stride;
      F(vse32_v)(o, F(vfmul_vv)(F(vle32_v)(o, vl), inv, vl), vl);
    }
    p += (long)vl;
  }
}

void eok_softmax_f32(const float* x, float* y, long c, long h, long w, long axis)
{
  if (axis == 2) {
    for (long r = 0; r < c * h; ++r) {
      softmax_row(x + r * w, y + r * w, w);
    }
  } else if (axis == 1) {
    for (long q = 0; q < c; ++q) {
      softmax_strided(x + q * h * w, y + q * h * w, h, w, w);
    }
  } else {
    softmax_strided(x, y, c, h * w, h * w);
  }
}
