#include "search/effectiveness.hpp"

#include <algorithm>
#include <cmath>

namespace eok::search {

double child_score(bool ok, double speedup, const EffectivenessRule& rule)
{
  if (!ok || !(speedup > 1.0)) {
    return 0.0;
  }
  return 1.0 - std::exp(-(speedup - 1.0) / rule.gain_scale);
}

double updated_effectiveness(double old, const std::vector<double>& child_scores, const EffectivenessRule& rule)
{
  if (child_scores.empty()) {
    return old;
  }
  // The best child is the evidence: a thought is worth what its best application achieved.
  double best = *std::max_element(child_scores.begin(), child_scores.end());
  double v = (1.0 - rule.learning_rate) * old + rule.learning_rate * best;
  return std::clamp(v, 0.0, 1.0);
}

} // namespace eok::search
