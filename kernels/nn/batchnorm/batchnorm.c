// eok ker0: NCNN BatchNorm (inference), fp32, RVV 1.0, written the way NCNN's
// BatchNorm_riscv does it.
//
// Planar (elempack 1), per channel: y = x*b + a as vfmul.vf then vfadd.vf over a vsetvl
// strip of the plane (two roundings, as NCNN). Packed (elempack 8): the 8 channels of a group
// are the 8 lanes of one m1 vector; a and b are loaded once per group and each pixel is one
// vfmadd.vv (fused). EOK_PACK_LMUL > 1 covers that many pixels per step, with a and b
// replicated across the group (NCNN steps one pixel).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif
#ifndef EOK_PACK_LMUL
#define EOK_PACK_LMUL 1
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define EOK_P(prefix) EOK_CAT(prefix, EOK_PACK_LMUL)
#define P(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_P(_f32m))
#define vpf32 EOK_CAT(EOK_P(vfloat32m), _t)
#define PSETVL EOK_P(__riscv_vsetvl_e32m)
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#if EOK_PACK_LMUL != 1 && EOK_PACK_LMUL != 2 && EOK_PACK_LMUL != 4 && EOK_PACK_LMUL != 8
#error "EOK_PACK_LMUL must be 1, 2, 4 or 8"
#endif

static void bn_planar(const float* x, float* y, long size, float a, float b)
{
  while (size > 0) {
    size_t vl = VSETVL((size_t)size);
    vf32 p = F(vfmul_vf)(F(vle32_v)(x, vl), b, vl);
    F(vse32_v)(y, F(vfadd_vf)(p, a, vl), vl);
    x += vl;
    y += vl;
    size -= (long)vl;
  }
}

// One group of 8 channels, size pixels of 8 lanes each.
static void bn_pack8(const float* x, float* y, long size, const float* a8, const float* b8)
{
  enum { lanes = 8 * EOK_PACK_LMUL };
  float arep[lanes], brep[lanes];
  for (int i = 0; i < lanes; ++i) {
    arep[i] = a8[i % 8];
    brep[i] = b8[i % 8];
  }
  const size_t vlmax = PSETVL(lanes);
  vpf32 va = P(vle32_v)(arep, vlmax);
  vpf32 vb = P(vle32_v)(brep, vlmax);
  // Whole steps at the one vl set above (as NCNN's loop, no vsetvli per pixel); a tail of
  // AVL < VLMAX gives vl = AVL exactly, so it too covers whole pixels.
  // The loop runs on the input pointer against its end (two pointer bumps and a compare per
  // step: NCNN's in-place loop has one pointer and a counter).
  const long whole = size * 8 / lanes * lanes;
  const float* const xend = x + whole;
  for (; x != xend; x += lanes, y += lanes) {
    P(vse32_v)(y, P(vfmadd_vv)(P(vle32_v)(x, vlmax), vb, va, vlmax), vlmax);
  }
  const long n = size * 8 - whole;
  if (n > 0) {
    const size_t vl = PSETVL((size_t)n);
    P(vse32_v)(y, P(vfmadd_vv)(P(vle32_v)(x, vl), vb, va, vl), vl);
  }
}

void eok_batchnorm_f32(const float* x, const float* a, const float* b, float* y, long c,
                       long h, long w, long elempack)
{
  const long size = h * w;
  if (elempack == 8) {
    for (long g = 0; g < c / 8; ++g) {
      bn_pack8(x + g * size * 8, y + g * size * 8, size, a + 8 * g, b + 8 * g);
    }
    return;
  }
  for (long q = 0; q < c; ++q) {
    bn_planar(x + q * size, y + q * size, size, a[q], b[q]);
  }
}
