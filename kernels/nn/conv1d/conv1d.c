// eok ker0: NCNN Convolution1D (fp32), the path NCNN's RISC-V layer takes for a planar input
// (elempack 1, any channel count) and an output channel count that is a multiple of 8
// (out_elempack = packn = 8 at VLEN 256): per output block of 8 channels and output position
// j, one m1 accumulator starts from the 8 biases and takes vfmacc_vf(x[q][j*s + k*d],
// w[p][q][k][0..8)) over input channels q and taps k.
// Layouts (NCNN's bordered blob and weight_data_packed): x[q*w + i], weights
// wt[((p*c + q)*ks + k)*8 + l] for output channel 8p+l, y[(p*outw + j)*8 + l].
// EOK_PX output positions are computed together so each weight vector load feeds all of
// them (NCNN: 1).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4 && EOK_PX != 8
#error "EOK_PX must be 1, 2, 4 or 8"
#endif

enum { pack = 8 };

#define LD(p) __riscv_vle32_v_f32m1((p), vl)
#define FMA(acc, s, v) acc = __riscv_vfmacc_vf_f32m1(acc, (s), (v), vl)
#define ST(p, v) __riscv_vse32_v_f32m1((p), (v), vl)

void eok_conv1d_f32(const float* x, const float* wt, const float* bias, float* y, long c, long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e32m1(pack);
  for (long p = 0; p < ocg; ++p) {
    const float* kp = wt + p * c * ks * pack;
    const vfloat32m1_t b = LD(bias + p * pack);
    float* out = y + p * outw * pack;
    long j = 0;
#if EOK_PX > 1
    for (; j + EOK_PX <= outw; j += EOK_PX) {
      vfloat32m1_t a0 = b, a1 = b;
#if EOK_PX >= 4
      vfloat32m1_t a2 = b, a3 = b;
#endif
#if EOK_PX == 8
      vfloat32m1_t a4 = b, a5 = b, a6 = b, a7 = b;
#endif
      const float* kq = kp;
      for (long q = 0; q < c; ++q) {
        const float* sp = x + q * w + j * s;
        for (long k = 0; k < ks; ++k) {
          const vfloat32m1_t kv = LD(kq);
          const float* v = sp + k * d;
          FMA(a0, v[0], kv);
          FMA(a1, v[s], kv);
#if EOK_PX >= 4
          FMA(a2, v[2 * s], kv);
          FMA(a3, v[3 * s], kv);
#endif
#if EOK_PX == 8
          FMA(a4, v[4 * s], kv);
          FMA(a5, v[5 * s], kv);
          FMA(a6, v[6 * s], kv);
          FMA(a7, v[7 * s], kv);
#endif
          kq += pack;
        }
      }
      float* o = out + j * pack;
      ST(o, a0);
      ST(o + pack, a1);
#if EOK_PX >= 4
      ST(o + 2 * pack, a2);
      ST(o + 3 * pack, a3);
#endif
#if EOK_PX == 8
      ST(o + 4 * pack, a4);
      ST(o + 5 * pack, a5);
      ST(o + 6 * pack, a6);
      ST(o + 7 * pack, a7);
#endif
    }
#endif
    for (; j < outw; ++j) {
      vfloat32m1_t a0 = b;
      const float* kq = kp;
      for (long q = 0; q < c; ++q) {
        const float* sp = x + q * w + j * s;
        for (long k = 0; k < ks; ++k) {
          FMA(a0, sp[k * d], LD(kq));
          kq += pack;
        }
      }
      ST(out + j * pack, a0);
    }
  }
}
