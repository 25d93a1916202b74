// eok ker0: NCNN Cast fp32 -> bf16 (type_from 1, type_to 4), RVV 1.0 intrinsics. NCNN's
// rule (float32_to_bfloat16) keeps the top 16 bits of each fp32 value, i.e. truncates toward
// zero; its RVV Cast layer has no bf16 path and runs that rule in the generic scalar loop.
// ker0 is the same rule vectorised: the fp32 bits loaded as u32 at LMUL m, narrowed by a
// shift right of 16 (vnsrl.wi) to u16 at LMUL m/2, stored as the bf16 words (little-endian
// bytes of y).
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#if EOK_LMUL == 1
#define VSETVL __riscv_vsetvl_e32m1
#define STEP(x, y, vl) __riscv_vse16_v_u16mf2(y, __riscv_vnsrl_wx_u16mf2(__riscv_vle32_v_u32m1(x, vl), 16, vl), vl)
#elif EOK_LMUL == 2
#define VSETVL __riscv_vsetvl_e32m2
#define STEP(x, y, vl) __riscv_vse16_v_u16m1(y, __riscv_vnsrl_wx_u16m1(__riscv_vle32_v_u32m2(x, vl), 16, vl), vl)
#elif EOK_LMUL == 4
#define VSETVL __riscv_vsetvl_e32m4
#define STEP(x, y, vl) __riscv_vse16_v_u16m2(y, __riscv_vnsrl_wx_u16m2(__riscv_vle32_v_u32m4(x, vl), 16, vl), vl)
#elif EOK_LMUL == 8
#define VSETVL __riscv_vsetvl_e32m8
#define STEP(x, y, vl) __riscv_vse16_v_u16m4(y, __riscv_vnsrl_wx_u16m4(__riscv_vle32_v_u32m8(x, vl), 16, vl), vl)
#else
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

void eok_cast_f32_bf16(const float* x, unsigned char* y, long n)
{
  const unsigned int* bits = (const unsigned int*)x;
  unsigned short* out = (unsigned short*)y;
  for (long i = 0; i < n;) {
    size_t vl = VSETVL((size_t)(n - i));
    STEP(bits + i, out + i, vl);
    i += (long)vl;
  }
}
