// ker0 for relu, fp32, as NCNN's ReLU_riscv does it: vsetvl strip-mining over the whole
// array; slope 0 is a vfmax against 0, any other slope a multiply by slope masked to the
// lanes where x < 0 (vfmul.vf with the mask-undisturbed policy keeps the other lanes as
// loaded). The register group size is a knob (EOK_LMUL); at VLEN 256 and LMUL 8 one step
// covers 64 floats.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define EOK_VSETVL __riscv_vsetvl_e32m1
#define EOK_VF vfloat32m1_t
#define EOK_VLE __riscv_vle32_v_f32m1
#define EOK_VSE __riscv_vse32_v_f32m1
#define EOK_VFMAX __riscv_vfmax_vf_f32m1
#define EOK_VMFLT __riscv_vmflt_vf_f32m1_b32
#define EOK_VFMUL_MU __riscv_vfmul_vf_f32m1_mu
#elif EOK_LMUL == 2
#define EOK_VSETVL __riscv_vsetvl_e32m2
#define EOK_VF vfloat32m2_t
#define EOK_VLE __riscv_vle32_v_f32m2
#define EOK_VSE __riscv_vse32_v_f32m2
#define EOK_VFMAX __riscv_vfmax_vf_f32m2
#define EOK_VMFLT __riscv_vmflt_vf_f32m2_b16
#define EOK_VFMUL_MU __riscv_vfmul_vf_f32m2_mu
#elif EOK_LMUL == 4
#define EOK_VSETVL __riscv_vsetvl_e32m4
#define EOK_VF vfloat32m4_t
#define EOK_VLE __riscv_vle32_v_f32m4
#define EOK_VSE __riscv_vse32_v_f32m4
#define EOK_VFMAX __riscv_vfmax_vf_f32m4
#define EOK_VMFLT __riscv_vmflt_vf_f32m4_b8
#define EOK_VFMUL_MU __riscv_vfmul_vf_f32m4_mu
#elif EOK_LMUL == 8
#define EOK_VSETVL __riscv_vsetvl_e32m8
#define EOK_VF vfloat32m8_t
#define EOK_VLE __riscv_vle32_v_f32m8
#define EOK_VSE __riscv_vse32_v_f32m8
#define EOK_VFMAX __riscv_vfmax_vf_f32m8
#define EOK_VMFLT __riscv_vmflt_vf_f32m8_b4
#define EOK_VFMUL_MU __riscv_vfmul_vf_f32m8_mu
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  const float* ptr = x;
  float* outptr = y;
  if (slope == 0.f) {
    while (n > 0) {
      size_t vl = EOK_VSETVL((size_t)n);
      EOK_VF _p = EOK_VLE(ptr, vl);
      // vfmax returns the non-NaN operand, so NaN maps to 0 and -0 to +0.
      _p = EOK_VFMAX(_p, 0.f, vl);
      EOK_VSE(outptr, _p, vl);
      ptr += vl;
      outptr += vl;
      n -= (long)vl;
    }
    return;
  }
  while (n > 0) {
    size_t vl = EOK_VSETVL((size_t)n);
    EOK_VF _p = EOK_VLE(ptr, vl);
    // NaN and -0 fail x < 0 and are stored as loaded; -inf becomes -inf * slope.
    _p = EOK_VFMUL_MU(EOK_VMFLT(_p, 0.f, vl), _p, _p, slope, vl);
    EOK_VSE(outptr, _p, vl);
    ptr += vl;
    outptr += vl;
    n -= (long)vl;
  }
}
