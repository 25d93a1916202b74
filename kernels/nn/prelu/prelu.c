// eok ker0: NCNN PReLU, fp32, RVV 1.0, written the way NCNN's PReLU_riscv does it: lanes
// where x < 0 (vmflt) are multiplied by the slope with the mask-undisturbed policy, so the
// others (x >= 0, -0, NaN) are stored as loaded.
//
// Planar, or a single slope in either layout: one scalar slope per plane (vfmul.vf), a
// vsetvl strip over the plane. Packed with per-channel slopes: the group's 8 slopes are one
// m1 vector (vfmul.vv), one pixel per step. NCNN reloads the slopes every pixel; here they
// are loaded once per group. EOK_PACK_LMUL > 1 covers that many pixels per step with the
// slopes replicated across the group.
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
// Mask types: vbool(32/LMUL).
#define EOK_BITS_1 32
#define EOK_BITS_2 16
#define EOK_BITS_4 8
#define EOK_BITS_8 4
#define EOK_B(l) EOK_CAT(_b, EOK_CAT(EOK_BITS_, l))
#define MFLT EOK_CAT(F(vmflt_vf), EOK_B(EOK_LMUL))
#define PMFLT EOK_CAT(P(vmflt_vf), EOK_B(EOK_PACK_LMUL))
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif
#if EOK_PACK_LMUL != 1 && EOK_PACK_LMUL != 2 && EOK_PACK_LMUL != 4 && EOK_PACK_LMUL != 8
#error "EOK_PACK_LMUL must be 1, 2, 4 or 8"
#endif

static void prelu_strip(const float* x, float* y, long n, float slope)
{
  while (n > 0) {
    size_t vl = VSETVL((size_t)n);
    vf32 p = F(vle32_v)(x, vl);
    p = EOK_CAT(F(vfmul_vf), _mu)(MFLT(p, 0.f, vl), p, p, slope, vl);
    F(vse32_v)(y, p, vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}

// One group of 8 channels with their own slopes, size pixels of 8 lanes each.
static void prelu_pack8(const float* x, float* y, long size, const float* slope8)
{
  enum { lanes = 8 * EOK_PACK_LMUL };
  float srep[lanes];
  for (int i = 0; i < lanes; ++i) {
    srep[i] = slope8[i % 8];
  }
  vpf32 vs = P(vle32_v)(srep, PSETVL(lanes));
  // AVL at most VLMAX gives vl = AVL exactly, so every step covers whole pixels.
  for (long n = size * 8; n > 0;) {
    size_t vl = PSETVL(n < lanes ? (size_t)n : (size_t)lanes);
    vpf32 p = P(vle32_v)(x, vl);
    p = EOK_CAT(P(vfmul_vv), _mu)(PMFLT(p, 0.f, vl), p, p, vs, vl);
    P(vse32_v)(y, p, vl);
    x += vl;
    y += vl;
    n -= (long)vl;
  }
}

void eok_prelu_f32(const float* x, const float* slope, float* y, long c, long h, long w,
                   long elempack, long num_slope)
{
  const long size = h * w;
  if (elempack == 8 && num_slope > 1) {
    for (long g = 0; g < c / 8; ++g) {
      prelu_pack8(x + g * size * 8, y + g * size * 8, size, slope + 8 * g);
    }
    return;
  }
  // Planar, or one slope: a plane (8 channels' worth when packed) per step.
  const long planes = elempack == 8 ? c / 8 : c;
  const long len = size * (elempack == 8 ? 8 : 1);
  for (long q = 0; q < planes; ++q) {
    prelu_strip(x + q * len, y + q * len, len, num_slope > 1 ? slope[q] : slope[0]);
  }
}
