/* Scalar golden for kernels/nn/cast_f16_f32: the fp16 value decoded from its bits in double
 * (f16_bits.h); test-only. */
#include "f16_bits.h"

double golden_f16_bits_to_double(uint16_t b) { return f16_bits_to_double(b); }
