// eok ker0: NCNN Concat of 2 or 3 fp32 blobs (w x h x c, all at elempack pack) along
// axis 0 (channels), 1 (rows) or 2 (columns), RVV 1.0 intrinsics, written the way NCNN's
// Concat_riscv does it: each input's contiguous run (a whole blob for axis 0, a channel's
// block for axis 1, a row for axis 2) is copied in turn, as NCNN's memcpy calls, here by a
// strip-mined vle32/vse32 loop. Axis 0 gives the output elempack 8 when the total channel
// count is a multiple of 8, else 1; pack-1 inputs into a pack-8 output are scattered with
// strided stores (vsse32, stride 8 floats) straight into the packed layout, where NCNN
// concatenates into a planar temporary and then runs convert_packing (the same moves
// without the temporary).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

static void copy(const float* x, float* y, long n)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    F(vse32_v)(y + i, F(vle32_v)(x + i, vl), vl);
    i += (long)vl;
  }
}

// x[0..n) to y[0], y[stride], y[2*stride], ...
static void scatter(const float* x, float* y, long n, long stride)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    F(vsse32_v)(y + i * stride, (ptrdiff_t)(stride * (long)sizeof(float)), F(vle32_v)(x + i, vl), vl);
    i += (long)vl;
  }
}

// ch: channels of every input (axes 1, 2); e[i]: input i's extent along the axis (its
// channels for axis 0, rows for 1, columns for 2).
void eok_concat_f32(const float* a, const float* b, const float* c, float* y, long k, long axis,
                    long ch, long h, long w, long pack, long ea, long eb, long ec, long an,
                    long bn, long cn)
{
  (void)an;
  (void)bn;
  (void)cn;
  const float* in[3] = {a, b, c};
  long e[3] = {ea, eb, ec};
  if (axis == 0) {
    long total = 0;
    for (long i = 0; i < k; ++i) {
      total += e[i];
    }
    long hw = h * w;
    if (pack == 8 || total % 8 != 0) { // same elempack in and out: whole blobs in turn
      for (long i = 0; i < k; ++i) {
        copy(in[i], y, e[i] * hw);
        y += e[i] * hw;
      }
      return;
    }
    long p = 0; // pack-1 inputs into the pack-8 output: channel p is lane p % 8 of group p / 8
    for (long i = 0; i < k; ++i) {
      for (long q = 0; q < e[i]; ++q, ++p) {
        scatter(in[i] + q * hw, y + (p / 8) * hw * 8 + p % 8, hw, 8);
      }
    }
    return;
  }
  long groups = ch / pack;
  if (axis == 1) { // per channel group, each input's rows in turn
    for (long g = 0; g < groups; ++g) {
      for (long i = 0; i < k; ++i) {
        long run = e[i] * w * pack;
        copy(in[i] + g * run, y, run);
        y += run;
      }
    }
    return;
  }
  for (long g = 0; g < groups; ++g) { // axis 2: per row, each input's columns in turn
    for (long r = 0; r < h; ++r) {
      for (long i = 0; i < k; ++i) {
        long run = e[i] * pack;
        copy(in[i] + (g * h + r) * run, y, run);
        y += run;
      }
    }
  }
}
