#include "llm/client.hpp"

#include "config/config.hpp"
#include "llm/meter.hpp"
#include "util/error.hpp"
#include "util/json_write.hpp"
#include "util/secrets.hpp"
#include "util/strings.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <thread>

namespace eok::llm {

namespace {

std::string describe_status(const HttpResponse& r)
{
  std::string summary = error_summary(r.body);
  return "HTTP " + std::to_string(r.status) + (summary.empty() ? "" : ": " + summary);
}

std::string seconds_text(std::chrono::milliseconds ms)
{
  return util::fixed(static_cast<double>(ms.count()) / 1000.0, 1) + " s";
}

} // namespace

ClientOptions client_options(const config::Settings& settings)
{
  const config::Config& c = settings.get();
  if (c.llm_base_url.empty()) {
    throw Fatal("llm.base_url is not set (e.g. http://127.0.0.1:8080/v1; EOK_LLM_BASE_URL or --set llm.base_url=...)");
  }
  if (c.llm_model.empty()) {
    throw Fatal("llm.model is not set (EOK_LLM_MODEL or --set llm.model=...)");
  }
  ClientOptions o;
  o.base_url = c.llm_base_url;
  o.model = c.llm_model;
  o.embedding_model = c.llm_embedding_model;
  o.api_key = settings.api_key();
  o.timeout = std::chrono::seconds(std::max<int64_t>(1, c.llm_timeout_s));
  o.max_retries = static_cast<int>(c.llm_max_retries);
  o.concurrency = static_cast<int>(std::max<int64_t>(1, c.llm_concurrency));
  o.temperature = c.llm_temperature;
  o.max_tokens = c.llm_max_tokens;
  o.backoff = std::chrono::milliseconds(c.llm_backoff_ms);
  return o;
}

Client::Client(ClientOptions options)
  : m_options(std::move(options))
  , m_rng(std::random_device{}())
{
  if (m_options.api_key) {
    util::register_secret(*m_options.api_key);
  }
  while (!m_options.base_url.empty() && m_options.base_url.back() == '/') {
    m_options.base_url.pop_back();
  }
  if (!m_options.transport) {
    m_options.transport = http_post;
  }
  if (!m_options.sleep) {
    m_options.sleep = [](std::chrono::milliseconds ms) { std::this_thread::sleep_for(ms); };
  }
  if (!m_options.warn) {
    m_options.warn = [](const std::string& w) { util::Terminal::instance().warn(w); };
  }
  m_options.concurrency = std::max(1, m_options.concurrency);
  m_options.max_retries = std::max(0, m_options.max_retries);
}

void Client::acquire()
{
  std::unique_lock lock(m_mutex);
  m_slot_free.wait(lock, [&] { return m_in_flight < m_options.concurrency; });
  ++m_in_flight;
}

void Client::release()
{
  {
    std::lock_guard lock(m_mutex);
    --m_in_flight;
  }
  m_slot_free.notify_one();
}

std::chrono::milliseconds Client::backoff_delay(int retry)
{
  int64_t base = m_options.backoff.count();
  int64_t cap = m_options.max_backoff.count();
  int64_t d = base;
  for (int i = 1; i < retry && d < cap; ++i) {
    d *= 2;
  }
  d = std::min(d, cap);
  std::lock_guard lock(m_mutex);
  std::uniform_int_distribution<int64_t> half(0, d / 2);
  return std::chrono::milliseconds(d - d / 2 + half(m_rng));
}

Client::CallResult Client::call(const std::string& path, const std::string& body,
                                const std::function<std::string(const HttpResponse&)>& check)
{
  HttpRequest req;
  req.url = m_options.base_url + path;
  req.headers.emplace_back("Content-Type", "application/json");
  if (m_options.api_key) {
    req.headers.emplace_back("Authorization", "Bearer " + *m_options.api_key);
  }
  req.body = body;
  req.timeout = m_options.timeout;

  CallResult result;
  const int attempts = m_options.max_retries + 1;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    result.attempts = attempt;
    acquire();
    HttpResponse resp;
    try {
      resp = m_options.transport(req);
    } catch (...) {
      release();
      throw;
    }
    release();
    // A server may echo the key (a 401 body, a reply): nothing below ever sees it.
    resp.body = util::redact(resp.body);
    resp.error = util::redact(resp.error);

    std::string reason;
    std::optional<double> retry_after;
    if (resp.transport == HttpResponse::Transport::timed_out) {
      reason = "no reply within " + seconds_text(m_options.timeout);
    } else if (resp.transport != HttpResponse::Transport::ok) {
      reason = "connection failed: " + resp.error;
    } else if (resp.status >= 200 && resp.status < 300) {
      reason = check(resp);
      if (reason.empty()) {
        result.ok = true;
        result.response = std::move(resp);
        return result;
      }
      reason = "malformed reply: " + reason;
    } else if (resp.status == 401 || resp.status == 403 || resp.status == 404) {
      throw Fatal(
          req.url + ": " + describe_status(resp) +
          (resp.status == 404 ? " (check llm.base_url and llm.model)" : " (check the API key: llm.api_key_env / llm.api_key_file)"));
    } else if (resp.status == 408 || resp.status == 429 || resp.status >= 500) {
      reason = describe_status(resp);
      retry_after = resp.retry_after();
    } else {
      result.error = describe_status(resp); // 400, 413, 422, …: retrying the same request will not help
      return result;
    }

    if (attempt == attempts) {
      result.error = reason + (attempts > 1 ? " (" + std::to_string(attempts) + " attempts)" : "");
      return result;
    }
    auto delay = retry_after ? std::min(m_options.max_retry_after, std::chrono::milliseconds(static_cast<int64_t>(*retry_after * 1000)))
                             : backoff_delay(attempt);
    m_options.warn("llm: " + reason + "; retry " + std::to_string(attempt) + " of " + std::to_string(m_options.max_retries) + " in " +
                   seconds_text(delay) + (retry_after ? " (Retry-After)" : ""));
    m_options.sleep(delay);
  }
  return result;
}

