// ker0 for relu, fp32: y = max(x, 0), written as NCNN's RISC-V layers are:
// vsetvl strip-mining over the whole array with a vfmax against 0. The register
// group size is a knob (EOK_LMUL); at VLEN 256 and LMUL 8 one step covers 64 floats.
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
#elif EOK_LMUL == 2
#define EOK_VSETVL __riscv_vsetvl_e32m2
#define EOK_VF vfloat32m2_t
#define EOK_VLE __riscv_vle32_v_f32m2
#define EOK_VSE __riscv_vse32_v_f32m2
#define EOK_VFMAX __riscv_vfmax_vf_f32m2
#elif EOK_LMUL == 4
#define EOK_VSETVL __riscv_vsetvl_e32m4
#define EOK_VF vfloat32m4_t
#define EOK_VLE __riscv_vle32_v_f32m4
#define EOK_VSE __riscv_vse32_v_f32m4
#define EOK_VFMAX __riscv_vfmax_vf_f32m4
#elif EOK_LMUL == 8
#define EOK_VSETVL __riscv_vsetvl_e32m8
#define EOK_VF vfloat32m8_t
#define EOK_VLE __riscv_vle32_v_f32m8
#define EOK_VSE __riscv_vse32_v_f32m8
#define EOK_VFMAX __riscv_vfmax_vf_f32m8
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_relu_f32(const float* x, float* y, long n)
{
  const float* ptr = x;
  float* outptr = y;
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
}
