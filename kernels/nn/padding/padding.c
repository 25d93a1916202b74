// eok ker0: NCNN Padding (constant, replicate, reflect) of a pack-8 fp32 blob, RVV 1.0
// intrinsics, written the way NCNN's RVV layer (padding_packn.h) does it: every pixel is one
// m1 vector of 8 channel lanes; the output is written row by row, top border, then each
// input row with its left and right borders, then the bottom border. Constant borders store
// a splat of the value, replicate stores the edge pixel again, reflect the mirrored pixel.
#include <riscv_vector.h>

// The interior of a row (w pixels, contiguous) is copied in strips of EOK_LMUL registers;
// at LMUL 1 that is one pixel per step, NCNN's loop.
#ifndef EOK_LMUL
#define EOK_LMUL 1
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

// Input row/column for output coordinate o (pad = top/left border, n = input extent).
static long source(long o, long pad, long n, long type)
{
  long i = o - pad;
  if (type == 1) {
    return i < 0 ? 0 : i >= n ? n - 1 : i;
  }
  return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
}

void eok_padding_f32(const float* x, float* y, long c, long h, long w, long top, long bottom,
                     long left, long right, long type, float value)
{
  const size_t vl = __riscv_vsetvl_e32m1(8);
  const long outh = h + top + bottom, outw = w + left + right;
  const vfloat32m1_t fill = __riscv_vfmv_v_f_f32m1(value, vl);
  for (long g = 0; g < c / 8; ++g) {
    const float* src = x + g * h * w * 8;
    float* out = y + g * outh * outw * 8;
    for (long i = 0; i < outh; ++i) {
      int border_row = i < top || i >= top + h;
      if (type == 0 && border_row) {
        for (long j = 0; j < outw; ++j) {
          __riscv_vse32_v_f32m1(out, fill, vl);
          out += 8;
        }
        continue;
      }
      const float* row = src + source(i, top, h, type) * w * 8;
      for (long j = 0; j < left; ++j) {
        vfloat32m1_t v = type == 0 ? fill : __riscv_vle32_v_f32m1(row + source(j, left, w, type) * 8, vl);
        __riscv_vse32_v_f32m1(out, v, vl);
        out += 8;
      }
      for (long j = 0; j < w * 8;) {
        size_t n = VSETVL((size_t)(w * 8 - j));
        F(vse32_v)(out + j, F(vle32_v)(row + j, n), n);
        j += (long)n;
      }
      out += w * 8;
      for (long j = left + w; j < outw; ++j) {
        vfloat32m1_t v = type == 0 ? fill : __riscv_vle32_v_f32m1(row + source(j, left, w, type) * 8, vl);
        __riscv_vse32_v_f32m1(out, v, vl);
        out += 8;
      }
    }
  }
}
