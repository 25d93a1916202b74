/* ker0 of kernels/gp/sorted_search against its golden (tests/kernels/gp_test.h). */
#include "gp_golden.h"
#include "sorted_search_spec.h"

void eok_sorted_search_i32(const int* needles, long na, const int* hay, long nb, int* lower, int* upper);

#define GP_KERNEL eok_sorted_search_i32
#define GP_GOLDEN golden_sorted_search
#include "gp_test.h"
