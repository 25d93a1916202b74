#include "relu.h"

namespace ncnn {

int ReLU::load_param(const ParamDict& pd)
{
  slope = pd.get(0, 0.f);
  return 0;
}

int ReLU::forward_inplace(Mat& m, const Option&) const
{
  const int size = m.w * m.h * m.elempack;
  for (int q = 0; q < m.c; q++) {
    float* p = m.channel(q);
    for (int i = 0; i < size; i++) {
      p[i] = p[i] < 0.f ? p[i] * slope : p[i];
    }
  }
  return 0;
}

} // namespace ncnn
