// eok ker0: NCNN Convolution with fp16 storage and fp16 arithmetic, the way NCNN's RISC-V
// zfh layer runs it by default (use_fp16_arithmetic with use_sgemm_convolution, and always
// for 1x1): convolution_im2col_gemm_fp16sa, im2col + GEMM accumulated in fp16. The output is
// the GEMM y[oc][p] = bias[oc] + sum over kidx of W[oc][kidx] * col[kidx][p], with M =
// outch, N = outh * outw, K = inch * ks * ks and col[(ic*ks + ky)*ks + kx][oy*outw + ox] =
// x[ic][oy*s + ky*d][ox*s + kx*d]. Each TILE_K x TILE_N slice of the im2col matrix is
// gathered straight into the packed B panels (never built whole); the weights W[oc][ic][ky]
// [kx] are the row-major A, packed into panels of MR = 16 * LMUL output channels (fp16
// packn = 16 at VLEN 256, NCNN's row block). The micro-kernel takes one f16 vector of MR
// weights per k and NR vfmacc_vf (fp16) with the im2col values, one accumulator per output
// pixel; the bias (fp16) seeds the sums. The input is the bordered blob.
#include <riscv_vector.h>

#ifndef EOK_LMUL
#define EOK_LMUL 1
#endif
#ifndef EOK_NR
#define EOK_NR 8
#endif
#ifndef EOK_TILE_N
#define EOK_TILE_N 128
#endif
#ifndef EOK_TILE_K
#define EOK_TILE_K 256
#endif
#if EOK_NR != 4 && EOK_NR != 8
#error "EOK_NR must be 4 or 8"
#endif
#if EOK_TILE_N % 8 != 0 || EOK_TILE_K < 1
#error "EOK_TILE_N must be a multiple of 8"
#endif

#define EOK_CAT_(a, b) a##b
#define EOK_CAT(a, b) EOK_CAT_(a, b)
#define EOK_M(prefix) EOK_CAT(prefix, EOK_LMUL)
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f16m))
#define vf16 EOK_CAT(EOK_M(vfloat16m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e16m)

enum { mr = 16 * EOK_LMUL, tile_m = 64, tile_n = EOK_TILE_N, tile_k = EOK_TILE_K };

// A rows [i, i+mi) x k [k0, k0+kk) into panels of mr rows: at[(p*kk + k)*mr + r].
static void pack_a(const _Float16* a, long lda, long i, long mi, long k0, long kk, _Float16* at)
{
  for (long p = 0; p * mr < mi; ++p) {
    for (long k = 0; k < kk; ++k) {
      for (long r = 0; r < mr; ++r) {
        long row = p * mr + r;
        at[(p * kk + k) * mr + r] = row < mi ? a[(i + row) * lda + k0 + k] : (_Float16)0;
      }
    }
  }
}

typedef struct
{
  const _Float16* x;
  long h, w, ks, s, d, outw;
} Im2col;

// im2col rows [k0, k0+kk) x output pixels [j, j+nj), gathered into panels of EOK_NR pixels
// (the last one narrower): bt[panel_start*kk + k*width + c].
static void pack_b(const Im2col* g, long j, long nj, long k0, long kk, _Float16* bt)
{
  for (long jj = 0; jj < nj; jj += EOK_NR) {
    long width = nj - jj < EOK_NR ? nj - jj : EOK_NR;
    _Float16* dst = bt + jj * kk;
    for (long k = 0; k < kk; ++k) {
      const long kidx = k0 + k;
      const long ic = kidx / (g->ks * g->ks), ky = kidx / g->ks % g->ks, kx = kidx % g->ks;
      const _Float16* plane = g->x + (ic * g->h + ky * g->d) * g->w + kx * g->d;
      long p = j + jj, oy = p / g->outw, ox = p % g->outw; // then stepped, no divisions
      for (long c = 0; c < width; ++c) {
        dst[k * width + c] = plane[oy * g->s * g->w + ox * g->s];
        if (++ox == g->outw) {
          ox = 0;
          ++oy;
        }
      }
    }
  }
}

