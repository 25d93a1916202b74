#include "mining/vectors.hpp"

#include <cmath>

namespace eok::mining {

namespace {

Vector unit(const Vector& v)
{
  double norm = 0;
  for (float x : v) {
    norm += static_cast<double>(x) * x;
  }
  Vector out(v.size(), 0.0F);
  if (norm > 0 && std::isfinite(norm)) {
    const double inv = 1.0 / std::sqrt(norm);
    for (size_t i = 0; i < v.size(); ++i) {
      out[i] = static_cast<float>(v[i] * inv);
    }
  }
  return out;
}

} // namespace

double cosine(const Vector& a, const Vector& b)
{
  if (a.empty() || a.size() != b.size()) {
    return 0;
  }
  double dot = 0;
  double na = 0;
  double nb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  if (na <= 0 || nb <= 0 || !std::isfinite(dot) || !std::isfinite(na) || !std::isfinite(nb)) {
    return 0;
  }
  double c = dot / (std::sqrt(na) * std::sqrt(nb));
  return c > 1 ? 1 : c < -1 ? -1 : c; // rounding may step just outside
}

Nearest nearest(const Vector& v, const std::vector<Vector>& set)
{
  Nearest best;
  for (size_t i = 0; i < set.size(); ++i) {
    double s = cosine(v, set[i]);
    if (s > best.similarity) {
      best.index = i;
      best.similarity = s;
    }
  }
  return best;
}

std::vector<Cluster> cluster_greedy(const std::vector<Vector>& vectors, double threshold)
{
  std::vector<Cluster> clusters;
  std::vector<Vector> sums; // per cluster: sum of the members' unit vectors
  for (size_t i = 0; i < vectors.size(); ++i) {
    Vector u = unit(vectors[i]);
    std::vector<Vector> centroids;
    centroids.reserve(clusters.size());
    for (const auto& c : clusters) {
      centroids.push_back(c.centroid);
    }
    Nearest n = nearest(u, centroids);
    if (n.similarity >= threshold && n.similarity > -2) {
      Cluster& c = clusters[n.index];
      c.members.push_back(i);
      Vector& s = sums[n.index];
      for (size_t k = 0; k < s.size() && k < u.size(); ++k) {
        s[k] += u[k];
      }
      c.centroid = s;
      for (float& x : c.centroid) {
        x /= static_cast<float>(c.members.size());
      }
    } else {
      clusters.push_back({{i}, u, i});
      sums.push_back(u);
    }
  }
  for (auto& c : clusters) {
    double best = -2;
    for (size_t m : c.members) {
      double s = cosine(vectors[m], c.centroid);
      if (s > best) {
        best = s;
        c.representative = m;
      }
    }
  }
  return clusters;
}

} // namespace eok::mining
