/* Scalar golden for kernels/nn/cast_i8_f32 (NCNN Cast int8 -> fp32), test-only: the byte
 * read as two's complement (values 128..255 are -128..-1), in double. */
double golden_i8_to_double(unsigned char b)
{
  return b < 128 ? (double)b : (double)b - 256.0;
}
