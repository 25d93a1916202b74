// Planted (unaryop): RSQRT and RECIPROCAL as the bare 7-bit estimates vfrsqrt7/vfrec7,
// without the Newton-Raphson step (relative error up to 2^-7).
#include <math.h>
#include <riscv_vector.h>

// The transcendental op types with the layer's conventions, in scalar libm: exp's input is
// clamped to +-88.3762626647949 (NaN to the upper bound) and its result is 0 where the
// layer's 2^k scale underflows; log of x <= 0 or NaN is NaN and of +Inf 128 ln2; sin, cos,
// tan of Inf/NaN are NaN, of +-FLT_MAX -+Inf / NaN / NaN, of -0 +0.
static float exp_input(float x)
{
  const float hi = 88.3762626647949f;
  return x != x ? hi : fminf(fmaxf(x, -hi), hi);
}
static float exp_layer(float x)
{
  float c = exp_input(x);
  return floorf(fmaf(c, 1.44269504088896341f, 0.5f)) <= -127 ? 0.f : expf(c);
}
static float log_layer(float x)
{
  return x != x || x <= 0 ? NAN : isinf(x) ? 88.7228391f : logf(x);
}
static float trig(float x, long op)
{
  if (isinf(x) || x != x) {
    return NAN;
  }
  if (fabsf(x) == 0x1.fffffep127f) {
    return op == 9 ? (x > 0 ? -INFINITY : INFINITY) : NAN;
  }
  if (x == 0) {
    return op == 10 ? 1.f : 0.f;
  }
  return op == 9 ? sinf(x) : op == 10 ? cosf(x) : tanf(x);
}
static float transcendental(float x, long op)
{
  switch (op) {
  case 7: return exp_layer(x);
  case 8: return log_layer(x);
  case 9:
  case 10:
  case 11: return trig(x, op);
  case 12: return asinf(x);
  case 13: return acosf(x);
  case 14: return atanf(x);
  case 16: return tanhf(x);
  case 17: return x != x || x <= 0 ? NAN : isinf(x) ? 38.5318394f : log10f(x);
  case 21: return x == 0 ? 0.f : expm1f(exp_input(x));
  case 22: return x != x || x == 0 ? 0.f : sinhf(exp_input(x));
  case 23: return isinf(x) ? copysignf(89.4159862f, x) : asinhf(x);
  case 24: return x != x ? INFINITY : coshf(exp_input(x));
  case 25: return isinf(x) && x > 0 ? 89.4159862f : x < 1 ? NAN : acoshf(x);
  case 26: return fabsf(x) < 1 ? atanhf(x) : NAN;
  case 27: return x != x || x <= -1 ? NAN : isinf(x) ? 88.7228391f : log1pf(x);
  default: return 0.f;
  }
}

void eok_unaryop_f32(const float* x, float* y, long n, long op)
{
  if ((op >= 7 && op <= 14) || op == 16 || op == 17 || op >= 21) {
    for (long i = 0; i < n; ++i) {
      y[i] = transcendental(x[i], op);
    }
    return;
  }
  for (long i = 0; i < n;) {
    size_t vl = __riscv_vsetvl_e32m8((size_t)(n - i));
    vfloat32m8_t v = __riscv_vle32_v_f32m8(x + i, vl);
    vint32m8_t k;
    switch (op) {
    case 0: v = __riscv_vfabs_v_f32m8(v, vl); break;
    case 1: v = __riscv_vfneg_v_f32m8(v, vl); break;
    case 2:
      k = __riscv_vfcvt_x_f_v_i32m8_rm(v, __RISCV_FRM_RDN, vl);
      v = __riscv_vfcvt_f_x_v_f32m8(k, vl);
      break;
    case 3:
      k = __riscv_vfcvt_x_f_v_i32m8_rm(v, __RISCV_FRM_RUP, vl);
      v = __riscv_vfcvt_f_x_v_f32m8(k, vl);
      break;
    case 4: v = __riscv_vfmul_vv_f32m8(v, v, vl); break;
    case 5: v = __riscv_vfsqrt_v_f32m8(v, vl); break;
    case 6: v = __riscv_vfrsqrt7_v_f32m8(v, vl); break;
    case 15: v = __riscv_vfrec7_v_f32m8(v, vl); break;
    case 18:
      k = __riscv_vfcvt_x_f_v_i32m8_rm(v, __RISCV_FRM_RNE, vl);
      v = __riscv_vfcvt_f_x_v_f32m8(k, vl);
      break;
    case 19: {
      // truncation as round-to-nearest stepped back towards zero
      vint32m8_t xi = __riscv_vfcvt_x_f_v_i32m8_rm(v, __RISCV_FRM_RNE, vl);
      vfloat32m8_t xf = __riscv_vfcvt_f_x_v_f32m8(xi, vl);
      vbool4_t up = __riscv_vmfgt_vv_f32m8_b4(xf, v, vl);
      vbool4_t down = __riscv_vmflt_vv_f32m8_b4(xf, v, vl);
      vbool4_t neg = __riscv_vmflt_vf_f32m8_b4(v, 0.f, vl);
      vint32m8_t fl = __riscv_vsub_vx_i32m8_mu(up, xi, xi, 1, vl);
      vint32m8_t ce = __riscv_vadd_vx_i32m8_mu(down, xi, xi, 1, vl);
      v = __riscv_vfcvt_f_x_v_f32m8(__riscv_vmerge_vvm_i32m8(fl, ce, neg, vl), vl);
      break;
    }
    default: {
      vbool4_t pos = __riscv_vmfgt_vf_f32m8_b4(v, 0.f, vl);
      vbool4_t neg = __riscv_vmflt_vf_f32m8_b4(v, 0.f, vl);
      vfloat32m8_t r = __riscv_vfmerge_vfm_f32m8(__riscv_vfmv_v_f_f32m8(0.f, vl), 1.f, pos, vl);
      v = __riscv_vfmerge_vfm_f32m8(r, -1.f, neg, vl);
      break;
    }
    }
    __riscv_vse32_v_f32m8(y + i, v, vl);
    i += (long)vl;
  }
}
