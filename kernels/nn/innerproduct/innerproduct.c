// eok ker0: NCNN InnerProduct (1-D input, fp32) the way NCNN's RISC-V layer runs it.
//
// y[o] = bias[o] + sum_i W[o][i] * x[i]. The weights come in the layout NCNN's
// create_pipeline makes for out_elempack = packn (8 at VLEN 256): the first 8*(nout/8)
// outputs as blocks w[b][i][l] (output 8b+l, input i; 8 consecutive floats per input), the
// remaining nout % 8 outputs row-major after them. Per block one m1 accumulator of the 8
// outputs takes vfmacc_vf(x[i], w[b][i][0..8)) over i, NCNN's packn loop; the tail outputs
// are scalar dot products, as NCNN's remainder loop.
// EOK_BLOCKS blocks share each x[i] scalar load; EOK_KSPLIT splits i into that many
// interleaved partial sums per block (added at the end), which breaks the fmacc chain.
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

enum { pack = 8 };

#define VL8 __riscv_vsetvl_e32m1(pack)
#define LD(p) __riscv_vle32_v_f32m1((p), vl)
#define FMA(acc, s, p) acc = __riscv_vfmacc_vf_f32m1(acc, (s), LD(p), vl)

// One block of 8 outputs; with EOK_KSPLIT 2 even and odd i go to two partial sums.
static inline void block1(const float* x, const float* wb, const float* bias, float* y, long nin)
{
  const size_t vl = VL8;
  vfloat32m1_t a0 = LD(bias);
#if EOK_KSPLIT == 2
  vfloat32m1_t a1 = __riscv_vfmv_v_f_f32m1(0.f, vl);
  long i = 0;
  for (; i + 1 < nin; i += 2) {
    FMA(a0, x[i], wb + i * pack);
    FMA(a1, x[i + 1], wb + (i + 1) * pack);
  }
  if (i < nin) {
    FMA(a0, x[i], wb + i * pack);
  }
  a0 = __riscv_vfadd_vv_f32m1(a0, a1, vl);
#else
  for (long i = 0; i < nin; ++i) {
    FMA(a0, x[i], wb + i * pack);
  }
#endif
  __riscv_vse32_v_f32m1(y, a0, vl);
}

#if EOK_BLOCKS >= 2
// Two blocks sharing each x[i] load.
static inline void block2(const float* x, const float* wb, const float* bias, float* y, long nin)
{
  const size_t vl = VL8;
  const float* wc = wb + nin * pack;
  vfloat32m1_t a0 = LD(bias), b0 = LD(bias + pack);
#if EOK_KSPLIT == 2
  vfloat32m1_t a1 = __riscv_vfmv_v_f_f32m1(0.f, vl), b1 = a1;
  long i = 0;
  for (; i + 1 < nin; i += 2) {
    const float x0 = x[i], x1 = x[i + 1];
    FMA(a0, x0, wb + i * pack);
    FMA(b0, x0, wc + i * pack);
    FMA(a1, x1, wb + (i + 1) * pack);
    FMA(b1, x1, wc + (i + 1) * pack);
  }
  if (i < nin) {
    FMA(a0, x[i], wb + i * pack);
    FMA(b0, x[i], wc + i * pack);
  }
  a0 = __riscv_vfadd_vv_f32m1(a0, a1, vl);
  b0 = __riscv_vfadd_vv_f32m1(b0, b1, vl);
#else
  for (long i = 0; i < nin; ++i) {
    const float x0 = x[i];
    FMA(a0, x0, wb + i * pack);
    FMA(b0, x0, wc + i * pack);
  }
#endif
  __riscv_vse32_v_f32m1(y, a0, vl);
  __riscv_vse32_v_f32m1(y + pack, b0, vl);
}
#endif

#if EOK_BLOCKS >= 4
// Four blocks sharing each x[i] load.
static inline void block4(const float* x, const float* wb, const float* bias, float* y, long nin)
{
  const size_t vl = VL8;
  const float* wc = wb + nin * pack;
  const float* wd = wc + nin * pack;
  const float* we = wd + nin * pack;
  vfloat32m1_t a0 = LD(bias), b0 = LD(bias + pack), c0 = LD(bias + 2 * pack), d0 = LD(bias + 3 * pack);
#if EOK_KSPLIT == 2
  vfloat32m1_t a1 = __riscv_vfmv_v_f_f32m1(0.f, vl), b1 = a1, c1 = a1, d1 = a1;
  long i = 0;
  for (; i + 1 < nin; i += 2) {
    const float x0 = x[i], x1 = x[i + 1];
    FMA(a0, x0, wb + i * pack);
    FMA(b0, x0, wc + i * pack);
    FMA(c0, x0, wd + i * pack);
    FMA(d0, x0, we + i * pack);
    FMA(a1, x1, wb + (i + 1) * pack);
    FMA(b1, x1, wc + (i + 1) * pack);
    FMA(c1, x1, wd + (i + 1) * pack);
    FMA(d1, x1, we + (i + 1) * pack);
  }
  if (i < nin) {
    FMA(a0, x[i], wb + i * pack);
    FMA(b0, x[i], wc + i * pack);
    FMA(c0, x[i], wd + i * pack);
    FMA(d0, x[i], we + i * pack);
  }
  a0 = __riscv_vfadd_vv_f32m1(a0, a1, vl);
  b0 = __riscv_vfadd_vv_f32m1(b0, b1, vl);
  c0 = __riscv_vfadd_vv_f32m1(c0, c1, vl);
  d0 = __riscv_vfadd_vv_f32m1(d0, d1, vl);
#else
  for (long i = 0; i < nin; ++i) {
    const float x0 = x[i];
    FMA(a0, x0, wb + i * pack);
    FMA(b0, x0, wc + i * pack);
    FMA(c0, x0, wd + i * pack);
    FMA(d0, x0, we + i * pack);
  }
#endif
  __riscv_vse32_v_f32m1(y, a0, vl);
  __riscv_vse32_v_f32m1(y + pack, b0, vl);
  __riscv_vse32_v_f32m1(y + 2 * pack, c0, vl);
  __riscv_vse32_v_f32m1(y + 3 * pack, d0, vl);
}
#endif

void eok_innerproduct_f32(const float* x, const float* w, const float* bias, float* y, long nin, long nout)
{
  const long nblocks = nout / pack;
  long b = 0;
#if EOK_BLOCKS >= 4
  for (; b + 4 <= nblocks; b += 4) {
    block4(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin);
  }
#endif
#if EOK_BLOCKS >= 2
  for (; b + 2 <= nblocks; b += 2) {
    block2(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin);
  }
#endif
  for (; b < nblocks; ++b) {
    block1(x, w + b * pack * nin, bias + b * pack, y + b * pack, nin);
  }
  const float* wtail = w + nblocks * pack * nin;
  for (long o = nblocks * pack; o < nout; ++o) {
    const float* wr = wtail + (o - nblocks * pack) * nin;
    float sum = bias[o];
    for (long i = 0; i < nin; ++i) {
      sum += wr[i] * x[i];
    }
    y[o] = sum;
  }
}
