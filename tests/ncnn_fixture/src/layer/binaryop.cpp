#include "binaryop.h"

namespace ncnn {

BinaryOp::BinaryOp()
{
  one_blob_only = false;
  support_inplace = false;
}

int BinaryOp::load_param(const ParamDict& pd)
{
  op_type = pd.get(0, 0);
  return op_type >= 0 && op_type <= 5 ? 0 : -1;
}

static float binary(int op, float a, float b)
{
  switch (op) {
  case 0:
    return a + b;
  case 1:
    return a - b;
  case 2:
    return a * b;
  case 3:
    return a / b;
  case 4:
    return a < b ? b : a;
  default:
    return b < a ? b : a;
  }
}

int BinaryOp::forward(const std::vector<Mat>& bottoms, std::vector<Mat>& tops, const Option&) const
{
  if (bottoms.size() != 2 || tops.size() != 1) {
    return -1;
  }
  const Mat& a = bottoms[0];
  const Mat& b = bottoms[1];
  // b of a's shape, or 1 x 1 x c: one value per channel (NCNN's per-channel broadcast)
  const bool per_channel = b.w == 1 && b.h == 1 && a.w * a.h > 1;
  if ((!per_channel && (a.w != b.w || a.h != b.h)) || a.c != b.c || a.elempack != 1 || b.elempack != 1) {
    return -1;
  }
  tops[0].create(a.w, a.h, a.c, 4u, 1);
  for (int q = 0; q < a.c; q++) {
    const float* x = a.channel(q);
    const float* y = b.channel(q);
    float* out = tops[0].channel(q);
    for (int i = 0; i < a.w * a.h; i++) {
      out[i] = binary(op_type, x[i], y[per_channel ? 0 : i]);
    }
  }
  return 0;
}

} // namespace ncnn
