// Helpers for doctest unit tests only (never linked into eok).
#pragma once

#include "util/fs.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
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

// Deterministic byte-level mutation of a text file (xorshift64): replaced, erased,
// inserted characters and truncation, for fuzzing TOML readers.
struct TomlMutator
{
  uint64_t state;
  uint64_t next()
  {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::string mutate(std::string s)
  {
    static const std::string k_alphabet = "[]=\"'.#\n\\{},0123456789abcxyz -_\t\x01\xff";
    int edits = 1 + static_cast<int>(next() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t pos = next() % s.size();
      switch (next() % 4) {
      case 0:
        s[pos] = k_alphabet[next() % k_alphabet.size()];
        break;
      case 1:
        s.erase(pos, 1 + next() % 8);
        break;
      case 2:
        s.insert(pos, 1, k_alphabet[next() % k_alphabet.size()]);
        break;
      default:
        s.resize(pos);
        break;
      }
    }
    return s;
  }
};

} // namespace eok::testing
