// eok ker0: NCNN Packing of a 3-D fp32 blob between elempack 1, 4 and 8, RVV 1.0
// intrinsics, written the way NCNN's RVV layer does it: segment stores (vsseg4/vsseg8)
// interleave 4 or 8 planar channels into one packed channel group, segment loads
// (vlseg4/vlseg8) split a packed group back, and 4<->8 goes through both.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 2
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
// The 4-field types and intrinsics at EOK_LMUL: V4 is vfloat32m2_t, T4 vfloat32m2x4_t.
#define V4 EOK_CAT(EOK_M(vfloat32m), _t)
#define T4 EOK_CAT(EOK_M(vfloat32m), x4_t)
#define VSETVL4 EOK_M(__riscv_vsetvl_e32m)
#define VLE4 EOK_CAT(__riscv_vle32_v_f32m, EOK_LMUL)
#define VSE4 EOK_CAT(__riscv_vse32_v_f32m, EOK_LMUL)
#define VLSEG4 EOK_CAT(EOK_CAT(__riscv_vlseg4e32_v_f32m, EOK_LMUL), x4)
#define VSSEG4 EOK_CAT(EOK_CAT(__riscv_vsseg4e32_v_f32m, EOK_LMUL), x4)
#define VCREATE4 EOK_CAT(EOK_CAT(__riscv_vcreate_v_f32m, EOK_LMUL), x4)
#define VGET4 EOK_CAT(EOK_CAT(EOK_CAT(__riscv_vget_v_f32m, EOK_LMUL), x4_f32m), EOK_LMUL)

static void pack1to4(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r0 = x + g * 4 * size;
    const float* r1 = r0 + size;
    const float* r2 = r1 + size;
    const float* r3 = r2 + size;
    float* out = y + g * 4 * size;
    for (long n = size; n > 0;) {
      size_t vl = VSETVL4((size_t)n);
      VSSEG4(out, VCREATE4(VLE4(r0, vl), VLE4(r1, vl), VLE4(r2, vl), VLE4(r3, vl)), vl);
      r0 += vl;
      r1 += vl;
      r2 += vl;
      r3 += vl;
      out += vl * 4;
      n -= (long)vl;
    }
  }
}

static void pack4to1(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r0 = x + g * 4 * size;
    float* o0 = y + g * 4 * size;
    float* o1 = o0 + size;
    float* o2 = o1 + size;
    float* o3 = o2 + size;
    for (long n = size; n > 0;) {
      size_t vl = VSETVL4((size_t)n);
      T4 p = VLSEG4(r0, vl);
      VSE4(o0, VGET4(p, 0), vl);
      VSE4(o1, VGET4(p, 1), vl);
      VSE4(o2, VGET4(p, 2), vl);
      VSE4(o3, VGET4(p, 3), vl);
      r0 += vl * 4;
      o0 += vl;
      o1 += vl;
      o2 += vl;
      o3 += vl;
      n -= (long)vl;
    }
  }
}

static void pack1to8(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r = x + g * 8 * size;
    float* out = y + g * 8 * size;
    for (long i = 0; i < size;) {
      size_t vl = __riscv_vsetvl_e32m1((size_t)(size - i));
      vfloat32m1x8_t p = __riscv_vcreate_v_f32m1x8(
          __riscv_vle32_v_f32m1(r + i, vl), __riscv_vle32_v_f32m1(r + size + i, vl),
          __riscv_vle32_v_f32m1(r + 2 * size + i, vl), __riscv_vle32_v_f32m1(r + 3 * size + i, vl),
          __riscv_vle32_v_f32m1(r + 4 * size + i, vl), __riscv_vle32_v_f32m1(r + 5 * size + i, vl),
          __riscv_vle32_v_f32m1(r + 6 * size + i, vl), __riscv_vle32_v_f32m1(r + 7 * size + i, vl));
      __riscv_vsseg8e32_v_f32m1x8(out + i * 8, p, vl);
      i += (long)vl;
    }
  }
}

