#include "llm/client.hpp"
#include "llm/http_curl.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

using namespace eok;
using namespace eok::llm;
using std::chrono::milliseconds;

namespace {

const char* const k_ok =
    R"({"model":"m-served","choices":[{"message":{"content":"{d}\n```c\nvoid k(void) {}\n```"},"finish_reason":"stop"}],
  "usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}})";

HttpResponse status(long code, std::string body = "{}", std::map<std::string, std::string> headers = {})
{
  HttpResponse r;
  r.transport = HttpResponse::Transport::ok;
  r.status = code;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

HttpResponse transport_fault(HttpResponse::Transport t, std::string error)
{
  HttpResponse r;
  r.transport = t;
  r.error = std::move(error);
  return r;
}

// A transport that serves the given responses in order and remembers requests and sleeps.
struct Script
{
  std::vector<HttpResponse> responses;
  std::vector<HttpRequest> requests;
  std::vector<milliseconds> sleeps;
  std::vector<std::string> warnings;

  ClientOptions options()
  {
    ClientOptions o;
    o.base_url = "http://h/v1/";
    o.model = "m";
    o.api_key = "sk-secret";
    o.max_retries = 4;
    o.timeout = milliseconds(2000);
    o.transport = [this](const HttpRequest& r) {
      requests.push_back(r);
      return responses.at(std::min(requests.size() - 1, responses.size() - 1));
    };
    o.sleep = [this](milliseconds ms) { sleeps.push_back(ms); };
    o.warn = [this](const std::string& w) { warnings.push_back(w); };
    return o;
  }
};

Request prompt()
{
  return {"sys", "write \"k\"\n", "test"};
}

} // namespace

TEST_SUITE("llm::client")
{
  TEST_CASE("a chat request: URL, headers, escaped body; the reply's content, model and usage")
  {
    Script s;
    s.responses = {status(200, k_ok)};
    Client c(s.options());
    Completion r = c.complete(prompt());
    REQUIRE(r.ok);
    CHECK(r.attempts == 1);
    CHECK(r.model == "m-served");
    CHECK(r.usage.total() == 30);
    CHECK(r.content.find("void k(void)") != std::string::npos);
    REQUIRE(s.requests.size() == 1);
    CHECK(s.requests[0].url == "http://h/v1/chat/completions");
    CHECK(s.requests[0].timeout == milliseconds(2000));
    CHECK(s.requests[0].body == R"({"model":"m","messages":[{"role":"system","content":"sys"},{"role":"user","content":"write \"k\"\n"}],)"
                                R"("temperature":0.7,"stream":false})");
    bool auth = false;
    for (const auto& [name, value] : s.requests[0].headers) {
      auth = auth || (name == "Authorization" && value == "Bearer sk-secret");
    }
    CHECK(auth);
  }

  TEST_CASE("429 waits what Retry-After says; 5xx and transport faults back off exponentially with jitter")
  {
    Script s;
    s.responses = {status(429, R"({"error":{"message":"slow down"}})", {{"retry-after", "7"}}), status(503),
                   transport_fault(HttpResponse::Transport::failed, "Connection refused"), status(200, k_ok)};
    Client c(s.options());
    Completion r = c.complete(prompt());
    REQUIRE(r.ok);
    CHECK(r.attempts == 4);
    REQUIRE(s.sleeps.size() == 3);
    CHECK(s.sleeps[0] == milliseconds(7000));
    CHECK(s.sleeps[1] >= milliseconds(1000)); // retry 2 without Retry-After: 2000 ms, half of it jittered
    CHECK(s.sleeps[1] <= milliseconds(2000));
    CHECK(s.sleeps[2] >= milliseconds(2000));
    CHECK(s.sleeps[2] <= milliseconds(4000));
    REQUIRE(s.warnings.size() == 3);
    CHECK(s.warnings[0] == "llm: HTTP 429: slow down; retry 1 of 4 in 7.0 s (Retry-After)");
    CHECK(s.warnings[2].rfind("llm: connection failed: Connection refused; retry 3 of 4 in ", 0) == 0);
  }

  TEST_CASE("retries run out: a failed completion with the last reason and the attempt count")
  {
    Script s;
    s.responses = {transport_fault(HttpResponse::Transport::timed_out, "Operation timed out")};
    Client c(s.options());
    Completion r = c.complete(prompt());
    CHECK_FALSE(r.ok);
    CHECK(r.error == "no reply within 2.0 s (5 attempts)");
    CHECK(s.requests.size() == 5);
    CHECK(s.sleeps.size() == 4);

    Script t;
    t.responses = {status(200, R"({"choices":[]})")};
    Client c2(t.options());
    CHECK(c2.complete(prompt()).error == "malformed reply: reply has an empty `choices` array (5 attempts)");

    Script u;
    u.responses = {status(200, R"({"choices":[{"message":{"content":"x"})"), status(200, k_ok)};
    Client c3(u.options());
    CHECK(c3.complete(prompt()).ok); // a truncated body is retried
    CHECK(u.requests.size() == 2);
  }

  TEST_CASE("400 is not retried; 401/403/404 are configuration faults that never show the key")
  {
    Script s;
    s.responses = {status(400, R"({"error":{"message":"context too long"}})")};
    Client c(s.options());
    Completion r = c.complete(prompt());
    CHECK(r.error == "HTTP 400: context too long");
    CHECK(s.requests.size() == 1);
    for (long code : {401L, 403L, 404L}) {
      Script f;
      f.responses = {status(code, R"({"error":{"message":"nope"}})")};
      Client cf(f.options());
      try {
        cf.complete(prompt());
        FAIL("no Fatal");
      } catch (const Fatal& e) {
        std::string what = e.what();
        CHECK(what.rfind("http://h/v1/chat/completions: HTTP " + std::to_string(code) + ": nope (check ", 0) == 0);
        CHECK(what.find("sk-secret") == std::string::npos);
      }
    }
  }

  TEST_CASE("replies without usage get estimated tokens, marked as such")
  {
    Script s;
    s.responses = {status(200, R"({"choices":[{"message":{"content":"12345678"}}]})")};
    Client c(s.options());
    Completion r = c.complete(prompt());
    REQUIRE(r.ok);
    CHECK_FALSE(r.usage.reported);
    CHECK(r.usage.completion_tokens == 2);
    CHECK(r.usage.prompt_tokens == 4); // 13 bytes of prompt
    CHECK(r.model == "m");
  }

  TEST_CASE("never more requests in flight than the concurrency limit")
  {
    std::atomic<int> in_flight{0};
    std::atomic<int> peak{0};
    std::atomic<int> total{0};
    ClientOptions o;
    o.base_url = "http://h/v1";
    o.model = "m";
    o.concurrency = 2;
    o.transport = [&](const HttpRequest&) {
      int now = ++in_flight;
      int p = peak.load();
      while (now > p && !peak.compare_exchange_weak(p, now)) {
      }
      std::this_thread::sleep_for(milliseconds(5));
      --in_flight;
      ++total;
      return status(200, k_ok);
    };
    Client c(o);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
      threads.emplace_back([&] { CHECK(c.complete(prompt()).ok); });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(total == 8);
    CHECK(peak <= 2);
  }

  TEST_CASE("backoff doubles up to its cap")
  {
    ClientOptions o;
    o.base_url = "http://h/v1";
    o.model = "m";
    o.backoff = milliseconds(100);
    o.max_backoff = milliseconds(1000);
    Client c(o);
    for (int retry = 1; retry <= 10; ++retry) {
      int64_t full = std::min<int64_t>(100LL << (retry - 1), 1000);
      auto d = c.backoff_delay(retry).count();
      CHECK(d >= full - full / 2);
      CHECK(d <= full);
    }
  }

  TEST_CASE("embeddings: one request for the batch, vectors in input order")
  {
    Script s;
    s.responses = {status(200, R"({"data":[{"index":1,"embedding":[2]},{"index":0,"embedding":[1]}],"usage":{"prompt_tokens":4}})")};
    auto o = s.options();
    o.embedding_model = "e";
    Client c(o);
    auto r = c.embed({"a", "b"});
    REQUIRE(r.ok());
    CHECK(r->vectors[0][0] == 1.0F);
    CHECK(s.requests[0].url == "http://h/v1/embeddings");
    CHECK(s.requests[0].body == R"({"model":"e","input":["a","b"]})");
    CHECK(c.embed({"only one"}).error() == "malformed reply: expected 1 embeddings, got 2 (5 attempts)");
  }

  TEST_CASE("Retry-After: seconds or an HTTP date")
  {
    CHECK(parse_retry_after("7") == 7.0);
    CHECK(parse_retry_after(" 1.5 ") == 1.5);
    CHECK(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0); // in the past
    CHECK_FALSE(parse_retry_after("soon").has_value());
    CHECK_FALSE(parse_retry_after("").has_value());
  }
}
