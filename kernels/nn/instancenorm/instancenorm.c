// eok ker0: NCNN InstanceNorm (affine), fp32, RVV 1.0 intrinsics, written the way NCNN's
// RVV layer does it.
//
// Planar (elempack 1), per channel: pass 1 sums the plane with vfredusum into a scalar,
// pass 2 reduces (x - mean)^2 with the ordered vfredosum, then y = x*a + b with
// a = gamma / sqrt(var + eps), b = beta - mean*a (vfmul then vfadd, as NCNN).
// Packed (elempack 8): the 8 channels of a group are the 8 lanes of one m1 vector; sums,
// variance and the affine map are per lane, one pixel per step, so no reduction at all.
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define REDUSUM EOK_CAT(EOK_M(__riscv_vfredusum_vs_f32m), _f32m1)
#define REDOSUM EOK_CAT(EOK_M(__riscv_vfredosum_vs_f32m), _f32m1)

static void norm_planar(const float* x, float* y, long size, float gamma, float beta, float eps)
{
  vfloat32m1_t sum = __riscv_vfmv_s_f_f32m1(0.f, __riscv_vsetvlmax_e32m1());
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    sum = REDUSUM(F(vle32_v)(x + i, vl), sum, vl);
    i += (long)vl;
  }
  float mean = __riscv_vfmv_f_s_f32m1_f32(sum) / (float)size;
  vfloat32m1_t sqsum = __riscv_vfmv_s_f_f32m1(0.f, __riscv_vsetvlmax_e32m1());
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    vf32 d = F(vfsub_vf)(F(vle32_v)(x + i, vl), mean, vl);
    sqsum = REDOSUM(F(vfmul_vv)(d, d, vl), sqsum, vl);
    i += (long)vl;
  }
  float var = __riscv_vfmv_f_s_f32m1_f32(sqsum) / (float)size;
  float a = gamma / sqrtf(var + eps);
  float b = -mean * a + beta;
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    vf32 v = F(vfmul_vf)(F(vle32_v)(x + i, vl), a, vl);
    F(vse32_v)(y + i, F(vfadd_vf)(v, b, vl), vl);
    i += (long)vl;
  }
}

static void norm_pack8(const float* x, float* y, long size, const float* gamma,
                       const float* beta, float eps)
{
  const size_t vl = __riscv_vsetvl_e32m1(8);
  vfloat32m1_t sum = __riscv_vfmv_v_f_f32m1(0.f, vl);
  vfloat32m1_t sqsum = __riscv_vfmv_v_f_f32m1(0.f, vl);
  for (long i = 0; i < size; ++i) {
    sum = __riscv_vfadd_vv_f32m1(__riscv_vle32_v_f32m1(x + 8 * i, vl), sum, vl);
  }
  vfloat32m1_t mean = __riscv_vfdiv_vf_f32m1(sum, (float)size, vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m1_t d = __riscv_vfsub_vv_f32m1(__riscv_vle32_v_f32m1(x + 8 * i, vl), mean, vl);
    sqsum = __riscv_vfmadd_vv_f32m1(d, d, sqsum, vl);
  }
  vfloat32m1_t var = __riscv_vfdiv_vf_f32m1(sqsum, (float)size, vl);
  vfloat32m1_t a = __riscv_vfdiv_vv_f32m1(
      __riscv_vle32_v_f32m1(gamma, vl),
      __riscv_vfsqrt_v_f32m1(__riscv_vfadd_vf_f32m1(var, eps, vl), vl), vl);
  // b = beta - a * mean
  vfloat32m1_t b = __riscv_vfnmsub_vv_f32m1(a, mean, __riscv_vle32_v_f32m1(beta, vl), vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m1_t v = __riscv_vle32_v_f32m1(x + 8 * i, vl);
    __riscv_vse32_v_f32m1(y + 8 * i, __riscv_vfmadd_vv_f32m1(v, a, b, vl), vl);
  }
}

void eok_instancenorm_f32(const float* x, const float* gamma, const float* beta, float* y,
                          long c, long h, long w, long elempack, float eps)
{
  const long size = h * w;
  if (elempack == 8) {
    for (long g = 0; g < c / 8; ++g) {
      norm_pack8(x + g * size * 8, y + g * size * 8, size, gamma + 8 * g, beta + 8 * g, eps);
    }
    return;
  }
  for (long q = 0; q < c; ++q) {
    norm_planar(x + q * size, y + q * size, size, gamma[q], beta[q], eps);
  }
}