Completion Client::complete(const Request& request)
{
  std::string body = "{\"model\":" + util::json_quote(m_options.model) + ",\"messages\":[";
  if (!request.system.empty()) {
    body += "{\"role\":\"system\",\"content\":" + util::json_quote(request.system) + "},";
  }
  body += "{\"role\":\"user\",\"content\":" + util::json_quote(request.user) + "}]";
  body += ",\"temperature\":" + util::json_number(m_options.temperature);
  if (m_options.max_tokens > 0) {
    body += ",\"max_tokens\":" + std::to_string(m_options.max_tokens);
  }
  body += ",\"stream\":false}";

  std::optional<ChatReply> reply;
  CallResult r = call("/chat/completions", body, [&](const HttpResponse& resp) {
    auto parsed = parse_chat_reply(resp.body);
    if (!parsed) {
      return parsed.error();
    }
    reply = std::move(parsed.value());
    return std::string();
  });
  Completion c;
  c.attempts = r.attempts;
  c.model = m_options.model;
  if (!r.ok) {
    c.error = r.error;
    return c;
  }
  c.ok = true;
  c.content = std::move(reply->content);
  if (!reply->model.empty()) {
    c.model = reply->model;
  }
  c.usage = reply->usage.reported ? reply->usage : estimate_usage(request.system.size() + request.user.size(), c.content.size());
  return c;
}

Expected<EmbeddingReply> Client::embed(const std::vector<std::string>& texts)
{
  std::string body =
      "{\"model\":" + util::json_quote(m_options.embedding_model.empty() ? m_options.model : m_options.embedding_model) + ",\"input\":[";
  for (size_t i = 0; i < texts.size(); ++i) {
    body += (i ? "," : "") + util::json_quote(texts[i]);
  }
  body += "]}";
  std::optional<EmbeddingReply> reply;
  CallResult r = call("/embeddings", body, [&](const HttpResponse& resp) {
    auto parsed = parse_embedding_reply(resp.body);
    if (!parsed) {
      return parsed.error();
    }
    if (parsed->vectors.size() != texts.size()) {
      return "expected " + std::to_string(texts.size()) + " embeddings, got " + std::to_string(parsed->vectors.size());
    }
    reply = std::move(parsed.value());
    return std::string();
  });
  if (!r.ok) {
    return Expected<EmbeddingReply>::fail(r.error);
  }
  return std::move(*reply);
}

} // namespace eok::llm
