// The OpenAI-compatible client: POST {base_url}/chat/completions and
// {base_url}/embeddings. Retries 429, 408, 5xx, transport faults and malformed
// replies with exponential backoff and jitter, waiting what Retry-After asks;
// never more than `concurrency` requests in flight; the API key goes only into
// the Authorization header (never into messages or logs). Bad credentials, an
// unknown endpoint or model (401/403/404) are configuration faults: Fatal.
#pragma once

#include "llm/http_curl.hpp"
#include "llm/json.hpp"
#include "llm/provider.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace eok::llm {

struct ClientOptions
{
  std::string base_url; // ".../v1"
  std::string model;
  std::string embedding_model; // empty: model
  std::optional<std::string> api_key;
  std::chrono::milliseconds timeout{120000};
  int max_retries = 4;
  int concurrency = 2;
  double temperature = 0.7;
  int64_t max_tokens = 0;
  std::chrono::milliseconds backoff{1000};
  std::chrono::milliseconds max_backoff{60000};
  std::chrono::milliseconds max_retry_after{300000};
  Transport transport;                                  // empty: http_post
  std::function<void(std::chrono::milliseconds)> sleep; // empty: sleep_for
  std::function<void(const std::string&)> warn;         // empty: util::Terminal warnings
};

// From llm.* settings; throws Fatal when base_url or model is missing.
ClientOptions client_options(const config::Settings& settings);

class Client : public Provider
{
public:
  explicit Client(ClientOptions options);
  Completion complete(const Request& request) override;
  [[nodiscard]] std::string name() const override { return "openai"; }
  // One batch of texts; a failure (after retries) is the error value.
  Expected<EmbeddingReply> embed(const std::vector<std::string>& texts);

  // The delay before retry `retry` (1-based) without Retry-After: base·2^(retry-1),
  // capped, then "equal jitter" (half fixed, half uniform) so clients spread out.
  std::chrono::milliseconds backoff_delay(int retry);

private:
  struct CallResult
  {
    bool ok = false;
    HttpResponse response;
    std::string error;
    int attempts = 0;
  };
  // `check` returns "" when a 2xx body is usable, else why not (retried as malformed).
  CallResult call(const std::string& path, const std::string& body, const std::function<std::string(const HttpResponse&)>& check);
  void acquire();
  void release();

  ClientOptions m_options;
  std::mutex m_mutex;
  std::condition_variable m_slot_free;
  int m_in_flight = 0;
  std::mt19937_64 m_rng;
};

} // namespace eok::llm
