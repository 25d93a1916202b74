/* Scalar goldens of the per-channel NCNN layers (Bias, BatchNorm, PReLU) and GELU;
 * test-only. Planar blobs put channel q's pixel i at q*h*w + i; packed ones (elempack 8)
 * at (q/8 * h*w + i) * 8 + q%8. */
#pragma once

/* NCNN Bias: x + bias[q], one fp32 add (rounded as fp32). */
void golden_bias(const float* x, const float* bias, double* y, long c, long h, long w);
/* NCNN BatchNorm with its precomputed constants: b[q] * x + a[q], rounded once to fp32 (so a
 * product past FLT_MAX is Inf, as in the kernel). */
void golden_batchnorm(const float* x, const float* a, const float* b, double* y, long c, long h,
                      long w, long elempack);
/* NCNN PReLU: x * slope where x < 0 (one fp32 multiply), else x; slope[q], or slope[0] when
 * num_slope is 1. */
void golden_prelu(const float* x, const float* slope, double* y, long c, long h, long w,
                  long elempack, long num_slope);
/* NCNN GELU in double: 0.5 x erfc(-x / sqrt 2) (fast_gelu 0) or the tanh form (fast_gelu 1),
 * rounded to fp32; -Inf gives NaN (-Inf * 0) as in NCNN. */
double golden_gelu(double x, long fast_gelu);
