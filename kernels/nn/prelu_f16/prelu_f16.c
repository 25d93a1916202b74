// eok ker0: NCNN PReLU with fp16 storage (Zvfh) and fp32 arithmetic, RVV 1.0 intrinsics.
//
// As NCNN's PReLU_riscv fp16-storage path (prelu_riscv_zfh.cpp, forward_inplace_fp16s): the
// fp16 values are widened to fp32 (vfwcvt), the lanes where x < 0 (vmflt) are multiplied by
// the fp32 slope with the mask-undisturbed policy, and the result is narrowed back with one
// rounding (vfncvt). x >= 0, -0 and NaN lanes pass through unchanged.
//
// Planar, or a single slope in either layout: one scalar slope per plane (vfmul.vf) over a
// vsetvl strip at f16 LMUL EOK_LMUL (f32 at twice). Packed by 16 with per-channel slopes: the
// group's 16 fp32 slopes are one f32m2 register, loaded once per group, one pixel per step.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 1
#define EOK_W 2
#define EOK_B _b16
#elif EOK_LMUL == 2
#define EOK_W 4
#define EOK_B _b8
#elif EOK_LMUL == 4
#define EOK_W 8
#define EOK_B _b4
#else
#error "EOK_LMUL must be 1, 2 or 4 (fp32 at twice it)"
#endif
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_f16m, EOK_LMUL))
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_f32m, EOK_W))
#define vf16 EOK_CAT(EOK_CAT(vfloat16m, EOK_LMUL), _t)
#define vf32 EOK_CAT(EOK_CAT(vfloat32m, EOK_W), _t)
#define VSETVL EOK_CAT(__riscv_vsetvl_e16m, EOK_LMUL)
#define WIDEN EOK_CAT(__riscv_vfwcvt_f_f_v_f32m, EOK_W)
#define NARROW EOK_CAT(__riscv_vfncvt_f_f_w_f16m, EOK_LMUL)
#define MFLT EOK_CAT(F(vmflt_vf), EOK_B)

static void prelu_strip(const _Float16* x, _Float16* y, long n, float slope)
{
  while (n > 0) {
    size_t vl = VSETVL((size_t)n);
    vf32 p = WIDEN(H(vle16_v)(x, vl), vl);
    p = EOK_CAT(F(vfmul_vf), _mu)(MFLT(p, 0.f, vl), p, p, slope, vl);
    H(vse16_v)(y, NARROW(p, vl), vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}

// One group of 16 channels with their own slopes, size pixels of 16 lanes each.
static void prelu_pack16(const _Float16* x, _Float16* y, long size, const float* slope16)
{
  size_t vl = __riscv_vsetvl_e16m1(16);
  vfloat32m2_t vs = __riscv_vle32_v_f32m2(slope16, vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m2_t p = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(x, vl), vl);
    vbool16_t lower = __riscv_vmflt_vf_f32m2_b16(p, 0.f, vl);
    p = __riscv_vfmul_vv_f32m2_mu(lower, p, p, vs, vl);
    __riscv_vse16_v_f16m1(y, __riscv_vfncvt_f_f_w_f16m1(p, vl), vl);
    x += 16;
    y += 16;
  }
}

void eok_prelu_f16(const _Float16* x, const float* slope, _Float16* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  if (elempack == 16 && num_slope > 1) {
    for (long g = 0; g < c / 16; ++g) {
      prelu_pack16(x + g * size * 16, y + g * size * 16, size, slope + 16 * g);
    }
    return;
  }
  // Planar, or one slope: a plane (16 channels' worth when packed) per step.
  const long planes = elempack == 16 ? c / 16 : c;
  const long len = size * (elempack == 16 ? 16 : 1);
  for (long q = 0; q < planes; ++q) {
    prelu_strip(x + q * len, y + q * len, len, num_slope > 1 ? slope[q] : slope[0]);
  }
}
