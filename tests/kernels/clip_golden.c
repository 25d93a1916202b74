/* Scalar golden for kernels/nn/clip; test-only. */
#include <math.h>

#include "golden.h"

double golden_clip(double x, double lo, double hi)
{
  if (isnan(x)) {
    return lo; /* NCNN's Clip_riscv: vfmax(NaN, lo) = lo, then vfmin(lo, hi) = lo */
  }
  return x < lo ? lo : x > hi ? hi : x;
}
