// SHA-256 (FIPS 180-4), for cache keys and content identity. Written here: no
// dependency of the chosen set offers a hash, and this one is small.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace eok::util {

class Sha256
{
public:
  Sha256();
  Sha256& update(std::string_view data);
  std::array<uint8_t, 32> digest();
  std::string hex_digest();

private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> m_h{};
  std::array<uint8_t, 64> m_buf{};
  size_t m_len = 0;
  uint64_t m_total = 0;
};

std::string sha256_hex(std::string_view data);

} // namespace eok::util
