// Embedding arithmetic for idea mining: cosine similarity, the nearest of a set
// of vectors, and greedy threshold clustering (the paper clusters the commits no
// seed thought explains; a single pass in input order keeps the result
// deterministic and needs no cluster count up front, unlike k-means).
#pragma once

#include <cstddef>
#include <vector>

namespace eok::mining {

using Vector = std::vector<float>;

// Cosine similarity in [-1, 1]; 0 when either vector is zero, empty, or the
// lengths differ (a server that changes dimensions mid-run matches nothing).
double cosine(const Vector& a, const Vector& b);

struct Nearest
{
  size_t index = 0;
  double similarity = -2; // below any cosine: nothing found
};
// The most similar of `set` (the first on ties); similarity -2 when `set` is empty.
Nearest nearest(const Vector& v, const std::vector<Vector>& set);

struct Cluster
{
  std::vector<size_t> members; // indices into the input, ascending
  Vector centroid;             // mean of the members' unit vectors
  size_t representative = 0;   // the member closest to the centroid
};
// Each vector joins the existing cluster whose centroid is most similar if that
// similarity is at least `threshold`, else starts a new cluster. Clusters are
// returned in order of their first member.
std::vector<Cluster> cluster_greedy(const std::vector<Vector>& vectors, double threshold);

} // namespace eok::mining
