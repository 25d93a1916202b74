// How the idea pool learns from a run: each thought's effectiveness moves toward
// the score its children earned. A thought whose children were all wrong or slower
// drifts down; one that produced a clear speedup drifts up. Bounded in [0, 1] so
// softmax sampling stays well-behaved.
#pragma once

#include <vector>

namespace eok::search {

struct EffectivenessRule
{
  double learning_rate = 0.3; // weight of the new evidence
  double gain_scale = 0.25;   // a 1.25x speedup scores 1 - e^-1 ≈ 0.63
};

// Score of one child: 0 for failed or not faster, rising toward 1 with speedup.
double child_score(bool ok, double speedup, const EffectivenessRule& rule = {});
// New effectiveness from the old value and the best child score (no children: unchanged).
double updated_effectiveness(double old, const std::vector<double>& child_scores, const EffectivenessRule& rule = {});

} // namespace eok::search
