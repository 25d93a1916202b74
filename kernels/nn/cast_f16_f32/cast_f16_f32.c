// eok ker0: NCNN Cast fp16 -> fp32 (type_from 2, type_to 1), RVV 1.0 with Zvfh, written the
// way NCNN's Cast_riscv (its zfh file) does it: one strip-mined loop, fp16 loaded at LMUL
// m/2, widened by vfwcvt.f.f.v to fp32 at LMUL m, stored. Every fp16 value, denormals, +-0,
// +-Inf included, is exact in fp32; NaN stays NaN.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define VF16 vfloat16mf2_t
#define VSETVL __riscv_vsetvl_e16mf2
#define LOAD __riscv_vle16_v_f16mf2
#define WIDEN __riscv_vfwcvt_f_f_v_f32m1
#define STORE __riscv_vse32_v_f32m1
#elif EOK_LMUL == 2
#define VF16 vfloat16m1_t
#define VSETVL __riscv_vsetvl_e16m1
#define LOAD __riscv_vle16_v_f16m1
#define WIDEN __riscv_vfwcvt_f_f_v_f32m2
#define STORE __riscv_vse32_v_f32m2
#elif EOK_LMUL == 4
#define VF16 vfloat16m2_t
#define VSETVL __riscv_vsetvl_e16m2
#define LOAD __riscv_vle16_v_f16m2
#define WIDEN __riscv_vfwcvt_f_f_v_f32m4
#define STORE __riscv_vse32_v_f32m4
#elif EOK_LMUL == 8
#define VF16 vfloat16m4_t
#define VSETVL __riscv_vsetvl_e16m4
#define LOAD __riscv_vle16_v_f16m4
#define WIDEN __riscv_vfwcvt_f_f_v_f32m8
#define STORE __riscv_vse32_v_f32m8
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_cast_f16_f32(const _Float16* x, float* y, long n)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    VF16 h = LOAD(x + i, vl);
    STORE(y + i, WIDEN(h, vl), vl);
    i += (long)vl;
  }
}
