/* ker0 of kernels/gp/multiset against its golden (tests/kernels/gp_test.h), for each of
 * the four operations (the spec's op value is the evaluator's; here op = gp_variant). */
#include "gp_golden.h"
#include "multiset_spec.h"

void eok_multiset_i32(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op);
static void kernel_op(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op);
static void golden_op(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op);

#define GP_KERNEL kernel_op
#define GP_GOLDEN golden_op
#define GP_VARIANTS 4
#include "gp_test.h"

static void kernel_op(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op)
{
  (void)op;
  eok_multiset_i32(a, na, b, nb, out, count, tmp, gp_variant);
}

static void golden_op(const int* a, long na, const int* b, long nb, int* out, long* count, int* tmp, int op)
{
  (void)op;
  golden_multiset(a, na, b, nb, out, count, tmp, gp_variant);
}
