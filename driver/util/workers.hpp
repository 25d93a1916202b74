// util::parallel_for: the one way eok fans work out over threads. An exception
// thrown by the body on a worker thread would call std::terminate (SIGABRT,
// exit 134, nothing cleaned up); here the first one stops further items from
// being handed out, every thread is joined, and it is rethrown on the caller's
// thread, so `Fatal` reaches main's handler like any other error.
#pragma once

#include <cstddef>
#include <functional>

namespace eok::util {

// Calls body(i) for every i in [0, count), on up to `jobs` threads (the caller's
// own thread when jobs <= 1 or count <= 1). Items already started finish; the
// first exception is rethrown after all threads have joined.
void parallel_for(size_t count, int jobs, const std::function<void(size_t)>& body);

} // namespace eok::util
