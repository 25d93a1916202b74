// Planted (relu): keeps code in a writable and executable section, so it could write an
// instruction (an ecall) at run time where no static check sees it. Must be rejected.
__asm__(".pushsection .eok_wx, \"awx\", @progbits\n"
        ".globl eok_wx_ret\n"
        "eok_wx_ret:\n"
        "  ret\n"
        ".popsection\n");
void eok_wx_ret(void);

void eok_relu_f32(const float* x, float* y, long n, float slope)
{
  eok_wx_ret();
  for (long i = 0; i < n; ++i) {
    y[i] = (x[i] > 0.f ? x[i] : slope == 0.f ? 0.f : x[i] < 0.f ? x[i] * slope : x[i]);
  }
}
