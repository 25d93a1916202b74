// eok ker0: NCNN InstanceNorm (affine), fp16 in and out (Zvfh) with fp32 arithmetic, RVV 1.0
// intrinsics, written the way NCNN's fp16-storage layer does it (forward_inplace_fp16s).
//
// Planar (elempack 1), per channel: each strip is widened with vfwcvt; pass 1 sums the plane
// with vfredusum into an fp32 scalar, pass 2 reduces (x - mean)^2 with the ordered vfredosum,
// then y = x*a + b with a = gamma / sqrt(var + eps), b = beta - mean*a (vfmul then vfadd in
// fp32, as NCNN), narrowed with vfncvt. Packed (elempack 16, NCNN's packn for fp16 at VLEN
// 256): the 16 channels of a group are the 16 lanes of one f16m1 vector, widened to f32m2;
// sums, variance and the affine map are per lane, one pixel per step, no reduction. All
// statistics are fp32: an fp16 sum of a 64x64 plane of values near 12 loses its low bits
// after 2048 (ulp 2) and overflows past 65504.
#include <math.h>
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 1
#define EOK_WIDE 2
#elif EOK_LMUL == 2
#define EOK_WIDE 4
#elif EOK_LMUL == 4
#define EOK_WIDE 8
#else
#error "EOK_LMUL must be 1, 2 or 4"
#endif
// fp16 data at LMUL, fp32 arithmetic at 2*LMUL (same element count, same vl).
#define EOK_H(prefix) EOK_CAT(prefix, EOK_LMUL)
#define EOK_W(prefix) EOK_CAT(prefix, EOK_WIDE)
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_H(_f16m))
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_W(_f32m))
#define vf32 EOK_CAT(EOK_W(vfloat32m), _t)
#define VSETVL EOK_H(__riscv_vsetvl_e16m)
#define WIDEN EOK_CAT(__riscv_vfwcvt_f_f_v_f32m, EOK_WIDE)
#define NARROW EOK_CAT(__riscv_vfncvt_f_f_w_f16m, EOK_LMUL)
#define REDUSUM EOK_CAT(EOK_W(__riscv_vfredusum_vs_f32m), _f32m1)
#define REDOSUM EOK_CAT(EOK_W(__riscv_vfredosum_vs_f32m), _f32m1)

static void norm_planar(const _Float16* x, _Float16* y, long size, float gamma, float beta,
                        float eps)
{
  vfloat32m1_t sum = __riscv_vfmv_s_f_f32m1(0.f, __riscv_vsetvlmax_e32m1());
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    sum = REDUSUM(WIDEN(H(vle16_v)(x + i, vl), vl), sum, vl);
    i += (long)vl;
  }
  float mean = __riscv_vfmv_f_s_f32m1_f32(sum) / (float)size;
  vfloat32m1_t sqsum = __riscv_vfmv_s_f_f32m1(0.f, __riscv_vsetvlmax_e32m1());
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    vf32 d = F(vfsub_vf)(WIDEN(H(vle16_v)(x + i, vl), vl), mean, vl);
    sqsum = REDOSUM(F(vfmul_vv)(d, d, vl), sqsum, vl);
    i += (long)vl;
  }
  float var = __riscv_vfmv_f_s_f32m1_f32(sqsum) / (float)size;
  float a = gamma / sqrtf(var + eps);
  float b = -mean * a + beta;
  for (long i = 0; i < size;) {
    size_t vl = VSETVL((size_t)(size - i));
    vf32 v = F(vfmul_vf)(WIDEN(H(vle16_v)(x + i, vl), vl), a, vl);
    H(vse16_v)(y + i, NARROW(F(vfadd_vf)(v, b, vl), vl), vl);
    i += (long)vl;
  }
}

static void norm_pack16(const _Float16* x, _Float16* y, long size, const float* gamma,
                        const float* beta, float eps)
{
  const size_t vl = __riscv_vsetvl_e16m1(16);
  vfloat32m2_t sum = __riscv_vfmv_v_f_f32m2(0.f, vl);
  vfloat32m2_t sqsum = __riscv_vfmv_v_f_f32m2(0.f, vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m2_t v = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(x + 16 * i, vl), vl);
    sum = __riscv_vfadd_vv_f32m2(v, sum, vl);
  }
  vfloat32m2_t mean = __riscv_vfdiv_vf_f32m2(sum, (float)size, vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m2_t v = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(x + 16 * i, vl), vl);
    vfloat32m2_t d = __riscv_vfsub_vv_f32m2(v, mean, vl);
    sqsum = __riscv_vfmadd_vv_f32m2(d, d, sqsum, vl);
  }
  vfloat32m2_t var = __riscv_vfdiv_vf_f32m2(sqsum, (float)size, vl);
  vfloat32m2_t a = __riscv_vfdiv_vv_f32m2(
      __riscv_vle32_v_f32m2(gamma, vl),
      __riscv_vfsqrt_v_f32m2(__riscv_vfadd_vf_f32m2(var, eps, vl), vl), vl);
  // b = beta - a * mean
  vfloat32m2_t b = __riscv_vfnmsub_vv_f32m2(a, mean, __riscv_vle32_v_f32m2(beta, vl), vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m2_t v = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(x + 16 * i, vl), vl);
    v = __riscv_vfmadd_vv_f32m2(v, a, b, vl);
    __riscv_vse16_v_f16m1(y + 16 * i, __riscv_vfncvt_f_f_w_f16m1(v, vl), vl);
  }
}

void eok_instancenorm_f16(const _Float16* x, const float* gamma, const float* beta,
                          _Float16* y, long c, long h, long w, long elempack, float eps)
{
  const long size = h * w;
  if (elempack == 16) {
    for (long g = 0; g < c / 16; ++g) {
      norm_pack16(x + g * size * 16, y + g * size * 16, size, gamma + 16 * g, beta + 16 * g,
                  eps);
    }
    return;
  }
  for (long q = 0; q < c; ++q) {
    norm_planar(x + q * size, y + q * size, size, gamma[q], beta[q], eps);
  }
}
