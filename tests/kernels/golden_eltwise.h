/* Scalar goldens (double precision, libm) for the element-wise and per-channel NN tasks of
 * SUITE.md (NCNN layer semantics, special values included); test-only. fp16 variants share
 * the fp32 golden and round it to fp16. */
#pragma once

double golden_absval(double x);
double golden_dropout(double x, double scale);
/* alpha, beta as the layer holds them (fp32); bounds -beta/alpha, (1-beta)/alpha in fp32. */
double golden_hardsigmoid(double x, float alpha, float beta);
double golden_hardswish(double x, float alpha, float beta);
double golden_celu(double x, double alpha);
/* alpha * lambda formed in fp32, as the layer does. */
double golden_selu(double x, float alpha, float lambda);
double golden_bnll(double x);
double golden_tanh(double x);
/* The fp16 layer's parameters: alpha, beta and the bounds rounded to fp16. */
double golden_hardsigmoid_f16(double x, float alpha, float beta);
double golden_hardswish_f16(double x, float alpha, float beta);
