/* Scalar golden for kernels/nn/binaryop (NCNN BinaryOp), in double; test-only. */
#include <math.h>

/* One op on two fp32 (or fp16) values in double: rounded once to fp32 (golden_binaryop) it is
 * the correctly rounded fp32 operation for + - * / (double holds more than 2*24+2 bits), and
 * the same holds for fp16 (golden_binaryop_exact, rounded by the fp16 test). MAX/MIN are
 * IEEE maximumNumber/minimumNumber as RVV vfmax/vfmin: a NaN loses to a number, -0 < +0.
 * POW and ATAN2 are C's pow and atan2 (NCNN's naive layer calls powf and atan2f) in double,
 * rounded to the element type so results beyond its range are Inf or 0 as it gives them; C99
 * Annex F fixes their special cases (pow(x, +-0) = pow(1, y) = pow(-1, +-Inf) = 1, a finite
 * negative base with a non-integer exponent is NaN, atan2's signed zeros and infinities).
 * FMOD and REMAINDER are exact in any precision; FLOOR_DIVIDE floors the fp32 quotient (the
 * naive layer's floorf(x / y)), so a quotient that rounds up to an integer floors to it.
 * LOGADDEXP is max + log1p(exp(min - max)) in double with RVV's vfmax/vfmin for max and min
 * (NCNN's logaddexp_ps): a NaN operand loses (logaddexp(x, NaN) = x + ln 2), two equal
 * infinities give that infinity, two NaNs NaN. */
static double one(double x, double z, long op)
{
  switch (op) {
  case 0: return x + z;
  case 1: return x - z;
  case 2: return x * z;
  case 3: return x / z;
  case 7: return z - x;
  case 8: return z / x;
  case 6: return pow(x, z);
  case 9: return pow(z, x);
  case 10: return atan2(x, z);
  case 11: return atan2(z, x);
  case 12: return fmod(x, z); /* exact, so the same as fmodf */
  case 13: return fmod(z, x);
  case 15: return floor((float)(x / z)); /* floorf of the fp32 quotient, as NCNN's naive layer */
  case 16: return floor((float)(z / x));
  case 17: return remainder(x, z); /* exact, so the same as remainderf */
  case 18: return remainder(z, x);
  case 14: {
    double m = one(x, z, 4), n = one(x, z, 5), d = n - m;
    return isnan(d) ? m : m + log1p(exp(d));
  }
  case 4:
  case 5:
    if (isnan(x) || isnan(z)) {
      return isnan(x) ? z : x;
    }
    if (x == z) { /* equal: only the signs of zeros can differ */
      return (op == 4) == (signbit(x) != 0) ? z : x;
    }
    return (op == 4) == (x > z) ? x : z;
  default: return NAN; /* not an op of this task */
  }
}

/* The index into a (is_a) or b of the value output element k = ((q*h + r)*w + x)*pack + l
 * uses, by the broadcast form (kernels/nn/binaryop/kernel.toml): odd forms from 3 on are the
 * even ones with a and b's roles exchanged, 14 pairs a per row with b one row per channel. */
static long operand(long form, int is_a, long q, long r, long x, long l, long h, long w, long pack)
{
  long bcast = form == 14 ? (is_a ? 6 : 8)
             : form >= 2 && form % 2 == 1 ? (is_a ? form - 1 : 0)
             : is_a ? 0 : form;
  switch (bcast) {
  case 1: return 0;                           /* one scalar */
  case 2: return q * pack + l;                /* per channel: c x 1 x 1 */
  case 4: return r * w + x;                   /* per pixel: 1 x h x w, pack 1 */
  case 6: return (q * h + r) * pack + l;      /* per row: c x h x 1 */
  case 8: return (q * w + x) * pack + l;      /* one row per channel: c x 1 x w */
  case 10: return r;                          /* one value per row, all channels: 1 x h x 1 */
  case 12: return x;                          /* one row for all: 1 x 1 x w */
  default: return ((q * h + r) * w + x) * pack + l; /* the full blob */
  }
}

/* Element counts of a and b for a form. */
long golden_binaryop_len(long form, int is_a, long c, long h, long w, long pack)
{
  long bcast = form == 14 ? (is_a ? 6 : 8)
             : form >= 2 && form % 2 == 1 ? (is_a ? form - 1 : 0)
             : is_a ? 0 : form;
  switch (bcast) {
  case 1: return 1;
  case 2: return c * pack;
  case 4: return h * w;
  case 6: return c * h * pack;
  case 8: return c * w * pack;
  case 10: return h;
  case 12: return w;
  default: return c * h * w * pack;
  }
}

/* y[k] = a op b with the broadcast of the form, in double (not rounded). */
void golden_binaryop_exact(const float* a, const float* b, double* y, long c, long h, long w,
                           long pack, long form, long op)
{
  for (long q = 0; q < c; ++q) {
    for (long r = 0; r < h; ++r) {
      for (long x = 0; x < w; ++x) {
        for (long l = 0; l < pack; ++l) {
          long k = ((q * h + r) * w + x) * pack + l;
          y[k] = one(a[operand(form, 1, q, r, x, l, h, w, pack)],
                     b[operand(form, 0, q, r, x, l, h, w, pack)], op);
        }
      }
    }
  }
}

/* The fp32 result: each value rounded to fp32. */
void golden_binaryop(const float* a, const float* b, double* y, long c, long h, long w,
                     long pack, long form, long op)
{
  golden_binaryop_exact(a, b, y, c, h, w, pack, form, op);
  for (long k = 0; k < c * h * w * pack; ++k) {
    y[k] = (float)y[k];
  }
}
