#include "clip.h"

namespace ncnn {

int Clip::load_param(const ParamDict& pd)
{
  min = pd.get(0, -1.f);
  max = pd.get(1, 1.f);
  return 0;
}

int Clip::forward_inplace(Mat& m, const Option&) const
{
  const int size = m.w * m.h * m.elempack;
  for (int q = 0; q < m.c; q++) {
    float* p = m.channel(q);
    for (int i = 0; i < size; i++) {
      p[i] = p[i] < min ? min : p[i] > max ? max : p[i];
    }
  }
  return 0;
}

} // namespace ncnn
