// As NCNN's layer tests do: the optimised layer against the naive one, one seed.
#include "layer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

int main()
{
  ncnn::ParamDict pd;
  pd.set(0, 0.1f);
  pd.set(1, 0.5f);
  ncnn::Layer* naive = ncnn::create_layer_naive("ReLU");
  ncnn::Layer* opt = ncnn::create_layer_cpu("ReLU");
  naive->load_param(pd);
  opt->load_param(pd);
  ncnn::Option o;
  std::srand(7);
  ncnn::Mat a(13, 3, 5, 4, 1), b(13, 3, 5, 4, 1);
  for (int q = 0; q < a.c; q++) {
    for (int i = 0; i < a.w * a.h; i++) {
      a.channel(q)[i] = b.channel(q)[i] = std::rand() / float(RAND_MAX) * 2.4f - 1.2f;
    }
  }
  naive->forward_inplace(a, o);
  opt->forward_inplace(b, o);
  for (int q = 0; q < a.c; q++) {
    for (int i = 0; i < a.w * a.h; i++) {
      if (std::fabs(a.channel(q)[i] - b.channel(q)[i]) > 1e-3f) {
        std::printf("test_relu failed at channel %d index %d: %f vs %f\n", q, i, a.channel(q)[i], b.channel(q)[i]);
        return 1;
      }
    }
  }
  std::printf("test_relu passed\n");
  delete naive;
  delete opt;
  return 0;
}
