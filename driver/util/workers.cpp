#include "util/workers.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace eok::util {

void parallel_for(size_t count, int jobs, const std::function<void(size_t)>& body)
{
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first;
  std::mutex error_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < count && !failed; i = next++) {
      try {
        body(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!first) {
          first = std::current_exception();
        }
        failed = true;
      }
    }
  };
  const size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(1, jobs)));
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (size_t t = 0; t < threads; ++t) {
      pool.emplace_back(worker);
    }
    for (auto& th : pool) {
      th.join();
    }
  }
  if (first) {
    std::rethrow_exception(first);
  }
}

} // namespace eok::util