// One mr-row panel against one B panel of `width` columns; acc tile t is column-major
// (t[c*tile_m + r]), rows valid up to vl.
static inline void micro(const _Float16* ap, const _Float16* bp, long kk, long width, _Float16* t, size_t vl)
{
  if (width == EOK_NR) {
    vf16 s0 = F(vle16_v)(t, vl), s1 = F(vle16_v)(t + tile_m, vl);
    vf16 s2 = F(vle16_v)(t + 2 * tile_m, vl), s3 = F(vle16_v)(t + 3 * tile_m, vl);
#if EOK_NR == 8
    vf16 s4 = F(vle16_v)(t + 4 * tile_m, vl), s5 = F(vle16_v)(t + 5 * tile_m, vl);
    vf16 s6 = F(vle16_v)(t + 6 * tile_m, vl), s7 = F(vle16_v)(t + 7 * tile_m, vl);
#endif
    for (long k = 0; k < kk; ++k) {
      vf16 va = F(vle16_v)(ap + k * mr, vl);
      const _Float16* bk = bp + k * EOK_NR;
      s0 = F(vfmacc_vf)(s0, bk[0], va, vl);
      s1 = F(vfmacc_vf)(s1, bk[1], va, vl);
      s2 = F(vfmacc_vf)(s2, bk[2], va, vl);
      s3 = F(vfmacc_vf)(s3, bk[3], va, vl);
#if EOK_NR == 8
      s4 = F(vfmacc_vf)(s4, bk[4], va, vl);
      s5 = F(vfmacc_vf)(s5, bk[5], va, vl);
      s6 = F(vfmacc_vf)(s6, bk[6], va, vl);
      s7 = F(vfmacc_vf)(s7, bk[7], va, vl);
#endif
    }
    F(vse16_v)(t, s0, vl);
    F(vse16_v)(t + tile_m, s1, vl);
    F(vse16_v)(t + 2 * tile_m, s2, vl);
    F(vse16_v)(t + 3 * tile_m, s3, vl);
#if EOK_NR == 8
    F(vse16_v)(t + 4 * tile_m, s4, vl);
    F(vse16_v)(t + 5 * tile_m, s5, vl);
    F(vse16_v)(t + 6 * tile_m, s6, vl);
    F(vse16_v)(t + 7 * tile_m, s7, vl);
#endif
    return;
  }
  for (long c = 0; c < width; ++c) { // column tail: one accumulator at a time
    vf16 s = F(vle16_v)(t + c * tile_m, vl);
    for (long k = 0; k < kk; ++k) {
      s = F(vfmacc_vf)(s, bp[k * width + c], F(vle16_v)(ap + k * mr, vl), vl);
    }
    F(vse16_v)(t + c * tile_m, s, vl);
  }
}

void eok_conv_f16(const _Float16* x, const _Float16* wt, const _Float16* bias, _Float16* y, long c, long h, long w, long oc, long ks, long s, long d)
{
  const long outh = (h - d * (ks - 1) - 1) / s + 1;
  const long outw = (w - d * (ks - 1) - 1) / s + 1;
  const long m = oc, n = outh * outw, k = c * ks * ks;
  const Im2col g = {x, h, w, ks, s, d, outw};
  const _Float16* a = wt;
  _Float16 at[tile_m * tile_k];
  _Float16 bt[tile_n * tile_k];
  _Float16 t[tile_n * tile_m]; // partial sums, column-major per tile
  for (long i = 0; i < m; i += tile_m) {
    const long mi = m - i < tile_m ? m - i : tile_m;
    for (long j = 0; j < n; j += tile_n) {
      const long nj = n - j < tile_n ? n - j : tile_n;
      for (long cc = 0; cc < nj; ++cc) { // the bias seeds the sums
        for (long r = 0; r < mi; ++r) {
          t[cc * tile_m + r] = bias[i + r];
        }
      }
      for (long k0 = 0; k0 < k; k0 += tile_k) {
        const long kk = k - k0 < tile_k ? k - k0 : tile_k;
        pack_a(a, k, i, mi, k0, kk, at);
        pack_b(&g, j, nj, k0, kk, bt);
        for (long ii = 0; ii < mi; ii += mr) {
          const size_t vl = VSETVL((size_t)(mi - ii));
          for (long jj = 0; jj < nj; jj += EOK_NR) {
            const long width = nj - jj < EOK_NR ? nj - jj : EOK_NR;
            micro(at + ii * kk, bt + jj * kk, kk, width, t + jj * tile_m + ii, vl);
          }
        }
      }
      for (long ii = 0; ii < mi; ii += mr) { // tile to row-major y, strided stores
        const size_t vl = VSETVL((size_t)(mi - ii));
        for (long cc = 0; cc < nj; ++cc) {
          F(vsse16_v)(y + (i + ii) * n + j + cc, (ptrdiff_t)(n * sizeof(_Float16)), F(vle16_v)(t + cc * tile_m + ii, vl), vl);
        }
      }
    }
  }
}
