#include "search/random.hpp"

#include "util/sha256.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace eok::search {

namespace {

uint64_t splitmix64(uint64_t& x)
{
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

constexpr uint64_t rotl(uint64_t x, int k)
{
  return (x << k) | (x >> (64 - k));
}

} // namespace

Rng::Rng(uint64_t seed)
  : m_s{}
  , m_seed(seed)
{
  uint64_t x = seed;
  for (auto& s : m_s) {
    s = splitmix64(x);
  }
}

Rng Rng::fork(std::string_view label) const
{
  auto d = util::Sha256().update(std::to_string(m_seed)).update("/").update(label).digest();
  uint64_t child = 0;
  for (int i = 0; i < 8; ++i) {
    child = (child << 8) | d[static_cast<size_t>(i)];
  }
  return Rng(child);
}

uint64_t Rng::next()
{
  uint64_t result = rotl(m_s[1] * 5, 7) * 9;
  uint64_t t = m_s[1] << 17;
  m_s[2] ^= m_s[0];
  m_s[3] ^= m_s[1];
  m_s[1] ^= m_s[2];
  m_s[0] ^= m_s[3];
  m_s[2] ^= t;
  m_s[3] = rotl(m_s[3], 45);
  return result;
}

double Rng::uniform01()
{
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

size_t Rng::uniform_index(size_t n)
{
  assert(n > 0);
  // Rejection sampling: no modulo bias.
  uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t x = 0;
  do {
    x = next();
  } while (x >= limit);
  return static_cast<size_t>(x % n);
}

std::vector<double> softmax(const std::vector<double>& values, double temperature)
{
  std::vector<double> out(values.size());
  if (values.empty()) {
    return out;
  }
  double t = temperature > 0 ? temperature : 1.0;
  double top = *std::max_element(values.begin(), values.end());
  double sum = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    out[i] = std::exp((values[i] - top) / t);
    sum += out[i];
  }
  for (double& v : out) {
    v /= sum;
  }
  return out;
}

size_t sample_weighted(Rng& rng, const std::vector<double>& weights)
{
  double sum = 0;
  for (double w : weights) {
    sum += std::max(0.0, w);
  }
  if (sum <= 0) {
    return rng.uniform_index(weights.size());
  }
  double u = rng.uniform01() * sum;
  for (size_t i = 0; i < weights.size(); ++i) {
    u -= std::max(0.0, weights[i]);
    if (u < 0) {
      return i;
    }
  }
  // Rounding left a sliver: the last index with positive weight.
  for (size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) {
      return i;
    }
  }
  return weights.size() - 1;
}

std::vector<size_t> sample_weighted_distinct(Rng& rng, std::vector<double> weights, size_t k)
{
  std::vector<size_t> out;
  k = std::min(k, weights.size());
  while (out.size() < k) {
    size_t i = sample_weighted(rng, weights);
    if (std::find(out.begin(), out.end(), i) != out.end()) {
      // All remaining weight was zero and a uniform pick repeated: take the first unused.
      for (size_t j = 0; j < weights.size(); ++j) {
        if (std::find(out.begin(), out.end(), j) == out.end()) {
          i = j;
          break;
        }
      }
    }
    out.push_back(i);
    weights[i] = 0;
  }
  return out;
}

} // namespace eok::search
