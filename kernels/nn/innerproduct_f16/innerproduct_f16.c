// eok ker0: NCNN InnerProduct (1-D input) with fp16 storage, the way NCNN's RISC-V zfh
// layer runs its fp16s path (fp16 weights and input, fp32 bias and accumulation).
//
// y[o] = fp16(bias[o] + sum_i W[o][i] * x[i]). Weights come in the layout create_pipeline
// makes for out_elempack = packn (16 halves at VLEN 256): the first 16*(nout/16) outputs as
// blocks w[b][i][l] (output 16b+l, input i), the nout % 16 remaining outputs row-major
// after them. Per block one f32m2 accumulator (16 outputs) starts at the bias; each step
// loads 16 fp16 weights (f16m1), widens them to fp32 (vfwcvt) and adds x[i] times them
// (vfmacc_vf, x[i] widened as a scalar): NCNN's packn loop. The accumulator is narrowed once
// at the end (vfncvt, round to nearest even). Tail outputs are scalar fp32 dot products.
// EOK_BLOCKS blocks share each x[i]; EOK_KSPLIT splits i into interleaved partial sums.
#include <riscv_vector.h>

#ifndef EOK_BLOCKS
#define EOK_BLOCKS 1
#endif
#ifndef EOK_KSPLIT
#define EOK_KSPLIT 1
#endif
#if EOK_BLOCKS != 1 && EOK_BLOCKS != 2 && EOK_BLOCKS != 4
#error "EOK_BLOCKS must be 1, 2 or 4"
#endif
#if EOK_KSPLIT != 1 && EOK_KSPLIT != 2
#error "EOK_KSPLIT must be 1 or 2"
#endif

enum { pack = 16 };

typedef vfloat32m2_t acc_t;

// acc += xs * widen(w[0..16)).
#define STEP(acc, xs, p) \
  acc = __riscv_vfmacc_vf_f32m2(acc, (xs), __riscv_vfwcvt_f_f_v_f32m2(__riscv_vle16_v_f16m1((p), vl), vl), vl)

// nb (1, 2 or 4) consecutive blocks starting at wb (block stride nin * pack).
static inline void blocks(const _Float16* x, const _Float16* wb, const float* bias, _Float16* y,
                          long nin, int nb)
{
  const size_t vl = __riscv_vsetvl_e16m1(pack);
  const long bs = nin * pack;
  acc_t a0 = __riscv_vle32_v_f32m2(bias, vl), a1 = a0, a2 = a0, a3 = a0;
  if (nb > 1) {
    a1 = __riscv_vle32_v_f32m2(bias + pack, vl);
  }
  if (nb > 2) {
    a2 = __riscv_vle32_v_f32m2(bias + 2 * pack, vl);
    a3 = __riscv_vle32_v_f32m2(bias + 3 * pack, vl);
  }
  long i = 0;
#if EOK_KSPLIT == 2
  const acc_t z = __riscv_vfmv_v_f_f32m2(0.f, vl);
  acc_t b0 = z, b1 = z, b2 = z, b3 = z;
  for (; i + 1 < nin; i += 2) {
    const float x0 = (float)x[i], x1 = (float)x[i + 1];
    const _Float16* p = wb + i * pack;
    STEP(a0, x0, p);
    STEP(b0, x1, p + pack);
    if (nb > 1) {
      STEP(a1, x0, p + bs);
      STEP(b1, x1, p + bs + pack);
    }
    if (nb > 2) {
      STEP(a2, x0, p + 2 * bs);
      STEP(b2, x1, p + 2 * bs + pack);
      STEP(a3, x0, p + 3 * bs);
      STEP(b3, x1, p + 3 * bs + pack);
    }
  }
#endif
  for (; i < nin; ++i) {
    const float x0 = (float)x[i];
    const _Float16* p = wb + i * pack;
    STEP(a0, x0, p);
    if (nb > 1) {
      STEP(a1, x0, p + bs);
    }
    if (nb > 2) {
      STEP(a2, x0, p + 2 * bs);
      STEP(a3, x0, p + 3 * bs);
    }
  }
#if EOK_KSPLIT == 2
  a0 = __riscv_vfadd_vv_f32m2(a0, b0, vl);
  a1 = __riscv_vfadd_vv_f32m2(a1, b1, vl);
  a2 = __riscv_vfadd_vv_f32m2(a2, b2, vl);
  a3 = __riscv_vfadd_vv_f32m2(a3, b3, vl);
#endif
  __riscv_vse16_v_f16m1(y, __riscv_vfncvt_f_f_w_f16m1(a0, vl), vl);
  if (nb > 1) {
    __riscv_vse16_v_f16m1(y + pack, __riscv_vfncvt_f_f_w_f16m1(a1, vl), vl);
  }
  if (nb > 2) {
    __riscv_vse16_v_f16m1(y + 2 * pack, __riscv_vfncvt_f_f_w_f16m1(a2, vl), vl);
    __riscv_vse16_v_f16m1(y + 3 * pack, __riscv_vfncvt_f_f_w_f16m1(a3, vl), vl);
  }
}

void eok_innerproduct_f16(const _Float16* x, const _Float16* w, const float* bias, _Float16* y,
                          long nin, long nout)
{
  const long nblocks = nout / pack;
  long b = 0;
#if EOK_BLOCKS >= 4
  for (; b + 4 <= nblocks; b += 4) {
    blocks(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin, 4);
  }
#endif
#if EOK_BLOCKS >= 2
  for (; b + 2 <= nblocks; b += 2) {
    blocks(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin, 2);
  }
#endif
  for (; b < nblocks; ++b) {
    blocks(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin, 1);
  }
  const _Float16* wtail = w + nblocks * pack * nin;
  for (long o = nblocks * pack; o < nout; ++o) {
    const _Float16* wr = wtail + (o - nblocks * pack) * nin;
    float sum = bias[o];
    for (long i = 0; i < nin; ++i) {
      sum += (float)x[i] * (float)wr[i];
    }
    y[o] = (_Float16)sum;
  }
}
