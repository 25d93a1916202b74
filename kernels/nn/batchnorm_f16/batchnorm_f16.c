// eok ker0: NCNN BatchNorm (inference) with fp16 storage (Zvfh) and fp32 arithmetic, RVV 1.0.
//
// As NCNN's BatchNorm_riscv fp16-storage path (batchnorm_riscv_zfh.cpp, forward_inplace_
// fp16s): values widened to fp32 (vfwcvt), y = b*x + a with the fp32 per-channel constants,
// narrowed once (vfncvt). Planar: one channel's a and b as scalars over a vsetvl strip at f16
// LMUL EOK_LMUL (f32 at twice), vfmul then vfadd as NCNN's planar path. Packed by 16: the
// group's 16 a and b are f32m2 registers loaded once per group, one pixel per step, fused
// (vfmadd) as NCNN's packed path.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 4
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 1
#define EOK_W 2
#elif EOK_LMUL == 2
#define EOK_W 4
#elif EOK_LMUL == 4
#define EOK_W 8
#else
#error "EOK_LMUL must be 1, 2 or 4 (fp32 at twice it)"
#endif
#define H(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_f16m, EOK_LMUL))
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_CAT(_f32m, EOK_W))
#define vf32 EOK_CAT(EOK_CAT(vfloat32m, EOK_W), _t)
#define VSETVL EOK_CAT(__riscv_vsetvl_e16m, EOK_LMUL)
#define WIDEN EOK_CAT(__riscv_vfwcvt_f_f_v_f32m, EOK_W)
#define NARROW EOK_CAT(__riscv_vfncvt_f_f_w_f16m, EOK_LMUL)

static void bn_strip(const _Float16* x, _Float16* y, long n, float a, float b)
{
  while (n > 0) {
    size_t vl = VSETVL((size_t)n);
    vf32 p = WIDEN(H(vle16_v)(x, vl), vl);
    p = F(vfadd_vf)(F(vfmul_vf)(p, b, vl), a, vl);
    H(vse16_v)(y, NARROW(p, vl), vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}

// One group of 16 channels, size pixels of 16 lanes each.
static void bn_pack16(const _Float16* x, _Float16* y, long size, const float* a16,
                      const float* b16)
{
  size_t vl = __riscv_vsetvl_e16m1(16);
  vfloat32m2_t va = __riscv_vle32_v_f32m2(a16, vl);
  vfloat32m2_t vb = __riscv_vle32_v_f32m2(b16, vl);
  for (long i = 0; i < size; ++i) {
    vfloat32m2_t p = __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1(x, vl), vl);
    p = __riscv_vfmadd_vv_f32m2(p, vb, va, vl);
    __riscv_vse16_v_f16m1(y, __riscv_vfncvt_f_f_w_f16m1(p, vl), vl);
    x += 16;
    y += 16;
  }
}

void eok_batchnorm_f16(const _Float16* x, const float* a, const float* b, _Float16* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  if (elempack == 16) {
    for (long g = 0; g < c / 16; ++g) {
      bn_pack16(x + g * size * 16, y + g * size * 16, size, a + 16 * g, b + 16 * g);
    }
    return;
  }
  for (long q = 0; q < c; ++q) {
    bn_strip(x + q * size, y + q * size, size, a[q], b[q]);
  }
}
