// eok ker0: NCNN ConvolutionDepthWise with fp16 storage and fp16 arithmetic (elempack 16 =
// packn of fp16 at VLEN 256), the way NCNN's RISC-V zfh layer runs forward_fp16sa on the
// packed layout: one f16m1 vector holds the same pixel of 16 channels, every tap is a vle16
// of 16 input channels times a vle16 of their 16 weights (vfmacc_vv in fp16), starting from
// the 16 fp16 biases; no horizontal work, any kernel size, stride and dilation.
// Layout: x[(g*h + i)*w + j][l] is channel 16g+l, k[(g*ks*ks + t)*16 + l] the weight of tap
// t = ky*ks + kx for channel 16g+l, y like x.
// EOK_PX output pixels of a row are computed together so each tap's weight vector is loaded
// once for all of them (NCNN's generic loop, EOK_PX = 1, reloads it per pixel).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 16 };

#define LD(p) __riscv_vle16_v_f16m1((p), vl)
#define FMA(acc, a, b) acc = __riscv_vfmacc_vv_f16m1(acc, (a), (b), vl)

void eok_convdw_f16(const _Float16* x, const _Float16* k, const _Float16* bias, _Float16* y, long cg,
                    long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const long taps = ks * ks;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  const long step = s * pack; // halves between the windows of neighbouring output pixels
  for (long g = 0; g < cg; ++g) {
    const _Float16* img = x + g * h * w * pack;
    const _Float16* kg = k + g * taps * pack;
    const vfloat16m1_t b = LD(bias + g * pack);
    _Float16* out = y + g * outh * outw * pack;
    for (long i = 0; i < outh; ++i) {
      const _Float16* row = img + i * s * w * pack;
      long j = 0;
#if EOK_PX >= 2
      for (; j + EOK_PX <= outw; j += EOK_PX) {
        const _Float16* p = row + j * step;
        vfloat16m1_t s0 = b, s1 = b;
#if EOK_PX == 4
        vfloat16m1_t s2 = b, s3 = b;
#endif
        for (long ky = 0; ky < ks; ++ky) {
          const _Float16* r = p + ky * d * w * pack;
          for (long kx = 0; kx < ks; ++kx) {
            const vfloat16m1_t kv = LD(kg + (ky * ks + kx) * pack);
            const _Float16* q = r + kx * d * pack;
            FMA(s0, LD(q), kv);
            FMA(s1, LD(q + step), kv);
#if EOK_PX == 4
            FMA(s2, LD(q + 2 * step), kv);
            FMA(s3, LD(q + 3 * step), kv);
#endif
          }
        }
        _Float16* o = out + (i * outw + j) * pack;
        __riscv_vse16_v_f16m1(o, s0, vl);
        __riscv_vse16_v_f16m1(o + pack, s1, vl);
#if EOK_PX == 4
        __riscv_vse16_v_f16m1(o + 2 * pack, s2, vl);
        __riscv_vse16_v_f16m1(o + 3 * pack, s3, vl);
#endif
      }
#endif
      for (; j < outw; ++j) {
        const _Float16* p = row + j * step;
        vfloat16m1_t s0 = b;
        for (long ky = 0; ky < ks; ++ky) {
          const _Float16* r = p + ky * d * w * pack;
          for (long kx = 0; kx < ks; ++kx) {
            FMA(s0, LD(r + kx * d * pack), LD(kg + (ky * ks + kx) * pack));
          }
        }
        __riscv_vse16_v_f16m1(out + (i * outw + j) * pack, s0, vl);
      }
    }
  }
}
