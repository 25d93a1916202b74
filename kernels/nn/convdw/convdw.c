// eok ker0: NCNN ConvolutionDepthWise (fp32, elempack 8 = packn at VLEN 256) the way NCNN's
// RISC-V layer runs the packed layout: one m1 vector holds the same pixel of 8 channels, so
// every tap is a vle32 of 8 input channels times a vle32 of their 8 weights (vfmacc_vv),
// starting from the 8 biases; no horizontal work, any kernel size, stride and dilation.
// Layout (NCNN's packn blob and weight_data_tm): x[(g*h + i)*w + j][l] is channel 8g+l,
// k[(g*ks*ks + t)*8 + l] the weight of tap t = ky*ks + kx for channel 8g+l, y like x.
// EOK_PX output pixels of a row are computed together so each tap's weight vector is loaded
// once for all of them (NCNN's 3x3 and 5x5 special cases keep the weights in registers
// across pixels; its generic loop, EOK_PX = 1, reloads them per pixel).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4
#error "EOK_PX must be 1, 2 or 4"
#endif

enum { pack = 8 };

#define LD(p) __riscv_vle32_v_f32m1((p), vl)
#define FMA(acc, a, b) acc = __riscv_vfmacc_vv_f32m1(acc, (a), (b), vl)

void eok_convdw_f32(const float* x, const float* k, const float* bias, float* y, long cg, long h, long w, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const long taps = ks * ks;
  const size_t vl = __riscv_vsetvl_e32m1(pack);
  const long step = s * pack; // floats between the windows of neighbouring output pixels
  for (long g = 0; g < cg; ++g) {
    const float* img = x + g * h * w * pack;
    const float* kg = k + g * taps * pack;
    const vfloat32m1_t b = LD(bias + g * pack);
    float* out = y + g * outh * outw * pack;
    for (long i = 0; i < outh; ++i) {
      const float* row = img + i * s * w * pack;
      long j = 0;
#if EOK_PX >= 2
      for (; j + EOK_PX <= outw; j += EOK_PX) {
        const float* p = row + j * step;
        vfloat32m1_t s0 = b, s1 = b;
#if EOK_PX == 4
        vfloat32m1_t s2 = b, s3 = b;
#endif
        for (long ky = 0; ky < ks; ++ky) {
          const float* r = p + ky * d * w * pack;
          for (long kx = 0; kx < ks; ++kx) {
            const vfloat32m1_t kv = LD(kg + (ky * ks + kx) * pack);
            const float* q = r + kx * d * pack;
            FMA(s0, LD(q), kv);
            FMA(s1, LD(q + step), kv);
#if EOK_PX == 4
            FMA(s2, LD(q + 2 * step), kv);
            FMA(s3, LD(q + 3 * step), kv);
#endif
          }
        }
        float* o = out + (i * outw + j) * pack;
        __riscv_vse32_v_f32m1(o, s0, vl);
        __riscv_vse32_v_f32m1(o + pack, s1, vl);
#if EOK_PX == 4
        __riscv_vse32_v_f32m1(o + 2 * pack, s2, vl);
        __riscv_vse32_v_f32m1(o + 3 * pack, s3, vl);
#endif
      }
#endif
      for (; j < outw; ++j) {
        const float* p = row + j * step;
        vfloat32m1_t s0 = b;
        for (long ky = 0; ky < ks; ++ky) {
          const float* r = p + ky * d * w * pack;
          for (long kx = 0; kx < ks; ++kx) {
            FMA(s0, LD(r + kx * d * pack), LD(kg + (ky * ks + kx) * pack));
          }
        }
        __riscv_vse32_v_f32m1(out + (i * outw + j) * pack, s0, vl);
      }
    }
  }
}
