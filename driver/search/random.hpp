// Deterministic randomness for the search (DESIGN.md invariant 6: same seed, cache and
// replies give the same winners). The standard library's distributions are not
// specified bit-for-bit across implementations, so sampling is written here on top
// of xoshiro256** (Blackman & Vigna), seeded through splitmix64.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace eok::search {

class Rng
{
public:
  explicit Rng(uint64_t seed);
  // A child stream for an independent sub-search: same parent seed + label -> same stream.
  [[nodiscard]] Rng fork(std::string_view label) const;

  uint64_t next();
  double uniform01();             // [0, 1)
  size_t uniform_index(size_t n); // [0, n), n > 0

private:
  uint64_t m_s[4];
  uint64_t m_seed;
};

// softmax(values / temperature); temperature > 0. Returns probabilities summing to 1.
std::vector<double> softmax(const std::vector<double>& values, double temperature);
// Draw one index with the given (non-negative, not all zero) weights.
size_t sample_weighted(Rng& rng, const std::vector<double>& weights);
// Draw `k` distinct indices (k <= weights.size()) without replacement, by weight.
std::vector<size_t> sample_weighted_distinct(Rng& rng, std::vector<double> weights, size_t k);

} // namespace eok::search
