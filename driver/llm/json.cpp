#include "llm/json.hpp"

#include "util/json_write.hpp"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace eok::llm {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

struct Parsed
{
  simdjson::dom::parser parser; // owns the document's memory
  element root;
  std::string error;
};

bool parse(Parsed& p, std::string_view body)
{
  simdjson::padded_string padded(body);
  auto err = p.parser.parse(padded).get(p.root);
  if (err) {
    p.error = std::string("not valid JSON (") + simdjson::error_message(err) + ")";
    return false;
  }
  return true;
}

std::string string_at(const element& e, const char* key)
{
  std::string_view v;
  if (e.type() == simdjson::dom::element_type::OBJECT && !e[key].get(v)) {
    return std::string(v);
  }
  return {};
}

int64_t int_at(const element& e, const char* key)
{
  int64_t v = 0;
  if (e.type() == simdjson::dom::element_type::OBJECT && !e[key].get(v)) {
    return v;
  }
  uint64_t u = 0;
  if (e.type() == simdjson::dom::element_type::OBJECT && !e[key].get(u)) {
    return static_cast<int64_t>(std::min<uint64_t>(u, INT64_MAX));
  }
  return 0;
}

Usage usage_of(const element& root)
{
  Usage u;
  element usage;
  if (root.type() == simdjson::dom::element_type::OBJECT && !root["usage"].get(usage) &&
      usage.type() == simdjson::dom::element_type::OBJECT) {
    u.reported = true;
    u.prompt_tokens = int_at(usage, "prompt_tokens");
    u.completion_tokens = int_at(usage, "completion_tokens");
    if (u.completion_tokens == 0 && u.prompt_tokens == 0) {
      u.prompt_tokens = int_at(usage, "total_tokens"); // embeddings report only these
    }
  }
  return u;
}

} // namespace

Expected<ChatReply> parse_chat_reply(std::string_view body)
{
  Parsed p;
  if (!parse(p, body)) {
    return Expected<ChatReply>::fail(p.error);
  }
  array choices;
  if (p.root.type() != simdjson::dom::element_type::OBJECT || p.root["choices"].get(choices)) {
    return Expected<ChatReply>::fail("reply has no `choices` array");
  }
  if (choices.size() == 0) {
    return Expected<ChatReply>::fail("reply has an empty `choices` array");
  }
  element first = choices.at(0).value_unsafe();
  element message;
  std::string_view content;
  if (first.type() != simdjson::dom::element_type::OBJECT || first["message"].get(message) ||
      message.type() != simdjson::dom::element_type::OBJECT || message["content"].get(content)) {
    return Expected<ChatReply>::fail("first choice has no text `message.content`");
  }
  ChatReply r;
  r.content = std::string(content);
  r.finish_reason = string_at(first, "finish_reason");
  r.model = string_at(p.root, "model");
  r.usage = usage_of(p.root);
  return r;
}

namespace {

void flatten(const element& e, const std::string& path, std::map<std::string, std::string>& out)
{
  switch (e.type()) {
  case simdjson::dom::element_type::OBJECT:
    for (auto field : object(e)) {
      flatten(field.value, path.empty() ? std::string(field.key) : path + "." + std::string(field.key), out);
    }
    break;
  case simdjson::dom::element_type::ARRAY: {
    size_t i = 0;
    for (element item : array(e)) {
      flatten(item, path + "." + std::to_string(i++), out);
    }
    out[path + ".#"] = std::to_string(i);
    break;
  }
  case simdjson::dom::element_type::STRING:
    out[path] = std::string(std::string_view(e));
    break;
  case simdjson::dom::element_type::NULL_VALUE:
    out[path] = "";
    break;
  default:
    out[path] = simdjson::to_string(e);
  }
}

} // namespace

std::string flat_text(const std::map<std::string, std::string>& fields, const std::string& key)
{
  auto it = fields.find(key);
  return it == fields.end() ? std::string() : it->second;
}

Expected<std::map<std::string, std::string>> parse_flat_object(std::string_view body)
{
  Parsed p;
  if (!parse(p, body)) {
    return Expected<std::map<std::string, std::string>>::fail(p.error);
  }
  if (p.root.type() != simdjson::dom::element_type::OBJECT) {
    return Expected<std::map<std::string, std::string>>::fail("not a JSON object");
  }
  std::map<std::string, std::string> out;
  flatten(p.root, "", out);
  return out;
}

