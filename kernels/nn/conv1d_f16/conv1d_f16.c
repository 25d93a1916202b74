// eok ker0: NCNN Convolution1D with fp16 storage and fp32 widening accumulation (NCNN's
// forward_fp16s), the path NCNN's RISC-V zfh layer takes for a planar fp16 input (elempack
// 1, any channel count) and an output channel count that is a multiple of 16 (out_elempack
// = fp16 packn = 16 at VLEN 256): per output block of 16 channels and output position j, one
// f32m2 accumulator starts from the 16 fp32 biases and takes vfmacc_vf(x[q][j*s + k*d],
// widen(w[p][q][k][0..16))) over input channels q and taps k (vfwcvt of an f16m1 weight
// vector, the scalar input widened); the sums are narrowed once (vfncvt, nearest even).
// Layouts (NCNN's bordered blob and weight_data_tm): x[q*w + i], weights
// wt[((p*c + q)*ks + k)*16 + l] for output channel 16p+l, y[(p*outw + j)*16 + l].
// EOK_PX output positions are computed together so each widened weight vector feeds all of
// them (NCNN: 1).
#include <riscv_vector.h>

#ifndef EOK_PX
#define EOK_PX 1
#endif
#if EOK_PX != 1 && EOK_PX != 2 && EOK_PX != 4 && EOK_PX != 8
#error "EOK_PX must be 1, 2, 4 or 8"
#endif

enum { pack = 16 };

#define WLD(p) __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1((p), vl), vl)
#define FMA(acc, s, v) acc = __riscv_vfmacc_vf_f32m2(acc, (float)(s), (v), vl)
#define ST(p, v) __riscv_vse16_v_f16m1((p), __riscv_vfncvt_f_f_w_f16m1((v), vl), vl)

void eok_conv1d_f16(const _Float16* x, const _Float16* wt, const float* bias, _Float16* y, long c,
                    long w, long ocg, long ks, long s, long d)
{
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  for (long p = 0; p < ocg; ++p) {
    const _Float16* kp = wt + p * c * ks * pack;
    const vfloat32m2_t b = __riscv_vle32_v_f32m2(bias + p * pack, vl);
    _Float16* out = y + p * outw * pack;
    long j = 0;
#if EOK_PX > 1
    for (; j + EOK_PX <= outw; j += EOK_PX) {
      vfloat32m2_t a0 = b, a1 = b;
#if EOK_PX >= 4
      vfloat32m2_t a2 = b, a3 = b;
#endif
#if EOK_PX == 8
      vfloat32m2_t a4 = b, a5 = b, a6 = b, a7 = b;
#endif
      const _Float16* kq = kp;
      for (long q = 0; q < c; ++q) {
        const _Float16* sp = x + q * w + j * s;
        for (long k = 0; k < ks; ++k) {
          const vfloat32m2_t kv = WLD(kq);
          const _Float16* v = sp + k * d;
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
      _Float16* o = out + j * pack;
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
      vfloat32m2_t a0 = b;
      const _Float16* kq = kp;
      for (long q = 0; q < c; ++q) {
        const _Float16* sp = x + q * w + j * s;
        for (long k = 0; k < ks; ++k) {
          FMA(a0, sp[k * d], WLD(kq));
          kq += pack;
        }
      }
      ST(out + j * pack, a0);
    }
  }
}
