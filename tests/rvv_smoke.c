/* Smoke test for the cross toolchain: RVV intrinsics compile, link and run
 * under the exe_wrapper, with a tail that is not a multiple of VLMAX. */
#include <riscv_vector.h>
#include <stdio.h>

int main(void)
{
  float a[37];
  for (int i = 0; i < 37; ++i) {
    a[i] = (float)(i - 18);
  }
  size_t n = 37;
  float* p = a;
  while (n > 0) {
    size_t vl = __riscv_vsetvl_e32m8(n);
    vfloat32m8_t v = __riscv_vle32_v_f32m8(p, vl);
    v = __riscv_vfmax_vf_f32m8(v, 0.0f, vl);
    __riscv_vse32_v_f32m8(p, v, vl);
    p += vl;
    n -= vl;
  }
  for (int i = 0; i < 37; ++i) {
    float want = i < 18 ? 0.0f : (float)(i - 18);
    if (a[i] != want) {
      printf("mismatch at %d: %g != %g\n", i, (double)a[i], (double)want);
      return 1;
    }
  }
  printf("rvv smoke ok: vlenb=%lu\n", (unsigned long)__riscv_vlenb());
  return 0;
}
