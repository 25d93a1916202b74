// eok ker0: NCNN Cast int8 -> fp32 (type_from 3, type_to 1), RVV 1.0: one strip-mined loop,
// the int8 bytes loaded at LMUL m/4, sign-extended to int16 at m/2 (vsext.vf2), converted
// to fp32 at m by the widening vfwcvt.f.x.v (every int16 is exact in fp32), stored. This is
// the vector form of NCNN's scalar loop (Cast_riscv leaves the pair to the compiler).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define VSETVL __riscv_vsetvl_e8mf4
#define LOAD __riscv_vle8_v_i8mf4
#define SEXT __riscv_vsext_vf2_i16mf2
#define WIDEN __riscv_vfwcvt_f_x_v_f32m1
#define STORE __riscv_vse32_v_f32m1
#elif EOK_LMUL == 2
#define VSETVL __riscv_vsetvl_e8mf2
#define LOAD __riscv_vle8_v_i8mf2
#define SEXT __riscv_vsext_vf2_i16m1
#define WIDEN __riscv_vfwcvt_f_x_v_f32m2
#define STORE __riscv_vse32_v_f32m2
#elif EOK_LMUL == 4
#define VSETVL __riscv_vsetvl_e8m1
#define LOAD __riscv_vle8_v_i8m1
#define SEXT __riscv_vsext_vf2_i16m2
#define WIDEN __riscv_vfwcvt_f_x_v_f32m4
#define STORE __riscv_vse32_v_f32m4
#elif EOK_LMUL == 8
#define VSETVL __riscv_vsetvl_e8m2
#define LOAD __riscv_vle8_v_i8m2
#define SEXT __riscv_vsext_vf2_i16m4
#define WIDEN __riscv_vfwcvt_f_x_v_f32m8
#define STORE __riscv_vse32_v_f32m8
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_cast_i8_f32(const unsigned char* x, float* y, long n)
{
  const signed char* s = (const signed char*)x;
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    STORE(y + i, WIDEN(SEXT(LOAD(s + i, vl), vl), vl), vl);
    i += (long)vl;
  }
}
