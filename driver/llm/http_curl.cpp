#include "llm/http_curl.hpp"

#include "util/strings.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <mutex>

namespace eok::llm {

namespace {

void global_init()
{
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink
{
  std::string* body;
  size_t max;
  bool overflow = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user)
{
  auto* s = static_cast<Sink*>(user);
  size_t n = size * count;
  if (s->body->size() + n > s->max) {
    s->overflow = true;
    return 0; // aborts the transfer
  }
  s->body->append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user)
{
  auto* headers = static_cast<std::map<std::string, std::string>*>(user);
  size_t n = size * count;
  std::string line(data, n);
  if (util::starts_with(line, "HTTP/")) {
    headers->clear(); // a new response (after 100-continue or a redirect)
    return n;
  }
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    (*headers)[util::trim(name)] = util::trim(line.substr(colon + 1));
  }
  return n;
}

struct CurlDeleter
{
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter
{
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

} // namespace

std::optional<double> parse_retry_after(const std::string& value)
{
  std::string v = util::trim(value);
  if (v.empty()) {
    return std::nullopt;
  }
  char* end = nullptr;
  double seconds = std::strtod(v.c_str(), &end);
  if (end && *end == '\0' && std::isdigit(static_cast<unsigned char>(v[0]))) {
    return seconds < 0 ? 0.0 : seconds;
  }
  time_t when = curl_getdate(v.c_str(), nullptr);
  if (when == -1) {
    return std::nullopt;
  }
  double delta = std::difftime(when, std::time(nullptr));
  return delta < 0 ? 0.0 : delta;
}

std::optional<double> HttpResponse::retry_after() const
{
  auto it = headers.find("retry-after");
  if (it == headers.end()) {
    return std::nullopt;
  }
  return parse_retry_after(it->second);
}

HttpResponse http_post(const HttpRequest& request)
{
  global_init();
  HttpResponse r;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    r.error = "curl_easy_init failed";
    return r;
  }
  curl_slist* raw = nullptr;
  for (const auto& [name, value] : request.headers) {
    raw = curl_slist_append(raw, (name + ": " + value).c_str());
  }
  raw = curl_slist_append(raw, "Expect:"); // no 100-continue round trip for large prompts
  std::unique_ptr<curl_slist, ListDeleter> list(raw);

  Sink sink{&r.body, request.max_body};
  char errbuf[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.headers);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // threads: no SIGALRM for DNS timeouts
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  if (request.timeout.count() > 0) {
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<int64_t>(request.timeout.count(), 30000)));
  }

  CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  if (rc == CURLE_OK) {
    r.transport = HttpResponse::Transport::ok;
    return r;
  }
  r.transport = rc == CURLE_OPERATION_TIMEDOUT ? HttpResponse::Transport::timed_out : HttpResponse::Transport::failed;
  if (sink.overflow) {
    r.error = "reply larger than " + std::to_string(request.max_body) + " bytes";
  } else {
    r.error = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(rc));
  }
  return r;
}

} // namespace eok::llm
