/* Scalar goldens of the general-purpose primitives (kernels/gp/), one per kernel with the
 * kernel's own signature, so tests/kernels/gp_test.h can run both on the same buffers;
 * test-only. */
#pragma once

void golden_scan(const int* x, int* y, int* total, long n);
void golden_merge(const int* ak, const int* av, long na, const int* bk, const int* bv, long nb, int* ck, int* cv);
void golden_mergesort(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n);
void golden_sorted_search(const int* needles, long na, const int* hay, long nb, int* lower, int* upper);
void golden_lbs(const int* seg, long m, int* owner, long n);
void golden_interval_expand(const int* seg, const int* vals, long m, int* out, long n);
void golden_segreduce(const int* x, long n, const int* seg, long m, int* y, int* scan);
void golden_bulk_remove(const int* x, long n, const int* idx, long m, int* y, int* flags);
void golden_bulk_insert(const int* a, const int* idx, long m, const int* b, long n, int* y);
void golden_interval_move(const int* seg, const int* src, long m, const int* x, long nx, int* out, long n);
void golden_locality_sort(const int* keys_in, const int* vals_in, int* keys, int* vals, int* tmp_k, int* tmp_v, long n);
void golden_segsort(const int* keys_in, const int* vals_in, long n, const int* seg, long m, int* keys, int* vals, int* tmp);
void golden_join(const int* a, long na, const int* b, long nb, int* ai, int* bi, long* count, long cap, int* tmp);
void golden_multiset(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op);
