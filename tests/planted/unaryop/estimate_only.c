// Planted (unaryop): RSQRT and RECIPROCAL as the bare 7-bit estimates vfrsqrt7/vfrec7,
// without the Newton-Raphson step (relative error up to 2^-7).
#include <riscv_vector.h>

void eok_unaryop_f32(const float* x, float* y, long n, long op)
{
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
