// Helpers shared by the RISC-V layers.
#pragma once
#include <riscv_vector.h>

// Channels per packed element: one LMUL=1 register of fp32.
static inline int packn_fp32()
{
  return static_cast<int>(__riscv_vsetvlmax_e32m1());
}
