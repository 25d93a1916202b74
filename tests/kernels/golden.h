/* Scalar goldens (double precision, libm) that prove each ker0 right; test-only. */
#pragma once

double golden_relu(double x, double slope); /* NCNN ReLU: slope 0 is max(x, 0) */
double golden_sigmoid(double x);
double golden_sigmoid_f16(double x); /* the fp16 kernel's: sigmoid in double */
double golden_swish(double x);
double golden_mish(double x);
double golden_clip(double x, double lo, double hi);
/* clamp(round_half_even((float)(x * scale)) + zero_point, 0, 255) */
double golden_quantize_u8(float x, float scale, int zero_point);
/* a * x + y (BLAS saxpy, one element). */
double golden_saxpy(double a, double x, double y);
/* y[c][i][j] = bias[c] + sum_{di,dj < 3} k[c][di][dj] * x[c][i+di][j+dj], no padding. */
void golden_convdw3x3s1(const float* x, const float* k, const float* bias, double* y, long c,
                        long h, long w);
/* NCNN Flatten: y[q*h*w + i] = channel q, pixel i of x (planar, or 8 channels per pixel). */
void golden_flatten(const float* x, double* y, long c, long h, long w, long elempack);
/* NCNN Packing: channel q, pixel i moves from layout in_pack to layout out_pack. */
void golden_packing(const float* x, double* y, long c, long h, long w, long in_pack,
                    long out_pack);
/* NCNN InstanceNorm (affine): per channel (x - mean) * gamma / sqrt(var + eps) + beta. */
void golden_instancenorm(const float* x, const float* gamma, const float* beta, double* y,
                         long c, long h, long w, long elempack, double eps);
/* NCNN Eltwise: PROD (op 0), SUM (1, optionally weighted by coeffs), MAX (2) of k inputs. */
void golden_eltwise(const float* a, const float* b, const float* c, const float* coeffs,
                    double* y, long n, long k, long op, long use_coeff);
/* NCNN Softmax of a planar c x h x w blob along axis 0, 1 or 2 (max subtracted). */
void golden_softmax(const float* x, double* y, long c, long h, long w, long axis);
/* NCNN Crop: the outc x outh x outw block at (coff, hoff, woff), planar or packed by 8. */
void golden_crop(const float* x, double* y, long coff, long outc, long crest, long hoff,
                 long outh, long hrest, long woff, long outw, long wrest, long elempack);
/* NCNN Padding of a pack-8 blob: type 0 constant, 1 replicate, 2 reflect. */
void golden_padding(const float* x, double* y, long c, long h, long w, long top, long bottom,
                    long left, long right, long type, double value);
