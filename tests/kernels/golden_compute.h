/* Scalar goldens (double precision) of the compute-heavy NN tasks: convolutions, GEMM,
 * inner product, pooling, interpolation, GRU. Test-only; each kernel.toml states the
 * semantics and layouts these follow. */
#pragma once

/* y[o] = bias[o] + sum_i W[o][i] x[i], W in the packed layout of kernels/nn/innerproduct. */
void golden_innerproduct(const float* x, const float* w, const float* bias, double* y, long nin, long nout);

/* y[i][j] = c[i] + sum_l a[i][l] b[l][j], row-major (kernels/nn/gemm). */
void golden_gemm(const float* a, const float* b, const float* c, double* y, long m, long n, long k);

/* Convolution of the bordered c x h x w input, square kernel ks, stride s, dilation d,
 * weights W[oc][c][ks][ks] (kernels/nn/conv). */
void golden_conv(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long oc, long ks, long s, long d);

/* Depthwise convolution in NCNN's elempack-8 layout (kernels/nn/convdw). */
void golden_convdw(const float* x, const float* k, const float* bias, double* y, long cg, long h, long w, long ks, long s, long d);

/* Max (op 0) or average (op 1) pooling in NCNN's elempack-8 layout (kernels/nn/pooling). */
void golden_pooling(const float* x, double* y, long cg, long h, long w, long op, long kh, long kw, long s, long pt, long pb, long cip);

/* NCNN GRU over t_len steps, direction 0/1/2 (kernels/nn/gru). */
void golden_gru(const float* x, const float* wxc, const float* bias, const float* whc, double* y, long t_len, long size, long nout,
                long dir);

/* 1-D convolution, planar input, elempack-8 output and packed weights (kernels/nn/conv1d). */
void golden_conv1d(const float* x, const float* wt, const float* bias, double* y, long c, long w, long ocg, long ks, long s, long d);

/* Transposed depthwise convolution (scatter form), elempack-8 layout, crop p
 * (kernels/nn/deconvdw). */
void golden_deconvdw(const float* x, const float* k, const float* bias, double* y, long cg, long h, long w, long ks, long s, long d,
                     long p);

/* Transposed convolution (scatter form), planar input, elempack-8 output, crop p
 * (kernels/nn/deconv). */
void golden_deconv(const float* x, const float* wt, const float* bias, double* y, long c, long h, long w, long ocg, long ks, long s, long d,
                   long p);

/* NCNN Interp, align_corner 0: mode 1 nearest, 2 bilinear, 3 bicubic, elempack-8 layout
 * (kernels/nn/interp). */
void golden_interp(const float* x, double* y, long cg, long h, long w, long outh, long outw, long mode);
