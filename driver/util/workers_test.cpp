#include "util/error.hpp"
#include "util/workers.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace eok;

TEST_SUITE("util::workers")
{
  TEST_CASE("every item runs once, on several threads")
  {
    std::vector<std::atomic<int>> hits(100);
    util::parallel_for(hits.size(), 4, [&](size_t i) { ++hits[i]; });
    for (auto& h : hits) {
      CHECK(h.load() == 1);
    }
  }

  TEST_CASE("an exception on a worker thread reaches the caller, the rest stop")
  {
    std::atomic<int> ran{0};
    std::atomic<bool> thrown{false};
    bool caught = false;
    try {
      util::parallel_for(1000, 3, [&](size_t i) {
        ++ran;
        if (i == 5) {
          thrown = true;
          throw Fatal("cache.sqlite: database is locked");
        }
        // Later items wait for the failure and then take their time, so the other workers
        // cannot finish all 1000 while the failing one is descheduled on a loaded machine.
        while (i > 5 && !thrown) {
          std::this_thread::yield();
        }
        if (i > 5) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      });
    } catch (const Fatal& e) {
      caught = std::string(e.what()) == "cache.sqlite: database is locked";
    }
    CHECK(caught);
    CHECK(ran.load() < 1000); // no new items after the failure
  }

  TEST_CASE("one job runs on the caller's thread and rethrows the same way")
  {
    CHECK_THROWS_AS(util::parallel_for(3, 1, [](size_t) { throw Fatal("x"); }), Fatal);
  }
}
