// eok ker0: NCNN Cast fp32 -> fp16 (type_from 1, type_to 2), RVV 1.0 with Zvfh, written the
// way NCNN's Cast_riscv (its zfh file) does it: one strip-mined loop, fp32 loaded at LMUL m,
// narrowed by vfncvt.f.f.w to fp16 at LMUL m/2 (round to nearest even in the default
// rounding mode), stored. Values from 65520 up become +-Inf, fp32 values below fp16's
// smallest denormal half-way point become +-0, NaN stays NaN.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define VF32 vfloat32m1_t
#define VF16 vfloat16mf2_t
#define VSETVL __riscv_vsetvl_e32m1
#define LOAD __riscv_vle32_v_f32m1
#define NARROW __riscv_vfncvt_f_f_w_f16mf2
#define STORE __riscv_vse16_v_f16mf2
#elif EOK_LMUL == 2
#define VF32 vfloat32m2_t
#define VF16 vfloat16m1_t
#define VSETVL __riscv_vsetvl_e32m2
#define LOAD __riscv_vle32_v_f32m2
#define NARROW __riscv_vfncvt_f_f_w_f16m1
#define STORE __riscv_vse16_v_f16m1
#elif EOK_LMUL == 4
#define VF32 vfloat32m4_t
#define VF16 vfloat16m2_t
#define VSETVL __riscv_vsetvl_e32m4
#define LOAD __riscv_vle32_v_f32m4
#define NARROW __riscv_vfncvt_f_f_w_f16m2
#define STORE __riscv_vse16_v_f16m2
#elif EOK_LMUL == 8
#define VF32 vfloat32m8_t
#define VF16 vfloat16m4_t
#define VSETVL __riscv_vsetvl_e32m8
#define LOAD __riscv_vle32_v_f32m8
#define NARROW __riscv_vfncvt_f_f_w_f16m4
#define STORE __riscv_vse16_v_f16m4
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_cast_f32_f16(const float* x, _Float16* y, long n)
{
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    VF32 v = LOAD(x + i, vl);
    VF16 h = NARROW(v, vl);
    STORE(y + i, h, vl);
    i += (long)vl;
  }
}
