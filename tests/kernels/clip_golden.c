/* Scalar golden for kernels/nn/clip; test-only. */
#include <math.h>

#include "golden.h"

double golden_clip(double x, double lo, double hi)
{
  if (isnan(x)) {
    return x;
  }
  return x < lo ? lo : x > hi ? hi : x;
}
