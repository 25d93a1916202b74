// type name -> creators of the naive layer and of the RISC-V one.
#include "layer.h"
#include "layer/binaryop.h"
#include "layer/cast.h"
#include "layer/clip.h"
#include "layer/innerproduct.h"
#include "layer/relu.h"
#include "layer/riscv/binaryop_riscv.h"
#include "layer/riscv/cast_riscv.h"
#include "layer/riscv/clip_riscv.h"
#include "layer/riscv/innerproduct_riscv.h"
#include "layer/riscv/relu_riscv.h"

#include <cstring>

namespace ncnn {

namespace {

struct Entry
{
  const char* name;
  Layer* (*naive)();
  Layer* (*cpu)();
};

template<class T> Layer* make()
{
  return new T;
}

const Entry k_registry[] = {
    {"ReLU", make<ReLU>, make<ReLU_riscv>},
    {"Clip", make<Clip>, make<Clip_riscv>},
    {"InnerProduct", make<InnerProduct>, make<InnerProduct_riscv>},
    {"BinaryOp", make<BinaryOp>, make<BinaryOp_riscv>},
    {"Cast", make<Cast>, make<Cast_riscv>},
};

Layer* create(const char* type, bool naive)
{
  for (const Entry& e : k_registry) {
    if (std::strcmp(e.name, type) == 0) {
      Layer* l = naive ? e.naive() : e.cpu();
      l->type = type;
      return l;
    }
  }
  return nullptr;
}

} // namespace

Layer* create_layer_naive(const char* type)
{
  return create(type, true);
}

Layer* create_layer_cpu(const char* type)
{
  return create(type, false);
}

} // namespace ncnn
