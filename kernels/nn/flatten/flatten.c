// eok ker0: NCNN Flatten of a 3-D fp32 blob, RVV 1.0 intrinsics, written the way NCNN's
// RVV layer does it.
//
// elempack 1: the planar blob already is the flat row; a strip-mined copy.
// elempack 8 (packn at VLEN 256): channel group g holds h*w pixels of 8 interleaved
// channels. Each pixel's 8 lanes are loaded unit-stride (vl = 8 at m1) and scattered with
// one strided store (stride h*w floats) into the 8 channel rows of the output, as NCNN's
// vle32 + vsse32 loop does.
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

void eok_flatten_f32(const float* x, float* y, long c, long h, long w, long elempack)
{
  const long size = h * w;
  if (elempack == 8) {
    for (long g = 0; g < c / 8; ++g) {
      const float* ptr = x + g * size * 8;
      float* out = y + g * size * 8;
      for (long n = size * 8; n > 0;) {
        size_t vl = __riscv_vsetvl_e32m1((size_t)n);
        vfloat32m1_t v = __riscv_vle32_v_f32m1(ptr, vl);
        __riscv_vsse32_v_f32m1(out, (ptrdiff_t)(size * (long)sizeof(float)), v, vl);
        ptr += vl;
        out += 1;
        n -= (long)vl;
      }
    }
    return;
  }
  const long total = c * size;
  for (long i = 0; i < total;) {
    size_t vl = VSETVL((size_t)(total - i));
    F(vse32_v)(y + i, F(vle32_v)(x + i, vl), vl);
    i += (long)vl;
  }
}