static void pack8to1(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r = x + g * 8 * size;
    float* out = y + g * 8 * size;
    for (long i = 0; i < size;) {
      size_t vl = __riscv_vsetvl_e32m1((size_t)(size - i));
      vfloat32m1x8_t p = __riscv_vlseg8e32_v_f32m1x8(r + i * 8, vl);
      __riscv_vse32_v_f32m1(out + i, __riscv_vget_v_f32m1x8_f32m1(p, 0), vl);
      __riscv_vse32_v_f32m1(out + size + i, __riscv_vget_v_f32m1x8_f32m1(p, 1), vl);
      __riscv_vse32_v_f32m1(out + 2 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 2), vl);
      __riscv_vse32_v_f32m1(out + 3 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 3), vl);
      __riscv_vse32_v_f32m1(out + 4 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 4), vl);
      __riscv_vse32_v_f32m1(out + 5 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 5), vl);
      __riscv_vse32_v_f32m1(out + 6 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 6), vl);
      __riscv_vse32_v_f32m1(out + 7 * size + i, __riscv_vget_v_f32m1x8_f32m1(p, 7), vl);
      i += (long)vl;
    }
  }
}

// Two pack-4 groups (channels 8g..8g+3 and 8g+4..8g+7) into one pack-8 group.
static void pack4to8(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r0 = x + g * 8 * size;
    const float* r1 = r0 + 4 * size;
    float* out = y + g * 8 * size;
    for (long i = 0; i < size;) {
      size_t vl = __riscv_vsetvl_e32m1((size_t)(size - i));
      vfloat32m1x4_t a = __riscv_vlseg4e32_v_f32m1x4(r0 + i * 4, vl);
      vfloat32m1x4_t b = __riscv_vlseg4e32_v_f32m1x4(r1 + i * 4, vl);
      vfloat32m1x8_t p = __riscv_vcreate_v_f32m1x8(
          __riscv_vget_v_f32m1x4_f32m1(a, 0), __riscv_vget_v_f32m1x4_f32m1(a, 1),
          __riscv_vget_v_f32m1x4_f32m1(a, 2), __riscv_vget_v_f32m1x4_f32m1(a, 3),
          __riscv_vget_v_f32m1x4_f32m1(b, 0), __riscv_vget_v_f32m1x4_f32m1(b, 1),
          __riscv_vget_v_f32m1x4_f32m1(b, 2), __riscv_vget_v_f32m1x4_f32m1(b, 3));
      __riscv_vsseg8e32_v_f32m1x8(out + i * 8, p, vl);
      i += (long)vl;
    }
  }
}

static void pack8to4(const float* x, float* y, long groups, long size)
{
  for (long g = 0; g < groups; ++g) {
    const float* r = x + g * 8 * size;
    float* o0 = y + g * 8 * size;
    float* o1 = o0 + 4 * size;
    for (long i = 0; i < size;) {
      size_t vl = __riscv_vsetvl_e32m1((size_t)(size - i));
      vfloat32m1x8_t p = __riscv_vlseg8e32_v_f32m1x8(r + i * 8, vl);
      vfloat32m1x4_t a = __riscv_vcreate_v_f32m1x4(
          __riscv_vget_v_f32m1x8_f32m1(p, 0), __riscv_vget_v_f32m1x8_f32m1(p, 1),
          __riscv_vget_v_f32m1x8_f32m1(p, 2), __riscv_vget_v_f32m1x8_f32m1(p, 3));
      vfloat32m1x4_t b = __riscv_vcreate_v_f32m1x4(
          __riscv_vget_v_f32m1x8_f32m1(p, 4), __riscv_vget_v_f32m1x8_f32m1(p, 5),
          __riscv_vget_v_f32m1x8_f32m1(p, 6), __riscv_vget_v_f32m1x8_f32m1(p, 7));
      __riscv_vsseg4e32_v_f32m1x4(o0 + i * 4, a, vl);
      __riscv_vsseg4e32_v_f32m1x4(o1 + i * 4, b, vl);
      i += (long)vl;
    }
  }
}

void eok_packing_f32(const float* x, float* y, long c, long h, long w, long in_pack,
                     long out_pack)
{
  const long size = h * w;
  if (in_pack == 1 && out_pack == 4) {
    pack1to4(x, y, c / 4, size);
  } else if (in_pack == 4 && out_pack == 1) {
    pack4to1(x, y, c / 4, size);
  } else if (in_pack == 1 && out_pack == 8) {
    pack1to8(x, y, c / 8, size);
  } else if (in_pack == 8 && out_pack == 1) {
    pack8to1(x, y, c / 8, size);
  } else if (in_pack == 4 && out_pack == 8) {
    pack4to8(x, y, c / 8, size);
  } else if (in_pack == 8 && out_pack == 4) {
    pack8to4(x, y, c / 8, size);
  }
}
