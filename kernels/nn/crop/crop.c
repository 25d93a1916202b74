// eok ker0: NCNN Crop of a 3-D fp32 blob, RVV 1.0 intrinsics, written the way NCNN's RVV
// layer does it.
//
// elempack 8: each output pixel's 8 channel lanes are one m1 vector, copied row by row from
// the offset pixel (NCNN's crop_packn). elempack 1: NCNN's RVV layer falls back to its
// scalar Crop for planar blobs; here each output row is a strip-mined vector copy from the
// offset column, the same loop shape the packed path uses.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

void eok_crop_f32(const float* x, float* y, long coff, long outc, long crest, long hoff,
                  long outh, long hrest, long woff, long outw, long wrest, long elempack)
{
  (void)crest;
  const long h = hoff + outh + hrest;
  const long w = woff + outw + wrest;
  if (elempack == 8) {
    const size_t vl = __riscv_vsetvl_e32m1(8);
    for (long g = 0; g < outc / 8; ++g) {
      const float* src = x + (coff / 8 + g) * h * w * 8;
      float* dst = y + g * outh * outw * 8;
      for (long i = 0; i < outh; ++i) {
        const float* ptr = src + ((hoff + i) * w + woff) * 8;
        for (long j = 0; j < outw; ++j) {
          __riscv_vse32_v_f32m1(dst, __riscv_vle32_v_f32m1(ptr, vl), vl);
          ptr += 8;
          dst += 8;
        }
      }
    }
    return;
  }
  for (long q = 0; q < outc; ++q) {
    const float* src = x + (coff + q) * h * w;
    float* dst = y + q * outh * outw;
    for (long i = 0; i < outh; ++i) {
      const float* ptr = src + (hoff + i) * w + woff;
      for (long j = 0; j < outw;) {
        size_t vl = VSETVL((size_t)(outw - j));
        F(vse32_v)(dst + j, F(vle32_v)(ptr + j, vl), vl);
        j += (long)vl;
      }
      dst += outw;
    }
  }
}