Expected<EmbeddingReply> parse_embedding_reply(std::string_view body)
{
  Parsed p;
  if (!parse(p, body)) {
    return Expected<EmbeddingReply>::fail(p.error);
  }
  array data;
  if (p.root.type() != simdjson::dom::element_type::OBJECT || p.root["data"].get(data)) {
    return Expected<EmbeddingReply>::fail("reply has no `data` array");
  }
  std::vector<std::pair<int64_t, std::vector<float>>> items;
  for (element item : data) {
    array values;
    if (item.type() != simdjson::dom::element_type::OBJECT || item["embedding"].get(values)) {
      return Expected<EmbeddingReply>::fail("a `data` item has no `embedding` array");
    }
    std::vector<float> v;
    v.reserve(values.size());
    for (element x : values) {
      double d = 0;
      if (x.get(d)) {
        return Expected<EmbeddingReply>::fail("an embedding holds a non-number");
      }
      v.push_back(static_cast<float>(d));
    }
    items.emplace_back(int_at(item, "index"), std::move(v));
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  EmbeddingReply r;
  for (auto& it : items) {
    r.vectors.push_back(std::move(it.second));
  }
  r.model = string_at(p.root, "model");
  r.usage = usage_of(p.root);
  return r;
}

std::string error_summary(std::string_view body)
{
  Parsed p;
  if (parse(p, body) && p.root.type() == simdjson::dom::element_type::OBJECT) {
    element err;
    if (!p.root["error"].get(err)) {
      std::string_view s;
      if (!err.get(s)) {
        return std::string(s.substr(0, 300));
      }
      std::string m = string_at(err, "message");
      if (!m.empty()) {
        return m.substr(0, 300);
      }
    }
  }
  std::string head(body.substr(0, 200));
  for (char& c : head) {
    if (static_cast<unsigned char>(c) < 0x20) {
      c = ' ';
    }
  }
  return head;
}

std::string transcript_line(const TranscriptEntry& e)
{
  std::string s = "{\"hash\":" + util::json_quote(e.hash) + ",\"op\":" + util::json_quote(e.op) + ",\"model\":" + util::json_quote(e.model);
  s += ",\"ok\":" + std::string(e.ok ? "true" : "false");
  s += e.ok ? ",\"content\":" + util::json_quote(e.content) : ",\"error\":" + util::json_quote(e.error);
  s +=
      ",\"prompt_tokens\":" + std::to_string(e.usage.prompt_tokens) + ",\"completion_tokens\":" + std::to_string(e.usage.completion_tokens);
  s += ",\"system\":" + util::json_quote(e.system) + ",\"user\":" + util::json_quote(e.user) + "}";
  return s;
}

std::vector<TranscriptEntry> parse_transcript(const std::string& text, const std::string& path)
{
  std::vector<TranscriptEntry> out;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = std::string_view(text).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    Parsed p;
    if (!parse(p, line)) {
      throw Fatal(located(path, line_no, "transcript line is " + p.error));
    }
    if (p.root.type() != simdjson::dom::element_type::OBJECT) {
      throw Fatal(located(path, line_no, "transcript line is not a JSON object"));
    }
    TranscriptEntry e;
    e.hash = string_at(p.root, "hash");
    if (e.hash.empty()) {
      throw Fatal(located(path, line_no, "transcript line has no \"hash\""));
    }
    bool ok = true;
    if (!p.root["ok"].get(ok)) {
      e.ok = ok;
    }
    std::string_view content;
    if (e.ok && p.root["content"].get(content)) {
      throw Fatal(located(path, line_no, "transcript line has no \"content\""));
    }
    e.content = std::string(content);
    e.error = string_at(p.root, "error");
    e.op = string_at(p.root, "op");
    e.model = string_at(p.root, "model");
    e.system = string_at(p.root, "system");
    e.user = string_at(p.root, "user");
    e.usage.prompt_tokens = int_at(p.root, "prompt_tokens");
    e.usage.completion_tokens = int_at(p.root, "completion_tokens");
    e.usage.reported = true;
    out.push_back(std::move(e));
  }
  return out;
}

} // namespace eok::llm
