// eok ker0: NCNN Cast bf16 -> fp32 (type_from 4, type_to 1), RVV 1.0 intrinsics. NCNN's
// rule (bfloat16_to_float32) puts the 16 bf16 bits on top of 16 zero bits, which is exact;
// its RVV Cast layer has no bf16 path and runs that rule in the generic scalar loop. ker0 is
// the same rule vectorised: the bf16 words (little-endian bytes of x) loaded as u16 at LMUL
// m/2, zero-extended to u32 at LMUL m (vzext.vf2), shifted left by 16, stored as fp32 bits.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define VSETVL __riscv_vsetvl_e16mf2
#define STEP(x, y, vl) __riscv_vse32_v_u32m1(y, __riscv_vsll_vx_u32m1(__riscv_vzext_vf2_u32m1(__riscv_vle16_v_u16mf2(x, vl), vl), 16, vl), vl)
#elif EOK_LMUL == 2
#define VSETVL __riscv_vsetvl_e16m1
#define STEP(x, y, vl) __riscv_vse32_v_u32m2(y, __riscv_vsll_vx_u32m2(__riscv_vzext_vf2_u32m2(__riscv_vle16_v_u16m1(x, vl), vl), 16, vl), vl)
#elif EOK_LMUL == 4
#define VSETVL __riscv_vsetvl_e16m2
#define STEP(x, y, vl) __riscv_vse32_v_u32m4(y, __riscv_vsll_vx_u32m4(__riscv_vzext_vf2_u32m4(__riscv_vle16_v_u16m2(x, vl), vl), 16, vl), vl)
#elif EOK_LMUL == 8
#define VSETVL __riscv_vsetvl_e16m4
#define STEP(x, y, vl) __riscv_vse32_v_u32m8(y, __riscv_vsll_vx_u32m8(__riscv_vzext_vf2_u32m8(__riscv_vle16_v_u16m4(x, vl), vl), 16, vl), vl)
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_cast_bf16_f32(const unsigned char* x, float* y, long n)
{
  const unsigned short* in = (const unsigned short*)x;
  unsigned int* bits = (unsigned int*)y;
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    STEP(in + i, bits + i, vl);
    i += (long)vl;
  }
}
