// eok ker0: NCNN BinaryOp (ADD, SUB, MUL, DIV, MAX, MIN, RSUB, RDIV) over fp32 blobs with the
// same shape, a scalar b, a per-channel b or a per-channel a, RVV 1.0 intrinsics, written the
// way NCNN's BinaryOp_riscv does it: the op is chosen once (one loop per op, as NCNN's
// templates), each channel is strip-mined over its hw*pack contiguous values, a scalar
// operand uses the .vf form, a per-channel operand of elempack 8 is one vector of its 8 lanes
// repeated across the register group. A per-channel a swaps the operands and runs the
// reverse op (SUB <-> RSUB, DIV <-> RDIV), as NCNN's forward does.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 8
#endif
#if EOK_LMUL != 1 && EOK_LMUL != 2 && EOK_LMUL != 4 && EOK_LMUL != 8
#error "EOK_LMUL must be 1, 2, 4 or 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define U(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_u32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define vu32 EOK_CAT(EOK_M(vuint32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)
#define VSETVLMAX EOK_M(__riscv_vsetvlmax_e32m)

enum { op_add = 0, op_sub, op_mul, op_div, op_max, op_min, op_rsub = 7, op_rdiv = 8 };

// Per op: the vector-vector and vector-scalar forms (x op y).
#define VV_add(x, y, vl) F(vfadd_vv)(x, y, vl)
#define VF_add(x, s, vl) F(vfadd_vf)(x, s, vl)
#define VV_sub(x, y, vl) F(vfsub_vv)(x, y, vl)
#define VF_sub(x, s, vl) F(vfsub_vf)(x, s, vl)
#define VV_mul(x, y, vl) F(vfmul_vv)(x, y, vl)
#define VF_mul(x, s, vl) F(vfmul_vf)(x, s, vl)
#define VV_div(x, y, vl) F(vfdiv_vv)(x, y, vl)
#define VF_div(x, s, vl) F(vfdiv_vf)(x, s, vl)
#define VV_max(x, y, vl) F(vfmax_vv)(x, y, vl)
#define VF_max(x, s, vl) F(vfmax_vf)(x, s, vl)
#define VV_min(x, y, vl) F(vfmin_vv)(x, y, vl)
#define VF_min(x, s, vl) F(vfmin_vf)(x, s, vl)
#define VV_rsub(x, y, vl) F(vfsub_vv)(y, x, vl)
#define VF_rsub(x, s, vl) F(vfrsub_vf)(x, s, vl)
#define VV_rdiv(x, y, vl) F(vfdiv_vv)(y, x, vl)
#define VF_rdiv(x, s, vl) F(vfrdiv_vf)(x, s, vl)

// The pack lanes p[0..pack) repeated over a whole register group (lane j holds p[j % pack]).
static vf32 repeat_lanes(const float* p, long pack)
{
  size_t vlmax = VSETVLMAX();
  vf32 v = F(vle32_v)(p, (size_t)pack);
  vu32 idx = U(vremu_vx)(U(vid_v)(vlmax), (unsigned)pack, vlmax);
  return F(vrgather_vv)(v, idx, vlmax);
}

// y[i] = x[i] op z[i] over n values.
#define LOOP_VV(NAME)                                                         \
  static void vv_##NAME(const float* x, const float* z, float* y, long n)     \
  {                                                                           \
    for (long i = 0; i < n;) {                                                \
      size_t vl = VSETVL((size_t)(n - i));                                    \
      vf32 r = VV_##NAME(F(vle32_v)(x + i, vl), F(vle32_v)(z + i, vl), vl); \
      F(vse32_v)(y + i, r, vl);                                               \
      i += (long)vl;                                                          \
    }                                                                         \
  }
// y[i] = x[i] op s over n values.
#define LOOP_VF(NAME)                                                 \
  static void vf_##NAME(const float* x, float s, float* y, long n)    \
  {                                                                   \
    for (long i = 0; i < n;) {                                        \
      size_t vl = VSETVL((size_t)(n - i));                            \
      F(vse32_v)(y + i, VF_##NAME(F(vle32_v)(x + i, vl), s, vl), vl); \
      i += (long)vl;                                                  \
    }                                                                 \
  }
// y[i*pack + l] = x[i*pack + l] op p[l] over n = hw*pack values: strips of whole pixels
// (a multiple of pack lanes), so the repeated lanes stay aligned with the pixels.
#define LOOP_VP(NAME)                                                                  \
  static void vp_##NAME(const float* x, const float* p, float* y, long n, long pack)   \
  {                                                                                    \
    vf32 rep = repeat_lanes(p, pack);                                                  \
    long strip = (long)VSETVLMAX();                                                    \
    strip -= strip % pack;                                                             \
    for (long i = 0; i < n;) {                                                         \
      size_t vl = (size_t)(n - i < strip ? n - i : strip);                             \
      F(vse32_v)(y + i, VV_##NAME(F(vle32_v)(x + i, vl), rep, vl), vl);                \
      i += (long)vl;                                                                   \
    }                                                                                  \
  }
#define LOOPS(NAME) LOOP_VV(NAME) LOOP_VF(NAME) LOOP_VP(NAME)
LOOPS(add)
LOOPS(sub)
LOOPS(mul)
LOOPS(div)
LOOPS(max)
LOOPS(min)
LOOPS(rsub)
LOOPS(rdiv)

// One switch per call picks the op's loop (a table of function pointers would need
// relocated data, which a kernel may not have).
#define DISPATCH(KIND, ...)                  \
  switch (op) {                              \
  case op_add: KIND##_add(__VA_ARGS__); break;   \
  case op_sub: KIND##_sub(__VA_ARGS__); break;   \
  case op_mul: KIND##_mul(__VA_ARGS__); break;   \
  case op_div: KIND##_div(__VA_ARGS__); break;   \
  case op_max: KIND##_max(__VA_ARGS__); break;   \
  case op_min: KIND##_min(__VA_ARGS__); break;   \
  case op_rsub: KIND##_rsub(__VA_ARGS__); break; \
  case op_rdiv: KIND##_rdiv(__VA_ARGS__); break; \
  default: break;                            \
  }

static int reverse_op(long op)
{
  return op == op_sub ? op_rsub : op == op_rsub ? op_sub : op == op_div ? op_rdiv
       : op == op_rdiv ? op_div : (int)op;
}

void eok_binaryop_f32(const float* a, const float* b, float* y, long c, long hw, long pack,
                      long form, long op, long an, long bn)
{
  (void)an;
  (void)bn;
  if (form == 3) { // per-channel a: b op' a with the reverse op, as NCNN
    const float* t = a;
    a = b;
    b = t;
    op = reverse_op(op);
    form = 2;
  }
  long size = hw * pack;
  if (form == 0) {
    DISPATCH(vv, a, b, y, c * size)
  } else if (form == 1) {
    DISPATCH(vf, a, b[0], y, c * size)
  } else {
    for (long q = 0; q < c; ++q) {
      if (pack == 1) {
        DISPATCH(vf, a + q * size, b[q], y + q * size, size)
      } else {
        DISPATCH(vp, a + q * size, b + q * pack, y + q * size, size, pack)
      }
    }
  }
}
