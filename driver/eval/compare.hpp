// Candidate outputs against ker0's, element by element, with the spec's tolerance.
#pragma once

#include "eval/verdict.hpp"
#include "kernel/spec.hpp"

#include <string>

namespace eok::eval {

struct Comparison
{
  std::vector<Mismatch> first; // up to `keep`
  int64_t count = 0;
  std::string first_shape; // shape of the first mismatch (for the reason line)
};

// `expected`/`got`: the files the harness wrote (layout: output_layout). Sizes must match the
// layout; the caller checks that. Each run uses kernel::tolerance_at (its [[tolerance.when]]
// case, else the base). Float rules: NaN per tolerance.nan, ±Inf per tolerance.inf,
// else |got - want| <= abs + rel * |want| or within tolerance.ulp ULPs; integers exactly.
Comparison compare_outputs(const kernel::Spec& spec, const std::string& expected, const std::string& got, size_t keep = 5);

// One element, as doubles (f16/f32 widened), for tests and reuse.
bool within_tolerance(const kernel::Tolerance& tol, kernel::ElemType t, double want, double got);
std::string format_value(double v);

} // namespace eok::eval
