/* Runs the numerical idea-pool examples under the exe_wrapper and checks them
 * against libm/scalar references with the accuracy their thoughts claim, so an
 * example the LLM is shown cannot silently be wrong. Exit status 1 on any miss. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

void exp_f32(const float *, float *, size_t);
void sigmoid_f32(const float *, float *, size_t);
void mish_f32(const float *, float *, size_t);
void log_f32(const float *, float *, size_t);
void div_f32(const float *, const float *, float *, size_t);
void rsqrt_scale(const float *, const float *, float *, size_t, float);
void tanh_clamped(const float *, float *, size_t);
void elu_f32(const float *, float *, size_t, float);
void div3_u32(const uint32_t *, uint32_t *, size_t);
float dot_f32_2acc(const float *, const float *, size_t);
float sum_f32_tu(const float *, size_t);
float max_f32(const float *, size_t);
float dot_f16_f32acc(const _Float16 *, const _Float16 *, size_t);
void exp_f16_deg4(const _Float16 *, _Float16 *, size_t);
void softsign_f16(const _Float16 *, _Float16 *, size_t);

#define N 2003
static float x[N], y[N], z[N];
static _Float16 h[N], h2[N];
static int failures;

static void expect(const char *what, double err, double limit)
{
    int ok = err <= limit;
    printf("%-34s %-4s error %.3g (limit %.3g)\n", what, ok ? "ok" : "FAIL", err, limit);
    failures += !ok;
}

static double rel(double got, double want)
{
    if (isnan(want))
        return isnan(got) ? 0 : INFINITY;
    if (isinf(want))
        return got == want ? 0 : INFINITY;
    return fabs(got - want) / (fabs(want) + 1e-30);
}

static void ramp(float lo, float hi)
{
    for (int i = 0; i < N; i++)
        x[i] = lo + (hi - lo) * (float)i / (N - 1);
}

static double sig(double v) { return 1 / (1 + exp(-v)); }
static double mish(double v) { return v * tanh(log1p(exp(v))); }

int main(void)
{
    double m;
    ramp(-80, 80);
    exp_f32(x, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, rel(y[i], exp(x[i])));
    expect("exp-range-reduction (rel)", m, 1e-6);

    ramp(-30, 30);
    sigmoid_f32(x, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, fabs(y[i] - sig(x[i])));
    expect("sigmoid-tanh-via-exp (abs)", m, 1e-6);

    mish_f32(x, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, fabs(y[i] - mish(x[i])) / (1 + fabs(mish(x[i]))));
    expect("mish-single-exp (abs+rel)", m, 1e-6);

    ramp(0.01f, 3);
    log_f32(x, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, fabs(y[i] - log(x[i])));
    expect("log-exponent-mantissa (abs)", m, 1e-6);
    float sp[5] = {0.0f, -1.0f, INFINITY, NAN, 1.0f}, so[5];
    log_f32(sp, so, 5);
    expect("log specials", (isinf(so[0]) && so[0] < 0 && isnan(so[1]) && isinf(so[2]) && so[2] > 0 && isnan(so[3]) && so[4] == 0) ? 0 : 1, 0);

    for (int i = 0; i < N; i++) { x[i] = i - 1000.5f; z[i] = 0.37f * (i + 1); }
    div_f32(x, z, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, rel(y[i], (double)x[i] / z[i]));
    expect("reciprocal-estimate-newton (rel)", m, 3e-7);
    float d0[3] = {1, 1, -1}, d1[3] = {0, INFINITY, 0}, q[3];
    div_f32(d0, d1, q, 3);
    expect("reciprocal specials (1/0, 1/inf)", (isinf(q[0]) && q[0] > 0 && q[1] == 0 && isinf(q[2]) && q[2] < 0) ? 0 : 1, 0);

    for (int i = 0; i < N; i++) { x[i] = 1; z[i] = i * 0.1f; }
    rsqrt_scale(x, z, y, N, 1e-5f);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, rel(y[i], 1 / sqrt((double)z[i] + 1e-5)));
    expect("rsqrt-estimate-newton (rel)", m, 3e-7);

    ramp(-12, 12);
    tanh_clamped(x, y, N);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, fabs(y[i] - tanh(x[i])));
    expect("clamp-before-special-math (abs)", m, 1e-6);

    ramp(-10, 10);
    elu_f32(x, y, N, 1.0f);
    m = 0;
    for (int i = 0; i < N; i++) m = fmax(m, fabs(y[i] - (x[i] > 0 ? x[i] : expm1(x[i]))));
    expect("branchless-select elu (abs)", m, 1e-6);

    uint32_t u[6] = {0, 1, 2, 3, 4294967295u, 2863311531u}, uq[6];
    div3_u32(u, uq, 6);
    int wrong = 0;
    for (int i = 0; i < 6; i++) wrong += uq[i] != u[i] / 3;
    expect("integer-division-by-constant", wrong, 0);

    for (int i = 0; i < N; i++) { x[i] = (float)(i % 7 - 3); z[i] = 1; }
    double s = 0;
    for (int i = 0; i < N; i++) s += x[i];
    for (size_t n = 0; n <= 70; n += 7) {
        double sn = 0;
        for (size_t i = 0; i < n; i++) sn += x[i];
        m = fabs(dot_f32_2acc(x, z, n) - sn) + fabs(sum_f32_tu(x, n) - sn);
        if (m != 0) break;
    }
    expect("accumulators at sizes 0..70 (abs)", m, 0);
    expect("unroll-independent-accumulators", fabs(dot_f32_2acc(x, z, N) - s), 0);
    expect("tail-undisturbed-accumulate", fabs(sum_f32_tu(x, N) - s), 0);
    x[N - 2] = 42;
    expect("reduce-once-after-loop (max)", fabs(max_f32(x, N) - 42), 0);

    for (int i = 0; i < N; i++) { h[i] = (_Float16)(float)(i % 5 - 2); h2[i] = (_Float16)0.5f; }
    s = 0;
    for (int i = 0; i < N; i++) s += 0.5 * (double)(float)h[i];
    expect("fp16-widening-accumulate", fabs(dot_f16_f32acc(h, h2, N) - s), 1e-3);

    for (int i = 0; i < N; i++) h[i] = (_Float16)(-16.0f + 27.0f * (float)i / (N - 1));
    exp_f16_deg4(h, h2, N);
    m = 0;
    for (int i = 0; i < N; i++) {
        double want = exp((double)(float)h[i]);
        if (want < 6.1e-5 || want > 65504)
            continue; /* fp16 subnormal/overflow range: not what the thought claims */
        m = fmax(m, rel((float)h2[i], want));
    }
    expect("degree-from-tolerance exp f16 (rel)", m, 2e-3);

    for (int i = 0; i < N; i++) h[i] = (_Float16)(-100.0f + 200.0f * (float)i / (N - 1));
    softsign_f16(h, h2, N);
    m = 0;
    for (int i = 0; i < N; i++) {
        double v = (float)h[i];
        m = fmax(m, fabs((float)h2[i] - v / (1 + fabs(v))));
    }
    expect("fp16-widen-for-nonlinear (abs)", m, 1e-3);

    printf("%d failure(s)\n", failures);
    return failures != 0;
}
