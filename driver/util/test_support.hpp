// Helpers for doctest unit tests only (never linked into eok).
#pragma once

#include "util/fs.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>

namespace eok::testing {

// Failed assertions so far (counted by a doctest listener in tests/unit_main.cpp).
inline std::atomic<int> g_failed_asserts{0};

// A fresh directory per test; removed when the test passed, left behind (and
// its path printed) when it failed, so the evidence survives.
class ScratchDir
{
public:
  ScratchDir()
    : m_dir("eok-test")
    , m_failed_before(g_failed_asserts.load())
  {
  }
  ~ScratchDir()
  {
    if (g_failed_asserts.load() != m_failed_before) {
      m_dir.keep();
      MESSAGE("scratch kept: " << m_dir.path().string());
    }
  }
  [[nodiscard]] const util::fs::path& path() const { return m_dir.path(); }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_dir.path() / name).string(); }

private:
  util::TempDir m_dir;
  int m_failed_before;
};

} // namespace eok::testing
