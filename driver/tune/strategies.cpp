// The strategies of strategy_table(). Each starts from ker0's point, so the
// result always says how the tuned points compare with the kernel as shipped.
#include "tune/strategies.hpp"

#include <algorithm>

namespace eok::tune {

namespace {

Point random_point(const Space& space, search::Rng& rng)
{
  Point p(space.dims());
  for (size_t d = 0; d < space.dims(); ++d) {
    p[d] = static_cast<uint32_t>(rng.uniform_index(space.radix(d)));
  }
  return p;
}

// Valid points not evaluated yet, in index order (enumerable spaces only).
std::vector<Point> unseen_valid(const Space& space, const Ledger& ledger)
{
  std::vector<Point> out;
  for (auto& p : space.valid_points()) {
    if (!ledger.seen(p)) {
      out.push_back(std::move(p));
    }
  }
  return out;
}

// Up to `n` distinct valid points not evaluated yet, drawn at random.
std::vector<Point> fresh_random(const Space& space, const Ledger& ledger, search::Rng& rng, size_t n)
{
  std::vector<Point> out;
  if (n == 0) {
    return out;
  }
  if (space.cardinality() <= k_enumerable) {
    std::vector<Point> pool = unseen_valid(space, ledger);
    while (out.size() < n && !pool.empty()) {
      size_t i = rng.uniform_index(pool.size());
      out.push_back(pool[i]);
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return out;
  }
  for (size_t attempt = 0; out.size() < n && attempt < 1000 * n; ++attempt) {
    Point p = random_point(space, rng);
    if (space.valid(p) && !ledger.seen(p) && std::find(out.begin(), out.end(), p) == out.end()) {
      out.push_back(std::move(p));
    }
  }
  return out;
}

} // namespace

std::string run_exhaustive(const Space& space, Ledger& ledger)
{
  ledger.evaluate({space.default_point()});
  const uint64_t n = space.cardinality();
  std::vector<Point> batch;
  for (uint64_t i = 0; i < n && ledger.remaining() > 0; ++i) {
    Point p = space.point_at(i);
    if (space.valid(p) && !ledger.seen(p)) {
      batch.push_back(std::move(p));
    }
    if (batch.size() >= 256 || i + 1 == n) {
      ledger.evaluate(batch);
      batch.clear();
    }
  }
  return ledger.remaining() == 0 ? "budget" : "space exhausted";
}

std::string run_random(const Space& space, Ledger& ledger, search::Rng& rng)
{
  ledger.evaluate({space.default_point()});
  while (ledger.remaining() > 0) {
    std::vector<Point> batch = fresh_random(space, ledger, rng, std::min<size_t>(ledger.remaining(), 64));
    if (batch.empty()) {
      return "space exhausted";
    }
    ledger.evaluate(batch);
  }
  return "budget";
}

std::string run_evolutionary(const Space& space, Ledger& ledger, search::Rng& rng, const StrategyOptions& opts)
{
  const size_t pop_size = std::max<size_t>(2, static_cast<size_t>(opts.at("population")));
  const size_t generations = static_cast<size_t>(opts.at("generations"));
  const size_t elite = std::min(pop_size - 1, static_cast<size_t>(opts.at("elite")));
  const size_t tournament = std::max<size_t>(1, static_cast<size_t>(opts.at("tournament")));
  const double mutation = opts.at("mutation");

  std::vector<Point> population = {space.default_point()};
  for (auto& p : fresh_random(space, ledger, rng, pop_size - 1)) {
    population.push_back(std::move(p));
  }
  ledger.evaluate(population);
  population.erase(std::remove_if(population.begin(), population.end(), [&ledger](const Point& p) { return !ledger.seen(p); }),
                   population.end());
  auto by_fitness = [&ledger](const Point& a, const Point& b) { return ledger.fitness(a) < ledger.fitness(b); };
  auto select = [&]() -> const Point& {
    size_t best = rng.uniform_index(population.size());
    for (size_t k = 1; k < tournament; ++k) {
      size_t c = rng.uniform_index(population.size());
      if (ledger.fitness(population[c]) < ledger.fitness(population[best])) {
        best = c;
      }
    }
    return population[best];
  };

  for (size_t gen = 0; ledger.remaining() > 0; ++gen) {
    if (generations > 0 && gen >= generations) {
      return "generations";
    }
    std::stable_sort(population.begin(), population.end(), by_fitness);
    std::vector<Point> children;
    const size_t wanted = pop_size - std::min(elite, population.size());
    for (size_t attempt = 0; children.size() < wanted && attempt < 50 * pop_size; ++attempt) {
      const Point& a = select();
      const Point& b = select();
      Point child(space.dims());
      for (size_t d = 0; d < space.dims(); ++d) {
        child[d] = rng.uniform01() < 0.5 ? a[d] : b[d];
        if (space.radix(d) > 1 && rng.uniform01() < mutation) {
          if (rng.uniform01() < 0.5) { // a neighbouring value: knob values are usually ordered
            child[d] = child[d] == 0 ? 1 : (child[d] + 1 == space.radix(d) ? child[d] - 1 : child[d] + (rng.uniform01() < 0.5 ? 1 : -1));
          } else {
            child[d] = static_cast<uint32_t>((child[d] + 1 + rng.uniform_index(space.radix(d) - 1)) % space.radix(d));
          }
        }
      }
      if (space.valid(child) && !ledger.seen(child) && std::find(children.begin(), children.end(), child) == children.end()) {
        children.push_back(std::move(child));
      }
    }
    // Crossover and mutation found too few new points: immigrants keep the search moving.
    for (auto& p : fresh_random(space, ledger, rng, wanted - children.size())) {
      if (std::find(children.begin(), children.end(), p) == children.end()) {
        children.push_back(std::move(p));
      }
    }
    if (children.empty()) {
      return "space exhausted";
    }
    ledger.evaluate(children);
    for (auto& c : children) {
      if (ledger.seen(c)) {
        population.push_back(std::move(c));
      }
    }
    std::stable_sort(population.begin(), population.end(), by_fitness);
    population.resize(std::min(population.size(), pop_size));
  }
  return "budget";
}

} // namespace eok::tune
