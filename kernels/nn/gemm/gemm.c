// eok ker0: NCNN Gemm (fp32, transA = transB = 0, alpha = beta = 1, C one value per row of
// the output) with NCNN's RISC-V blocking: the output is cut into TILE_M x TILE_N tiles and
// K into TILE_K slices; per slice, the A tile is packed into MR-row panels (for each k the
// MR values of rows ii..ii+MR-1 side by side) and the B tile into NR-column panels (for each
// k the NR values of columns jj..jj+NR-1); an MR x NR micro-kernel keeps NR accumulators of
// MR rows (vector over rows, vfmacc_vf with one B scalar each) across the slice; partial
// sums wait in a TILE_M x TILE_N tile buffer between slices, as NCNN's topT tile does.
// NCNN's micro-kernel is 8 x 8 (MR = packn = 8 at VLEN 256, NR = 8); EOK_LMUL widens MR to
// 8 * LMUL, EOK_NR sets NR, EOK_TILE_N / EOK_TILE_K the cache blocking (NCNN sizes its tiles
// from the L2 cache; 64 x 128 x 256 here fits the X60's 512 KiB L2 with room to spare).
// Row and column tails run with vl < MR and narrower column loops; rows past M in a panel
// are packed as zeros and never stored.
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
#define F(op) EOK_CAT(EOK_CAT(__riscv_, op), EOK_M(_f32m))
#define vf32 EOK_CAT(EOK_M(vfloat32m), _t)
#define VSETVL EOK_M(__riscv_vsetvl_e32m)

enum { mr = 8 * EOK_LMUL, tile_m = 64, tile_n = EOK_TILE_N, tile_k = EOK_TILE_K };

// A rows [i, i+mi) x k [k0, k0+kk) into panels of mr rows: at[(p*kk + k)*mr + r].
static void pack_a(const float* a, long lda, long i, long mi, long k0, long kk, float* at)
{
  for (long p = 0; p * mr < mi; ++p) {
    for (long k = 0; k < kk; ++k) {
      for (long r = 0; r < mr; ++r) {
        long row = p * mr + r;
        at[(p * kk + k) * mr + r] = row < mi ? a[(i + row) * lda + k0 + k] : 0.f;
      }
    }
  }
}

// B k [k0, k0+kk) x columns [j, j+nj) into panels of EOK_NR columns (the last one narrower):
// bt[panel_start*kk + k*width + c].
static void pack_b(const float* b, long ldb, long j, long nj, long k0, long kk, float* bt)
{
  for (long jj = 0; jj < nj; jj += EOK_NR) {
    long width = nj - jj < EOK_NR ? nj - jj : EOK_NR;
    float* dst = bt + jj * kk;
    for (long k = 0; k < kk; ++k) {
      const float* src = b + (k0 + k) * ldb + j + jj;
      for (long c = 0; c < width; ++c) {
        dst[k * width + c] = src[c];
      }
    }
  }
}

// One mr-row panel against one B panel of `width` columns; acc tile t is column-major
// (t[c*tile_m + r]), rows valid up to vl.
static inline void micro(const float* ap, const float* bp, long kk, long width, float* t, size_t vl)
{
  if (width == EOK_NR) {
    vf32 s0 = F(vle32_v)(t, vl), s1 = F(vle32_v)(t + tile_m, vl);
    vf32 s2 = F(vle32_v)(t + 2 * tile_m, vl), s3 = F(vle32_v)(t + 3 * tile_m, vl);
#if EOK_NR == 8
    vf32 s4 = F(vle32_v)(t + 4 * tile_m, vl), s5 = F(vle32_v)(t + 5 * tile_m, vl);
    vf32 s6 = F(vle32_v)(t + 6 * tile_m, vl), s7 = F(vle32_v)(t + 7 * tile_m, vl);
#endif
    for (long k = 0; k < kk; ++k) {
      vf32 va = F(vle32_v)(ap + k * mr, vl);
      const float* bk = bp + k * EOK_NR;
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
    F(vse32_v)(t, s0, vl);
    F(vse32_v)(t + tile_m, s1, vl);
    F(vse32_v)(t + 2 * tile_m, s2, vl);
    F(vse32_v)(t + 3 * tile_m, s3, vl);
#if EOK_NR == 8
    F(vse32_v)(t + 4 * tile_m, s4, vl);
    F(vse32_v)(t + 5 * tile_m, s5, vl);
    F(vse32_v)(t + 6 * tile_m, s6, vl);
    F(vse32_v)(t + 7 * tile_m, s7, vl);
#endif
    return;
  }
  for (long c = 0; c < width; ++c) { // column tail: one accumulator at a time
    vf32 s = F(vle32_v)(t + c * tile_m, vl);
    for (long k = 0; k < kk; ++k) {
      s = F(vfmacc_vf)(s, bp[k * width + c], F(vle32_v)(ap + k * mr, vl), vl);
    }
    F(vse32_v)(t + c * tile_m, s, vl);
  }
}

void eok_gemm_f32(const float* a, const float* b, const float* c, float* y, long m, long n, long k)
{
  float at[tile_m * tile_k];
  float bt[tile_n * tile_k];
  float t[tile_n * tile_m]; // partial sums, column-major per tile
  for (long i = 0; i < m; i += tile_m) {
    const long mi = m - i < tile_m ? m - i : tile_m;
    for (long j = 0; j < n; j += tile_n) {
      const long nj = n - j < tile_n ? n - j : tile_n;
      for (long cc = 0; cc < nj; ++cc) { // C seeds the sums (beta = 1)
        for (long r = 0; r < mi; ++r) {
          t[cc * tile_m + r] = c[i + r];
        }
      }
      for (long k0 = 0; k0 < k; k0 += tile_k) {
        const long kk = k - k0 < tile_k ? k - k0 : tile_k;
        pack_a(a, k, i, mi, k0, kk, at);
        pack_b(b, n, j, nj, k0, kk, bt);
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
          F(vsse32_v)(y + (i + ii) * n + j + cc, (ptrdiff_t)(n * sizeof(float)), F(vle32_v)(t + cc * tile_m + ii, vl), vl);
        }
      }
    }
  }
}
