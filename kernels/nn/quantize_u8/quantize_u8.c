// eok ker0: quantize_u8, y[i] = clamp(round_half_even(x[i] * scale) + zero_point, 0, 255),
// fp32 in, uint8 out, RVV 1.0 intrinsics.
//
// vfcvt.x.f rounds with the dynamic rounding mode, round-to-nearest-even unless changed,
// and saturates out-of-range values and infinities to INT32_MIN/MAX; vsadd adds the zero
// point without wrapping; after the clamp at 0, two vnclipu steps (shift 0) narrow
// 32 -> 16 -> 8 bits with unsigned saturation, which is the clamp at 255.
#include <riscv_vector.h>
#include <stdint.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#if EOK_LMUL == 2
#define EOK_M16 1
#define EOK_M8 f2
#elif EOK_LMUL == 4
#define EOK_M16 2
#define EOK_M8 1
#elif EOK_LMUL == 8
#define EOK_M16 4
#define EOK_M8 2
#else
#error "EOK_LMUL must be 2, 4 or 8"
#endif
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define I(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_i32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vi32 EOK_CAT(EOK_M(vint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define AS_U32 EOK_CAT(EOK_M(__riscv_vreinterpret_v_i32m), EOK_M(_u32m))
#define NARROW16 EOK_CAT(__riscv_vnclipu_wx_u16m, EOK_M16)
#define NARROW8 EOK_CAT(__riscv_vnclipu_wx_u8m, EOK_M8)
#define STORE8 EOK_CAT(__riscv_vse8_v_u8m, EOK_M8)

void eok_quantize_u8(const float* x, uint8_t* y, long n, float scale, int zero_point)
{
  size_t left = n > 0 ? (size_t)n : 0;
  while (left > 0) {
    size_t vl = VSETVL(left);
    vf32 v = F(vfmul_vf)(F(vle32_v)(x, vl), scale, vl);
    vi32 q = I(vfcvt_x_f_v)(v, vl);
    q = I(vmax_vx)(I(vsadd_vx)(q, zero_point, vl), 0, vl);
    STORE8(y, NARROW8(NARROW16(AS_U32(q), 0, __RISCV_VXRM_RNU, vl), 0, __RISCV_VXRM_RNU, vl), vl);
    x += vl;
    y += vl;
    left -= vl;
  }
}
