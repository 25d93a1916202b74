// HTTP POST over libcurl: the only file that includes curl (ARCHITECTURE.md).
// A transport fault (no connection, timeout, dropped connection) is a value, as
// is any HTTP status; the caller (llm::Client) decides what to retry.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace eok::llm {

struct HttpRequest
{
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers; // may hold secrets: never log them
  std::string body;
  std::chrono::milliseconds timeout{0}; // whole request; 0: none
  size_t max_body = size_t{32} << 20;   // a longer reply is a transport error
};

struct HttpResponse
{
  enum class Transport {
    ok,        // a complete HTTP response arrived (any status)
    timed_out, // the request took longer than its timeout
    failed,    // could not connect, connection dropped, reply cut short, …
  };
  Transport transport = Transport::failed;
  std::string error; // transport != ok: what went wrong (curl's words)
  long status = 0;
  std::map<std::string, std::string> headers; // names in lower case
  std::string body;

  // Retry-After in seconds (delta-seconds or an HTTP date), if the server sent one.
  [[nodiscard]] std::optional<double> retry_after() const;
};

// Blocking; safe to call from several threads at once.
HttpResponse http_post(const HttpRequest& request);

// Retry-After value → seconds from now (never negative); nullopt if unparseable.
std::optional<double> parse_retry_after(const std::string& value);

// What the client calls; tests substitute a scripted one.
using Transport = std::function<HttpResponse(const HttpRequest&)>;

} // namespace eok::llm
